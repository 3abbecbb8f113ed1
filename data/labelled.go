// Reading the labelled JSONL files that the evaluation commands take (scrub
// spans, duplicate pairs, filter cases, training sentences): one strict
// decoder, so every such file reports errors the same way.
package data

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/tend-project/tend/conv"
)

// readJSONL decodes one T per non-blank line, strictly (unknown fields are
// errors), and passes each value and its line number to check, which may
// be nil. Errors are *conv.LineError naming the file and line, wrapping
// conv.ErrMalformed for bad JSON and conv.ErrInvalid for a failed check.
func readJSONL[T any](r io.Reader, name string, check func(v *T, line int) error) ([]T, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	var out []T
	for line := 1; sc.Scan(); line++ {
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		var v T
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&v); err != nil {
			return nil, &conv.LineError{File: name, Line: line, Err: fmt.Errorf("%w: %v", conv.ErrMalformed, err)}
		}
		if check != nil {
			if err := check(&v, line); err != nil {
				return nil, &conv.LineError{File: name, Line: line, Err: fmt.Errorf("%w: %v", conv.ErrInvalid, err)}
			}
		}
		out = append(out, v)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return out, nil
}
