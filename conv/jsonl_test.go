// Tests for the JSONL reader and writer: file:line errors, oversized lines,
// skipping a bad line and continuing, strict fields, and round trips.
package conv

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const okLine = `{"id":"a","messages":[{"role":"user","content":"hi"}],"labels":{}}`

// readAll drains r, collecting records and errors (continuing after each
// *LineError the way --skip-invalid does).
func readAll[T Record](t *testing.T, r *Reader[T]) ([]T, []error) {
	t.Helper()
	var recs []T
	var errs []error
	for i := 0; i < 1000; i++ {
		rec, err := r.Next()
		if err == io.EOF {
			return recs, errs
		}
		if err != nil {
			var le *LineError
			if !errors.As(err, &le) {
				t.Fatalf("error %v is not a *LineError", err)
			}
			errs = append(errs, err)
			continue
		}
		recs = append(recs, rec)
	}
	t.Fatal("reader did not reach EOF")
	return nil, nil
}

func TestReaderErrors(t *testing.T) {
	tests := []struct {
		name     string
		input    string
		wantIDs  []string
		wantErrs []string // full error strings, in order
		sentinel error
	}{
		{"clean", okLine + "\n" + strings.Replace(okLine, `"a"`, `"b"`, 1) + "\n", []string{"a", "b"}, nil, nil},
		{"no final newline", okLine, []string{"a"}, nil, nil},
		{"blank lines skipped but counted", "\n  \n" + okLine + "\n\n", []string{"a"}, nil, nil},
		{"crlf", okLine + "\r\n" + okLine + "\r\n", []string{"a", "a"}, nil, nil},
		{"byte-order mark", "\xef\xbb\xbf" + okLine + "\n", []string{"a"}, nil, nil},
		{"syntax error then continue", okLine + "\n{\"id\":\n" + okLine + "\n", []string{"a", "a"},
			[]string{"in.jsonl:2: malformed JSON: unexpected EOF"}, ErrMalformed},
		{"not an object", "[1,2]\n" + okLine + "\n", []string{"a"},
			[]string{"in.jsonl:1: malformed JSON: json: cannot unmarshal array into Go value of type conv.Conversation"}, ErrMalformed},
		{"unknown field", `{"id":"a","messages":[{"role":"user","content":"hi"}],"lables":{}}` + "\n", nil,
			[]string{`in.jsonl:1: malformed JSON: json: unknown field "lables"`}, ErrMalformed},
		{"two objects on a line", okLine + okLine + "\n", nil,
			[]string{`in.jsonl:1: malformed JSON: unexpected "{\"id\":\"a\",\"messages\"..." after the JSON object`}, ErrMalformed},
		{"stray closing brace", okLine + "}\n", nil,
			[]string{`in.jsonl:1: malformed JSON: unexpected "}" after the JSON object`}, ErrMalformed},
		{"wrong type", `{"id":7,"messages":[]}` + "\n", nil,
			[]string{"in.jsonl:1: malformed JSON: json: cannot unmarshal number into Go struct field Conversation.id of type string"}, ErrMalformed},
		{"invalid record", "\n" + `{"id":"a","messages":[{"role":"bot","content":"hi"}]}` + "\n", nil,
			[]string{`in.jsonl:2: invalid record: messages[0].role: unknown role "bot" (want system, user or assistant)`}, ErrInvalid},
		{"bad label", `{"id":"a","messages":[{"role":"user","content":"hi"}],"labels":{"turns":[{"turn":0}]}}`, nil,
			[]string{"in.jsonl:1: invalid record: labels.turns[0].turn: message 0 is a user turn, not assistant"}, ErrInvalid},
		{"null line", "null\n", nil, []string{"in.jsonl:1: invalid record: id: missing"}, ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs, errs := readAll(t, NewReader[Conversation](strings.NewReader(tt.input), "in.jsonl"))
			var ids []string
			for _, r := range recs {
				ids = append(ids, r.ID)
			}
			if diff := cmp.Diff(tt.wantIDs, ids); diff != "" {
				t.Errorf("ids (-want +got):\n%s", diff)
			}
			var msgs []string
			for _, e := range errs {
				msgs = append(msgs, e.Error())
				if tt.sentinel != nil && !errors.Is(e, tt.sentinel) {
					t.Errorf("error %v does not wrap %v", e, tt.sentinel)
				}
			}
			if diff := cmp.Diff(tt.wantErrs, msgs); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReaderLineAndRaw(t *testing.T) {
	input := "\n" + okLine + "\n\n" + strings.Replace(okLine, `"a"`, `"b"`, 1) + "\n"
	r := NewReader[Conversation](strings.NewReader(input), "x.jsonl")
	if r.File() != "x.jsonl" {
		t.Errorf("File() = %q", r.File())
	}
	for _, want := range []struct {
		id   string
		line int
	}{{"a", 2}, {"b", 4}} {
		rec, err := r.Next()
		if err != nil {
			t.Fatal(err)
		}
		if rec.ID != want.id || r.Line() != want.line {
			t.Errorf("got id %q at line %d, want %q at line %d", rec.ID, r.Line(), want.id, want.line)
		}
		if !strings.Contains(string(r.RawLine()), `"id":"`+want.id+`"`) {
			t.Errorf("RawLine() = %q does not hold record %s", r.RawLine(), want.id)
		}
	}
}

func TestReaderOversizedLine(t *testing.T) {
	big := `{"id":"big","messages":[{"role":"user","content":"` + strings.Repeat("x", MaxLineBytes) + `"}]}`
	input := okLine + "\n" + big + "\n" + strings.Replace(okLine, `"a"`, `"c"`, 1) + "\n"
	recs, errs := readAll(t, NewReader[Conversation](strings.NewReader(input), "big.jsonl"))
	if len(recs) != 2 || recs[0].ID != "a" || recs[1].ID != "c" {
		t.Errorf("got %d records, want a and c around the oversized line", len(recs))
	}
	if len(errs) != 1 {
		t.Fatalf("got %d errors, want 1", len(errs))
	}
	want := "big.jsonl:2: malformed JSON: line longer than 16777216 bytes"
	if errs[0].Error() != want || !errors.Is(errs[0], ErrMalformed) {
		t.Errorf("got %q, want %q wrapping ErrMalformed", errs[0], want)
	}
	// An oversized last line without a newline is reported too.
	_, errs = readAll(t, NewReader[Conversation](strings.NewReader(okLine+"\n"+big), "big.jsonl"))
	if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), "big.jsonl:2:") {
		t.Errorf("unterminated oversized line: got errors %v", errs)
	}
}

type failingReader struct{ err error }

func (f failingReader) Read([]byte) (int, error) { return 0, f.err }

func TestReaderIOError(t *testing.T) {
	boom := errors.New("disk on fire")
	r := NewReader[Conversation](io.MultiReader(strings.NewReader(okLine+"\n"), failingReader{boom}), "f.jsonl")
	if _, err := r.Next(); err != nil {
		t.Fatal(err)
	}
	_, err := r.Next()
	if !errors.Is(err, boom) || !strings.HasPrefix(err.Error(), "f.jsonl: ") {
		t.Errorf("got %v, want the I/O error prefixed with the file", err)
	}
	var le *LineError
	if errors.As(err, &le) {
		t.Errorf("an I/O error should not be a *LineError (it is not the record's fault)")
	}
}

func TestWriterRefusesInvalid(t *testing.T) {
	var buf bytes.Buffer
	w := NewWriter[Conversation](&buf)
	good := goodConversation()
	bad := goodConversation()
	bad.Messages[1].Role = "human"
	if err := w.Write(&good); err != nil {
		t.Fatal(err)
	}
	err := w.Write(&bad)
	if err == nil || !errors.Is(err, ErrInvalid) || !strings.HasPrefix(err.Error(), "record 2: ") {
		t.Errorf("got %v, want record 2 rejected with ErrInvalid", err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if w.Count() != 1 || strings.Count(buf.String(), "\n") != 1 {
		t.Errorf("Count()=%d, output %q: want exactly the one valid record", w.Count(), buf.String())
	}
	pw := NewWriter[PreferencePair](&buf)
	badPair := goodPair()
	badPair.Chosen = nil
	if err := pw.Write(&badPair); !errors.Is(err, ErrInvalid) {
		t.Errorf("pair writer: got %v, want ErrInvalid", err)
	}
}

func TestRoundTrip(t *testing.T) {
	convs := []Conversation{goodConversation(), {
		ID:       "unicode & <html>",
		Messages: []Message{{RoleUser, "Ich bin müde — 眠れない 😞\n\"quoted\" and \\ backslash"}},
	}}
	var buf bytes.Buffer
	w := NewWriter[Conversation](&buf)
	for i := range convs {
		if err := w.Write(&convs[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), `\u003c`) {
		t.Error("writer escaped HTML; records should stay readable")
	}
	got, errs := readAll(t, NewReader[Conversation](&buf, "rt.jsonl"))
	if errs != nil {
		t.Fatal(errs)
	}
	if diff := cmp.Diff(convs, got); diff != "" {
		t.Errorf("conversation round trip (-want +got):\n%s", diff)
	}

	pairs := []PreferencePair{goodPair()}
	buf.Reset()
	pw := NewWriter[PreferencePair](&buf)
	if err := pw.Write(&pairs[0]); err != nil {
		t.Fatal(err)
	}
	if err := pw.Flush(); err != nil {
		t.Fatal(err)
	}
	gotPairs, errs := readAll(t, NewReader[PreferencePair](&buf, "rt.jsonl"))
	if errs != nil {
		t.Fatal(errs)
	}
	if diff := cmp.Diff(pairs, gotPairs); diff != "" {
		t.Errorf("pair round trip (-want +got):\n%s", diff)
	}
}

// FuzzReader checks that no input panics the reader, that every record it
// returns is valid, that errors are located, and that what it accepts
// survives a write and a second read unchanged.
func FuzzReader(f *testing.F) {
	f.Add([]byte(okLine + "\n"))
	f.Add([]byte(`{"id":"x","messages":[{"role":"assistant","content":"ok"}],"labels":{"concerns":["grief"],"severity":3,"turns":[{"turn":0,"strategy":"Question","empathy":{"emotional_reactions":2,"interpretations":0,"explorations":1}}],"confidence":0.5},"split":"test"}`))
	f.Add([]byte("\xef\xbb\xbf\n\n{\"id\":\"\"}\n[]\n{}}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := NewReader[Conversation](bytes.NewReader(data), "fuzz.jsonl")
		var buf bytes.Buffer
		w := NewWriter[Conversation](&buf)
		var accepted []Conversation
		for i := 0; ; i++ {
			if i > len(data)+1 {
				t.Fatal("reader does not terminate")
			}
			rec, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				var le *LineError
				if !errors.As(err, &le) || le.Line < 1 || le.File != "fuzz.jsonl" {
					t.Fatalf("unlocated error %v", err)
				}
				continue
			}
			if err := rec.Validate(); err != nil {
				t.Fatalf("reader returned an invalid record: %v", err)
			}
			if err := w.Write(&rec); err != nil {
				t.Fatalf("writer refused a record the reader accepted: %v", err)
			}
			accepted = append(accepted, rec)
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		again, errs := readAll(t, NewReader[Conversation](&buf, "again.jsonl"))
		if errs != nil {
			t.Fatalf("re-reading written records: %v", errs)
		}
		if diff := cmp.Diff(accepted, again); diff != "" {
			t.Fatalf("write/read changed records (-first +second):\n%s", diff)
		}
	})
}
