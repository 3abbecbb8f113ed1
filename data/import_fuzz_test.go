// Fuzz targets, one per importer. Each checks that no input panics or hangs
// the reader, that every error is located (*conv.LineError, line ≥ 1), that
// every record returned is valid, and that what was imported survives an
// export to the same format and a second import unchanged. Run one with e.g.
// `go test ./data -run '^$' -fuzz FuzzImportShareGPT -fuzztime 15s`.
package data

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/tend-project/tend/conv"
)

func addSeeds(f *testing.F, files ...string) {
	for _, name := range files {
		data, err := os.ReadFile(filepath.Join("testdata", "import", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

// readFuzz drains a reader, checking the error contract, and returns the
// records it accepted.
func readFuzz[T conv.Record](t *testing.T, r Reader[T], limit int, valid func(*T) error) []T {
	var recs []T
	for i := 0; ; i++ {
		if i > limit {
			t.Fatalf("reader did not reach EOF after %d calls", i)
		}
		rec, err := r.Next()
		if err == io.EOF {
			return recs
		}
		if err != nil {
			var le *conv.LineError
			if !errors.As(err, &le) || le.Line < 1 {
				t.Fatalf("unlocated error: %v", err)
			}
			if !errors.Is(err, conv.ErrMalformed) && !errors.Is(err, conv.ErrInvalid) {
				t.Fatalf("error wraps neither ErrMalformed nor ErrInvalid: %v", err)
			}
			if errors.Is(err, ErrStreamBroken) {
				return recs
			}
			continue
		}
		if err := valid(&rec); err != nil {
			t.Fatalf("importer returned an invalid record: %v", err)
		}
		recs = append(recs, rec)
	}
}

func fuzzConversations(f *testing.F, format Format, seeds ...string) {
	addSeeds(f, seeds...)
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, situation := range []bool{false, true} {
			opt := Options{Situation: situation}
			r, err := OpenConversations(bytes.NewReader(data), "fuzz", format, opt)
			if err != nil {
				t.Fatal(err)
			}
			recs := readFuzz(t, r, len(data)+2, (*conv.Conversation).Validate)
			if len(recs) == 0 {
				continue
			}
			if again := roundTripConvs(t, format, recs, opt, false); !cmp.Equal(recs, again) {
				t.Fatalf("round trip changed records (-first +again):\n%s", cmp.Diff(recs, again))
			}
		}
	})
}

func FuzzImportOpenAI(f *testing.F) {
	f.Add([]byte(`{"messages":[{"role":"user","content":[{"type":"text","text":"a"}]}],"id":" x "}`))
	fuzzConversations(f, FormatOpenAI, "openai.jsonl")
}

func FuzzImportShareGPT(f *testing.F) {
	f.Add([]byte(`{"conversations":[{"from":"system","value":"s"},{"from":"gpt","value":"b"}]}`))
	f.Add([]byte(`[{"id":1e3,"conversations":[{"from":"HUMAN","value":"a"}]}] `))
	fuzzConversations(f, FormatShareGPT, "sharegpt.json")
}

func FuzzImportAlpaca(f *testing.F) {
	f.Add([]byte(`{"instruction":"a","input":"b","output":"c","history":[["d","e"]],"system":"s","id":"x"}`))
	fuzzConversations(f, FormatAlpaca, "alpaca.json", "alpaca.jsonl")
}

func FuzzImportCSV(f *testing.F) {
	f.Add([]byte("questionText,answerText,topic\n\"a\nb\",c,\"x,y\"\n"))
	fuzzConversations(f, FormatCSV, "counselchat.csv")
}

func FuzzImportESConv(f *testing.F) {
	f.Add([]byte(`{"emotion_type":"Fear","problem_type":"job, sleep","situation":"s","dialog":[{"speaker":"seeker","content":"a"},{"speaker":"supporter","content":"b","annotation":{"strategy":"reflection"}}]}`))
	fuzzConversations(f, FormatESConv, "esconv.json")
}

func FuzzImportEmpathetic(f *testing.F) {
	f.Add([]byte("conv_id,utterance_idx,context,prompt,speaker_idx,utterance\nc_comma_1,1,sad,p,1,a_comma_b\nc_comma_1,2,sad,p,2,c\n"))
	fuzzConversations(f, FormatEmpathetic, "empathetic.csv")
}

func FuzzImportPreference(f *testing.F) {
	addSeeds(f, "preference.jsonl")
	f.Add([]byte(`{"prompt":"p","chosen":"c","rejected":"r","reasons":[],"concerns":["sleep"],"split":"val","id":3}`))
	f.Add([]byte(`{"chosen":[{"role":"user","content":"a"},{"role":"assistant","content":"b"}],"rejected":[{"role":"user","content":"a"},{"role":"assistant","content":"c"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		recs := readFuzz(t, OpenPairs(bytes.NewReader(data), "fuzz", Options{}), len(data)+2, (*conv.PreferencePair).Validate)
		if len(recs) == 0 {
			return
		}
		if again := roundTripPairs(t, recs, Options{}, false); !cmp.Equal(recs, again) {
			t.Fatalf("round trip changed records (-first +again):\n%s", cmp.Diff(recs, again))
		}
	})
}

// FuzzDetect checks that detection never panics and that whatever it
// detects can at least be opened.
func FuzzDetect(f *testing.F) {
	addSeeds(f, "openai.jsonl", "sharegpt.json", "counselchat.csv", "empathetic.csv", "preference.jsonl")
	f.Fuzz(func(t *testing.T, data []byte) {
		format, err := Detect("input", NewBufferedReader(bytes.NewReader(data)))
		if err != nil {
			if !errors.Is(err, ErrUnknownFormat) {
				t.Fatalf("detection error does not wrap ErrUnknownFormat: %v", err)
			}
			return
		}
		if _, err := ParseFormat(string(format)); err != nil {
			t.Fatalf("detected %q, which ParseFormat rejects", format)
		}
	})
}
