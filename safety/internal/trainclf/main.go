// Command trainclf fits the three assessment classifiers, P(moderate or
// higher) and P(high or imminent) for the writer and P(someone else at high
// or imminent risk), chooses the thresholds Assess uses them
// at, and writes the weights and a generated Go file with the thresholds
// (run by `go generate` in package safety).
//
// Training data: the train and dev splits of the labelled suite (its test
// split is held out) and every testdata/train_*.jsonl file. Each file is a
// *source*, mostly written by a different person or at a different time.
// Choices are made by leave-one-source-out cross-validation: for each
// source, the heads are trained on all the others and the whole of Assess
// (rules, gating and classifiers) is run on the held-out source. That
// measures what matters for outside data, how well the system does on text
// written by someone whose phrasing it has not seen, rather than how well
// it fits its own writers. The L2 strength is chosen by held-out log loss;
// the thresholds by the best macro-averaged high+imminent recall across
// sources whose macro-averaged false-positive rate at moderate or above
// stays within -max-fpr. The blind dev set is only reported, never used to
// choose.
//
// The objective is macro high+ recall plus half the macro moderate+ recall,
// minus half the over-escalation (a case labelled moderate or lower rated
// high or above), averaged with the neighbouring operating points so the
// choice is stable. False positives are budgets, not costs: 4% at
// moderate+ on held-out writers' none cases (-max-fpr), 3% for none cases
// raised to high (-max-fpr-high), and at most 5 points over the rules' own
// rate on any one held-out source (-max-add). The 3% is a limit on
// our idiom and benign set, where Assess stays at 0 (TestAssessSuite);
// the held-out writers' none cases are harder (each writer wrote everyday
// sentences full of risk words on purpose), and on them each point of
// false-positive rate between 3% and 4% buys about eight points of
// high+imminent recall (the trade-off curve), so the budget there is set
// one point looser: a missed crisis costs more than a resource card shown
// without need. When the rules alone already spend a budget
// on the held-out writers (new writers' everyday sentences the rules raise
// are the rules' error, not the classifiers'), the classifiers still get
// -max-add-macro on top of the rules' own macro rate, at moderate+ and at
// high+; otherwise the budget would leave them nothing and the choice would
// switch them off. The trainer prints the whole trade-off curve (best
// recall per budget) so the choice can be checked.
package main

import (
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"

	"github.com/tend-project/tend/safety"
)

func main() {
	suite := flag.String("suite", "testdata/suite.jsonl", "labelled suite (JSONL); its test split is held out")
	extra := flag.String("extra", "testdata/train_*.jsonl", "comma-separated extra training sets or globs (case JSONL)")
	dev := flag.String("dev", "testdata/devblind.jsonl", "blind dev set, reported only")
	out := flag.String("out", "classifier.bin", "P(moderate+) weights file to write")
	outHigh := flag.String("out-high", "classifier_high.bin", "P(high+) weights file to write")
	outThird := flag.String("out-third", "classifier_third.bin", "P(someone else at high+) weights file to write")
	outAny := flag.String("out-any", "classifier_any.bin", "P(anyone at high+) weights file to write")
	outCat := flag.String("out-category", "classifier_category.bin", "category head weights file to write")
	outGate := flag.String("out-gate", "classifier_gate.go", "generated Go file with the thresholds")
	bits := flag.Uint("bits", 18, "hashed feature space is 2^bits")
	epochs := flag.Int("epochs", 10, "passes over the training data")
	// With 21 sources each candidate costs about two minutes; every run in
	// round 5 (0.03, 0.1, 0.3, 1 and concept ratios 1 and 0.3) chose 0.1
	// and 1, so the defaults try only the two nearest.
	l2s := flag.String("l2", "0.1,0.3", "candidate L2 strengths (comma-separated); chosen by cross-validation")
	cRatios := flag.String("concept-l2", "1", "candidate L2 on concept features, as fractions of the L2 on words and character n-grams; chosen with -l2 by cross-validation")
	maxFPR := flag.Float64("max-fpr", 0.04, "largest macro-averaged false-positive rate (moderate+) allowed on held-out sources' none cases")
	maxFPRHigh := flag.Float64("max-fpr-high", 0.03, "largest macro-averaged share of held-out none cases raised to high or above")
	dump := flag.String("dump", "", "if set, write every held-out case's gate input (JSONL) here, for studying the gate offline")
	maxAdd := flag.Float64("max-add", 0.05, "largest rise the classifiers may add to the rules' false-positive rate (moderate+) on any held-out source")
	maxAddMacro := flag.Float64("max-add-macro", 0.01, "macro-averaged rise over the rules' own false-positive rates (moderate+ and high+) the classifiers may always spend, even when the rules alone exceed -max-fpr or -max-fpr-high")
	flag.Parse()
	cfg := config{bits: uint32(*bits), epochs: *epochs, maxFPR: *maxFPR, maxFPRHigh: *maxFPRHigh, maxAdd: *maxAdd, maxAddMacro: *maxAddMacro, dump: *dump}
	cfg.conceptRatios = nonNegatives("concept-l2", *cRatios)
	cfg.l2s = nonNegatives("l2", *l2s)
	if err := run(*suite, *extra, *dev, outputs{*out, *outHigh, *outThird, *outAny, *outCat, *outGate}, cfg); err != nil {
		fmt.Fprintln(os.Stderr, "trainclf:", err)
		os.Exit(1)
	}
}

type config struct {
	bits       uint32
	epochs     int
	l2s        []float64
	maxFPR     float64
	maxFPRHigh float64
	// maxAddMacro is what the classifiers may add to the rules' own macro
	// false-positive rates when the rules alone exceed maxFPR or maxFPRHigh.
	maxAddMacro float64
	maxAdd      float64
	dump        string
	// conceptRatios are candidate scales for the L2 on concept features
	// (see TrainOptions.ConceptL2).
	conceptRatios []float64
}

// source is one training file (or the suite's train and dev splits).
type source struct {
	name  string
	cases []safety.Case
}

func loadSources(suitePath, extra string) ([]source, error) {
	cases, err := safety.ReadCasesFile(suitePath)
	if err != nil {
		return nil, err
	}
	var kept []safety.Case
	for _, c := range cases {
		if safety.SplitOf(c.ID) != "test" {
			kept = append(kept, c)
		}
	}
	srcs := []source{{name: filepath.Base(suitePath) + " (train+dev)", cases: kept}}
	for _, pat := range splitComma(extra) {
		paths, err := filepath.Glob(pat)
		if err != nil {
			return nil, fmt.Errorf("-extra %q: %w", pat, err)
		}
		if len(paths) == 0 {
			return nil, fmt.Errorf("-extra %q: no such file", pat)
		}
		for _, p := range paths {
			cs, err := safety.ReadCasesFile(p)
			if err != nil {
				return nil, err
			}
			srcs = append(srcs, source{name: filepath.Base(p), cases: cs})
		}
	}
	return srcs, nil
}

// outputs are the files run writes.
type outputs struct{ mod, high, third, anyone, cat, gate string }

func run(suitePath, extra, devPath string, out outputs, cfg config) error {
	srcs, err := loadSources(suitePath, extra)
	if err != nil {
		return err
	}
	dev, err := safety.ReadCasesFile(devPath)
	if err != nil {
		return err
	}
	for _, s := range srcs {
		m, h := 0, 0
		for _, c := range s.cases {
			e := example(c)
			m += b2i(e.mod)
			h += b2i(e.hi)
		}
		fmt.Fprintf(os.Stderr, "source %-28s %5d cases (%d moderate+, %d high+ about the writer); category examples %v\n", s.name, len(s.cases), m, h, categoryExamplesOf(s.cases))
	}

	// 1. L2 strengths by held-out log loss, summed over both heads.
	bestL2, bestRatio, bestLoss := cfg.l2s[0], 1.0, math.Inf(1)
	for _, ratio := range cfg.conceptRatios {
		conceptRatio = ratio
		for _, l2 := range cfg.l2s {
			var loss float64
			var n int
			for k := range srcs {
				cm, ch, ct, ca := trainHeads(others(srcs, k), cfg.bits, cfg.epochs, l2)
				for _, c := range srcs[k].cases {
					if len(c.Messages) > 0 {
						continue // not a classifier example (see trainHeads)
					}
					e := example(c)
					loss += logLoss(cm.ProbText(e.text), e.mod) + logLoss(ch.ProbText(e.text), e.hi) + logLoss(ct.ProbText(e.text), e.third) + logLoss(ca.ProbText(e.text), e.anyone)
					n++
				}
			}
			fmt.Fprintf(os.Stderr, "l2 %-6g concept l2 x%-4g held-out log loss %.4f per example\n", l2, ratio, loss/float64(n))
			if loss < bestLoss {
				bestL2, bestRatio, bestLoss = l2, ratio, loss
			}
		}
	}
	conceptRatio = bestRatio
	fmt.Fprintf(os.Stderr, "chose l2 %g, concept l2 x%g\n", bestL2, bestRatio)

	// 2. Thresholds: run all of Assess on each held-out source with heads
	// trained on the others, for every candidate operating point.
	grid := thresholdGrid()
	type foldInputs struct {
		a   *safety.Assessor
		ins []safety.GateInput
	}
	var folds []foldInputs
	var catHeads []*safety.CategoryModel
	var dumped []dumpRow
	stats := make([][]foldStat, len(grid))
	for k := range srcs {
		cm, ch, ct, ca := trainHeads(others(srcs, k), cfg.bits, cfg.epochs, bestL2)
		a, err := safety.NewAssessorWith(cm, ch, ct)
		if err != nil {
			return err
		}
		a.SetAnyClassifier(ca)
		catHeads = append(catHeads, trainCategories(others(srcs, k), cfg.bits, cfg.epochs, bestL2))
		a.SetCategoryModel(catHeads[k])
		var pm, ph, pt, pa []scored
		for _, c := range srcs[k].cases {
			e := example(c)
			pm = append(pm, scored{cm.ProbText(e.text), e.mod})
			ph = append(ph, scored{ch.ProbText(e.text), e.hi})
			pt = append(pt, scored{ct.ProbText(e.text), e.third})
			pa = append(pa, scored{ca.ProbText(e.text), e.anyone})
		}
		fmt.Fprintf(os.Stderr, "held out %-28s classifier AUC: moderate+ head %.3f, high+ head %.3f, third-party head %.3f, anyone-high+ head %.3f\n", srcs[k].name, auc(pm), auc(ph), auc(pt), auc(pa))
		// The rules run once per case; each operating point then only
		// re-applies the gate.
		ins := make([]safety.GateInput, len(srcs[k].cases))
		for i := range srcs[k].cases {
			ins[i] = a.GateInput(srcs[k].cases[i].Conversation())
		}
		for gi, g := range grid {
			g.apply(a)
			stats[gi] = append(stats[gi], measureGate(a, srcs[k].cases, ins))
		}
		folds = append(folds, foldInputs{a, ins})
		for i, c := range srcs[k].cases {
			dumped = append(dumped, dumpRow{Source: srcs[k].name, ID: c.ID, Level: c.Level, Subject: c.Subject, Turns: len(c.Messages), In: ins[i]})
		}
	}
	if cfg.dump != "" {
		if err := writeDump(cfg.dump, dumped); err != nil {
			return err
		}
	}
	var rulesStats []foldStat
	for gi := range grid {
		if grid[gi] == (gate{}) {
			rulesStats = stats[gi]
		}
	}
	scores := make([]float64, len(grid))
	ok := make([]bool, len(grid))
	for gi := range grid {
		rec, _, over := macro3(stats[gi])
		ok[gi] = feasible(stats[gi], rulesStats, cfg, cfg.maxFPR)
		// Recall of high and imminent risk counts most; moderate-or-higher
		// recall counts half; over-escalation (a case labelled moderate or
		// lower rated high) costs half. False alarms are a budget, not a
		// cost: a missed crisis costs far more than a resource card shown
		// without need, so the point is chosen at the budget.
		scores[gi] = rec + 0.5*macroMod(stats[gi]) - 0.5*over
	}
	printCurve(grid, stats, rulesStats, cfg)
	smoothed := smooth(grid, scores, ok)
	best := -1
	var bestScore float64
	for gi := range grid {
		if ok[gi] && (best < 0 || smoothed[gi] > bestScore) {
			best, bestScore = gi, smoothed[gi]
		}
	}
	if best < 0 {
		return fmt.Errorf("no operating point keeps the held-out false-positive rate within %.3f (or %.3f over the rules' own)", cfg.maxFPR, cfg.maxAddMacro)
	}
	g := grid[best]
	rec, fpr := macro(stats[best])
	rRec, rFPR := macro(rulesStats)
	fmt.Fprintf(os.Stderr, "chose moderate %.2f, high %.2f, high alone %.2f, cue %.2f, bare %.2f, third party %.2f, direct %.2f: held-out macro high+ recall %.3f, FPR(moderate+) %.3f (rules alone: %.3f, %.3f)\n",
		g.mod, g.high, g.alone, g.cue, g.bare, g.third, g.direct, rec, fpr, rRec, rFPR)
	for k, s := range srcs {
		b, r := stats[best][k], rulesStats[k]
		fmt.Fprintf(os.Stderr, "  held out %-28s high+ recall %.3f (rules %.3f)  moderate+ recall %.3f (rules %.3f)  FPR(moderate+) %.3f (rules %.3f)  FPR(high+) %.3f (rules %.3f)  over-escalation %.3f (rules %.3f)\n",
			s.name, b.highRec, r.highRec, b.modRec, r.modRec, b.fprMod, r.fprMod, b.fprHigh, r.fprHigh, b.overHigh, r.overHigh)
	}

	// Why held-out high+ cases were missed at the chosen point.
	for k, f := range folds {
		g.apply(f.a)
		var excl, scoped, low, lowHigh, n int
		blocked := map[string]int{}
		for i, c := range srcs[k].cases {
			if c.Level < safety.LevelHigh {
				continue
			}
			if got, _, _ := f.a.GateLevel(f.ins[i]); got >= safety.LevelHigh {
				continue
			}
			n++
			switch in := f.ins[i]; {
			case in.Excluded:
				excl++
			case !in.MayRaiseHigh:
				scoped++
				blocked[in.Blocked]++
			default:
				low++
				lowHigh += b2i(in.ScoreHigh >= 0.3 || in.ScoreThird >= 0.3 || in.ScoreAny >= 0.3)
			}
		}
		fmt.Fprintf(os.Stderr, "  held out %-28s %d high+ missed: %d excluded as idiom, %d kept from the high+ head by the rules (%s), %d below the threshold (%d of them with P(high+) >= 0.3)\n",
			srcs[k].name, n, excl, scoped, formatCounts(blocked), low, lowHigh)
	}

	// Categories, at the chosen operating point.
	var foldAssessors []*safety.Assessor
	for _, f := range folds {
		g.apply(f.a)
		foldAssessors = append(foldAssessors, f.a)
	}
	cp := chooseCategories(srcs, foldAssessors, catHeads)

	// 3. Final heads on every source.
	var all []safety.Case
	for _, s := range srcs {
		all = append(all, s.cases...)
	}
	cm, ch, ct, ca := trainHeads(all, cfg.bits, cfg.epochs, bestL2)
	cat := trainCategories(all, cfg.bits, cfg.epochs, bestL2)
	a, err := safety.NewAssessorWith(cm, ch, ct)
	if err != nil {
		return err
	}
	a.SetAnyClassifier(ca)
	g.apply(a)
	a.SetCategoryModel(cat)
	a.CategoryThreshold, a.CategoryAddThreshold = cp.pick, cp.add
	d := measure(safety.Evaluate(a, dev))
	fmt.Fprintf(os.Stderr, "blind dev set (reported only): high+ recall %.3f, moderate+ recall %.3f, FPR(moderate+) %.3f, FPR(low+) %.3f\n",
		d.highRec, d.modRec, d.fprMod, d.fprLow)
	for _, w := range []struct {
		path string
		c    io.WriterTo
	}{{out.mod, cm}, {out.high, ch}, {out.third, ct}, {out.anyone, ca}, {out.cat, cat}} {
		if err := writeWeights(w.path, w.c); err != nil {
			return err
		}
	}
	return writeGate(out.gate, g, cp, bestL2, bestRatio, rec, fpr, len(srcs))
}

func others(srcs []source, k int) []safety.Case {
	var out []safety.Case
	for i, s := range srcs {
		if i != k {
			out = append(out, s.cases...)
		}
	}
	return out
}

// conceptRatio scales the L2 on concept features; run sets it while it
// tries the candidates and then to the chosen one.
var conceptRatio = 1.0

func trainHeads(cases []safety.Case, bits uint32, epochs int, l2 float64) (mod, high, third, anyone *safety.Classifier) {
	var m, h, t, an []safety.TrainExample
	for _, c := range cases {
		if len(c.Messages) > 0 {
			// A conversation's label is about the whole of it; its last
			// message alone ("I've made up my mind") is not a labelled
			// example. Conversation memory in the rules handles these.
			continue
		}
		e := example(c)
		m = append(m, safety.TrainExample{Text: e.text, Risk: e.mod})
		h = append(h, safety.TrainExample{Text: e.text, Risk: e.hi})
		t = append(t, safety.TrainExample{Text: e.text, Risk: e.third})
		an = append(an, safety.TrainExample{Text: e.text, Risk: e.anyone})
	}
	o := safety.TrainOptions{Bits: bits, Chars: true, Concepts: true, Epochs: epochs, L2: l2, ConceptL2: l2 * conceptRatio, Seed: 1}
	oh, ot, oa := o, o, o
	oh.Seed, ot.Seed, oa.Seed = 2, 3, 4
	return safety.TrainClassifier(m, o), safety.TrainClassifier(h, oh), safety.TrainClassifier(t, ot), safety.TrainClassifier(an, oa)
}

func logLoss(p float64, y bool) float64 {
	p = math.Min(math.Max(p, 1e-6), 1-1e-6)
	if y {
		return -math.Log(p)
	}
	return -math.Log(1 - p)
}

type labelled struct {
	text    string
	mod, hi bool
	third   bool // someone other than the writer is at high or imminent risk
	anyone  bool // someone, the writer or another person, is at high or imminent risk
}

// example turns a case into one example: the last user message carries the
// label (earlier turns of multi-turn cases are not labelled on their own).
// Risk to someone else and general questions are negatives: the classifier
// speaks for the writer only.
func example(c safety.Case) labelled {
	text := c.Text
	if text == "" {
		for i := len(c.Messages) - 1; i >= 0; i-- {
			if c.Messages[i].Role == "user" {
				text = c.Messages[i].Content
				break
			}
		}
	}
	self := c.Subject != safety.SubjectGeneral && c.Subject != safety.SubjectThirdParty
	return labelled{text: text, mod: self && c.Level >= safety.LevelModerate, hi: self && c.Level >= safety.LevelHigh,
		third: c.Subject == safety.SubjectThirdParty && c.Level >= safety.LevelHigh, anyone: c.Level >= safety.LevelHigh}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// nonNegatives parses flag -name's comma-separated list of non-negative
// numbers; a bad value ends the program with a usage error naming it.
func nonNegatives(name, list string) []float64 {
	var out []float64
	for _, s := range splitComma(list) {
		var v float64
		if _, err := fmt.Sscan(s, &v); err != nil || v < 0 {
			fmt.Fprintf(os.Stderr, "trainclf: -%s: bad value %q\n", name, s)
			os.Exit(2)
		}
		out = append(out, v)
	}
	return out
}

func splitComma(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
