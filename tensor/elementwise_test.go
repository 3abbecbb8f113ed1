// Tests for the fused elementwise kernels: forward passes against float64
// references, and every backward pass against central finite differences
// of the float64 forward, on both the SIMD and the portable path.
package tensor

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// both runs f once on the SIMD path and once on the forced portable path.
func both(t *testing.T, f func(t *testing.T)) {
	for _, generic := range []bool{false, true} {
		t.Run(fmt.Sprintf("generic=%v", generic), func(t *testing.T) {
			UseGeneric(generic)
			defer UseGeneric(false)
			f(t)
		})
	}
}

func to64(x []float32) []float64 {
	out := make([]float64, len(x))
	for i, v := range x {
		out[i] = float64(v)
	}
	return out
}

// numGrad returns dL/dx for L = Σ dOut·f(x), by central differences.
func numGrad(x []float64, dOut []float64, f func(x []float64) []float64) []float64 {
	g := make([]float64, len(x))
	const h = 1e-6
	for i := range x {
		old := x[i]
		x[i] = old + h
		up := f(x)
		x[i] = old - h
		down := f(x)
		x[i] = old
		var s float64
		for j := range dOut {
			s += dOut[j] * (up[j] - down[j])
		}
		g[i] = s / (2 * h)
	}
	return g
}

func assertClose(t *testing.T, what string, got []float32, want []float64, rel float64) {
	t.Helper()
	var scale float64
	for _, w := range want {
		scale = max(scale, math.Abs(w))
	}
	for i := range want {
		if d := math.Abs(float64(got[i]) - want[i]); d > rel*(scale+1e-3) || math.IsNaN(float64(got[i])) {
			t.Fatalf("%s[%d] = %g, want %g (diff %g)", what, i, got[i], want[i], d)
		}
	}
}

func sig64(x float64) float64 { return 1 / (1 + math.Exp(-x)) }

func TestSiLUMul(t *testing.T) {
	both(t, func(t *testing.T) {
		r := rand.New(rand.NewPCG(5, 6))
		n := 37
		gate, up, dOut := randSlice(r, n), randSlice(r, n), randSlice(r, n)
		gate[0], gate[1] = 30, -30 // saturated sigmoid
		out := make([]float32, n)
		SiLUMul(out, gate, up)
		fwd := func(g, u []float64) []float64 {
			o := make([]float64, n)
			for i := range o {
				o[i] = g[i] * sig64(g[i]) * u[i]
			}
			return o
		}
		g64, u64, d64 := to64(gate), to64(up), to64(dOut)
		assertClose(t, "out", out, fwd(g64, u64), 1e-6)
		dGate, dUp := make([]float32, n), make([]float32, n)
		SiLUMulBackward(dGate, dUp, dOut, gate, up)
		assertClose(t, "dGate", dGate, numGrad(g64, d64, func(g []float64) []float64 { return fwd(g, u64) }), 1e-5)
		assertClose(t, "dUp", dUp, numGrad(u64, d64, func(u []float64) []float64 { return fwd(g64, u) }), 1e-5)
	})
}

func rmsRef(x, w []float64, rows, dim int, eps float64) []float64 {
	out := make([]float64, rows*dim)
	for r := range rows {
		var ss float64
		for i := range dim {
			ss += x[r*dim+i] * x[r*dim+i]
		}
		s := 1 / math.Sqrt(ss/float64(dim)+eps)
		for i := range dim {
			out[r*dim+i] = x[r*dim+i] * s * w[i]
		}
	}
	return out
}

func TestRMSNorm(t *testing.T) {
	both(t, func(t *testing.T) {
		r := rand.New(rand.NewPCG(7, 8))
		for _, sh := range [][2]int{{1, 1}, {3, 7}, {5, 64}, {40, 33}} {
			rows, dim := sh[0], sh[1]
			const eps = 1e-5
			x, w, dOut := randSlice(r, rows*dim), randSlice(r, dim), randSlice(r, rows*dim)
			out, rstd := make([]float32, rows*dim), make([]float32, rows)
			RMSNorm(out, rstd, x, w, rows, dim, eps)
			x64, w64, d64 := to64(x), to64(w), to64(dOut)
			assertClose(t, "out", out, rmsRef(x64, w64, rows, dim, eps), 1e-5)
			dx := make([]float32, rows*dim)
			dw := make([]float32, dim)
			for i := range dw {
				dw[i] = 1 // dw accumulates
			}
			RMSNormBackward(dx, dw, dOut, x, w, rstd, rows, dim)
			assertClose(t, "dx", dx, numGrad(x64, d64, func(x []float64) []float64 { return rmsRef(x, w64, rows, dim, eps) }), 1e-4)
			wantDw := numGrad(w64, d64, func(w []float64) []float64 { return rmsRef(x64, w, rows, dim, eps) })
			for i := range wantDw {
				wantDw[i]++
			}
			assertClose(t, "dw", dw, wantDw, 1e-4)
			// In-place forward gives the same result.
			inplace := append([]float32(nil), x...)
			RMSNorm(inplace, nil, inplace, w, rows, dim, eps)
			assertClose(t, "in-place out", inplace, to64(out), 0)
		}
	})
}

func softmaxRef(x []float64) []float64 {
	mx := math.Inf(-1)
	for _, v := range x {
		mx = max(mx, v)
	}
	out := make([]float64, len(x))
	var s float64
	for i, v := range x {
		out[i] = math.Exp(v - mx)
		s += out[i]
	}
	for i := range out {
		out[i] /= s
	}
	return out
}

func TestSoftmax(t *testing.T) {
	both(t, func(t *testing.T) {
		r := rand.New(rand.NewPCG(9, 10))
		for _, n := range []int{1, 5, 31, 200} {
			x := randSlice(r, n)
			x[0] = 80 // large logit must not overflow
			y := append([]float32(nil), x...)
			Softmax(y)
			x64 := to64(x)
			assertClose(t, "softmax", y, softmaxRef(x64), 1e-6)
			dy := randSlice(r, n)
			dx := make([]float32, n)
			SoftmaxBackward(dx, y, dy)
			assertClose(t, "dx", dx, numGrad(x64, to64(dy), softmaxRef), 1e-5)
		}
		masked := []float32{float32(math.Inf(-1)), 0, float32(math.Inf(-1)), 0}
		Softmax(masked)
		assertClose(t, "masked", masked, []float64{0, 0.5, 0, 0.5}, 1e-7)
		long := make([]float32, 21)
		want := make([]float64, 21)
		for i := range long {
			long[i] = float32(math.Inf(-1))
			if i%3 == 0 {
				long[i] = 1
				want[i] = 1.0 / 7
			}
		}
		Softmax(long)
		assertClose(t, "masked long row", long, want, 1e-6)
		allMasked := []float32{float32(math.Inf(-1)), float32(math.Inf(-1))}
		Softmax(allMasked)
		assertClose(t, "all masked", allMasked, []float64{0, 0}, 0)
	})
}

func TestRoPE(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	heads, headDim, maxPos := 3, 8, 16
	h := headDim / 2
	inv := make([]float64, h)
	for i := range inv {
		inv[i] = math.Pow(10000, -2*float64(i)/float64(headDim))
	}
	cos, sin := RoPETables(inv, maxPos)
	pos := []int{0, 5, 1, 15} // packed: arbitrary positions per token
	n := len(pos) * heads * headDim
	x := randSlice(r, n)
	fwd := func(x []float64) []float64 {
		// HF: q*cos + rotate_half(q)*sin with full-width cos/sin tables.
		out := make([]float64, len(x))
		for t, p := range pos {
			for hd := range heads {
				base := (t*heads + hd) * headDim
				for i := range headDim {
					f := inv[i%h] * float64(p)
					var rot float64
					if i < h {
						rot = -x[base+i+h]
					} else {
						rot = x[base+i-h]
					}
					out[base+i] = x[base+i]*math.Cos(f) + rot*math.Sin(f)
				}
			}
		}
		return out
	}
	y := append([]float32(nil), x...)
	RoPE(y, cos, sin, pos, heads, headDim)
	x64 := to64(x)
	assertClose(t, "rope", y, fwd(x64), 1e-6)
	dy := randSlice(r, n)
	dx := append([]float32(nil), dy...)
	RoPEBackward(dx, cos, sin, pos, heads, headDim)
	assertClose(t, "rope backward", dx, numGrad(x64, to64(dy), fwd), 1e-5)
}

func TestAdamW(t *testing.T) {
	both(t, func(t *testing.T) {
		r := rand.New(rand.NewPCG(13, 14))
		n := 1000
		p, m, v := randSlice(r, n), make([]float32, n), make([]float32, n)
		p64, m64, v64 := to64(p), make([]float64, n), make([]float64, n)
		const lr, b1, b2, eps, wd = 1e-2, 0.9, 0.95, 1e-8, 0.1
		for step := 1; step <= 5; step++ {
			g := randSlice(r, n)
			AdamW(p, g, m, v, lr, b1, b2, eps, wd, step)
			bc1 := 1 - math.Pow(b1, float64(step))
			bc2 := 1 - math.Pow(b2, float64(step))
			for i := range p64 {
				gi := float64(g[i])
				p64[i] *= 1 - lr*wd
				m64[i] = b1*m64[i] + (1-b1)*gi
				v64[i] = b2*v64[i] + (1-b2)*gi*gi
				p64[i] -= lr / bc1 * m64[i] / (math.Sqrt(v64[i])/math.Sqrt(bc2) + eps)
			}
		}
		assertClose(t, "param", p, p64, 1e-5)
		assertClose(t, "m", m, m64, 1e-5)
		assertClose(t, "v", v, v64, 1e-5)
	})
}

func TestVectorOps(t *testing.T) {
	both(t, func(t *testing.T) {
		r := rand.New(rand.NewPCG(15, 16))
		for _, n := range []int{0, 1, 7, 8, 9, 31, 32, 33, 100, 1031} {
			x, y := randSlice(r, n), randSlice(r, n)
			var want float64
			for i := range x {
				want += float64(x[i]) * float64(y[i])
			}
			if got := Dot(x, y); math.Abs(float64(got)-want) > 1e-4*math.Sqrt(float64(n)+1) {
				t.Fatalf("Dot n=%d = %g, want %g", n, got, want)
			}
			wantAxpy := make([]float64, n)
			for i := range y {
				wantAxpy[i] = float64(y[i]) + 1.5*float64(x[i])
			}
			Axpy(1.5, x, y)
			assertClose(t, fmt.Sprintf("Axpy n=%d", n), y, wantAxpy, 1e-6)
			wantScale := make([]float64, n)
			for i := range x {
				wantScale[i] = -0.25 * float64(x[i])
			}
			Scale(-0.25, x)
			assertClose(t, fmt.Sprintf("Scale n=%d", n), x, wantScale, 1e-7)
		}
	})
}

func TestExp(t *testing.T) { both(t, testExp) }

func testExp(t *testing.T) {
	var xs []float32
	for x := -110.0; x < 90; x += 0.0137 {
		xs = append(xs, float32(x))
	}
	xs = append(xs, 0, float32(math.Inf(1)), float32(math.Inf(-1)))
	got := make([]float32, len(xs))
	Exp(got, xs)
	for i, x := range xs {
		want := math.Exp(float64(x))
		g := float64(got[i])
		if math.IsInf(want, 1) || want > math.MaxFloat32 {
			if !math.IsInf(g, 1) {
				t.Fatalf("exp(%g) = %g, want +Inf", x, g)
			}
			continue
		}
		if want < 1e-37 { // subnormal range: absolute accuracy is what counts
			if math.Abs(g-want) > 1e-44 {
				t.Fatalf("exp(%g) = %g, want %g", x, g, want)
			}
			continue
		}
		if rel := math.Abs(g-want) / want; rel > 4e-7 {
			t.Fatalf("exp(%g) = %g, want %g (rel %g)", x, g, want, rel)
		}
	}
	nan := []float32{float32(math.NaN())}
	Exp(nan, nan)
	if !math.IsNaN(float64(nan[0])) {
		t.Fatalf("exp(NaN) = %g", nan[0])
	}
}

func TestParallelCoversRange(t *testing.T) {
	for _, n := range []int{0, 1, 5, 1000, 12345} {
		seen := make([]int32, n)
		Parallel(n, 7, func(lo, hi int) {
			for i := lo; i < hi; i++ {
				seen[i]++
			}
		})
		for i, s := range seen {
			if s != 1 {
				t.Fatalf("n=%d: index %d visited %d times", n, i, s)
			}
		}
	}
}
