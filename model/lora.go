// LoRA adapters (Hu et al. 2021) on any of the q, k, v, o, gate, up and down
// projections: y = x·Wᵀ + s·(dropout(x)·Aᵀ)·Bᵀ with A r×in, B out×r and
// s = alpha/r (alpha/√r with rsLoRA). A starts uniform in ±1/√in (PyTorch's
// kaiming_uniform with a=√5, as PEFT does) and B at zero, so a fresh adapter
// leaves the model unchanged. All adapter weights live in one buffer.
package model

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/tend-project/tend/nn"
	"github.com/tend-project/tend/tensor"
)

// Adapter targets, in the order used everywhere below.
const (
	tQ = iota
	tK
	tV
	tO
	tGate
	tUp
	tDown
	numTargets
)

// targetNames are the PEFT module names of the targets.
var targetNames = [numTargets]string{"q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"}

// LoRAConfig holds the adapter hyper-parameters, named as in PEFT.
type LoRAConfig struct {
	Rank    int      // r
	Alpha   float64  // lora_alpha
	Dropout float64  // lora_dropout, applied to the adapter's input in training
	Targets []string // target_modules, e.g. q_proj, v_proj; or just "all-linear"
	RSLoRA  bool     // use_rslora: scale by alpha/√r instead of alpha/r
}

// LoRA is a set of adapters attached to a model.
type LoRA struct {
	Config LoRAConfig
	Params []float32 // every A and B
	Grads  []float32
	layers []loraLayer
	step   uint64 // dropout stream; advances every pass
}

type loraLayer struct {
	l       int
	r       int
	scale   float32
	dropout float64
	mods    [numTargets]*loraMod
}

type loraMod struct {
	in, out int
	A, B    []float32 // r×in, out×r (views into LoRA.Params)
	gA, gB  []float32
}

// loraActs are an adapter's saved activations in one block.
type loraActs struct {
	u    [numTargets][]float32 // N×r
	seed [numTargets]uint64    // dropout stream of the forward pass; masks are regenerated, not stored
}

// loraScratch is backward scratch shared by all adapters.
type loraScratch struct {
	du, tmp []float32
}

// targetDims returns the in and out widths of target t.
func (c Config) targetDims(t int) (in, out int) {
	_, C, _, H, KV, D, F := c.dims()
	switch t {
	case tQ:
		return C, H * D
	case tK, tV:
		return C, KV * D
	case tO:
		return H * D, C
	case tGate, tUp:
		return C, F
	}
	return F, C
}

// AddLoRA attaches fresh adapters. The base weights stay frozen unless
// EnableGrads was called.
func (m *Model) AddLoRA(cfg LoRAConfig, seed uint64) error {
	lo, err := newLoRA(m.Config, cfg)
	if err != nil {
		return err
	}
	r := rand.New(rand.NewPCG(seed, 0x10a))
	for _, ly := range lo.layers {
		for _, md := range ly.mods {
			if md == nil {
				continue
			}
			bound := 1 / math.Sqrt(float64(md.in))
			for i := range md.A {
				md.A[i] = float32((r.Float64()*2 - 1) * bound)
			}
		}
	}
	m.LoRA = lo
	return nil
}

func newLoRA(c Config, cfg LoRAConfig) (*LoRA, error) {
	if cfg.Rank <= 0 {
		return nil, fmt.Errorf("lora: r must be positive, got %d", cfg.Rank)
	}
	if cfg.Dropout < 0 || cfg.Dropout >= 1 {
		return nil, fmt.Errorf("lora: lora_dropout must be in [0,1), got %v", cfg.Dropout)
	}
	if len(cfg.Targets) == 0 {
		return nil, fmt.Errorf("lora: target_modules is empty")
	}
	var on [numTargets]bool
	if len(cfg.Targets) == 1 && cfg.Targets[0] == "all-linear" {
		cfg.Targets = targetNames[:] // PEFT's shorthand for every projection
	}
	for _, name := range cfg.Targets {
		i := slices.Index(targetNames[:], name)
		if i < 0 {
			return nil, fmt.Errorf("lora: target_modules: unknown module %q (known: %v)", name, targetNames)
		}
		on[i] = true
	}
	size := 0
	for t := range numTargets {
		if on[t] {
			in, out := c.targetDims(t)
			size += cfg.Rank * (in + out)
		}
	}
	size *= c.Layers
	lo := &LoRA{Config: cfg, Params: make([]float32, size), Grads: make([]float32, size), layers: make([]loraLayer, c.Layers)}
	scale := cfg.Alpha / float64(cfg.Rank)
	if cfg.RSLoRA {
		scale = cfg.Alpha / math.Sqrt(float64(cfg.Rank))
	}
	off := 0
	for l := range lo.layers {
		ly := &lo.layers[l]
		*ly = loraLayer{l: l, r: cfg.Rank, scale: float32(scale), dropout: cfg.Dropout}
		for t := range numTargets {
			if !on[t] {
				continue
			}
			in, out := c.targetDims(t)
			r := cfg.Rank
			md := &loraMod{in: in, out: out,
				A: lo.Params[off : off+r*in], gA: lo.Grads[off : off+r*in],
				B: lo.Params[off+r*in : off+r*(in+out)], gB: lo.Grads[off+r*in : off+r*(in+out)]}
			off += r * (in + out)
			ly.mods[t] = md
		}
	}
	return lo, nil
}

func (lo *LoRA) layer(l int) *loraLayer {
	if lo == nil {
		return nil
	}
	return &lo.layers[l]
}

func (lo *LoRA) newActs(N int) loraActs {
	var a loraActs
	if lo == nil {
		return a
	}
	for t, md := range lo.layers[0].mods {
		if md == nil {
			continue
		}
		a.u[t] = make([]float32, N*lo.Config.Rank)
	}
	return a
}

func (lo *LoRA) newScratch(N int) loraScratch {
	if lo == nil {
		return loraScratch{}
	}
	maxIn := 0
	for _, md := range lo.layers[0].mods {
		if md != nil {
			maxIn = max(maxIn, md.in)
		}
	}
	return loraScratch{du: make([]float32, N*lo.Config.Rank), tmp: make([]float32, N*maxIn)}
}

// forward adds target t's adapter term for input x (N×in) into y (row
// stride ldy).
func (ly *loraLayer) forward(t int, la *loraActs, x, y []float32, ldy, N int, p *pass) {
	if ly == nil || ly.mods[t] == nil {
		return
	}
	md, r := ly.mods[t], ly.r
	xd := x
	la.seed[t] = 0
	if p.train && ly.dropout > 0 {
		la.seed[t] = p.seed<<16 ^ uint64(ly.l*numTargets+t+1)
		xd = p.a.lora.tmp[:N*md.in]
		dropout(xd, 0, x, N, md.in, ly.dropout, la.seed[t])
	}
	u := la.u[t]
	nn.Gemm(false, true, N, r, md.in, 1, xd, md.in, md.A, md.in, 0, u, r)
	nn.Gemm(false, true, N, md.out, r, ly.scale, u, r, md.B, r, 1, y, ldy)
}

// backward accumulates the adapter gradients of target t from dy and adds
// its input gradient into dx (row stride ldx).
func (ly *loraLayer) backward(t int, la *loraActs, sc *loraScratch, x, dx []float32, ldx int, dy []float32, ldy, N int) {
	if ly == nil || ly.mods[t] == nil {
		return
	}
	md, r := ly.mods[t], ly.r
	u, seed := la.u[t], la.seed[t]
	du := sc.du[:N*r]
	nn.Gemm(true, false, md.out, r, N, ly.scale, dy, ldy, u, r, 1, md.gB, r)
	nn.Gemm(false, false, N, r, md.out, ly.scale, dy, ldy, md.B, r, 0, du, r)
	xd := x
	if seed != 0 {
		xd = sc.tmp[:N*md.in]
		dropout(xd, 0, x, N, md.in, ly.dropout, seed)
	}
	nn.Gemm(true, false, r, md.in, N, 1, du, r, xd, md.in, 1, md.gA, md.in)
	if seed == 0 {
		nn.Gemm(false, false, N, md.in, r, 1, du, r, md.A, md.in, 1, dx, ldx)
		return
	}
	tmp := sc.tmp[:N*md.in]
	nn.Gemm(false, false, N, md.in, r, 1, du, r, md.A, md.in, 0, tmp, md.in)
	dropout(dx, ldx, tmp, N, md.in, ly.dropout, seed)
}

// dropout applies the dropout mask of stream seed to src (N×in): with
// ldDst 0 it writes dst = src·mask (dst N×in); otherwise it adds src·mask
// into dst, whose rows have stride ldDst. Mask entries are 0 with
// probability p (quantised to 1/65536) and 1/(1-p) otherwise. Each row
// draws from its own splitmix64 stream keyed by seed and row, so the
// backward pass and a checkpointed recomputation regenerate exactly the
// mask of the forward pass, however rows are split over threads, and no
// mask is stored.
func dropout(dst []float32, ldDst int, src []float32, N, in int, p float64, seed uint64) {
	keep := float32(1 / (1 - p))
	thr := uint64(p * 65536)
	tensor.Parallel(N, 1, func(lo, hi int) {
		for n := lo; n < hi; n++ {
			state := seed ^ (uint64(n)+1)*0x9e3779b97f4a7c15
			s := src[n*in : (n+1)*in]
			var bits uint64
			if ldDst == 0 {
				d := dst[n*in : (n+1)*in]
				for i := range s {
					if i%4 == 0 {
						bits = splitmix64(&state)
					}
					d[i] = 0
					if bits&0xffff >= thr {
						d[i] = s[i] * keep
					}
					bits >>= 16
				}
				continue
			}
			d := dst[n*ldDst : n*ldDst+in]
			for i := range s {
				if i%4 == 0 {
					bits = splitmix64(&state)
				}
				if bits&0xffff >= thr {
					d[i] += s[i] * keep
				}
				bits >>= 16
			}
		}
	})
}

// splitmix64 advances state and returns the next 64 random bits.
func splitmix64(state *uint64) uint64 {
	*state += 0x9e3779b97f4a7c15
	z := *state
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return z ^ z>>31
}

// targetWeight returns the base weight view (out×in) that target t adapts.
func (m *Model) targetWeight(l, t int) []float32 {
	_, C, _, H, KV, D, F := m.Config.dims()
	w := m.W.Layers[l]
	q, kv := H*D*C, KV*D*C
	switch t {
	case tQ:
		return w.WQKV[:q]
	case tK:
		return w.WQKV[q : q+kv]
	case tV:
		return w.WQKV[q+kv:]
	case tO:
		return w.WO
	case tGate:
		return w.WGU[:F*C]
	case tUp:
		return w.WGU[F*C:]
	}
	return w.WDown
}

// MergeLoRA folds the adapters into the base weights (W += s·B·A) and
// detaches them.
func (m *Model) MergeLoRA() {
	if m.LoRA == nil {
		return
	}
	for l, ly := range m.LoRA.layers {
		for t, md := range ly.mods {
			if md == nil {
				continue
			}
			nn.Gemm(false, false, md.out, md.in, ly.r, ly.scale, md.B, ly.r, md.A, md.in, 1, m.targetWeight(l, t), md.in)
		}
	}
	m.LoRA = nil
	m.act = nil
	m.bf16 = nil
}
