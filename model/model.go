// Package model is a Llama-family causal language model in pure Go:
// configuration and weights in Hugging Face's format, an exact forward and
// backward pass for training (with gradient checkpointing), a KV-cache
// forward for generation, LoRA adapters in PEFT's format, and GGUF export.
//
// A fine-tuning loop, in outline:
//
//	m, _ := model.Load("SmolLM2-135M")       // config.json + safetensors
//	m.AddLoRA(model.LoRAConfig{Rank: 16, Alpha: 32, Targets: []string{"all-linear"}}, 1)
//	opt := model.NewAdamW(len(m.LoRA.Params), 2e-4, 0)
//	for each batch {                          // tokens, next-token targets, loss mask
//		m.ZeroGrad()
//		loss, _ := m.TrainStep(batch)
//		opt.Update(m.LoRA.Params, m.LoRA.Grads)
//	}
//	m.SaveLoRA("adapter", "SmolLM2-135M", false) // or m.MergeLoRA(); m.Save(dir, false)
//
// and generation: c := m.NewKVCache(2048); logits, _ := m.Forward(prompt, 0, c),
// then one token at a time at positions len(prompt), len(prompt)+1, ….
//
// This file holds the Model type and checkpoint loading and saving.
// Dimensions follow package nn: B, T, N = B·T, C, H, KV, D, F, V, L.
package model

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"github.com/tend-project/tend/atomicfile"
	"github.com/tend-project/tend/nn"
)

// ErrShape marks a checkpoint tensor whose shape disagrees with the config.
var ErrShape = errors.New("tensor shape does not match config")

// ErrNothingToTrain is returned by TrainStep when neither the base weights
// (EnableGrads) nor LoRA adapters are trainable.
var ErrNothingToTrain = errors.New("nothing to train: call EnableGrads or AddLoRA first")

// Model is a Llama-family transformer. Forward may run concurrently on
// distinct KV caches. The training methods (TrainStep, Loss, Logits,
// ForwardHidden) use shared activation buffers and change weights, so they
// must not overlap with each other or with Forward.
type Model struct {
	Config Config
	Params []float32 // every parameter, in one buffer
	W      Weights   // named views into Params
	Grads  []float32 // gradient of Params; nil for a frozen base (LoRA)
	G      Weights   // named views into Grads

	// LoRA, when set, adds low-rank adapters to the projections.
	LoRA *LoRA
	// Checkpoint turns on gradient checkpointing: the training forward pass
	// keeps only each layer's input and the backward pass recomputes the
	// rest one layer at a time.
	Checkpoint bool

	invFreq  []float64
	ropeMu   sync.Mutex
	cos, sin []float32 // RoPE tables, maxPos × D/2, grown on demand
	act      *activations
	bf16     *bf16Weights // decode-time weight copies (UseBF16)

	hiddenPass *pass // the ForwardHidden pass awaiting BackwardHidden
}

// New returns a model with random weights: N(0, 0.02) matrices and
// embeddings, unit norms and zero biases, as Hugging Face initialises them.
func New(cfg Config, seed uint64) (*Model, error) {
	m, err := alloc(cfg)
	if err != nil {
		return nil, err
	}
	r := rand.New(rand.NewPCG(seed, 0x7e4d))
	for i := range m.Params {
		m.Params[i] = float32(r.NormFloat64() * 0.02)
	}
	fill := func(s []float32, v float32) {
		for i := range s {
			s[i] = v
		}
	}
	for _, ly := range m.W.Layers {
		fill(ly.AttnNorm, 1)
		fill(ly.MLPNorm, 1)
		fill(ly.BQKV, 0)
	}
	fill(m.W.Norm, 1)
	return m, nil
}

func alloc(cfg Config) (*Model, error) {
	if cfg.raw == nil {
		cfg.raw = map[string]any{}
	}
	if _, ok := architectures[cfg.Architecture]; !ok {
		return nil, fmt.Errorf("%w: architecture %q", ErrConfig, cfg.Architecture)
	}
	inv, err := nn.RoPEInvFreq(cfg.HeadDim, cfg.RopeTheta, cfg.RopeScaling)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrConfig, err)
	}
	m := &Model{Config: cfg, Params: make([]float32, cfg.NumParams()), invFreq: inv}
	m.W = cfg.views(m.Params)
	return m, nil
}

// EnableGrads allocates the gradient buffer so that the base weights train.
// Without it, a training step only updates the LoRA adapters.
func (m *Model) EnableGrads() {
	if m.Grads == nil {
		m.Grads = make([]float32, len(m.Params))
		m.G = m.Config.views(m.Grads)
	}
}

// ZeroGrad clears the gradients of the base weights and of the adapters.
func (m *Model) ZeroGrad() {
	clear(m.Grads)
	if m.LoRA != nil {
		clear(m.LoRA.Grads)
	}
}

// ropeTables returns cos and sin tables covering positions below n. Tables
// are replaced, never modified, so callers may keep using old ones.
func (m *Model) ropeTables(n int) (cos, sin []float32) {
	m.ropeMu.Lock()
	defer m.ropeMu.Unlock()
	h := m.Config.HeadDim / 2
	if len(m.cos) < n*h {
		size := max(n, 2*len(m.cos)/h, 256)
		m.cos, m.sin = make([]float32, size*h), make([]float32, size*h)
		nn.RoPETable(m.cos, m.sin, m.invFreq, size)
	}
	return m.cos, m.sin
}

// Load reads a Hugging Face model directory: config.json plus
// model.safetensors or a sharded model.safetensors.index.json.
func Load(dir string) (*Model, error) {
	cfg, err := LoadConfig(filepath.Join(dir, "config.json"))
	if err != nil {
		return nil, err
	}
	m, err := alloc(cfg)
	if err != nil {
		return nil, err
	}
	files, err := weightFiles(dir)
	if err != nil {
		return nil, err
	}
	open := map[string]*Safetensors{}
	defer func() {
		for _, s := range open {
			s.Close()
		}
	}()
	for _, t := range cfg.hfTensors(m.W) {
		file, ok := files[t.name]
		if !ok {
			return nil, fmt.Errorf("%s: tensor %q is missing from the checkpoint", dir, t.name)
		}
		st := open[file]
		if st == nil {
			if st, err = OpenSafetensors(filepath.Join(dir, file)); err != nil {
				return nil, err
			}
			open[file] = st
		}
		info, ok := st.Tensors[t.name]
		if !ok {
			return nil, fmt.Errorf("%s: tensor %q is missing", st.Path, t.name)
		}
		if !slices.Equal(info.Shape, t.shape) {
			return nil, fmt.Errorf("%s: tensor %q: %w: shape %v, config.json implies %v", st.Path, t.name, ErrShape, info.Shape, t.shape)
		}
		if err := st.Read(t.name, t.data); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// weightFiles maps each tensor name to the safetensors file that holds it.
func weightFiles(dir string) (map[string]string, error) {
	idx := filepath.Join(dir, "model.safetensors.index.json")
	if data, err := os.ReadFile(idx); err == nil {
		var v struct {
			WeightMap map[string]string `json:"weight_map"`
		}
		if err := json.Unmarshal(data, &v); err != nil {
			return nil, fmt.Errorf("%s: %v", idx, err)
		}
		if len(v.WeightMap) == 0 {
			return nil, fmt.Errorf("%s: field \"weight_map\" is missing or empty", idx)
		}
		for name, f := range v.WeightMap {
			if f != filepath.Base(f) {
				return nil, fmt.Errorf("%s: tensor %q: shard %q must be a file in the model directory", idx, name, f)
			}
		}
		return v.WeightMap, nil
	}
	path := filepath.Join(dir, "model.safetensors")
	st, err := OpenSafetensors(path)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	files := map[string]string{}
	for name := range st.Tensors {
		files[name] = "model.safetensors"
	}
	return files, nil
}

// Save writes a Hugging Face model directory (config.json and an F32
// model.safetensors) that Load reads back bit for bit. Other files already
// in dir (a tokenizer, say) are not touched; without force an existing
// checkpoint is not overwritten. Attached LoRA adapters are not part of the
// base checkpoint: save them with SaveLoRA, or MergeLoRA first.
func (m *Model) Save(dir string, force bool) error { return m.SaveAs(dir, "F32", force) }

// SaveAs is Save with the weights stored as dtype: "F32" (exact), or
// "BF16" / "F16" (half the size, rounded to nearest even, so not exact).
// config.json's torch_dtype follows.
func (m *Model) SaveAs(dir, dtype string, force bool) error {
	torchDtype := map[string]string{"F32": "float32", "BF16": "bfloat16", "F16": "float16"}[dtype]
	if torchDtype == "" {
		return fmt.Errorf("save: dtype %q not supported (F32, BF16, F16)", dtype)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if !force { // check every file before writing any
		for _, name := range []string{"model.safetensors.index.json", "model.safetensors", "config.json"} {
			if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
				return fmt.Errorf("%s: %w", filepath.Join(dir, name), atomicfile.ErrExists)
			}
		}
	}
	var ts []Tensor
	for _, t := range m.Config.hfTensors(m.W) {
		ts = append(ts, Tensor{Name: t.name, Shape: t.shape, Data: t.data})
	}
	if err := WriteSafetensorsAs(filepath.Join(dir, "model.safetensors"), ts, map[string]string{"format": "pt"}, dtype, force); err != nil {
		return err
	}
	// A stale index would shadow the new single-file checkpoint; its shards
	// go with it.
	removeShards(dir)
	cfg := m.Config
	cfg.torchDtype = torchDtype
	return cfg.Save(dir, force)
}

// removeShards deletes a sharded checkpoint's index and the shard files it
// names (never model.safetensors itself).
func removeShards(dir string) {
	idx := filepath.Join(dir, "model.safetensors.index.json")
	if data, err := os.ReadFile(idx); err == nil {
		var v struct {
			WeightMap map[string]string `json:"weight_map"`
		}
		if json.Unmarshal(data, &v) == nil {
			for _, f := range v.WeightMap {
				if f == filepath.Base(f) && f != "model.safetensors" {
					os.Remove(filepath.Join(dir, f))
				}
			}
		}
	}
	os.Remove(idx)
}

// CheckFinite returns an error naming the first tensor that holds a NaN or
// an infinity.
func (m *Model) CheckFinite() error {
	for _, t := range m.Config.hfTensors(m.W) {
		for i, v := range t.data {
			if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
				return fmt.Errorf("tensor %q element %d is %v", t.name, i, v)
			}
		}
	}
	return nil
}
