// Annotation quality: per-label precision, recall and F1 and ECE on the
// seed corpus's test part (never trained on) and on the hand-written
// conversations in testdata/annotate/handwritten.jsonl (never tuned on).
// Run with -v to see the tables.
package data

import (
	"bytes"
	"os"
	"testing"

	"github.com/tend-project/tend/conv"
)

func readHandwritten(t testing.TB) []*conv.Conversation {
	f, err := os.Open("testdata/annotate/handwritten.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cs, err := ReadLabelled(f, "testdata/annotate/handwritten.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

func TestAnnotateEval(t *testing.T) {
	m, err := DefaultAnnotModel()
	if err != nil {
		t.Fatal(err)
	}
	d, err := loadSeed()
	if err != nil {
		t.Fatal(err)
	}
	hw := readHandwritten(t)
	if len(hw) < 200 {
		t.Fatalf("%d hand-written conversations, want at least 200", len(hw))
	}
	for _, tt := range []struct {
		set    string
		cs     []*conv.Conversation
		floor  map[string]float64 // minimum macro-F1 per head
		maxECE float64
	}{
		{"seed test split", d.test, map[string]float64{"concerns": 0.85, "severity": 0.85, "emotions": 0.85, "strategy": 0.85}, 0.1},
		// The honest figure: people's own words, which the seed-trained
		// model has never seen. Floors sit just under the measured values
		// (docs/data-annotate.md) to catch regressions; the confidences
		// are badly calibrated here (severity ECE ≈ 0.57) and the test
		// records that rather than hiding it.
		{"hand-written", hw, map[string]float64{"concerns": 0.5, "severity": 0.3, "emotions": 0.15, "strategy": 0.45}, 0.7},
	} {
		t.Run(tt.set, func(t *testing.T) {
			// The classifier alone first, for the rule layer's effect.
			m.Rules = false
			alone := EvaluateAnnotator(m, tt.set+" (classifier alone)", tt.cs)
			m.Rules = true
			r := EvaluateAnnotator(m, tt.set+" (rules + classifier)", tt.cs)
			var buf bytes.Buffer
			if err := alone.Write(&buf, false); err != nil {
				t.Fatal(err)
			}
			if err := r.Write(&buf, true); err != nil {
				t.Fatal(err)
			}
			t.Logf("\n%s", buf.String())
			for _, h := range r.Heads {
				if h.MacroF1() < tt.floor[h.Head] {
					t.Errorf("%s: macro-F1 %.3f, want at least %.2f", h.Head, h.MacroF1(), tt.floor[h.Head])
				}
				if h.ECE > tt.maxECE {
					t.Errorf("%s: ECE %.3f, want at most %.2f", h.Head, h.ECE, tt.maxECE)
				}
			}
		})
	}
}
