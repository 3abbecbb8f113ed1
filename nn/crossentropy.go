// Softmax cross-entropy over the vocabulary with a per-token loss weight
// (the assistant-token mask of chat fine-tuning) and ignore_index targets.
// The loss is the weighted mean over counted tokens, which equals PyTorch's
// cross_entropy(reduction="mean") when every weight is 1.
//
// As in llm.c the forward pass turns the logits into probabilities in place,
// and the backward pass turns those into the logit gradient in place, so the
// largest activation of a small model (N×V) exists exactly once.
package nn

import (
	"math"

	"github.com/tend-project/tend/tensor"
)

// CrossEntropyForward replaces each of the N rows of logits (N×V) with its
// softmax and returns the weighted loss sum and the total weight. Rows whose
// target is IgnoreIndex, or whose mask is 0, count for nothing. mask may be
// nil (all ones). Targets must lie in [0,V) or be IgnoreIndex. losses (N)
// receives each row's unweighted loss (0 for ignored rows).
func CrossEntropyForward[E Float](losses, logits []E, targets []int32, mask []E, N, V int) (sum, weight float64) {
	l32, fast := any(logits).([]float32)
	parallel(N, func(lo, hi int) {
		for n := lo; n < hi; n++ {
			row := logits[n*V : (n+1)*V]
			if fast {
				// Fast path: one fused softmax; the loss is -log p[target].
				// A target probability that underflows float32 is scored
				// as the smallest positive float32 (loss ≈ 103.3).
				r32 := l32[n*V : (n+1)*V]
				tensor.Softmax(r32)
				losses[n] = 0
				if targets[n] != IgnoreIndex {
					if p := r32[targets[n]]; p > 0 {
						losses[n] = E(-math.Log(float64(p)))
					} else {
						losses[n] = E(-math.Log(math.SmallestNonzeroFloat32))
					}
				}
				continue
			}
			mx := row[0]
			for _, x := range row {
				mx = max(mx, x)
			}
			var s float64
			var lt float64 // target logit minus the row maximum
			if targets[n] != IgnoreIndex {
				lt = float64(row[targets[n]] - mx)
			}
			for i, x := range row {
				e := math.Exp(float64(x - mx))
				row[i] = E(e)
				s += e
			}
			losses[n] = 0
			if targets[n] != IgnoreIndex {
				// -log p[target] = lse - logit[target] = log s - (logit - max).
				losses[n] = E(math.Log(s) - lt)
			}
			inv := E(1 / s)
			for i := range row {
				row[i] *= inv
			}
		}
	})
	for n := range N {
		w := rowWeight(targets, mask, n)
		sum += w * float64(losses[n])
		weight += w
	}
	return sum, weight
}

func rowWeight[E Float](targets []int32, mask []E, n int) float64 {
	if targets[n] == IgnoreIndex {
		return 0
	}
	if mask == nil {
		return 1
	}
	return float64(mask[n])
}

// CrossEntropyBackward writes d(scale·loss sum)/d(logits) into dlogits from
// the probabilities left by the forward pass; dlogits may alias probs. For
// the mean loss pass scale = 1/weight.
func CrossEntropyBackward[E Float](dlogits, probs []E, targets []int32, mask []E, N, V int, scale float64) {
	parallel(N, func(lo, hi int) {
		for n := lo; n < hi; n++ {
			p, d := probs[n*V:(n+1)*V], dlogits[n*V:(n+1)*V]
			w := E(rowWeight(targets, mask, n) * scale)
			if w == 0 {
				clear(d)
				continue
			}
			for i, x := range p {
				d[i] = w * x
			}
			d[targets[n]] -= w
		}
	})
}
