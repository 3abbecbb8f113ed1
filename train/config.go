// The run configuration: an Axolotl-style YAML file (the same field names
// where Axolotl has one), decoded strictly so that an unknown or misspelt
// field is an error, then validated field by field. Every error names the
// field, and YAML errors carry the file and line.
package train

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// ErrConfig marks an invalid run configuration. Check with errors.Is.
var ErrConfig = errors.New("invalid train config")

// Methods lists the training methods.
var Methods = []string{"sft", "dpo", "reward", "pretrain"}

// Dataset is one entry of the datasets list.
type Dataset struct {
	// Path is a tend dataset directory (train.jsonl, val.jsonl,
	// preferences/{train,val,test}.jsonl as `tend data curate` writes them),
	// a JSONL file of conversations or preference pairs, or, for pretrain,
	// a plain-text file whose blank-line-separated paragraphs are documents.
	Path string `yaml:"path"`
	// Type is "conversations", "preferences" or "text"; empty picks the
	// type the method needs.
	Type string `yaml:"type"`
}

// Config is a training run. Zero values mean the documented default
// (see Defaults); Validate checks the result.
type Config struct {
	Method    string    `yaml:"method"`     // sft | dpo | reward | pretrain
	BaseModel string    `yaml:"base_model"` // HF model dir, or a built-in config name (tend-mini)
	Tokenizer string    `yaml:"tokenizer"`  // tokenizer dir; default the model dir
	Datasets  []Dataset `yaml:"datasets"`
	// ValSetSize is the share of records held out for evaluation when a
	// dataset has no val split of its own.
	ValSetSize float64 `yaml:"val_set_size"`

	Adapter           string   `yaml:"adapter"` // "lora", or "" / "full" for full fine-tuning
	LoRAModelDir      string   `yaml:"lora_model_dir"`
	LoRAR             int      `yaml:"lora_r"`
	LoRAAlpha         float64  `yaml:"lora_alpha"`
	LoRADropout       float64  `yaml:"lora_dropout"`
	LoRATargetModules []string `yaml:"lora_target_modules"`

	SequenceLen               int     `yaml:"sequence_len"`
	SamplePacking             bool    `yaml:"sample_packing"`
	MicroBatchSize            int     `yaml:"micro_batch_size"`
	GradientAccumulationSteps int     `yaml:"gradient_accumulation_steps"`
	LearningRate              float64 `yaml:"learning_rate"`
	LRScheduler               string  `yaml:"lr_scheduler"` // cosine | linear | constant
	WarmupSteps               int     `yaml:"warmup_steps"`
	WeightDecay               float64 `yaml:"weight_decay"`
	MaxGradNorm               float64 `yaml:"max_grad_norm"`
	NumEpochs                 int     `yaml:"num_epochs"`
	MaxSteps                  int     `yaml:"max_steps"`
	GradientCheckpointing     bool    `yaml:"gradient_checkpointing"`

	EvalSteps             int `yaml:"eval_steps"`
	EvalMaxBatches        int `yaml:"eval_max_batches"` // 0 = the whole val split
	EarlyStoppingPatience int `yaml:"early_stopping_patience"`
	SaveSteps             int `yaml:"save_steps"`
	SaveTotalLimit        int `yaml:"save_total_limit"`
	LoggingSteps          int `yaml:"logging_steps"`

	DPOBeta           float64 `yaml:"dpo_beta"`
	DPOLoss           string  `yaml:"dpo_loss"`           // sigmoid | ipo
	ReferenceLogprobs string  `yaml:"reference_logprobs"` // precomputed file, optional

	Seed      uint64 `yaml:"seed"`
	OutputDir string `yaml:"output_dir"`
	SaveDtype string `yaml:"save_dtype"` // F32 | BF16 | F16

	// Resume continues from the newest checkpoint in OutputDir; Force
	// starts over in an OutputDir that already holds a run. Flags only.
	Resume bool `yaml:"-"`
	Force  bool `yaml:"-"`
}

// ParseConfig decodes a YAML run configuration. name is used in errors.
// Unknown fields are errors. Defaults are applied and the result is
// validated.
func ParseConfig(data []byte, name string) (Config, error) {
	c, err := DecodeConfig(data, name)
	if err != nil {
		return Config{}, err
	}
	c.Defaults()
	if err := c.Validate(); err != nil {
		return Config{}, fmt.Errorf("%s: %w", name, err)
	}
	return c, nil
}

// DecodeConfig decodes YAML strictly (unknown fields are errors) without
// applying defaults or validating, so that flags can override fields first.
func DecodeConfig(data []byte, name string) (Config, error) {
	var c Config
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&c); err != nil && err != io.EOF {
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		msg = strings.ReplaceAll(strings.ReplaceAll(msg, "unmarshal errors:\n  ", ""), "\n  ", "; ")
		msg = strings.ReplaceAll(msg, "not found in type train.Config", "is not a known option")
		msg = strings.ReplaceAll(msg, "not found in type train.Dataset", "is not a known dataset option (path, type)")
		return Config{}, fmt.Errorf("%w: %s: %s", ErrConfig, name, msg)
	}
	return c, nil
}

// LoadConfig reads and parses a YAML file.
func LoadConfig(path string) (Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Config{}, err
	}
	return ParseConfig(data, path)
}

// Defaults fills unset fields with tend's defaults.
func (c *Config) Defaults() {
	setInt := func(p *int, v int) {
		if *p == 0 {
			*p = v
		}
	}
	setF := func(p *float64, v float64) {
		if *p == 0 {
			*p = v
		}
	}
	setInt(&c.MicroBatchSize, 4)
	setInt(&c.GradientAccumulationSteps, 1)
	setInt(&c.SequenceLen, 512)
	setInt(&c.LoggingSteps, 1)
	setInt(&c.SaveTotalLimit, 2)
	if c.NumEpochs == 0 && c.MaxSteps == 0 {
		c.NumEpochs = 1
	}
	if c.LRScheduler == "" {
		c.LRScheduler = "cosine"
	}
	if c.Adapter == "full" {
		c.Adapter = ""
	}
	if c.Adapter == "lora" {
		setInt(&c.LoRAR, 16)
		setF(&c.LoRAAlpha, 2*float64(c.LoRAR))
		if len(c.LoRATargetModules) == 0 {
			c.LoRATargetModules = []string{"all-linear"}
		}
	}
	if c.LearningRate == 0 {
		switch {
		case c.Method == "dpo":
			c.LearningRate = 5e-6
		case c.Adapter == "lora":
			c.LearningRate = 2e-4
		default:
			c.LearningRate = 3e-5
		}
		if c.Method == "pretrain" {
			c.LearningRate = 1e-3
		}
	}
	setF(&c.MaxGradNorm, 1)
	setF(&c.DPOBeta, 0.1)
	if c.DPOLoss == "" {
		c.DPOLoss = "sigmoid"
	}
	if c.SaveDtype == "" {
		c.SaveDtype = "F32"
	}
	setF(&c.ValSetSize, 0.05)
	if c.Seed == 0 {
		c.Seed = 42
	}
}

func fieldErr(field, format string, args ...any) error {
	return fmt.Errorf("%w: %s: %s", ErrConfig, field, fmt.Sprintf(format, args...))
}

// Validate checks every field and returns the first problem, naming the field.
func (c *Config) Validate() error {
	if !slices.Contains(Methods, c.Method) {
		return fieldErr("method", "must be one of %s, got %q", strings.Join(Methods, ", "), c.Method)
	}
	if c.BaseModel == "" {
		return fieldErr("base_model", "is required (a Hugging Face model directory or a built-in name: %s)", strings.Join(BuiltinNames(), ", "))
	}
	if _, ok := builtinConfig(c.BaseModel); ok {
		if c.Method != "pretrain" {
			return fieldErr("base_model", "%q is a built-in architecture with random weights; only method pretrain starts from one", c.BaseModel)
		}
		if c.Tokenizer == "" {
			return fieldErr("tokenizer", "is required when base_model is the built-in config %q", c.BaseModel)
		}
	} else if st, err := os.Stat(c.BaseModel); err != nil || !st.IsDir() {
		return fieldErr("base_model", "%q is neither a model directory nor a built-in name (%s)", c.BaseModel, strings.Join(BuiltinNames(), ", "))
	}
	if len(c.Datasets) == 0 {
		return fieldErr("datasets", "at least one dataset is required")
	}
	for i, d := range c.Datasets {
		f := fmt.Sprintf("datasets[%d]", i)
		if d.Path == "" {
			return fieldErr(f+".path", "is required")
		}
		if _, err := os.Stat(d.Path); err != nil {
			return fieldErr(f+".path", "%v", err)
		}
		if d.Type != "" && !slices.Contains([]string{"conversations", "preferences", "text"}, d.Type) {
			return fieldErr(f+".type", "must be conversations, preferences or text, got %q", d.Type)
		}
		want := map[string][]string{"sft": {"conversations"}, "dpo": {"preferences"}, "reward": {"preferences"}, "pretrain": {"conversations", "text"}}[c.Method]
		if d.Type != "" && !slices.Contains(want, d.Type) {
			return fieldErr(f+".type", "method %s needs %s data, got %q", c.Method, strings.Join(want, " or "), d.Type)
		}
	}
	if c.ValSetSize < 0 || c.ValSetSize >= 1 {
		return fieldErr("val_set_size", "must be in [0, 1), got %v", c.ValSetSize)
	}
	switch c.Adapter {
	case "":
		if c.LoRAModelDir != "" || c.LoRAR != 0 {
			return fieldErr("adapter", "lora_* options are set but adapter is not \"lora\"")
		}
	case "lora":
		if c.LoRAR < 1 || c.LoRAR > 1024 {
			return fieldErr("lora_r", "must be in [1, 1024], got %d", c.LoRAR)
		}
		if c.LoRAAlpha <= 0 {
			return fieldErr("lora_alpha", "must be > 0, got %v", c.LoRAAlpha)
		}
		if c.LoRADropout < 0 || c.LoRADropout >= 1 {
			return fieldErr("lora_dropout", "must be in [0, 1), got %v", c.LoRADropout)
		}
		known := []string{"all-linear", "q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"}
		for _, t := range c.LoRATargetModules {
			if !slices.Contains(known, t) {
				return fieldErr("lora_target_modules", "unknown module %q (want %s)", t, strings.Join(known, ", "))
			}
		}
		if c.Method == "pretrain" {
			return fieldErr("adapter", "pretraining from scratch trains every weight; remove adapter: lora")
		}
		if c.LoRAModelDir != "" {
			if _, err := os.Stat(c.LoRAModelDir); err != nil {
				return fieldErr("lora_model_dir", "%v", err)
			}
		}
	default:
		return fieldErr("adapter", "must be \"lora\" or \"full\", got %q", c.Adapter)
	}
	checks := []struct {
		field string
		v     int
		min   int
	}{
		{"sequence_len", c.SequenceLen, 8}, {"micro_batch_size", c.MicroBatchSize, 1},
		{"gradient_accumulation_steps", c.GradientAccumulationSteps, 1}, {"num_epochs", c.NumEpochs, 0},
		{"max_steps", c.MaxSteps, 0}, {"warmup_steps", c.WarmupSteps, 0}, {"eval_steps", c.EvalSteps, 0},
		{"eval_max_batches", c.EvalMaxBatches, 0}, {"early_stopping_patience", c.EarlyStoppingPatience, 0},
		{"save_steps", c.SaveSteps, 0}, {"save_total_limit", c.SaveTotalLimit, 1}, {"logging_steps", c.LoggingSteps, 1},
	}
	for _, k := range checks {
		if k.v < k.min {
			return fieldErr(k.field, "must be ≥ %d, got %d", k.min, k.v)
		}
	}
	if c.SequenceLen > 1<<17 {
		return fieldErr("sequence_len", "%d is unreasonably large", c.SequenceLen)
	}
	if c.MicroBatchSize*c.SequenceLen > 1<<20 {
		return fieldErr("micro_batch_size", "micro_batch_size × sequence_len = %d tokens per pass is too many", c.MicroBatchSize*c.SequenceLen)
	}
	if c.EarlyStoppingPatience > 0 && c.EvalSteps == 0 {
		return fieldErr("early_stopping_patience", "needs eval_steps")
	}
	if !(c.LearningRate > 0 && c.LearningRate < 1) {
		return fieldErr("learning_rate", "must be in (0, 1), got %v", c.LearningRate)
	}
	if !slices.Contains([]string{"cosine", "linear", "constant"}, c.LRScheduler) {
		return fieldErr("lr_scheduler", "must be cosine, linear or constant, got %q", c.LRScheduler)
	}
	if c.WeightDecay < 0 || c.WeightDecay > 1 {
		return fieldErr("weight_decay", "must be in [0, 1], got %v", c.WeightDecay)
	}
	if c.MaxGradNorm < 0 {
		return fieldErr("max_grad_norm", "must be ≥ 0 (0 turns clipping off), got %v", c.MaxGradNorm)
	}
	if !(c.DPOBeta > 0) {
		return fieldErr("dpo_beta", "must be > 0, got %v", c.DPOBeta)
	}
	if c.DPOLoss != "sigmoid" && c.DPOLoss != "ipo" {
		return fieldErr("dpo_loss", "must be sigmoid or ipo, got %q", c.DPOLoss)
	}
	if c.ReferenceLogprobs != "" {
		if c.Method != "dpo" {
			return fieldErr("reference_logprobs", "only applies to method dpo")
		}
		if _, err := os.Stat(c.ReferenceLogprobs); err != nil {
			return fieldErr("reference_logprobs", "%v", err)
		}
	}
	if c.OutputDir == "" {
		return fieldErr("output_dir", "is required")
	}
	if !slices.Contains([]string{"F32", "BF16", "F16"}, c.SaveDtype) {
		return fieldErr("save_dtype", "must be F32, BF16 or F16, got %q", c.SaveDtype)
	}
	return nil
}

// Marshal renders c as YAML (written next to every checkpoint).
func (c Config) Marshal() ([]byte, error) { return yaml.Marshal(c) }
