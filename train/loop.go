// The training loop shared by every method: learning-rate schedule,
// gradient clipping, the optimizer step, NaN and Ctrl-C handling, logging,
// evaluation with early stopping, checkpoints, and the final save.
package train

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"time"

	"github.com/schollz/progressbar/v3"
)

// stepResult is what one optimizer step reports.
type stepResult struct {
	loss   float64
	tokens int
	stats  map[string]float64 // method extras: rewards/chosen, margins, ...
}

// evalResult is what an evaluation reports; key names follow TRL's logs.
type evalResult struct {
	loss float64
	acc  float64 // pairwise accuracy (dpo, reward), NaN otherwise
	gap  float64 // mean margin (dpo, reward), NaN otherwise
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

func (t *trainer) step(s int) (stepResult, error) {
	micro := t.stepUnits(s)
	switch t.cfg.Method {
	case "dpo":
		return t.dpoStep(micro)
	case "reward":
		return t.rewardStep(micro)
	default:
		return t.lmStep(micro)
	}
}

func (t *trainer) evaluate() (evalResult, bool, error) {
	if len(t.valSeqs) == 0 {
		return evalResult{}, false, nil
	}
	var r evalResult
	var err error
	switch t.cfg.Method {
	case "dpo":
		r, err = t.dpoEval()
	case "reward":
		r, err = t.rewardEval()
	default:
		r, err = t.lmEval()
	}
	return r, err == nil, err
}

func (t *trainer) logEval(r evalResult) error {
	rec := map[string]float64{"eval_loss": r.loss}
	if t.pairs() {
		rec["eval_accuracy"], rec["eval_margin"] = r.acc, r.gap
	} else {
		rec["eval_perplexity"] = math.Exp(r.loss)
	}
	return t.log.write(t.st.Step, rec)
}

func (t *trainer) loop(ctx context.Context, sum *Summary) error {
	c := &t.cfg
	if t.st.Step == 0 {
		r, ok, err := t.evaluate()
		if err != nil {
			return err
		}
		if ok {
			if err := t.logEval(r); err != nil {
				return err
			}
			t.st.BestEval = r.loss
		}
	}
	bar := progressbar.NewOptions(t.total, progressbar.OptionSetWriter(t.out), progressbar.OptionShowCount(),
		progressbar.OptionSetPredictTime(true), progressbar.OptionThrottle(200*time.Millisecond),
		progressbar.OptionSetDescription(c.Method), progressbar.OptionClearOnFinish())
	_ = bar.Set(t.st.Step)
	started, tok0 := time.Now(), t.st.Tokens
	var window float64
	var nWin int
	for t.st.Step < t.total {
		if ctx.Err() != nil {
			if err := t.saveCheckpoint(); err != nil {
				return err
			}
			fmt.Fprintf(t.out, "\ntrain: interrupted at step %d; checkpoint saved, continue with --resume\n", t.st.Step)
			return fmt.Errorf("%w at step %d (checkpoint saved in %s)", ErrInterrupted, t.st.Step, c.OutputDir)
		}
		lr := lrAt(c, t.st.Step, t.total)
		t.opt.LR = float32(lr)
		t.m.ZeroGrad()
		if t.head != nil {
			clear(t.head.g)
		}
		res, err := t.step(t.st.Step)
		if err != nil {
			return fmt.Errorf("step %d: %w", t.st.Step+1, err)
		}
		params, grads := t.params()
		all := [][]float32{grads}
		if t.head != nil {
			all = append(all, t.head.g)
		}
		norm := clip(c.MaxGradNorm, all...)
		if !finite(res.loss) || !finite(norm) {
			if err := t.saveCheckpoint(); err != nil {
				return err
			}
			return fmt.Errorf("%w: loss %v, gradient norm %v at step %d (learning rate %.3g); the weights before this step are saved in %s — lower learning_rate or max_grad_norm, or check the data, then --resume",
				ErrNaN, res.loss, norm, t.st.Step+1, lr, t.checkpointDir(t.st.Step))
		}
		if err := t.opt.Update(params, grads); err != nil {
			return err
		}
		if t.head != nil {
			t.head.opt.LR = t.opt.LR
			if err := t.head.opt.Update(t.head.w, t.head.g); err != nil {
				return err
			}
		}
		t.st.Step++
		t.st.Tokens += int64(res.tokens)
		t.st.OptStep = t.opt.Step
		if t.m.LoRA != nil {
			t.st.DropoutStep = t.m.LoRA.DropoutStep()
		}
		if t.afterStep != nil {
			t.afterStep(t.st.Step)
		}
		window += res.loss
		nWin++
		tps := float64(t.st.Tokens-tok0) / max(time.Since(started).Seconds(), 1e-9)
		if t.st.Step%c.LoggingSteps == 0 || t.st.Step == t.total {
			rec := map[string]float64{"loss": res.loss, "learning_rate": lr, "grad_norm": norm,
				"epoch": float64(t.st.Epoch) + float64(t.st.Cursor+1)/float64(t.stepsIn(t.st.Epoch)), "tokens": float64(t.st.Tokens)}
			for k, v := range res.stats {
				rec[k] = v
			}
			if err := t.log.write(t.st.Step, rec); err != nil {
				return err
			}
			sum.TrainLoss = window / float64(nWin)
			window, nWin = 0, 0
		}
		bar.Describe(fmt.Sprintf("%s loss %.4f lr %.2e %.0f tok/s", c.Method, res.loss, lr, tps))
		_ = bar.Set(t.st.Step)
		if c.EvalSteps > 0 && t.st.Step%c.EvalSteps == 0 && t.st.Step < t.total {
			r, ok, err := t.evaluate()
			if err != nil {
				return err
			}
			if ok {
				if err := t.logEval(r); err != nil {
					return err
				}
				if r.loss < t.st.BestEval {
					t.st.BestEval, t.st.BadEvals = r.loss, 0
				} else {
					t.st.BadEvals++
				}
				if c.EarlyStoppingPatience > 0 && t.st.BadEvals >= c.EarlyStoppingPatience {
					fmt.Fprintf(t.out, "\ntrain: eval loss has not improved for %d evaluations; stopping early at step %d\n", t.st.BadEvals, t.st.Step)
					sum.StoppedEarly = true
					break
				}
			}
		}
		if c.SaveSteps > 0 && t.st.Step%c.SaveSteps == 0 && t.st.Step < t.total {
			if err := t.saveCheckpoint(); err != nil {
				return err
			}
		}
	}
	_ = bar.Finish()
	return nil
}

// finish evaluates the final weights, saves the output and draws the plots.
func (t *trainer) finish(sum *Summary) error {
	c := &t.cfg
	if r, ok, err := t.evaluate(); err != nil {
		return err
	} else if ok {
		if err := t.logEval(r); err != nil {
			return err
		}
		sum.EvalLoss = r.loss
		if t.pairs() {
			sum.EvalAcc, sum.EvalMargin = r.acc, r.gap
		} else {
			sum.EvalPPL = math.Exp(r.loss)
		}
	}
	if first, ok := t.log.firstEval(); ok {
		sum.BaseEvalLoss = first["eval_loss"]
		if t.pairs() {
			sum.BaseEvalAcc = first["eval_accuracy"]
		}
	}
	if err := t.saveFinal(c.OutputDir); err != nil {
		return err
	}
	if err := t.log.Close(); err != nil {
		return err
	}
	if err := writePlots(filepath.Join(c.OutputDir, "metrics.jsonl"), filepath.Join(c.OutputDir, "plots")); err != nil {
		return fmt.Errorf("plots: %w", err)
	}
	fmt.Fprintf(t.out, "train: saved %s to %s\n", map[bool]string{true: "adapter", false: "model"}[t.m.LoRA != nil && c.Method != "reward"], c.OutputDir)
	return nil
}

// saveFinal writes the trained model (or adapter), the tokenizer and, for
// a reward model, its score head into dir.
func (t *trainer) saveFinal(dir string) error {
	c := &t.cfg
	switch {
	case t.m.LoRA != nil && c.Method != "reward":
		if err := t.m.SaveLoRA(dir, t.base, true); err != nil {
			return err
		}
	default:
		if t.m.LoRA != nil {
			t.m.MergeLoRA()
		}
		if err := t.m.SaveAs(dir, c.SaveDtype, true); err != nil {
			return err
		}
	}
	if t.head != nil {
		if err := t.head.save(filepath.Join(dir, scoreFile)); err != nil {
			return err
		}
	}
	tokDir := c.Tokenizer
	if tokDir == "" {
		tokDir = c.BaseModel
	}
	return copyTokenizer(tokDir, dir)
}

// copyTokenizer copies the tokenizer files of src into dst.
func copyTokenizer(src, dst string) error {
	for _, name := range []string{"tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "chat_template.jinja"} {
		data, err := os.ReadFile(filepath.Join(src, name))
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			return err
		}
		if err := writeFile(filepath.Join(dst, name), data); err != nil {
			return err
		}
	}
	return nil
}
