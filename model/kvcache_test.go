// The KV-cache forward agrees with the training forward, token by token
// and in chunks; packed documents behave exactly like separate sequences;
// and a float32 finite-difference spot check of the whole model.
package model

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/tend-project/tend/tensor"
)

func TestKVCacheMatchesFullForward(t *testing.T) {
	for _, arch := range []string{"LlamaForCausalLM", "Qwen2ForCausalLM"} {
		m := tinyModel(t, arch, arch == "Qwen2ForCausalLM")
		b := randomBatch(rand.New(rand.NewPCG(8, 8)), 1, 11, 50)
		b.Targets = nil
		full, err := m.Logits(b)
		if err != nil {
			t.Fatal(err)
		}
		V := m.Config.Vocab
		toks := make([]int, b.T)
		for i, x := range b.Tokens {
			toks[i] = int(x)
		}
		for _, chunks := range [][]int{{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, {4, 1, 6}, {11}, {2, 9}} {
			c := m.NewKVCache(16)
			pos := 0
			for _, n := range chunks {
				got, err := m.Forward(toks[pos:pos+n], pos, c)
				if err != nil {
					t.Fatal(err)
				}
				pos += n
				want := full[(pos-1)*V : pos*V]
				if d := maxDiff(got, want); d > 1e-4 {
					t.Errorf("%s chunks %v: logits at %d differ by %.3g", arch, chunks, pos-1, d)
				}
			}
		}
		// Rewinding overwrites the cache.
		c := m.NewKVCache(16)
		m.Forward([]int{3, 4, 5}, 0, c)
		got, _ := m.Forward(toks[1:3], 1, m.rewound(c, toks[:1]))
		if d := maxDiff(got, full[2*V:3*V]); d > 1e-4 {
			t.Errorf("after rewind logits differ by %.3g", d)
		}
		if _, err := m.Forward([]int{1}, 5, c); err == nil {
			t.Error("Forward past the cache length succeeded")
		}
		if _, err := m.Forward(make([]int, 20), 0, c); err == nil {
			t.Error("Forward beyond MaxT succeeded")
		}
		if _, err := m.Forward([]int{V}, 0, c); err == nil {
			t.Error("Forward with an out-of-vocabulary token succeeded")
		}
		other := testConfig(t, arch, 50, 16, 3, 4, 2, 24, false)
		om, _ := New(other, 1)
		if _, err := om.Forward([]int{1}, 0, c); err == nil {
			t.Error("Forward with another model's cache succeeded")
		}
	}
}

// rewound re-feeds prefix at position 0 so that the cache holds exactly it.
func (m *Model) rewound(c *KVCache, prefix []int) *KVCache {
	m.Forward(prefix, 0, c)
	return c
}

func TestPackedEqualsSeparate(t *testing.T) {
	m := tinyModel(t, "LlamaForCausalLM", false)
	r := rand.New(rand.NewPCG(9, 9))
	doc1 := randomBatch(r, 1, 4, 50)
	doc2 := randomBatch(r, 1, 6, 50)
	packed := &Batch{B: 1, T: 10, Tokens: slices.Concat(doc1.Tokens, doc2.Tokens),
		Targets: slices.Concat(doc1.Targets, doc2.Targets), Seg: []int32{0, 0, 0, 0, 1, 1, 1, 1, 1, 1}}
	lp, err := m.Logits(packed)
	if err != nil {
		t.Fatal(err)
	}
	l1, _ := m.Logits(doc1)
	l2, _ := m.Logits(doc2)
	if d := maxDiff(lp, slices.Concat(l1, l2)); d > 1e-5 {
		t.Errorf("packed logits differ from separate documents by %.3g", d)
	}
}

// TestModelFiniteDifference spot-checks whole-model gradients in float32
// against central differences (the exact check is the PyTorch parity test).
func TestModelFiniteDifference(t *testing.T) {
	qwen := tinyModel(t, "Qwen2ForCausalLM", true)
	// head_dim 6 with 4 heads: the attention width (24) differs from C (16).
	cfg, err := ParseConfig([]byte(`{"architectures":["LlamaForCausalLM"],"vocab_size":50,"hidden_size":16,
		"num_hidden_layers":2,"num_attention_heads":4,"num_key_value_heads":1,"head_dim":6,"intermediate_size":20,
		"rope_scaling":{"rope_type":"llama3","factor":4,"low_freq_factor":1,"high_freq_factor":4,"original_max_position_embeddings":8}}`))
	if err != nil {
		t.Fatal(err)
	}
	odd, err := New(cfg, 3)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []*Model{qwen, odd} {
		finiteDifference(t, m)
	}
}

func finiteDifference(t *testing.T, m *Model) {
	m.EnableGrads()
	b := randomBatch(rand.New(rand.NewPCG(10, 10)), 2, 5, 50)
	b.Mask = []float32{1, 1, 0, 1, 1, 0.5, 1, 1, 1, 1}
	b.Targets[3] = -100
	if _, err := m.TrainStep(b); err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(11, 11))
	checked := 0
	for _, ts := range m.Config.hfTensors(m.W) {
		g := m.Config.hfTensors(m.G)
		var grad []float32
		for _, x := range g {
			if x.name == ts.name {
				grad = x.data
			}
		}
		for range 3 {
			i := r.IntN(len(ts.data))
			old := ts.data[i]
			const h = 1e-2
			ts.data[i] = old + h
			lp, _ := m.Loss(b)
			ts.data[i] = old - h
			lm, _ := m.Loss(b)
			ts.data[i] = old
			num := (lp - lm) / (2 * h)
			if d := math.Abs(num - float64(grad[i])); d > 2e-3+2e-2*math.Abs(num) {
				t.Errorf("%s[%d]: analytic %.6g, numeric %.6g", ts.name, i, grad[i], num)
			}
			checked++
		}
	}
	t.Logf("%d parameters checked", checked)
}

// UseBF16 must equal a float32 model whose projection and head weights were
// rounded to bfloat16 beforehand.
func TestBF16DecodeMatchesRoundedWeights(t *testing.T) {
	m := tinyModel(t, "Qwen2ForCausalLM", false)
	rounded := tinyModel(t, "Qwen2ForCausalLM", false)
	round := func(w []float32) {
		for i, v := range w {
			w[i] = math.Float32frombits(uint32(tensor.BF16FromFloat32(v)) << 16)
		}
	}
	for _, ly := range rounded.W.Layers {
		round(ly.WQKV)
		round(ly.WO)
		round(ly.WGU)
		round(ly.WDown)
	}
	round(rounded.W.Head)
	m.UseBF16()
	toks := []int{3, 14, 15, 9, 2, 6}
	c1, c2 := m.NewKVCache(8), rounded.NewKVCache(8)
	for i, tok := range toks {
		a, err := m.Forward([]int{tok}, i, c1)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := rounded.Forward([]int{tok}, i, c2)
		if d := maxDiff(a, b); d > 1e-5 {
			t.Fatalf("token %d: bf16 decode differs from rounded float32 weights by %.3g", i, d)
		}
	}
	m.EnableGrads()
	m.TrainStep(randomBatch(rand.New(rand.NewPCG(1, 1)), 1, 3, 50))
	if m.bf16 != nil {
		t.Error("TrainStep kept stale bf16 weights")
	}
}

// ForwardBatch on several sequences equals stepping each on its own.
func TestForwardBatchMatchesForward(t *testing.T) {
	m := tinyModel(t, "Qwen2ForCausalLM", false)
	prompts := [][]int{{1, 2, 3}, {4, 5, 6, 7, 8, 9, 10, 11, 12}, {13}}
	next := []int{20, 21, 22}
	batch := make([]*KVCache, 3)
	want := make([][]float32, 3)
	pos := make([]int, 3)
	for i, p := range prompts {
		batch[i] = m.NewKVCache(16)
		if _, err := m.Forward(p, 0, batch[i]); err != nil {
			t.Fatal(err)
		}
		solo := m.NewKVCache(16)
		m.Forward(p, 0, solo)
		l, _ := m.Forward(next[i:i+1], len(p), solo)
		want[i] = slices.Clone(l)
		pos[i] = len(p)
	}
	got, err := m.ForwardBatch(next, pos, batch)
	if err != nil {
		t.Fatal(err)
	}
	for i := range got {
		if d := maxDiff(got[i], want[i]); d > 1e-5 {
			t.Errorf("sequence %d: batch logits differ by %.3g", i, d)
		}
		if batch[i].Len != pos[i]+1 {
			t.Errorf("sequence %d: cache length %d, want %d", i, batch[i].Len, pos[i]+1)
		}
	}
	// A second batch step continues every sequence.
	if _, err := m.ForwardBatch([]int{1, 1, 1}, []int{pos[0] + 1, pos[1] + 1, pos[2] + 1}, batch); err != nil {
		t.Fatal(err)
	}
	for name, call := range map[string]func() error{
		"shared cache": func() error {
			_, err := m.ForwardBatch([]int{1, 2}, []int{5, 5}, []*KVCache{batch[0], batch[0]})
			return err
		},
		"lengths":     func() error { _, err := m.ForwardBatch([]int{1, 2}, []int{5}, batch[:2]); return err },
		"past length": func() error { _, err := m.ForwardBatch([]int{1}, []int{9}, batch[:1]); return err },
		"bad token":   func() error { _, err := m.ForwardBatch([]int{50}, []int{1}, batch[:1]); return err },
	} {
		if call() == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
