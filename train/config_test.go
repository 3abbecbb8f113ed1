package train

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestParseConfigErrors(t *testing.T) {
	f := newFixture(t)
	base := fmt.Sprintf("method: sft\nbase_model: %s\ndatasets:\n  - path: %s\noutput_dir: %s\n", f.model, f.convs, t.TempDir())
	tests := []struct {
		name, yaml, want string
	}{
		{"valid", base, ""},
		{"unknown field", base + "lora_rr: 8\n", "line 6: field lora_rr is not a known option"},
		{"unknown dataset field", strings.Replace(base, "  - path:", "  - pth:", 1), "field pth is not a known dataset option"},
		{"bad method", strings.Replace(base, "sft", "ppo", 1), "method: must be one of"},
		{"no base model", strings.Replace(base, "base_model: "+f.model, "base_model: /nonexistent", 1), "base_model:"},
		{"builtin needs pretrain", strings.Replace(base, "base_model: "+f.model, "base_model: tend-mini", 1), "base_model: \"tend-mini\" is a built-in"},
		{"builtin needs tokenizer", strings.Replace(strings.Replace(base, "base_model: "+f.model, "base_model: tend-mini", 1), "sft", "pretrain", 1), "tokenizer: is required"},
		{"no datasets", fmt.Sprintf("method: sft\nbase_model: %s\noutput_dir: x\n", f.model), "datasets: at least one"},
		{"missing dataset", strings.Replace(base, f.convs, "/nope.jsonl", 1), "datasets[0].path:"},
		{"dataset type", strings.Replace(base, "path: "+f.convs, "path: "+f.convs+"\n    type: preferences", 1), "datasets[0].type: method sft needs conversations"},
		{"lr", base + "learning_rate: -1\n", "learning_rate: must be in (0, 1)"},
		{"scheduler", base + "lr_scheduler: step\n", "lr_scheduler:"},
		{"seq len", base + "sequence_len: 4\n", "sequence_len: must be ≥ 8"},
		{"lora r", base + "adapter: lora\nlora_r: 0\nlora_alpha: -1\n", "lora_alpha: must be > 0"},
		{"lora target", base + "adapter: lora\nlora_target_modules: [qq_proj]\n", "lora_target_modules: unknown module \"qq_proj\""},
		{"lora without adapter", base + "lora_r: 8\n", "adapter: lora_* options are set"},
		{"adapter", base + "adapter: qlora\n", "adapter: must be"},
		{"patience", base + "early_stopping_patience: 2\n", "early_stopping_patience: needs eval_steps"},
		{"beta", base + "dpo_beta: -0.1\n", "dpo_beta: must be > 0"},
		{"dpo loss", base + "dpo_loss: hinge\n", "dpo_loss: must be sigmoid or ipo"},
		{"val size", base + "val_set_size: 1.5\n", "val_set_size: must be in [0, 1)"},
		{"dtype", base + "save_dtype: F8\n", "save_dtype:"},
		{"no output", fmt.Sprintf("method: sft\nbase_model: %s\ndatasets:\n  - path: %s\n", f.model, f.convs), "output_dir: is required"},
		{"wrong type", base + "micro_batch_size: four\n", "line 6: cannot unmarshal !!str `four`"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseConfig([]byte(tc.yaml), "run.yaml")
			if tc.want == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) || !errors.Is(err, ErrConfig) {
				t.Fatalf("error = %v, want it to contain %q and wrap ErrConfig", err, tc.want)
			}
			if !strings.Contains(err.Error(), "run.yaml") {
				t.Fatalf("error %q does not name the file", err)
			}
		})
	}
}

func TestDefaults(t *testing.T) {
	c := Config{Method: "sft", Adapter: "lora"}
	c.Defaults()
	if c.LoRAR != 16 || c.LoRAAlpha != 32 || c.LearningRate != 2e-4 || c.LRScheduler != "cosine" || c.NumEpochs != 1 || c.LoRATargetModules[0] != "all-linear" {
		t.Fatalf("defaults = %+v", c)
	}
}

func FuzzParseConfig(f *testing.F) {
	f.Add([]byte("method: sft\nbase_model: x\ndatasets:\n  - path: y\n"))
	f.Add([]byte("learning_rate: [1, 2]\nlora_target_modules: {a: b}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := ParseConfig(data, "fuzz.yaml")
		if err == nil && c.Validate() != nil {
			t.Fatalf("ParseConfig accepted a config that Validate rejects")
		}
	})
}
