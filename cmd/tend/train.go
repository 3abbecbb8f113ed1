// tend train: pretraining, SFT, DPO and reward-model runs from an
// Axolotl-style YAML config (flags override it), and the tend-mini recipe.
package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/tend-project/tend/train"
)

func newTrainCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "train",
		Short: "Pretrain, fine-tune (SFT, full or LoRA), align (DPO) and train reward models",
		Long: `Train a Llama-family model in pure Go. Each method reads a YAML run config in
Axolotl's style (see docs/training.md); flags override its fields.

  tend train sft --config run.yaml
  tend train dpo --config dpo.yaml --resume
  tend train recipe tend-mini --out models/tend-mini --force

Ctrl-C saves a checkpoint; --resume continues exactly where it stopped.`,
	}
	for _, m := range train.Methods {
		cmd.AddCommand(newTrainMethodCmd(m))
	}
	cmd.AddCommand(newTrainRecipeCmd())
	return cmd
}

// trainFlags are the config fields a flag can override.
type trainFlags struct {
	config, base, tokenizer, out, adapter, scheduler string
	data                                             []string
	steps, epochs, mbs, accum, seqLen, warmup        int
	evalSteps, saveSteps, loraR, evalBatches         int
	lr, beta                                         float64
	seed                                             uint64
	packing, resume, force                           bool
}

func (f *trainFlags) register(fs *pflag.FlagSet) {
	fs.StringVar(&f.config, "config", "", "YAML run config (Axolotl-style)")
	fs.StringVar(&f.base, "base-model", "", "override base_model: a model directory or built-in name")
	fs.StringVar(&f.tokenizer, "tokenizer", "", "override tokenizer (directory)")
	fs.StringVar(&f.out, "output-dir", "", "override output_dir")
	fs.StringSliceVar(&f.data, "data", nil, "replace datasets with these paths (dataset dirs or JSONL/text files)")
	fs.StringVar(&f.adapter, "adapter", "", "override adapter: lora or full")
	fs.StringVar(&f.scheduler, "lr-scheduler", "", "override lr_scheduler: cosine, linear or constant")
	fs.IntVar(&f.steps, "max-steps", 0, "override max_steps")
	fs.IntVar(&f.epochs, "epochs", 0, "override num_epochs")
	fs.IntVar(&f.mbs, "micro-batch-size", 0, "override micro_batch_size")
	fs.IntVar(&f.accum, "grad-accum", 0, "override gradient_accumulation_steps")
	fs.IntVar(&f.seqLen, "sequence-len", 0, "override sequence_len")
	fs.IntVar(&f.warmup, "warmup-steps", 0, "override warmup_steps")
	fs.IntVar(&f.evalSteps, "eval-steps", 0, "override eval_steps")
	fs.IntVar(&f.saveSteps, "save-steps", 0, "override save_steps")
	fs.IntVar(&f.evalBatches, "eval-max-batches", 0, "override eval_max_batches (0 = the whole val split)")
	fs.IntVar(&f.loraR, "lora-r", 0, "override lora_r")
	fs.Float64Var(&f.lr, "learning-rate", 0, "override learning_rate")
	fs.Float64Var(&f.beta, "beta", 0, "override dpo_beta")
	fs.Uint64Var(&f.seed, "seed", 0, "override seed")
	fs.BoolVar(&f.packing, "packing", false, "override sample_packing")
	fs.BoolVar(&f.resume, "resume", false, "continue from the newest checkpoint in output_dir")
	fs.BoolVar(&f.force, "force", false, "start over in an output_dir that already holds a run")
}

// apply builds the run config: the YAML file, then every flag that was set.
func (f *trainFlags) apply(fs *pflag.FlagSet, method string) (train.Config, error) {
	var c train.Config
	raw := []byte("{}")
	name := "flags"
	if f.config != "" {
		var err error
		if raw, err = os.ReadFile(f.config); err != nil {
			return c, err
		}
		name = f.config
	}
	// Decode strictly first so unknown fields are reported, then validate
	// after the overrides.
	c, err := train.DecodeConfig(raw, name)
	if err != nil {
		return c, err
	}
	if c.Method != "" && c.Method != method {
		return c, fmt.Errorf("%s: method is %q but the command is `tend train %s`", name, c.Method, method)
	}
	c.Method = method
	set := fs.Changed
	if set("base-model") {
		c.BaseModel = f.base
	}
	if set("tokenizer") {
		c.Tokenizer = f.tokenizer
	}
	if set("output-dir") {
		c.OutputDir = f.out
	}
	if set("data") {
		c.Datasets = nil
		for _, d := range f.data {
			c.Datasets = append(c.Datasets, train.Dataset{Path: d})
		}
	}
	if set("adapter") {
		c.Adapter = f.adapter
	}
	if set("lr-scheduler") {
		c.LRScheduler = f.scheduler
	}
	ints := map[string]*int{"max-steps": &c.MaxSteps, "epochs": &c.NumEpochs, "micro-batch-size": &c.MicroBatchSize,
		"grad-accum": &c.GradientAccumulationSteps, "sequence-len": &c.SequenceLen, "warmup-steps": &c.WarmupSteps,
		"eval-steps": &c.EvalSteps, "save-steps": &c.SaveSteps, "lora-r": &c.LoRAR, "eval-max-batches": &c.EvalMaxBatches}
	vals := map[string]int{"max-steps": f.steps, "epochs": f.epochs, "micro-batch-size": f.mbs, "grad-accum": f.accum,
		"sequence-len": f.seqLen, "warmup-steps": f.warmup, "eval-steps": f.evalSteps, "save-steps": f.saveSteps, "lora-r": f.loraR,
		"eval-max-batches": f.evalBatches}
	for k, p := range ints {
		if set(k) {
			*p = vals[k]
		}
	}
	if set("max-steps") && !set("epochs") {
		c.NumEpochs = 0
	}
	if set("learning-rate") {
		c.LearningRate = f.lr
	}
	if set("beta") {
		c.DPOBeta = f.beta
	}
	if set("seed") {
		c.Seed = f.seed
	}
	if set("packing") {
		c.SamplePacking = f.packing
	}
	c.Resume, c.Force = f.resume, f.force
	c.Defaults()
	if err := c.Validate(); err != nil {
		return c, fmt.Errorf("%s: %w", name, err)
	}
	return c, nil
}

func newTrainMethodCmd(method string) *cobra.Command {
	short := map[string]string{
		"sft":      "Supervised fine-tuning on conversations (loss on the assistant's tokens)",
		"dpo":      "Direct preference optimisation on TRL-shaped pairs (frozen base as reference)",
		"reward":   "Train a reward model (scalar head, Bradley–Terry loss) on preference pairs",
		"pretrain": "Pretrain from scratch on text or rendered conversations",
	}[method]
	f := &trainFlags{}
	cmd := &cobra.Command{
		Use:   method,
		Short: short,
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := f.apply(cmd.Flags(), method)
			if err != nil {
				return err
			}
			s, err := train.Run(cmd.Context(), cfg, cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			return printSummary(cmd, s)
		},
	}
	f.register(cmd.Flags())
	return cmd
}

func printSummary(cmd *cobra.Command, s train.Summary) error {
	data, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(cmd.OutOrStdout(), string(data))
	return err
}

func newTrainRecipeCmd() *cobra.Command {
	var opts train.RecipeOptions
	cmd := &cobra.Command{
		Use:   "recipe tend-mini",
		Short: "Rebuild tend's shipped model from the seed corpus, deterministically",
		Long: `Rebuild tend-mini from scratch: seed corpus → tokenizer → pretraining → SFT →
DPO, plus a reward model, then write the model directory with a model card of
the measured figures. --quick runs a much smaller version for smoke tests.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if args[0] != "tend-mini" {
				return fmt.Errorf("unknown recipe %q (known: tend-mini)", args[0])
			}
			opts.Progress = cmd.ErrOrStderr()
			rep, err := train.RecipeTendMini(cmd.Context(), opts)
			if err != nil {
				return err
			}
			data, err := json.MarshalIndent(rep, "", "  ")
			if err != nil {
				return err
			}
			_, err = fmt.Fprintln(cmd.OutOrStdout(), string(data))
			return err
		},
	}
	cmd.Flags().StringVar(&opts.Out, "out", "models/tend-mini", "model directory to write")
	cmd.Flags().StringVar(&opts.Work, "work", "", "directory for the intermediate runs (default OUT.work)")
	cmd.Flags().BoolVar(&opts.Quick, "quick", false, "a much smaller run (about a minute of compute)")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "replace OUT and the work directory")
	return cmd
}
