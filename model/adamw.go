// AdamW over a flat parameter buffer: because every parameter (or every
// adapter weight) lives in one buffer, the optimizer is one loop — split
// only where weight decay is switched off (norm weights and biases, as the
// Hugging Face Trainer does).
package model

import (
	"fmt"
	"sort"

	"github.com/tend-project/tend/tensor"
)

// AdamW holds the optimizer state for one parameter buffer. Its update is
// PyTorch's torch.optim.AdamW (decoupled weight decay, bias correction).
type AdamW struct {
	LR, Beta1, Beta2, Eps, WeightDecay float32
	M, V                               []float32
	Step                               int
	// NoDecay lists [start, end) ranges of the buffer that get no weight
	// decay, e.g. Model.NoDecayRanges(). Ranges must not overlap.
	NoDecay [][2]int
}

// NewAdamW returns an optimizer for n parameters with PyTorch's defaults for
// betas and eps.
func NewAdamW(n int, lr, weightDecay float32) *AdamW {
	return &AdamW{LR: lr, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8, WeightDecay: weightDecay, M: make([]float32, n), V: make([]float32, n)}
}

// Update applies one step to params from grads, in parallel chunks.
func (o *AdamW) Update(params, grads []float32) error {
	if len(params) != len(o.M) || len(grads) != len(o.M) {
		return fmt.Errorf("adamw: %d params and %d grads for a state of %d", len(params), len(grads), len(o.M))
	}
	o.Step++
	run := func(lo, hi int, wd float32) {
		tensor.Parallel(hi-lo, 1<<14, func(a, b int) {
			a, b = a+lo, b+lo
			tensor.AdamW(params[a:b], grads[a:b], o.M[a:b], o.V[a:b], o.LR, o.Beta1, o.Beta2, o.Eps, wd, o.Step)
		})
	}
	ranges := append([][2]int(nil), o.NoDecay...)
	sort.Slice(ranges, func(i, j int) bool { return ranges[i][0] < ranges[j][0] })
	at := 0
	for _, r := range ranges {
		if r[0] < at || r[1] < r[0] || r[1] > len(params) {
			return fmt.Errorf("adamw: no-decay range %v overlaps another or lies outside the %d parameters", r, len(params))
		}
		run(at, r[0], o.WeightDecay)
		run(r[0], r[1], 0)
		at = r[1]
	}
	run(at, len(params), o.WeightDecay)
	return nil
}

// NoDecayRanges returns the ranges of Params holding norm weights and
// biases, which conventionally get no weight decay.
func (m *Model) NoDecayRanges() [][2]int { return append([][2]int(nil), m.W.noDecay...) }
