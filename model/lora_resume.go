// Exact resume of LoRA training with dropout: the dropout masks come from a
// stream keyed by a pass counter, so a checkpoint records the counter and a
// resumed run restores it to draw the very same masks.
package model

// DropoutStep returns the number of passes the adapters have run, which
// keys the next dropout masks.
func (l *LoRA) DropoutStep() uint64 { return l.step }

// SetDropoutStep restores the pass counter saved with DropoutStep.
func (l *LoRA) SetDropoutStep(step uint64) { l.step = step }
