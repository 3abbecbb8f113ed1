// Unit tests for decoding, streaming, split behaviours, loader errors and
// the trainer, plus the round-trip fuzz target and encode benchmarks.
package tokenizer

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/unicode/norm"
)

func TestStreamingDecoder(t *testing.T) {
	tok := loadTest(t, "llama3")
	tests := []string{
		"plain ascii",
		"emoji 😊🙏🏽 👩‍👩‍👧 and CJK 今日は",
		"combining e\u0301 and Ελληνικά",
		"<|eot_id|> then 🇬🇧",
	}
	for _, text := range tests {
		ids := tok.Encode(text, false)
		d := tok.NewDecoder(false)
		var got strings.Builder
		for _, id := range ids {
			piece := d.Add(id)
			if !utf8.ValidString(piece) {
				t.Errorf("%q: Add(%d) returned invalid UTF-8 %q", text, id, piece)
			}
			got.WriteString(piece)
		}
		got.WriteString(d.Flush())
		if got.String() != text {
			t.Errorf("streamed %q, want %q", got.String(), text)
		}
	}
}

func TestCompletePrefix(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"abc", 3},
		{"a\xf0\x9f\x98", 1}, // 3 of 4 bytes of an emoji: hold them
		{"a\xe4\xbb", 1},     // 2 of 3 bytes of a CJK character
		{"a\xc3", 1},         // 1 of 2 bytes
		{"a\xff", 2},         // never valid: emit
		{"a\x80", 2},         // stray continuation: emit
		{"a\xed\xa0", 3},     // surrogate half can never complete: emit
		{"😊", len("😊")},      // complete
		{"a\xf0\x9f\x98\x8a", 5},
	}
	for _, tt := range tests {
		if got := completePrefix([]byte(tt.in)); got != tt.want {
			t.Errorf("completePrefix(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestSplitBehaviors(t *testing.T) {
	tests := []struct {
		behavior string
		invert   bool
		want     []string
	}{
		{behaviorIsolated, false, []string{"the", "-", "final", "-", "-", "countdown"}},
		{behaviorRemoved, false, []string{"the", "final", "countdown"}},
		{behaviorMergedWithPrevious, false, []string{"the-", "final-", "-", "countdown"}},
		{behaviorMergedWithNext, false, []string{"the", "-final", "-", "-countdown"}},
		{behaviorContiguous, false, []string{"the", "-", "final", "--", "countdown"}},
		{behaviorRemoved, true, []string{"-", "-", "-"}},
	}
	for _, tt := range tests {
		sp := &splitter{literal: "-", behavior: tt.behavior, invert: tt.invert}
		var got []string
		ps, _ := sp.split(piece{"the-final--countdown", 0}, nil, nil)
		for _, p := range ps {
			got = append(got, p.s)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s invert=%v (-want +got):\n%s", tt.behavior, tt.invert, diff)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	base, err := os.ReadFile(filepath.Join("testdata", "tend.json"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		old, new string
		sentinel error
		want     string
	}{
		{"not json", "{", "[", ErrInvalid, "x.json"},
		{"wordpiece", `"type": "BPE"`, `"type": "WordPiece"`, ErrUnsupported, "model.type"},
		{"byte fallback", `"byte_fallback": false`, `"byte_fallback": true`, ErrUnsupported, "model.byte_fallback"},
		{"lookahead regex", `"Regex": "(?i:'s`, `"Regex": "(?=x)(?i:'s`, ErrUnsupported, "pre_tokenizer.pretokenizers[0]"},
		{"bad merge", `["Ġ", "t"]`, `["Ġ t x"]`, ErrInvalid, "model.merges"},
		{"merge out of vocab", `["Ġ", "t"]`, `["Ġ", "nope"]`, ErrInvalid, "not in the vocab"},
		{"metaspace", `"pretokenizers": [`, `"pretokenizers": [{"type": "Metaspace"},`, ErrUnsupported, "Metaspace"},
		{"no decoder", `"decoder": {"type": "ByteLevel"`, `"decoder": {"type": "WordPiece"`, ErrUnsupported, "decoder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := strings.Replace(string(base), tt.old, tt.new, 1)
			if data == string(base) {
				t.Fatalf("fixture edit %q did not apply", tt.old)
			}
			_, err := Parse([]byte(data), "x.json")
			if !errors.Is(err, tt.sentinel) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %v mentioning %q", err, tt.sentinel, tt.want)
			}
		})
	}
}

func TestRegexFallback(t *testing.T) {
	sp, err := newRegexSplitter(`\d+`, behaviorIsolated, false)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	ps, _ := sp.split(piece{"ab12cd345", 0}, nil, nil)
	for _, p := range ps {
		got = append(got, p.s)
	}
	if diff := cmp.Diff([]string{"ab", "12", "cd", "345"}, got); diff != "" {
		t.Error(diff)
	}
}

func TestTrainer(t *testing.T) {
	var corpus strings.Builder
	for _, f := range []string{"english.txt", "multilingual.txt"} {
		b, err := os.ReadFile(filepath.Join("testdata", f))
		if err != nil {
			t.Fatal(err)
		}
		corpus.Write(b)
	}
	for _, pattern := range []string{"gpt2", "llama3", "qwen2"} {
		t.Run(pattern, func(t *testing.T) {
			tr, err := NewTrainer(TrainOptions{VocabSize: 600, Special: []string{"<|x|>"}, Pattern: pattern, MinFrequency: 2})
			if err != nil {
				t.Fatal(err)
			}
			tr.Add(corpus.String() + " <|x|> <|x|> <|x|>")
			data, err := tr.Train(nil)
			if err != nil {
				t.Fatal(err)
			}
			tok, err := Parse(data, pattern)
			if err != nil {
				t.Fatal(err)
			}
			if tok.VocabSize() != 600 {
				t.Errorf("vocab size %d, want 600", tok.VocabSize())
			}
			if id, ok := tok.TokenID("<|x|>"); !ok || id != 0 || !tok.IsSpecial(0) {
				t.Errorf("special token: id %d ok %v", id, ok)
			}
			// Frequent words must have become single tokens.
			for _, w := range []string{" the", " to", " and"} {
				if ids := tok.Encode(w, false); len(ids) != 1 {
					t.Errorf("%q encodes to %d tokens, want 1", w, len(ids))
				}
			}
			text := corpus.String()
			ids := tok.Encode(text, false)
			if got := tok.Decode(ids, false); got != norm.NFC.String(text) {
				t.Error("corpus does not round-trip")
			}
			if ratio := float64(len(text)) / float64(len(ids)); ratio < 2 {
				t.Errorf("compression %.2f bytes/token on the training text, want >= 2", ratio)
			}
			// Training is deterministic.
			tr2, _ := NewTrainer(TrainOptions{VocabSize: 600, Special: []string{"<|x|>"}, Pattern: pattern, MinFrequency: 2})
			tr2.Add(corpus.String() + " <|x|> <|x|> <|x|>")
			data2, _ := tr2.Train(nil)
			if string(data) != string(data2) {
				t.Error("two trainings on the same text differ")
			}
		})
	}
	if _, err := NewTrainer(TrainOptions{VocabSize: 100}); err == nil {
		t.Error("vocab below 256 accepted")
	}
	if _, err := NewTrainer(TrainOptions{VocabSize: 300, Special: []string{"a", "a"}}); err == nil {
		t.Error("repeated special token accepted")
	}
}

// FuzzRoundTrip checks decode(encode(s)) == s (NFC(s) for Qwen2, whose
// normalizer is NFC), exactly as bytes even for invalid UTF-8, that
// streamed decoding equals Decode, and that pre-tokens cover the text.
func FuzzRoundTrip(f *testing.F) {
	for _, s := range []string{"", "Hello world", "I'm 12345 😊\n\n  x", "<|eot_id|>a<|im_start|>", "\xff\xfe bad", "e\u0301", "'ſo 'LL"} {
		f.Add(s)
	}
	toks := map[string]*Tokenizer{}
	for _, n := range []string{"llama3", "qwen2", "tend"} {
		toks[n] = loadTest(f, n)
	}
	gpt2 := loadTest(f, "gpt2")
	f.Fuzz(func(t *testing.T, s string) {
		for name, tok := range toks {
			want := s
			if name == "qwen2" {
				if !utf8.ValidString(s) {
					continue
				}
				want = norm.NFC.String(s)
			}
			ids := tok.Encode(s, false)
			if got := string(tok.DecodeBytes(ids, false)); got != want {
				t.Fatalf("%s: decode(encode(%q)) = %q", name, s, got)
			}
			if got := tok.Decode(ids, false); got != ValidUTF8(want) {
				t.Fatalf("%s: Decode = %q, want %q", name, got, ValidUTF8(want))
			}
			d := tok.NewDecoder(false)
			var sb strings.Builder
			for _, id := range ids {
				piece := d.Add(id)
				if !utf8.ValidString(piece) {
					t.Fatalf("%s: streamed piece %q is not valid UTF-8", name, piece)
				}
				sb.WriteString(piece)
			}
			sb.WriteString(d.Flush())
			if sb.String() != ValidUTF8(want) {
				t.Fatalf("%s: streamed %q, want %q", name, sb.String(), ValidUTF8(want))
			}
		}
		for _, tok := range []*Tokenizer{gpt2, toks["qwen2"]} {
			var sb strings.Builder
			for _, p := range tok.pretokenize(s, &encodeState{}) {
				if p.s == "" {
					t.Fatalf("empty pre-token in %q", s)
				}
				sb.WriteString(p.s)
			}
			if sb.String() != s {
				t.Fatalf("pre-tokens of %q join to %q", s, sb.String())
			}
		}
	})
}

func TestValidUTF8(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ok é 😊", "ok é 😊"},
		{"a\xe2\x82b", "a\ufffdb"},       // truncated 3-byte: one replacement
		{"a\xff\xfeb", "a\ufffd\ufffdb"}, // two invalid bytes: two
		{"\xf0\x9f\x98", "\ufffd"},
		{"\xed\xa0\x80", "\ufffd\ufffd\ufffd"}, // surrogate: each byte
		{"\xe0\x80", "\ufffd\ufffd"},           // overlong lead
	}
	for _, tt := range tests {
		if got := ValidUTF8(tt.in); got != tt.want {
			t.Errorf("ValidUTF8(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzParse feeds mutated tokenizer.json files to the loader: it must
// return an error or a tokenizer, never panic.
func FuzzParse(f *testing.F) {
	for _, n := range []string{"gpt2", "qwen2"} {
		b, err := os.ReadFile(filepath.Join("testdata", n+".json"))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"model": {"type": "BPE", "vocab": {"a": 0}, "merges": ["a a"]}, "pre_tokenizer": {"type": "ByteLevel"}, "decoder": {"type": "ByteLevel"}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		tok, err := Parse(data, "fuzz.json")
		if err != nil {
			return
		}
		ids := tok.Encode("Hello, 世界! <|im_start|> 123", true)
		_ = tok.Decode(ids, true)
	})
}

func benchText(b *testing.B) string {
	data, err := os.ReadFile(filepath.Join("testdata", "english.txt"))
	if err != nil {
		b.Fatal(err)
	}
	return strings.Repeat(string(data), 64) // about 300 KB
}

func benchmarkEncode(b *testing.B, name string, cache bool) {
	tok := loadTest(b, name)
	if !cache {
		tok.model.cacheSize = 0
	}
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	n := 0
	cpu0 := cpuSeconds()
	for b.Loop() {
		n = len(tok.Encode(text, false))
	}
	reportCPU(b, len(text), cpuSeconds()-cpu0)
	b.ReportMetric(float64(len(text))/float64(n), "bytes/token")
}

// reportCPU adds MB per CPU-second: on a loaded machine wall-clock MB/s
// measures the other processes as much as the tokenizer.
func reportCPU(b *testing.B, size int, cpu float64) {
	if cpu > 0 {
		b.ReportMetric(float64(size)*float64(b.N)/cpu/1e6, "MB/cpu-s")
	}
}

// BenchmarkEncode reports MB/s on English text (go test -bench prints it
// from SetBytes), with the per-word cache and without it.
func BenchmarkEncode(b *testing.B) {
	for _, name := range []string{"llama3", "gpt2"} {
		b.Run(name+"/cached", func(b *testing.B) { benchmarkEncode(b, name, true) })
		b.Run(name+"/nocache", func(b *testing.B) { benchmarkEncode(b, name, false) })
	}
}

func BenchmarkDecode(b *testing.B) {
	tok := loadTest(b, "llama3")
	ids := tok.Encode(benchText(b), false)
	b.ResetTimer()
	for b.Loop() {
		d := tok.NewDecoder(true)
		for _, id := range ids {
			d.Add(id)
		}
	}
	b.ReportMetric(float64(len(ids))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkEncodeFile measures a tokenizer and text of your choice:
//
//	TEND_BENCH_TOKENIZER=tokenizer.json TEND_BENCH_TEXT=corpus.txt go test -bench EncodeFile ./tokenizer
func BenchmarkEncodeFile(b *testing.B) {
	path, textPath := os.Getenv("TEND_BENCH_TOKENIZER"), os.Getenv("TEND_BENCH_TEXT")
	if path == "" || textPath == "" {
		b.Skip("set TEND_BENCH_TOKENIZER and TEND_BENCH_TEXT")
	}
	tok, err := Load(path)
	if err != nil {
		b.Fatal(err)
	}
	data, err := os.ReadFile(textPath)
	if err != nil {
		b.Fatal(err)
	}
	text := string(data)
	for _, cache := range []bool{true, false} {
		name := "cached"
		if !cache {
			name = "nocache"
		}
		b.Run(name, func(b *testing.B) {
			tok.model.cacheSize = 0
			if cache {
				tok.model.cacheSize = 1 << 16
			}
			b.SetBytes(int64(len(text)))
			n := 0
			cpu0 := cpuSeconds()
			for b.Loop() {
				n = len(tok.Encode(text, false))
			}
			reportCPU(b, len(text), cpuSeconds()-cpu0)
			b.ReportMetric(float64(len(text))/float64(n), "bytes/token")
		})
	}
}

// TestConcurrentEncode shares one Tokenizer (and its word cache) between
// goroutines; run with -race.
func TestConcurrentEncode(t *testing.T) {
	tok := loadTest(t, "qwen2")
	tok.model.cacheSize = 64 // small, so the cache is cleared while in use
	cases := readGolden(t, "qwen2")
	done := make(chan error)
	for g := 0; g < 4; g++ {
		go func(g int) {
			for i := g; i < len(cases); i += 4 {
				got := tok.Encode(cases[i].Text, true)
				if len(got) != len(cases[i].IDs) || (len(got) > 0 && !cmp.Equal(got, cases[i].IDs)) {
					done <- errors.New("mismatch on " + cases[i].Text)
					return
				}
			}
			done <- nil
		}(g)
	}
	for g := 0; g < 4; g++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}
