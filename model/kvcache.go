// Inference with a key/value cache: Forward feeds a chunk of new tokens
// (a whole prompt, then one token at a time) and returns the logits of the
// last one; ForwardBatch advances several sequences by a token each in one
// pass over the weights. Keys are stored after RoPE, so each cached entry
// is final.
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

	logits []float32 // the last call's output
	shape  [7]int    // dimensions of the model that made it

	// scratch of the calls that use this cache as their workspace
	rowCap                         int // rows the scratch holds
	x, h, qkv, atty, gu, act, rstd []float32
	pos                            []int32
	rows                           []row
	scores                         [][]float32 // one MaxT row per worker
	chunkScores                    []float32   // n×t scores of a prefill chunk
	batchLogits                    []float32   // n×V logits of a batch step
}

// NewKVCache returns an empty cache for sequences of up to maxT tokens.
func (m *Model) NewKVCache(maxT int) *KVCache {
	V, _, L, _, KV, D, _ := m.Config.dims()
	c := &KVCache{MaxT: maxT, k: make([]float32, L*maxT*KV*D), v: make([]float32, L*maxT*KV*D), logits: make([]float32, V),
		shape: m.Config.cacheShape()}
	c.scores = make([][]float32, tensor.Threads())
	for i := range c.scores {
		c.scores[i] = make([]float32, maxT)
	}
	return c
}

func (c *KVCache) grow(m *Model, n int) {
	if n <= c.rowCap {
		return
	}
	_, C, _, H, KV, D, F := m.Config.dims()
	c.rowCap = n
	c.rows = make([]row, n)
	c.x, c.h, c.rstd = make([]float32, n*C), make([]float32, n*C), make([]float32, n)
	c.qkv, c.atty = make([]float32, n*(H+2*KV)*D), make([]float32, n*H*D)
	c.gu, c.act, c.pos = make([]float32, n*2*F), make([]float32, n*F), make([]int32, n)
}

// Forward runs tokens at positions pos, pos+1, … through the model, using
// and extending the cache, and returns the logits (V) of the last token. The
// slice is reused by the next call. pos may be below c.Len to rewind (the
// later entries are overwritten) but not above it.
func (m *Model) Forward(tokens []int, pos int, c *KVCache) ([]float32, error) {
	n := len(tokens)
	switch {
	case n == 0:
		return nil, fmt.Errorf("forward: no tokens")
	case pos < 0 || pos > c.Len:
		return nil, fmt.Errorf("forward: position %d but the cache holds %d tokens", pos, c.Len)
	case pos+n > c.MaxT:
		return nil, fmt.Errorf("forward: %w: %d+%d tokens exceed %d", ErrCacheFull, pos, n, c.MaxT)
	}
	if err := m.checkTokens(tokens); err != nil {
		return nil, err
	}
	if err := m.checkCache(c); err != nil {
		return nil, err
	}
	c.grow(m, n)
	rows := c.rows[:n]
	for i := range rows {
		rows[i] = row{c, pos + i}
	}
	m.decode(tokens, rows, c, true)
	c.Len = pos + n
	return c.logits, nil
}

// ForwardBatch advances several sequences by one token each: tokens[i] at
// position pos[i] of caches[i] (pos[i] ≤ caches[i].Len, as in Forward).
// Every weight is read once for the whole batch, so decoding B sequences
// costs little more than decoding one. It returns each sequence's logits,
// owned by its cache and valid until that cache's next call. The caches
// must be distinct.
func (m *Model) ForwardBatch(tokens, pos []int, caches []*KVCache) ([][]float32, error) {
	n := len(tokens)
	if n == 0 || len(pos) != n || len(caches) != n {
		return nil, fmt.Errorf("forward batch: %d tokens, %d positions and %d caches", n, len(pos), len(caches))
	}
	if err := m.checkTokens(tokens); err != nil {
		return nil, err
	}
	for i, c := range caches {
		if err := m.checkCache(c); err != nil {
			return nil, fmt.Errorf("forward batch: sequence %d: %w", i, err)
		}
		switch {
		case pos[i] < 0 || pos[i] > c.Len:
			return nil, fmt.Errorf("forward batch: sequence %d: position %d but its cache holds %d tokens", i, pos[i], c.Len)
		case pos[i] >= c.MaxT:
			return nil, fmt.Errorf("forward batch: sequence %d: %w at %d tokens", i, ErrCacheFull, c.MaxT)
		}
		for _, d := range caches[:i] {
			if d == c {
				return nil, fmt.Errorf("forward batch: sequence %d shares its cache with an earlier one", i)
			}
		}
	}
	s := caches[0]
	s.grow(m, n)
	rows := s.rows[:n]
	for i := range rows {
		rows[i] = row{caches[i], pos[i]}
	}
	m.decode(tokens, rows, s, false)
	out := make([][]float32, n)
	for i, c := range caches {
		c.Len = pos[i] + 1
		out[i] = c.logits
	}
	return out, nil
}

// cacheShape identifies the dimensions a KV cache and its scratch depend on.
func (c Config) cacheShape() [7]int {
	V, C, L, H, KV, D, F := c.dims()
	return [7]int{V, C, L, H, KV, D, F}
}

// checkCache rejects a cache made by a model of another shape.
func (m *Model) checkCache(c *KVCache) error {
	V, _, L, _, KV, D, _ := m.Config.dims()
	if len(c.k) != L*c.MaxT*KV*D || len(c.logits) != V || c.shape != m.Config.cacheShape() {
		return fmt.Errorf("forward: the KV cache was made for a model of another shape")
	}
	return nil
}

func (m *Model) checkTokens(tokens []int) error {
	for i, t := range tokens {
		if t < 0 || t >= m.Config.Vocab {
			return fmt.Errorf("forward: token %d (index %d) outside the vocabulary [0,%d)", t, i, m.Config.Vocab)
		}
	}
	return nil
}

// row is one token of a decode call: the cache of its sequence and its
// position there.
type row struct {
	c   *KVCache
	pos int
}

// decode runs the tokens through the model, row i at rows[i], with s
// holding the scratch. chunk means every row belongs to s at consecutive
// positions (Forward): only the last row's logits are computed, into
// s.logits. Otherwise each row's logits go to its own cache.
func (m *Model) decode(tokens []int, rows []row, s *KVCache, chunk bool) {
	V, C, L, H, KV, D, F := m.Config.dims()
	n := len(tokens)
	qw := (H + 2*KV) * D
	kvw := KV * D
	ids := s.pos[:n]
	maxPos := 0
	for i, r := range rows {
		ids[i] = int32(r.pos)
		maxPos = max(maxPos, r.pos)
	}
	cos, sin := m.ropeTables(maxPos + 1)
	x, h := s.x[:n*C], s.h[:n*C]
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
		qkv := s.qkv[:n*qw]
		nn.RMSNormForward(h, s.rstd[:n], x, w.AttnNorm, n, C, m.Config.RMSEps)
		m.proj(qkv, qw, h, C, w.WQKV, bf.layer(l).WQKV, 0, n, C, qw)
		addBias(qkv, qw, w.BQKV, n)
		lo.forward(tQ, &la, h, qkv, qw, n, p)
		lo.forward(tK, &la, h, qkv[H*D:], qw, n, p)
		lo.forward(tV, &la, h, qkv[(H+KV)*D:], qw, n, p)
		nn.RoPEForward(qkv, n, qw, H, D, ids, cos, sin)
		nn.RoPEForward(qkv[H*D:], n, qw, KV, D, ids, cos, sin)
		for i, r := range rows {
			off := (l*r.c.MaxT + r.pos) * kvw
			copy(r.c.k[off:off+kvw], qkv[i*qw+H*D:i*qw+H*D+kvw])
			copy(r.c.v[off:off+kvw], qkv[i*qw+H*D+kvw:i*qw+qw])
		}
		if chunk && n >= prefillRows {
			s.attendChunk(l, qkv, n, rows[0].pos, H, KV, D)
		} else {
			s.attend(l, qkv, rows, H, KV, D)
		}
		atty := s.atty[:n*H*D]
		m.proj(x, C, atty, H*D, w.WO, bf.layer(l).WO, 1, n, H*D, C)
		lo.forward(tO, &la, atty, x, C, n, p)
		gu, act := s.gu[:n*2*F], s.act[:n*F]
		nn.RMSNormForward(h, s.rstd[:n], x, w.MLPNorm, n, C, m.Config.RMSEps)
		m.proj(gu, 2*F, h, C, w.WGU, bf.layer(l).WGU, 0, n, C, 2*F)
		lo.forward(tGate, &la, h, gu, 2*F, n, p)
		lo.forward(tUp, &la, h, gu[F:], 2*F, n, p)
		nn.SwiGLUForward(act, gu, n, F)
		m.proj(x, C, act, F, w.WDown, bf.layer(l).WDown, 1, n, F, C)
		lo.forward(tDown, &la, act, x, C, n, p)
	}
	var head16 []uint16
	if bf != nil {
		head16 = bf.head
	}
	if chunk {
		last := x[(n-1)*C : n*C]
		nn.RMSNormForward(h[:C], s.rstd[:1], last, m.W.Norm, 1, C, m.Config.RMSEps)
		m.proj(s.logits, V, h[:C], C, m.W.Head, head16, 0, 1, C, V)
		return
	}
	nn.RMSNormForward(h, s.rstd[:n], x, m.W.Norm, n, C, m.Config.RMSEps)
	if len(s.batchLogits) < n*V {
		s.batchLogits = make([]float32, n*V)
	}
	m.proj(s.batchLogits, V, h, C, m.W.Head, head16, 0, n, C, V)
	for i, r := range rows {
		copy(r.c.logits, s.batchLogits[i*V:(i+1)*V])
	}
}

// prefillRows is the chunk size from which attention runs as matrix
// multiplies (a prompt) rather than one dot product per cached key.
const prefillRows = 8

// attend computes the attention output of each row, the query at
// rows[i].pos attending to positions 0..pos of its own cache, one dot
// product per cached key.
func (s *KVCache) attend(l int, qkv []float32, rows []row, H, KV, D int) {
	qw, kvw := (H+2*KV)*D, KV*D
	scale := float32(1 / math.Sqrt(float64(D)))
	group := H / KV
	tasks := len(rows) * H
	workers := min(len(s.scores), tasks)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for task := w; task < tasks; task += workers {
				i, h := task/H, task%H
				r := rows[i]
				kc := r.c.k[l*r.c.MaxT*kvw : (l+1)*r.c.MaxT*kvw]
				vc := r.c.v[l*r.c.MaxT*kvw : (l+1)*r.c.MaxT*kvw]
				kh := h / group
				q := qkv[i*qw+h*D : i*qw+(h+1)*D]
				t := r.pos + 1
				sc := r.c.scores[w%len(r.c.scores)][:t]
				for j := range t {
					sc[j] = tensor.Dot(q, kc[j*kvw+kh*D:j*kvw+(kh+1)*D]) * scale
				}
				tensor.Softmax(sc)
				out := s.atty[i*H*D+h*D : i*H*D+(h+1)*D]
				clear(out)
				for j, pj := range sc {
					tensor.Axpy(pj, vc[j*kvw+kh*D:j*kvw+(kh+1)*D], out)
				}
			}
		})
	}
	wg.Wait()
}

// attendChunk is attend for a long chunk of one sequence starting at pos:
// per head, the scores of all n queries against the t = pos+n cached keys
// are one n×t matrix multiply, masked causally, and the output another.
func (c *KVCache) attendChunk(l int, qkv []float32, n, pos, H, KV, D int) {
	qw, kvw := (H+2*KV)*D, KV*D
	kc := c.k[l*c.MaxT*kvw : (l+1)*c.MaxT*kvw]
	vc := c.v[l*c.MaxT*kvw : (l+1)*c.MaxT*kvw]
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
