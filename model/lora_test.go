// LoRA tests: adapter gradients against the (golden-checked) base weight
// gradients, merge equivalence, PEFT round trip, and dropout determinism
// under gradient checkpointing.
package model

import (
	"math"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"testing"
)

var allTargets = []string{"q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"}

// randomizeB gives every adapter a non-zero B so that it changes the model.
func randomizeB(lo *LoRA, seed uint64) {
	r := rand.New(rand.NewPCG(seed, 1))
	for _, ly := range lo.layers {
		for _, md := range ly.mods {
			if md != nil {
				for i := range md.B {
					md.B[i] = float32(r.NormFloat64() * 0.1)
				}
			}
		}
	}
}

func maxDiff(a, b []float32) float64 {
	d := 0.0
	for i := range a {
		d = max(d, math.Abs(float64(a[i]-b[i])))
	}
	return d
}

// With W' = W + s·B·A, dL/dB = s·dL/dW'·Aᵀ and dL/dA = s·Bᵀ·dL/dW'. The
// merged model's weight gradient is checked against PyTorch elsewhere.
func TestLoRAGradientsMatchMergedWeightGradients(t *testing.T) {
	for _, tied := range []bool{false, true} {
		m := tinyModel(t, "Qwen2ForCausalLM", tied)
		if err := m.AddLoRA(LoRAConfig{Rank: 3, Alpha: 6, Targets: allTargets}, 1); err != nil {
			t.Fatal(err)
		}
		randomizeB(m.LoRA, 2)
		b := randomBatch(rand.New(rand.NewPCG(4, 4)), 2, 7, 50)
		b.Seg = []int32{0, 0, 0, 1, 1, 1, 1, 5, 5, 5, 5, 5, 6, 6}
		lossA, err := m.TrainStep(b)
		if err != nil {
			t.Fatal(err)
		}
		lo := m.LoRA
		merged := &Model{Config: m.Config, Params: slices.Clone(m.Params), invFreq: m.invFreq}
		merged.W = merged.Config.views(merged.Params)
		merged.LoRA = lo
		merged.MergeLoRA()
		merged.EnableGrads()
		lossB, err := merged.TrainStep(b)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(lossA-lossB) > 1e-5 {
			t.Fatalf("loss with adapters %v, merged %v", lossA, lossB)
		}
		for l, ly := range lo.layers {
			for tg, md := range ly.mods {
				gW := merged.gradOf(l, tg)
				r := ly.r
				wantB := make([]float32, md.out*r)
				wantA := make([]float32, r*md.in)
				gemm32(false, true, md.out, r, md.in, ly.scale, gW, md.in, md.A, md.in, wantB, r)
				gemm32(true, false, r, md.in, md.out, ly.scale, md.B, r, gW, md.in, wantA, md.in)
				if d := maxDiff(md.gB, wantB) / (1e-6 + maxAbs(wantB)); d > 1e-3 {
					t.Errorf("layer %d %s lora_B gradient off by %.3g relative", l, targetNames[tg], d)
				}
				if d := maxDiff(md.gA, wantA) / (1e-6 + maxAbs(wantA)); d > 1e-3 {
					t.Errorf("layer %d %s lora_A gradient off by %.3g relative", l, targetNames[tg], d)
				}
			}
		}
	}
}

// gradOf returns the gradient view of target t's base weight.
func (m *Model) gradOf(l, t int) []float32 {
	saved := m.W
	m.W = m.G
	defer func() { m.W = saved }()
	return m.targetWeight(l, t)
}

func gemm32(ta, tb bool, M, N, K int, alpha float32, a []float32, lda int, b []float32, ldb int, c []float32, ldc int) {
	for i := range M {
		for j := range N {
			var s float64
			for p := range K {
				var x, y float32
				if ta {
					x = a[p*lda+i]
				} else {
					x = a[i*lda+p]
				}
				if tb {
					y = b[j*ldb+p]
				} else {
					y = b[p*ldb+j]
				}
				s += float64(x) * float64(y)
			}
			c[i*ldc+j] = alpha * float32(s)
		}
	}
}

func TestLoRAMergeAndPEFTRoundTrip(t *testing.T) {
	m := tinyModel(t, "LlamaForCausalLM", false)
	if err := m.AddLoRA(LoRAConfig{Rank: 4, Alpha: 8, Dropout: 0.1, Targets: []string{"q_proj", "v_proj", "o_proj", "down_proj"}}, 3); err != nil {
		t.Fatal(err)
	}
	randomizeB(m.LoRA, 5)
	b := randomBatch(rand.New(rand.NewPCG(5, 5)), 1, 9, 50)
	withAdapter, err := m.Logits(b)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := m.SaveLoRA(filepath.Join(dir, "adapter"), "tiny", false); err != nil {
		t.Fatal(err)
	}
	base := tinyModel(t, "LlamaForCausalLM", false)
	plain, _ := base.Logits(b)
	if maxDiff(plain, withAdapter) < 1e-3 {
		t.Fatal("the adapter does not change the logits; the test would prove nothing")
	}
	if err := base.LoadLoRA(filepath.Join(dir, "adapter")); err != nil {
		t.Fatal(err)
	}
	if base.LoRA.Config.Rank != 4 || base.LoRA.Config.Dropout != 0.1 || !slices.Equal(base.LoRA.Params, m.LoRA.Params) {
		t.Fatalf("PEFT round trip changed the adapter: %+v", base.LoRA.Config)
	}
	reloaded, _ := base.Logits(b)
	if d := maxDiff(reloaded, withAdapter); d != 0 {
		t.Errorf("reloaded adapter logits differ by %.3g", d)
	}
	base.MergeLoRA()
	merged, _ := base.Logits(b)
	if d := maxDiff(merged, withAdapter); d > 1e-5 {
		t.Errorf("merged logits differ from adapter+base by %.3g", d)
	} else {
		t.Logf("merged vs adapter+base logits max-abs-diff %.2g (adapter moves logits by %.2g)", d, maxDiff(plain, withAdapter))
	}
	// Decoding with the adapter attached agrees with the merged model too.
	m2 := tinyModel(t, "LlamaForCausalLM", false)
	m2.LoadLoRA(filepath.Join(dir, "adapter"))
	c := m2.NewKVCache(16)
	toks := make([]int, b.T)
	for i, x := range b.Tokens {
		toks[i] = int(x)
	}
	last, err := m2.Forward(toks, 0, c)
	if err != nil {
		t.Fatal(err)
	}
	if d := maxDiff(last, merged[(b.T-1)*50:]); d > 1e-4 {
		t.Errorf("KV-cache logits with adapter differ from merged by %.3g", d)
	}
}

func TestLoRADropoutCheckpointDeterministic(t *testing.T) {
	grads := func(ckpt bool) []float32 {
		m := tinyModel(t, "LlamaForCausalLM", true)
		m.AddLoRA(LoRAConfig{Rank: 2, Alpha: 4, Dropout: 0.3, Targets: allTargets}, 9)
		randomizeB(m.LoRA, 9)
		m.Checkpoint = ckpt
		if _, err := m.TrainStep(randomBatch(rand.New(rand.NewPCG(6, 6)), 2, 5, 50)); err != nil {
			t.Fatal(err)
		}
		return m.LoRA.Grads
	}
	a, b := grads(false), grads(true)
	if d := maxDiff(a, b); d > 1e-6 {
		t.Errorf("checkpointed LoRA gradients differ by %.3g", d)
	}
	if maxAbs(a) == 0 {
		t.Error("LoRA gradients are all zero")
	}
}

func TestLoRAConfigErrors(t *testing.T) {
	m := tinyModel(t, "LlamaForCausalLM", false)
	for _, cfg := range []LoRAConfig{
		{Rank: 0, Alpha: 1, Targets: []string{"q_proj"}},
		{Rank: 2, Alpha: 1, Targets: []string{"qkv"}},
		{Rank: 2, Alpha: 1, Dropout: 1, Targets: []string{"q_proj"}},
		{Rank: 2, Alpha: 1},
		{Rank: 2, Alpha: 1, Targets: []string{"all-linear", "q_proj"}},
	} {
		if err := m.AddLoRA(cfg, 1); err == nil {
			t.Errorf("AddLoRA(%+v) succeeded", cfg)
		}
	}
	if err := m.AddLoRA(LoRAConfig{Rank: 2, Alpha: 1, Targets: []string{"all-linear"}}, 1); err != nil || m.LoRA.layers[0].mods[tDown] == nil {
		t.Errorf("all-linear: %v", err)
	}
	if _, err := tinyModel(t, "LlamaForCausalLM", false).TrainStep(randomBatch(rand.New(rand.NewPCG(1, 1)), 1, 2, 50)); err != ErrNothingToTrain {
		t.Errorf("TrainStep on a frozen model: %v", err)
	}
}

func TestDropoutMask(t *testing.T) {
	const N, in, p = 200, 100, 0.3
	x := make([]float32, N*in)
	for i := range x {
		x[i] = 1
	}
	a, b := make([]float32, N*in), make([]float32, N*in)
	dropout(a, 0, x, N, in, p, 42)
	dropout(b, in, x, N, in, p, 42) // accumulate form, same stream
	zeros := 0
	for i, v := range a {
		switch v {
		case 0:
			zeros++
		case float32(1 / (1 - p)):
		default:
			t.Fatalf("mask value %v", v)
		}
		if b[i] != v {
			t.Fatalf("accumulating form differs at %d: %v vs %v", i, b[i], v)
		}
	}
	if frac := float64(zeros) / (N * in); math.Abs(frac-p) > 0.02 {
		t.Errorf("dropped fraction %.3f, want %.2f", frac, p)
	}
	dropout(b, 0, x, N, in, p, 43)
	if slices.Equal(a, b) {
		t.Error("different seeds gave the same mask")
	}
}
