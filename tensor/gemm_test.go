// Correctness tests for Gemm against a float64 reference on many shapes,
// every transpose variant, alpha/beta and padded strides, on the SIMD path
// and on the forced portable path; plus GFLOP/s benchmarks.
package tensor

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
	"time"
)

// refGemm is the float64 textbook triple loop.
func refGemm(transA, transB bool, m, n, k int, alpha float32, a []float32, lda int,
	b []float32, ldb int, beta float32, c []float32, ldc int) []float64 {
	out := make([]float64, m*n)
	for i := range m {
		for j := range n {
			var s float64
			for p := range k {
				var av, bv float32
				if transA {
					av = a[p*lda+i]
				} else {
					av = a[i*lda+p]
				}
				if transB {
					bv = b[j*ldb+p]
				} else {
					bv = b[p*ldb+j]
				}
				s += float64(av) * float64(bv)
			}
			v := float64(alpha) * s
			if beta != 0 {
				v += float64(beta) * float64(c[i*ldc+j])
			}
			out[i*n+j] = v
		}
	}
	return out
}

func randSlice(r *rand.Rand, n int) []float32 {
	s := make([]float32, n)
	for i := range s {
		s[i] = float32(r.NormFloat64())
	}
	return s
}

type gemmCase struct {
	m, n, k     int
	alpha, beta float32
	pad         int // extra row stride
}

func gemmCases() []gemmCase {
	var cs []gemmCase
	for _, m := range []int{1, 2, 3, 4, 5, 7, 12, 13, 17, 33} {
		for _, n := range []int{1, 7, 16, 17, 33, 65} {
			for _, k := range []int{1, 7, 33} {
				cs = append(cs, gemmCase{m, n, k, 1, 0, 0})
			}
		}
	}
	cs = append(cs,
		gemmCase{64, 64, 64, 0.5, 1, 3},
		gemmCase{37, 71, 300, -1.25, 0.75, 5},
		gemmCase{100, 129, 513, 1, 1, 0},
		gemmCase{600, 40, 20, 1, 0, 1},
		gemmCase{13, 4100, 9, 2, -0.5, 2},
		gemmCase{97, 97, 97, 0, 2, 0},
		gemmCase{5, 9, 0, 1, 0.5, 0},
	)
	return cs
}

func checkGemm(t *testing.T, generic bool) {
	UseGeneric(generic)
	defer UseGeneric(false)
	r := rand.New(rand.NewPCG(1, 2))
	for _, tc := range gemmCases() {
		for _, tr := range [][2]bool{{false, false}, {false, true}, {true, false}, {true, true}} {
			ta, tb := tr[0], tr[1]
			name := fmt.Sprintf("%dx%dx%d_ta%v_tb%v_a%g_b%g", tc.m, tc.n, tc.k, ta, tb, tc.alpha, tc.beta)
			ar, ac := tc.m, tc.k
			if ta {
				ar, ac = tc.k, tc.m
			}
			br, bc := tc.k, tc.n
			if tb {
				br, bc = tc.n, tc.k
			}
			lda, ldb, ldc := ac+tc.pad, bc+tc.pad, tc.n+tc.pad
			a := randSlice(r, max(1, ar*lda))
			b := randSlice(r, max(1, br*ldb))
			c := randSlice(r, tc.m*ldc)
			if tc.beta == 0 {
				for i := range c {
					c[i] = float32(math.NaN()) // beta=0 must not read C
				}
			}
			want := refGemm(ta, tb, tc.m, tc.n, tc.k, tc.alpha, a, lda, b, ldb, tc.beta, c, ldc)
			before := append([]float32(nil), c...)
			Gemm(ta, tb, tc.m, tc.n, tc.k, tc.alpha, a, lda, b, ldb, tc.beta, c, ldc)
			tol := 1e-5 * math.Sqrt(float64(tc.k)+1) * 4
			for i := range tc.m {
				for j := range ldc {
					got := c[i*ldc+j]
					if j >= tc.n {
						if math.Float32bits(got) != math.Float32bits(before[i*ldc+j]) {
							t.Fatalf("%s: padding C[%d,%d] changed", name, i, j)
						}
						continue
					}
					w := want[i*tc.n+j]
					if d := math.Abs(float64(got) - w); d > tol*(1+math.Abs(w)) || math.IsNaN(float64(got)) {
						t.Fatalf("%s: C[%d,%d] = %g, want %g (diff %g)", name, i, j, got, w, d)
					}
				}
			}
		}
	}
}

func TestGemmSIMD(t *testing.T)    { checkGemm(t, false) }
func TestGemmGeneric(t *testing.T) { checkGemm(t, true) }

// TestGemmThreads checks that the split across goroutines gives the same
// answer as one goroutine, on shapes large enough to be split both ways.
func TestGemmThreads(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, sh := range [][3]int{{300, 170, 90}, {70, 300, 190}, {129, 257, 63}, {30, 2000, 40}, {20, 7000, 30}} {
		m, n, k := sh[0], sh[1], sh[2]
		a, b := randSlice(r, m*k), randSlice(r, k*n)
		one := make([]float32, m*n)
		many := make([]float32, m*n)
		SetThreads(1)
		Gemm(false, false, m, n, k, 1, a, k, b, n, 0, one, n)
		SetThreads(3)
		Gemm(false, false, m, n, k, 1, a, k, b, n, 0, many, n)
		SetThreads(0)
		want := refGemm(false, false, m, n, k, 1, a, k, b, n, 0, nil, n)
		for i := range one {
			if math.Abs(float64(one[i])-want[i]) > 1e-3 {
				t.Fatalf("%v: element %d = %g, want %g", sh, i, one[i], want[i])
			}
			if one[i] != many[i] {
				t.Fatalf("%v: element %d differs: %g vs %g", sh, i, one[i], many[i])
			}
		}
	}
}

func TestGemmPanicsOnShortBuffer(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Fatal("Gemm with a short A did not panic")
		}
	}()
	Gemm(false, false, 4, 4, 4, 1, make([]float32, 15), 4, make([]float32, 16), 4, 0, make([]float32, 16), 4)
}

// benchShapes are m×k·k×n: the 135M-model shapes, then those of the
// reference training config (hidden 256, SwiGLU 704, vocabulary 8000,
// 512 tokens) and one attention score block (sequence 128, head 64).
var benchShapes = [][3]int{
	{512, 576, 1536}, {512, 576, 576}, {512, 1536, 576}, {512, 576, 49152},
	{512, 256, 256}, {512, 256, 704}, {512, 704, 256}, {512, 256, 8000}, {128, 64, 128},
}

// BenchmarkGemm reports GFLOP/s for the shapes (m×k · k×n) in the
// variants a linear layer needs: NN (dx = dy·W), NT (y = x·Wᵀ) and TN
// (dW = dyᵀ·x, here with op(A) = Aᵀ of a k×m buffer).
func BenchmarkGemm(b *testing.B) {
	for _, sh := range benchShapes {
		m, k, n := sh[0], sh[1], sh[2]
		for _, v := range []struct {
			name   string
			ta, tb bool
		}{{"NN", false, false}, {"NT", false, true}, {"TN", true, false}} {
			b.Run(fmt.Sprintf("%s/%dx%dx%d", v.name, m, k, n), func(b *testing.B) {
				r := rand.New(rand.NewPCG(1, 1))
				a := randSlice(r, m*k)
				bb := randSlice(r, k*n)
				c := make([]float32, m*n)
				lda, ldb := k, n
				if v.ta {
					lda = m
				}
				if v.tb {
					ldb = k
				}
				// Besides the mean, report the best single run: on a shared
				// machine it is the figure comparable with numpy's best-of-N.
				best := time.Duration(math.MaxInt64)
				for b.Loop() {
					t0 := time.Now()
					Gemm(v.ta, v.tb, m, n, k, 1, a, lda, bb, ldb, 0, c, n)
					best = min(best, time.Since(t0))
				}
				flop := 2 * float64(m) * float64(n) * float64(k)
				b.ReportMetric(flop*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
				b.ReportMetric(flop/best.Seconds()/1e9, "best-GFLOP/s")
			})
		}
	}
}

// BenchmarkGemv is the decode case: one token through the LM head and an
// MLP-sized projection, with HF-layout weights (y = x·Wᵀ).
func BenchmarkGemv(b *testing.B) {
	for _, sh := range [][2]int{{576, 49152}, {576, 1536}, {1536, 576}} {
		k, n := sh[0], sh[1]
		b.Run(fmt.Sprintf("NT/1x%dx%d", k, n), func(b *testing.B) {
			r := rand.New(rand.NewPCG(1, 1))
			x, w := randSlice(r, k), randSlice(r, n*k)
			y := make([]float32, n)
			best := time.Duration(math.MaxInt64)
			for b.Loop() {
				t0 := time.Now()
				Gemm(false, true, 1, n, k, 1, x, k, w, k, 0, y, n)
				best = min(best, time.Since(t0))
			}
			sec := b.Elapsed().Seconds() / float64(b.N)
			b.ReportMetric(float64(4*n*k)/sec/1e9, "GB/s")
			b.ReportMetric(float64(4*n*k)/best.Seconds()/1e9, "best-GB/s")
		})
	}
}
