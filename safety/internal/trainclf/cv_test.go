// Tests for the operating-point choice in trainclf: neighbour smoothing
// over feasible points only, the per-source false-positive cap and the
// held-out measurement of one operating point.
package main

import (
	"math"
	"testing"

	"github.com/tend-project/tend/safety"
)

func TestSmoothFeasibleOnly(t *testing.T) {
	// Three points in a row along the high threshold; the last is outside
	// the budget and must neither be scored nor drag its neighbour down.
	grid := []gate{{high: 0.2}, {high: 0.3}, {high: 0.4}}
	score := []float64{0.5, 0.7, 0.9}
	ok := []bool{true, true, false}
	got := smooth(grid, score, ok)
	want := []float64{0.6, 0.6, 0}
	for i := range want {
		if math.Abs(got[i]-want[i]) > 1e-9 {
			t.Errorf("point %d: smoothed %.3f, want %.3f", i, got[i], want[i])
		}
	}
}

func TestWithinBudget(t *testing.T) {
	rules := []foldStat{{fprMod: 0.02}, {fprMod: 0.05}}
	tests := []struct {
		name string
		fs   []foldStat
		want bool
	}{
		{"adds nothing", []foldStat{{fprMod: 0.02}, {fprMod: 0.05}}, true},
		{"adds 3 points on one source", []foldStat{{fprMod: 0.05}, {fprMod: 0.05}}, true},
		{"adds 4 points on one source", []foldStat{{fprMod: 0.02}, {fprMod: 0.09}}, false},
		{"over-escalation is not capped", []foldStat{{fprMod: 0.02, overHigh: 0.5}, {fprMod: 0.05}}, true},
	}
	for _, tt := range tests {
		if got := withinBudget(tt.fs, rules, 0.03+1e-9); got != tt.want {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestMeasureGate(t *testing.T) {
	a := &safety.Assessor{HighThreshold: 0.5}
	cases := []safety.Case{
		{Level: safety.LevelHigh},     // raised by the head: caught
		{Level: safety.LevelImminent}, // below the threshold: missed
		{Level: safety.LevelNone},     // raised: a false positive at high
		{Level: safety.LevelNone},     // left alone
		{Level: safety.LevelModerate}, // raised: over-escalation
	}
	ins := []safety.GateInput{
		{ScoreHigh: 0.9, MayRaiseHigh: true, Corroborated: true},
		{ScoreHigh: 0.1, MayRaiseHigh: true, Corroborated: true},
		{ScoreHigh: 0.9, MayRaiseHigh: true, Corroborated: true},
		{},
		{RuleLevel: safety.LevelModerate, ScoreHigh: 0.9, MayRaiseHigh: true, Corroborated: true},
	}
	got := measureGate(a, cases, ins)
	want := foldStat{highRec: 0.5, modRec: 2.0 / 3, fprMod: 0.5, fprHigh: 0.5, fprLow: 0.5, overHigh: 2.0 / 3}
	if math.Abs(got.highRec-want.highRec) > 1e-9 || math.Abs(got.modRec-want.modRec) > 1e-9 ||
		got.fprMod != want.fprMod || got.fprHigh != want.fprHigh || got.fprLow != want.fprLow ||
		math.Abs(got.overHigh-want.overHigh) > 1e-9 {
		t.Errorf("measureGate = %+v, want %+v", got, want)
	}
}

// TestFeasible: the classifiers keep -max-add-macro on top of the rules
// when the rules alone exceed the absolute budgets, and no more; the
// per-source cap is at least one case on a small source.
func TestFeasible(t *testing.T) {
	cfg := config{maxFPR: 0.03, maxFPRHigh: 0.02, maxAdd: 0.03, maxAddMacro: 0.01}
	quiet := []foldStat{{fprMod: 0.01, fprHigh: 0.01}, {fprMod: 0.01, fprHigh: 0.01}}
	noisy := []foldStat{{fprMod: 0.05, fprHigh: 0.03}, {fprMod: 0.05, fprHigh: 0.03}}
	tests := []struct {
		name  string
		fs    []foldStat
		rules []foldStat
		want  bool
	}{
		{"quiet rules, within 3%", []foldStat{{fprMod: 0.03, fprHigh: 0.02}, {fprMod: 0.03, fprHigh: 0.02}}, quiet, true},
		{"quiet rules, over 3%", []foldStat{{fprMod: 0.04, fprHigh: 0.02}, {fprMod: 0.04, fprHigh: 0.02}}, quiet, false},
		{"noisy rules, one point added", []foldStat{{fprMod: 0.06, fprHigh: 0.04}, {fprMod: 0.06, fprHigh: 0.04}}, noisy, true},
		{"noisy rules, two points added", []foldStat{{fprMod: 0.07, fprHigh: 0.04}, {fprMod: 0.07, fprHigh: 0.04}}, noisy, false},
		{"noisy rules, high budget exceeded", []foldStat{{fprMod: 0.05, fprHigh: 0.05}, {fprMod: 0.05, fprHigh: 0.05}}, noisy, false},
		{"per-source cap", []foldStat{{fprMod: 0.01, fprHigh: 0.01}, {fprMod: 0.05, fprHigh: 0.01}}, quiet, false},
		{"per-source cap is at least one case", []foldStat{{fprMod: 0.01, fprHigh: 0.01}, {fprMod: 0.01 + 1.0/32, fprHigh: 0.01, neg: 32}}, quiet, true},
		{"two cases over on a small source", []foldStat{{fprMod: 0.01, fprHigh: 0.01}, {fprMod: 0.01 + 2.0/32, fprHigh: 0.01, neg: 32}}, quiet, false},
	}
	for _, tt := range tests {
		if got := feasible(tt.fs, tt.rules, cfg, cfg.maxFPR); got != tt.want {
			t.Errorf("%s: feasible = %v, want %v", tt.name, got, tt.want)
		}
	}
}
