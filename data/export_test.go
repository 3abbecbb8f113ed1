// Round-trip tests: every fixture imported, exported back to its own format
// (as JSONL and as a JSON array where the format allows) and imported again
// must give the same records. Also checks export refusals and the shape of
// exported files.
package data

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/tend-project/tend/conv"
)

// roundTrip exports recs in format f and imports them again.
func roundTripConvs(t testing.TB, f Format, recs []conv.Conversation, opt Options, array bool) []conv.Conversation {
	t.Helper()
	var buf bytes.Buffer
	e, err := NewExporter(&buf, f, ExportOptions{Array: array, Columns: opt.Columns})
	if err != nil {
		t.Fatal(err)
	}
	for i := range recs {
		if err := e.Write(&recs[i]); err != nil {
			t.Fatalf("export: %v", err)
		}
	}
	if err := e.Close(); err != nil {
		t.Fatal(err)
	}
	r, err := OpenConversations(&buf, "exported", f, opt)
	if err != nil {
		t.Fatal(err)
	}
	return drain(t, r)
}

func roundTripPairs(t testing.TB, recs []conv.PreferencePair, opt Options, array bool) []conv.PreferencePair {
	t.Helper()
	var buf bytes.Buffer
	e := NewPairExporter(&buf, ExportOptions{Array: array})
	for i := range recs {
		if err := e.Write(&recs[i]); err != nil {
			t.Fatalf("export: %v", err)
		}
	}
	if err := e.Close(); err != nil {
		t.Fatal(err)
	}
	return drain(t, OpenPairs(&buf, "exported", opt))
}

func TestRoundTrip(t *testing.T) {
	for _, fx := range fixtures {
		for _, situation := range []bool{false, true} {
			for _, array := range []bool{false, true} {
				if array && (fx.format == FormatCSV || fx.format == FormatEmpathetic) {
					continue
				}
				name := fx.file
				if situation {
					name += "/situation"
				}
				if array {
					name += "/array"
				}
				t.Run(name, func(t *testing.T) {
					data, err := os.ReadFile(filepath.Join("testdata", "import", fx.file))
					if err != nil {
						t.Fatal(err)
					}
					opt := Options{License: "MIT", Situation: situation}
					if fx.format.Pairs() {
						first := drain(t, OpenPairs(bytes.NewReader(data), fx.file, opt))
						again := roundTripPairs(t, first, opt, array)
						if diff := cmp.Diff(first, again); diff != "" {
							t.Errorf("import → export → import changed records (-first +again):\n%s", diff)
						}
						return
					}
					r, err := OpenConversations(bytes.NewReader(data), fx.file, fx.format, opt)
					if err != nil {
						t.Fatal(err)
					}
					first := drain(t, r)
					if len(first) == 0 {
						t.Fatal("fixture gave no records")
					}
					again := roundTripConvs(t, fx.format, first, opt, array)
					if diff := cmp.Diff(first, again); diff != "" {
						t.Errorf("import → export → import changed records (-first +again):\n%s", diff)
					}
				})
			}
		}
	}
}

func TestRoundTripCustomColumns(t *testing.T) {
	cols, err := ParseColumns("title=,question=body,answer=reply,topic=tags,id=row")
	if err != nil {
		t.Fatal(err)
	}
	in := "row,body,reply,tags\nr1,\"My mind races, every night\",\"That sounds tiring.\",sleep;anxiety\nr2,Work is too much,Tell me more?,\n"
	opt := Options{Columns: cols}
	r, _ := OpenConversations(strings.NewReader(in), "in.csv", FormatCSV, opt)
	first := drain(t, r)
	want := []string{"csv-r1", "csv-r2"}
	if len(first) != 2 || first[0].ID != want[0] || first[1].ID != want[1] {
		t.Fatalf("ids from the id column: got %+v", first)
	}
	if diff := cmp.Diff([]conv.Concern{conv.ConcernSleep, conv.ConcernAnxiety}, first[0].Labels.Concerns); diff != "" {
		t.Errorf("concerns (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(first, roundTripConvs(t, FormatCSV, first, opt, false)); diff != "" {
		t.Errorf("round trip (-first +again):\n%s", diff)
	}
}

func TestParseColumns(t *testing.T) {
	tests := []struct {
		in      string
		want    Columns
		wantErr string
	}{
		{"", DefaultColumns, ""},
		{"answer=reply", Columns{Title: "questionTitle", Question: "questionText", Answer: "reply", Topic: "topic"}, ""},
		{"title=,topic=", Columns{Question: "questionText", Answer: "answerText"}, ""},
		{"question", DefaultColumns, `--columns: "question" is not key=column`},
		{"body=x", DefaultColumns, `--columns: unknown key "body"`},
		{"answer=", DefaultColumns, "--columns: question and answer columns are required"},
	}
	for _, tt := range tests {
		got, err := ParseColumns(tt.in)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("ParseColumns(%q) error = %v, want %q", tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseColumns(%q) = %+v, %v; want %+v", tt.in, got, err, tt.want)
		}
	}
}

func TestExportRefusals(t *testing.T) {
	multi := conv.Conversation{ID: "m", Messages: []conv.Message{
		{Role: conv.RoleUser, Content: "a"}, {Role: conv.RoleAssistant, Content: "b"}, {Role: conv.RoleUser, Content: "c"}}}
	sys := conv.Conversation{ID: "s", Messages: []conv.Message{
		{Role: conv.RoleUser, Content: "a"}, {Role: conv.RoleSystem, Content: "be nice"}, {Role: conv.RoleAssistant, Content: "b"}}}
	twoAssist := conv.Conversation{ID: "t", Messages: []conv.Message{
		{Role: conv.RoleUser, Content: "a"}, {Role: conv.RoleAssistant, Content: "b"}, {Role: conv.RoleAssistant, Content: "c"}}}
	tests := []struct {
		f       Format
		c       conv.Conversation
		wantErr string
	}{
		{FormatCSV, multi, "m: cannot be written in this format as csv: want exactly one user question and one assistant answer, got 3 messages"},
		{FormatAlpaca, multi, "m: cannot be written in this format as alpaca: want user/assistant pairs after an optional system message"},
		{FormatAlpaca, conv.Conversation{ID: "u", Messages: append(append([]conv.Message{}, twoAssist.Messages...), conv.Message{Role: conv.RoleUser, Content: "d"})},
			"u: cannot be written in this format as alpaca: message 2 is assistant, want user (turns must alternate)"},
		{FormatESConv, sys, "s: cannot be written in this format as esconv: message 1 is a system message, which esconv has no place for"},
		{FormatEmpathetic, twoAssist, "t: cannot be written in this format as empathetic: message 2 is assistant, want user (turns must alternate, speaker first)"},
		{FormatEmpathetic, sys, "message 1 is a system message"},
	}
	for _, tt := range tests {
		e, err := NewExporter(&bytes.Buffer{}, tt.f, ExportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		err = e.Write(&tt.c)
		if err == nil || !errors.Is(err, ErrNotRepresentable) || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("%s export of %s: got %v, want %q wrapping ErrNotRepresentable", tt.f, tt.c.ID, err, tt.wantErr)
		}
	}
	if _, err := NewExporter(&bytes.Buffer{}, "parquet", ExportOptions{}); !errors.Is(err, ErrUnknownFormat) {
		t.Errorf("unknown export format: got %v", err)
	}
	// Formats that hold any conversation never refuse one.
	for _, f := range []Format{FormatOpenAI, FormatShareGPT} {
		e, _ := NewExporter(&bytes.Buffer{}, f, ExportOptions{})
		for _, c := range []conv.Conversation{multi, sys, twoAssist} {
			if err := e.Write(&c); err != nil {
				t.Errorf("%s refused %s: %v", f, c.ID, err)
			}
		}
	}
}

func TestExportEmptyArray(t *testing.T) {
	var buf bytes.Buffer
	e, _ := NewExporter(&buf, FormatESConv, ExportOptions{Array: true})
	if err := e.Close(); err != nil {
		t.Fatal(err)
	}
	if got := buf.String(); got != "[\n]\n" {
		t.Errorf("empty array export = %q", got)
	}
	r, _ := OpenConversations(&buf, "empty.json", FormatESConv, Options{})
	if recs := drain(t, r); len(recs) != 0 {
		t.Errorf("re-import of an empty array gave %d records", len(recs))
	}
}
