// Tests of checkpoints (save/load round trips, errors), training, the KV
// cache, packing, and LoRA.
package model

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tend-project/tend/atomicfile"
)

func tinyModel(t *testing.T, arch string, tied bool) *Model {
	t.Helper()
	cfg := testConfig(t, arch, 50, 16, 2, 4, 2, 24, tied)
	m, err := New(cfg, 7)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestSaveLoadTrainRoundTrip(t *testing.T) {
	for _, arch := range []string{"LlamaForCausalLM", "Qwen2ForCausalLM", "MistralForCausalLM"} {
		t.Run(arch, func(t *testing.T) {
			m := tinyModel(t, arch, arch == "Qwen2ForCausalLM")
			dir := t.TempDir()
			if err := m.Save(filepath.Join(dir, "a"), false); err != nil {
				t.Fatal(err)
			}
			if err := m.Save(filepath.Join(dir, "a"), false); err == nil {
				t.Error("second Save without force succeeded")
			}
			m2, err := Load(filepath.Join(dir, "a"))
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(m.Params, m2.Params) {
				t.Fatal("loaded parameters differ from saved ones")
			}
			if m2.Config.Architecture != arch || m2.Config.QKVBias != m.Config.QKVBias || m2.Config.TieEmbeddings != m.Config.TieEmbeddings {
				t.Fatalf("config changed: %+v", m2.Config)
			}
			m2.EnableGrads()
			opt := NewAdamW(len(m2.Params), 1e-2, 0.01)
			b := randomBatch(rand.New(rand.NewPCG(3, 3)), 2, 6, 50)
			before, err := m2.TrainStep(b)
			if err != nil {
				t.Fatal(err)
			}
			if err := opt.Update(m2.Params, m2.Grads); err != nil {
				t.Fatal(err)
			}
			after, _ := m2.Loss(b)
			if !(after < before) {
				t.Errorf("loss did not drop after one step: %v → %v", before, after)
			}
			if err := m2.Save(filepath.Join(dir, "b"), false); err != nil {
				t.Fatal(err)
			}
			m3, err := Load(filepath.Join(dir, "b"))
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(m2.Params, m3.Params) {
				t.Fatal("trained parameters did not round-trip")
			}
			if slices.Equal(m.Params, m3.Params) {
				t.Fatal("training changed nothing")
			}
		})
	}
}

func TestLoadErrors(t *testing.T) {
	m := tinyModel(t, "LlamaForCausalLM", false)
	good := filepath.Join(t.TempDir(), "m")
	if err := m.Save(good, false); err != nil {
		t.Fatal(err)
	}
	st, _ := os.ReadFile(filepath.Join(good, "model.safetensors"))
	cfg, _ := os.ReadFile(filepath.Join(good, "config.json"))
	cases := []struct {
		name      string
		st, cfg   []byte
		want      string
		sentinels []error
	}{
		{"truncated data", st[:len(st)-100], cfg, "beyond the", []error{ErrSafetensors}},
		{"truncated header", st[:20], cfg, "header length", []error{ErrSafetensors}},
		{"empty file", nil, cfg, "too short", []error{ErrSafetensors}},
		{"header not json", append([]byte{8, 0, 0, 0, 0, 0, 0, 0}, "{{{{{{{{"...), cfg, "not a JSON object", []error{ErrSafetensors}},
		{"shape mismatch", st, []byte(strings.Replace(string(cfg), `"intermediate_size": 24`, `"intermediate_size": 20`, 1)), `"model.layers.0.mlp.gate_proj.weight"`, []error{ErrShape}},
		{"unknown architecture", st, []byte(strings.Replace(string(cfg), "LlamaForCausalLM", "GPT2LMHeadModel", 1)), `field "architectures"`, []error{ErrConfig}},
		{"missing field", st, []byte(strings.Replace(string(cfg), `"hidden_size"`, `"hidden"`, 1)), `field "hidden_size" is missing`, []error{ErrConfig}},
		{"sliding window", st, []byte(strings.Replace(string(cfg), `"LlamaForCausalLM"`, `"MistralForCausalLM"], "sliding_window": [4096`, 1)), `"sliding_window"`, []error{ErrConfig}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			os.WriteFile(filepath.Join(dir, "model.safetensors"), tc.st, 0o644)
			os.WriteFile(filepath.Join(dir, "config.json"), tc.cfg, 0o644)
			_, err := Load(dir)
			if err == nil {
				t.Fatal("Load succeeded")
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not mention %q", err, tc.want)
			}
			for _, s := range tc.sentinels {
				if !errors.Is(err, s) {
					t.Errorf("error %q is not %v", err, s)
				}
			}
		})
	}
}

func TestShardedLoad(t *testing.T) {
	m := tinyModel(t, "LlamaForCausalLM", false)
	dir := t.TempDir()
	all := m.Config.hfTensors(m.W)
	var a, b []Tensor
	index := map[string]string{}
	for i, ts := range all {
		file := "model-00001-of-00002.safetensors"
		if i%2 == 1 {
			file = "model-00002-of-00002.safetensors"
			b = append(b, Tensor{ts.name, ts.shape, ts.data})
		} else {
			a = append(a, Tensor{ts.name, ts.shape, ts.data})
		}
		index[ts.name] = file
	}
	// BF16 shard: values that are exact in bf16 round-trip exactly.
	for _, ts := range a {
		for i := range ts.Data {
			ts.Data[i] = math.Float32frombits(math.Float32bits(ts.Data[i]) &^ 0xffff)
		}
	}
	writeBF16(t, filepath.Join(dir, "model-00001-of-00002.safetensors"), a)
	if err := WriteSafetensors(filepath.Join(dir, "model-00002-of-00002.safetensors"), b, nil, false); err != nil {
		t.Fatal(err)
	}
	js := `{"metadata":{},"weight_map":{`
	i := 0
	for name, f := range index {
		if i > 0 {
			js += ","
		}
		js += `"` + name + `":"` + f + `"`
		i++
	}
	os.WriteFile(filepath.Join(dir, "model.safetensors.index.json"), []byte(js+"}}"), 0o644)
	if err := m.Config.Save(dir, false); err != nil {
		t.Fatal(err)
	}
	m2, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(m.Params, m2.Params) {
		t.Fatal("sharded BF16+F32 checkpoint loaded different values")
	}
	// Saving over it needs force, and then replaces the shards by one file.
	if err := m2.Save(dir, false); !errors.Is(err, atomicfile.ErrExists) {
		t.Errorf("save over a sharded checkpoint without force: %v", err)
	}
	if err := m2.Save(dir, true); err != nil {
		t.Fatal(err)
	}
	left, _ := filepath.Glob(filepath.Join(dir, "model-*"))
	if _, err := os.Stat(filepath.Join(dir, "model.safetensors.index.json")); err == nil || len(left) > 0 {
		t.Errorf("stale shards left behind: %v", left)
	}
	if m3, err := Load(dir); err != nil || !slices.Equal(m3.Params, m.Params) {
		t.Errorf("reload after replacing shards: %v", err)
	}
}

// writeBF16 writes tensors as BF16 (truncating) with a hand-built header.
func writeBF16(t *testing.T, path string, ts []Tensor) { writeHalf(t, path, ts, "BF16") }

// writeHalf writes tensors as BF16 (truncating) or F16 (rounding).
func writeHalf(t *testing.T, path string, ts []Tensor, dtype string) {
	t.Helper()
	hdr := "{"
	var data []byte
	for i, x := range ts {
		if i > 0 {
			hdr += ","
		}
		begin := len(data)
		for _, v := range x.Data {
			u := uint16(math.Float32bits(v) >> 16)
			if dtype == "F16" {
				u = f32to16(v)
			}
			data = append(data, byte(u), byte(u>>8))
		}
		shape, _ := json.Marshal(x.Shape)
		hdr += fmt.Sprintf(`%q:{"dtype":%q,"shape":%s,"data_offsets":[%d,%d]}`, x.Name, dtype, shape, begin, len(data))
	}
	hdr += "}"
	out := binary.LittleEndian.AppendUint64(nil, uint64(len(hdr)))
	out = append(append(out, hdr...), data...)
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestReadF16(t *testing.T) {
	want := []float32{0, 1, -2.5, 65504, 6e-8, -0.000123, 3.14159}
	path := filepath.Join(t.TempDir(), "h.safetensors")
	writeHalf(t, path, []Tensor{{Name: "x", Shape: []int{7}, Data: want}}, "F16")
	st, err := OpenSafetensors(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	got := make([]float32, 7)
	if err := st.Read("x", got); err != nil {
		t.Fatal(err)
	}
	for i := range want {
		if got[i] != f16to32(f32to16(want[i])) || math.Abs(float64(got[i]-want[i])) > 1e-3*math.Abs(float64(want[i]))+6e-8 {
			t.Errorf("x[%d] = %v, want ≈ %v", i, got[i], want[i])
		}
	}
	if err := st.Read("x", make([]float32, 3)); err == nil || !strings.Contains(err.Error(), `"x"`) {
		t.Errorf("size mismatch: %v", err)
	}
}

func TestF16Conversion(t *testing.T) {
	for h := range 1 << 16 {
		f := f16to32(uint16(h))
		if f != f { // NaN payloads need not round-trip
			continue
		}
		if got := f32to16(f); got != uint16(h) {
			t.Fatalf("f16 %#04x → %v → %#04x", h, f, got)
		}
	}
	if got := f16to32(f32to16(1.0009765625 + 1e-7)); got != 1.0009765625 {
		t.Errorf("rounding: got %v", got)
	}
}

func TestBatchErrors(t *testing.T) {
	m := tinyModel(t, "LlamaForCausalLM", false)
	m.EnableGrads()
	ok := func() *Batch { return randomBatch(rand.New(rand.NewPCG(1, 1)), 2, 3, 50) }
	cases := map[string]func(b *Batch){
		"short tokens":       func(b *Batch) { b.Tokens = b.Tokens[:5] },
		"token out of range": func(b *Batch) { b.Tokens[2] = 50 },
		"negative token":     func(b *Batch) { b.Tokens[0] = -1 },
		"bad target":         func(b *Batch) { b.Targets[1] = -7 },
		"mask length":        func(b *Batch) { b.Mask = []float32{1} },
		"seg length":         func(b *Batch) { b.Seg = []int32{0, 0} },
		"negative position":  func(b *Batch) { b.Pos = []int32{0, 1, -2, 0, 1, 2} },
		"zero rows":          func(b *Batch) { b.B = 0 },
	}
	for name, mutate := range cases {
		b := ok()
		mutate(b)
		if _, err := m.TrainStep(b); !errors.Is(err, ErrBatch) {
			t.Errorf("%s: got %v, want ErrBatch", name, err)
		}
	}
	b := ok()
	for i := range b.Targets {
		b.Targets[i] = -100
	}
	if loss, err := m.TrainStep(b); err != nil || loss != 0 {
		t.Errorf("all targets ignored: loss %v, err %v", loss, err)
	}
}

func TestAdamWNoDecay(t *testing.T) {
	m := tinyModel(t, "Qwen2ForCausalLM", false)
	ranges := m.NoDecayRanges()
	if len(ranges) != 2*3+1 {
		t.Fatalf("%d no-decay ranges, want 7 (2 norms and a bias per layer, final norm)", len(ranges))
	}
	if r := ranges[len(ranges)-1]; !slices.Equal(m.Params[r[0]:r[1]], m.W.Norm) {
		t.Fatal("last range is not the final norm")
	}
	// With zero gradients only weight decay moves parameters.
	before := slices.Clone(m.Params)
	opt := NewAdamW(len(m.Params), 0.1, 0.5)
	opt.NoDecay = ranges
	if err := opt.Update(m.Params, make([]float32, len(m.Params))); err != nil {
		t.Fatal(err)
	}
	in := func(i int) bool {
		for _, r := range ranges {
			if i >= r[0] && i < r[1] {
				return true
			}
		}
		return false
	}
	for i := range before {
		want := before[i]
		if !in(i) {
			want = before[i] * (1 - 0.1*0.5)
		}
		if math.Abs(float64(m.Params[i]-want)) > 1e-7 {
			t.Fatalf("param %d: %v → %v, want %v", i, before[i], m.Params[i], want)
		}
	}
	opt.NoDecay = [][2]int{{0, 10}, {5, 20}}
	if err := opt.Update(m.Params, make([]float32, len(m.Params))); err == nil {
		t.Error("overlapping ranges accepted")
	}
}

func TestSumLossAndTokenLosses(t *testing.T) {
	m := tinyModel(t, "LlamaForCausalLM", false)
	m.EnableGrads()
	b := randomBatch(rand.New(rand.NewPCG(12, 12)), 2, 4, 50)
	b.Targets[5] = -100
	tl, err := m.TokenLosses(b)
	if err != nil {
		t.Fatal(err)
	}
	if tl[5] != 0 {
		t.Errorf("ignored token has loss %v", tl[5])
	}
	var sum float64
	for _, x := range tl {
		sum += float64(x)
	}
	mean, _ := m.Loss(b)
	if math.Abs(sum/7-mean) > 1e-5 {
		t.Errorf("token losses average %v, Loss %v", sum/7, mean)
	}
	// A DPO-style signed sum: +1 on row 0, -1 on row 1. Its gradient is the
	// difference of the two rows' summed-loss gradients.
	grad := func(mask []float32) []float32 {
		m.ZeroGrad()
		bb := *b
		bb.Mask, bb.SumLoss = mask, true
		if _, err := m.TrainStep(&bb); err != nil {
			t.Fatal(err)
		}
		return slices.Clone(m.Grads)
	}
	signed := grad([]float32{1, 1, 1, 1, -1, -1, -1, -1})
	g0 := grad([]float32{1, 1, 1, 1, 0, 0, 0, 0})
	g1 := grad([]float32{0, 0, 0, 0, 1, 1, 1, 1})
	worst := 0.0
	for i := range signed {
		worst = max(worst, math.Abs(float64(signed[i]-(g0[i]-g1[i]))))
	}
	if worst > 1e-5 {
		t.Errorf("signed-sum gradient differs from the difference of parts by %.3g", worst)
	}
	bb := *b
	bb.Mask, bb.SumLoss = []float32{1, 1, 1, 1, -1, -1, -1, -1}, true
	got, _ := m.Loss(&bb)
	want := float64(tl[0]+tl[1]+tl[2]+tl[3]) - float64(tl[4]+tl[6]+tl[7])
	if math.Abs(got-want) > 1e-4 {
		t.Errorf("signed sum loss %v, want %v", got, want)
	}
}

// A scalar head on the hidden states (as a reward model has): the gradient
// from BackwardHidden matches finite differences of the head's output.
func TestForwardBackwardHidden(t *testing.T) {
	m := tinyModel(t, "LlamaForCausalLM", true)
	m.EnableGrads()
	b := randomBatch(rand.New(rand.NewPCG(13, 13)), 2, 4, 50)
	b.Targets = nil
	r := make([]float32, 2*4*16)
	for i := range r {
		r[i] = float32(math.Sin(float64(i)))
	}
	score := func() float64 {
		h, err := m.ForwardHidden(b)
		if err != nil {
			t.Fatal(err)
		}
		var s float64
		for i := range h {
			s += float64(h[i] * r[i])
		}
		return s
	}
	score()
	if err := m.BackwardHidden(r); err != nil {
		t.Fatal(err)
	}
	if err := m.BackwardHidden(r); err == nil {
		t.Error("a second BackwardHidden without ForwardHidden succeeded")
	}
	grads := slices.Clone(m.Grads)
	for _, i := range []int{5, 900, 2000, len(m.Params) - 3} {
		old := m.Params[i]
		m.Params[i] = old + 1e-2
		sp := score()
		m.Params[i] = old - 1e-2
		sm := score()
		m.Params[i] = old
		num := (sp - sm) / 2e-2
		if math.Abs(num-float64(grads[i])) > 2e-3+2e-2*math.Abs(num) {
			t.Errorf("param %d: analytic %v, numeric %v", i, grads[i], num)
		}
	}
}

// A tiny model learns a fixed cycle of tokens: a smoke test of the whole
// training path (forward, backward, AdamW) over many steps, with a loss mask
// and packed segments.
func TestTinyModelLearns(t *testing.T) {
	m := tinyModel(t, "LlamaForCausalLM", true)
	m.EnableGrads()
	opt := NewAdamW(len(m.Params), 1e-2, 0.01)
	opt.NoDecay = m.NoDecayRanges()
	cycle := []int32{5, 17, 3, 42, 8, 29, 11}
	b := &Batch{B: 2, T: 12, Tokens: make([]int32, 24), Targets: make([]int32, 24), Seg: make([]int32, 24)}
	for i := range b.Tokens {
		b.Tokens[i] = cycle[i%len(cycle)]
		b.Targets[i] = cycle[(i+1)%len(cycle)]
		b.Seg[i] = int32(i / 8) // three packed documents
		if i%8 == 7 {
			b.Targets[i] = -100 // no target across a document boundary
		}
	}
	first, _ := m.Loss(b)
	var last float64
	for range 80 {
		m.ZeroGrad()
		l, err := m.TrainStep(b)
		if err != nil {
			t.Fatal(err)
		}
		last = l
		opt.Update(m.Params, m.Grads)
	}
	if !(last < 0.1*first) {
		t.Errorf("loss %v → %v after 80 steps; want a 10× drop", first, last)
	}
	t.Logf("loss %.3f → %.4f", first, last)
}

func TestSaveHalfPrecision(t *testing.T) {
	m := tinyModel(t, "LlamaForCausalLM", false)
	for _, dtype := range []string{"BF16", "F16"} {
		dir := filepath.Join(t.TempDir(), dtype)
		if err := m.SaveAs(dir, dtype, false); err != nil {
			t.Fatal(err)
		}
		m2, err := Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		for i, v := range m.Params {
			want := f16to32(f32to16(v))
			if dtype == "BF16" {
				want = math.Float32frombits(uint32(f32toBF16(v)) << 16)
			}
			if m2.Params[i] != want {
				t.Fatalf("%s: param %d = %v, want %v", dtype, i, m2.Params[i], want)
			}
		}
		cfg, _ := os.ReadFile(filepath.Join(dir, "config.json"))
		if want := map[string]string{"BF16": `"bfloat16"`, "F16": `"float16"`}[dtype]; !strings.Contains(string(cfg), want) {
			t.Errorf("%s: config.json lacks torch_dtype %s", dtype, want)
		}
	}
	if err := m.SaveAs(t.TempDir(), "Q4", true); err == nil {
		t.Error("unknown dtype accepted")
	}
}

func TestConfigKeepsUnknownFields(t *testing.T) {
	src := `{"architectures":["Qwen2ForCausalLM"],"vocab_size":50,"hidden_size":16,"num_hidden_layers":1,
		"num_attention_heads":4,"num_key_value_heads":2,"intermediate_size":24,"torch_dtype":"bfloat16",
		"use_sliding_window":false,"sliding_window":4096,"transformers_version":"4.45.0","bos_token_id":1,"eos_token_id":[2,3],
		"rope_scaling":{"rope_type":"linear","factor":2.0}}`
	c, err := ParseConfig([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	js, err := c.JSON()
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(js, &got); err != nil {
		t.Fatal(err)
	}
	if got["transformers_version"] != "4.45.0" || got["sliding_window"] != 4096.0 || got["torch_dtype"] != "float32" {
		t.Errorf("fields not kept or updated: %v", got)
	}
	c2, err := ParseConfig(js)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(c2.EOS, []int{2, 3}) || c2.RopeScaling == nil || c2.RopeScaling.Factor != 2 || !c2.QKVBias || c2.HeadDim != 4 {
		t.Errorf("round trip changed the config: %+v", c2)
	}
}
