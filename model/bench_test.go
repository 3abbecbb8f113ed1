// Benchmarks of the training step (reference config of the engine issue)
// and of KV-cache decoding on a small model.
package model

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

func testConfig(t testing.TB, arch string, V, C, L, H, KV, F int, tied bool) Config {
	t.Helper()
	js := fmt.Sprintf(`{"architectures":[%q],"vocab_size":%d,"hidden_size":%d,"num_hidden_layers":%d,
		"num_attention_heads":%d,"num_key_value_heads":%d,"intermediate_size":%d,"max_position_embeddings":512,
		"rms_norm_eps":1e-5,"rope_theta":10000,"tie_word_embeddings":%v}`, arch, V, C, L, H, KV, F, tied)
	c, err := ParseConfig([]byte(js))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func randomBatch(r *rand.Rand, B, T, V int) *Batch {
	b := &Batch{B: B, T: T, Tokens: make([]int32, B*T), Targets: make([]int32, B*T)}
	for i := range b.Tokens {
		b.Tokens[i], b.Targets[i] = int32(r.IntN(V)), int32(r.IntN(V))
	}
	return b
}

func BenchmarkTrainStep(b *testing.B) {
	cfg := testConfig(b, "LlamaForCausalLM", 8000, 256, 4, 4, 2, 704, false)
	m, err := New(cfg, 1)
	if err != nil {
		b.Fatal(err)
	}
	m.EnableGrads()
	opt := NewAdamW(len(m.Params), 1e-3, 0.01)
	batch := randomBatch(rand.New(rand.NewPCG(1, 1)), 4, 128, 8000)
	b.ReportAllocs()
	for b.Loop() {
		m.ZeroGrad()
		if _, err := m.TrainStep(batch); err != nil {
			b.Fatal(err)
		}
		opt.Update(m.Params, m.Grads)
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/step")
}

func BenchmarkDecode135M(b *testing.B) {
	cfg := testConfig(b, "LlamaForCausalLM", 49152, 576, 30, 9, 3, 1536, true)
	m, err := New(cfg, 1)
	if err != nil {
		b.Fatal(err)
	}
	c := m.NewKVCache(512)
	pos := 0
	for b.Loop() {
		if pos == c.MaxT {
			pos = 0
		}
		if _, err := m.Forward([]int{pos % 100}, pos, c); err != nil {
			b.Fatal(err)
		}
		pos++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkPrefill135M(b *testing.B) {
	cfg := testConfig(b, "LlamaForCausalLM", 49152, 576, 30, 9, 3, 1536, true)
	m, err := New(cfg, 1)
	if err != nil {
		b.Fatal(err)
	}
	prompt := make([]int, 512)
	for i := range prompt {
		prompt[i] = (i * 7919) % 49152
	}
	c := m.NewKVCache(512)
	for b.Loop() {
		if _, err := m.Forward(prompt, 0, c); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(prompt)*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkLoRAStep135M is one LoRA fine-tuning step (r=16 on every
// projection, frozen base) of a SmolLM2-135M-shaped model on 4×256 tokens.
func BenchmarkLoRAStep135M(b *testing.B) {
	cfg := testConfig(b, "LlamaForCausalLM", 49152, 576, 30, 9, 3, 1536, true)
	m, err := New(cfg, 1)
	if err != nil {
		b.Fatal(err)
	}
	if err := m.AddLoRA(LoRAConfig{Rank: 16, Alpha: 32, Dropout: 0.05, Targets: []string{"all-linear"}}, 1); err != nil {
		b.Fatal(err)
	}
	opt := NewAdamW(len(m.LoRA.Params), 2e-4, 0)
	batch := randomBatch(rand.New(rand.NewPCG(1, 1)), 4, 256, 49152)
	for b.Loop() {
		m.ZeroGrad()
		if _, err := m.TrainStep(batch); err != nil {
			b.Fatal(err)
		}
		opt.Update(m.LoRA.Params, m.LoRA.Grads)
	}
	b.ReportMetric(float64(4*256*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkDecodeBatch135M advances 8 sequences a token each per step.
func BenchmarkDecodeBatch135M(b *testing.B) {
	for _, bf16 := range []bool{false, true} {
		b.Run(map[bool]string{false: "f32", true: "bf16"}[bf16], func(b *testing.B) { decodeBatch(b, bf16) })
	}
}

func decodeBatch(b *testing.B, bf16 bool) {
	cfg := testConfig(b, "LlamaForCausalLM", 49152, 576, 30, 9, 3, 1536, true)
	m, err := New(cfg, 1)
	if err != nil {
		b.Fatal(err)
	}
	if bf16 {
		m.UseBF16()
	}
	const seqs = 8
	caches := make([]*KVCache, seqs)
	toks, pos := make([]int, seqs), make([]int, seqs)
	for i := range caches {
		caches[i] = m.NewKVCache(512)
		toks[i] = i
	}
	for b.Loop() {
		if pos[0] == 512 {
			for i := range pos {
				pos[i] = 0
			}
		}
		if _, err := m.ForwardBatch(toks, pos, caches); err != nil {
			b.Fatal(err)
		}
		for i := range pos {
			pos[i]++
		}
	}
	b.ReportMetric(float64(seqs*b.N)/b.Elapsed().Seconds(), "tokens/s")
}
