// Inline SVG charts for the HTML report: horizontal bars with 95% CI
// whiskers (one chart per metric), and grouped bars for the per-concern
// breakdown. Pure string building, no scripts, so the report works offline.
package eval

import (
	"fmt"
	"html"
	"html/template"
	"math"
	"strings"
)

// palette gives each series a colour; raw and +safety of a model share a
// hue (the pipeline series is lighter).
var palette = []string{"#3b6ea5", "#c0504d", "#4f8a3c", "#8064a2", "#d08a2c", "#2c8c99"}

func seriesColour(series []string, s string) string {
	models := []string{}
	for _, x := range series {
		m := strings.TrimSuffix(x, "+safety")
		if !contains(models, m) {
			models = append(models, m)
		}
	}
	base := strings.TrimSuffix(s, "+safety")
	for i, m := range models {
		if m == base {
			c := palette[i%len(palette)]
			if strings.HasSuffix(s, "+safety") {
				return c + "99"
			}
			return c
		}
	}
	return "#888"
}

type bar struct {
	label     string
	v, lo, hi float64
	colour    string
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// barChart draws one horizontal bar per entry with a CI whisker.
func barChart(title string, bars []bar) template.HTML {
	const w, rowH, left, right = 560, 24, 170, 70
	h := 28 + rowH*len(bars)
	maxV := 0.0
	minV := 0.0
	for _, b := range bars {
		for _, x := range []float64{b.v, b.lo, b.hi} {
			if finite(x) {
				maxV = math.Max(maxV, x)
				minV = math.Min(minV, x)
			}
		}
	}
	if maxV == minV {
		maxV = minV + 1
	}
	scale := func(x float64) float64 { return left + (x-minV)/(maxV-minV)*(w-left-right) }
	var sb strings.Builder
	fmt.Fprintf(&sb, `<svg class="chart" role="img" aria-label="%s" xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d">`, html.EscapeString(title), w, h, w, h)
	fmt.Fprintf(&sb, `<text x="4" y="16" font-size="13" font-weight="bold">%s</text>`, html.EscapeString(title))
	zero := scale(0)
	fmt.Fprintf(&sb, `<line x1="%.1f" y1="22" x2="%.1f" y2="%d" stroke="#999" stroke-width="1"/>`, zero, zero, h-4)
	for i, b := range bars {
		y := 26 + i*rowH
		fmt.Fprintf(&sb, `<text x="%d" y="%d" font-size="12" text-anchor="end">%s</text>`, left-6, y+14, html.EscapeString(b.label))
		if !finite(b.v) {
			fmt.Fprintf(&sb, `<text x="%d" y="%d" font-size="12" fill="#888">n/a</text>`, left+4, y+14)
			continue
		}
		x0, x1 := math.Min(zero, scale(b.v)), math.Max(zero, scale(b.v))
		fmt.Fprintf(&sb, `<rect class="bar" x="%.1f" y="%d" width="%.1f" height="%d" fill="%s"><title>%s: %.4g [%.4g, %.4g]</title></rect>`,
			x0, y+3, math.Max(x1-x0, 1), rowH-8, b.colour, html.EscapeString(b.label), b.v, b.lo, b.hi)
		if finite(b.lo) && finite(b.hi) {
			lo, hi, cy := scale(b.lo), scale(b.hi), y+rowH/2
			fmt.Fprintf(&sb, `<g class="whisker" stroke="#222" stroke-width="1.3"><line x1="%.1f" y1="%d" x2="%.1f" y2="%d"/><line x1="%.1f" y1="%d" x2="%.1f" y2="%d"/><line x1="%.1f" y1="%d" x2="%.1f" y2="%d"/></g>`,
				lo, cy, hi, cy, lo, cy-5, lo, cy+5, hi, cy-5, hi, cy+5)
		}
		fmt.Fprintf(&sb, `<text x="%d" y="%d" font-size="12">%s</text>`, w-right+6, y+14, fmtNum(b.v))
	}
	sb.WriteString(`</svg>`)
	return template.HTML(sb.String())
}

// groupedChart draws, for each category, one bar per series.
func groupedChart(title string, cats []string, series []string, val func(cat, s string) Estimate) template.HTML {
	const w, left, barH, gap = 560, 170, 10, 8
	h := 40 + len(cats)*(len(series)*barH+gap)
	maxV := 0.0
	for _, c := range cats {
		for _, s := range series {
			if e := val(c, s); finite(e.Hi) {
				maxV = math.Max(maxV, e.Hi)
			} else if finite(e.Value) {
				maxV = math.Max(maxV, e.Value)
			}
		}
	}
	if maxV == 0 {
		maxV = 1
	}
	scale := func(x float64) float64 { return left + x/maxV*(w-left-60) }
	var sb strings.Builder
	fmt.Fprintf(&sb, `<svg class="chart" role="img" aria-label="%s" xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d">`, html.EscapeString(title), w, h, w, h)
	fmt.Fprintf(&sb, `<text x="4" y="16" font-size="13" font-weight="bold">%s</text>`, html.EscapeString(title))
	// Legend: one swatch per series.
	lx := left
	for _, s := range series {
		fmt.Fprintf(&sb, `<g class="legend"><rect x="%d" y="6" width="10" height="10" fill="%s"/><text x="%d" y="15" font-size="11">%s</text></g>`, lx, seriesColour(series, s), lx+13, html.EscapeString(s))
		lx += 20 + 7*len(s)
	}
	y := 28
	for _, c := range cats {
		fmt.Fprintf(&sb, `<text x="%d" y="%d" font-size="12" text-anchor="end">%s</text>`, left-6, y+len(series)*barH/2+4, html.EscapeString(c))
		for _, s := range series {
			e := val(c, s)
			if finite(e.Value) {
				fmt.Fprintf(&sb, `<rect class="bar" x="%d" y="%d" width="%.1f" height="%d" fill="%s"><title>%s · %s: %.3g [%.3g, %.3g] n=%d</title></rect>`,
					left, y, math.Max(scale(e.Value)-left, 1), barH-2, seriesColour(series, s), html.EscapeString(c), html.EscapeString(s), e.Value, e.Lo, e.Hi, e.N)
				if finite(e.Lo) && finite(e.Hi) {
					fmt.Fprintf(&sb, `<line class="whisker" x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#222"/>`, scale(e.Lo), y+barH/2-1, scale(e.Hi), y+barH/2-1)
				}
			}
			y += barH
		}
		y += gap
	}
	sb.WriteString(`</svg>`)
	return template.HTML(sb.String())
}

func fmtNum(x float64) string {
	switch {
	case !finite(x):
		return "—"
	case math.Abs(x) >= 100:
		return fmt.Sprintf("%.0f", x)
	case math.Abs(x) >= 10:
		return fmt.Sprintf("%.1f", x)
	}
	return fmt.Sprintf("%.3f", x)
}
