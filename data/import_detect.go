// Format detection and the entry points that open an importer. Detection
// looks at the file extension (.yaml and .yml are sources libraries), then
// at the first record: the CSV header or the keys of the first JSON object,
// in a JSONL file or a JSON array.
package data

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/tend-project/tend/conv"
)

// sniffBytes bounds how much of a file detection may look at; the first
// record must fit.
const sniffBytes = 1 << 20

// NewBufferedReader wraps r for Detect and the Open functions, with a
// buffer big enough to sniff the first record.
func NewBufferedReader(r io.Reader) *bufio.Reader { return bufio.NewReaderSize(r, sniffBytes) }

// Detect guesses the format of the input named name from its extension and
// first record, without consuming anything from br.
func Detect(name string, br *bufio.Reader) (Format, error) {
	ext := strings.ToLower(filepath.Ext(strings.TrimSuffix(strings.ToLower(name), ".gz")))
	head, _ := br.Peek(sniffBytes)
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	trimmed := bytes.TrimLeft(head, " \t\r\n")
	if ext == ".yaml" || ext == ".yml" {
		return FormatLibrary, nil // the only YAML format: a sources library
	}
	if ext == ".csv" || (len(trimmed) > 0 && trimmed[0] != '{' && trimmed[0] != '[') {
		first, _, _ := bytes.Cut(trimmed, []byte("\n"))
		cols := strings.Split(strings.TrimSpace(string(first)), ",")
		if slices.Contains(cols, "conv_id") && slices.Contains(cols, "utterance_idx") {
			return FormatEmpathetic, nil
		}
		if ext == ".csv" {
			return FormatCSV, nil
		}
		return "", fmt.Errorf("%s: %w: the file is neither JSON nor a .csv; pass --format", name, ErrUnknownFormat)
	}
	var obj map[string]json.RawMessage
	var err error
	if len(trimmed) > 0 && trimmed[0] == '[' {
		dec := json.NewDecoder(bytes.NewReader(trimmed))
		if _, err = dec.Token(); err == nil {
			err = dec.Decode(&obj)
		}
	} else {
		line, _, _ := bytes.Cut(trimmed, []byte("\n"))
		err = json.Unmarshal(line, &obj)
	}
	if err != nil {
		return "", fmt.Errorf("%s: %w: cannot read the first record (%v); pass --format", name, ErrUnknownFormat, err)
	}
	has := func(k string) bool { _, ok := obj[k]; return ok }
	switch {
	case has("chosen") && has("rejected"):
		return FormatPreference, nil
	case has("messages"):
		return FormatOpenAI, nil
	case has("conversations"):
		return FormatShareGPT, nil
	case has("dialog"):
		return FormatESConv, nil
	case has("instruction") && has("output"):
		return FormatAlpaca, nil
	}
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return "", fmt.Errorf("%s: %w: the first record has keys [%s], which match no format; pass --format", name, ErrUnknownFormat, strings.Join(keys, ", "))
}

func buffered(r io.Reader) *bufio.Reader {
	if br, ok := r.(*bufio.Reader); ok && br.Size() >= 1<<16 {
		return br
	}
	return bufio.NewReaderSize(r, 1<<16)
}

// OpenConversations returns a streaming reader for a conversation format;
// file names the input in errors.
func OpenConversations(r io.Reader, file string, f Format, opt Options) (Reader[conv.Conversation], error) {
	br := buffered(r)
	switch f {
	case FormatOpenAI:
		return newOpenAIReader(br, file, opt), nil
	case FormatShareGPT:
		return newShareGPTReader(br, file, opt), nil
	case FormatAlpaca:
		return newAlpacaReader(br, file, opt), nil
	case FormatCSV:
		return newCSVReader(br, file, opt), nil
	case FormatESConv:
		return newESConvReader(br, file, opt), nil
	case FormatEmpathetic:
		return newEmpatheticReader(br, file, opt), nil
	case FormatLibrary:
		return newLibraryReader(br, file, opt), nil
	case FormatPreference:
		return nil, fmt.Errorf("%s: format %s holds preference pairs; use OpenPairs", file, f)
	}
	return nil, fmt.Errorf("%s: %w %q", file, ErrUnknownFormat, f)
}

// OpenPairs returns a streaming reader for preference-pair JSONL.
func OpenPairs(r io.Reader, file string, opt Options) Reader[conv.PreferencePair] {
	return newPreferenceReader(buffered(r), file, opt)
}
