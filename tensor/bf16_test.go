// Tests for the bfloat16 conversions and the bf16-weight multiply.
package tensor

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

func TestBF16Rounding(t *testing.T) {
	tests := []struct {
		in   float32
		want uint16
	}{
		{1, 0x3f80},
		{-2, 0xc000},
		{math.Float32frombits(0x3f808000), 0x3f80}, // tie, even stays
		{math.Float32frombits(0x3f818000), 0x3f82}, // tie, odd rounds up
		{math.Float32frombits(0x3f808001), 0x3f81}, // above the tie
		{float32(math.Inf(1)), 0x7f80},
		{math.MaxFloat32, 0x7f80}, // rounds to +Inf like torch
	}
	for _, tc := range tests {
		if got := BF16FromFloat32(tc.in); got != tc.want {
			t.Errorf("BF16FromFloat32(%g) = %#x, want %#x", tc.in, got, tc.want)
		}
	}
	if got := BF16FromFloat32(float32(math.NaN())); got&0x7f80 != 0x7f80 || got&0x7f == 0 {
		t.Errorf("NaN became %#x", got)
	}
	src := []float32{0.1, -3.5, 1e-20, 65504}
	b := make([]uint16, len(src))
	ToBF16(b, src)
	back := make([]float32, len(src))
	FromBF16(back, b)
	for i := range src {
		if rel := math.Abs(float64(back[i]-src[i])) / math.Abs(float64(src[i])); rel > 1.0/256 {
			t.Errorf("round trip of %g = %g", src[i], back[i])
		}
	}
}

func TestGemmBF16(t *testing.T) {
	both(t, func(t *testing.T) {
		r := rand.New(rand.NewPCG(21, 22))
		for _, sh := range [][3]int{{1, 33, 45}, {3, 7, 8}, {4, 65, 100}, {9, 70, 33}, {40, 300, 64}} {
			m, n, k := sh[0], sh[1], sh[2]
			t.Run(fmt.Sprint(sh), func(t *testing.T) {
				a := randSlice(r, m*k)
				wf := randSlice(r, n*k)
				w := make([]uint16, n*k)
				ToBF16(w, wf)
				FromBF16(wf, w) // the reference multiplies the rounded weights
				c := randSlice(r, m*n)
				want := refGemm(false, true, m, n, k, 0.5, a, k, wf, k, 2, c, n)
				GemmBF16(m, n, k, 0.5, a, k, w, k, 2, c, n)
				for i := range want {
					if d := math.Abs(float64(c[i]) - want[i]); d > 1e-4*(1+math.Abs(want[i])) {
						t.Fatalf("C[%d] = %g, want %g", i, c[i], want[i])
					}
				}
			})
		}
	})
}

// BenchmarkGemvBF16 is the decode LM head with bf16 weights: compare its
// GB/s and time with BenchmarkGemv's float32 weights.
func BenchmarkGemvBF16(b *testing.B) {
	for _, sh := range [][2]int{{576, 49152}, {576, 1536}} {
		k, n := sh[0], sh[1]
		b.Run(fmt.Sprintf("1x%dx%d", k, n), func(b *testing.B) {
			r := rand.New(rand.NewPCG(1, 1))
			x := randSlice(r, k)
			w := make([]uint16, n*k)
			ToBF16(w, randSlice(r, n*k))
			y := make([]float32, n)
			for b.Loop() {
				GemmBF16(1, n, k, 1, x, k, w, k, 0, y, n)
			}
			sec := b.Elapsed().Seconds() / float64(b.N)
			b.ReportMetric(float64(2*n*k)/sec/1e9, "GB/s")
		})
	}
}
