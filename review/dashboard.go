// The admin dashboard's numbers: progress, agreement per dimension (alpha)
// and per reviewer pair (kappa), flag counts, and rating distributions per
// model drawn as inline SVG (no script, no third-party chart library).
package review

import (
	"cmp"
	"fmt"
	"html/template"
	"slices"
	"strings"

	"github.com/tend-project/tend/store"
)

// AlphaRow is Krippendorff's alpha for one dimension.
type AlphaRow struct {
	Dim                        string
	Ordinal, Interval, Nominal float64
	Units                      int // items with at least two ratings
}

// KappaCell is Cohen's kappa of one reviewer pair on one dimension.
type KappaCell struct {
	Unweighted, Quadratic float64
	N                     int
}

// KappaRow is one reviewer pair.
type KappaRow struct {
	A, B  string
	Cells []KappaCell // per dimension, in Dimensions order (plus choice in pairwise tasks)
}

// ModelWins counts pairwise outcomes for one model.
type ModelWins struct {
	Model             string
	Wins, Losses, Tie int
}

// Stats is what the dashboard shows for one task.
type Stats struct {
	Dims  []string
	Alpha []AlphaRow
	Kappa []KappaRow
	Flags []struct {
		Label string
		Count int
	}
	Charts  []template.HTML
	Wins    []ModelWins
	Ratings int
}

var likert = []int{1, 2, 3, 4, 5}

// choiceCode puts pairwise choices on a nominal scale for agreement.
func choiceCode(c store.Choice) int {
	switch c {
	case store.ChoiceA:
		return 1
	case store.ChoiceB:
		return 2
	case store.ChoiceTie:
		return 3
	}
	return 0
}

// values returns each dimension's value of a rating, then the choice code.
func values(r store.Rating) []int {
	var v []int
	for _, d := range r.Scores.Dimensions() {
		v = append(v, d.Value)
	}
	return append(v, choiceCode(r.Choice))
}

// ComputeStats derives the dashboard numbers from submitted ratings.
func ComputeStats(d *TaskData) Stats {
	var s Stats
	for _, dim := range Dimensions {
		s.Dims = append(s.Dims, dim.Label)
	}
	nd := len(Dimensions)
	if d.Task.Kind == store.KindPairwise {
		s.Dims = append(s.Dims, "Choice")
		nd++
	}
	s.Ratings = len(d.Ratings)
	// Units per dimension: item → values.
	// Each rating's values, once: item → reviewer → values.
	type rv struct {
		reviewer int64
		vals     []int
	}
	byItem := map[int64][]rv{}
	var itemOrder []int64
	reviewers := map[int64]bool{}
	for _, r := range d.Ratings {
		if _, ok := byItem[r.ItemID]; !ok {
			itemOrder = append(itemOrder, r.ItemID)
		}
		byItem[r.ItemID] = append(byItem[r.ItemID], rv{r.ReviewerID, values(r)})
		reviewers[r.ReviewerID] = true
	}
	for k := range nd {
		var units [][]int
		n := 0
		for _, id := range itemOrder {
			var u []int
			for _, r := range byItem[id] {
				if v := r.vals[k]; v > 0 {
					u = append(u, v)
				}
			}
			if len(u) >= 2 {
				n++
			}
			units = append(units, u)
		}
		row := AlphaRow{Dim: s.Dims[k], Units: n, Nominal: KrippendorffAlpha(units, Nominal)}
		if k < len(Dimensions) {
			row.Ordinal, row.Interval = KrippendorffAlpha(units, Ordinal), KrippendorffAlpha(units, Interval)
		} else {
			row.Ordinal, row.Interval = nan(), nan()
		}
		s.Alpha = append(s.Alpha, row)
	}
	ids := make([]int64, 0, len(reviewers))
	for id := range reviewers {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for i := range ids {
		for j := i + 1; j < len(ids); j++ {
			row := KappaRow{A: d.reviewerName(ids[i]), B: d.reviewerName(ids[j])}
			for k := range nd {
				var xa, xb []int
				for _, id := range itemOrder {
					var va, vb int
					for _, r := range byItem[id] {
						switch r.reviewer {
						case ids[i]:
							va = r.vals[k]
						case ids[j]:
							vb = r.vals[k]
						}
					}
					if va > 0 && vb > 0 {
						xa, xb = append(xa, va), append(xb, vb)
					}
				}
				cats := likert
				if k >= len(Dimensions) {
					cats = []int{1, 2, 3}
				}
				cell := KappaCell{N: len(xa), Unweighted: CohenKappa(xa, xb, cats, Unweighted), Quadratic: nan()}
				if k < len(Dimensions) {
					cell.Quadratic = CohenKappa(xa, xb, cats, Quadratic)
				}
				row.Cells = append(row.Cells, cell)
			}
			if row.Cells[0].N > 0 || (nd > len(Dimensions) && row.Cells[nd-1].N > 0) {
				s.Kappa = append(s.Kappa, row)
			}
		}
	}
	var fc [6]int
	for _, r := range d.Ratings {
		for i, on := range flagValues(r.Flags) {
			if on {
				fc[i]++
			}
		}
	}
	for i, f := range Flags {
		s.Flags = append(s.Flags, struct {
			Label string
			Count int
		}{f.Label, fc[i]})
	}
	s.Charts = distributionCharts(d)
	if d.Task.Kind == store.KindPairwise {
		s.Wins = wins(d)
	}
	return s
}

func nan() float64 { return KrippendorffAlpha(nil, Nominal) }

func modelName(m string) string { return cmp.Or(m, "(unnamed)") }

// wins counts each model's pairwise outcomes over submitted choices.
func wins(d *TaskData) []ModelWins {
	by := map[string]*ModelWins{}
	get := func(m string) *ModelWins {
		m = modelName(m)
		if by[m] == nil {
			by[m] = &ModelWins{Model: m}
		}
		return by[m]
	}
	for _, r := range d.Ratings {
		it := d.Item(r.ItemID)
		if it == nil {
			continue
		}
		a, b := get(it.ModelA), get(it.ModelB)
		switch r.Choice {
		case store.ChoiceA:
			a.Wins++
			b.Losses++
		case store.ChoiceB:
			b.Wins++
			a.Losses++
		case store.ChoiceTie:
			a.Tie++
			b.Tie++
		}
	}
	var out []ModelWins
	for _, w := range by {
		out = append(out, *w)
	}
	slices.SortFunc(out, func(x, y ModelWins) int { return cmp.Compare(x.Model, y.Model) })
	return out
}

// scoreColours run from red (1) to green (5), readable on white.
var scoreColours = [5]string{"#c0392b", "#e67e22", "#bfa600", "#7cb342", "#2e7d32"}

// distributionCharts draws, per dimension, one stacked bar per model with
// the share of each score 1–5 (scores describe response A).
func distributionCharts(d *TaskData) []template.HTML {
	counts := map[string]*[5][5]int{} // model → dimension → score-1
	var models []string
	for _, r := range d.Ratings {
		it := d.Item(r.ItemID)
		if it == nil {
			continue
		}
		m := modelName(it.ModelA)
		c := counts[m]
		if c == nil {
			c = &[5][5]int{}
			counts[m] = c
			models = append(models, m)
		}
		for i, dim := range r.Scores.Dimensions() {
			if dim.Value >= 1 && dim.Value <= 5 {
				c[i][dim.Value-1]++
			}
		}
	}
	slices.Sort(models)
	var out []template.HTML
	const labelW, barW, rowH = 150, 300, 22
	for i, dim := range Dimensions {
		var b strings.Builder
		h := rowH*len(models) + 30
		fmt.Fprintf(&b, `<svg class="chart" role="img" viewBox="0 0 %d %d" width="%d" height="%d" xmlns="http://www.w3.org/2000/svg">`,
			labelW+barW+60, h, labelW+barW+60, h)
		fmt.Fprintf(&b, `<title>%s: share of each score per model</title>`, template.HTMLEscapeString(dim.Label))
		for j, m := range models {
			y := j * rowH
			c := counts[m][i]
			total := 0
			for _, n := range c {
				total += n
			}
			fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end" font-size="12">%s</text>`, labelW-6, y+15, template.HTMLEscapeString(trim(m, 22)))
			x := float64(labelW)
			for s, n := range c {
				if n == 0 || total == 0 {
					continue
				}
				w := float64(barW) * float64(n) / float64(total)
				fmt.Fprintf(&b, `<rect x="%.1f" y="%d" width="%.1f" height="%d" fill="%s"><title>score %d: %d of %d</title></rect>`,
					x, y+3, w, rowH-6, scoreColours[s], s+1, n, total)
				x += w
			}
			fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="11">n=%d</text>`, labelW+barW+6, y+15, total)
		}
		y := rowH*len(models) + 12
		for s := range 5 {
			x := labelW + s*60
			fmt.Fprintf(&b, `<rect x="%d" y="%d" width="10" height="10" fill="%s"/><text x="%d" y="%d" font-size="11">%d</text>`,
				x, y, scoreColours[s], x+14, y+9, s+1)
		}
		b.WriteString(`</svg>`)
		out = append(out, template.HTML(b.String()))
	}
	return out
}

func trim(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
