// Inference with a key/value cache: Forward feeds a chunk of new tokens
// (a whole prompt, then one token at a time) and returns the logits of the
// last one. Keys are stored after RoPE, so each cached entry is final.
package model

import (
	"errors"
	"fmt"
	"math"
	"sync"

	"github.com/tend-project/tend/nn"
	"github.com/tend-project/tend/tensor"
)

// ErrCacheFull is returned when a Forward call would pass the cache's size.
var ErrCacheFull = errors.New("kv cache full")

// KVCache holds the keys and values of every layer for up to MaxT positions,
// plus the scratch buffers of the forward pass.
type KVCache struct {
	MaxT int
	Len  int       // positions filled
	k, v []float32 // L × MaxT × KV·D

	n                                      int // chunk capacity of the scratch below
	x, h, qkv, atty, gu, act, rstd, logits []float32
	pos                                    []int32
	scores                                 [][]float32 // one MaxT row per worker
	chunkScores                            []float32   // n×t scores of a prefill chunk
}

// NewKVCache returns an empty cache for sequences of up to maxT tokens.
func (m *Model) NewKVCache(maxT int) *KVCache {
	V, _, L, _, KV, D, _ := m.Config.dims()
	c := &KVCache{MaxT: maxT, k: make([]float32, L*maxT*KV*D), v: make([]float32, L*maxT*KV*D), logits: make([]float32, V)}
	c.scores = make([][]float32, tensor.Threads())
	for i := range c.scores {
		c.scores[i] = make([]float32, maxT)
	}
	return c
}

func (c *KVCache) grow(m *Model, n int) {
	if n <= c.n {
		return
	}
	_, C, _, H, KV, D, F := m.Config.dims()
	c.n = n
	c.x, c.h, c.rstd = make([]float32, n*C), make([]float32, n*C), make([]float32, n)
	c.qkv, c.atty = make([]float32, n*(H+2*KV)*D), make([]float32, n*H*D)
	c.gu, c.act, c.pos = make([]float32, n*2*F), make([]float32, n*F), make([]int32, n)
}

// Forward runs tokens at positions pos, pos+1, … through the model, using
// and extending the cache, and returns the logits (V) of the last token. The
// slice is reused by the next call. pos may be below c.Len to rewind (the
// later entries are overwritten) but not above it.
func (m *Model) Forward(tokens []int, pos int, c *KVCache) ([]float32, error) {
	V, C, L, H, KV, D, F := m.Config.dims()
	n := len(tokens)
	switch {
	case n == 0:
		return nil, fmt.Errorf("forward: no tokens")
	case pos < 0 || pos > c.Len:
		return nil, fmt.Errorf("forward: position %d but the cache holds %d tokens", pos, c.Len)
	case pos+n > c.MaxT:
		return nil, fmt.Errorf("forward: %w: %d+%d tokens exceed %d", ErrCacheFull, pos, n, c.MaxT)
	}
	for i, t := range tokens {
		if t < 0 || t >= V {
			return nil, fmt.Errorf("forward: token %d (index %d) outside the vocabulary [0,%d)", t, i, V)
		}
	}
	c.grow(m, n)
	qw := (H + 2*KV) * D
	kvw := KV * D
	cos, sin := m.ropeTables(pos + n)
	ids := c.pos[:n]
	for i := range ids {
		ids[i] = int32(pos + i)
	}
	x, h := c.x[:n*C], c.h[:n*C]
	for i, t := range tokens {
		copy(x[i*C:(i+1)*C], m.W.Embed[t*C:(t+1)*C])
	}
	p := &pass{m: m}
	bf := m.bf16 // read once, so one call uses one set of weights
	var la loraActs
	if m.LoRA != nil {
		la = m.LoRA.newActs(n)
	}
	for l := range L {
		w := &m.W.Layers[l]
		lo := m.LoRA.layer(l)
		qkv := c.qkv[:n*qw]
		nn.RMSNormForward(h, c.rstd[:n], x, w.AttnNorm, n, C, m.Config.RMSEps)
		m.proj(qkv, qw, h, C, w.WQKV, bf.layer(l).WQKV, 0, n, C, qw)
		addBias(qkv, qw, w.BQKV, n)
		lo.forward(tQ, &la, h, qkv, qw, n, p)
		lo.forward(tK, &la, h, qkv[H*D:], qw, n, p)
		lo.forward(tV, &la, h, qkv[(H+KV)*D:], qw, n, p)
		nn.RoPEForward(qkv, n, qw, H, D, ids, cos, sin)
		nn.RoPEForward(qkv[H*D:], n, qw, KV, D, ids, cos, sin)
		kc := c.k[l*c.MaxT*kvw : (l+1)*c.MaxT*kvw]
		vc := c.v[l*c.MaxT*kvw : (l+1)*c.MaxT*kvw]
		for i := range n {
			copy(kc[(pos+i)*kvw:(pos+i+1)*kvw], qkv[i*qw+H*D:i*qw+H*D+kvw])
			copy(vc[(pos+i)*kvw:(pos+i+1)*kvw], qkv[i*qw+H*D+kvw:i*qw+qw])
		}
		c.attend(qkv, kc, vc, n, pos, H, KV, D)
		atty := c.atty[:n*H*D]
		m.proj(x, C, atty, H*D, w.WO, bf.layer(l).WO, 1, n, H*D, C)
		lo.forward(tO, &la, atty, x, C, n, p)
		gu, act := c.gu[:n*2*F], c.act[:n*F]
		nn.RMSNormForward(h, c.rstd[:n], x, w.MLPNorm, n, C, m.Config.RMSEps)
		m.proj(gu, 2*F, h, C, w.WGU, bf.layer(l).WGU, 0, n, C, 2*F)
		lo.forward(tGate, &la, h, gu, 2*F, n, p)
		lo.forward(tUp, &la, h, gu[F:], 2*F, n, p)
		nn.SwiGLUForward(act, gu, n, F)
		m.proj(x, C, act, F, w.WDown, bf.layer(l).WDown, 1, n, F, C)
		lo.forward(tDown, &la, act, x, C, n, p)
	}
	c.Len = pos + n
	last := x[(n-1)*C : n*C]
	nn.RMSNormForward(h[:C], c.rstd[:1], last, m.W.Norm, 1, C, m.Config.RMSEps)
	var head16 []uint16
	if bf != nil {
		head16 = bf.head
	}
	m.proj(c.logits, V, h[:C], C, m.W.Head, head16, 0, 1, C, V)
	return c.logits, nil
}

// prefillRows is the chunk size from which attention runs as matrix
// multiplies (a prompt) rather than one dot product per cached key.
const prefillRows = 8

// attend computes the attention output of n new tokens, token i at
// position pos+i attending to cached positions 0..pos+i.
func (c *KVCache) attend(qkv, kc, vc []float32, n, pos, H, KV, D int) {
	if n >= prefillRows {
		c.attendChunk(qkv, kc, vc, n, pos, H, KV, D)
		return
	}
	qw, kvw := (H+2*KV)*D, KV*D
	scale := float32(1 / math.Sqrt(float64(D)))
	group := H / KV
	tasks := n * H
	workers := min(len(c.scores), tasks)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			sc := c.scores[w]
			for task := w; task < tasks; task += workers {
				i, h := task/H, task%H
				kh := h / group
				q := qkv[i*qw+h*D : i*qw+(h+1)*D]
				t := pos + i + 1
				s := sc[:t]
				for j := range t {
					s[j] = tensor.Dot(q, kc[j*kvw+kh*D:j*kvw+(kh+1)*D]) * scale
				}
				tensor.Softmax(s)
				out := c.atty[i*H*D+h*D : i*H*D+(h+1)*D]
				clear(out)
				for j, pj := range s {
					tensor.Axpy(pj, vc[j*kvw+kh*D:j*kvw+(kh+1)*D], out)
				}
			}
		})
	}
	wg.Wait()
}

// attendChunk is attend for a long chunk: per head, the scores of all n
// queries against the t = pos+n cached keys are one n×t matrix multiply,
// masked causally, and the output another.
func (c *KVCache) attendChunk(qkv, kc, vc []float32, n, pos, H, KV, D int) {
	qw, kvw := (H+2*KV)*D, KV*D
	t := pos + n
	if len(c.chunkScores) < n*t {
		c.chunkScores = make([]float32, n*t)
	}
	sc := c.chunkScores[:n*t]
	scale := float32(1 / math.Sqrt(float64(D)))
	group := H / KV
	for h := range H {
		kh := h / group
		nn.Gemm(false, true, n, t, D, scale, qkv[h*D:], qw, kc[kh*D:], kvw, 0, sc, t)
		tensor.Parallel(n, 1, func(lo, hi int) {
			for i := lo; i < hi; i++ {
				row := sc[i*t : (i+1)*t]
				tensor.Softmax(row[:pos+i+1])
				clear(row[pos+i+1:])
			}
		})
		nn.Gemm(false, false, n, D, t, 1, sc, t, vc[kh*D:], kvw, 0, c.atty[h*D:], H*D)
	}
}

// proj computes y = x·Wᵀ + beta·y for n rows (W out×in), from the bfloat16
// copy of W when there is one.
func (m *Model) proj(y []float32, ldy int, x []float32, ldx int, w []float32, w16 []uint16, beta float32, n, in, out int) {
	if w16 != nil {
		tensor.GemmBF16(n, out, in, 1, x, ldx, w16, in, beta, y, ldy)
		return
	}
	nn.Gemm(false, true, n, out, in, 1, x, ldx, w, in, beta, y, ldy)
}

func addBias(y []float32, ldy int, bias []float32, n int) {
	if bias == nil {
		return
	}
	for i := range n {
		tensor.Add(y[i*ldy:i*ldy+len(bias)], bias)
	}
}

// bf16Weights are bfloat16 copies of the projection matrices and the LM
// head, used by Forward when set: decoding streams every weight once per
// token, so halving their bytes nearly doubles tokens per second.
type bf16Weights struct {
	layers []bf16Layer
	head   []uint16
}

type bf16Layer struct{ WQKV, WO, WGU, WDown []uint16 }

func (b *bf16Weights) layer(l int) bf16Layer {
	if b == nil {
		return bf16Layer{}
	}
	return b.layers[l]
}

// UseBF16 makes Forward read bfloat16 copies of the projection and head
// weights (rounded to nearest even), as llama.cpp does with F16 weights:
// about half the memory traffic per token for a logit error of about
// 1e-2. The copies are dropped, and Forward returns to float32, when
// TrainStep (with base gradients) or MergeLoRA changes the weights; call
// UseBF16 again afterwards. Norms, biases, embeddings and LoRA adapters stay float32.
func (m *Model) UseBF16() {
	conv := func(w []float32) []uint16 {
		out := make([]uint16, len(w))
		tensor.Parallel(len(w), 1<<16, func(lo, hi int) { tensor.ToBF16(out[lo:hi], w[lo:hi]) })
		return out
	}
	b := &bf16Weights{layers: make([]bf16Layer, len(m.W.Layers)), head: conv(m.W.Head)}
	for l, ly := range m.W.Layers {
		b.layers[l] = bf16Layer{conv(ly.WQKV), conv(ly.WO), conv(ly.WGU), conv(ly.WDown)}
	}
	m.bf16 = b
}
