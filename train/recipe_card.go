// The end of the tend-mini recipe: held-out pair ranking by log-likelihood,
// assembling the shipped directory, and the model card written from the
// measured figures.
package train

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"

	"github.com/tend-project/tend/atomicfile"
	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/model"
	"github.com/tend-project/tend/tokenizer"
)

// PairLogpAccuracy returns the share of dataDir's held-out preference pairs
// (preferences/val.jsonl) for which the model in modelDir gives the chosen
// reply a higher summed log-probability than the rejected one. This is the
// ranking a model makes on its own, with no reference model.
func PairLogpAccuracy(modelDir, dataDir string, seqLen int) (float64, error) {
	m, err := model.Load(modelDir)
	if err != nil {
		return 0, err
	}
	tok, err := tokenizer.LoadDir(modelDir)
	if err != nil {
		return 0, err
	}
	if tok.ChatTemplate() == nil {
		return 0, fmt.Errorf("%w: %s has no chat template", ErrData, modelDir)
	}
	path := filepath.Join(dataDir, "preferences", "val.jsonl")
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	enc := newEncoder(tok, tok.ChatTemplate(), seqLen, 0)
	t := &trainer{m: m, cfg: Config{MicroBatchSize: 4, SequenceLen: seqLen}}
	var seqs []seq
	r := conv.NewReader[conv.PreferencePair](bufio.NewReader(f), path)
	for {
		p, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return 0, err
		}
		c, rj, err := enc.pair(&p)
		if err != nil {
			return 0, err
		}
		seqs = append(seqs, c, rj)
	}
	if len(seqs) == 0 {
		return 0, fmt.Errorf("%w: %s holds no pairs", ErrData, path)
	}
	lp, err := t.allLogps(seqs)
	if err != nil {
		return 0, err
	}
	var right float64
	for i := 0; i < len(lp); i += 2 {
		if lp[i] > lp[i+1] {
			right++
		}
	}
	return right / float64(len(lp)/2), nil
}

func paramCount(dir string) (int, error) {
	c, err := model.LoadConfig(dir)
	if err != nil {
		return 0, err
	}
	return c.NumParams(), nil
}

// assemble writes the shipped directory: the DPO model with its tokenizer,
// the reward model in reward/, the report and the model card.
func assemble(opts RecipeOptions, w func(...string) string, rep *RecipeReport) error {
	stage, err := atomicfile.StageDir(opts.Out, opts.Force)
	if err != nil {
		return err
	}
	defer stage.Abort()
	cp := func(src, dst string) error {
		data, err := os.ReadFile(src)
		if err != nil {
			return err
		}
		return writeFile(dst, data)
	}
	for _, n := range []string{"config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json"} {
		if err := cp(w("dpo", n), filepath.Join(stage.Path, n)); err != nil {
			return err
		}
	}
	for _, n := range []string{"config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json", scoreFile} {
		if err := cp(w("reward", n), filepath.Join(stage.Path, "reward", n)); err != nil {
			return err
		}
	}
	if err := writeJSON(filepath.Join(stage.Path, "recipe_report.json"), rep); err != nil {
		return err
	}
	cfg, err := model.LoadConfig(w("dpo"))
	if err != nil {
		return err
	}
	if err := writeFile(filepath.Join(stage.Path, "README.md"), []byte(modelCard(rep, cfg))); err != nil {
		return err
	}
	return stage.Commit()
}

func pct(v float64) string {
	if math.IsNaN(v) {
		return "n/a"
	}
	return fmt.Sprintf("%.1f%%", 100*v)
}

func modelCard(r *RecipeReport, c model.Config) string {
	var b strings.Builder
	p := func(format string, a ...any) { fmt.Fprintf(&b, format, a...) }
	p("# tend-mini\n\n")
	p("tend-mini is a very small Llama-family language model that tend builds from scratch on its own\n")
	p("bundled seed corpus. It exists so that every part of tend (training, LoRA fine-tuning, evaluation,\n")
	p("review, serving, GGUF export) can be demonstrated and tested on an ordinary machine without\n")
	p("downloading anything. **It is not a model for supporting real people.**\n\n")
	if r.Quick {
		p("> This directory was built with `--quick`: a much smaller run whose figures are not representative.\n\n")
	}
	p("## What it is\n\n")
	p("| | |\n|---|---|\n")
	p("| Architecture | %s, %d layers, hidden %d, %d heads (%d key/value heads, head dim %d), MLP %d, tied embeddings |\n",
		c.Architecture, c.Layers, c.Hidden, c.Heads, c.KVHeads, c.HeadDim, c.Intermediate)
	p("| Parameters | %d (%.1f M), stored as float32 |\n", r.Params, float64(r.Params)/1e6)
	p("| Context | trained on sequences of up to 512 tokens (max_position_embeddings %d) |\n", c.MaxPos)
	p("| Tokenizer | byte-level BPE, %d ids, trained on the seed corpus's training split; tend chat template |\n", r.Vocab)
	p("| Training data | tend's seed corpus (synthetic, composed from building blocks written for tend): %d train / %d val conversations, %d train / %d val preference pairs, split by a hash of the record id |\n",
		r.Conversations[0], r.Conversations[1], r.Pairs[0], r.Pairs[1])
	p("| Stages | pretraining %d steps (%d tokens) → SFT %d steps → DPO %d steps (β = 0.1, reference = the SFT model) |\n",
		r.Pretrain.Steps, r.TokensPretrain, r.SFT.Steps, r.DPO.Steps)
	p("| Reward model | `reward/`: the SFT model with a scalar head (`score.safetensors`), Bradley–Terry loss, %d steps, BF16 |\n\n", r.Reward.Steps)
	p("## Measured on held-out splits\n\n")
	p("| Metric | Value |\n|---|---|\n")
	p("| Pretraining: val loss (all tokens) | %.3f → %.3f |\n", r.Pretrain.BaseEvalLoss, r.Pretrain.EvalLoss)
	p("| SFT: val loss on assistant tokens, base (pretrained) → SFT | %.3f → %.3f (perplexity %.1f) |\n", r.SFT.BaseEvalLoss, r.SFT.EvalLoss, r.SFT.EvalPPL)
	p("| Preference pairs ranked by log-likelihood: SFT model → DPO model | %s → %s |\n", pct(r.SFTLogpAccuracy), pct(r.DPOLogpAccuracy))
	p("| DPO implicit-reward accuracy (β·log π/π_ref, chosen > rejected) | %s (the SFT model is its own reference: every margin is 0, counted as 50%%) |\n", pct(r.DPO.EvalAcc))
	p("| DPO mean held-out reward margin | %.3f |\n", r.DPO.EvalMargin)
	p("| Reward model pairwise accuracy | %s (%s before training) |\n", pct(r.Reward.EvalAcc), pct(r.Reward.BaseEvalAcc))
	p("| Recipe wall time | %.1f min on 2 CPU cores shared with other work (%.0f s of CPU time, peak RSS %.0f MB) |\n\n", r.WallSeconds/60, r.CPUSeconds, r.PeakRSSMB)
	p("Stage times (seconds):")
	for _, k := range []string{"data", "tokenizer", "pretrain", "sft", "dpo", "pair-eval", "reward"} {
		p(" %s %.0f;", k, r.StageSeconds[k])
	}
	p("\n\nThe preference pairs are the seed corpus's own: each rejected reply keeps the chosen reply's\n")
	p("scaffolding and inserts one named failure (dismissive, diagnosing, unsafe, ...). Accuracy on them\n")
	p("says the model learned to tell those constructed failures apart, not that it is a good listener.\n\n")
	p("## What it cannot do\n\n")
	p("- It has seen a few hundred thousand tokens of templated synthetic text. Its replies imitate the\n")
	p("  seed corpus's phrasing and are often generic, repetitive or off-topic; it has no knowledge of the world.\n")
	p("- Greedy decoding soon falls into loops (\"a counsellor or a counsellor or ...\"). Sampled replies\n")
	p("  (temperature 0.7) are strings of seed-corpus fragments that do not follow what the user said;\n")
	p("  one sample to a message about work stress asked about suicide out of nowhere.\n")
	p("- It can write things that look like helpline numbers but are not (one greedy sample offered\n")
	p("  \"text 14\"). Never show its output without tend's safety layer, which supplies real resources.\n")
	p("- It does not reliably recognise risk. Crisis detection and safe responses come from tend's safety\n")
	p("  layer (`tend serve` wraps every model with it), never from this model.\n")
	p("- English only; prompts far from the seed corpus produce noise.\n")
	p("- It is not evaluated by clinicians and must not be put in front of people who need help.\n\n")
	p("## Use\n\n")
	p("```\ntend chat --model models/tend-mini          # try it\n")
	p("tend train sft --config run.yaml             # LoRA-fine-tune it (base_model: models/tend-mini)\n")
	p("tend export gguf models/tend-mini tend-mini.gguf\n")
	p("tend train recipe tend-mini --out models/tend-mini --force   # rebuild it from scratch\n```\n\n")
	p("The recipe is deterministic: the same seed, data and step counts give the same weights on the\n")
	p("same machine. Metrics, plots and checkpoints of each stage are left in the work directory.\n")
	return b.String()
}
