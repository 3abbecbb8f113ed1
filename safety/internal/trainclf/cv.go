// Operating points and held-out measurement for trainclf: the grid of
// thresholds, what one operating point does on a held-out source (recall,
// false positives, over-escalation), the per-source false-positive budget
// and AUC.
package main

import (
	"math"

	"github.com/tend-project/tend/safety"
)

// gate is one operating point: the Assessor's thresholds.
type gate struct{ mod, high, alone, cue, bare, third, direct float64 }

func (g gate) apply(a *safety.Assessor) {
	a.ClassifierThreshold, a.HighThreshold, a.HighAloneThreshold, a.BareThreshold = g.mod, g.high, g.alone, g.bare
	a.CueThreshold, a.ThirdThreshold, a.DirectThreshold = g.cue, g.third, g.direct
}

// thresholdGrid lists the candidate operating points; a zero disables
// that use of the classifier, so the grid includes the rules alone.
// The candidate values of each threshold; zero disables that use.
var (
	gridMods   = []float64{0, 0.5, 0.6, 0.7, 0.8, 0.9}
	gridHighs  = []float64{0, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7}
	gridAlones = []float64{0, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9}
	gridCues   = []float64{0, 0.5, 0.6, 0.7, 0.8}
	gridBares  = []float64{0, 0.6, 0.7, 0.8, 0.9, 0.95}
	gridThirds = []float64{0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9}
	// gridDirects are the candidate P(anyone at high+) thresholds of the
	// direct path (Assessor.DirectThreshold).
	gridDirects = []float64{0, 0.5, 0.6, 0.7, 0.8, 0.9}
)

func thresholdGrid() []gate {
	var out []gate
	for _, m := range gridMods {
		for _, h := range gridHighs {
			for _, al := range gridAlones {
				if al != 0 && h != 0 && al < h {
					continue
				}
				for _, b := range gridBares {
					if b != 0 && (al == 0 || b < al) {
						continue
					}
					for _, c := range gridCues {
						// the cue tier sits between the alone and bare
						// thresholds; zero leaves the bare one in force
						if c != 0 && (b == 0 || c < al || c >= b) {
							continue
						}
						for _, t := range gridThirds {
							for _, d := range gridDirects {
								out = append(out, gate{m, h, al, c, b, t, d})
							}
						}
					}
				}
			}
		}
	}
	return out
}

// smooth averages each feasible operating point's score with its feasible
// grid neighbours (one threshold one step away), so the choice does not
// ride on a single lucky point of a flat, noisy surface. Infeasible
// neighbours (ok false) are left out rather than counted as bad: counting
// them pushed the choice away from the edge of the false-positive budget,
// which in effect made the budget stricter than the one asked for.
func smooth(grid []gate, score []float64, ok []bool) []float64 {
	idx := func(vs []float64, v float64) int {
		for i, x := range vs {
			if x == v {
				return i
			}
		}
		return -1
	}
	key := func(g gate) [7]int {
		return [7]int{idx(gridMods, g.mod), idx(gridHighs, g.high), idx(gridAlones, g.alone), idx(gridCues, g.cue), idx(gridBares, g.bare), idx(gridThirds, g.third), idx(gridDirects, g.direct)}
	}
	at := map[[7]int]int{}
	for i, g := range grid {
		at[key(g)] = i
	}
	out := make([]float64, len(grid))
	for i, g := range grid {
		if !ok[i] {
			continue
		}
		k := key(g)
		sum, n := score[i], 1
		for d := range 7 {
			for _, step := range []int{-1, 1} {
				nk := k
				nk[d] += step
				if j, found := at[nk]; found && ok[j] {
					sum += score[j]
					n++
				}
			}
		}
		out[i] = sum / float64(n)
	}
	return out
}

// foldStat is what one operating point did on one held-out source.
// overHigh is the share of cases labelled moderate or lower that were
// raised to high or above: over-escalation costs a person a crisis
// response they did not need.
// fprHigh is the share of cases labelled none that were raised to high or
// above: the costlier false alarm, held to a stricter budget.
// neg is the number of none cases (for the per-source cap).
type foldStat struct {
	highRec, modRec, fprMod, fprHigh, fprLow, overHigh float64
	neg                                                int
}

// measureGate is measure for one operating point, from precomputed gate
// inputs: the level Assess would report for each case.
func measureGate(a *safety.Assessor, cases []safety.Case, ins []safety.GateInput) foldStat {
	var hiTP, hiN, modTP, modN, neg, fpMod, fpHigh, fpLow, below, over int
	for i, c := range cases {
		got, _, _ := a.GateLevel(ins[i])
		if c.Level < safety.LevelHigh {
			below++
			over += b2i(got >= safety.LevelHigh)
		}
		switch {
		case c.Level >= safety.LevelHigh:
			hiN++
			hiTP += b2i(got >= safety.LevelHigh)
		case c.Level == safety.LevelNone:
			neg++
			fpMod += b2i(got >= safety.LevelModerate)
			fpHigh += b2i(got >= safety.LevelHigh)
			fpLow += b2i(got >= safety.LevelLow)
		}
		if c.Level >= safety.LevelModerate {
			modN++
			modTP += b2i(got >= safety.LevelModerate)
		}
	}
	return foldStat{highRec: frac(hiTP, hiN), modRec: frac(modTP, modN), fprMod: frac(fpMod, neg), fprHigh: frac(fpHigh, neg), fprLow: frac(fpLow, neg), overHigh: frac(over, below), neg: neg}
}

func frac(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func measure(r *safety.Report) foldStat {
	fs := foldStat{highRec: r.HighPlus.Recall(), modRec: r.AnyRisk.Recall(), fprMod: r.FPRModerate(), fprLow: r.FPR()}
	return fs
}

// macro averages high+ recall, FPR(moderate+) and over-escalation over the
// held-out sources.
func macro(fs []foldStat) (rec, fpr float64) {
	rec, fpr, _ = macro3(fs)
	return rec, fpr
}

func macro3(fs []foldStat) (rec, fpr, over float64) {
	for _, f := range fs {
		rec += f.highRec
		fpr += f.fprMod
		over += f.overHigh
	}
	n := float64(len(fs))
	return rec / n, fpr / n, over / n
}

func macroFPRHigh(fs []foldStat) float64 {
	var v float64
	for _, f := range fs {
		v += f.fprHigh
	}
	return v / float64(len(fs))
}

func macroMod(fs []foldStat) float64 {
	var rec float64
	for _, f := range fs {
		rec += f.modRec
	}
	return rec / float64(len(fs))
}

// feasible reports whether an operating point keeps within the budgets:
// macro FPR(moderate+) within maxFPR and macro FPR(high+) within
// cfg.maxFPRHigh, each raised to the rules' own macro rate plus
// cfg.maxAddMacro when the rules alone already exceed it, and at most
// cfg.maxAdd over the rules on every source.
func feasible(fs, rules []foldStat, cfg config, maxFPR float64) bool {
	_, fpr, _ := macro3(fs)
	_, rFPR, _ := macro3(rules)
	return fpr <= max(maxFPR, rFPR+cfg.maxAddMacro) &&
		macroFPRHigh(fs) <= max(cfg.maxFPRHigh, macroFPRHigh(rules)+cfg.maxAddMacro) &&
		withinBudget(fs, rules, cfg.maxAdd)
}

// withinBudget reports whether an operating point adds at most maxAdd to
// the rules' own false-positive rate (moderate+) on every held-out source,
// or one case where a source has so few none cases that one case is more
// than maxAdd (32 none cases: one is 3.1 points): the classifier may not
// buy recall on one writer's text with false alarms on another's. Over-escalation (a moderate case rated high) is a cost in
// the objective, not a limit: it still gets a person help.
func withinBudget(fs, rules []foldStat, maxAdd float64) bool {
	for k := range fs {
		allow := maxAdd
		if fs[k].neg > 0 {
			allow = max(allow, 1/float64(fs[k].neg)+1e-9)
		}
		if fs[k].fprMod-rules[k].fprMod > allow {
			return false
		}
	}
	return true
}

type scored struct {
	p float64
	y bool
}

// auc is the area under the ROC curve: the chance a random positive
// scores above a random negative (ties count half).
func auc(xs []scored) float64 {
	var pos, neg []float64
	for _, x := range xs {
		if x.y {
			pos = append(pos, x.p)
		} else {
			neg = append(neg, x.p)
		}
	}
	if len(pos) == 0 || len(neg) == 0 {
		return math.NaN()
	}
	var s float64
	for _, p := range pos {
		for _, n := range neg {
			switch {
			case p > n:
				s++
			case p == n:
				s += 0.5
			}
		}
	}
	return s / float64(len(pos)*len(neg))
}
