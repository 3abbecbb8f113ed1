// The tend-mini recipe: rebuild tend's shipped demonstration model from the
// bundled seed corpus alone, deterministically. Stages: generate the seed
// corpus and split it (by a hash of each record's id), train a byte-level
// BPE tokenizer, pretrain the built-in tend-mini shape on the rendered
// training conversations, SFT on the assistant turns, DPO on seed preference
// pairs, and train a reward model. Every stage is an ordinary Run, so its
// metrics, plots and checkpoints sit in the work directory.
package train

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"github.com/tend-project/tend/atomicfile"
	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/data/seed"
	"github.com/tend-project/tend/tokenizer"
)

// RecipeOptions configures RecipeTendMini.
type RecipeOptions struct {
	Out      string    // the model directory to write (e.g. models/tend-mini)
	Work     string    // intermediate runs; default Out + ".work"
	Quick    bool      // a much smaller run (about a minute) for tests and smoke checks
	Force    bool      // replace Out and Work if they exist
	Progress io.Writer // progress bars and messages; nil is silent
}

// RecipeReport holds the measured figures of a recipe run.
type RecipeReport struct {
	Quick             bool               `json:"quick"`
	Conversations     [2]int             `json:"conversations_train_val"`
	Pairs             [2]int             `json:"pairs_train_val"`
	Vocab             int                `json:"vocab"`
	Params            int                `json:"params"`
	Pretrain          Summary            `json:"pretrain"`
	SFT               Summary            `json:"sft"`
	DPO               Summary            `json:"dpo"`
	Reward            Summary            `json:"reward"`
	SFTLogpAccuracy   float64            `json:"sft_logp_pair_accuracy"` // held-out pairs where the SFT model gives chosen the higher log-prob
	DPOLogpAccuracy   float64            `json:"dpo_logp_pair_accuracy"` // the same for the DPO model
	StageSeconds      map[string]float64 `json:"stage_seconds"`
	WallSeconds       float64            `json:"wall_seconds"`
	CPUSeconds        float64            `json:"cpu_seconds"` // user + system time of the process
	PeakRSSMB         float64            `json:"peak_rss_mb"`
	TokensPretrain    int64              `json:"tokens_pretrain"`
	TokenizerTrainSec float64            `json:"tokenizer_seconds"`
}

// recipeScale is the size of each stage.
type recipeScale struct {
	convs, pairs                               int
	pretrainSteps, sftSteps, dpoSteps, rmSteps int
	evalBatches                                int
}

func scaleFor(quick bool) recipeScale {
	if quick {
		return recipeScale{convs: 300, pairs: 200, pretrainSteps: 30, sftSteps: 15, dpoSteps: 15, rmSteps: 15, evalBatches: 4}
	}
	return recipeScale{convs: 5000, pairs: 800, pretrainSteps: 160, sftSteps: 60, dpoSteps: 60, rmSteps: 50, evalBatches: 16}
}

const recipeSeed = 20260101

// RecipeTendMini rebuilds tend-mini into opts.Out.
func RecipeTendMini(ctx context.Context, opts RecipeOptions) (RecipeReport, error) {
	start := time.Now()
	rep := RecipeReport{Quick: opts.Quick, StageSeconds: map[string]float64{}}
	if opts.Progress == nil {
		opts.Progress = io.Discard
	}
	if opts.Work == "" {
		opts.Work = filepath.Clean(opts.Out) + ".work"
	}
	if !opts.Force {
		for _, p := range []string{opts.Out, opts.Work} {
			if exists(p) {
				return rep, fmt.Errorf("%s: %w", p, atomicfile.ErrExists)
			}
		}
	}
	if err := os.RemoveAll(opts.Work); err != nil {
		return rep, err
	}
	sc := scaleFor(opts.Quick)
	w := func(parts ...string) string { return filepath.Join(append([]string{opts.Work}, parts...)...) }
	stage := func(name string, t0 time.Time) {
		rep.StageSeconds[name] = time.Since(t0).Seconds()
		fmt.Fprintf(opts.Progress, "recipe: %s done in %.0fs\n", name, time.Since(t0).Seconds())
	}

	// 1. Data.
	t0 := time.Now()
	trainText, err := writeSeedDataset(w("data"), sc, &rep)
	if err != nil {
		return rep, err
	}
	stage("data", t0)

	// 2. Tokenizer.
	t0 = time.Now()
	if rep.Vocab, err = trainTokenizer(w("tokenizer"), trainText); err != nil {
		return rep, err
	}
	rep.TokenizerTrainSec = time.Since(t0).Seconds()
	stage("tokenizer", t0)

	common := func(method, base, out string, steps int) Config {
		return Config{Method: method, BaseModel: base, Datasets: []Dataset{{Path: w("data")}}, SequenceLen: 512,
			MicroBatchSize: 4, GradientAccumulationSteps: 1, MaxSteps: steps, EvalSteps: max(steps/2, 1), EvalMaxBatches: sc.evalBatches,
			SaveSteps: max(steps/2, 1), SaveTotalLimit: 1, Seed: recipeSeed, OutputDir: out, Force: true, WarmupSteps: max(steps/10, 1)}
	}
	runStage := func(name string, c Config) (Summary, error) {
		t0 := time.Now()
		fmt.Fprintf(opts.Progress, "recipe: %s (%d steps)\n", name, c.MaxSteps)
		s, err := Run(ctx, c, opts.Progress)
		if err != nil {
			return s, fmt.Errorf("recipe %s: %w", name, err)
		}
		stage(name, t0)
		return s, nil
	}

	// 3. Pretraining: every token of the rendered training conversations.
	pc := common("pretrain", "tend-mini", w("pretrain"), sc.pretrainSteps)
	pc.Tokenizer, pc.SamplePacking, pc.LearningRate, pc.WeightDecay = w("tokenizer"), true, 2e-3, 0.01
	if rep.Pretrain, err = runStage("pretrain", pc); err != nil {
		return rep, err
	}
	rep.TokensPretrain = rep.Pretrain.Tokens

	// 4. SFT: the assistant's tokens only.
	sftc := common("sft", w("pretrain"), w("sft"), sc.sftSteps)
	sftc.SamplePacking, sftc.LearningRate = true, 5e-4
	if rep.SFT, err = runStage("sft", sftc); err != nil {
		return rep, err
	}

	// 5. DPO from the SFT model, which is also the reference.
	dc := common("dpo", w("sft"), w("dpo"), sc.dpoSteps)
	dc.MicroBatchSize, dc.LearningRate, dc.DPOBeta, dc.SequenceLen = 8, 1.5e-4, 0.1, 512
	if rep.DPO, err = runStage("dpo", dc); err != nil {
		return rep, err
	}

	// Log-likelihood ranking of the held-out pairs by the SFT and DPO models.
	t0 = time.Now()
	if rep.SFTLogpAccuracy, err = PairLogpAccuracy(w("sft"), w("data"), 512); err != nil {
		return rep, err
	}
	if rep.DPOLogpAccuracy, err = PairLogpAccuracy(w("dpo"), w("data"), 512); err != nil {
		return rep, err
	}
	stage("pair-eval", t0)

	// 6. Reward model on the same pairs, from the SFT model.
	rc := common("reward", w("sft"), w("reward"), sc.rmSteps)
	rc.MicroBatchSize, rc.LearningRate, rc.SaveDtype = 8, 2e-4, "BF16"
	if rep.Reward, err = runStage("reward", rc); err != nil {
		return rep, err
	}

	// 7. Assemble the shipped directory.
	rep.WallSeconds = time.Since(start).Seconds()
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		rep.CPUSeconds = time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
		rep.PeakRSSMB = float64(ru.Maxrss) / 1024 // kilobytes on Linux
	}
	if rep.Params, err = paramCount(w("dpo")); err != nil {
		return rep, err
	}
	return rep, assemble(opts, w, &rep)
}

// writeSeedDataset generates the seed corpus into a tend dataset directory
// (train/val by a hash of the id) and returns the training text for the
// tokenizer.
func writeSeedDataset(dir string, sc recipeScale, rep *RecipeReport) ([]string, error) {
	cfg := seed.DefaultConfig()
	cfg.Seed, cfg.Conversations, cfg.Pairs = recipeSeed, sc.convs, sc.pairs
	var convs [2]bytes.Buffer
	var pairs [2]bytes.Buffer
	cw := [2]*conv.Writer[conv.Conversation]{conv.NewWriter[conv.Conversation](&convs[0]), conv.NewWriter[conv.Conversation](&convs[1])}
	pw := [2]*conv.Writer[conv.PreferencePair]{conv.NewWriter[conv.PreferencePair](&pairs[0]), conv.NewWriter[conv.PreferencePair](&pairs[1])}
	var text []string
	side := func(id string) int {
		if heldOut(id, 0.1) {
			return 1
		}
		return 0
	}
	_, err := seed.Generate(cfg, func(c *conv.Conversation) error {
		s := side(c.ID)
		c.Split = [2]conv.Split{conv.SplitTrain, conv.SplitVal}[s]
		rep.Conversations[s]++
		if s == 0 {
			for _, m := range c.Messages {
				text = append(text, m.Content+"\n")
			}
		}
		return cw[s].Write(c)
	}, func(p *conv.PreferencePair) error {
		s := side(p.ID)
		p.Split = [2]conv.Split{conv.SplitTrain, conv.SplitVal}[s]
		rep.Pairs[s]++
		return pw[s].Write(p)
	})
	if err != nil {
		return nil, err
	}
	files := map[string]*bytes.Buffer{"train.jsonl": &convs[0], "val.jsonl": &convs[1],
		"preferences/train.jsonl": &pairs[0], "preferences/val.jsonl": &pairs[1]}
	for _, wr := range []interface{ Flush() error }{cw[0], cw[1], pw[0], pw[1]} {
		if err := wr.Flush(); err != nil {
			return nil, err
		}
	}
	for name, buf := range files {
		if err := writeFile(filepath.Join(dir, name), buf.Bytes()); err != nil {
			return nil, err
		}
	}
	return text, nil
}

// trainTokenizer learns a 4,096-id byte-level BPE with tend's special tokens
// and chat template, and returns the vocabulary size.
func trainTokenizer(dir string, text []string) (int, error) {
	tr, err := tokenizer.NewTrainer(tokenizer.TrainOptions{VocabSize: 4096, Special: tokenizer.TendSpecialTokens, Pattern: "llama3", MinFrequency: 2})
	if err != nil {
		return 0, err
	}
	for _, t := range text {
		tr.Add(t)
	}
	tokJSON, err := tr.Train(nil)
	if err != nil {
		return 0, err
	}
	tmpl, err := tokenizer.BuiltinTemplate("tend")
	if err != nil {
		return 0, err
	}
	cfgJSON, err := tokenizer.ConfigJSON(tmpl)
	if err != nil {
		return 0, err
	}
	if err := writeFile(filepath.Join(dir, "tokenizer.json"), tokJSON); err != nil {
		return 0, err
	}
	if err := writeFile(filepath.Join(dir, "tokenizer_config.json"), cfgJSON); err != nil {
		return 0, err
	}
	tok, err := tokenizer.LoadDir(dir)
	if err != nil {
		return 0, err
	}
	return tok.VocabSize(), nil
}
