// Statistics: percentile-bootstrap 95% confidence intervals for any
// statistic of a sample, paired bootstrap intervals for the difference
// between two models on the same cases, and win rates.
package eval

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"sort"
	"sync"
)

// Estimate is a statistic with its 95% bootstrap interval.
type Estimate struct {
	Value float64 `json:"value"`
	Lo    float64 `json:"lo"`
	Hi    float64 `json:"hi"`
	N     int     `json:"n"`
}

// Bootstrap computes stat over indexes 0..n-1 and a percentile-bootstrap
// 95% interval from reps resamples (with replacement) drawn from a
// generator seeded with seed, so reports are reproducible. Resamples where
// stat is NaN are dropped. With n = 0 every field is NaN except N.
func Bootstrap(n int, stat func(idx []int) float64, reps int, seed uint64) Estimate {
	e, _ := bootstrap(n, stat, reps, seed)
	return e
}

// bootstrap also returns the mean of the resampled values.
func bootstrap(n int, stat func(idx []int) float64, reps int, seed uint64) (Estimate, float64) {
	if n == 0 {
		return Estimate{Value: math.NaN(), Lo: math.NaN(), Hi: math.NaN()}, math.NaN()
	}
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	e := Estimate{Value: stat(idx), N: n}
	plan := resamplePlan(n, reps, seed)
	vals := make([]float64, 0, reps)
	var sum float64
	for r := range reps {
		row := plan[r*n : (r+1)*n]
		for i := range idx {
			idx[i] = int(row[i])
		}
		if v := stat(idx); !math.IsNaN(v) {
			vals = append(vals, v)
			sum += v
		}
	}
	mean := math.NaN()
	if len(vals) > 0 {
		mean = sum / float64(len(vals))
	}
	e.Lo, e.Hi = percentile(vals, 0.025), percentile(vals, 0.975)
	return e, mean
}

// Resample plans are shared between metrics of the same size, seed and
// count (common random numbers): drawing the indexes dominates the cost of
// a bootstrap, and paired metrics then see the same resamples.
var (
	planMu sync.Mutex
	plans  = map[[3]uint64][]int32{}
)

// maxPlanEntries bounds the memory kept for plans (4 bytes each).
const maxPlanEntries = 1 << 24

func resamplePlan(n, reps int, seed uint64) []int32 {
	k := [3]uint64{uint64(n), uint64(reps), seed}
	planMu.Lock()
	defer planMu.Unlock()
	if p, ok := plans[k]; ok {
		return p
	}
	rng := rand.New(rand.NewPCG(seed, 0x7e4d))
	p := make([]int32, n*reps)
	for i := range p {
		p[i] = int32(rng.IntN(n))
	}
	total := len(p)
	for _, q := range plans {
		total += len(q)
	}
	if total > maxPlanEntries {
		clear(plans)
	}
	if len(p) <= maxPlanEntries {
		plans[k] = p
	}
	return p
}

// BootstrapBC is Bootstrap with the interval shifted by the bootstrap's
// bias estimate, Value − mean(resampled values). Corpus-level statistics
// need it: a resample repeats replies, which lowers distinct-n, so the
// plain percentile interval would sit below the estimate.
func BootstrapBC(n int, stat func(idx []int) float64, reps int, seed uint64) Estimate {
	e, mean := bootstrap(n, stat, reps, seed)
	if shift := e.Value - mean; !math.IsNaN(shift) {
		e.Lo += shift
		e.Hi += shift
	}
	return e
}

// percentile returns the q-quantile of xs by linear interpolation between
// order statistics (type 7, R's default). xs is sorted in place.
func percentile(xs []float64, q float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	sort.Float64s(xs)
	h := q * float64(len(xs)-1)
	lo := int(math.Floor(h))
	if lo+1 >= len(xs) {
		return xs[len(xs)-1]
	}
	return xs[lo] + (h-float64(lo))*(xs[lo+1]-xs[lo])
}

// MeanOf returns a statistic: the mean of xs over the resampled indexes,
// skipping NaN entries (cases where the metric does not apply).
func MeanOf(xs []float64) func(idx []int) float64 {
	return func(idx []int) float64 {
		s, k := 0.0, 0
		for _, i := range idx {
			if !math.IsNaN(xs[i]) {
				s += xs[i]
				k++
			}
		}
		if k == 0 {
			return math.NaN()
		}
		return s / float64(k)
	}
}

// MeanCI is Bootstrap of the mean of xs, ignoring NaN entries; N counts
// the entries that are not NaN.
func MeanCI(xs []float64, reps int, seed uint64) Estimate {
	e := Bootstrap(len(xs), MeanOf(xs), reps, seed)
	e.N = 0
	for _, x := range xs {
		if !math.IsNaN(x) {
			e.N++
		}
	}
	return e
}

// Comparison is model B against model A on one metric, over the cases both
// have a value for.
type Comparison struct {
	Metric string `json:"metric"`
	A      string `json:"a"`
	B      string `json:"b"`
	// Diff is mean(B) − mean(A) with a paired bootstrap interval.
	Diff Estimate `json:"diff"`
	// WinRate is the share of cases where B is better than A, ties
	// counting one half; "better" follows the metric's direction.
	WinRate float64 `json:"win_rate"`
	Wins    int     `json:"wins"`
	Losses  int     `json:"losses"`
	Ties    int     `json:"ties"`
	// Better names the model the interval favours, or "" when it spans 0.
	Better string `json:"better,omitempty"`
}

// Compare pairs a[i] with b[i] (NaN in either drops the case), bootstraps
// the mean difference b−a by resampling cases, and counts wins for B.
// higherBetter gives the metric's direction.
func Compare(metric, nameA, nameB string, a, b []float64, higherBetter bool, reps int, seed uint64) Comparison {
	c := Comparison{Metric: metric, A: nameA, B: nameB}
	var d []float64
	for i := range a {
		if i >= len(b) || math.IsNaN(a[i]) || math.IsNaN(b[i]) {
			continue
		}
		x := b[i] - a[i]
		d = append(d, x)
		if !higherBetter {
			x = -x
		}
		switch {
		case x > 1e-12:
			c.Wins++
		case x < -1e-12:
			c.Losses++
		default:
			c.Ties++
		}
	}
	c.Diff = MeanCI(d, reps, seed)
	if n := c.Wins + c.Losses + c.Ties; n > 0 {
		c.WinRate = (float64(c.Wins) + 0.5*float64(c.Ties)) / float64(n)
	} else {
		c.WinRate = math.NaN()
	}
	switch {
	case c.Diff.Lo > 0 && higherBetter, c.Diff.Hi < 0 && !higherBetter:
		c.Better = nameB
	case c.Diff.Hi < 0 && higherBetter, c.Diff.Lo > 0 && !higherBetter:
		c.Better = nameA
	}
	return c
}

// jsonNum is a float that encodes NaN and ±Inf as null.
type jsonNum float64

func (x jsonNum) MarshalJSON() ([]byte, error) {
	f := float64(x)
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return []byte("null"), nil
	}
	return json.Marshal(f)
}

// MarshalJSON writes undefined values (NaN) as null.
func (e Estimate) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Value jsonNum `json:"value"`
		Lo    jsonNum `json:"lo"`
		Hi    jsonNum `json:"hi"`
		N     int     `json:"n"`
	}{jsonNum(e.Value), jsonNum(e.Lo), jsonNum(e.Hi), e.N})
}

// MarshalJSON writes an undefined win rate as null.
func (c Comparison) MarshalJSON() ([]byte, error) {
	type plain Comparison
	return json.Marshal(struct {
		plain
		WinRate jsonNum `json:"win_rate"`
	}{plain(c), jsonNum(c.WinRate)})
}
