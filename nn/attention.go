// Grouped-query causal self-attention over a fused qkv buffer, with segment
// masks so that packed documents never see each other.
//
// Layout: each of the N = B·T rows of qkv holds H query heads, then KV key
// heads, then KV value heads, D values each, so one matrix multiply produces
// all three projections. Query head h reads key/value head h/(H/KV).
// Scores for a (batch, head) pair are one T×T matrix multiply whose operands
// are strided views into qkv; nothing is transposed or copied.
//
// Memory: the forward pass keeps only each query row's log-sum-exp
// (B·H·T values), not the B·H·T·T probabilities; the backward pass
// recomputes the scores with one more matrix multiply per head, as
// FlashAttention does. The T×T matrices live in a per-worker scratch.
package nn

import (
	"fmt"
	"math"
	"sync"

	"github.com/tend-project/tend/tensor"
)

// AttnShape names the dimensions of one attention call.
type AttnShape struct{ B, T, H, KV, D int }

// QKVWidth is the row width of the fused qkv buffer.
func (s AttnShape) QKVWidth() int { return (s.H + 2*s.KV) * s.D }

// StatsLen is the length of the saved softmax statistics: one log-sum-exp
// per query row and head (B·H·T).
func (s AttnShape) StatsLen() int { return s.B * s.H * s.T }

// ScratchLen is the scratch length the forward and backward passes need:
// two T×T matrices per worker thread (no more workers than B·H tasks).
func (s AttnShape) ScratchLen() int { return 2 * max(1, min(tensor.Threads(), s.B*s.H)) * s.T * s.T }

// visible reports whether query row i may attend to key row j of one
// sequence: causal, and within the same segment when segments are given.
func visible(seg []int32, i, j int) bool {
	return j <= i && (seg == nil || seg[i] == seg[j])
}

// visibleRun returns the first key j0 of the run [j0, i] of visible keys
// that ends at row i, and whether no key before j0 is visible (true for
// causal masks and for contiguous packed segments).
func visibleRun(seg []int32, i int) (j0 int, contiguous bool) {
	j0 = i
	for j0 > 0 && visible(seg, i, j0-1) {
		j0--
	}
	for j := range j0 {
		if visible(seg, i, j) {
			return j0, false
		}
	}
	return j0, true
}

// workers splits [0,n) into contiguous chunks, one per worker (at most as
// many as the scratch holds), and runs fn(worker, lo, hi) on each.
func workers[E Float](n int, scratch []E, T int, fn func(w, lo, hi int)) {
	w := min(tensor.Threads(), len(scratch)/(2*T*T), n)
	if w < 1 {
		panic(fmt.Sprintf("nn: attention scratch has %d values, needs at least %d", len(scratch), 2*T*T))
	}
	if w == 1 {
		fn(0, 0, n)
		return
	}
	var wg sync.WaitGroup
	for i := range w {
		wg.Go(func() { fn(i, i*n/w, (i+1)*n/w) })
	}
	wg.Wait()
}

// AttentionForward writes the attention output (N×H·D) into out and each
// query row's softmax log-sum-exp (B×H×T) into lse. seg holds one segment
// id per row (N) or is nil for one document per sequence; pad tokens
// should carry a segment id of their own. scratch holds ScratchLen values.
func AttentionForward[E Float](out, lse, scratch, qkv []E, seg []int32, s AttnShape) {
	B, T, H, KV, D := s.B, s.T, s.H, s.KV, s.D
	ld := s.QKVWidth()
	scale := E(1 / math.Sqrt(float64(D)))
	group := H / KV
	scratch32, fast := any(scratch).([]float32)
	workers(B*H, scratch, T, func(w, lo, hi int) {
		p := scratch[w*2*T*T : w*2*T*T+T*T]
		var p32 []float32
		if fast {
			p32 = scratch32[w*2*T*T : w*2*T*T+T*T]
		}
		for bh := lo; bh < hi; bh++ {
			b, h := bh/H, bh%H
			kh := h / group
			q := qkv[b*T*ld+h*D:]
			k := qkv[b*T*ld+(H+kh)*D:]
			v := qkv[b*T*ld+(H+KV+kh)*D:]
			Gemm(false, true, T, T, D, scale, q, ld, k, ld, 0, p, T)
			var sg []int32
			if seg != nil {
				sg = seg[b*T : (b+1)*T]
			}
			for i := range T {
				lse[bh*T+i] = maskedSoftmax(p[i*T:(i+1)*T], p32, i*T, sg, i)
			}
			Gemm(false, false, T, D, T, 1, p, T, v, ld, 0, out[b*T*H*D+h*D:], H*D)
		}
	})
}

// maskedSoftmax turns row i of the scores into probabilities over the
// visible keys, zeroes the rest, and returns the log-sum-exp of the visible
// scores. p32, when not nil, is the float32 view of the buffer that holds
// row at offset off.
func maskedSoftmax[E Float](row []E, p32 []float32, off int, seg []int32, i int) E {
	j0, contiguous := visibleRun(seg, i)
	if p32 != nil && contiguous {
		r32 := p32[off : off+len(row)]
		jmax := j0
		for j := j0; j <= i; j++ {
			if r32[j] > r32[jmax] {
				jmax = j
			}
		}
		mx := r32[jmax]
		clear(r32[:j0])
		tensor.Softmax(r32[j0 : i+1])
		clear(r32[i+1:])
		// The largest probability is 1/Σexp(s−max), never below 1/T.
		return E(float64(mx) - math.Log(float64(r32[jmax])))
	}
	mx := E(math.Inf(-1))
	for j := 0; j <= i; j++ {
		if visible(seg, i, j) && row[j] > mx {
			mx = row[j]
		}
	}
	var sum float64
	for j := range row {
		if j > i || !visible(seg, i, j) {
			row[j] = 0
			continue
		}
		e := E(math.Exp(float64(row[j] - mx)))
		row[j] = e
		sum += float64(e)
	}
	inv := E(1 / sum)
	for j := 0; j <= i; j++ {
		row[j] *= inv
	}
	return E(float64(mx) + math.Log(sum))
}

// probsFromScores turns row i of recomputed scores back into the forward
// pass's probabilities, exp(s − lse) on visible keys and 0 elsewhere.
func probsFromScores[E Float](row []E, p32 []float32, off int, seg []int32, i int, lse E) {
	j0, contiguous := visibleRun(seg, i)
	if p32 != nil && contiguous {
		r32 := p32[off : off+len(row)]
		l := float32(lse)
		vis := r32[j0 : i+1]
		for j := range vis {
			vis[j] -= l
		}
		tensor.Exp(vis, vis)
		clear(r32[:j0])
		clear(r32[i+1:])
		return
	}
	for j := range row {
		if visible(seg, i, j) {
			row[j] = E(math.Exp(float64(row[j] - lse)))
		} else {
			row[j] = 0
		}
	}
}

// AttentionBackward writes the gradient of qkv into dqkv (N×(H+2KV)·D,
// overwritten) from dout (N×H·D), recomputing the probabilities from qkv
// and the log-sum-exps saved by the forward pass. scratch holds ScratchLen
// values.
func AttentionBackward[E Float](dqkv, scratch, dout, lse, qkv []E, seg []int32, s AttnShape) {
	B, T, H, KV, D := s.B, s.T, s.H, s.KV, s.D
	ld := s.QKVWidth()
	scale := E(1 / math.Sqrt(float64(D)))
	group := H / KV
	scratch32, fast := any(scratch).([]float32)
	// One task per (batch, kv head): the query heads of a group all add into
	// the same dK and dV, so they stay on one goroutine.
	workers(B*KV, scratch, T, func(w, lo, hi int) {
		p, dp := scratch[w*2*T*T:w*2*T*T+T*T], scratch[w*2*T*T+T*T:(w+1)*2*T*T]
		var p32 []float32
		if fast {
			p32 = scratch32[w*2*T*T : w*2*T*T+T*T]
		}
		for bk := lo; bk < hi; bk++ {
			b, kh := bk/KV, bk%KV
			k := qkv[b*T*ld+(H+kh)*D:]
			v := qkv[b*T*ld+(H+KV+kh)*D:]
			dk := dqkv[b*T*ld+(H+kh)*D:]
			dv := dqkv[b*T*ld+(H+KV+kh)*D:]
			var sg []int32
			if seg != nil {
				sg = seg[b*T : (b+1)*T]
			}
			for g := range group {
				h := kh*group + g
				beta := E(1)
				if g == 0 {
					beta = 0
				}
				do := dout[b*T*H*D+h*D:]
				q := qkv[b*T*ld+h*D:]
				dq := dqkv[b*T*ld+h*D:]
				// Recompute P = softmax(scale·Q·Kᵀ) from the saved lse.
				Gemm(false, true, T, T, D, scale, q, ld, k, ld, 0, p, T)
				for i := range T {
					probsFromScores(p[i*T:(i+1)*T], p32, i*T, sg, i, lse[(b*H+h)*T+i])
				}
				// dV += Pᵀ·dO
				Gemm(true, false, T, D, T, 1, p, T, do, H*D, beta, dv, ld)
				// dP = dO·Vᵀ, then the softmax backward: dS = P∘(dP − rowsum(P∘dP)).
				Gemm(false, true, T, T, D, 1, do, H*D, v, ld, 0, dp, T)
				for i := range T {
					pr, dr := p[i*T:i*T+i+1], dp[i*T:(i+1)*T]
					var dot E
					for j, pj := range pr {
						dot += pj * dr[j]
					}
					for j, pj := range pr {
						dr[j] = pj * (dr[j] - dot) * scale
					}
					clear(dr[i+1:])
				}
				// dQ = dS·K, dK += dSᵀ·Q
				Gemm(false, false, T, D, T, 1, dp, T, k, ld, 0, dq, ld)
				Gemm(true, false, T, D, T, 1, dp, T, q, ld, beta, dk, ld)
			}
		}
	})
}
