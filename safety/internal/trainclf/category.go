// The category head in trainclf: its training examples, the choice of its
// two thresholds (naming a category for a message the rules gave none, and
// adding one the rules missed) by leave-one-source-out, and the held-out
// per-category precision and recall of the whole of Assess with the head
// against the topic-word guess it replaces.
package main

import (
	"fmt"
	"os"
	"slices"

	"github.com/tend-project/tend/safety"
)

// catPoint is one way of using the category head; a nil model in a fold
// means the topic-word guess (the baseline).
type catPoint struct {
	name       string
	useHead    bool
	pick, add  float64
	byCategory map[safety.Category]*safety.PR
}

// Candidate thresholds; add 0 disables adding categories.
var (
	catPicks = []float64{0.3, 0.4, 0.5}
	catAdds  = []float64{0, 0.6, 0.7, 0.8, 0.9, 0.95}
)

// trainCategories fits the category head on the single-message cases that
// name at least one category. Cases without categories are left out rather
// than used as negatives: some sources do not label categories at all, and
// the head answers "which category", not "is there risk".
func trainCategories(cases []safety.Case, bits uint32, epochs int, l2 float64) *safety.CategoryModel {
	var ex []safety.CategoryExample
	for _, c := range cases {
		if len(c.Messages) > 0 || len(c.Categories) == 0 {
			continue
		}
		ex = append(ex, safety.CategoryExample{Text: c.Text, Categories: c.Categories})
	}
	return safety.TrainCategoryModel(ex, safety.TrainOptions{Bits: bits, Epochs: epochs, L2: l2, ConceptL2: l2 * conceptRatio, Seed: 4})
}

// labelsCategories reports whether a source labels categories: some case
// at moderate or above names one. Sources that do not are left out of the
// category figures (every predicted category would count as wrong).
func labelsCategories(cases []safety.Case) bool {
	for _, c := range cases {
		if c.Level >= safety.LevelModerate && len(c.Categories) > 0 {
			return true
		}
	}
	return false
}

// chooseCategories measures every candidate use of the head on the held-out
// folds (assessors with the chosen gate already applied, and each fold's
// head trained without that source), prints per-category precision and
// recall for the topic-word baseline and the best candidate, and returns
// the best by macro F1 over the categories.
func chooseCategories(srcs []source, assessors []*safety.Assessor, heads []*safety.CategoryModel) catPoint {
	points := []catPoint{{name: "topic words (before)"}}
	for _, p := range catPicks {
		for _, ad := range catAdds {
			points = append(points, catPoint{name: fmt.Sprintf("head pick %.2f add %.2f", p, ad), useHead: true, pick: p, add: ad})
		}
	}
	for i := range points {
		pt := &points[i]
		pt.byCategory = map[safety.Category]*safety.PR{}
		for _, k := range safety.Categories {
			pt.byCategory[k] = &safety.PR{}
		}
		for f, a := range assessors {
			if !labelsCategories(srcs[f].cases) {
				continue
			}
			saved := [2]float64{a.CategoryThreshold, a.CategoryAddThreshold}
			if pt.useHead {
				a.SetCategoryModel(heads[f])
				a.CategoryThreshold, a.CategoryAddThreshold = pt.pick, pt.add
			} else {
				a.SetCategoryModel(nil)
			}
			r := safety.Evaluate(a, srcs[f].cases)
			for _, k := range safety.Categories {
				pr := r.Categories[k]
				pt.byCategory[k].TP += pr.TP
				pt.byCategory[k].FP += pr.FP
				pt.byCategory[k].FN += pr.FN
				pt.byCategory[k].TN += pr.TN
			}
			a.CategoryThreshold, a.CategoryAddThreshold = saved[0], saved[1]
			a.SetCategoryModel(heads[f])
		}
	}
	best := 1
	for i := 1; i < len(points); i++ {
		if macroF1(points[i].byCategory) > macroF1(points[best].byCategory) {
			best = i
		}
	}
	fmt.Fprintln(os.Stderr, "held-out categories (whole of Assess, pooled over sources that label categories): macro F1 per way of naming categories")
	for i, pt := range points {
		mark := " "
		if i == best {
			mark = "*"
		}
		fmt.Fprintf(os.Stderr, " %s %-28s macro F1 %.3f\n", mark, pt.name, macroF1(pt.byCategory))
	}
	fmt.Fprintf(os.Stderr, "held-out per category, precision / recall (support): %s -> %s\n", points[0].name, points[best].name)
	for _, k := range safety.Categories {
		b, a := points[0].byCategory[k], points[best].byCategory[k]
		fmt.Fprintf(os.Stderr, "  %-18s %.3f / %.3f -> %.3f / %.3f (%d)\n", k, b.Precision(), b.Recall(), a.Precision(), a.Recall(), b.TP+b.FN)
	}
	return points[best]
}

// macroF1 averages F1 over the categories.
func macroF1(m map[safety.Category]*safety.PR) float64 {
	var s float64
	for _, k := range safety.Categories {
		p, r := m[k].Precision(), m[k].Recall()
		if p+r > 0 {
			s += 2 * p * r / (p + r)
		}
	}
	return s / float64(len(safety.Categories))
}

// categoryExamplesOf counts the head's training examples per category, for
// the trainer's log.
func categoryExamplesOf(cases []safety.Case) map[safety.Category]int {
	n := map[safety.Category]int{}
	for _, c := range cases {
		if len(c.Messages) > 0 {
			continue
		}
		for _, k := range c.Categories {
			if slices.Contains(safety.Categories, k) {
				n[k]++
			}
		}
	}
	return n
}
