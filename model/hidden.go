// An inference-only pass to the final norm, for scalar heads (a reward
// model's score) on a model without gradients: ForwardHidden needs
// trainable weights because it keeps what BackwardHidden uses.
package model

import "slices"

// Hidden runs b through the model up to the final norm and returns a copy
// of that output (N×C). Nothing is kept for a backward pass.
func (m *Model) Hidden(b *Batch) ([]float32, error) {
	if err := b.validate(m.Config, false); err != nil {
		return nil, err
	}
	p := m.newPass(b, false)
	p.forward()
	return slices.Clone(p.a.hF), nil
}
