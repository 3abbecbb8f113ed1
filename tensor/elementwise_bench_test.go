// Benchmarks for the elementwise kernels at the sizes of the reference
// training config (batch 4 × sequence 128 tokens, hidden 256, SwiGLU 704),
// reporting throughput in elements per nanosecond on both paths.
package tensor

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

func benchBoth(b *testing.B, name string, elems int, fn func()) {
	for _, generic := range []bool{false, true} {
		path := "simd"
		if generic {
			path = "go"
		}
		b.Run(fmt.Sprintf("%s/%s", name, path), func(b *testing.B) {
			UseGeneric(generic)
			defer UseGeneric(false)
			for b.Loop() {
				fn()
			}
			b.ReportMetric(float64(elems)*float64(b.N)/float64(b.Elapsed().Nanoseconds()), "elem/ns")
		})
	}
}

func BenchmarkElementwise(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 1))
	const tokens, hidden, inter = 512, 256, 704
	n := tokens * inter
	gate, up, out := randSlice(r, n), randSlice(r, n), make([]float32, n)
	dOut, dGate, dUp := randSlice(r, n), make([]float32, n), make([]float32, n)
	benchBoth(b, "SiLUMul", n, func() { SiLUMul(out, gate, up) })
	benchBoth(b, "SiLUMulBackward", n, func() { SiLUMulBackward(dGate, dUp, dOut, gate, up) })

	x, w := randSlice(r, tokens*hidden), randSlice(r, hidden)
	y, rstd := make([]float32, tokens*hidden), make([]float32, tokens)
	dx, dw := make([]float32, tokens*hidden), make([]float32, hidden)
	benchBoth(b, "RMSNorm", tokens*hidden, func() { RMSNorm(y, rstd, x, w, tokens, hidden, 1e-5) })
	benchBoth(b, "RMSNormBackward", tokens*hidden, func() { RMSNormBackward(dx, dw, x, x, w, rstd, tokens, hidden) })

	row := randSlice(r, 128)
	benchBoth(b, "Softmax128", 128, func() { Softmax(row) })
	vocabRow := randSlice(r, 8000)
	benchBoth(b, "Softmax8000", 8000, func() { Softmax(vocabRow) })

	const params = 6 << 20
	p, g, m, v := randSlice(r, params), randSlice(r, params), make([]float32, params), make([]float32, params)
	step := 0
	benchBoth(b, "AdamW", params, func() {
		step++
		AdamW(p, g, m, v, 1e-3, 0.9, 0.95, 1e-8, 0.1, step)
	})
}
