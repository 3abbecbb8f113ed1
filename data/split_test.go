// Split tests: on a seed corpus with injected near-duplicates, prove by
// brute force that no test record has an exact or near twin (Jaccard at or
// above the threshold) in train, that pair prompts do not leak, that ratios
// and strata hold, and that the seed decides the split.
package data

import (
	"context"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

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
	in := testSplit{n: n, root: func(i int32) int32 { return i - i%4 }, clustered: func(int32) bool { return true },
		stratum: func(i int32) uint16 { return uint16(i % 7) }, key: func(i int32) uint64 { return mix64(uint64(i - i%4)) }}
	cfg := SplitConfig{Train: 0.8, Val: 0.1, Test: 0.1}
	a, b, c := in.run(t, cfg, 1, 1<<20), in.run(t, cfg, 1, 1<<20), in.run(t, cfg, 2, 1<<20)
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

// TestAssignSplitsReference checks the streaming splitter against the
// in-memory algorithm it replaced (assignSplitsRef below), in memory and
// spilled in tiny runs, with clusters, dropped records and few strata.
func TestAssignSplitsReference(t *testing.T) {
	tests := []struct {
		name    string
		n       int
		cluster int // every cluster-th record starts a cluster of 3
		strata  int
		dropped int // every dropped-th record is not kept
		ratios  SplitConfig
	}{
		{"singletons", 3000, 0, 5, 0, SplitConfig{Train: 0.8, Val: 0.1, Test: 0.1}},
		{"clusters and drops", 5000, 7, 13, 11, SplitConfig{Train: 0.8, Val: 0.1, Test: 0.1}},
		{"one stratum", 2000, 5, 1, 0, SplitConfig{Train: 0.6, Val: 0.2, Test: 0.2}},
		{"no val", 1500, 3, 4, 9, SplitConfig{Train: 0.9, Val: 0, Test: 0.1}},
		{"tiny", 7, 2, 3, 0, SplitConfig{Train: 0.8, Val: 0.1, Test: 0.1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := func(i int32) int32 {
				if tt.cluster > 0 && int(i)%tt.cluster < 3 {
					return i - i%int32(tt.cluster)
				}
				return i
			}
			in := testSplit{n: tt.n, root: root,
				clustered: func(i int32) bool { return tt.cluster > 0 && int(i)%tt.cluster < 3 },
				stratum:   func(i int32) uint16 { return uint16(mix64(uint64(root(i))) % uint64(tt.strata)) },
				key:       func(i int32) uint64 { return mix64(uint64(i) * 31) },
				keep:      func(i int32) bool { return tt.dropped == 0 || int(i)%tt.dropped != 1 }}
			want := assignSplitsRef(tt.ratios, 3, in)
			for _, budget := range []int64{1 << 20, 1} {
				if diff := cmp.Diff(want, in.run(t, tt.ratios, 3, budget)); diff != "" {
					t.Errorf("budget %d: differs from the in-memory algorithm (-want +got):\n%s", budget, diff)
				}
			}
		})
	}
}

// testSplit describes records for the splitter by functions of the index.
type testSplit struct {
	n         int
	root      func(i int32) int32
	clustered func(i int32) bool
	stratum   func(i int32) uint16
	key       func(i int32) uint64
	keep      func(i int32) bool // nil keeps all
}

func (ts testSplit) kept(i int32) bool { return ts.keep == nil || ts.keep(i) }

// run streams the records through assignSplits and reads back every split.
func (ts testSplit) run(t *testing.T, cfg SplitConfig, seed uint64, budget int64) []int8 {
	t.Helper()
	i := int32(-1)
	next := func() (splitRec, error) {
		if int(i)+1 == ts.n {
			return splitRec{}, io.EOF
		}
		i++
		return splitRec{i: i, keep: ts.kept(i), stratum: ts.stratum(i), key: ts.key(i)}, nil
	}
	res, err := assignSplits(cfg, seed, splitInput{next: next, root: ts.root, clustered: ts.clustered, dir: t.TempDir(), budget: budget})
	if err != nil {
		t.Fatal(err)
	}
	defer res.close()
	cur, err := res.cursor()
	if err != nil {
		t.Fatal(err)
	}
	defer cur.close()
	out := make([]int8, ts.n)
	for j := range out {
		if out[j], err = cur.at(int32(j), ts.kept(int32(j))); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// assignSplitsRef is the in-memory splitter that assignSplits replaced,
// kept as the reference it must agree with.
func assignSplitsRef(cfg SplitConfig, seed uint64, in testSplit) []int8 {
	type group struct {
		stratum uint16
		size    int32
		key     uint64
		split   int8
	}
	groupOf := make([]int32, in.n)
	var groups []group
	for i := range groupOf {
		groupOf[i] = -1
	}
	for i := int32(0); i < int32(in.n); i++ {
		if !in.kept(i) {
			continue
		}
		r := in.root(i)
		g := groupOf[r]
		if g < 0 {
			g = int32(len(groups))
			groupOf[r] = g
			groups = append(groups, group{stratum: in.stratum(i), key: mix64(in.key(i) ^ seed*0x9e3779b97f4a7c15)})
		}
		groups[g].size++
		groupOf[i] = g
	}
	byStratum := map[uint16][]int32{}
	for g := range groups {
		byStratum[groups[g].stratum] = append(byStratum[groups[g].stratum], int32(g))
	}
	ratios := [3]float64{cfg.Train, cfg.Val, cfg.Test}
	var strata []uint16
	for s := range byStratum {
		strata = append(strata, s)
	}
	slices.Sort(strata)
	var total [3]float64
	totalPlaced := 0.0
	for _, s := range strata {
		gs := byStratum[s]
		slices.SortFunc(gs, func(a, b int32) int {
			if c := cmpU64(groups[a].key, groups[b].key); c != 0 {
				return c
			}
			return int(a - b)
		})
		var count [3]float64
		placed := 0.0
		for _, g := range gs {
			size := float64(groups[g].size)
			best, bestDeficit := 0, math.Inf(-1)
			for k := range 3 {
				if ratios[k] == 0 {
					continue
				}
				d := ratios[k]*(placed+size) - count[k] + ratios[k]*(totalPlaced+size) - total[k]
				if d > bestDeficit+1e-9 {
					best, bestDeficit = k, d
				}
			}
			groups[g].split = int8(best)
			count[best] += size
			placed += size
			total[best] += size
			totalPlaced += size
		}
	}
	out := make([]int8, in.n)
	for i := range out {
		out[i] = -1
		if g := groupOf[i]; g >= 0 && in.kept(int32(i)) {
			out[i] = groups[g].split
		}
	}
	return out
}

func cmpU64(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
