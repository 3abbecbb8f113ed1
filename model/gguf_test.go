// GGUF export is read back by an independent little parser written from the
// spec, checking the header, metadata, tensor infos, alignment and data.
package model

import (
	"encoding/binary"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"testing"
)

type ggufTensor struct {
	dims []uint64
	typ  uint32
	off  uint64
}

type ggufFile struct {
	version uint32
	kv      map[string]any
	tensors map[string]ggufTensor
	order   []string
	data    []byte // the data section
}

func parseGGUF(t *testing.T, b []byte) *ggufFile {
	t.Helper()
	p := 0
	u32 := func() uint32 { v := binary.LittleEndian.Uint32(b[p:]); p += 4; return v }
	u64 := func() uint64 { v := binary.LittleEndian.Uint64(b[p:]); p += 8; return v }
	str := func() string { n := int(u64()); s := string(b[p : p+n]); p += n; return s }
	var val func(typ uint32) any
	val = func(typ uint32) any {
		switch typ {
		case gguUint32:
			return u32()
		case gguInt32:
			return int32(u32())
		case gguFloat32:
			return math.Float32frombits(u32())
		case gguBool:
			p++
			return b[p-1] == 1
		case gguString:
			return str()
		case gguUint64:
			return u64()
		case gguArray:
			et, n := u32(), u64()
			out := make([]any, n)
			for i := range out {
				out[i] = val(et)
			}
			return out
		}
		t.Fatalf("unexpected metadata type %d at offset %d", typ, p)
		return nil
	}
	if string(b[:4]) != "GGUF" {
		t.Fatalf("magic %q", b[:4])
	}
	p = 4
	f := &ggufFile{version: u32(), kv: map[string]any{}, tensors: map[string]ggufTensor{}}
	nt, nkv := u64(), u64()
	for range nkv {
		k := str()
		f.kv[k] = val(u32())
	}
	for range nt {
		name := str()
		nd := u32()
		dims := make([]uint64, nd)
		for i := range dims {
			dims[i] = u64()
		}
		f.tensors[name] = ggufTensor{dims, u32(), u64()}
		f.order = append(f.order, name)
	}
	start := (p + 31) / 32 * 32
	f.data = b[start:]
	return f
}

func TestGGUFExport(t *testing.T) {
	for _, tc := range []struct {
		arch string
		f16  bool
	}{{"LlamaForCausalLM", false}, {"LlamaForCausalLM", true}, {"Qwen2ForCausalLM", false}} {
		t.Run(fmt.Sprintf("%s/f16=%v", tc.arch, tc.f16), func(t *testing.T) {
			m := tinyModel(t, tc.arch, false)
			path := filepath.Join(t.TempDir(), "m.gguf")
			extra := []KV{{"tokenizer.ggml.model", "gpt2"}, {"tokenizer.ggml.tokens", []string{"a", "b"}}, {"tokenizer.ggml.token_type", []int32{1, 1}}}
			if err := m.ExportGGUF(path, GGUFOptions{F16: tc.f16, Name: "tiny", Extra: extra}); err != nil {
				t.Fatal(err)
			}
			if err := m.ExportGGUF(path, GGUFOptions{}); err == nil {
				t.Error("export over an existing file without Force succeeded")
			}
			raw, _ := os.ReadFile(path)
			f := parseGGUF(t, raw)
			arch := m.Config.ggufArch()
			if f.version != 3 || f.kv["general.architecture"] != arch || f.kv[arch+".block_count"] != uint32(2) ||
				f.kv[arch+".attention.head_count_kv"] != uint32(2) || f.kv["tokenizer.ggml.model"] != "gpt2" {
				t.Fatalf("metadata: %v", f.kv)
			}
			if len(f.kv["tokenizer.ggml.tokens"].([]any)) != 2 {
				t.Error("extra array metadata lost")
			}
			wantTensors := 2 + 2*9 + 1 // embd, output_norm, output + 9 per layer
			if m.Config.QKVBias {
				wantTensors += 2 * 3
			}
			if len(f.tensors) != wantTensors {
				t.Errorf("%d tensors, want %d", len(f.tensors), wantTensors)
			}
			for _, name := range f.order {
				if f.tensors[name].off%32 != 0 {
					t.Errorf("%s offset %d not aligned", name, f.tensors[name].off)
				}
			}
			// Check q rows: GGUF row 2j+s of head h is HF row s·D/2+j.
			C, D := m.Config.Hidden, m.Config.HeadDim
			q := f.tensors["blk.1.attn_q.weight"]
			if q.dims[0] != uint64(C) || q.dims[1] != uint64(m.Config.Heads*D) {
				t.Fatalf("attn_q dims %v", q.dims)
			}
			read := func(ti ggufTensor, i int) float32 {
				if ti.typ == ggmlF16 {
					return f16to32(binary.LittleEndian.Uint16(f.data[int(ti.off)+2*i:]))
				}
				return math.Float32frombits(binary.LittleEndian.Uint32(f.data[int(ti.off)+4*i:]))
			}
			tol := 0.0
			if tc.f16 {
				tol = 1e-3
			}
			hfq := m.W.Layers[1].WQKV
			for h := range m.Config.Heads {
				for j := range D / 2 {
					for s := range 2 {
						src, dst := h*D+s*D/2+j, h*D+2*j+s
						if arch == "qwen2" {
							dst = src
						}
						for c := range C {
							if d := math.Abs(float64(read(q, dst*C+c) - hfq[src*C+c])); d > tol*math.Abs(float64(hfq[src*C+c]))+1e-7 {
								t.Fatalf("attn_q row %d col %d: %v, want %v", dst, c, read(q, dst*C+c), hfq[src*C+c])
							}
						}
					}
				}
			}
			if n := f.tensors["output_norm.weight"]; n.typ != ggmlF32 || read(n, 3) != m.W.Norm[3] {
				t.Error("output_norm.weight not stored exactly as F32")
			}
		})
	}
}
