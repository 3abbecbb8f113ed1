// Run: one training run from a Config to a model directory or adapter, with
// evaluation, checkpoints, resume, metrics, plots and a progress bar. The
// method-specific steps live in sft.go, dpo.go and reward.go.
package train

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"path/filepath"
	"time"

	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/model"
	"github.com/tend-project/tend/tokenizer"
)

var (
	// ErrInterrupted is returned when the context was cancelled; a checkpoint
	// was saved first. Check with errors.Is.
	ErrInterrupted = errors.New("training interrupted")
	// ErrNaN is returned when the loss or the gradient stopped being finite;
	// the last finite state was saved first. Check with errors.Is.
	ErrNaN = errors.New("loss is not finite")
)

// Summary reports a finished (or stopped) run.
type Summary struct {
	Method       string        `json:"method"`
	OutputDir    string        `json:"output_dir"`
	Steps        int           `json:"steps"`
	Tokens       int64         `json:"tokens"`
	TrainLoss    float64       `json:"train_loss"`     // mean of the last logging window
	BaseEvalLoss float64       `json:"base_eval_loss"` // eval loss before training (NaN if no val split)
	EvalLoss     float64       `json:"eval_loss"`      // at the end (NaN if no val split)
	EvalPPL      float64       `json:"eval_perplexity"`
	BaseEvalAcc  float64       `json:"base_eval_accuracy"` // dpo/reward: pairwise accuracy before training
	EvalAcc      float64       `json:"eval_accuracy"`      // dpo/reward: pairwise accuracy at the end
	EvalMargin   float64       `json:"eval_margin"`        // dpo: mean reward margin; reward: mean score gap
	StoppedEarly bool          `json:"stopped_early"`
	Resumed      bool          `json:"resumed"`
	Duration     time.Duration `json:"duration_ns"`
	TokensPerSec float64       `json:"tokens_per_second"`
}

// trainer holds a run's state.
type trainer struct {
	cfg   Config
	m     *model.Model
	tok   *tokenizer.Tokenizer
	tmpl  *tokenizer.ChatTemplate
	base  string // base model path or name, for adapter configs
	opt   *model.AdamW
	head  *scoreHead // reward method
	enc   *encoder
	out   io.Writer
	total int // optimizer steps in the run

	// Data: LM sequences, or pairs as (chosen, rejected) at 2i, 2i+1.
	seqs, valSeqs []seq
	nPairs        int
	ref, valRef   []float64 // dpo reference log-probs, two per pair

	epochSteps []int    // steps in each epoch seen so far
	epochCache int      // epoch whose units are cached
	units      [][]int  // that epoch's units (rows of seqs, or pair indices)
	st         runState // what a checkpoint restores
	log        *metricsLog
	afterStep  func(step int)
	ctx        context.Context // for the long passes before the loop
}

// runState is everything besides weights and optimizer moments that an
// exact resume needs.
type runState struct {
	Step        int     `json:"step"`
	Tokens      int64   `json:"tokens"`
	BestEval    float64 `json:"best_eval"`
	BadEvals    int     `json:"bad_evals"`
	DropoutStep uint64  `json:"lora_dropout_step"`
	OptStep     int     `json:"optimizer_step"`
	Epoch       int     `json:"epoch"`
	Cursor      int     `json:"cursor"` // index within Epoch of the last step run
}

func (t *trainer) pairs() bool { return t.cfg.Method == "dpo" || t.cfg.Method == "reward" }

// Run trains according to cfg, writing checkpoints, metrics.jsonl, plots
// and the final model (a Hugging Face directory, or a PEFT adapter with
// adapter: lora) into cfg.OutputDir. progress receives a progress bar and
// messages; nil is silent. Cancelling ctx saves a checkpoint and returns
// ErrInterrupted.
func Run(ctx context.Context, cfg Config, progress io.Writer) (Summary, error) {
	return run(ctx, cfg, progress, nil)
}

// run is Run with a hook called after each optimizer step (for tests).
func run(ctx context.Context, cfg Config, progress io.Writer, afterStep func(step int)) (Summary, error) {
	start := time.Now()
	if progress == nil {
		progress = io.Discard
	}
	cfg.Defaults()
	if err := cfg.Validate(); err != nil {
		return Summary{}, err
	}
	t := &trainer{cfg: cfg, out: progress, epochCache: -1, afterStep: afterStep, ctx: ctx}
	sum := Summary{Method: cfg.Method, OutputDir: cfg.OutputDir, BaseEvalLoss: math.NaN(), EvalLoss: math.NaN(),
		EvalPPL: math.NaN(), BaseEvalAcc: math.NaN(), EvalAcc: math.NaN(), EvalMargin: math.NaN()}
	ckpt, err := t.prepareOutput()
	if err != nil {
		return sum, err
	}
	if err := t.setup(ckpt); err != nil {
		return sum, err
	}
	sum.Resumed = ckpt != ""
	if err := t.loadData(); err != nil {
		return sum, err
	}
	if t.log, err = openMetrics(filepath.Join(cfg.OutputDir, "metrics.jsonl"), t.st.Step); err != nil {
		return sum, err
	}
	defer t.log.Close()
	if err := t.loop(ctx, &sum); err != nil {
		return sum, err
	}
	if err := t.finish(&sum); err != nil {
		return sum, err
	}
	sum.Duration = time.Since(start)
	sum.Steps, sum.Tokens = t.st.Step, t.st.Tokens
	if s := sum.Duration.Seconds(); s > 0 {
		sum.TokensPerSec = float64(t.st.Tokens) / s
	}
	return sum, writeJSON(filepath.Join(cfg.OutputDir, "summary.json"), sum)
}

// setup loads the tokenizer and model (from a checkpoint when resuming)
// and makes the right weights trainable.
func (t *trainer) setup(ckpt string) error {
	c := &t.cfg
	tokDir := c.Tokenizer
	if tokDir == "" {
		tokDir = c.BaseModel
	}
	tok, err := tokenizer.LoadDir(tokDir)
	if err != nil {
		return fmt.Errorf("tokenizer: %w", err)
	}
	t.tok, t.tmpl = tok, tok.ChatTemplate()
	needTmpl := c.Method != "pretrain"
	for _, d := range c.Datasets {
		needTmpl = needTmpl || d.Type != "text" && filepath.Ext(d.Path) != ".txt"
	}
	if needTmpl && t.tmpl == nil {
		return fmt.Errorf("%w: tokenizer %s has no chat template (add chat_template to tokenizer_config.json, e.g. with `tend tokenizer train --chat-template tend`)", ErrData, tokDir)
	}
	t.base = c.BaseModel
	if _, ok := builtinConfig(c.BaseModel); ok {
		bos, eos := specialID(tok, "<|begin_of_text|>", 0), specialID(tok, "<|end_of_text|>", 1)
		bc, _ := BuiltinConfig(c.BaseModel, tok.VocabSize(), bos, eos)
		t.m, err = model.New(bc, c.Seed)
	} else {
		t.m, err = model.Load(c.BaseModel)
	}
	if err != nil {
		return fmt.Errorf("base_model: %w", err)
	}
	if c.SequenceLen > t.m.Config.MaxPos {
		return fieldErr("sequence_len", "%d is larger than the model supports (max_position_embeddings %d)", c.SequenceLen, t.m.Config.MaxPos)
	}
	if tok.VocabSize() > t.m.Config.Vocab {
		return fmt.Errorf("%w: tokenizer has %d ids but the model's vocab_size is %d", ErrConfig, tok.VocabSize(), t.m.Config.Vocab)
	}
	t.m.Checkpoint = c.GradientCheckpointing
	eos := 0
	if len(t.m.Config.EOS) > 0 {
		eos = t.m.Config.EOS[0]
	}
	t.enc = newEncoder(tok, t.tmpl, c.SequenceLen, eos)
	if ckpt != "" {
		return t.restore(ckpt)
	}
	if c.Adapter == "lora" {
		if c.LoRAModelDir != "" {
			err = t.m.LoadLoRA(c.LoRAModelDir)
		} else {
			err = t.m.AddLoRA(t.loraConfig(), c.Seed)
		}
		if err != nil {
			return fmt.Errorf("adapter: %w", err)
		}
	} else {
		t.m.EnableGrads()
	}
	t.newOptimizer()
	if c.Method == "reward" {
		t.head = newScoreHead(t.m.Config.Hidden, c.Seed)
	}
	t.st.BestEval = math.MaxFloat64
	return nil
}

func specialID(tok *tokenizer.Tokenizer, s string, def int) int {
	if id, ok := tok.TokenID(s); ok {
		return id
	}
	return def
}

func (t *trainer) loraConfig() model.LoRAConfig {
	c := &t.cfg
	return model.LoRAConfig{Rank: c.LoRAR, Alpha: c.LoRAAlpha, Dropout: c.LoRADropout, Targets: c.LoRATargetModules}
}

// params and grads are the trainable buffers: the adapters, or every weight.
func (t *trainer) params() ([]float32, []float32) {
	if t.m.LoRA != nil {
		return t.m.LoRA.Params, t.m.LoRA.Grads
	}
	return t.m.Params, t.m.Grads
}

func (t *trainer) newOptimizer() {
	p, _ := t.params()
	t.opt = model.NewAdamW(len(p), float32(t.cfg.LearningRate), float32(t.cfg.WeightDecay))
	if t.m.LoRA == nil {
		t.opt.NoDecay = t.m.NoDecayRanges()
	}
}

// loadData reads, splits and encodes the datasets.
func (t *trainer) loadData() error {
	c, err := loadCorpus(&t.cfg)
	if err != nil {
		return err
	}
	switch t.cfg.Method {
	case "sft", "pretrain":
		all := t.cfg.Method == "pretrain"
		enc := func(convs []*conv.Conversation, texts []string) ([]seq, error) {
			var out []seq
			for _, cv := range convs {
				s, err := t.enc.conversation(cv, all)
				if err != nil {
					return nil, err
				}
				if s.counted() > 0 {
					out = append(out, s)
				}
			}
			for _, d := range texts {
				out = append(out, t.enc.text(d))
			}
			return out, nil
		}
		if t.seqs, err = enc(c.trainConvs, c.trainText); err != nil {
			return err
		}
		if t.valSeqs, err = enc(c.valConvs, c.valText); err != nil {
			return err
		}
		if len(t.seqs) == 0 {
			return fmt.Errorf("%w: no training sequence has a token to learn (no assistant turns?)", ErrData)
		}
	default:
		for _, p := range c.trainPairs {
			ch, rj, err := t.enc.pair(p)
			if err != nil {
				return err
			}
			t.seqs = append(t.seqs, ch, rj)
		}
		for _, p := range c.valPairs {
			ch, rj, err := t.enc.pair(p)
			if err != nil {
				return err
			}
			t.valSeqs = append(t.valSeqs, ch, rj)
		}
		t.nPairs = len(t.seqs) / 2
	}
	fmt.Fprintf(t.out, "train: %s: %d train and %d val sequences (%d truncated to sequence_len %d, %d test records left out)\n",
		t.cfg.Method, len(t.seqs), len(t.valSeqs), t.enc.truncated, t.cfg.SequenceLen, c.skippedTest)
	if t.cfg.Method == "dpo" {
		if err := t.referenceLogps(); err != nil {
			return err
		}
	}
	t.total = t.cfg.MaxSteps
	if t.total == 0 {
		for e := range t.cfg.NumEpochs {
			t.total += t.stepsIn(e)
		}
	}
	return nil
}

// epochUnits returns epoch e's units in training order: pair indices for
// pairs, rows of sequence indices otherwise. The order is a permutation
// keyed by (seed, epoch), so any step's data can be found again on resume.
func (t *trainer) epochUnits(e int) [][]int {
	if e == t.epochCache {
		return t.units
	}
	n := len(t.seqs)
	if t.pairs() {
		n = t.nPairs
	}
	perm := rand.New(rand.NewPCG(t.cfg.Seed, uint64(e)+1)).Perm(n)
	if t.pairs() {
		t.units = make([][]int, n)
		for i, p := range perm {
			t.units[i] = []int{p}
		}
	} else {
		ordered := make([]seq, n)
		for i, p := range perm {
			ordered[i] = t.seqs[p]
		}
		t.units = packRows(ordered, t.cfg.SequenceLen, t.cfg.SamplePacking)
		for _, r := range t.units {
			for j := range r {
				r[j] = perm[r[j]]
			}
		}
	}
	t.epochCache = e
	return t.units
}

func (t *trainer) perStep() int { return t.cfg.MicroBatchSize * t.cfg.GradientAccumulationSteps }

func (t *trainer) stepsIn(e int) int {
	for len(t.epochSteps) <= e {
		u := len(t.epochUnits(len(t.epochSteps)))
		t.epochSteps = append(t.epochSteps, (u+t.perStep()-1)/t.perStep())
	}
	return t.epochSteps[e]
}

// stepUnits returns the micro-batches of units for optimizer step s.
func (t *trainer) stepUnits(s int) [][][]int {
	e := 0
	for s >= t.stepsIn(e) {
		s -= t.stepsIn(e)
		e++
	}
	t.st.Epoch, t.st.Cursor = e, s
	units := t.epochUnits(e)
	lo := s * t.perStep()
	units = units[lo:min(lo+t.perStep(), len(units))]
	var micro [][][]int
	for len(units) > 0 {
		k := min(t.cfg.MicroBatchSize, len(units))
		micro = append(micro, units[:k])
		units = units[k:]
	}
	return micro
}

// lr is the learning rate of optimizer step s (0-based): linear warmup, then
// cosine or linear decay to zero at the last step.
func lrAt(c *Config, s, total int) float64 {
	if s < c.WarmupSteps {
		return c.LearningRate * float64(s+1) / float64(c.WarmupSteps)
	}
	if c.LRScheduler == "constant" || total <= c.WarmupSteps {
		return c.LearningRate
	}
	p := float64(s-c.WarmupSteps) / float64(total-c.WarmupSteps)
	if c.LRScheduler == "linear" {
		return c.LearningRate * (1 - p)
	}
	return c.LearningRate * 0.5 * (1 + math.Cos(math.Pi*p))
}

// clip scales grads to at most maxNorm (0 = no clipping) and returns the
// norm before clipping.
func clip(maxNorm float64, grads ...[]float32) float64 {
	var ss float64
	for _, g := range grads {
		for _, v := range g {
			ss += float64(v) * float64(v)
		}
	}
	norm := math.Sqrt(ss)
	if maxNorm > 0 && norm > maxNorm {
		s := float32(maxNorm / (norm + 1e-6))
		for _, g := range grads {
			for i := range g {
				g[i] *= s
			}
		}
	}
	return norm
}

// MarshalJSON writes the summary with unmeasured (NaN) figures as null.
func (s Summary) MarshalJSON() ([]byte, error) {
	f := func(v float64) any {
		if finite(v) {
			return v
		}
		return nil
	}
	return json.Marshal(map[string]any{
		"method": s.Method, "output_dir": s.OutputDir, "steps": s.Steps, "tokens": s.Tokens,
		"train_loss": f(s.TrainLoss), "base_eval_loss": f(s.BaseEvalLoss), "eval_loss": f(s.EvalLoss),
		"eval_perplexity": f(s.EvalPPL), "base_eval_accuracy": f(s.BaseEvalAcc), "eval_accuracy": f(s.EvalAcc),
		"eval_margin": f(s.EvalMargin), "stopped_early": s.StoppedEarly, "resumed": s.Resumed,
		"seconds": s.Duration.Seconds(), "tokens_per_second": f(s.TokensPerSec),
	})
}
