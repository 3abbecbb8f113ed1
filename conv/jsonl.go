// JSON Lines reading and writing for conversations and preference pairs.
// Reading streams one record at a time, so memory stays flat however large
// the file; every error carries the file name and 1-based line number.
package conv

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// ErrMalformed marks a line that is not a valid JSON object of the expected
// shape. Check with errors.Is.
var ErrMalformed = errors.New("malformed JSON")

// MaxLineBytes bounds one JSONL record; longer lines are rejected rather
// than buffered without limit.
const MaxLineBytes = 16 << 20

// LineError locates a bad record.
type LineError struct {
	File string
	Line int
	Err  error
}

func (e *LineError) Error() string { return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err) }
func (e *LineError) Unwrap() error { return e.Err }

// Record is a type that can be read and written as one JSONL line.
type Record interface {
	Conversation | PreferencePair
}

// Reader streams records of type T from a JSONL source. Blank lines are
// skipped. Unknown fields are an error, so a typo in a label name is caught.
type Reader[T Record] struct {
	file string
	br   *bufio.Reader
	line int
	buf  []byte
}

// NewReader reads from r; file names the source in errors.
func NewReader[T Record](r io.Reader, file string) *Reader[T] {
	return &Reader[T]{file: file, br: bufio.NewReaderSize(r, 1<<16)}
}

// Line returns the line number of the record last returned by Next.
func (r *Reader[T]) Line() int { return r.line }

// File returns the source name given to NewReader.
func (r *Reader[T]) File() string { return r.file }

// RawLine returns the bytes of the line last read; valid until the next call.
func (r *Reader[T]) RawLine() []byte { return r.buf }

// Next returns the next record, io.EOF at the end, or a *LineError. After a
// *LineError the reader can continue with the following line, which is how
// --skip-invalid works.
func (r *Reader[T]) Next() (T, error) {
	var zero T
	for {
		line, err := r.readLine()
		if err != nil {
			return zero, err
		}
		if r.line == 1 {
			// Editors on Windows often save UTF-8 with a byte-order mark.
			line = bytes.TrimPrefix(line, utf8BOM)
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var rec T
		if err := decodeStrict(line, &rec); err != nil {
			return zero, &LineError{r.file, r.line, fmt.Errorf("%w: %v", ErrMalformed, err)}
		}
		if err := validate(&rec); err != nil {
			return zero, &LineError{r.file, r.line, err}
		}
		return rec, nil
	}
}

func (r *Reader[T]) readLine() ([]byte, error) {
	r.buf = r.buf[:0]
	for {
		chunk, err := r.br.ReadSlice('\n')
		r.buf = append(r.buf, chunk...)
		if len(r.buf) > MaxLineBytes {
			r.line++
			// Drain the rest of the oversized line so the next call starts
			// clean, and drop the big buffer so one bad line does not pin
			// 16 MiB for the rest of the file.
			for errors.Is(err, bufio.ErrBufferFull) {
				_, err = r.br.ReadSlice('\n')
			}
			r.buf = nil
			if err != nil && err != io.EOF {
				return nil, fmt.Errorf("%s: %w", r.file, err)
			}
			return nil, &LineError{r.file, r.line, fmt.Errorf("%w: line longer than %d bytes", ErrMalformed, MaxLineBytes)}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err == io.EOF {
			if len(r.buf) == 0 {
				return nil, io.EOF
			}
			r.line++
			return r.buf, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", r.file, err)
		}
		r.line++
		return r.buf, nil
	}
}

var utf8BOM = []byte("\xef\xbb\xbf")

func truncate(b []byte, n int) string {
	if len(b) > n {
		return string(b[:n]) + "..."
	}
	return string(b)
}

func decodeStrict(line []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	// dec.More reports false for a stray ']' or '}', so check the remaining
	// bytes directly: only whitespace may follow the object.
	if rest := bytes.TrimSpace(line[dec.InputOffset():]); len(rest) > 0 {
		return fmt.Errorf("unexpected %q after the JSON object", truncate(rest, 20))
	}
	return nil
}

func validate(v any) error {
	switch rec := v.(type) {
	case *Conversation:
		return rec.Validate()
	case *PreferencePair:
		return rec.Validate()
	}
	return nil
}

// Writer writes records as JSONL. It validates each record first, so tend
// never writes what it would refuse to read.
type Writer[T Record] struct {
	bw  *bufio.Writer
	enc *json.Encoder
	n   int
}

// NewWriter writes to w. Call Flush when done.
func NewWriter[T Record](w io.Writer) *Writer[T] {
	bw := bufio.NewWriterSize(w, 1<<16)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	return &Writer[T]{bw: bw, enc: enc}
}

// Write validates and writes one record.
func (w *Writer[T]) Write(rec *T) error {
	if err := validate(rec); err != nil {
		return fmt.Errorf("record %d: %w", w.n+1, err)
	}
	w.n++
	return w.enc.Encode(rec)
}

// Count returns how many records were written.
func (w *Writer[T]) Count() int { return w.n }

// Flush writes any buffered data.
func (w *Writer[T]) Flush() error { return w.bw.Flush() }
