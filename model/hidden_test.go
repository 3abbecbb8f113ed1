// Hidden (inference-only pass to the final norm) agrees with ForwardHidden.
package model

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// Hidden on a frozen model gives the same values as ForwardHidden on the
// same weights with gradients on.
func TestHiddenMatchesForwardHidden(t *testing.T) {
	m := tinyModel(t, "LlamaForCausalLM", false)
	b := randomBatch(rand.New(rand.NewPCG(3, 3)), 2, 7, 50)
	got, err := m.Hidden(b)
	if err != nil {
		t.Fatal(err)
	}
	m.EnableGrads()
	want, err := m.ForwardHidden(b)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, want) {
		t.Fatalf("Hidden differs from ForwardHidden")
	}
}
