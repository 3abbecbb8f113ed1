package train

import (
	"io"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/tend-project/tend/conv"
)

// newTestTrainer sets up a trainer for cfg without running it.
func newTestTrainer(t *testing.T, cfg Config) *trainer {
	t.Helper()
	cfg.Defaults()
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	tr := &trainer{cfg: cfg, out: io.Discard, epochCache: -1}
	if err := tr.setup(""); err != nil {
		t.Fatal(err)
	}
	if err := tr.loadData(); err != nil {
		t.Fatal(err)
	}
	return tr
}

func relClose(a, b, tol float64) bool {
	return math.Abs(a-b) <= tol*math.Max(math.Max(math.Abs(a), math.Abs(b)), 1e-3)
}

// The mask from the chat template covers the assistant replies only, and
// the step's loss is the mean NLL over exactly those tokens.
func TestLossMaskIsUsed(t *testing.T) {
	f := newFixture(t)
	tr := newTestTrainer(t, f.config(t, "sft"))
	c := testConv(0)
	s, err := tr.enc.conversation(&c, false)
	if err != nil {
		t.Fatal(err)
	}
	var masked []int
	for i, m := range s.mask {
		if m {
			masked = append(masked, int(s.ids[i]))
		}
	}
	text := tr.tok.Decode(masked, true)
	for _, want := range []string{c.Messages[1].Content, c.Messages[3].Content} {
		if !strings.Contains(text, want) {
			t.Errorf("masked text %q misses assistant reply %q", text, want)
		}
	}
	if strings.Contains(text, c.Messages[0].Content) {
		t.Errorf("masked text %q contains the user's message", text)
	}

	micro := [][][]int{{{0}, {1}}}
	got, err := tr.lmStep(micro)
	if err != nil {
		t.Fatal(err)
	}
	b := makeBatch(tr.seqs, micro[0], 0, 1)
	nll, err := tr.m.TokenLosses(b)
	if err != nil {
		t.Fatal(err)
	}
	var sumM, nM, sumAll, nAll float64
	for i, v := range nll {
		if b.Targets[i] == ignoreIndex {
			continue
		}
		sumAll += float64(v)
		nAll++
		if b.Mask[i] > 0 {
			sumM += float64(v)
			nM++
		}
	}
	if want := sumM / nM; !relClose(got.loss, want, 1e-5) {
		t.Fatalf("step loss %v, want the masked mean %v", got.loss, want)
	}
	if unmasked := sumAll / nAll; nM == nAll || relClose(got.loss, unmasked, 1e-9) {
		t.Fatalf("step loss %v equals the unmasked mean: the mask is not applied", got.loss)
	}
}

// Packing several sequences per row (segment ids, position resets) gives
// the same loss and gradient as one sequence per row.
func TestPackingMatchesUnpacked(t *testing.T) {
	f := newFixture(t)
	cfg := f.config(t, "sft")
	cfg.SequenceLen = 512
	tr := newTestTrainer(t, cfg)
	unpacked := [][][]int{{{0}, {1}, {2}, {3}, {4}}}
	packed := [][][]int{{{0, 1, 2}, {3, 4}}}
	run := func(micro [][][]int, pack bool) (float64, []float32) {
		tr.cfg.SamplePacking = pack
		tr.m.ZeroGrad()
		r, err := tr.lmStep(micro)
		if err != nil {
			t.Fatal(err)
		}
		return r.loss, slices.Clone(tr.m.Grads)
	}
	l1, g1 := run(unpacked, false)
	l2, g2 := run(packed, true)
	if !relClose(l1, l2, 1e-5) {
		t.Fatalf("packed loss %v, unpacked %v", l2, l1)
	}
	var worst float64
	for i := range g1 {
		worst = math.Max(worst, math.Abs(float64(g1[i]-g2[i])))
	}
	if worst > 1e-5 {
		t.Fatalf("packed gradient differs by up to %g", worst)
	}
}

func TestDPOLossHandComputed(t *testing.T) {
	// π_c = −10, π_r = −12, ref_c = −11, ref_r = −11: h = (−10+11) − (−12+11) = 2.
	h := (-10.0 - -11.0) - (-12.0 - -11.0)
	tests := []struct {
		name            string
		beta            float64
		ipo             bool
		wantL, wantGrad float64
	}{
		// −log σ(0.2) = log(1+e^−0.2) = 0.598138869…; dL/dh = −0.1·σ(−0.2) = −0.0450166…
		{"sigmoid", 0.1, false, 0.5981388693815918, -0.04501660026875221},
		// (2 − 1/(2·0.5))² = 1; dL/dh = 2·(2−1) = 2
		{"ipo", 0.5, true, 1, 2},
	}
	for _, tc := range tests {
		l, g := dpoLoss(h, tc.beta, tc.ipo)
		if !relClose(l, tc.wantL, 1e-12) || !relClose(g, tc.wantGrad, 1e-12) {
			t.Errorf("%s: dpoLoss = %v, %v; want %v, %v", tc.name, l, g, tc.wantL, tc.wantGrad)
		}
	}
}

// fdCheck compares the analytic gradient grads[i] with central differences
// of loss() over params[i], for the k largest gradients.
func fdCheck(t *testing.T, name string, params, grads []float32, loss func() float64, k int, eps float32, tol float64) {
	t.Helper()
	idx := make([]int, len(grads))
	for i := range idx {
		idx[i] = i
	}
	g := slices.Clone(grads)
	slices.SortFunc(idx, func(a, b int) int {
		return -cmpF(math.Abs(float64(g[a])), math.Abs(float64(g[b])))
	})
	for _, i := range idx[:k] {
		old := params[i]
		params[i] = old + eps
		lp := loss()
		params[i] = old - eps
		lm := loss()
		params[i] = old
		num := (lp - lm) / (2 * float64(eps))
		if !relClose(float64(g[i]), num, tol) {
			t.Errorf("%s: param %d: analytic %g, finite difference %g", name, i, g[i], num)
		}
	}
}

func cmpF(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// The gradient of a DPO step (TokenLosses, closed-form coefficients, then a
// weighted TrainStep) matches finite differences of the DPO loss.
func TestDPOGradientFiniteDifference(t *testing.T) {
	f := newFixture(t)
	for _, loss := range []string{"sigmoid", "ipo"} {
		cfg := f.config(t, "dpo")
		cfg.DPOBeta, cfg.DPOLoss = 1, loss
		tr := newTestTrainer(t, cfg)
		// Move the policy away from the reference so h ≠ 0.
		for i := range tr.m.Params {
			tr.m.Params[i] *= 1.3
		}
		micro := [][][]int{{{0}, {1}}, {{2}}}
		tr.m.ZeroGrad()
		if _, err := tr.dpoStep(micro); err != nil {
			t.Fatal(err)
		}
		fdCheck(t, loss, tr.m.Params, tr.m.Grads, func() float64 {
			r, err := tr.dpoStep(micro)
			if err != nil {
				t.Fatal(err)
			}
			return r.loss
		}, 6, 3e-3, 0.05)
	}
}

// The reward model's Bradley–Terry loss is −log σ(s_c − s_r) averaged over
// pairs, and its gradient (head and body) matches finite differences.
func TestRewardBradleyTerry(t *testing.T) {
	f := newFixture(t)
	tr := newTestTrainer(t, f.config(t, "reward"))
	micro := [][][]int{{{0}, {3}}}
	s, _, _, err := scores(tr.m, tr.head.w, tr.seqs, []int{0, 1, 6, 7}, tr.cfg.SequenceLen, false)
	if err != nil {
		t.Fatal(err)
	}
	want := (softplus(-(s[0] - s[1])) + softplus(-(s[2] - s[3]))) / 2
	tr.m.ZeroGrad()
	r, err := tr.rewardStep(micro)
	if err != nil {
		t.Fatal(err)
	}
	if !relClose(r.loss, want, 1e-9) {
		t.Fatalf("BT loss %v, want %v", r.loss, want)
	}
	lossFn := func() float64 {
		saved := slices.Clone(tr.head.g)
		r, err := tr.rewardStep(micro)
		if err != nil {
			t.Fatal(err)
		}
		copy(tr.head.g, saved)
		return r.loss
	}
	body := slices.Clone(tr.m.Grads) // the head's check accumulates more
	fdCheck(t, "head", tr.head.w, tr.head.g, lossFn, 4, 1e-2, 0.02)
	fdCheck(t, "body", tr.m.Params, body, lossFn, 4, 3e-3, 0.05)
}

func TestEncoderCompletionMasksOnlyTheReply(t *testing.T) {
	f := newFixture(t)
	tr := newTestTrainer(t, f.config(t, "dpo"))
	p := conv.PreferencePair{Prompt: []conv.Message{{Role: "user", Content: "hi"}, {Role: "assistant", Content: "Hello there."},
		{Role: "user", Content: "I feel low."}}, Chosen: []conv.Message{{Role: "assistant", Content: "I'm sorry. What happened?"}},
		Rejected: []conv.Message{{Role: "assistant", Content: "Cheer up."}}}
	c, r, err := tr.enc.pair(&p)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		s         seq
		want, not string
	}{{c, "I'm sorry. What happened?", "Hello there."}, {r, "Cheer up.", "Hello there."}} {
		var ids []int
		for i, m := range tc.s.mask {
			if m {
				ids = append(ids, int(tc.s.ids[i]))
			}
		}
		got := tr.tok.Decode(ids, true)
		if !strings.Contains(got, tc.want) || strings.Contains(got, tc.not) {
			t.Errorf("completion mask covers %q, want %q and not %q", got, tc.want, tc.not)
		}
	}
}

func TestLRSchedule(t *testing.T) {
	c := Config{LearningRate: 1, WarmupSteps: 2, LRScheduler: "cosine"}
	got := []float64{lrAt(&c, 0, 6), lrAt(&c, 1, 6), lrAt(&c, 2, 6), lrAt(&c, 4, 6)}
	want := []float64{0.5, 1, 1, 0.5}
	for i := range got {
		if !relClose(got[i], want[i], 1e-12) {
			t.Fatalf("cosine lr = %v, want %v", got, want)
		}
	}
	c.LRScheduler = "linear"
	if v := lrAt(&c, 5, 6); !relClose(v, 0.25, 1e-12) {
		t.Fatalf("linear lr at 5 = %v, want 0.25", v)
	}
}

func TestClip(t *testing.T) {
	g := []float32{3, 4}
	if n := clip(1, g); n != 5 || !relClose(float64(g[0]), 0.6, 1e-5) || !relClose(float64(g[1]), 0.8, 1e-5) {
		t.Fatalf("clip: norm %v, grads %v", n, g)
	}
}
