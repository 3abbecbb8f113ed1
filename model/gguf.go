// GGUF export (format version 3, as specified in ggml's docs/gguf.md) so
// that llama.cpp and Ollama can run a tend model. Layout: magic "GGUF",
// version, tensor and key/value counts, the key/value metadata, the tensor
// infos (name, dims innermost first, ggml type, offset), padding to the
// alignment (32), then the tensor data, each tensor aligned.
//
// Llama and Mistral models export as architecture "llama", whose rotary
// embedding pairs adjacent values, so q and k rows are permuted per head
// from Hugging Face's rotate-half order, as llama.cpp's converter does.
// Qwen2 exports as "qwen2" (rotate-half, no permutation). Tokenizer keys
// (tokenizer.ggml.*) are passed in by the caller through Extra.
package model

import (
	"encoding/binary"
	"fmt"
	"math"
	"slices"

	"github.com/tend-project/tend/atomicfile"
	"github.com/tend-project/tend/nn"
)

// GGUF ggml tensor types and file types.
const (
	ggmlF32 = 0
	ggmlF16 = 1

	ggufAlign = 32
)

// GGUF metadata value types.
const (
	gguUint8 = iota
	gguInt8
	gguUint16
	gguInt16
	gguUint32
	gguInt32
	gguFloat32
	gguBool
	gguString
	gguArray
	gguUint64
	gguInt64
	gguFloat64
)

// KV is one GGUF metadata entry. Value may be a string, bool, uint32,
// int32, float32, uint64, int64, float64, or a slice of string, int32,
// uint32 or float32.
type KV struct {
	Key   string
	Value any
}

// GGUFOptions controls an export.
type GGUFOptions struct {
	F16   bool   // store matrices as F16 (norms and biases stay F32)
	Name  string // general.name
	Extra []KV   // more metadata, e.g. tokenizer.ggml.* from the tokenizer
	Force bool   // overwrite an existing file
}

// ggufArch returns the llama.cpp architecture name.
func (c Config) ggufArch() string {
	if c.Architecture == "Qwen2ForCausalLM" {
		return "qwen2"
	}
	return "llama"
}

// ExportGGUF writes the model to path. Merge LoRA adapters (MergeLoRA)
// first; an attached adapter is an error rather than silently dropped.
func (m *Model) ExportGGUF(path string, opt GGUFOptions) error {
	if m.LoRA != nil {
		return fmt.Errorf("gguf: the model has LoRA adapters attached; call MergeLoRA before exporting")
	}
	c := m.Config
	arch := c.ggufArch()
	V, C, L, H, KV_, D, F := c.dims()
	fileType := uint32(0)
	if opt.F16 {
		fileType = 1
	}
	name := opt.Name
	if name == "" {
		name = "tend"
	}
	kvs := []KV{
		{"general.architecture", arch},
		{"general.name", name},
		{"general.file_type", fileType},
		{"general.quantization_version", uint32(2)},
		{arch + ".context_length", uint32(c.MaxPos)},
		{arch + ".embedding_length", uint32(C)},
		{arch + ".block_count", uint32(L)},
		{arch + ".feed_forward_length", uint32(F)},
		{arch + ".attention.head_count", uint32(H)},
		{arch + ".attention.head_count_kv", uint32(KV_)},
		{arch + ".attention.key_length", uint32(D)},
		{arch + ".attention.value_length", uint32(D)},
		{arch + ".attention.layer_norm_rms_epsilon", float32(c.RMSEps)},
		{arch + ".rope.freq_base", float32(c.RopeTheta)},
		{arch + ".rope.dimension_count", uint32(D)},
		{arch + ".vocab_size", uint32(V)},
	}
	if s := c.RopeScaling; s != nil && s.Type == "linear" {
		kvs = append(kvs, KV{arch + ".rope.scaling.type", "linear"}, KV{arch + ".rope.scaling.factor", float32(s.Factor)})
	}
	for _, e := range opt.Extra {
		if slices.ContainsFunc(kvs, func(k KV) bool { return k.Key == e.Key }) {
			return fmt.Errorf("gguf: metadata key %q given twice", e.Key)
		}
		kvs = append(kvs, e)
	}

	type gt struct {
		name string
		dims []int // innermost first
		data []float32
		typ  uint32
	}
	var ts []gt
	add := func(name string, shape []int, data []float32) {
		typ := uint32(ggmlF32)
		if opt.F16 && len(shape) == 2 {
			typ = ggmlF16
		}
		dims := slices.Clone(shape)
		slices.Reverse(dims)
		ts = append(ts, gt{name, dims, data, typ})
	}
	permute := arch == "llama"
	add("token_embd.weight", []int{V, C}, m.W.Embed)
	for l, ly := range m.W.Layers {
		p := fmt.Sprintf("blk.%d.", l)
		q, kv := H*D, KV_*D
		wq, wk := ly.WQKV[:q*C], ly.WQKV[q*C:(q+kv)*C]
		if permute {
			wq, wk = permuteRows(wq, H, D, C), permuteRows(wk, KV_, D, C)
		}
		add(p+"attn_norm.weight", []int{C}, ly.AttnNorm)
		add(p+"attn_q.weight", []int{q, C}, wq)
		add(p+"attn_k.weight", []int{kv, C}, wk)
		add(p+"attn_v.weight", []int{kv, C}, ly.WQKV[(q+kv)*C:])
		if ly.BQKV != nil {
			bq, bk := ly.BQKV[:q], ly.BQKV[q:q+kv]
			if permute {
				bq, bk = permuteRows(bq, H, D, 1), permuteRows(bk, KV_, D, 1)
			}
			add(p+"attn_q.bias", []int{q}, bq)
			add(p+"attn_k.bias", []int{kv}, bk)
			add(p+"attn_v.bias", []int{kv}, ly.BQKV[q+kv:])
		}
		add(p+"attn_output.weight", []int{C, q}, ly.WO)
		add(p+"ffn_norm.weight", []int{C}, ly.MLPNorm)
		add(p+"ffn_gate.weight", []int{F, C}, ly.WGU[:F*C])
		add(p+"ffn_up.weight", []int{F, C}, ly.WGU[F*C:])
		add(p+"ffn_down.weight", []int{C, F}, ly.WDown)
	}
	add("output_norm.weight", []int{C}, m.W.Norm)
	if !c.TieEmbeddings {
		add("output.weight", []int{V, C}, m.W.Head)
	}
	if s := c.RopeScaling; s != nil && s.Type == "llama3" {
		// llama.cpp applies llama3 scaling as per-frequency divisors.
		plain, err := nn.RoPEInvFreq(D, c.RopeTheta, nil)
		if err != nil {
			return err
		}
		f := make([]float32, len(plain))
		for i := range f {
			f[i] = float32(plain[i] / m.invFreq[i])
		}
		ts = append(ts, gt{"rope_freqs.weight", []int{len(f)}, f, ggmlF32})
	}

	file, err := atomicfile.Create(path, opt.Force)
	if err != nil {
		return err
	}
	defer file.Abort()
	w := newBufWriter(file)
	w.write([]byte("GGUF"))
	w.u32(3)
	w.u64(uint64(len(ts)))
	w.u64(uint64(len(kvs)))
	for _, e := range kvs {
		w.str(e.Key)
		if err := w.value(e.Value); err != nil {
			return fmt.Errorf("gguf: metadata %q: %w", e.Key, err)
		}
	}
	var off uint64
	for _, t := range ts {
		w.str(t.name)
		w.u32(uint32(len(t.dims)))
		for _, d := range t.dims {
			w.u64(uint64(d))
		}
		w.u32(t.typ)
		w.u64(off)
		size := uint64(len(t.data)) * 4
		if t.typ == ggmlF16 {
			size = uint64(len(t.data)) * 2
		}
		off = alignUp(off+size, ggufAlign)
	}
	w.pad(ggufAlign)
	start := w.n
	for _, t := range ts {
		if t.typ == ggmlF16 {
			w.f16(t.data)
		} else {
			w.f32(t.data)
		}
		w.padFrom(start, ggufAlign)
	}
	if err := w.flush(); err != nil {
		return err
	}
	return file.Commit()
}

// permuteRows reorders the rows of each head (D rows of width cols) from
// rotate-half order (i, i+D/2) to interleaved pairs (2i, 2i+1).
func permuteRows(w []float32, heads, D, cols int) []float32 {
	out := make([]float32, len(w))
	h := D / 2
	for hd := range heads {
		for j := range h {
			for s := range 2 {
				src := (hd*D + s*h + j) * cols
				dst := (hd*D + 2*j + s) * cols
				copy(out[dst:dst+cols], w[src:src+cols])
			}
		}
	}
	return out
}

func alignUp(n, a uint64) uint64 { return (n + a - 1) / a * a }

func (b *bufWriter) u32(v uint32) { b.write(binary.LittleEndian.AppendUint32(nil, v)) }
func (b *bufWriter) u64(v uint64) { b.write(binary.LittleEndian.AppendUint64(nil, v)) }
func (b *bufWriter) str(s string) { b.u64(uint64(len(s))); b.write([]byte(s)) }

func (b *bufWriter) pad(a int64) {
	if r := b.n % a; r != 0 {
		b.write(make([]byte, a-r))
	}
}

func (b *bufWriter) padFrom(start, a int64) {
	if r := (b.n - start) % a; r != 0 {
		b.write(make([]byte, a-r))
	}
}

// value writes a typed GGUF metadata value.
func (b *bufWriter) value(v any) error {
	switch x := v.(type) {
	case string:
		b.u32(gguString)
		b.str(x)
	case bool:
		b.u32(gguBool)
		if x {
			b.write([]byte{1})
		} else {
			b.write([]byte{0})
		}
	case uint32:
		b.u32(gguUint32)
		b.u32(x)
	case int32:
		b.u32(gguInt32)
		b.u32(uint32(x))
	case float32:
		b.u32(gguFloat32)
		b.u32(math.Float32bits(x))
	case uint64:
		b.u32(gguUint64)
		b.u64(x)
	case int64:
		b.u32(gguInt64)
		b.u64(uint64(x))
	case float64:
		b.u32(gguFloat64)
		b.u64(math.Float64bits(x))
	case []string:
		b.u32(gguArray)
		b.u32(gguString)
		b.u64(uint64(len(x)))
		for _, s := range x {
			b.str(s)
		}
	case []int32:
		b.u32(gguArray)
		b.u32(gguInt32)
		b.u64(uint64(len(x)))
		for _, n := range x {
			b.u32(uint32(n))
		}
	case []uint32:
		b.u32(gguArray)
		b.u32(gguUint32)
		b.u64(uint64(len(x)))
		for _, n := range x {
			b.u32(n)
		}
	case []float32:
		b.u32(gguArray)
		b.u32(gguFloat32)
		b.u64(uint64(len(x)))
		for _, f := range x {
			b.u32(math.Float32bits(f))
		}
	default:
		return fmt.Errorf("unsupported value type %T", v)
	}
	return nil
}
