// Split tests: on a seed corpus with injected near-duplicates, prove by
// brute force that no test record has an exact or near twin (Jaccard at or
// above the threshold) in train, that pair prompts do not leak, that ratios
// and strata hold, and that the seed decides the split.
package data

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/tend-project/tend/conv"
)

// leakCorpus writes seed conversations plus, for every tenth, a lightly
// edited copy under a new id, and returns the input paths.
func leakCorpus(t *testing.T, n int) []string {
	t.Helper()
	dir := t.TempDir()
	inputs := writeSeedCorpus(t, dir, n)
	src := readConvs(t, inputs[0])
	f, err := os.Create(filepath.Join(dir, "twins.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	w := conv.NewWriter[conv.Conversation](f)
	for i := 0; i < len(src); i += 10 {
		c := src[i]
		c.ID += "-twin"
		c.Messages = append([]conv.Message(nil), c.Messages...)
		for k, m := range c.Messages {
			if m.Role == conv.RoleUser {
				c.Messages[k].Content = m.Content + " Sorry, I know it's a lot."
				break
			}
		}
		if err := w.Write(&c); err != nil {
			t.Fatal(err)
		}
	}
	w.Flush()
	f.Close()
	return append(inputs, f.Name())
}

func TestSplitNoLeak(t *testing.T) {
	inputs := leakCorpus(t, 1500)
	cfg := DefaultCurateConfig()
	for _, mode := range []Mode{ModeCurate, ModeSplit} {
		out := filepath.Join(t.TempDir(), "out")
		m, err := Curate(context.Background(), CurateOptions{Mode: mode, Config: cfg, Inputs: inputs, Out: out})
		if err != nil {
			t.Fatal(err)
		}
		mh := NewMinHasher(cfg.Dedupe.Perms, cfg.Dedupe.Shingle, cfg.Seed)
		type rec struct {
			id       string
			exact    uint64
			shingles []uint64
		}
		load := func(split string) []rec {
			var recs []rec
			for _, c := range readConvs(t, filepath.Join(out, split+".jsonl")) {
				recs = append(recs, rec{c.ID, exactHash(KindConversation, c.Messages), mh.Shingles(dedupeWords(c.Messages, nil), nil)})
			}
			for _, p := range readPairs(t, filepath.Join(out, "preferences", split+".jsonl")) {
				recs = append(recs, rec{p.ID, exactHash(KindConversation, p.Prompt), mh.Shingles(dedupeWords(p.Prompt, nil), nil)})
			}
			return recs
		}
		train, test := load("train"), load("test")
		if len(test) < 100 || len(train) < 8*len(test)/2 {
			t.Fatalf("%s: %d train, %d test records", mode, len(train), len(test))
		}
		leaks := 0
		for _, a := range test {
			for _, b := range train {
				if a.exact == b.exact || Jaccard(a.shingles, b.shingles) >= cfg.Dedupe.Threshold {
					leaks++
					if leaks < 5 {
						t.Errorf("%s: test %s has a twin %s in train (Jaccard %.2f)", mode, a.id, b.id, Jaccard(a.shingles, b.shingles))
					}
				}
			}
		}
		if leaks > 0 {
			t.Errorf("%s: %d train/test leaks", mode, leaks)
		}
		// Every injected twin is found when nothing is filtered first.
		if mode == ModeSplit && m.Dedupe.NearPairs+m.Counts.ExactDups < 150 {
			t.Errorf("only %d near pairs found among 150 injected twins", m.Dedupe.NearPairs+m.Counts.ExactDups)
		}
		// Ratios overall and per concern.
		tr, te := m.Splits["train"], m.Splits["test"]
		total := float64(m.Counts.Written)
		if share := float64(te.Conversations+te.Pairs) / total; math.Abs(share-0.1) > 0.03 {
			t.Errorf("%s: test share %.3f, want about 0.1", mode, share)
		}
		for c, n := range tr.Concerns {
			all := n + te.Concerns[c] + m.Splits["val"].Concerns[c]
			if all >= 100 {
				if share := float64(te.Concerns[c]) / float64(all); share < 0.05 || share > 0.15 {
					t.Errorf("%s: concern %s has test share %.3f of %d", mode, c, share, all)
				}
			}
		}
	}
}

func readPairs(t *testing.T, path string) []conv.PreferencePair {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := conv.NewReader[conv.PreferencePair](f, path)
	var out []conv.PreferencePair
	for {
		p, err := r.Next()
		if err != nil {
			if err.Error() == "EOF" {
				return out
			}
			t.Fatal(err)
		}
		out = append(out, p)
	}
}

func TestAssignSplitsSeed(t *testing.T) {
	n := 2000
	in := splitInput{n: n, keep: func(int32) bool { return true }, root: func(i int32) int32 { return i - i%4 },
		stratum: func(i int32) uint16 { return uint16(i % 7) }, key: func(i int32) uint64 { return mix64(uint64(i - i%4)) }}
	cfg := SplitConfig{Train: 0.8, Val: 0.1, Test: 0.1}
	a, b, c := assignSplits(cfg, 1, in), assignSplits(cfg, 1, in), assignSplits(cfg, 2, in)
	same, diff := true, false
	for i := range a {
		same = same && a[i] == b[i]
		diff = diff || a[i] != c[i]
		if a[i] != a[i-i%4] {
			t.Fatalf("record %d left its group", i)
		}
	}
	if !same || !diff {
		t.Errorf("same seed same split: %v; other seed differs: %v", same, diff)
	}
}
