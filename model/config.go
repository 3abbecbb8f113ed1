// The model's configuration, read from and written to a Hugging Face
// config.json. Only the Llama family is supported: LlamaForCausalLM,
// Qwen2ForCausalLM (q/k/v biases) and MistralForCausalLM without a sliding
// window. Fields tend does not use are kept and written back unchanged.
package model

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/tend-project/tend/atomicfile"
	"github.com/tend-project/tend/nn"
)

// ErrConfig marks a config.json that tend cannot use. Check with errors.Is.
var ErrConfig = errors.New("unsupported model config")

// Config holds the hyper-parameters of a Llama-family model.
type Config struct {
	Architecture  string          // architectures[0], e.g. "LlamaForCausalLM"
	Vocab         int             // vocab_size (V)
	Hidden        int             // hidden_size (C)
	Layers        int             // num_hidden_layers (L)
	Heads         int             // num_attention_heads (H)
	KVHeads       int             // num_key_value_heads (KV)
	HeadDim       int             // head_dim, default hidden_size/num_attention_heads (D)
	Intermediate  int             // intermediate_size (F)
	MaxPos        int             // max_position_embeddings
	RopeTheta     float64         // rope_theta
	RopeScaling   *nn.RopeScaling // rope_scaling, nil when absent
	RMSEps        float64         // rms_norm_eps
	TieEmbeddings bool            // tie_word_embeddings
	QKVBias       bool            // q/k/v projections carry a bias (Qwen2)
	BOS, EOS      []int           // bos_token_id, eos_token_id (either may be a list)

	raw        map[string]any // the whole file, so unknown fields survive a save
	torchDtype string         // torch_dtype to write; "float32" when empty
}

// architectures maps each supported class to its model_type and whether
// its q/k/v projections have biases.
var architectures = map[string]struct {
	modelType string
	qkvBias   bool
}{
	"LlamaForCausalLM":   {"llama", false},
	"Qwen2ForCausalLM":   {"qwen2", true},
	"MistralForCausalLM": {"mistral", false},
}

// LoadConfig reads dir/config.json (or a config.json path).
func LoadConfig(path string) (Config, error) {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		path = filepath.Join(path, "config.json")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return Config{}, err
	}
	c, err := ParseConfig(data)
	if err != nil {
		return Config{}, fmt.Errorf("%s: %w", path, err)
	}
	return c, nil
}

// ParseConfig decodes a config.json document and validates it.
func ParseConfig(data []byte) (Config, error) {
	var raw map[string]any
	if err := json.Unmarshal(data, &raw); err != nil {
		return Config{}, fmt.Errorf("%w: not a JSON object: %v", ErrConfig, err)
	}
	c := Config{raw: raw}
	bad := func(field, why string) error { return fmt.Errorf("%w: field %q %s", ErrConfig, field, why) }
	archs, _ := raw["architectures"].([]any)
	if len(archs) != 1 {
		return c, bad("architectures", "must list exactly one class")
	}
	c.Architecture, _ = archs[0].(string)
	arch, ok := architectures[c.Architecture]
	if !ok {
		return c, bad("architectures", fmt.Sprintf("names %q; supported: LlamaForCausalLM, Qwen2ForCausalLM, MistralForCausalLM", archs[0]))
	}
	c.QKVBias = arch.qkvBias
	ints := []struct {
		field string
		dst   *int
		def   int // 0 = required
	}{
		{"vocab_size", &c.Vocab, 0},
		{"hidden_size", &c.Hidden, 0},
		{"num_hidden_layers", &c.Layers, 0},
		{"num_attention_heads", &c.Heads, 0},
		{"num_key_value_heads", &c.KVHeads, -1},
		{"head_dim", &c.HeadDim, -1},
		{"intermediate_size", &c.Intermediate, 0},
		{"max_position_embeddings", &c.MaxPos, 2048},
	}
	for _, f := range ints {
		v, present := raw[f.field]
		if !present || v == nil {
			if f.def == 0 {
				return c, bad(f.field, "is missing")
			}
			*f.dst = f.def
			continue
		}
		n, ok := v.(float64)
		if !ok || n != float64(int(n)) || n <= 0 || n > 1<<24 {
			return c, bad(f.field, fmt.Sprintf("must be a positive integer below 2^24, got %v", v))
		}
		*f.dst = int(n)
	}
	if c.KVHeads == -1 {
		c.KVHeads = c.Heads
	}
	if c.HeadDim == -1 {
		if c.Hidden%c.Heads != 0 {
			return c, bad("num_attention_heads", "must divide hidden_size when head_dim is absent")
		}
		c.HeadDim = c.Hidden / c.Heads
	}
	if c.Heads%c.KVHeads != 0 {
		return c, bad("num_key_value_heads", fmt.Sprintf("(%d) must divide num_attention_heads (%d)", c.KVHeads, c.Heads))
	}
	if c.NumParams() > 1<<36 {
		return c, fmt.Errorf("%w: %d parameters is beyond what tend can hold in memory", ErrConfig, c.NumParams())
	}
	if c.HeadDim%2 != 0 {
		return c, bad("head_dim", "must be even for rotary embeddings")
	}
	c.RopeTheta = floatField(raw, "rope_theta", 10000)
	c.RMSEps = floatField(raw, "rms_norm_eps", 1e-6)
	if v, ok := raw["tie_word_embeddings"].(bool); ok {
		c.TieEmbeddings = v
	} else if c.Architecture == "Qwen2ForCausalLM" {
		c.TieEmbeddings = false
	}
	if act, ok := raw["hidden_act"].(string); ok && act != "silu" {
		return c, bad("hidden_act", fmt.Sprintf("is %q; only silu is supported", act))
	}
	if b, _ := raw["attention_bias"].(bool); b {
		return c, bad("attention_bias", "is true; only Qwen2-style q/k/v biases are supported")
	}
	if b, _ := raw["mlp_bias"].(bool); b {
		return c, bad("mlp_bias", "is true; MLP biases are not supported")
	}
	if c.Architecture == "MistralForCausalLM" && raw["sliding_window"] != nil {
		return c, bad("sliding_window", "is set; sliding-window attention is not supported (it must be null)")
	}
	if use, _ := raw["use_sliding_window"].(bool); use {
		return c, bad("use_sliding_window", "is true; sliding-window attention is not supported")
	}
	if rs, ok := raw["rope_scaling"].(map[string]any); ok {
		s := &nn.RopeScaling{
			Factor:         floatField(rs, "factor", 1),
			LowFreqFactor:  floatField(rs, "low_freq_factor", 1),
			HighFreqFactor: floatField(rs, "high_freq_factor", 4),
			OriginalMaxPos: int(floatField(rs, "original_max_position_embeddings", 8192)),
		}
		s.Type, _ = rs["rope_type"].(string)
		if s.Type == "" {
			s.Type, _ = rs["type"].(string)
		}
		if _, err := nn.RoPEInvFreq(c.HeadDim, c.RopeTheta, s); err != nil {
			return c, fmt.Errorf("%w: %v", ErrConfig, err)
		}
		c.RopeScaling = s
	}
	c.BOS = idList(raw["bos_token_id"])
	c.EOS = idList(raw["eos_token_id"])
	return c, nil
}

func floatField(m map[string]any, key string, def float64) float64 {
	if v, ok := m[key].(float64); ok {
		return v
	}
	return def
}

func idList(v any) []int {
	switch t := v.(type) {
	case float64:
		return []int{int(t)}
	case []any:
		var ids []int
		for _, x := range t {
			if f, ok := x.(float64); ok {
				ids = append(ids, int(f))
			}
		}
		return ids
	}
	return nil
}

// JSON renders the config as a Hugging Face config.json, keeping unknown
// fields of the file it was read from.
func (c Config) JSON() ([]byte, error) {
	out := map[string]any{}
	for k, v := range c.raw {
		out[k] = v
	}
	arch := architectures[c.Architecture]
	out["architectures"] = []string{c.Architecture}
	out["model_type"] = arch.modelType
	out["vocab_size"] = c.Vocab
	out["hidden_size"] = c.Hidden
	out["num_hidden_layers"] = c.Layers
	out["num_attention_heads"] = c.Heads
	out["num_key_value_heads"] = c.KVHeads
	out["head_dim"] = c.HeadDim
	out["intermediate_size"] = c.Intermediate
	out["max_position_embeddings"] = c.MaxPos
	out["rope_theta"] = c.RopeTheta
	out["rms_norm_eps"] = c.RMSEps
	out["tie_word_embeddings"] = c.TieEmbeddings
	out["hidden_act"] = "silu"
	out["torch_dtype"] = "float32"
	if c.torchDtype != "" {
		out["torch_dtype"] = c.torchDtype
	}
	if c.RopeScaling != nil {
		s := c.RopeScaling
		out["rope_scaling"] = map[string]any{
			"rope_type": s.Type, "factor": s.Factor, "low_freq_factor": s.LowFreqFactor,
			"high_freq_factor": s.HighFreqFactor, "original_max_position_embeddings": s.OriginalMaxPos,
		}
	} else {
		delete(out, "rope_scaling")
	}
	for key, ids := range map[string][]int{"bos_token_id": c.BOS, "eos_token_id": c.EOS} {
		switch len(ids) {
		case 0:
			delete(out, key)
		case 1:
			out[key] = ids[0]
		default:
			out[key] = ids
		}
	}
	return json.MarshalIndent(out, "", "  ")
}

// Save writes dir/config.json atomically.
func (c Config) Save(dir string, force bool) error {
	data, err := c.JSON()
	if err != nil {
		return err
	}
	return atomicfile.WriteFile(filepath.Join(dir, "config.json"), append(data, '\n'), force)
}
