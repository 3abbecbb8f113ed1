// Package data turns conversation data from the shapes people already have
// into tend's JSONL records, and curates it. This file holds what every
// importer shares: format names, options, the Reader contract, record ids,
// and the streaming sources that find JSON records in JSONL files and in JSON
// arrays with their line numbers.
package data

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/tend-project/tend/conv"
)

// Format names an external data format.
type Format string

const (
	FormatOpenAI     Format = "openai"     // OpenAI chat fine-tuning JSONL: {"messages": [...]}
	FormatShareGPT   Format = "sharegpt"   // {"conversations": [{"from", "value"}]}
	FormatAlpaca     Format = "alpaca"     // {"instruction", "input", "output"}
	FormatCSV        Format = "csv"        // question/answer CSV, CounselChat columns by default
	FormatESConv     Format = "esconv"     // ESConv JSON (Liu et al., 2021)
	FormatEmpathetic Format = "empathetic" // EmpatheticDialogues CSV (Rashkin et al., 2019)
	FormatPreference Format = "preference" // TRL prompt/chosen/rejected JSONL
)

// Formats lists every supported format in a stable order.
var Formats = []Format{FormatOpenAI, FormatShareGPT, FormatAlpaca, FormatCSV, FormatESConv, FormatEmpathetic, FormatPreference, FormatLibrary}

// ErrUnknownFormat is returned for a format name tend does not know, or an
// input whose format cannot be detected. Check with errors.Is.
var ErrUnknownFormat = errors.New("unknown format")

// ErrStreamBroken marks a record error after which the input cannot be read
// any further, such as a syntax error inside a JSON array: there is no next
// line to resume at. Such an error stops an import even with --skip-invalid.
// Check with errors.Is.
var ErrStreamBroken = errors.New("cannot read past this point")

// ParseFormat checks a --format value.
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats {
		if string(f) == s {
			return f, nil
		}
	}
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = string(f)
	}
	return "", fmt.Errorf("%w %q (want one of %s)", ErrUnknownFormat, s, strings.Join(names, ", "))
}

// Pairs reports whether the format holds preference pairs rather than
// conversations.
func (f Format) Pairs() bool { return f == FormatPreference }

// Source is the value importers put in Conversation.Source.
func (f Format) Source() string { return "import:" + string(f) }

// Options tune an import. The zero value is ready to use.
type Options struct {
	// License is stored on every record; "" means "unknown".
	License string
	// Columns maps CSV roles to header names; zero fields take the
	// CounselChat defaults (see DefaultColumns).
	Columns Columns
	// Situation keeps ESConv's "situation" and EmpatheticDialogues'
	// "prompt" as a leading system message. Off by default, since a system
	// turn changes what a model trains on.
	Situation bool
}

func (o Options) license() string {
	if o.License == "" {
		return "unknown"
	}
	return o.License
}

// Reader streams records of one input file. Next returns io.EOF at the end.
// A bad record gives a *conv.LineError naming the file and line; the caller
// may call Next again to skip it, unless the error wraps ErrStreamBroken.
// Any other error (I/O) ends the input.
type Reader[T conv.Record] interface {
	Next() (T, error)
	// Raw returns the input bytes of the record last returned or rejected,
	// for a rejects file. Valid until the next call to Next.
	Raw() []byte
}

// situationPrefix starts the system message that carries a source's
// situation text when Options.Situation is set; exporters recognise it.
const situationPrefix = "Situation: "

// deriveID makes a stable id for a record whose source has none: the format
// name and a hash of the messages. Identical conversations get identical
// ids, which is what exact deduplication wants.
func deriveID(f Format, msgs []conv.Message) string {
	h := sha256.New()
	for _, m := range msgs {
		h.Write([]byte(m.Role))
		h.Write([]byte{0})
		h.Write([]byte(m.Content))
		h.Write([]byte{0x1e})
	}
	var sum [sha256.Size]byte
	return string(f) + "-" + hex.EncodeToString(h.Sum(sum[:0])[:8])
}

// sourceID makes an id from one the source carries, prefixed with the format
// so ids from different datasets cannot collide.
func sourceID(f Format, id string) string { return string(f) + "-" + id }

// exportID undoes sourceID so an exported file carries the source's own id
// and a re-import yields the same tend id.
func exportID(f Format, id string) string {
	return strings.TrimPrefix(id, string(f)+"-")
}

// invalidf builds a record-level error that wraps conv.ErrInvalid.
func invalidf(format string, args ...any) error {
	return fmt.Errorf("%w: %s", conv.ErrInvalid, fmt.Sprintf(format, args...))
}

// ---- JSON sources ---------------------------------------------------------

// recordSource decodes one JSON record at a time into v and reports the
// record's input bytes and the line it starts on. A record that does not fit
// v (wrong JSON types, or bad JSON on a JSONL line) gives a *conv.LineError
// after which the next call continues with the following record.
type recordSource interface {
	next(v any) (raw []byte, line int, err error)
}

// newJSONSource picks JSONL or JSON-array reading from the first non-space
// byte, so every JSON format accepts both shapes.
func newJSONSource(br *bufio.Reader, file string) recordSource {
	skipBOM(br)
	if firstByte(br) == '[' {
		return newArraySource(br, file)
	}
	return &jsonlSource{lineSource{file: file, br: br}}
}

// firstByte peeks past leading whitespace without consuming it (so line
// numbers stay right) and returns the first other byte, or 0.
func firstByte(br *bufio.Reader) byte {
	for n := 1; n <= br.Size(); n++ {
		b, err := br.Peek(n)
		if len(b) < n {
			return 0
		}
		if !isSpace(b[n-1]) {
			return b[n-1]
		}
		if err != nil {
			return 0
		}
	}
	return 0
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\r' || b == '\n' }

func skipBOM(br *bufio.Reader) {
	if b, err := br.Peek(3); err == nil && string(b) == "\xef\xbb\xbf" {
		br.Discard(3)
	}
}

// lineSource reads lines: blank lines skipped, lines longer than
// conv.MaxLineBytes rejected without buffering them whole.
type lineSource struct {
	file string
	br   *bufio.Reader
	line int
	buf  []byte
}

func (s *lineSource) next() ([]byte, int, error) {
	for {
		s.buf = s.buf[:0]
		var tooLong bool
		for {
			chunk, err := s.br.ReadSlice('\n')
			if !tooLong {
				s.buf = append(s.buf, chunk...)
				if len(s.buf) > conv.MaxLineBytes {
					tooLong, s.buf = true, nil
				}
			}
			if errors.Is(err, bufio.ErrBufferFull) {
				continue
			}
			if err == io.EOF && len(s.buf) == 0 && !tooLong {
				return nil, s.line, io.EOF
			}
			if err != nil && err != io.EOF {
				return nil, s.line, fmt.Errorf("%s: %w", s.file, err)
			}
			break
		}
		s.line++
		if tooLong {
			return nil, s.line, &conv.LineError{File: s.file, Line: s.line,
				Err: fmt.Errorf("%w: line longer than %d bytes", conv.ErrMalformed, conv.MaxLineBytes)}
		}
		if len(bytes.TrimSpace(s.buf)) > 0 {
			return s.buf, s.line, nil
		}
	}
}

// jsonlSource decodes one JSON object per line.
type jsonlSource struct{ lineSource }

func (s *jsonlSource) next(v any) ([]byte, int, error) {
	raw, line, err := s.lineSource.next()
	if err != nil {
		return raw, line, err
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return raw, line, &conv.LineError{File: s.file, Line: line, Err: fmt.Errorf("%w: %v", conv.ErrMalformed, err)}
	}
	return raw, line, nil
}

// arraySource streams the elements of a top-level JSON array with
// json.Decoder, decoding each straight into the format's record type, so
// only one element is in memory at a time and each is parsed once.
type arraySource struct {
	file    string
	lc      *lineCounter
	dec     *json.Decoder
	started bool
	done    bool
	broken  error
}

func newArraySource(r io.Reader, file string) *arraySource {
	lc := &lineCounter{r: r, line: 1}
	return &arraySource{file: file, lc: lc, dec: json.NewDecoder(lc)}
}

func (s *arraySource) next(v any) ([]byte, int, error) {
	if s.broken != nil {
		return nil, 0, s.broken
	}
	if s.done {
		return nil, 0, io.EOF
	}
	if !s.started {
		s.started = true
		if _, err := s.dec.Token(); err != nil { // the opening '['
			return nil, 0, s.fail(err)
		}
	}
	if !s.dec.More() {
		if _, err := s.dec.Token(); err != nil { // the closing ']'
			return nil, 0, s.fail(err)
		}
		// Anything but whitespace after the array is an error too.
		if _, err := s.dec.Token(); err != io.EOF {
			if err == nil {
				err = errors.New("data after the end of the JSON array")
			}
			return nil, 0, s.fail(err)
		}
		s.done = true
		return nil, 0, io.EOF
	}
	prevEnd := s.dec.InputOffset() // just after '[' or the previous element
	err := s.dec.Decode(v)
	var te *json.UnmarshalTypeError
	if err != nil && !errors.As(err, &te) {
		return nil, 0, s.fail(err)
	}
	// The decoder has consumed the whole element even after a type error,
	// so the stream is still in step and the next element can be read.
	raw, line := s.lc.span(prevEnd, s.dec.InputOffset())
	if err != nil {
		return raw, line, &conv.LineError{File: s.file, Line: line, Err: fmt.Errorf("%w: %v", conv.ErrMalformed, err)}
	}
	return raw, line, nil
}

// fail turns a decoder error into a located, sticky ErrStreamBroken error.
func (s *arraySource) fail(err error) error {
	if err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	var ioErr *readError
	if errors.As(err, &ioErr) {
		s.broken = fmt.Errorf("%s: %w", s.file, ioErr.err)
		return s.broken
	}
	off := s.dec.InputOffset()
	var se *json.SyntaxError
	if errors.As(err, &se) {
		off = se.Offset
	}
	s.broken = &conv.LineError{File: s.file, Line: s.lc.lineAt(off),
		Err: fmt.Errorf("%w: %v (%w)", conv.ErrMalformed, err, ErrStreamBroken)}
	return s.broken
}

// readError carries an I/O error through json.Decoder unchanged, so it is
// not mistaken for a problem with the data.
type readError struct{ err error }

func (e *readError) Error() string { return e.err.Error() }

// lineCounter remembers the bytes the decoder has read but not yet passed,
// so byte offsets can be turned into line numbers and element bytes. The
// offsets asked for only grow, so bytes before the last one asked for are
// dropped and memory stays bounded by the decoder's look-ahead.
type lineCounter struct {
	r       io.Reader
	pending []byte
	start   int64 // offset of pending[0]
	line    int   // line number at start
}

func (c *lineCounter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.pending = append(c.pending, p[:n]...)
	if err != nil && err != io.EOF {
		err = &readError{err}
	}
	return n, err
}

// lineAt returns the line of offset off and forgets the bytes before it.
func (c *lineCounter) lineAt(off int64) int {
	k := int(min(max(off-c.start, 0), int64(len(c.pending))))
	c.line += bytes.Count(c.pending[:k], []byte{'\n'})
	c.pending = c.pending[:copy(c.pending, c.pending[k:])]
	c.start += int64(k)
	return c.line
}

// span returns the bytes of the element that lies between from and to
// (skipping the separating whitespace and comma) and the line it starts on.
// The bytes are valid until the next call.
func (c *lineCounter) span(from, to int64) ([]byte, int) {
	i := int(min(max(from-c.start, 0), int64(len(c.pending))))
	j := int(min(max(to-c.start, 0), int64(len(c.pending))))
	for i < j && (isSpace(c.pending[i]) || c.pending[i] == ',') {
		i++
	}
	line := c.lineAt(c.start + int64(i))
	return c.pending[:j-i], line
}

// jsonReader adapts a recordSource and a per-format conversion from the
// format's record type R into a Reader.
type jsonReader[T conv.Record, R any] struct {
	file  string
	src   recordSource
	raw   []byte
	build func(*R) (T, error)
}

func newJSONReader[T conv.Record, R any](br *bufio.Reader, file string, build func(*R) (T, error)) *jsonReader[T, R] {
	return &jsonReader[T, R]{file: file, src: newJSONSource(br, file), build: build}
}

func (r *jsonReader[T, R]) Raw() []byte { return r.raw }

func (r *jsonReader[T, R]) Next() (T, error) {
	var zero T
	var rec R
	raw, line, err := r.src.next(&rec)
	r.raw = raw
	if err != nil {
		return zero, err
	}
	out, err := r.build(&rec)
	if err != nil {
		return zero, &conv.LineError{File: r.file, Line: line, Err: err}
	}
	return out, nil
}

// csvError is a malformed CSV row or header. It matches conv.ErrMalformed
// with errors.Is but says "CSV" rather than conv's "JSON".
type csvError struct{ err error }

func (e *csvError) Error() string        { return "malformed CSV: " + e.err.Error() }
func (e *csvError) Unwrap() error        { return e.err }
func (e *csvError) Is(target error) bool { return target == conv.ErrMalformed }

func malformedCSV(format string, args ...any) error {
	return &csvError{fmt.Errorf(format, args...)}
}
