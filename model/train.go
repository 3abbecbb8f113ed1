// The training forward and backward pass over a Batch, with preallocated
// activations (reused while B and T stay the same) and optional gradient
// checkpointing. One transformer block, for N = B·T rows:
//
//	h1 = rmsnorm(x)                 qkv = h1·Wqkvᵀ (+b)  → rope on q, k
//	y  = attention(qkv)             xm  = x + y·Woᵀ
//	h2 = rmsnorm(xm)                gu  = h2·Wguᵀ
//	a  = silu(gate)·up              x'  = xm + a·Wdownᵀ
//
// LoRA adapters add their low-rank term to the matching projection.
package model

import (
	"fmt"

	"github.com/tend-project/tend/nn"
)

// layerActs are the saved activations of one block.
type layerActs struct {
	x, rstd1, h1, qkv, lse, atty, xm, rstd2, h2, gu, act []float32
	lora                                                 loraActs
}

// activations are every buffer one training step needs, sized for (B, T).
type activations struct {
	B, T        int
	bytes       int64 // size of the buffers above
	train, ckpt bool
	loraOf      *LoRA
	layers      []layerActs // L entries; layers[l].x is the input of block l
	xL          []float32   // output of the last block
	rstdF       []float32
	hF          []float32
	logits      []float32 // rows×V for one chunk of rows: logits, then probabilities, then gradients
	losses      []float32
	pos         []int32
	// backward scratch
	attnScratch                    []float32 // per-worker T×T matrices
	dx, dh, datty, dqkv, dgu, dact []float32
	scratch                        layerActs // recompute target when checkpointing
	xOut                           []float32 // recomputed block output, discarded
	lora                           loraScratch
}

func (m *Model) activations(B, T int, train bool) *activations {
	if a := m.act; a != nil && a.B == B && a.T == T && a.loraOf == m.LoRA && (!train || a.train && a.ckpt == m.Checkpoint) {
		return a
	}
	m.act = nil // let the old buffers go before allocating new ones
	V, C, L, H, KV, D, F := m.Config.dims()
	N := B * T
	s := nn.AttnShape{B: B, T: T, H: H, KV: KV, D: D}
	var floats int64
	mk := func(n int) []float32 { floats += int64(n); return make([]float32, n) }
	full := func() layerActs {
		return layerActs{x: mk(N * C), rstd1: mk(N), h1: mk(N * C), qkv: mk(N * s.QKVWidth()), lse: mk(s.StatsLen()),
			atty: mk(N * H * D), xm: mk(N * C), rstd2: mk(N), h2: mk(N * C), gu: mk(N * 2 * F), act: mk(N * F),
			lora: m.LoRA.newActs(N)}
	}
	a := &activations{B: B, T: T, train: train, ckpt: m.Checkpoint && train, loraOf: m.LoRA, layers: make([]layerActs, L), xL: mk(N * C), rstdF: mk(N), hF: mk(N * C),
		logits: mk(headRows(N, V) * V), losses: mk(N), pos: make([]int32, N)}
	if m.Checkpoint && train {
		a.scratch = full()
		for l := range a.layers {
			a.layers[l] = a.scratch
			a.layers[l].x = mk(N * C)
		}
		a.xOut = mk(N * C)
	} else {
		for l := range a.layers {
			a.layers[l] = full()
		}
	}
	a.attnScratch = mk(s.ScratchLen())
	if train {
		a.dx, a.dh, a.datty = mk(N*C), mk(N*C), mk(N*H*D)
		a.dqkv, a.dgu, a.dact = mk(N*s.QKVWidth()), mk(N*2*F), mk(N*F)
		a.lora = m.LoRA.newScratch(N)
	}
	a.bytes = 4 * floats // LoRA buffers, allocated by lora.go, are not counted
	m.act = a
	return a
}

// ActivationBytes reports the size of the activation buffers kept for the
// last batch shape (0 before the first pass).
func (m *Model) ActivationBytes() int64 {
	if m.act == nil {
		return 0
	}
	return m.act.bytes
}

// ReleaseActivations frees the activation buffers kept between steps.
func (m *Model) ReleaseActivations() { m.act = nil }

// step state shared by the passes of one call.
type pass struct {
	m     *Model
	a     *activations
	b     *Batch
	s     nn.AttnShape
	train bool
	seed  uint64
}

// layerForward runs block l from a.x into out.
func (p *pass) layerForward(l int, la *layerActs, out []float32) {
	m, s := p.m, p.s
	_, C, _, H, KV, D, F := m.Config.dims()
	N := s.B * s.T
	w := &m.W.Layers[l]
	qw := s.QKVWidth()
	cos, sin := m.ropeTables(maxPos(p.a.pos) + 1)
	nn.RMSNormForward(la.h1, la.rstd1, la.x, w.AttnNorm, N, C, m.Config.RMSEps)
	nn.LinearForward(la.qkv, qw, la.h1, C, w.WQKV, w.BQKV, N, C, qw)
	lo := m.LoRA.layer(l)
	lo.forward(tQ, &la.lora, la.h1, la.qkv, qw, N, p)
	lo.forward(tK, &la.lora, la.h1, la.qkv[H*D:], qw, N, p)
	lo.forward(tV, &la.lora, la.h1, la.qkv[(H+KV)*D:], qw, N, p)
	nn.RoPEForward(la.qkv, N, qw, H, D, p.a.pos, cos, sin)
	nn.RoPEForward(la.qkv[H*D:], N, qw, KV, D, p.a.pos, cos, sin)
	nn.AttentionForward(la.atty, la.lse, p.a.attnScratch, la.qkv, p.b.Seg, s)
	copy(la.xm, la.x)
	nn.Gemm(false, true, N, C, H*D, 1, la.atty, H*D, w.WO, H*D, 1, la.xm, C)
	lo.forward(tO, &la.lora, la.atty, la.xm, C, N, p)
	nn.RMSNormForward(la.h2, la.rstd2, la.xm, w.MLPNorm, N, C, m.Config.RMSEps)
	nn.LinearForward(la.gu, 2*F, la.h2, C, w.WGU, nil, N, C, 2*F)
	lo.forward(tGate, &la.lora, la.h2, la.gu, 2*F, N, p)
	lo.forward(tUp, &la.lora, la.h2, la.gu[F:], 2*F, N, p)
	nn.SwiGLUForward(la.act, la.gu, N, F)
	copy(out, la.xm)
	nn.Gemm(false, true, N, C, F, 1, la.act, F, w.WDown, F, 1, out, C)
	lo.forward(tDown, &la.lora, la.act, out, C, N, p)
}

// layerBackward takes a.dx = dL/d(out of block l) and leaves dL/d(x of
// block l) in a.dx, accumulating parameter gradients.
func (p *pass) layerBackward(l int, la *layerActs) {
	m, s, a := p.m, p.s, p.a
	_, C, _, H, KV, D, F := m.Config.dims()
	N := s.B * s.T
	w := &m.W.Layers[l]
	var g Layer // nil views for a frozen base
	if m.Grads != nil {
		g = m.G.Layers[l]
	}
	lo := m.LoRA.layer(l)
	qw := s.QKVWidth()
	cos, sin := m.ropeTables(maxPos(a.pos) + 1)
	// MLP
	nn.LinearBackward(a.dact, F, g.WDown, nil, a.dx, C, la.act, w.WDown, N, F, C, false)
	lo.backward(tDown, &la.lora, &a.lora, la.act, a.dact, F, a.dx, C, N)
	nn.SwiGLUBackward(a.dgu, a.dact, la.gu, N, F)
	nn.LinearBackward(a.dh, C, g.WGU, nil, a.dgu, 2*F, la.h2, w.WGU, N, C, 2*F, false)
	lo.backward(tGate, &la.lora, &a.lora, la.h2, a.dh, C, a.dgu, 2*F, N)
	lo.backward(tUp, &la.lora, &a.lora, la.h2, a.dh, C, a.dgu[F:], 2*F, N)
	nn.RMSNormBackward(a.dx, g.MLPNorm, a.dh, la.xm, w.MLPNorm, la.rstd2, N, C)
	// attention
	nn.LinearBackward(a.datty, H*D, g.WO, nil, a.dx, C, la.atty, w.WO, N, H*D, C, false)
	lo.backward(tO, &la.lora, &a.lora, la.atty, a.datty, H*D, a.dx, C, N)
	nn.AttentionBackward(a.dqkv, a.attnScratch, a.datty, la.lse, la.qkv, p.b.Seg, s)
	nn.RoPEBackward(a.dqkv, N, qw, H, D, a.pos, cos, sin)
	nn.RoPEBackward(a.dqkv[H*D:], N, qw, KV, D, a.pos, cos, sin)
	nn.LinearBackward(a.dh, C, g.WQKV, g.BQKV, a.dqkv, qw, la.h1, w.WQKV, N, C, qw, false)
	lo.backward(tQ, &la.lora, &a.lora, la.h1, a.dh, C, a.dqkv, qw, N)
	lo.backward(tK, &la.lora, &a.lora, la.h1, a.dh, C, a.dqkv[H*D:], qw, N)
	lo.backward(tV, &la.lora, &a.lora, la.h1, a.dh, C, a.dqkv[(H+KV)*D:], qw, N)
	nn.RMSNormBackward(a.dx, g.AttnNorm, a.dh, la.x, w.AttnNorm, la.rstd1, N, C)
}

func maxPos(pos []int32) int {
	mx := int32(0)
	for _, p := range pos {
		mx = max(mx, p)
	}
	return int(mx)
}

// headChunk bounds the logits buffer (in values, 64 MB): the LM head and
// the loss run over chunks of rows, so a 50k vocabulary does not need N×V
// floats. Chunks of a few hundred rows keep the head's weight-gradient
// multiply efficient (each chunk re-reads and re-writes dW).
var headChunk = 1 << 24

func headRows(N, V int) int { return max(1, min(N, headChunk/V)) }

// forward runs the model up to the final norm (hF).
func (p *pass) forward() {
	m, a, b := p.m, p.a, p.b
	_, C, L, _, _, _, _ := m.Config.dims()
	N := b.B * b.T
	b.positions(a.pos)
	nn.EmbeddingForward(a.layers[0].x, m.W.Embed, b.Tokens, C)
	for l := range L {
		out := a.xL
		if l+1 < L {
			out = a.layers[l+1].x
		}
		p.layerForward(l, &a.layers[l], out)
	}
	nn.RMSNormForward(a.hF, a.rstdF, a.xL, m.W.Norm, N, C, m.Config.RMSEps)
}

// lossWeight returns the total loss weight of b and whether any token
// counts (has a target and a non-zero weight).
func lossWeight(b *Batch) (weight float64, counts bool) {
	for n, t := range b.Targets {
		if t == nn.IgnoreIndex {
			continue
		}
		w := 1.0
		if b.Mask != nil {
			w = float64(b.Mask[n])
		}
		weight += w
		counts = counts || w != 0
	}
	return weight, counts
}

// head runs the LM head and the loss chunk by chunk, leaving each token's
// loss in a.losses, and returns the weighted loss sum. When scale is
// non-zero it also writes d(scale·sum)/dhF into a.dh and accumulates the
// head gradient.
func (p *pass) head(scale float64) (sum float64) {
	m, a, b := p.m, p.a, p.b
	V, C, _, _, _, _, _ := m.Config.dims()
	N := b.B * b.T
	var gHead []float32
	if m.Grads != nil {
		gHead = m.G.Head
	}
	rows := len(a.logits) / V // fixed when the buffers were sized
	for r0 := 0; r0 < N; r0 += rows {
		n := min(rows, N-r0)
		logits := a.logits[:n*V]
		var mask []float32
		if b.Mask != nil {
			mask = b.Mask[r0 : r0+n]
		}
		tg := b.Targets[r0 : r0+n]
		nn.LinearForward(logits, V, a.hF[r0*C:], C, m.W.Head, nil, n, C, V)
		s, _ := nn.CrossEntropyForward(a.losses[r0:r0+n], logits, tg, mask, n, V)
		sum += s
		if scale != 0 {
			nn.CrossEntropyBackward(logits, logits, tg, mask, n, V, scale)
			nn.LinearBackward(a.dh[r0*C:], C, gHead, nil, logits, V, a.hF[r0*C:], m.W.Head, n, C, V, false)
		}
	}
	return sum
}

// backward propagates dL/dhF, left in a.dh by head, down to the embedding.
func (p *pass) backward() {
	m, a, b := p.m, p.a, p.b
	_, C, L, _, _, _, _ := m.Config.dims()
	N := b.B * b.T
	var gNorm, gEmbed []float32
	if m.Grads != nil {
		gNorm, gEmbed = m.G.Norm, m.G.Embed
	}
	clear(a.dx)
	nn.RMSNormBackward(a.dx, gNorm, a.dh, a.xL, m.W.Norm, a.rstdF, N, C)
	for l := L - 1; l >= 0; l-- {
		la := &a.layers[l]
		if m.Checkpoint {
			p.layerForward(l, la, a.xOut)
		}
		p.layerBackward(l, la)
	}
	if gEmbed != nil {
		nn.EmbeddingBackward(gEmbed, a.dx, b.Tokens, C)
	}
}

// TrainStep runs the forward and backward pass on b and adds the gradient
// of the batch's loss into Grads and the LoRA gradients. The loss is the
// weighted mean over counted tokens, or the weighted sum when b.SumLoss is
// set; it is 0, with no gradient, when no token counts. Call ZeroGrad
// between optimizer steps.
func (m *Model) TrainStep(b *Batch) (float64, error) {
	if m.Grads == nil && m.LoRA == nil {
		return 0, ErrNothingToTrain
	}
	if m.Grads != nil {
		m.bf16 = nil // the weights are about to change
	}
	return m.run(b, true)
}

// Loss returns b's loss (as TrainStep defines it) without gradients.
func (m *Model) Loss(b *Batch) (float64, error) { return m.run(b, false) }

// TokenLosses returns each token's negative log-likelihood of its target
// (N values, 0 where the target is IgnoreIndex), ignoring Mask. Summing
// them per sequence gives the log-probabilities that DPO and evaluation
// need.
func (m *Model) TokenLosses(b *Batch) ([]float32, error) {
	if err := b.validate(m.Config, true); err != nil {
		return nil, err
	}
	p := m.newPass(b, false)
	p.forward()
	p.head(0)
	return append([]float32(nil), p.a.losses...), nil
}

func (m *Model) run(b *Batch, train bool) (float64, error) {
	if err := b.validate(m.Config, true); err != nil {
		return 0, err
	}
	weight, counts := lossWeight(b)
	if !counts || (!b.SumLoss && weight == 0) {
		return 0, nil
	}
	scale := 1.0
	if !b.SumLoss {
		scale = 1 / weight
	}
	p := m.newPass(b, train)
	p.forward()
	if !train {
		return scale * p.head(0), nil
	}
	loss := scale * p.head(scale)
	p.backward()
	return loss, nil
}

func (m *Model) newPass(b *Batch, train bool) *pass {
	_, _, _, H, KV, D, _ := m.Config.dims()
	p := &pass{m: m, b: b, train: train, s: nn.AttnShape{B: b.B, T: b.T, H: H, KV: KV, D: D}}
	p.a = m.activations(b.B, b.T, train)
	if m.LoRA != nil {
		m.LoRA.step++
		p.seed = m.LoRA.step
	}
	return p
}

// Logits returns the N×V logits of b (Targets may be nil) in a new slice.
func (m *Model) Logits(b *Batch) ([]float32, error) {
	if err := b.validate(m.Config, false); err != nil {
		return nil, err
	}
	p := m.newPass(b, false)
	p.forward()
	V, C, _, _, _, _, _ := m.Config.dims()
	N := b.B * b.T
	out := make([]float32, N*V)
	nn.LinearForward(out, V, p.a.hF, C, m.W.Head, nil, N, C, V)
	return out, nil
}

// ForwardHidden runs the training forward pass up to the final norm and
// returns its output (N×C), for heads other than the LM head (a reward
// model's score, a classifier). The slice is valid until the next pass.
// Follow it with BackwardHidden to train through the model.
func (m *Model) ForwardHidden(b *Batch) ([]float32, error) {
	if m.Grads == nil && m.LoRA == nil {
		return nil, ErrNothingToTrain
	}
	if err := b.validate(m.Config, false); err != nil {
		return nil, err
	}
	if m.Grads != nil {
		m.bf16 = nil
	}
	p := m.newPass(b, true)
	p.forward()
	m.hiddenPass = p
	return p.a.hF, nil
}

// BackwardHidden takes dL/d(hidden) (N×C) for the batch of the preceding
// ForwardHidden and accumulates the gradients of Params and adapters.
func (m *Model) BackwardHidden(dh []float32) error {
	p := m.hiddenPass
	if p == nil || p.a != m.act {
		return fmt.Errorf("backward hidden: no ForwardHidden pass to continue")
	}
	if len(dh) != len(p.a.dh) {
		return fmt.Errorf("backward hidden: %d gradient values for %d hidden values", len(dh), len(p.a.dh))
	}
	m.hiddenPass = nil
	copy(p.a.dh, dh)
	p.backward()
	return nil
}
