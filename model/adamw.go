// AdamW over a flat parameter buffer: because every parameter (or every
// adapter weight) lives in one buffer, the optimizer is one loop.
package model

import (
	"fmt"

	"github.com/tend-project/tend/tensor"
)

// AdamW holds the optimizer state for one parameter buffer. Its update is
// PyTorch's torch.optim.AdamW (decoupled weight decay, bias correction).
type AdamW struct {
	LR, Beta1, Beta2, Eps, WeightDecay float32
	M, V                               []float32
	Step                               int
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
	tensor.Parallel(len(params), 1<<14, func(lo, hi int) {
		tensor.AdamW(params[lo:hi], grads[lo:hi], o.M[lo:hi], o.V[lo:hi], o.LR, o.Beta1, o.Beta2, o.Eps, o.WeightDecay, o.Step)
	})
	return nil
}
