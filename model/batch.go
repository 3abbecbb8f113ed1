// A training batch: B rows of T tokens with their next-token targets, an
// optional loss mask and optional packing segments.
package model

import (
	"errors"
	"fmt"

	"github.com/tend-project/tend/nn"
)

// ErrBatch marks a malformed batch. Check with errors.Is.
var ErrBatch = errors.New("invalid batch")

// maxPosition bounds explicit positions (and so the RoPE tables).
const maxPosition = 1 << 22

// Batch is B sequences of T tokens, row-major (N = B·T entries per slice).
type Batch struct {
	B, T    int
	Tokens  []int32   // input ids
	Targets []int32   // next-token ids; nn.IgnoreIndex (-100) counts for nothing
	Mask    []float32 // optional loss weight per token (the assistant mask); nil = 1
	// SumLoss makes the loss the weighted sum Σ Mask·NLL instead of the
	// weighted mean, so weights may be negative or sum to zero (DPO's
	// per-sequence coefficients).
	SumLoss bool
	// Seg optionally assigns each token to a document. Tokens attend only
	// to earlier tokens of the same segment, and positions restart at 0 at
	// each segment's first token. Give padding a segment id of its own.
	Seg []int32
	// Pos optionally overrides the positions derived from Seg.
	Pos []int32
}

// validate checks lengths and id ranges against the model.
func (b *Batch) validate(cfg Config, needTargets bool) error {
	n := b.B * b.T
	if b.B <= 0 || b.T <= 0 {
		return fmt.Errorf("%w: B=%d and T=%d must be positive", ErrBatch, b.B, b.T)
	}
	check := func(field string, got int, optional bool) error {
		if (optional && got == 0) || got == n {
			return nil
		}
		return fmt.Errorf("%w: %s has %d entries, want B·T = %d", ErrBatch, field, got, n)
	}
	for _, c := range []struct {
		field    string
		got      int
		optional bool
	}{{"Tokens", len(b.Tokens), false}, {"Targets", len(b.Targets), !needTargets}, {"Mask", len(b.Mask), true}, {"Seg", len(b.Seg), true}, {"Pos", len(b.Pos), true}} {
		if err := check(c.field, c.got, c.optional); err != nil {
			return err
		}
	}
	for i, t := range b.Tokens {
		if t < 0 || int(t) >= cfg.Vocab {
			return fmt.Errorf("%w: Tokens[%d] = %d outside the vocabulary [0,%d)", ErrBatch, i, t, cfg.Vocab)
		}
	}
	for i, t := range b.Targets {
		if t != nn.IgnoreIndex && (t < 0 || int(t) >= cfg.Vocab) {
			return fmt.Errorf("%w: Targets[%d] = %d outside the vocabulary [0,%d) and not -100", ErrBatch, i, t, cfg.Vocab)
		}
	}
	for i, p := range b.Pos {
		if p < 0 || p >= maxPosition {
			return fmt.Errorf("%w: Pos[%d] = %d outside [0,%d)", ErrBatch, i, p, maxPosition)
		}
	}
	return nil
}

// positions fills pos (N) from b.Pos, or from the segments, or 0..T-1.
func (b *Batch) positions(pos []int32) {
	if b.Pos != nil {
		copy(pos, b.Pos)
		return
	}
	for r := range b.B {
		var p int32
		for t := range b.T {
			i := r*b.T + t
			if t > 0 && b.Seg != nil && b.Seg[i] != b.Seg[i-1] {
				p = 0
			}
			pos[i] = p
			p++
		}
	}
}
