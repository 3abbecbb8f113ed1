// The data card: one self-contained HTML file (inline SVG plots drawn with
// gonum.org/v1/plot, no scripts, no external assets) and a Markdown twin,
// answering what clinicians and reviewers ask of a dataset: what it covers
// and how evenly, what was removed and why, and whether splits can leak.
package data

import (
	"bytes"
	"fmt"
	"html/template"
	"image/color"
	"sort"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgsvg"
)

// chart is one plot of labelled counts.
type chart struct {
	Title  string
	Labels []string
	Values []float64
}

// barSVG draws a horizontal bar chart as an inline SVG element.
func barSVG(c chart) (template.HTML, error) {
	if len(c.Values) == 0 {
		return template.HTML("<p class=empty>No data.</p>"), nil
	}
	p := plot.New()
	p.Title.Text = c.Title
	p.X.Label.Text = "count"
	// Largest first, read from the top.
	n := len(c.Values)
	vals := make(plotter.Values, n)
	labels := make([]string, n)
	for i := range c.Values {
		vals[n-1-i] = c.Values[i]
		labels[n-1-i] = c.Labels[i]
	}
	bars, err := plotter.NewBarChart(vals, vg.Points(12))
	if err != nil {
		return "", err
	}
	bars.Horizontal = true
	bars.Color = color.RGBA{R: 0x3b, G: 0x7d, B: 0x8c, A: 0xff}
	bars.LineStyle.Width = 0
	p.Add(bars)
	p.NominalY(labels...)
	h := vg.Points(float64(60 + 18*n))
	cv := vgsvg.NewWith(vgsvg.UseWH(vg.Points(520), h), vgsvg.EmbedFonts(false))
	p.Draw(draw.New(cv))
	var buf bytes.Buffer
	if _, err := cv.WriteTo(&buf); err != nil {
		return "", err
	}
	svg := buf.String()
	if i := strings.Index(svg, "<svg"); i > 0 {
		svg = svg[i:]
	}
	return template.HTML(svg), nil
}

// totals sums one distribution over every split.
func (m *Manifest) totals(get func(*SplitStats) map[string]int) map[string]int {
	out := map[string]int{}
	for _, s := range m.Splits {
		for k, v := range get(s) {
			out[k] += v
		}
	}
	return out
}

func mapChart(title string, m map[string]int, sortByKey bool) chart {
	c := chart{Title: title}
	keys := sortedKeys(m)
	if sortByKey {
		sort.Strings(keys)
	}
	for _, k := range keys {
		if m[k] > 0 {
			c.Labels = append(c.Labels, k)
			c.Values = append(c.Values, float64(m[k]))
		}
	}
	return c
}

func (m *Manifest) tokenChart() chart {
	hist := make([]int, tokenBuckets)
	for _, s := range m.Splits {
		for i, v := range s.TokenHist {
			hist[i] += v
		}
	}
	c := chart{Title: "Approximate tokens per record"}
	for i, v := range hist {
		label := fmt.Sprintf("%d–%d", i*tokenBucket, (i+1)*tokenBucket-1)
		if i == tokenBuckets-1 {
			label = fmt.Sprintf("≥ %d", i*tokenBucket)
		}
		c.Labels = append(c.Labels, label)
		c.Values = append(c.Values, float64(v))
	}
	// Trim empty buckets at the long end.
	for len(c.Values) > 1 && c.Values[len(c.Values)-1] == 0 {
		c.Values, c.Labels = c.Values[:len(c.Values)-1], c.Labels[:len(c.Labels)-1]
	}
	return c
}

// charts lists the data card's plots in order.
func (m *Manifest) charts() []chart {
	return []chart{
		mapChart("Primary concern", m.totals(func(s *SplitStats) map[string]int { return s.Concerns }), false),
		mapChart("Severity", m.totals(func(s *SplitStats) map[string]int { return s.Severities }), true),
		mapChart("Support strategy (assistant turns)", m.totals(func(s *SplitStats) map[string]int { return s.Strategies }), false),
		mapChart("Filter reasons (rejects)", m.FilterReasons, false),
		mapChart("PII replaced, by detector", m.Scrub, false),
		m.tokenChart(),
	}
}

var cardTmpl = template.Must(template.New("card").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>tend data card</title>
<style>body{font:15px/1.45 system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:right}
th:first-child,td:first-child{text-align:left}.plots{display:flex;flex-wrap:wrap;gap:1em}.plots figure{margin:0}
code{background:#f4f4f4;padding:0 .2em}.empty{color:#777}</style></head><body>
<h1>Data card</h1>
<p>Made by <code>{{.M.Tool}}</code> {{.M.Version}} on {{.M.Created}} with seed {{.M.Config.Seed}}.</p>
<h2>Inputs</h2><table><tr><th>file</th><th>format</th><th>bytes</th><th>sha256</th></tr>
{{range .M.Inputs}}<tr><td>{{.Path}}</td><td>{{.Format}}</td><td>{{.Bytes}}</td><td><code>{{.SHA256}}</code></td></tr>{{end}}</table>
<h2>What each stage kept</h2><table>
<tr><td>records read</td><td>{{.M.Counts.Read}}</td></tr>
<tr><td>invalid (skipped)</td><td>{{.M.Counts.Invalid}}</td></tr>
<tr><td>dropped by filters</td><td>{{.M.Counts.Filtered}}</td></tr>
<tr><td>exact duplicates</td><td>{{.M.Counts.ExactDups}}</td></tr>
<tr><td>near duplicates dropped</td><td>{{.M.Counts.NearDups}}</td></tr>
<tr><td>written to splits</td><td>{{.M.Counts.Written}}</td></tr>
<tr><td>needs review (low label confidence)</td><td>{{.M.Counts.NeedsReview}}</td></tr></table>
<h2>Splits</h2><table><tr><th>split</th><th>conversations</th><th>preference pairs</th><th>approx. tokens</th></tr>
{{range .Splits}}<tr><td>{{.Name}}</td><td>{{.S.Conversations}}</td><td>{{.S.Pairs}}</td><td>{{.S.TokensTotal}}</td></tr>{{end}}</table>
<p>Splits are stratified by primary concern and grouped by near-duplicate cluster{{with .M.Dedupe}} (MinHash, {{.Bands}} bands × {{.Rows}} rows; {{.NearPairs}} verified near pairs in {{.Clusters}} clusters){{end}}, so no cluster spans two splits.</p>
<h2>Distributions</h2><div class="plots">{{range .Plots}}<figure>{{.}}</figure>{{end}}</div>
<h2>Personal data replaced</h2><table><tr><th>placeholder</th><th>spans</th></tr>
{{range $k, $v := .M.ScrubByType}}<tr><td>[{{$k}}]</td><td>{{$v}}</td></tr>{{end}}</table>
<h2>Durations (s)</h2><table>{{range $k, $v := .M.Durations}}<tr><td>{{$k}}</td><td>{{printf "%.2f" $v}}</td></tr>{{end}}</table>
</body></html>
`))

type namedSplit struct {
	Name string
	S    *SplitStats
}

func (m *Manifest) orderedSplits() []namedSplit {
	var out []namedSplit
	for _, n := range []string{"train", "val", "test", "all"} {
		if s, ok := m.Splits[n]; ok {
			out = append(out, namedSplit{n, s})
		}
	}
	return out
}

// DataCardHTML renders the data card.
func DataCardHTML(m *Manifest) ([]byte, error) {
	var plots []template.HTML
	for _, c := range m.charts() {
		svg, err := barSVG(c)
		if err != nil {
			return nil, fmt.Errorf("data card plot %q: %w", c.Title, err)
		}
		plots = append(plots, svg)
	}
	var buf bytes.Buffer
	err := cardTmpl.Execute(&buf, map[string]any{"M": m, "Plots": plots, "Splits": m.orderedSplits()})
	return buf.Bytes(), err
}

// DataCardMarkdown renders the data card's numbers as Markdown tables.
func DataCardMarkdown(m *Manifest) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "# Data card\n\nMade by `%s` %s on %s with seed %d.\n\n", m.Tool, m.Version, m.Created, m.Config.Seed)
	b.WriteString("## Inputs\n\n| file | format | bytes | sha256 |\n|---|---|---:|---|\n")
	for _, in := range m.Inputs {
		fmt.Fprintf(&b, "| %s | %s | %d | `%s` |\n", in.Path, in.Format, in.Bytes, in.SHA256)
	}
	c := m.Counts
	fmt.Fprintf(&b, "\n## Counts\n\n| stage | records |\n|---|---:|\n| read | %d |\n| invalid | %d |\n| filtered | %d |\n| exact duplicates | %d |\n| near duplicates dropped | %d |\n| written | %d |\n| needs review | %d |\n",
		c.Read, c.Invalid, c.Filtered, c.ExactDups, c.NearDups, c.Written, c.NeedsReview)
	b.WriteString("\n## Splits\n\n| split | conversations | preference pairs | approx. tokens |\n|---|---:|---:|---:|\n")
	for _, s := range m.orderedSplits() {
		fmt.Fprintf(&b, "| %s | %d | %d | %d |\n", s.Name, s.S.Conversations, s.S.Pairs, s.S.TokensTotal)
	}
	for _, ch := range m.charts() {
		fmt.Fprintf(&b, "\n## %s\n\n| value | count |\n|---|---:|\n", ch.Title)
		for i, l := range ch.Labels {
			fmt.Fprintf(&b, "| %s | %.0f |\n", l, ch.Values[i])
		}
	}
	return []byte(b.String())
}
