// Exact resume of LoRA dropout: restoring the pass counter reproduces the masks.
package model

import (
	"math/rand/v2"
	"testing"
)

// After SetDropoutStep, a fresh model with the same weights draws the same
// dropout masks, so the training loss matches the original pass exactly.
func TestLoRADropoutStepRestoresMasks(t *testing.T) {
	mk := func() *Model {
		m := tinyModel(t, "LlamaForCausalLM", false)
		if err := m.AddLoRA(LoRAConfig{Rank: 2, Alpha: 4, Dropout: 0.3, Targets: []string{"all-linear"}}, 3); err != nil {
			t.Fatal(err)
		}
		randomizeB(m.LoRA, 8)
		return m
	}
	b := randomBatch(rand.New(rand.NewPCG(2, 2)), 2, 6, 50)
	a := mk()
	for range 3 {
		if _, err := a.TrainStep(b); err != nil {
			t.Fatal(err)
		}
	}
	saved := a.LoRA.DropoutStep()
	want, err := a.TrainStep(b)
	if err != nil {
		t.Fatal(err)
	}
	c := mk()
	c.LoRA.SetDropoutStep(saved)
	got, err := c.TrainStep(b)
	if err != nil {
		t.Fatal(err)
	}
	if got != want || saved != 3 {
		t.Fatalf("loss after restore = %v, want %v (saved step %d)", got, want, saved)
	}
}
