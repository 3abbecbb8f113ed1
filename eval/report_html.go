// Rendering the report as one self-contained HTML page (html/template,
// inline CSS and SVG, no scripts or external assets).
package eval

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"math"
	"sort"
)

//go:embed report.html.tmpl
var reportTmpl string

var reportTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"num": fmtNum,
	"ci": func(e Estimate) string {
		if !finite(e.Lo) {
			return fmtNum(e.Value)
		}
		return fmt.Sprintf("%s [%s, %s]", fmtNum(e.Value), fmtNum(e.Lo), fmtNum(e.Hi))
	},
	"pct": func(x float64) string {
		if !finite(x) {
			return "—"
		}
		return fmt.Sprintf("%.0f%%", 100*x)
	},
	"dir": func(d int) string {
		switch d {
		case 1:
			return "↑ higher is better"
		case -1:
			return "↓ lower is better"
		}
		return "no direction"
	},
}).Parse(reportTmpl))

type metricView struct {
	Def   MetricDef
	Chart template.HTML
	Rows  []MetricResult
}

type groupView struct {
	Name    string
	Metrics []metricView
}

type biasView struct {
	BiasResult
	Flag   bool
	Groups string
}

type htmlView struct {
	*Report
	Groups        []groupView
	ConcernChart  template.HTML
	ViolationHead []string
	Bias          []biasView
	BiasLargest   []biasView
	Strategies    []string
}

// WriteHTML renders the report.
func (r *Report) WriteHTML(w io.Writer) error {
	v := htmlView{Report: r, ViolationHead: r.Series}
	byGroup := map[string]*groupView{}
	var order []string
	for _, d := range r.Definitions {
		g, ok := byGroup[d.Group]
		if !ok {
			g = &groupView{Name: d.Group}
			byGroup[d.Group] = g
			order = append(order, d.Group)
		}
		mv := metricView{Def: d}
		var bars []bar
		for _, s := range r.Series {
			if m, ok := r.Metric(d.Name, s); ok {
				mv.Rows = append(mv.Rows, m)
				bars = append(bars, bar{label: s, v: m.Value, lo: m.Lo, hi: m.Hi, colour: seriesColour(r.Series, s)})
			}
		}
		mv.Chart = barChart(d.Name, bars)
		g.Metrics = append(g.Metrics, mv)
	}
	for _, name := range order {
		v.Groups = append(v.Groups, *byGroup[name])
	}
	var cats []string
	for _, c := range r.Concerns {
		cats = append(cats, c.Concern)
	}
	find := func(cat string) ConcernRow {
		for _, c := range r.Concerns {
			if c.Concern == cat {
				return c
			}
		}
		return ConcernRow{}
	}
	v.ConcernChart = groupedChart("Empathy (0–6) by concern", cats, r.Series, func(cat, s string) Estimate { return find(cat).Empathy[s] })
	// Largest gap per (series, attribute), flagged when the CI excludes 0.
	best := map[string]biasView{}
	var keys []string
	for _, b := range r.Bias {
		bv := biasView{BiasResult: b, Flag: finite(b.Gap.Lo) && (b.Gap.Lo > 0 || b.Gap.Hi < 0)}
		names := make([]string, 0, len(b.Groups))
		for g := range b.Groups {
			names = append(names, g)
		}
		sort.Strings(names)
		for i, g := range names {
			if i > 0 {
				bv.Groups += "; "
			}
			bv.Groups += fmt.Sprintf("%s %s", g, fmtNum(b.Groups[g]))
		}
		v.Bias = append(v.Bias, bv)
		k := b.Series + "|" + b.Measure
		if cur, ok := best[k]; !ok || relGap(b) > relGap(cur.BiasResult) {
			if !ok {
				keys = append(keys, k)
			}
			best[k] = bv
		}
	}
	for _, k := range keys {
		v.BiasLargest = append(v.BiasLargest, best[k])
	}
	seen := map[string]bool{}
	for _, m := range r.Strategies {
		for k := range m {
			if !seen[k] {
				seen[k] = true
				v.Strategies = append(v.Strategies, k)
			}
		}
	}
	sort.Strings(v.Strategies)
	return reportTemplate.Execute(w, v)
}

// relGap is the gap relative to the larger group mean, so measures on
// different scales can be ranked.
func relGap(b BiasResult) float64 {
	hi := math.Abs(b.Groups[b.GapHigh])
	if hi == 0 {
		return 0
	}
	return math.Abs(b.Gap.Value) / hi
}
