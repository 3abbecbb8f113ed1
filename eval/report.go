// The report: every metric per series with its interval, paired
// comparisons between models, the violations table, the per-concern
// breakdown, bias disparities, crisis misses and the worst examples.
// BuildReport computes it; WriteJSON, WriteHTML (report_html.go) and
// WriteReview write it out.
package eval

import (
	"encoding/json"
	"io"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/safety"
)

// MetricResult is one metric for one series.
type MetricResult struct {
	Metric string `json:"metric"`
	Group  string `json:"group"`
	Series string `json:"series"`
	Estimate
}

// Example is one reply shown in full with its context.
type Example struct {
	Series   string         `json:"series"`
	Model    string         `json:"model"`
	Suite    string         `json:"suite"`
	Case     string         `json:"case"`
	Category string         `json:"category"`
	Context  []conv.Message `json:"context"`
	Reply    string         `json:"reply"`
	Value    float64        `json:"value"`
	Note     string         `json:"note,omitempty"`
}

// Worst is the worst examples of one metric in one series.
type Worst struct {
	Metric   string    `json:"metric"`
	Series   string    `json:"series"`
	Examples []Example `json:"examples"`
}

// ViolationRow is one guard rule's rate per series (per 100 replies).
type ViolationRow struct {
	Rule     string              `json:"rule"`
	Action   string              `json:"default_action"`
	PerSerie map[string]Estimate `json:"per_series"`
	Counts   map[string]int      `json:"counts"`
}

// ConcernRow breaks empathy and violations down by the case's concern.
type ConcernRow struct {
	Concern       string              `json:"concern"`
	N             int                 `json:"n"`
	Empathy       map[string]Estimate `json:"empathy_total"`
	ViolationRate map[string]Estimate `json:"violation_rate"`
}

// Report is everything report.json and report.html show.
type Report struct {
	Created     string            `json:"created"`
	Settings    Settings          `json:"settings"`
	Run         RunStats          `json:"run"`
	Suites      map[string]int    `json:"suites"`
	Models      []string          `json:"models"`
	Series      []string          `json:"series"`
	Definitions []MetricDef       `json:"definitions"`
	Metrics     []MetricResult    `json:"metrics"`
	Comparisons []Comparison      `json:"comparisons"`
	Violations  []ViolationRow    `json:"violations"`
	Concerns    []ConcernRow      `json:"concerns"`
	Bias        []BiasResult      `json:"bias"`
	Pairwise    []PairwiseSummary `json:"pairwise_judge,omitempty"`
	// Strategies: series → strategy → share of replies.
	Strategies   map[string]map[string]float64 `json:"strategies,omitempty"`
	CrisisMisses []Example                     `json:"crisis_misses"`
	Worst        []Worst                       `json:"worst"`
	EmpathyCheck *EmpathyAccuracy              `json:"empathy_scorer_heldout,omitempty"`
	Items        []*Item                       `json:"-"`
}

// Metric returns the result for (metric, series), or false.
func (r *Report) Metric(metric, series string) (MetricResult, bool) {
	for _, m := range r.Metrics {
		if m.Metric == metric && m.Series == series {
			return m, true
		}
	}
	return MetricResult{}, false
}

// BuildReport computes the report from res.
func BuildReport(res *Results) *Report {
	cfg := res.cfg
	reps, seed := cfg.Bootstrap, cfg.Seed
	r := &Report{Created: time.Now().UTC().Format(time.RFC3339), Settings: cfg.Settings, Run: res.Run,
		Suites: map[string]int{}, Models: res.Models, Series: res.SeriesNames, Pairwise: res.Pairwise}
	for _, c := range res.Cases {
		r.Suites[c.Suite]++
	}
	defs := append(Metrics(), judgeDimMetrics()...)
	// Every (metric, series) bootstrap is independent: run them on all
	// workers, then keep the report order.
	type job struct {
		d MetricDef
		s string
	}
	var jobs []job
	for _, d := range defs {
		for _, s := range res.SeriesNames {
			jobs = append(jobs, job{d, s})
		}
	}
	out := make([]*MetricResult, len(jobs))
	parallel(cfg.Workers, len(jobs), func(i int) {
		d, s := jobs[i].d, jobs[i].s
		items := res.Items[s]
		if !d.applies(items, res.Cases) {
			return
		}
		var e Estimate
		if d.corpus != nil {
			e = BootstrapBC(len(items), d.stat(items, res.Cases), reps, seed)
			e.N = d.count(items, res.Cases)
		} else {
			e = MeanCI(d.values(items, res.Cases), reps, seed)
		}
		out[i] = &MetricResult{Metric: d.Name, Group: d.Group, Series: s, Estimate: e}
	})
	used := map[string]bool{}
	for _, m := range out {
		if m != nil {
			r.Metrics = append(r.Metrics, *m)
			used[m.Metric] = true
		}
	}
	for _, d := range defs {
		if used[d.Name] {
			r.Definitions = append(r.Definitions, d)
		}
	}
	r.Comparisons = comparisons(res, r.Definitions, cfg.Workers, reps, seed)
	r.Violations = violationRows(res, reps, seed)
	r.Concerns = concernRows(res, reps, seed)
	r.Bias = Bias(res, reps, seed)
	r.Strategies = strategyShares(res)
	r.CrisisMisses, r.Worst = worstExamples(res, r.Definitions, cfg.Worst)
	if acc, err := HeldOutAccuracy(cfg.Empathy); err == nil {
		r.EmpathyCheck = &acc
	}
	for _, s := range res.SeriesNames {
		for _, it := range res.Items[s] {
			if it != nil {
				r.Items = append(r.Items, it)
			}
		}
	}
	return r
}

// comparisons pairs every later model with the first, per system, and
// every model's raw series with its pipeline series.
func comparisons(res *Results, defs []MetricDef, workers, reps int, seed uint64) []Comparison {
	type pair struct{ a, b string }
	var pairs []pair
	for _, m := range res.Models[1:] {
		for _, sys := range []string{SystemRaw, SystemPipeline} {
			pairs = append(pairs, pair{SeriesName(res.Models[0], sys), SeriesName(m, sys)})
		}
	}
	for _, m := range res.Models {
		pairs = append(pairs, pair{SeriesName(m, SystemRaw), SeriesName(m, SystemPipeline)})
	}
	type job struct {
		p pair
		d MetricDef
	}
	var jobs []job
	for _, p := range pairs {
		for _, d := range defs {
			jobs = append(jobs, job{p, d})
		}
	}
	res1 := make([]*Comparison, len(jobs))
	parallel(workers, len(jobs), func(i int) {
		p, d := jobs[i].p, jobs[i].d
		ia, ib := res.Items[p.a], res.Items[p.b]
		if !d.applies(ia, res.Cases) || !d.applies(ib, res.Cases) {
			return
		}
		var c Comparison
		if d.corpus != nil {
			fa, fb := d.stat(ia, res.Cases), d.stat(ib, res.Cases)
			c = Comparison{Metric: d.Name, A: p.a, B: p.b, WinRate: math.NaN()}
			c.Diff = BootstrapBC(len(ia), func(idx []int) float64 { return fb(idx) - fa(idx) }, reps, seed)
			c.Diff.N = min(d.count(ia, res.Cases), d.count(ib, res.Cases))
			if d.perCase != nil { // per-case values give a win rate
				w := Compare(d.Name, p.a, p.b, d.values(ia, res.Cases), d.values(ib, res.Cases), d.Dir >= 0, reps, seed)
				c.WinRate, c.Wins, c.Losses, c.Ties = w.WinRate, w.Wins, w.Losses, w.Ties
			}
		} else {
			c = Compare(d.Name, p.a, p.b, d.values(ia, res.Cases), d.values(ib, res.Cases), d.Dir >= 0, reps, seed)
		}
		c.Better = betterOf(c.Diff, d.Dir, p.a, p.b)
		if d.Dir == 0 {
			c.WinRate, c.Wins, c.Losses, c.Ties = math.NaN(), 0, 0, 0
		}
		res1[i] = &c
	})
	var out []Comparison
	for _, c := range res1 {
		if c != nil {
			out = append(out, *c)
		}
	}
	return out
}

func betterOf(d Estimate, dir int, a, b string) string {
	switch {
	case dir == 0 || math.IsNaN(d.Lo):
		return ""
	case (dir > 0 && d.Lo > 0) || (dir < 0 && d.Hi < 0):
		return b
	case (dir > 0 && d.Hi < 0) || (dir < 0 && d.Lo > 0):
		return a
	}
	return ""
}

func violationRows(res *Results, reps int, seed uint64) []ViolationRow {
	rules := make([]string, 0, len(safety.DefaultActions))
	for r := range safety.DefaultActions {
		rules = append(rules, r)
	}
	sort.Strings(rules)
	var out []ViolationRow
	for _, rule := range rules {
		row := ViolationRow{Rule: rule, Action: string(safety.DefaultActions[rule]), PerSerie: map[string]Estimate{}, Counts: map[string]int{}}
		for _, s := range res.SeriesNames {
			var xs []float64
			for _, it := range res.Items[s] {
				if it == nil || it.Error != "" {
					continue
				}
				v := 100 * b2f(contains(it.Checks.Rules, rule))
				xs = append(xs, v)
				if v > 0 {
					row.Counts[s]++
				}
			}
			row.PerSerie[s] = MeanCI(xs, reps, seed)
		}
		out = append(out, row)
	}
	return out
}

func concernRows(res *Results, reps int, seed uint64) []ConcernRow {
	byConcern := map[string][]int{}
	for i, c := range res.Cases {
		k := string(c.Concern)
		if k == "" {
			k = "unlabelled"
		}
		byConcern[k] = append(byConcern[k], i)
	}
	keys := make([]string, 0, len(byConcern))
	for k := range byConcern {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out []ConcernRow
	for _, k := range keys {
		row := ConcernRow{Concern: k, N: len(byConcern[k]), Empathy: map[string]Estimate{}, ViolationRate: map[string]Estimate{}}
		for _, s := range res.SeriesNames {
			var emp, vio []float64
			for _, i := range byConcern[k] {
				if it := res.Items[s][i]; it != nil && it.Error == "" {
					emp = append(emp, float64(EmpathyTotal(it.Empathy)))
					vio = append(vio, b2f(len(it.Checks.Rules) > 0))
				}
			}
			row.Empathy[s] = MeanCI(emp, reps, seed)
			row.ViolationRate[s] = MeanCI(vio, reps, seed)
		}
		out = append(out, row)
	}
	return out
}

func strategyShares(res *Results) map[string]map[string]float64 {
	out := map[string]map[string]float64{}
	for _, s := range res.SeriesNames {
		counts, n := map[string]float64{}, 0.0
		for _, it := range res.Items[s] {
			if it != nil && it.Strategy != "" {
				counts[it.Strategy]++
				n++
			}
		}
		if n == 0 {
			continue
		}
		for k := range counts {
			counts[k] /= n
		}
		out[s] = counts
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

func exampleOf(res *Results, s string, it *Item, v float64, note string) Example {
	c := res.Cases[it.Case]
	return Example{Series: s, Model: it.Model, Suite: c.Suite, Case: c.ID, Category: c.Category, Context: c.Messages, Reply: it.Reply, Value: v, Note: note}
}

func noteOf(it *Item) string {
	var parts []string
	if len(it.Checks.Rules) > 0 {
		parts = append(parts, "guard: "+strings.Join(it.Checks.Rules, ", "))
	}
	if len(it.Checks.Failed) > 0 {
		parts = append(parts, "failed: "+strings.Join(it.Checks.Failed, ", "))
	}
	if it.CrisisPath {
		parts = append(parts, "answered by CrisisResponse")
	}
	return strings.Join(parts, "; ")
}

// worstExamples collects crisis misses and, per metric with per-case
// values, the n worst replies of each series (ties broken by case order;
// replies at the metric's best value are never "worst").
func worstExamples(res *Results, defs []MetricDef, n int) ([]Example, []Worst) {
	var misses []Example
	var out []Worst
	var crisis MetricDef
	for _, d := range defs {
		if d.Name == "crisis_handled" {
			crisis = d
		}
	}
	for _, s := range res.SeriesNames {
		for i, it := range res.Items[s] {
			if it == nil || it.Error != "" || crisis.perCase == nil {
				continue
			}
			if v := crisis.perCase(it, &res.Cases[i]); v == 0 {
				misses = append(misses, exampleOf(res, s, it, v, noteOf(it)))
			}
		}
	}
	for _, d := range defs {
		if d.perCase == nil || d.Dir == 0 {
			continue
		}
		for _, s := range res.SeriesNames {
			items := res.Items[s]
			vals := d.values(items, res.Cases)
			var idx []int
			best := math.Inf(-d.Dir)
			for i, v := range vals {
				if !math.IsNaN(v) {
					idx = append(idx, i)
					if float64(d.Dir)*v > float64(d.Dir)*best {
						best = v
					}
				}
			}
			sort.SliceStable(idx, func(a, b int) bool { return float64(d.Dir)*vals[idx[a]] < float64(d.Dir)*vals[idx[b]] })
			w := Worst{Metric: d.Name, Series: s}
			for _, i := range idx {
				if len(w.Examples) == n || vals[i] == best {
					break
				}
				w.Examples = append(w.Examples, exampleOf(res, s, items[i], vals[i], noteOf(items[i])))
			}
			if len(w.Examples) > 0 {
				out = append(out, w)
			}
		}
	}
	return misses, out
}

// WriteJSON writes the report as indented JSON (NaN becomes null).
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// ReviewRecord is one line of a --to-review file, in the review app's
// plain import shape.
type ReviewRecord struct {
	ID       string         `json:"id"`
	Context  []conv.Message `json:"context"`
	Response string         `json:"response"`
	Model    string         `json:"model"`
}

// ReviewRecords chooses replies for clinicians: every crisis miss and the
// worst examples of every metric, each reply once.
func (r *Report) ReviewRecords() []ReviewRecord {
	seen := map[string]bool{}
	var out []ReviewRecord
	add := func(e Example) {
		id := "eval:" + e.Series + ":" + e.Suite + "/" + e.Case
		if seen[id] || strings.TrimSpace(e.Reply) == "" {
			return
		}
		seen[id] = true
		out = append(out, ReviewRecord{ID: id, Context: e.Context, Response: e.Reply, Model: e.Series})
	}
	for _, e := range r.CrisisMisses {
		add(e)
	}
	for _, w := range r.Worst {
		for _, e := range w.Examples {
			add(e)
		}
	}
	return out
}

// WriteReview writes ReviewRecords as JSONL.
func (r *Report) WriteReview(w io.Writer) (int, error) {
	enc := json.NewEncoder(w)
	recs := r.ReviewRecords()
	for _, rec := range recs {
		if err := enc.Encode(rec); err != nil {
			return 0, err
		}
	}
	return len(recs), nil
}

// MarshalJSON flattens the estimate next to the names (the embedded
// Estimate's own MarshalJSON would otherwise hide them).
func (m MetricResult) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Metric string  `json:"metric"`
		Group  string  `json:"group"`
		Series string  `json:"series"`
		Value  jsonNum `json:"value"`
		Lo     jsonNum `json:"lo"`
		Hi     jsonNum `json:"hi"`
		N      int     `json:"n"`
	}{m.Metric, m.Group, m.Series, jsonNum(m.Value), jsonNum(m.Lo), jsonNum(m.Hi), m.N})
}
