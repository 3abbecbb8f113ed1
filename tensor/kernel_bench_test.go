// Benchmarks of the micro-kernel alone on packed, cache-resident slivers,
// to separate kernel throughput from packing and memory effects.
package tensor

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

func BenchmarkMicroKernel(b *testing.B) {
	for _, kern := range []*microKernel{bestKernel, genericKernel} {
		b.Run(fmt.Sprintf("%s/k=256", kern.name), func(b *testing.B) {
			const k = 256
			r := rand.New(rand.NewPCG(1, 1))
			a := randSlice(r, kern.mr*k)
			bb := randSlice(r, kern.nr*k)
			c := make([]float32, kern.mr*kern.nr)
			for b.Loop() {
				kern.fn(k, &a[0], &bb[0], kern.nr, &c[0], kern.nr, 1, 1)
			}
			b.ReportMetric(2*float64(kern.mr*kern.nr*k)*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
		})
	}
}
