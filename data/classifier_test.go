// Tests for the linear classifiers: hand-computed ECE and probabilities,
// training on a tiny separable problem, determinism, and the temperature
// fit's floor of 1.
package data

import (
	"math"
	"testing"
)

func TestCalibrationECE(t *testing.T) {
	var c calibration
	// Bin 9: confidences 0.95 and 0.95, one right → |0.5 − 0.95| = 0.45.
	c.add(0.95, true)
	c.add(0.95, false)
	// Bin 6: confidence 0.65, right → |1 − 0.65| = 0.35.
	c.add(0.65, true)
	// Bin 9 weight 2/3, bin 6 weight 1/3.
	want := 2.0/3*0.45 + 1.0/3*0.35
	if got := c.ECE(); math.Abs(got-want) > 1e-12 {
		t.Errorf("ECE = %.6f, want %.6f", got, want)
	}
	var empty calibration
	if got := empty.ECE(); got != 0 {
		t.Errorf("empty ECE = %g, want 0", got)
	}
}

func TestToProbs(t *testing.T) {
	z := []float64{0, math.Log(3)}
	toProbs(z, 1, false)
	if math.Abs(z[0]-0.25) > 1e-12 || math.Abs(z[1]-0.75) > 1e-12 {
		t.Errorf("softmax = %v, want [0.25 0.75]", z)
	}
	z = []float64{0, math.Log(3)}
	toProbs(z, 1, true)
	if math.Abs(z[0]-0.5) > 1e-12 || math.Abs(z[1]-0.75) > 1e-12 {
		t.Errorf("sigmoids = %v, want [0.5 0.75]", z)
	}
	z = []float64{0, 2 * math.Log(3)}
	toProbs(z, 2, false) // temperature 2 halves the logits
	if math.Abs(z[1]-0.75) > 1e-12 {
		t.Errorf("softmax at T=2 = %v, want 0.75 for the second class", z)
	}
}

func TestLinearTrainSeparable(t *testing.T) {
	words := [][]string{{"sad", "low"}, {"happy", "glad"}, {"sad", "down"}, {"glad", "fine"}}
	var ex []example
	for i, w := range words {
		ex = append(ex, example{x: ngrams('t', w, false, nil), class: i % 2})
	}
	train := func() *linear {
		m := newLinear(2, 12, false)
		m.train(ex, trainOpts{epochs: 50, lr: 0.5, seed: 3})
		return m
	}
	m := train()
	z := make([]float64, 2)
	for i, e := range ex {
		m.probs(e.x, z)
		if argmax(z) != e.class || z[e.class] < 0.8 {
			t.Errorf("example %d: probs %v, want class %d above 0.8", i, z, e.class)
		}
	}
	m2 := train()
	for i := range m.w {
		if m.w[i] != m2.w[i] {
			t.Fatal("two trainings with the same seed differ")
		}
	}
	if temp := m.fitTemperature(ex); temp < 1 {
		t.Errorf("temperature %g, want at least 1", temp)
	}
}

func TestTextWords(t *testing.T) {
	got := textWords("I’m SO tired—can't sleep, 3am again!", nil)
	want := []string{"i'm", "so", "tired", "can't", "sleep", "3am", "again"}
	if len(got) != len(want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("word %d: got %q, want %q", i, got[i], want[i])
		}
	}
}
