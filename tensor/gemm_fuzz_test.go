// A fuzz target for Gemm: random shapes, strides, transposes and scalars,
// checked against the float64 reference, so edge handling in packing and
// in the partial tiles is explored beyond the table of TestGemmSIMD.
package tensor

import (
	"math"
	"math/rand/v2"
	"testing"
)

func FuzzGemm(f *testing.F) {
	f.Add(uint8(13), uint8(33), uint8(7), uint8(0), uint8(3), uint64(1), false)
	f.Add(uint8(1), uint8(65), uint8(40), uint8(3), uint8(0), uint64(2), true)
	f.Add(uint8(40), uint8(5), uint8(100), uint8(1), uint8(5), uint64(3), false)
	f.Fuzz(func(t *testing.T, mm, nn, kk, flags, pad uint8, seed uint64, generic bool) {
		m, n, k := int(mm)%70+1, int(nn)%70+1, int(kk)%130
		ta, tb := flags&1 != 0, flags&2 != 0
		p := int(pad) % 5
		alpha := []float32{1, -0.5, 2}[int(flags>>2)%3]
		beta := []float32{0, 1, 0.25}[int(flags>>4)%3]
		r := rand.New(rand.NewPCG(seed, 7))
		ar, ac := m, k
		if ta {
			ar, ac = k, m
		}
		br, bc := k, n
		if tb {
			br, bc = n, k
		}
		lda, ldb, ldc := ac+p, bc+p, n+p
		a := randSlice(r, max(1, ar*lda))
		b := randSlice(r, max(1, br*ldb))
		c := randSlice(r, m*ldc)
		want := refGemm(ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
		UseGeneric(generic)
		defer UseGeneric(false)
		Gemm(ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
		for i := range m {
			for j := range n {
				got, w := float64(c[i*ldc+j]), want[i*n+j]
				if math.Abs(got-w) > 1e-4*math.Sqrt(float64(k)+1)*(1+math.Abs(w)) {
					t.Fatalf("m=%d n=%d k=%d ta=%v tb=%v pad=%d: C[%d,%d] = %g, want %g", m, n, k, ta, tb, p, i, j, got, w)
				}
			}
		}
	})
}
