// Finite-difference gradient checks in float64 for every backward pass in
// this package, written once and driven by a table of ops. Each case builds
// random inputs, a scalar loss L = Σ out·R (R random, fixed), and the
// analytic gradients of L from the op's backward; the harness compares every
// gradient element with a central difference.
package nn

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

type gradCase struct {
	name string
	// build returns the inputs that have gradients, the loss and a function
	// computing the analytic gradients in the same order as the inputs.
	build func(r *rand.Rand) (inputs [][]float64, loss func() float64, grads func() [][]float64)
}

func randSlice(r *rand.Rand, n int, scale float64) []float64 {
	s := make([]float64, n)
	for i := range s {
		s[i] = (r.Float64()*2 - 1) * scale
	}
	return s
}

func dot64(a, b []float64) float64 {
	var s float64
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

func gradCases() []gradCase {
	const B, T, C, H, KV, D, F, V = 2, 5, 8, 4, 2, 4, 6, 11
	N := B * T
	linear := func(bias bool) gradCase {
		name := "linear"
		if bias {
			name = "linear+bias"
		}
		return gradCase{name, func(r *rand.Rand) ([][]float64, func() float64, func() [][]float64) {
			const IC, OC, ldi, ldo = 5, 3, 7, 4 // strided rows on both sides
			x, w, rr := randSlice(r, N*ldi, 1), randSlice(r, OC*IC, 1), randSlice(r, N*ldo, 1)
			var b []float64
			if bias {
				b = randSlice(r, OC, 1)
			}
			out := make([]float64, N*ldo)
			loss := func() float64 {
				LinearForward(out, ldo, x, ldi, w, b, N, IC, OC)
				var s float64
				for n := range N {
					s += dot64(out[n*ldo:n*ldo+OC], rr[n*ldo:n*ldo+OC])
				}
				return s
			}
			grads := func() [][]float64 {
				dx, dw := make([]float64, N*ldi), make([]float64, OC*IC)
				var db []float64
				if bias {
					db = make([]float64, OC)
				}
				LinearBackward(dx, ldi, dw, db, rr, ldo, x, w, N, IC, OC, false)
				return [][]float64{dx, dw, db}
			}
			return [][]float64{x, w, b}, loss, grads
		}}
	}
	attn := func(name string, seg []int32) gradCase {
		return gradCase{name, func(r *rand.Rand) ([][]float64, func() float64, func() [][]float64) {
			s := AttnShape{B, T, H, KV, D}
			qkv, rr := randSlice(r, N*s.QKVWidth(), 1), randSlice(r, N*H*D, 1)
			out, lse, scratch := make([]float64, N*H*D), make([]float64, s.StatsLen()), make([]float64, s.ScratchLen())
			loss := func() float64 {
				AttentionForward(out, lse, scratch, qkv, seg, s)
				return dot64(out, rr)
			}
			grads := func() [][]float64 {
				loss()
				d := make([]float64, len(qkv))
				AttentionBackward(d, scratch, rr, lse, qkv, seg, s)
				return [][]float64{d}
			}
			return [][]float64{qkv}, loss, grads
		}}
	}
	return []gradCase{
		{"embedding", func(r *rand.Rand) ([][]float64, func() float64, func() [][]float64) {
			wte, rr := randSlice(r, V*C, 1), randSlice(r, N*C, 1)
			tok := make([]int32, N)
			for i := range tok {
				tok[i] = int32(r.IntN(V))
			}
			tok[1] = tok[0] // a repeated token must accumulate
			out := make([]float64, N*C)
			loss := func() float64 { EmbeddingForward(out, wte, tok, C); return dot64(out, rr) }
			grads := func() [][]float64 {
				d := make([]float64, V*C)
				EmbeddingBackward(d, rr, tok, C)
				return [][]float64{d}
			}
			return [][]float64{wte}, loss, grads
		}},
		{"rmsnorm", func(r *rand.Rand) ([][]float64, func() float64, func() [][]float64) {
			x, w, rr := randSlice(r, N*C, 1), randSlice(r, C, 1), randSlice(r, N*C, 1)
			out, rstd := make([]float64, N*C), make([]float64, N)
			loss := func() float64 { RMSNormForward(out, rstd, x, w, N, C, 1e-5); return dot64(out, rr) }
			grads := func() [][]float64 {
				loss()
				dx, dw := make([]float64, N*C), make([]float64, C)
				RMSNormBackward(dx, dw, rr, x, w, rstd, N, C)
				return [][]float64{dx, dw}
			}
			return [][]float64{x, w}, loss, grads
		}},
		{"rope", func(r *rand.Rand) ([][]float64, func() float64, func() [][]float64) {
			const ld = H*D + 3 // strided rows, only the first H heads rotate
			inv, _ := RoPEInvFreq(D, 10000, &RopeScaling{Type: "llama3", Factor: 8, LowFreqFactor: 1, HighFreqFactor: 4, OriginalMaxPos: 8})
			cos, sin := make([]float64, 16*D/2), make([]float64, 16*D/2)
			RoPETable(cos, sin, inv, 16)
			pos := make([]int32, N)
			for i := range pos {
				pos[i] = int32(r.IntN(16))
			}
			x, rr := randSlice(r, N*ld, 1), randSlice(r, N*ld, 1)
			y := make([]float64, len(x))
			loss := func() float64 {
				copy(y, x)
				RoPEForward(y, N, ld, H, D, pos, cos, sin)
				return dot64(y, rr)
			}
			grads := func() [][]float64 {
				d := append([]float64(nil), rr...)
				RoPEBackward(d, N, ld, H, D, pos, cos, sin)
				return [][]float64{d}
			}
			return [][]float64{x}, loss, grads
		}},
		attn("attention/causal", nil),
		attn("attention/packed", []int32{0, 0, 1, 1, 1, 7, 7, 7, 8, 8}),
		attn("attention/leftpad", []int32{-1, -1, 0, 0, 0, -1, 0, 0, 0, 0}),
		{"swiglu", func(r *rand.Rand) ([][]float64, func() float64, func() [][]float64) {
			gu, rr := randSlice(r, N*2*F, 3), randSlice(r, N*F, 1)
			act := make([]float64, N*F)
			loss := func() float64 { SwiGLUForward(act, gu, N, F); return dot64(act, rr) }
			grads := func() [][]float64 {
				d := make([]float64, len(gu))
				SwiGLUBackward(d, rr, gu, N, F)
				return [][]float64{d}
			}
			return [][]float64{gu}, loss, grads
		}},
		linear(false),
		linear(true),
		{"crossentropy", func(r *rand.Rand) ([][]float64, func() float64, func() [][]float64) {
			logits := randSlice(r, N*V, 4)
			tg := make([]int32, N)
			mask := make([]float64, N)
			for i := range tg {
				tg[i] = int32(r.IntN(V))
				mask[i] = float64(i % 3) // weights 0, 1 and 2
			}
			tg[4] = IgnoreIndex
			probs, losses := make([]float64, N*V), make([]float64, N)
			loss := func() float64 {
				copy(probs, logits)
				s, w := CrossEntropyForward(losses, probs, tg, mask, N, V)
				return s / w
			}
			grads := func() [][]float64 {
				copy(probs, logits)
				_, w := CrossEntropyForward(losses, probs, tg, mask, N, V)
				CrossEntropyBackward(probs, probs, tg, mask, N, V, 1/w)
				return [][]float64{append([]float64(nil), probs...)}
			}
			return [][]float64{logits}, loss, grads
		}},
	}
}

func TestGradients(t *testing.T) {
	for _, tc := range gradCases() {
		t.Run(tc.name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(1, 2))
			inputs, loss, grads := tc.build(r)
			g := grads()
			const h = 1e-6
			worst := 0.0
			for k, in := range inputs {
				if in == nil {
					continue
				}
				for i := range in {
					old := in[i]
					in[i] = old + h
					lp := loss()
					in[i] = old - h
					lm := loss()
					in[i] = old
					num := (lp - lm) / (2 * h)
					diff := math.Abs(num - g[k][i])
					rel := diff / math.Max(1, math.Abs(num))
					worst = max(worst, rel)
					if rel > 1e-6 {
						t.Fatalf("input %d element %d: analytic %.9g, numeric %.9g", k, i, g[k][i], num)
					}
				}
			}
			t.Logf("worst relative error %.2g", worst)
		})
	}
}

func ExampleRoPEInvFreq() {
	inv, _ := RoPEInvFreq(4, 10000, nil)
	fmt.Printf("%.4f %.4f\n", inv[0], inv[1])
	// Output: 1.0000 0.0100
}
