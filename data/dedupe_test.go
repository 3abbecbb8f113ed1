// Tests for deduplication: normalisation, Jaccard, the LSH band choice,
// the labelled pair sample's precision and recall, and runDedupe on small
// sets with hard negatives (same template, different details).
package data

import (
	"bytes"
	"context"
	"errors"
	"math"
	"os"
	"testing"

	"github.com/tend-project/tend/conv"
)

func TestNormWords(t *testing.T) {
	a := normWords("Hello,   WORLD! It's me.", nil)
	b := normWords("hello world its me", nil)
	if len(a) != 4 || len(b) != 4 {
		t.Fatalf("got %d and %d words, want 4", len(a), len(b))
	}
	for i := range a {
		if a[i] != b[i] {
			t.Errorf("word %d differs after normalising", i)
		}
	}
	if h := normWords("Ünïcode Straße", nil); len(h) != 2 {
		t.Errorf("unicode words: got %d, want 2", len(h))
	}
}

func TestJaccard(t *testing.T) {
	for _, tt := range []struct {
		a, b []uint64
		want float64
	}{
		{nil, nil, 1},
		{[]uint64{1, 2, 3}, []uint64{1, 2, 3}, 1},
		{[]uint64{1, 2, 3}, []uint64{4, 5}, 0},
		{[]uint64{1, 2, 3, 4}, []uint64{3, 4, 5, 6}, 2.0 / 6},
	} {
		if got := Jaccard(tt.a, tt.b); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("Jaccard(%v, %v) = %g, want %g", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestMinHashEstimate checks that the share of equal signature slots
// estimates the true Jaccard similarity.
func TestMinHashEstimate(t *testing.T) {
	mh := NewMinHasher(256, 1, 7)
	var a, b []uint64
	for i := uint64(0); i < 300; i++ {
		a = append(a, mix64(i))
		if i >= 100 {
			b = append(b, mix64(i))
		}
	}
	for i := uint64(300); i < 400; i++ {
		b = append(b, mix64(i))
	}
	sa, sb := make([]uint32, 256), make([]uint32, 256)
	mh.Signature(sortU(a), sa)
	mh.Signature(sortU(b), sb)
	eq := 0
	for i := range sa {
		if sa[i] == sb[i] {
			eq++
		}
	}
	want := 200.0 / 400
	if got := float64(eq) / 256; math.Abs(got-want) > 0.1 {
		t.Errorf("MinHash estimate %.3f, true Jaccard %.3f", got, want)
	}
}

func sortU(x []uint64) []uint64 {
	out := append([]uint64(nil), x...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

func TestBands(t *testing.T) {
	for _, th := range []float64{0.5, 0.7, 0.8, 0.9} {
		b, r := Bands(th, 128)
		if b*r > 128 || b < 1 || r < 1 {
			t.Fatalf("Bands(%g) = %d×%d", th, b, r)
		}
		// A pair at the threshold must almost surely become a candidate,
		// and a pair far below it should rarely.
		at := 1 - math.Pow(1-math.Pow(th, float64(r)), float64(b))
		low := 1 - math.Pow(1-math.Pow(th-0.4, float64(r)), float64(b))
		if at < 0.995 || low > 0.5 {
			t.Errorf("Bands(%g) = %d×%d: P(candidate) %.4f at the threshold, %.3f at %.1f", th, b, r, at, low, th-0.4)
		}
	}
}

// TestDedupeLabelled holds the default threshold's precision and recall on
// the hand-labelled pair sample, and its precision on a hand-judged sample
// of near pairs the pipeline found in 100,000 seed conversations.
func TestDedupeLabelled(t *testing.T) {
	for _, tt := range []struct {
		file              string
		precision, recall float64
	}{
		{"testdata/curate/dedupe_pairs.jsonl", 0.9, 0.75},
		{"testdata/curate/seed_near_sample.jsonl", 0.9, 0.9},
	} {
		f, err := os.Open(tt.file)
		if err != nil {
			t.Fatal(err)
		}
		pairs, err := ReadDupPairs(f, tt.file)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		rep := EvalDedupe(DefaultCurateConfig().Dedupe.DedupeConfig, 1, pairs)
		var buf bytes.Buffer
		rep.WriteTable(&buf)
		t.Log(tt.file + "\n" + buf.String())
		if rep.PRF.Precision() < tt.precision || rep.PRF.Recall() < tt.recall {
			t.Errorf("%s: precision %.3f recall %.3f, want at least %.2f / %.2f", tt.file, rep.PRF.Precision(), rep.PRF.Recall(), tt.precision, tt.recall)
		}
	}
}

func convOf(id string, texts ...string) conv.Conversation {
	c := conv.Conversation{ID: id}
	for i, s := range texts {
		role := conv.RoleUser
		if i%2 == 1 {
			role = conv.RoleAssistant
		}
		c.Messages = append(c.Messages, conv.Message{Role: role, Content: s})
	}
	return c
}

func TestRunDedupe(t *testing.T) {
	base := "My manager keeps piling more projects on me and then criticising me in meetings for missing deadlines I never agreed to. I stay late most nights and still feel behind."
	reply := "That sounds exhausting, and it makes sense you feel worn down when the goalposts keep moving. What would you most want your manager to understand?"
	recs := []conv.Conversation{
		convOf("a", base, reply),
		convOf("b", base, reply), // exact copy
		convOf("c", "  "+base+"!!", "THAT sounds exhausting, and it makes sense you feel worn down when the goalposts keep moving. What would you most want your manager to understand"), // exact after normalising
		convOf("d", base+" It's every week.", reply), // near
		convOf("e", "My teacher keeps giving more homework and then shouting at me in class for missing work I never knew about. I stay up most nights and still feel behind.", reply), // hard negative
		convOf("f", "I can't sleep since my dog died.", "I'm so sorry. Losing a companion like that leaves a real gap."),
	}
	cfg := DefaultCurateConfig().Dedupe.DedupeConfig
	shingles := make([][]uint64, len(recs))
	for _, budget := range []int64{1 << 20, 1} { // in memory, and spilled in tiny runs
		dd, err := runDedupe(cfg, testDedupeInput(t, cfg, recs, shingles, budget))
		if err != nil {
			t.Fatal(err)
		}
		want := []uint8{keepRecord, dropExact, dropExact, dropNear, keepRecord, keepRecord}
		for i, w := range want {
			why, twin := dd.dropOf(int32(i))
			if why != w {
				t.Errorf("budget %d: record %s: drop %d, want %d (Jaccard with a: %.2f)", budget, recs[i].ID, why, w, Jaccard(shingles[0], shingles[i]))
			}
			if w != keepRecord && twin != 0 {
				t.Errorf("budget %d: record %s: twin %d, want 0", budget, recs[i].ID, twin)
			}
		}
		if dd.uf.find(4) == dd.uf.find(0) || dd.uf.find(5) == dd.uf.find(0) {
			t.Errorf("hard negatives were clustered with the original")
		}
		if dd.npairs != 1 || dd.clusters != 1 || dd.exact != 2 || dd.near != 1 {
			t.Errorf("budget %d: %d pairs in %d clusters, %d exact, %d near; want 1, 1, 2, 1", budget, dd.npairs, dd.clusters, dd.exact, dd.near)
		}
		dd.close()
	}
	// An interrupt stops dedupe between bands.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	in := testDedupeInput(t, cfg, recs, shingles, 1<<20)
	in.ctx = ctx
	_, err := runDedupe(cfg, in)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled dedupe: got %v, want context.Canceled", err)
	}
}

// testDedupeInput feeds conversations to runDedupe through sorters of the
// given budget in a temporary directory, filling shingles.
func testDedupeInput(t *testing.T, cfg DedupeConfig, recs []conv.Conversation, shingles [][]uint64, budget int64) dedupeInput {
	t.Helper()
	mh := NewMinHasher(cfg.Perms, cfg.Shingle, 1)
	nb, nr := Bands(cfg.Threshold, cfg.Perms)
	dir := t.TempDir()
	in := dedupeInput{n: len(recs), nb: nb, dropExact: true, dir: dir, budget: budget,
		exact: newExtSorter(keyIdxSpec, dir, "exact", budget), bands: newExtSorter(keyIdxSpec, dir, "bands", budget),
		kind: func(int32) (RecordKind, error) { return KindConversation, nil },
		load: func(i int32) ([]uint64, error) { return shingles[i], nil }}
	for i := range recs {
		shingles[i] = mh.Shingles(dedupeWords(recs[i].Messages, nil), nil)
		sig := make([]uint32, cfg.Perms)
		mh.Signature(shingles[i], sig)
		in.exact.add(keyIdx{k: exactHash(KindConversation, recs[i].Messages), i: uint32(i)})
		for b, v := range bandHashes(sig, nb, nr, nil) {
			in.bands.add(keyIdx{k: uint64(b)<<32 | uint64(v), i: uint32(i)})
		}
	}
	if err := errors.Join(in.exact.finish(), in.bands.finish()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { in.exact.close(); in.bands.close() })
	return in
}

// TestDedupePooledCap runs the real dedupe over all labelled texts as one
// corpus, for several bucket caps: a cap of 64 must find every duplicate
// the uncapped run finds. The figures are in docs/data-curate.md.
func TestDedupePooledCap(t *testing.T) {
	var pairs []DupPair
	for _, file := range []string{"testdata/curate/dedupe_pairs.jsonl", "testdata/curate/seed_near_sample.jsonl"} {
		f, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		ps, err := ReadDupPairs(f, file)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		pairs = append(pairs, ps...)
	}
	recall := map[int]float64{}
	for _, bucketCap := range []int{0, 64, 4, 1} {
		cfg := DefaultCurateConfig().Dedupe.DedupeConfig
		cfg.BucketCap = bucketCap
		rep, err := EvalDedupePooled(cfg, 1, pairs, t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		recall[bucketCap] = rep.PRF.Recall()
		t.Logf("bucket cap %d: precision %.3f recall %.3f (TP %d, FP %d, FN %d)", bucketCap, rep.PRF.Precision(), rep.PRF.Recall(), rep.PRF.TP, rep.PRF.FP, rep.PRF.FN)
		for _, m := range rep.Mistakes {
			t.Log("  " + m)
		}
	}
	if recall[64] < recall[0] {
		t.Errorf("a bucket cap of 64 loses recall: %.3f, uncapped %.3f", recall[64], recall[0])
	}
	if recall[0] < 0.9 {
		t.Errorf("pooled recall %.3f, want at least 0.9", recall[0])
	}
}
