package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tend-project/tend/generate/generatetest"
)

// Flags override the YAML file; unset flags leave it alone, and a config
// whose method disagrees with the subcommand is refused.
func TestTrainFlagsOverrideConfig(t *testing.T) {
	dir := t.TempDir()
	modelDir := generatetest.TinyModelDir(t)
	data := filepath.Join(dir, "c.jsonl")
	os.WriteFile(data, []byte(`{"id":"a","messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"hello"}]}`+"\n"), 0o644)
	cfgPath := filepath.Join(dir, "run.yaml")
	os.WriteFile(cfgPath, []byte("method: sft\nbase_model: "+modelDir+"\ndatasets:\n  - path: "+data+"\noutput_dir: "+dir+"/out\nlearning_rate: 1.0e-4\nnum_epochs: 3\n"), 0o644)

	cmd := newTrainMethodCmd("sft")
	if err := cmd.ParseFlags([]string{"--config", cfgPath, "--max-steps", "7", "--lora-r", "4", "--adapter", "lora"}); err != nil {
		t.Fatal(err)
	}
	f := &trainFlags{}
	f.config = cfgPath
	f.steps, f.loraR, f.adapter = 7, 4, "lora"
	c, err := f.apply(cmd.Flags(), "sft")
	if err != nil {
		t.Fatal(err)
	}
	if c.MaxSteps != 7 || c.NumEpochs != 0 || c.LoRAR != 4 || c.Adapter != "lora" || c.LearningRate != 1e-4 {
		t.Fatalf("config after flags = %+v", c)
	}
	if _, err := f.apply(cmd.Flags(), "dpo"); err == nil || !strings.Contains(err.Error(), "method is \"sft\"") {
		t.Fatalf("method mismatch error = %v", err)
	}
}
