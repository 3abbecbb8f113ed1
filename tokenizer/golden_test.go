// Golden tests: tend's tokenizer against Hugging Face's own implementation.
// testdata/*.golden.json are written by testdata/gen_goldens.js with the
// npm package `tokenizers`; see that file for the command.
package tokenizer

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

type goldenCase struct {
	Text        string   `json:"text"`
	Pieces      []string `json:"pieces"`
	IDs         []int    `json:"ids"`
	IDsPlain    []int    `json:"ids_plain"`
	Decoded     string   `json:"decoded"`
	DecodedSkip string   `json:"decoded_skip"`
}

var goldenNames = []string{"gpt2", "gpt2_prefix", "gpt2_splits", "llama3", "qwen2", "tend"}

func loadTest(t testing.TB, name string) *Tokenizer {
	t.Helper()
	tok, err := Load(filepath.Join("testdata", name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

func readGolden(t *testing.T, name string) []goldenCase {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name+".golden.json"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []goldenCase
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatalf("%s.golden.json: %v", name, err)
	}
	return cases
}

// prePieces runs only the pre-tokenizer, as PreTokenizer.preTokenizeString
// does, and returns the byte-level form of each piece.
func prePieces(tok *Tokenizer, text string) []string {
	out := []string{}
	for _, p := range tok.pretokenize(text, &encodeState{}) {
		out = append(out, byteLevelEncode(p.s))
	}
	return out
}

func TestGoldens(t *testing.T) {
	for _, name := range goldenNames {
		t.Run(name, func(t *testing.T) {
			tok := loadTest(t, name)
			cases := readGolden(t, name)
			fails := 0
			for i, c := range cases {
				check := func(what string, got, want any) {
					if diff := cmp.Diff(want, got); diff != "" {
						fails++
						if fails <= 10 {
							t.Errorf("case %d %q: %s mismatch (-hf +tend):\n%s", i, c.Text, what, diff)
						}
					}
				}
				check("pieces", prePieces(tok, c.Text), c.Pieces)
				ids := tok.Encode(c.Text, true)
				if ids == nil {
					ids = []int{}
				}
				check("ids", ids, c.IDs)
				plain := tok.Encode(c.Text, false)
				if plain == nil {
					plain = []int{}
				}
				check("ids_plain", plain, c.IDsPlain)
				check("decoded", tok.Decode(c.IDsPlain, false), c.Decoded)
				check("decoded_skip", tok.Decode(c.IDsPlain, true), c.DecodedSkip)
			}
			if fails > 0 {
				t.Errorf("%d mismatches in %d cases", fails, len(cases))
			} else {
				t.Logf("%d cases match Hugging Face exactly", len(cases))
			}
		})
	}
}

// TestEncodeOffsets checks on the golden strings that each token's offsets
// cover exactly the bytes it decodes to, and that the ids equal Encode's.
func TestEncodeOffsets(t *testing.T) {
	for _, name := range []string{"llama3", "tend"} {
		tok := loadTest(t, name)
		for _, c := range readGolden(t, name) {
			ids, offs := tok.EncodeOffsets(c.Text)
			if !cmp.Equal(ids, tok.Encode(c.Text, false)) && len(ids)+len(c.IDsPlain) > 0 {
				t.Errorf("%s %q: EncodeOffsets ids differ from Encode", name, c.Text)
				continue
			}
			end := 0
			for k, id := range ids {
				o := offs[k]
				if o[0] != end {
					t.Errorf("%s %q: token %d starts at %d, want %d", name, c.Text, k, o[0], end)
					break
				}
				if got := c.Text[o[0]:o[1]]; got != string(tok.DecodeBytes([]int{id}, false)) {
					t.Errorf("%s %q: token %d covers %q, decodes to %q", name, c.Text, k, got, tok.DecodeBytes([]int{id}, false))
					break
				}
				end = o[1]
			}
			if end != len(c.Text) {
				t.Errorf("%s %q: offsets end at %d of %d", name, c.Text, end, len(c.Text))
			}
		}
	}
}
