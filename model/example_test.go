// Runnable documentation: train a tiny random model on a masked sequence
// and decode with the KV cache.
package model_test

import (
	"fmt"
	"log"

	"github.com/tend-project/tend/model"
)

func Example() {
	cfg, err := model.ParseConfig([]byte(`{"architectures":["LlamaForCausalLM"],"vocab_size":32,
		"hidden_size":16,"num_hidden_layers":2,"num_attention_heads":4,"num_key_value_heads":2,
		"intermediate_size":32,"tie_word_embeddings":true}`))
	if err != nil {
		log.Fatal(err)
	}
	m, err := model.New(cfg, 1)
	if err != nil {
		log.Fatal(err)
	}
	// Train every weight (for adapters on a frozen base, use AddLoRA and
	// update m.LoRA.Params from m.LoRA.Grads instead).
	m.EnableGrads()
	opt := model.NewAdamW(len(m.Params), 1e-2, 0.01)
	opt.NoDecay = m.NoDecayRanges()
	// One row of a repeating sequence; the first two targets are masked out
	// (a prompt), the rest are trained on.
	seq := []int32{3, 9, 4, 7, 3, 9, 4, 7, 3, 9, 4, 7, 3}
	b := &model.Batch{B: 1, T: 12, Tokens: seq[:12], Targets: seq[1:],
		Mask: []float32{0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}}
	first, _ := m.Loss(b)
	for range 60 {
		m.ZeroGrad()
		if _, err := m.TrainStep(b); err != nil {
			log.Fatal(err)
		}
		opt.Update(m.Params, m.Grads)
	}
	last, _ := m.Loss(b)
	fmt.Println("loss fell by more than half:", last < first/2)

	// Continue the sequence greedily with the KV cache.
	c := m.NewKVCache(32)
	logits, _ := m.Forward([]int{3, 9, 4}, 0, c)
	next := argmax(logits)
	fmt.Println("next token after 3 9 4:", next)
	// Output:
	// loss fell by more than half: true
	// next token after 3 9 4: 7
}

func argmax(x []float32) int {
	best := 0
	for i, v := range x {
		if v > x[best] {
			best = i
		}
	}
	return best
}
