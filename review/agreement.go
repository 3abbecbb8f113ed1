// Inter-rater agreement: Krippendorff's alpha over any number of reviewers
// with missing ratings, and Cohen's kappa for one pair of reviewers, plain or
// weighted. The dashboard shows both; the formulas follow Krippendorff,
// "Computing Krippendorff's Alpha-Reliability" (2011), and Cohen (1960, 1968).
//
// Every function returns NaN when the statistic is undefined: fewer than two
// paired values, or no variation at all (every rating the same), where the
// expected disagreement is zero and the ratio has no meaning.
package review

import (
	"math"
	"slices"
)

// Metric is the difference function δ² of Krippendorff's alpha.
type Metric int

const (
	// Nominal: any two different values disagree equally (δ² = 1).
	Nominal Metric = iota
	// Ordinal: values are ranks; the distance between c and k grows with
	// how many ratings fall between them (δ² from the marginals).
	Ordinal
	// Interval: values are points on a scale; δ² = (c − k)².
	Interval
)

// KrippendorffAlpha computes alpha for units, each the values the reviewers
// gave one item (missing ratings simply left out). Units with fewer than two
// values cannot be paired and are ignored.
//
// α = 1 − (n − 1) · Σ o_ck δ²_ck / Σ n_c n_k δ²_ck, where o is the
// coincidence matrix (each ordered pair of values within a unit of m values
// adds 1/(m − 1)), n_c its marginals and n their total.
func KrippendorffAlpha(units [][]int, m Metric) float64 {
	var vals []int
	for _, u := range units {
		if len(u) >= 2 {
			vals = append(vals, u...)
		}
	}
	slices.Sort(vals)
	vals = slices.Compact(vals)
	if len(vals) == 0 {
		return math.NaN()
	}
	idx := make(map[int]int, len(vals))
	for i, v := range vals {
		idx[v] = i
	}
	c := len(vals)
	o := make([]float64, c*c)
	for _, u := range units {
		if len(u) < 2 {
			continue
		}
		w := 1 / float64(len(u)-1)
		for i, a := range u {
			for j, b := range u {
				if i != j {
					o[idx[a]*c+idx[b]] += w
				}
			}
		}
	}
	nc := make([]float64, c)
	n := 0.0
	for i := range c {
		for j := range c {
			nc[i] += o[i*c+j]
		}
		n += nc[i]
	}
	delta := func(i, j int) float64 {
		if i == j {
			return 0
		}
		switch m {
		case Interval:
			d := float64(vals[i] - vals[j])
			return d * d
		case Ordinal:
			lo, hi := min(i, j), max(i, j)
			s := 0.0
			for g := lo; g <= hi; g++ {
				s += nc[g]
			}
			d := s - (nc[i]+nc[j])/2
			return d * d
		default:
			return 1
		}
	}
	var do, de float64
	for i := range c {
		for j := range c {
			d := delta(i, j)
			do += o[i*c+j] * d
			de += nc[i] * nc[j] * d
		}
	}
	if de == 0 || n < 2 {
		return math.NaN()
	}
	return 1 - (n-1)*do/de
}

// Weighting is how Cohen's kappa counts a disagreement between categories i
// and j of k ordered categories.
type Weighting int

const (
	// Unweighted: every disagreement counts 1 (Cohen 1960).
	Unweighted Weighting = iota
	// Linear: |i − j| / (k − 1).
	Linear
	// Quadratic: (i − j)² / (k − 1)², the usual choice for Likert scales.
	Quadratic
)

// CohenKappa compares two reviewers' ratings of the same items: a[i] and
// b[i] rate item i, and cats lists the categories in order (1–5 for the
// Likert scales). Values outside cats are ignored along with their partner.
//
// κ = 1 − Σ w_ij p_ij / Σ w_ij e_ij, with p the observed proportions,
// e_ij = p_i· p_·j the proportions expected by chance, and w the
// disagreement weights; unweighted this equals (p_o − p_e) / (1 − p_e).
func CohenKappa(a, b []int, cats []int, w Weighting) float64 {
	k := len(cats)
	pos := make(map[int]int, k)
	for i, c := range cats {
		pos[c] = i
	}
	obs := make([]float64, k*k)
	n := 0.0
	for i := range min(len(a), len(b)) {
		x, ok1 := pos[a[i]]
		y, ok2 := pos[b[i]]
		if ok1 && ok2 {
			obs[x*k+y]++
			n++
		}
	}
	if n == 0 || k < 2 {
		return math.NaN()
	}
	ra, rb := make([]float64, k), make([]float64, k)
	for i := range k {
		for j := range k {
			ra[i] += obs[i*k+j] / n
			rb[j] += obs[i*k+j] / n
		}
	}
	var do, de float64
	for i := range k {
		for j := range k {
			var wt float64
			d := math.Abs(float64(i - j))
			switch w {
			case Linear:
				wt = d / float64(k-1)
			case Quadratic:
				wt = d * d / float64((k-1)*(k-1))
			default:
				if i != j {
					wt = 1
				}
			}
			do += wt * obs[i*k+j] / n
			de += wt * ra[i] * rb[j]
		}
	}
	if de == 0 {
		return math.NaN()
	}
	return 1 - do/de
}
