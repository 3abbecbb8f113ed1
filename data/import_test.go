// Golden tests for every importer: each fixture in testdata/import is
// detected, imported and compared with its .golden.jsonl. Run
// `go test ./data -run TestImportGolden -update` to rewrite the goldens
// after an intended change, and review the diff.
package data

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/tend-project/tend/conv"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/import")

var fixtures = []struct {
	file   string
	format Format
}{
	{"openai.jsonl", FormatOpenAI},
	{"sharegpt.json", FormatShareGPT},
	{"alpaca.json", FormatAlpaca},
	{"alpaca.jsonl", FormatAlpaca},
	{"counselchat.csv", FormatCSV},
	{"esconv.json", FormatESConv},
	{"empathetic.csv", FormatEmpathetic},
	{"preference.jsonl", FormatPreference},
}

// importFile reads a whole input into tend JSONL, failing on any error.
func importFile(t testing.TB, name string, data []byte, f Format, opt Options) []byte {
	t.Helper()
	var out bytes.Buffer
	if f.Pairs() {
		w := conv.NewWriter[conv.PreferencePair](&out)
		for _, p := range drain(t, OpenPairs(bytes.NewReader(data), name, opt)) {
			if err := w.Write(&p); err != nil {
				t.Fatal(err)
			}
		}
		w.Flush()
		return out.Bytes()
	}
	r, err := OpenConversations(bytes.NewReader(data), name, f, opt)
	if err != nil {
		t.Fatal(err)
	}
	w := conv.NewWriter[conv.Conversation](&out)
	for _, c := range drain(t, r) {
		if err := w.Write(&c); err != nil {
			t.Fatal(err)
		}
	}
	w.Flush()
	return out.Bytes()
}

func drain[T conv.Record](t testing.TB, r Reader[T]) []T {
	t.Helper()
	var recs []T
	for {
		rec, err := r.Next()
		if err == io.EOF {
			return recs
		}
		if err != nil {
			t.Fatalf("unexpected error: %v", err)
		}
		recs = append(recs, rec)
	}
}

func TestImportGolden(t *testing.T) {
	for _, fx := range fixtures {
		t.Run(fx.file, func(t *testing.T) {
			path := filepath.Join("testdata", "import", fx.file)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			got, err := Detect(path, NewBufferedReader(bytes.NewReader(data)))
			if err != nil || got != fx.format {
				t.Fatalf("Detect = %q, %v; want %q", got, err, fx.format)
			}
			out := importFile(t, path, data, fx.format, Options{License: "CC-BY-4.0"})
			golden := filepath.Join("testdata", "import", strings.ReplaceAll(fx.file, ".", "_")+".golden.jsonl")
			if *update {
				if err := os.WriteFile(golden, out, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), string(out)); diff != "" {
				t.Errorf("%s differs from %s (-want +got):\n%s", path, golden, diff)
			}
		})
	}
}

// TestImportSituation checks the option that keeps ESConv's situation and
// EmpatheticDialogues' prompt as a system message.
func TestImportSituation(t *testing.T) {
	for _, tt := range []struct {
		file, want string
		f          Format
	}{
		{"esconv.json", "Situation: My contract ends next month and I have not found another job yet.", FormatESConv},
		{"empathetic.csv", "Situation: I have a big presentation at work tomorrow and I haven't slept well all week.", FormatEmpathetic},
	} {
		data, err := os.ReadFile(filepath.Join("testdata", "import", tt.file))
		if err != nil {
			t.Fatal(err)
		}
		r, _ := OpenConversations(bytes.NewReader(data), tt.file, tt.f, Options{Situation: true})
		c := drain(t, r)[0]
		if c.Messages[0] != (conv.Message{Role: conv.RoleSystem, Content: tt.want}) {
			t.Errorf("%s: first message %+v, want the situation", tt.file, c.Messages[0])
		}
		for _, tl := range c.Labels.Turns {
			if c.Messages[tl.Turn].Role != conv.RoleAssistant {
				t.Errorf("%s: turn label %d points at a %s message", tt.file, tl.Turn, c.Messages[tl.Turn].Role)
			}
		}
		if c.License != "unknown" {
			t.Errorf("default licence = %q, want unknown", c.License)
		}
	}
}

// TestImportErrors feeds each importer broken records and checks the
// file:line error, its sentinel, and that the reader resumes afterwards
// (skip-and-continue) unless the stream is broken.
func TestImportErrors(t *testing.T) {
	okOpenAI := `{"messages":[{"role":"user","content":"hi"}]}`
	tests := []struct {
		name     string
		format   Format
		input    string
		wantErrs []string
		sentinel error
		wantOK   int // records read successfully around the errors
	}{
		{"openai syntax", FormatOpenAI, okOpenAI + "\n{\"messages\": [\n" + okOpenAI + "\n",
			[]string{"in:2: malformed JSON: unexpected end of JSON input"}, conv.ErrMalformed, 2},
		{"openai tool role", FormatOpenAI, `{"messages":[{"role":"tool","content":"x"}]}` + "\n" + okOpenAI,
			[]string{`in:1: invalid record: messages[0].role: unsupported role "tool" (want system, developer, user or assistant)`}, conv.ErrInvalid, 1},
		{"openai image part", FormatOpenAI, `{"messages":[{"role":"user","content":[{"type":"image_url"}]}]}`,
			[]string{`in:1: invalid record: messages[0].content: part 0 has type "image_url"; only text parts are supported`}, conv.ErrInvalid, 0},
		{"openai no messages", FormatOpenAI, `{"prompt":"x"}`,
			[]string{`in:1: invalid record: messages: missing (an OpenAI chat record is {"messages": [...]})`}, conv.ErrInvalid, 0},
		{"openai empty content", FormatOpenAI, `{"messages":[{"role":"user","content":""}]}`,
			[]string{"in:1: invalid record: messages[0].content: empty"}, conv.ErrInvalid, 0},
		{"sharegpt bad speaker", FormatShareGPT, "\n" + `{"conversations":[{"from":"observation","value":"x"}]}`,
			[]string{`in:2: invalid record: conversations[0].from: unsupported speaker "observation" (want human, gpt or system)`}, conv.ErrInvalid, 0},
		{"sharegpt array element", FormatShareGPT, "[\n  {\"conversations\": [{\"from\": \"human\", \"value\": \"a\"}]},\n  {\"conversations\": [{\"from\": \"gpt\"}]},\n  {\"conversations\": [{\"from\": \"human\", \"value\": \"b\"}]}\n]\n",
			[]string{"in:3: invalid record: conversations[0].value: missing"}, conv.ErrInvalid, 2},
		{"sharegpt array syntax breaks the stream", FormatShareGPT, "[\n  {\"conversations\": [{\"from\": \"human\", \"value\": \"a\"}]},\n  {\"conversations\": [}\n]\n",
			[]string{"in:3: malformed JSON: invalid character '}' looking for beginning of value (cannot read past this point)"}, ErrStreamBroken, 1},
		{"sharegpt truncated array", FormatShareGPT, "[\n  {\"conversations\": [{\"from\": \"human\", \"value\": \"a\"}]},\n",
			[]string{"in:2: malformed JSON: unexpected EOF (cannot read past this point)"}, ErrStreamBroken, 1},
		{"sharegpt trailing data", FormatShareGPT, "[]\n[]",
			[]string{"in:2: malformed JSON: data after the end of the JSON array (cannot read past this point)"}, ErrStreamBroken, 0},
		{"alpaca missing output", FormatAlpaca, `{"instruction":"a"}`,
			[]string{"in:1: invalid record: output: missing"}, conv.ErrInvalid, 0},
		{"alpaca bad history", FormatAlpaca, `{"instruction":"a","output":"b","history":[["x"]]}`,
			[]string{"in:1: invalid record: history[0]: has 1 items, want [user, assistant]"}, conv.ErrInvalid, 0},
		{"alpaca wrong type", FormatAlpaca, `{"instruction":3,"output":"b"}`,
			[]string{"in:1: malformed JSON: json: cannot unmarshal number into Go struct field alpacaRecord.instruction of type string"}, conv.ErrMalformed, 0},
		{"alpaca type error inside an array resumes", FormatAlpaca, "[\n {\"instruction\": \"a\", \"output\": \"b\"},\n {\"instruction\": [3],\n  \"output\": \"b\"}, {\"instruction\": \"c\", \"output\": \"d\"}\n]",
			[]string{"in:3: malformed JSON: json: cannot unmarshal array into Go struct field alpacaRecord.instruction of type string"}, conv.ErrMalformed, 2},
		{"esconv bad speaker", FormatESConv, `[{"dialog":[{"speaker":"therapist","content":"x"}]}]`,
			[]string{`in:1: invalid record: dialog[0].speaker: "therapist" is not seeker or supporter`}, conv.ErrInvalid, 0},
		{"esconv bad strategy", FormatESConv, "[\n{\"dialog\":[{\"speaker\":\"seeker\",\"content\":\"x\"},{\"speaker\":\"supporter\",\"content\":\"y\",\"annotation\":{\"strategy\":\"Advice\"}}]}\n]",
			[]string{`in:2: invalid record: dialog[1].annotation.strategy: unknown ESConv strategy "Advice"`}, conv.ErrInvalid, 0},
		{"csv missing column", FormatCSV, "questionText,topic\nq,stress\n",
			[]string{`in:1: malformed CSV: header has no "answerText" column (header: questionText,topic; remap with --columns) (cannot read past this point)`}, ErrStreamBroken, 0},
		{"csv bad quote then continue", FormatCSV, "questionText,answerText\n\"a\"b,c\nq,a\n",
			[]string{`in:2: malformed CSV: extraneous or missing " in quoted-field`}, conv.ErrMalformed, 1},
		{"csv empty answer", FormatCSV, "questionText,answerText\nq,\nq2,a2\n",
			[]string{"in:2: invalid record: answerText: empty"}, conv.ErrInvalid, 1},
		{"csv short row", FormatCSV, "questionText,answerText\nq\n",
			[]string{"in:2: invalid record: row has 1 fields, too few for the question and answer columns"}, conv.ErrInvalid, 0},
		{"empathetic out of order", FormatEmpathetic, "conv_id,utterance_idx,context,prompt,speaker_idx,utterance\nc1,1,sad,p,1,hello\nc1,3,sad,p,2,hi\nc2,1,joyful,p,1,yay\n",
			[]string{"in:3: invalid record: utterance_idx: 3 in conversation c1, want 2 (rows must be in order)"}, conv.ErrInvalid, 1},
		{"empathetic bad idx", FormatEmpathetic, "conv_id,utterance_idx,context,prompt,speaker_idx,utterance\nc1,one,sad,p,1,hello\n",
			[]string{`in:2: invalid record: utterance_idx: "one" is not a positive number`}, conv.ErrInvalid, 0},
		{"empathetic short row", FormatEmpathetic, "conv_id,utterance_idx,context,prompt,speaker_idx,utterance\nc1,1,sad\n",
			[]string{"in:2: invalid record: row has 3 fields, too few for the prompt column"}, conv.ErrInvalid, 0},
		{"empathetic header", FormatEmpathetic, "id,text\n",
			[]string{`in:1: malformed CSV: header has no "conv_id" column (want conv_id,utterance_idx,context,prompt,utterance) (cannot read past this point)`}, ErrStreamBroken, 0},
		{"preference identical", FormatPreference, `{"prompt":"p","chosen":"same","rejected":"same"}`,
			[]string{"in:1: invalid record: chosen and rejected are identical"}, conv.ErrInvalid, 0},
		{"preference missing rejected", FormatPreference, `{"prompt":"p","chosen":"c"}` + "\n" + `{"prompt":"p","chosen":"c","rejected":"r"}`,
			[]string{"in:1: invalid record: rejected: missing"}, conv.ErrInvalid, 1},
		{"preference bad concern", FormatPreference, `{"prompt":"p","chosen":"c","rejected":"r","concerns":["insomnia"]}`,
			[]string{`in:1: invalid record: concerns[0]: unknown concern "insomnia"`}, conv.ErrInvalid, 0},
		{"preference prompt ends with assistant", FormatPreference, `{"prompt":[{"role":"user","content":"a"},{"role":"assistant","content":"b"}],"chosen":"c","rejected":"r"}`,
			[]string{"in:1: invalid record: prompt: last message is assistant, want user"}, conv.ErrInvalid, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var errs []string
			var ok int
			collect := func(err error) bool {
				if err == io.EOF {
					return false
				}
				if err == nil {
					ok++
					return true
				}
				var le *conv.LineError
				if !errors.As(err, &le) {
					t.Fatalf("error %v is not a *conv.LineError", err)
				}
				if !errors.Is(err, tt.sentinel) {
					t.Errorf("error %v does not wrap %v", err, tt.sentinel)
				}
				errs = append(errs, err.Error())
				return !errors.Is(err, ErrStreamBroken)
			}
			if tt.format.Pairs() {
				r := OpenPairs(strings.NewReader(tt.input), "in", Options{})
				for i := 0; i < 100; i++ {
					if _, err := r.Next(); !collect(err) {
						break
					}
				}
			} else {
				r, err := OpenConversations(strings.NewReader(tt.input), "in", tt.format, Options{})
				if err != nil {
					t.Fatal(err)
				}
				for i := 0; i < 100; i++ {
					if _, err := r.Next(); !collect(err) {
						break
					}
				}
			}
			if diff := cmp.Diff(tt.wantErrs, errs); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
			if ok != tt.wantOK {
				t.Errorf("read %d good records, want %d", ok, tt.wantOK)
			}
		})
	}
}

// TestImportRaw checks that Raw returns exactly the rejected record's input,
// for a JSONL line, a JSON array element, a CSV row and an
// EmpatheticDialogues conversation.
func TestImportRaw(t *testing.T) {
	tests := []struct {
		name, input string
		format      Format
		want        []string // Raw after each Next, for errors and records alike
	}{
		{"jsonl", "{\"messages\":[]}\n\n{\"messages\":[{\"role\":\"user\",\"content\":\"a\"}]}\n", FormatOpenAI,
			[]string{`{"messages":[]}` + "\n", `{"messages":[{"role":"user","content":"a"}]}` + "\n"}},
		{"array", "[ {\"instruction\": 1, \"output\": \"x\"} ,\n\t{\"instruction\": \"a\",\n \"output\": \"b\"}]", FormatAlpaca,
			[]string{`{"instruction": 1, "output": "x"}`, "{\"instruction\": \"a\",\n \"output\": \"b\"}"}},
		{"csv", "questionText,answerText\n\"a, b\",\nq,a\n", FormatCSV,
			[]string{"\"a, b\",\n", "q,a\n"}},
		{"empathetic", "conv_id,utterance_idx,context,prompt,speaker_idx,utterance\nc1,1,sad,p,1,\nc1,2,sad,p,2,b\nc2,1,sad,p,1,x\n", FormatEmpathetic,
			[]string{"c1,1,sad,p,1,\nc1,2,sad,p,2,b\n", "c2,1,sad,p,1,x\n"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := OpenConversations(strings.NewReader(tt.input), "in", tt.format, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for {
				_, err := r.Next()
				if err == io.EOF {
					break
				}
				got = append(got, string(r.Raw()))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Raw (-want +got):\n%s", diff)
			}
		})
	}
}
