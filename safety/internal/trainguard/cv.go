// Threshold choice and the leave-one-file-out report for trainguard.
package main

import (
	"fmt"
	"io"
	"math"
	"text/tabwriter"

	"github.com/tend-project/tend/safety"
)

const nRules = len(safety.GuardClfRules)

// counts are held-out figures for one threshold setting.
type counts struct {
	clean, cleanRules, cleanAdded int // clean replies; flagged by the rules; flagged only by the classifier
	pos, tpRules, tpBoth          [nRules]int
	otherFP                       [nRules]int // replies labelled otherwise that the classifier flags with the rule
	cleanW, cleanAddedW           float64     // clean and cleanAdded weighted by the replies' weights
}

// isClean: no label among the classifier's rules.
func isClean(b *safety.GuardClfBag) bool {
	for _, l := range b.Labels {
		if l {
			return false
		}
	}
	return true
}

func tally(bags []safety.GuardClfBag, held [][nRules]float32, thr [nRules]float32, keep func(*safety.GuardClfBag) bool) counts {
	var c counts
	for i := range bags {
		b := &bags[i]
		if !keep(b) {
			continue
		}
		fires := func(r int) bool { return held[i][r] >= thr[r] && thr[r] <= 1 }
		if isClean(b) {
			c.clean++
			c.cleanW += float64(b.Weight)
			rules, added := false, false
			for r := range b.RuleFound {
				rules = rules || b.RuleFound[r]
				added = added || fires(r)
			}
			if rules {
				c.cleanRules++
			} else if added {
				c.cleanAdded++
				c.cleanAddedW += float64(b.Weight)
			}
			continue
		}
		for r := range b.Labels {
			switch {
			case b.Labels[r]:
				c.pos[r]++
				if b.RuleFound[r] {
					c.tpRules[r]++
					c.tpBoth[r]++
				} else if fires(r) {
					c.tpBoth[r]++
				}
			case !b.RuleFound[r] && fires(r):
				c.otherFP[r]++
			}
		}
	}
	return c
}

func notSeed(b *safety.GuardClfBag) bool { return b.Source != "seed" }

// chooseThresholds lowers the per-rule thresholds greedily on the pooled
// held-out scores: recall is counted on the non-seed sources, the
// false-positive budget on every source's clean replies, weighted (the
// seed's chosen replies are the style of the model's own training data,
// so they must stay clean too).
func chooseThresholds(bags []safety.GuardClfBag, held [][nRules]float32, cfg config) [nRules]float32 {
	var thr [nRules]float32
	for r := range thr {
		thr[r] = 2
	}
	// Misinformation has a budget of its own, spent after the other
	// rules': its finds are only flagged by default, and with seven
	// hundred labelled cases it would otherwise outbid every other rule
	// for the shared one.
	mi := -1
	for r, name := range safety.GuardClfRules {
		if name == safety.RuleMisinformation {
			mi = r
		}
	}
	thr = lowerThresholds(bags, held, cfg, thr, func(r int) bool { return r != mi }, cfg.maxFPR)
	if mi >= 0 && cfg.misinfoFPR > 0 {
		thr = lowerThresholds(bags, held, cfg, thr, func(r int) bool { return r == mi }, cfg.maxFPR+cfg.misinfoFPR)
	}
	return thr
}

// lowerThresholds lowers the thresholds of the rules for which adjust is
// true, greedily, while the added clean flags of all rules stay within
// budget.
func lowerThresholds(bags []safety.GuardClfBag, held [][nRules]float32, cfg config, thr [nRules]float32, adjust func(int) bool, budget float64) [nRules]float32 {
	// The grid is even in log-odds, so it is fine near 1 where the
	// scores of a confident model crowd.
	var grid []float32
	for z := 9.0; ; z -= 0.25 {
		t := 1 / (1 + math.Exp(-z))
		if t < cfg.minThr-1e-9 {
			break
		}
		grid = append(grid, float32(t))
	}
	pos := make([]int, nRules) // index into grid of the next value to try
	all := func(*safety.GuardClfBag) bool { return true }
	cur, curAll := tally(bags, held, thr, notSeed), tally(bags, held, thr, all)
	for {
		best, bestR, bestK := 0.0, -1, 0
		for r := 0; r < nRules; r++ {
			if !adjust(r) {
				continue
			}
			for k := pos[r]; k < len(grid); k++ {
				try := thr
				try[r] = grid[k]
				c, ca := tally(bags, held, try, notSeed), tally(bags, held, try, all)
				if c.cleanAddedW > budget*c.cleanW || ca.cleanAddedW > budget*ca.cleanW {
					break
				}
				gain := float64(c.tpBoth[r]-cur.tpBoth[r]) * ruleWeight(r, cfg)
				cost := ca.cleanAddedW - curAll.cleanAddedW + 0.25*float64(c.otherFP[r]-cur.otherFP[r])
				if gain <= 0 {
					continue
				}
				if v := gain / (cost + 0.5); v > best {
					best, bestR, bestK = v, r, k
				}
			}
		}
		if bestR < 0 || best < cfg.minGain {
			return thr
		}
		thr[bestR] = grid[bestK]
		pos[bestR] = bestK + 1
		cur, curAll = tally(bags, held, thr, notSeed), tally(bags, held, thr, all)
	}
}

// ruleWeight is the value of one more caught violation of rule r in the
// threshold search: the crisis rules' finds count cfg.crisisWeight times.
// Without it the rule with the most labelled cases (misinformation, since
// round six) took most of the false-positive budget by raw counts, and a
// method detail missed costs more than a myth missed.
func ruleWeight(r int, cfg config) float64 {
	switch safety.GuardClfRules[r] {
	case safety.RuleMethodDetail, safety.RuleEncouragesHarm:
		return cfg.crisisWeight
	}
	return 1
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// report prints the held-out figures per source and pooled.
func report(w io.Writer, bags []safety.GuardClfBag, held [][nRules]float32, thr [nRules]float32, sources []string) {
	fmt.Fprintf(w, "thresholds:")
	for r, name := range safety.GuardClfRules {
		if thr[r] > 1 {
			fmt.Fprintf(w, " %s=off", name)
		} else {
			fmt.Fprintf(w, " %s=%.4f", name, thr[r])
		}
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "held-out source\trule\tsupport\trecall rules\trecall rules+clf\tclf wrong-rule flags\t\n")
	print := func(name string, keep func(*safety.GuardClfBag) bool) {
		c := tally(bags, held, thr, keep)
		for r, rule := range safety.GuardClfRules {
			if c.pos[r] == 0 {
				continue
			}
			fmt.Fprintf(tw, "%s\t%s\t%d\t%.3f\t%.3f\t%d\t\n", name, rule, c.pos[r], ratio(c.tpRules[r], c.pos[r]), ratio(c.tpBoth[r], c.pos[r]), c.otherFP[r])
		}
		fmt.Fprintf(tw, "%s\tclean FPR\t%d\t%.3f\t%.3f\t\t\n", name, c.clean, ratio(c.cleanRules, c.clean), ratio(c.cleanRules+c.cleanAdded, c.clean))
	}
	for _, s := range sources {
		print(s, func(b *safety.GuardClfBag) bool { return b.Source == s })
	}
	print("pooled (no seed)", notSeed)
	tw.Flush()
}
