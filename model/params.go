// The parameter layout: every weight of the model lives in one flat float32
// buffer, with named views into it, so gradients and AdamW moments are
// buffers of the same length with the same views and the optimizer is one
// loop. Projections that read the same input sit next to each other (q, k, v
// and gate, up) so that each pair or triple is one matrix multiply.
package model

import "fmt"

// Layer holds the views of one transformer block. Matrices use Hugging
// Face's out×in layout.
type Layer struct {
	AttnNorm []float32 // C: input_layernorm
	WQKV     []float32 // (H+2KV)·D × C: q_proj, k_proj, v_proj rows
	BQKV     []float32 // (H+2KV)·D: their biases (Qwen2), nil otherwise
	WO       []float32 // C × H·D: o_proj
	MLPNorm  []float32 // C: post_attention_layernorm
	WGU      []float32 // 2F × C: gate_proj rows, then up_proj rows
	WDown    []float32 // C × F: down_proj
}

// Weights holds the views of the whole model.
type Weights struct {
	Embed  []float32 // V × C: embed_tokens
	Layers []Layer
	Norm   []float32 // C: final norm
	Head   []float32 // V × C: lm_head, the same slice as Embed when tied

	noDecay [][2]int // buffer ranges of norm weights and biases
}

// dims returns the model dimensions under their short names.
func (c Config) dims() (V, C, L, H, KV, D, F int) {
	return c.Vocab, c.Hidden, c.Layers, c.Heads, c.KVHeads, c.HeadDim, c.Intermediate
}

func (c Config) layerSize() int {
	_, C, _, H, KV, D, F := c.dims()
	n := C + (H+2*KV)*D*C + C*H*D + C + 2*F*C + C*F
	if c.QKVBias {
		n += (H + 2*KV) * D
	}
	return n
}

// NumParams is the length of the parameter buffer.
func (c Config) NumParams() int {
	V, C, L, _, _, _, _ := c.dims()
	n := V*C + L*c.layerSize() + C
	if !c.TieEmbeddings {
		n += V * C
	}
	return n
}

// views slices buf (NumParams long) into named parameter views.
func (c Config) views(buf []float32) Weights {
	V, C, L, H, KV, D, F := c.dims()
	off := 0
	var w Weights
	take := func(n int) []float32 {
		s := buf[off : off+n : off+n]
		off += n
		return s
	}
	noDecay := func(n int) []float32 {
		w.noDecay = append(w.noDecay, [2]int{off, off + n})
		return take(n)
	}
	w.Embed = take(V * C)
	w.Layers = make([]Layer, L)
	for l := range w.Layers {
		ly := &w.Layers[l]
		ly.AttnNorm = noDecay(C)
		ly.WQKV = take((H + 2*KV) * D * C)
		if c.QKVBias {
			ly.BQKV = noDecay((H + 2*KV) * D)
		}
		ly.WO = take(C * H * D)
		ly.MLPNorm = noDecay(C)
		ly.WGU = take(2 * F * C)
		ly.WDown = take(C * F)
	}
	w.Norm = noDecay(C)
	if c.TieEmbeddings {
		w.Head = w.Embed
	} else {
		w.Head = take(V * C)
	}
	return w
}

// hfTensor is one checkpoint tensor: its Hugging Face name, shape and the
// view that holds it.
type hfTensor struct {
	name  string
	shape []int
	data  []float32
}

// hfTensors lists the checkpoint tensors of w under Hugging Face names, in
// checkpoint order. The tied lm_head is not listed.
func (c Config) hfTensors(w Weights) []hfTensor {
	V, C, _, H, KV, D, F := c.dims()
	q, kv := H*D, KV*D
	ts := []hfTensor{{"model.embed_tokens.weight", []int{V, C}, w.Embed}}
	for l, ly := range w.Layers {
		p := fmt.Sprintf("model.layers.%d.", l)
		ts = append(ts,
			hfTensor{p + "input_layernorm.weight", []int{C}, ly.AttnNorm},
			hfTensor{p + "self_attn.q_proj.weight", []int{q, C}, ly.WQKV[:q*C]},
			hfTensor{p + "self_attn.k_proj.weight", []int{kv, C}, ly.WQKV[q*C : (q+kv)*C]},
			hfTensor{p + "self_attn.v_proj.weight", []int{kv, C}, ly.WQKV[(q+kv)*C:]},
		)
		if ly.BQKV != nil {
			ts = append(ts,
				hfTensor{p + "self_attn.q_proj.bias", []int{q}, ly.BQKV[:q]},
				hfTensor{p + "self_attn.k_proj.bias", []int{kv}, ly.BQKV[q : q+kv]},
				hfTensor{p + "self_attn.v_proj.bias", []int{kv}, ly.BQKV[q+kv:]},
			)
		}
		ts = append(ts,
			hfTensor{p + "self_attn.o_proj.weight", []int{C, q}, ly.WO},
			hfTensor{p + "post_attention_layernorm.weight", []int{C}, ly.MLPNorm},
			hfTensor{p + "mlp.gate_proj.weight", []int{F, C}, ly.WGU[:F*C]},
			hfTensor{p + "mlp.up_proj.weight", []int{F, C}, ly.WGU[F*C:]},
			hfTensor{p + "mlp.down_proj.weight", []int{C, F}, ly.WDown},
		)
	}
	ts = append(ts, hfTensor{"model.norm.weight", []int{C}, w.Norm})
	if !c.TieEmbeddings {
		ts = append(ts, hfTensor{"lm_head.weight", []int{V, C}, w.Head})
	}
	return ts
}
