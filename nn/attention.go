// Grouped-query causal self-attention over a fused qkv buffer, with segment
// masks so that packed documents never see each other.
//
// Layout: each of the N = B·T rows of qkv holds H query heads, then KV key
// heads, then KV value heads, D values each, so one matrix multiply produces
// all three projections. Query head h reads key/value head h/(H/KV).
// Scores for a (batch, head) pair are one T×T matrix multiply whose operands
// are strided views into qkv; nothing is transposed or copied.
package nn

import (
	"math"

	"github.com/tend-project/tend/tensor"
)

// AttnShape names the dimensions of one attention call.
type AttnShape struct{ B, T, H, KV, D int }

// QKVWidth is the row width of the fused qkv buffer.
func (s AttnShape) QKVWidth() int { return (s.H + 2*s.KV) * s.D }

// ProbsLen is the length of the attention-probability buffer (B·H·T·T).
func (s AttnShape) ProbsLen() int { return s.B * s.H * s.T * s.T }

// ScratchLen is the scratch length AttentionBackward needs (B·KV·T·T).
func (s AttnShape) ScratchLen() int { return s.B * s.KV * s.T * s.T }

// visible reports whether query row i may attend to key row j of one
// sequence: causal, and within the same segment when segments are given.
func visible(seg []int32, i, j int) bool {
	return j <= i && (seg == nil || seg[i] == seg[j])
}

// AttentionForward writes the attention output (N×H·D) into out and the
// softmax probabilities (B×H×T×T, zero where masked) into probs. seg holds
// one segment id per row (N) or is nil for one document per sequence; pad
// tokens should carry a segment id of their own.
func AttentionForward[E Float](out, probs, qkv []E, seg []int32, s AttnShape) {
	B, T, H, KV, D := s.B, s.T, s.H, s.KV, s.D
	ld := s.QKVWidth()
	scale := E(1 / math.Sqrt(float64(D)))
	group := H / KV
	probs32, fast := any(probs).([]float32)
	parallel(B*H, func(lo, hi int) {
		for bh := lo; bh < hi; bh++ {
			b, h := bh/H, bh%H
			kh := h / group
			q := qkv[b*T*ld+h*D:]
			k := qkv[b*T*ld+(H+kh)*D:]
			v := qkv[b*T*ld+(H+KV+kh)*D:]
			p := probs[bh*T*T : (bh+1)*T*T]
			Gemm(false, true, T, T, D, scale, q, ld, k, ld, 0, p, T)
			var sg []int32
			if seg != nil {
				sg = seg[b*T : (b+1)*T]
			}
			var p32 []float32
			if fast {
				p32 = probs32[bh*T*T : (bh+1)*T*T]
			}
			for i := range T {
				maskedSoftmax(p[i*T:(i+1)*T], p32, i*T, sg, i)
			}
			Gemm(false, false, T, D, T, 1, p, T, v, ld, 0, out[b*T*H*D+h*D:], H*D)
		}
	})
}

// maskedSoftmax turns row i of the scores into probabilities over the
// visible keys and zeroes the rest. p32, when not nil, is the float32 view
// of the buffer that holds row at offset off.
func maskedSoftmax[E Float](row []E, p32 []float32, off int, seg []int32, i int) {
	// Fast path: the visible keys form one run [j0, i], which holds for
	// causal masks and for packed segments that are contiguous.
	j0 := i
	for j0 > 0 && visible(seg, i, j0-1) {
		j0--
	}
	if p32 != nil && contiguousVisible(seg, i, j0) {
		r32 := p32[off : off+len(row)]
		clear(r32[:j0])
		tensor.Softmax(r32[j0 : i+1])
		clear(r32[i+1:])
		return
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
}

// contiguousVisible reports whether no key before j0 is visible from row i.
func contiguousVisible(seg []int32, i, j0 int) bool {
	for j := range j0 {
		if visible(seg, i, j) {
			return false
		}
	}
	return true
}

// AttentionBackward writes the gradient of qkv into dqkv (N×(H+2KV)·D,
// overwritten) from dout (N×H·D), using the probabilities saved by the
// forward pass. scratch must hold ScratchLen values.
func AttentionBackward[E Float](dqkv, scratch, dout, probs, qkv []E, seg []int32, s AttnShape) {
	B, T, H, KV, D := s.B, s.T, s.H, s.KV, s.D
	ld := s.QKVWidth()
	scale := E(1 / math.Sqrt(float64(D)))
	group := H / KV
	// One task per (batch, kv head): the query heads of a group all add into
	// the same dK and dV, so they stay on one goroutine.
	parallel(B*KV, func(lo, hi int) {
		for bk := lo; bk < hi; bk++ {
			b, kh := bk/KV, bk%KV
			k := qkv[b*T*ld+(H+kh)*D:]
			v := qkv[b*T*ld+(H+KV+kh)*D:]
			dk := dqkv[b*T*ld+(H+kh)*D:]
			dv := dqkv[b*T*ld+(H+KV+kh)*D:]
			dp := scratch[bk*T*T : (bk+1)*T*T]
			for g := range group {
				h := kh*group + g
				beta := E(1)
				if g == 0 {
					beta = 0
				}
				p := probs[(b*H+h)*T*T : (b*H+h+1)*T*T]
				do := dout[b*T*H*D+h*D:]
				q := qkv[b*T*ld+h*D:]
				dq := dqkv[b*T*ld+h*D:]
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
