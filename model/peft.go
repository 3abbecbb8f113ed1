// LoRA adapters in PEFT's on-disk format: adapter_config.json and
// adapter_model.safetensors with tensor names such as
// base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight (r×in) and
// …lora_B.weight (out×r), so adapters move between tend and PEFT/TRL.
package model

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/tend-project/tend/atomicfile"
)

func peftName(l, t int, ab string) string {
	group := "self_attn"
	if t >= tGate {
		group = "mlp"
	}
	return fmt.Sprintf("base_model.model.model.layers.%d.%s.%s.lora_%s.weight", l, group, targetNames[t], ab)
}

// SaveLoRA writes the attached adapters to dir in PEFT's format. base names
// the base model (base_model_name_or_path).
func (m *Model) SaveLoRA(dir, base string, force bool) error {
	lo := m.LoRA
	if lo == nil {
		return fmt.Errorf("save adapter: the model has no LoRA adapters")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if !force { // check both files before writing either
		for _, name := range []string{"adapter_model.safetensors", "adapter_config.json"} {
			if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
				return fmt.Errorf("%s: %w", filepath.Join(dir, name), atomicfile.ErrExists)
			}
		}
	}
	var targets []string
	for t, md := range lo.layers[0].mods {
		if md != nil {
			targets = append(targets, targetNames[t])
		}
	}
	cfg := map[string]any{
		"peft_type": "LORA", "task_type": "CAUSAL_LM", "r": lo.Config.Rank, "lora_alpha": lo.Config.Alpha,
		"lora_dropout": lo.Config.Dropout, "target_modules": targets, "bias": "none", "fan_in_fan_out": false,
		"use_rslora": lo.Config.RSLoRA, "use_dora": false, "init_lora_weights": true, "inference_mode": true,
		"base_model_name_or_path": base, "modules_to_save": nil, "layers_to_transform": nil,
	}
	js, err := json.MarshalIndent(cfg, "", "  ")
	if err != nil {
		return err
	}
	var ts []Tensor
	for l, ly := range lo.layers {
		for t, md := range ly.mods {
			if md == nil {
				continue
			}
			ts = append(ts,
				Tensor{Name: peftName(l, t, "A"), Shape: []int{ly.r, md.in}, Data: md.A},
				Tensor{Name: peftName(l, t, "B"), Shape: []int{md.out, ly.r}, Data: md.B})
		}
	}
	if err := WriteSafetensors(filepath.Join(dir, "adapter_model.safetensors"), ts, map[string]string{"format": "pt"}, force); err != nil {
		return err
	}
	return atomicfile.WriteFile(filepath.Join(dir, "adapter_config.json"), append(js, '\n'), force)
}

// LoadLoRA reads a PEFT LoRA adapter directory and attaches it.
func (m *Model) LoadLoRA(dir string) error {
	path := filepath.Join(dir, "adapter_config.json")
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var pc struct {
		PeftType      string          `json:"peft_type"`
		R             int             `json:"r"`
		Alpha         float64         `json:"lora_alpha"`
		Dropout       float64         `json:"lora_dropout"`
		Targets       json.RawMessage `json:"target_modules"`
		Bias          string          `json:"bias"`
		FanInFanOut   bool            `json:"fan_in_fan_out"`
		RSLoRA        bool            `json:"use_rslora"`
		DoRA          bool            `json:"use_dora"`
		RankPattern   map[string]any  `json:"rank_pattern"`
		AlphaPattern  map[string]any  `json:"alpha_pattern"`
		LayersToXform json.RawMessage `json:"layers_to_transform"`
	}
	if err := json.Unmarshal(data, &pc); err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	bad := func(field, why string) error { return fmt.Errorf("%s: field %q %s", path, field, why) }
	switch {
	case pc.PeftType != "LORA":
		return bad("peft_type", fmt.Sprintf("is %q; only LORA is supported", pc.PeftType))
	case pc.Bias != "" && pc.Bias != "none":
		return bad("bias", fmt.Sprintf("is %q; only \"none\" is supported", pc.Bias))
	case pc.FanInFanOut:
		return bad("fan_in_fan_out", "is true; not supported for Llama-family models")
	case pc.DoRA:
		return bad("use_dora", "is true; DoRA is not supported")
	case len(pc.RankPattern) > 0 || len(pc.AlphaPattern) > 0:
		return bad("rank_pattern", "or alpha_pattern is set; per-module ranks are not supported")
	case len(pc.LayersToXform) > 0 && string(pc.LayersToXform) != "null":
		return bad("layers_to_transform", "is set; adapters on every layer are required")
	}
	var targets []string
	var one string
	if err := json.Unmarshal(pc.Targets, &one); err == nil && one == "all-linear" {
		targets = []string{one}
	} else if err := json.Unmarshal(pc.Targets, &targets); err != nil {
		return bad("target_modules", "must be a list of module names or \"all-linear\" (regular expressions are not supported)")
	}
	lo, err := newLoRA(m.Config, LoRAConfig{Rank: pc.R, Alpha: pc.Alpha, Dropout: pc.Dropout, Targets: targets, RSLoRA: pc.RSLoRA})
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	st, err := OpenSafetensors(filepath.Join(dir, "adapter_model.safetensors"))
	if err != nil {
		return err
	}
	defer st.Close()
	for l, ly := range lo.layers {
		for t, md := range ly.mods {
			if md == nil {
				continue
			}
			for _, part := range []struct {
				ab    string
				shape []int
				dst   []float32
			}{{"A", []int{ly.r, md.in}, md.A}, {"B", []int{md.out, ly.r}, md.B}} {
				name := peftName(l, t, part.ab)
				info, ok := st.Tensors[name]
				if !ok {
					// PEFT sometimes saves with the adapter name inside.
					alt := name[:len(name)-len(".weight")] + ".default.weight"
					if info, ok = st.Tensors[alt]; !ok {
						return fmt.Errorf("%s: tensor %q is missing", st.Path, name)
					}
					name = alt
				}
				if !slices.Equal(info.Shape, part.shape) {
					return fmt.Errorf("%s: tensor %q: %w: shape %v, adapter_config.json and the model imply %v", st.Path, name, ErrShape, info.Shape, part.shape)
				}
				if err := st.Read(name, part.dst); err != nil {
					return err
				}
			}
		}
	}
	m.LoRA = lo
	m.act = nil
	return nil // adapters stay float32, so bf16 copies of the base remain valid
}
