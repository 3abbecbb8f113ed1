// Agreement statistics against examples worked by hand; the arithmetic is in
// the comments so a reader can check each expected value with a pencil.
package review

import (
	"math"
	"testing"
)

func near(got, want float64) bool {
	if math.IsNaN(want) {
		return math.IsNaN(got)
	}
	return math.Abs(got-want) < 1e-9
}

// The worked example for alpha. Six items are pairable; a seventh has one
// rating and is ignored:
//
//	u1 (1,1)  u2 (1,2)  u3 (2,3)  u4 (3,3)  u5 (3,3)  u6 (1,2,2)  u7 (2)
//
// Coincidences: a unit of m values adds 1/(m−1) per ordered pair, so the
// two-value units add 1 per pair and u6 adds ½ per pair. u6's ordered pairs
// are (1,2)×2, (2,1)×2, (2,2)×2, adding 1 to o12, o21 and o22.
//
//	o11 = 2 (u1)          o12 = 1 (u2) + 1 (u6) = 2   o13 = 0
//	o21 = 2               o22 = 1 (u6)                o23 = 1 (u3)
//	o31 = 0               o32 = 1 (u3)                o33 = 2 (u4) + 2 (u5) = 4
//
// Marginals: n1 = 4, n2 = 2+1+1 = 4, n3 = 1+4 = 5, n = 13.
//
// Interval, δ² = (c−k)²: observed Σ o δ² = (2+2)·1 + (1+1)·1 = 6.
// Expected Σ n_c n_k δ² = 2·(n1n2·1 + n2n3·1 + n1n3·4) = 2·(16+20+80) = 232.
// α = 1 − 12·6/232 = 1 − 72/232 = 20/29.
//
// Ordinal, δ²_ck = (Σ_{g=c..k} n_g − (n_c+n_k)/2)²:
// δ²12 = (8 − 4)² = 16, δ²23 = (9 − 4.5)² = 20.25, δ²13 = (13 − 4.5)² = 72.25.
// Observed = 4·16 + 2·20.25 = 104.5.
// Expected = 2·(16·16 + 20·20.25 + 20·72.25) = 2·(256+405+1445) = 4212.
// α = 1 − 12·104.5/4212 = 1 − 1254/4212 = 2958/4212.
//
// Nominal, δ² = 1 off the diagonal: observed = 2+2+1+1 = 6;
// expected = 2·(16+20+20) = 112; α = 1 − 72/112 = 5/14.
var alphaExample = [][]int{{1, 1}, {1, 2}, {2, 3}, {3, 3}, {3, 3}, {1, 2, 2}, {2}}

func TestKrippendorffAlpha(t *testing.T) {
	tests := []struct {
		name   string
		units  [][]int
		metric Metric
		want   float64
	}{
		{"worked example, interval", alphaExample, Interval, 20.0 / 29},
		{"worked example, ordinal", alphaExample, Ordinal, 2958.0 / 4212},
		{"worked example, nominal", alphaExample, Nominal, 5.0 / 14},
		// Perfect agreement with variation: observed disagreement is 0.
		{"perfect", [][]int{{1, 1}, {4, 4, 4}, {5, 5}}, Interval, 1},
		// Two units, (1,2) and (2,1): o12 = o21 = 2, n1 = n2 = 2, n = 4.
		// Observed = 4; expected = 2·2·2 = 8; α = 1 − 3·4/8 = −0.5.
		{"systematic disagreement", [][]int{{1, 2}, {2, 1}}, Nominal, -0.5},
		// Everyone gave 3: expected disagreement is 0, alpha is undefined.
		{"no variation", [][]int{{3, 3}, {3, 3, 3}}, Ordinal, math.NaN()},
		{"nothing pairable", [][]int{{1}, {2}, {}}, Interval, math.NaN()},
		{"empty", nil, Nominal, math.NaN()},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := KrippendorffAlpha(tc.units, tc.metric); !near(got, tc.want) {
				t.Errorf("alpha = %.10f, want %.10f", got, tc.want)
			}
		})
	}
}

// The worked example for kappa, categories 1–3, six items:
//
//	a: 1 1 1 2 3 3
//	b: 1 2 1 2 3 2
//
// Agreements on items 1, 3, 4, 5: p_o = 4/6 = 2/3.
// Marginals: a = (3, 1, 2)/6 = (1/2, 1/6, 1/3); b = (2, 3, 1)/6 = (1/3, 1/2, 1/6).
// p_e = ½·⅓ + ⅙·½ + ⅓·⅙ = 1/6 + 1/12 + 1/18 = 11/36.
// Unweighted κ = (24/36 − 11/36) / (25/36) = 13/25.
//
// Disagreements: (1,2) and (3,2), both one step apart.
// Quadratic weights (i−j)²/4: observed = (¼ + ¼)/6 = 1/12.
// Expected Σ w_ij a_i b_j:
//
//	(1,2) ¼·½·½ = 1/16   (1,3) 1·½·⅙ = 1/12   (2,1) ¼·⅙·⅓ = 1/72
//	(2,3) ¼·⅙·⅙ = 1/144  (3,1) 1·⅓·⅓ = 1/9    (3,2) ¼·⅓·½ = 1/24
//
// Sum = (9 + 12 + 2 + 1 + 16 + 6)/144 = 46/144 = 23/72.
// κ_q = 1 − (1/12)/(23/72) = 1 − 6/23 = 17/23.
// Linear weights |i−j|/2: observed = (½ + ½)/6 = 1/6. Expected:
//
//	(1,2) ½·¼ = 1/8   (1,3) 1/12   (2,1) ½·1/18 = 1/36
//	(2,3) ½·1/36 = 1/72   (3,1) 1/9   (3,2) ½·⅙ = 1/12
//
// Sum = (9 + 6 + 2 + 1 + 8 + 6)/72 = 32/72 = 4/9; κ_l = 1 − (1/6)/(4/9) = 5/8.
func TestCohenKappa(t *testing.T) {
	a := []int{1, 1, 1, 2, 3, 3}
	b := []int{1, 2, 1, 2, 3, 2}
	cats := []int{1, 2, 3}
	tests := []struct {
		name string
		a, b []int
		cats []int
		w    Weighting
		want float64
	}{
		{"worked example, unweighted", a, b, cats, Unweighted, 13.0 / 25},
		{"worked example, quadratic", a, b, cats, Quadratic, 17.0 / 23},
		{"worked example, linear", a, b, cats, Linear, 5.0 / 8},
		// Two categories, ten items: 6 × (1,1), 2 × (2,2), one (1,2), one
		// (2,1). p_o = 0.8; marginals 0.7/0.3 for both; p_e = 0.49 + 0.09 =
		// 0.58; κ = 0.22/0.42 = 11/21.
		{"two categories", []int{1, 1, 1, 2, 2, 1, 1, 2, 1, 1}, []int{1, 1, 2, 2, 2, 1, 1, 1, 1, 1}, []int{1, 2}, Unweighted, 11.0 / 21},
		{"perfect", []int{1, 5, 3}, []int{1, 5, 3}, []int{1, 2, 3, 4, 5}, Quadratic, 1},
		// Both always say 4: p_e = 1, undefined.
		{"constant", []int{4, 4}, []int{4, 4}, []int{1, 2, 3, 4, 5}, Unweighted, math.NaN()},
		// Values outside the categories (0 = unrated) drop the pair.
		{"unrated dropped", []int{1, 0, 2}, []int{1, 2, 2}, []int{1, 2}, Unweighted, 1},
		{"no items", nil, nil, []int{1, 2}, Unweighted, math.NaN()},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := CohenKappa(tc.a, tc.b, tc.cats, tc.w); !near(got, tc.want) {
				t.Errorf("kappa = %.10f, want %.10f", got, tc.want)
			}
		})
	}
}
