package train

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tend-project/tend/atomicfile"
	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/model"
)

func TestMethodsTrainAndImprove(t *testing.T) {
	f := newFixture(t)
	for _, method := range []string{"sft", "pretrain", "dpo", "reward"} {
		t.Run(method, func(t *testing.T) {
			c := f.config(t, method)
			c.MaxSteps = 8
			s, err := Run(context.Background(), c, io.Discard)
			if err != nil {
				t.Fatal(err)
			}
			if !(s.EvalLoss < s.BaseEvalLoss) {
				t.Errorf("eval loss %v did not drop below the base's %v", s.EvalLoss, s.BaseEvalLoss)
			}
			if (method == "dpo" || method == "reward") && !(s.EvalAcc > s.BaseEvalAcc) {
				t.Errorf("eval accuracy %v did not rise above the base's %v", s.EvalAcc, s.BaseEvalAcc)
			}
			for _, name := range []string{"config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json", "metrics.jsonl", "summary.json", "plots/loss.svg", "plots/learning_rate.svg"} {
				if !exists(filepath.Join(c.OutputDir, name)) {
					t.Errorf("output lacks %s", name)
				}
			}
			if method == "dpo" && !exists(filepath.Join(c.OutputDir, "plots/dpo_margins.svg")) {
				t.Errorf("dpo run lacks plots/dpo_margins.svg")
			}
			if method == "reward" {
				rm, err := LoadRewardModel(c.OutputDir)
				if err != nil {
					t.Fatal(err)
				}
				p := testPair(1)
				good, err := rm.Score(p.Prompt, p.Chosen[0].Content)
				if err != nil {
					t.Fatal(err)
				}
				bad, _ := rm.Score(p.Prompt, p.Rejected[0].Content)
				if !(good > bad) {
					t.Errorf("reward model scores chosen %v ≤ rejected %v", good, bad)
				}
			}
		})
	}
}

func TestLoRAAdapterOutputAndMerge(t *testing.T) {
	f := newFixture(t)
	c := f.config(t, "sft")
	c.Adapter, c.LoRAR, c.LoRAAlpha = "lora", 4, 8
	c.LearningRate = 1e-2
	c.Defaults()
	if _, err := Run(context.Background(), c, io.Discard); err != nil {
		t.Fatal(err)
	}
	if !exists(filepath.Join(c.OutputDir, "adapter_config.json")) || exists(filepath.Join(c.OutputDir, "model.safetensors")) {
		t.Fatal("a LoRA run should write a PEFT adapter, not a full model")
	}
	merged := filepath.Join(t.TempDir(), "merged")
	if err := Merge(f.model, c.OutputDir, merged, "F32", false); err != nil {
		t.Fatal(err)
	}
	m, err := model.Load(merged)
	if err != nil {
		t.Fatal(err)
	}
	base, _ := model.Load(f.model)
	if bytes.Equal(f32bytes(m.Params), f32bytes(base.Params)) {
		t.Fatal("merged weights equal the base")
	}
	if !exists(filepath.Join(merged, "tokenizer.json")) {
		t.Fatal("merged model lacks its tokenizer")
	}
}

func f32bytes(v []float32) []byte {
	b := make([]byte, 0, 4*len(v))
	for _, x := range v {
		u := math.Float32bits(x)
		b = append(b, byte(u), byte(u>>8), byte(u>>16), byte(u>>24))
	}
	return b
}

// A run interrupted after step 3 and resumed from its checkpoint writes the
// same metrics, byte for byte, and the same weights as an uninterrupted run.
func TestResumeIsExact(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		name   string
		method string
		lora   bool
	}{{"sft full", "sft", false}, {"sft lora dropout", "sft", true}, {"dpo", "dpo", false}, {"dpo lora", "dpo", true}, {"reward", "reward", false}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := f.config(t, tc.method)
			c.MaxSteps, c.SaveSteps, c.EvalSteps, c.GradientAccumulationSteps, c.MicroBatchSize = 7, 2, 2, 2, 2
			c.SamplePacking = tc.method == "sft"
			if tc.lora {
				c.Adapter, c.LoRAR, c.LoRAAlpha, c.LoRADropout = "lora", 4, 8, 0.2
				c.LoRATargetModules = []string{"all-linear"}
			}
			whole := c
			whole.OutputDir = filepath.Join(t.TempDir(), "whole")
			if _, err := Run(context.Background(), whole, io.Discard); err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			_, err := run(ctx, c, io.Discard, func(step int) {
				if step == 3 {
					cancel()
				}
			})
			if !errors.Is(err, ErrInterrupted) {
				t.Fatalf("interrupted run returned %v", err)
			}
			if !exists(filepath.Join(c.OutputDir, "checkpoint-3", "state.json")) {
				t.Fatal("Ctrl-C did not save checkpoint-3")
			}
			if _, err := Run(context.Background(), c, io.Discard); !errors.Is(err, atomicfile.ErrExists) {
				t.Fatalf("rerun without --resume returned %v, want ErrExists", err)
			}
			c.Resume = true
			s, err := Run(context.Background(), c, io.Discard)
			if err != nil {
				t.Fatal(err)
			}
			if !s.Resumed {
				t.Fatal("summary does not say the run resumed")
			}
			a, _ := os.ReadFile(filepath.Join(whole.OutputDir, "metrics.jsonl"))
			b, _ := os.ReadFile(filepath.Join(c.OutputDir, "metrics.jsonl"))
			if !bytes.Equal(a, b) || len(a) == 0 {
				t.Fatalf("metrics differ:\nuninterrupted:\n%s\nresumed:\n%s", a, b)
			}
			weights := "model.safetensors"
			if tc.lora {
				weights = "adapter_model.safetensors"
			}
			wa, _ := os.ReadFile(filepath.Join(whole.OutputDir, weights))
			wb, _ := os.ReadFile(filepath.Join(c.OutputDir, weights))
			if !bytes.Equal(wa, wb) || len(wa) == 0 {
				t.Fatal("final weights differ between the uninterrupted and the resumed run")
			}
			steps, _ := checkpoints(c.OutputDir)
			if len(steps) > c.SaveTotalLimit {
				t.Fatalf("kept checkpoints %v, limit %d", steps, c.SaveTotalLimit)
			}
		})
	}
}

// A NaN weight makes the first loss NaN: the run stops with ErrNaN and a
// checkpoint of the last state.
func TestNaNStopsWithCheckpoint(t *testing.T) {
	f := newFixture(t)
	m, err := model.Load(f.model)
	if err != nil {
		t.Fatal(err)
	}
	m.W.Layers[0].WO[0] = float32(math.NaN())
	bad := t.TempDir()
	if err := m.Save(bad, true); err != nil {
		t.Fatal(err)
	}
	if err := copyTokenizer(f.model, bad); err != nil {
		t.Fatal(err)
	}
	c := f.config(t, "sft")
	c.BaseModel = bad
	_, err = Run(context.Background(), c, io.Discard)
	if !errors.Is(err, ErrNaN) || !strings.Contains(err.Error(), "checkpoint-0") {
		t.Fatalf("err = %v, want ErrNaN naming checkpoint-0", err)
	}
	if !exists(filepath.Join(c.OutputDir, "checkpoint-0", "state.json")) {
		t.Fatal("no checkpoint saved on NaN")
	}
}

func TestBadInputErrors(t *testing.T) {
	f := newFixture(t)
	empty := filepath.Join(t.TempDir(), "empty.jsonl")
	os.WriteFile(empty, nil, 0o644)
	noTmpl := t.TempDir()
	for _, n := range []string{"config.json", "model.safetensors", "tokenizer.json"} {
		data, _ := os.ReadFile(filepath.Join(f.model, n))
		os.WriteFile(filepath.Join(noTmpl, n), data, 0o644)
	}
	noAssistant := filepath.Join(t.TempDir(), "users.jsonl")
	writeJSONL(t, noAssistant, 3, func(i int) conv.Conversation {
		return conv.Conversation{ID: fmt.Sprint("u", i), Messages: []conv.Message{{Role: "user", Content: "hello"}}}
	})
	tests := []struct {
		name   string
		edit   func(*Config)
		is     error
		substr string
	}{
		{"empty dataset", func(c *Config) { c.Datasets[0].Path = empty }, ErrData, "no training records"},
		{"no assistant turns", func(c *Config) { c.Datasets[0].Path = noAssistant }, ErrData, "no training sequence"},
		{"missing chat template", func(c *Config) { c.BaseModel = noTmpl }, ErrData, "has no chat template"},
		{"sequence too long", func(c *Config) { c.SequenceLen = 4096 }, ErrConfig, "sequence_len: 4096 is larger than the model supports"},
		{"malformed jsonl", func(c *Config) { c.Datasets[0].Path = filepath.Join(f.model, "config.json") }, conv.ErrMalformed, "config.json:1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := f.config(t, "sft")
			tc.edit(&c)
			_, err := Run(context.Background(), c, io.Discard)
			if !errors.Is(err, tc.is) || !strings.Contains(err.Error(), tc.substr) {
				t.Fatalf("err = %v, want %v containing %q", err, tc.is, tc.substr)
			}
		})
	}
}
