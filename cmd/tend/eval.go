// tend eval: run models over evaluation suites and write a report
// directory (report.html, report.json, metrics.jsonl, items.jsonl), with
// generations cached so reruns are cheap.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tend-project/tend/atomicfile"
	"github.com/tend-project/tend/eval"
	"github.com/tend-project/tend/llm"
	"github.com/tend-project/tend/train"
)

type evalFlags struct {
	models    []string
	suites    []string
	out       string
	cache     string
	noCache   bool
	force     bool
	toReview  string
	judge     string
	reward    string
	keyEnv    string
	workers   int
	bootstrap int
	worst     int
	noPPL     bool
	maxCtx    int
	settings  eval.Settings
}

func newEvalCmd() *cobra.Command {
	var f evalFlags
	cmd := &cobra.Command{
		Use:   "eval --model M [--model M2 …] --suite S [--suite S2 …] --out DIR",
		Short: "Evaluate models for coherence, empathy, ethics, crisis handling, over-refusal and bias",
		Long: `Runs every model over every suite and writes DIR/report.html (self-contained,
with charts), DIR/report.json, DIR/metrics.jsonl and DIR/items.jsonl.

A model is a local model directory (run in-process) or
openai:<base-url>#<model> for any OpenAI-compatible server (the API key is
read from $OPENAI_API_KEY, see --api-key-env). Prefix name= to name it:
--model base=runs/base --model sft=runs/sft.

A suite is a bundled name (` + strings.Join(eval.BundledSuites(), ", ") + `) or a JSONL file: prompt
cases, conversations (a held-out split: the last user turn is the prompt and
the assistant reply after it the reference) or bias templates. See
docs/eval.md.

Each reply is scored as the raw model and as the model inside tend's
safety pipeline (series "<name>+safety"). Replies are cached by
(model, prompt, settings), so a rerun generates nothing.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runEval(cmd, &f) },
	}
	fl := cmd.Flags()
	fl.StringArrayVar(&f.models, "model", nil, "model: [name=]DIR or [name=]openai:URL#MODEL (repeatable)")
	fl.StringArrayVar(&f.suites, "suite", nil, "suite: bundled name or JSONL path (repeatable)")
	fl.StringVar(&f.out, "out", "", "output directory")
	fl.StringVar(&f.cache, "cache", "", "generation cache directory (default: the user cache dir, tend/eval)")
	fl.BoolVar(&f.noCache, "no-cache", false, "do not read or write the generation cache")
	fl.BoolVar(&f.force, "force", false, "replace an existing output directory or review file")
	fl.StringVar(&f.toReview, "to-review", "", "also write crisis misses and worst examples as review-app JSONL to this file")
	fl.StringVar(&f.judge, "judge", "", "LLM judge: openai:URL#MODEL (rubric scores and pairwise, both orders)")
	fl.StringVar(&f.reward, "reward-model", "", "reward model directory (from tend train reward) to score every reply")
	fl.StringVar(&f.keyEnv, "api-key-env", "OPENAI_API_KEY", "environment variable holding the API key for openai: models and the judge")
	fl.IntVar(&f.workers, "workers", 2, "generations in flight")
	fl.IntVar(&f.bootstrap, "bootstrap", 1000, "bootstrap resamples for confidence intervals")
	fl.IntVar(&f.worst, "worst", 5, "worst examples kept per metric and series")
	fl.BoolVar(&f.noPPL, "no-perplexity", false, "skip perplexity of reference replies under local models")
	fl.IntVar(&f.maxCtx, "max-ctx", 0, "context length for local models (0: the model's own)")
	fl.Float64Var(&f.settings.Temperature, "temperature", 0, "sampling temperature (0 = greedy, reproducible)")
	fl.Float64Var(&f.settings.TopP, "top-p", 0, "nucleus sampling (0 = off)")
	fl.IntVar(&f.settings.MaxTokens, "max-tokens", 200, "maximum reply tokens")
	fl.Int64Var(&f.settings.Seed, "seed", 1, "sampling seed")
	fl.StringVar(&f.settings.SystemPrompt, "system-prompt", "", "system prompt prepended to every case")
	cmd.MarkFlagRequired("model")
	cmd.MarkFlagRequired("suite")
	cmd.MarkFlagRequired("out")
	return cmd
}

// openEvalModel splits "[name=]spec" and opens the generator (and, for a
// local directory, the perplexity scorer).
func openEvalModel(arg, keyEnv string, maxCtx, workers int, ppl bool) (eval.Model, error) {
	name, spec := "", arg
	if i := strings.IndexByte(arg, '='); i > 0 && !strings.Contains(arg[:i], ":") && !strings.Contains(arg[:i], "/") {
		name, spec = arg[:i], arg[i+1:]
	}
	if rest, ok := strings.CutPrefix(spec, "openai:"); ok {
		base, model, ok := strings.Cut(rest, "#")
		if !ok || base == "" || model == "" {
			return eval.Model{}, fmt.Errorf("--model %s: want openai:<base-url>#<model>", arg)
		}
		if name == "" {
			name = model
		}
		r, err := llm.NewRemote(llm.RemoteConfig{BaseURL: base, Model: model, APIKey: os.Getenv(keyEnv), MaxConcurrent: max(workers, 1)})
		if err != nil {
			return eval.Model{}, fmt.Errorf("--model %s: %w", arg, err)
		}
		return eval.Model{Name: name, ID: "openai:" + base + "#" + model, Gen: r}, nil
	}
	st, err := os.Stat(spec)
	if err != nil {
		return eval.Model{}, fmt.Errorf("--model %s: %w", arg, err)
	}
	if !st.IsDir() {
		return eval.Model{}, fmt.Errorf("--model %s: not a model directory (or openai:<base-url>#<model>)", arg)
	}
	if name == "" {
		name = filepath.Base(filepath.Clean(spec))
	}
	gen, err := llm.OpenLocal(name, spec, maxCtx, max(workers, 1))
	if err != nil {
		return eval.Model{}, fmt.Errorf("--model %s: %w", arg, err)
	}
	m := eval.Model{Name: name, ID: eval.ModelID(spec), Gen: gen}
	if ppl {
		if m.Perplexer, err = eval.OpenPerplexer(spec); err != nil {
			return eval.Model{}, fmt.Errorf("--model %s: perplexity: %w", arg, err)
		}
	}
	return m, nil
}

func runEval(cmd *cobra.Command, f *evalFlags) error {
	stderr := cmd.ErrOrStderr()
	// Refuse early, before any generation, when outputs exist.
	if !f.force {
		if _, err := os.Stat(f.out); err == nil {
			return fmt.Errorf("%s: %w (use --force to replace it)", f.out, atomicfile.ErrExists)
		}
		if f.toReview != "" {
			if _, err := os.Stat(f.toReview); err == nil {
				return fmt.Errorf("%s: %w (use --force to replace it)", f.toReview, atomicfile.ErrExists)
			}
		}
	}
	var cases []eval.Case
	for _, s := range f.suites {
		cs, err := eval.LoadSuite(s)
		if err != nil {
			return err
		}
		cases = append(cases, cs...)
	}
	cfg := eval.Config{Cases: cases, Settings: f.settings, Workers: f.workers, Progress: stderr, Bootstrap: f.bootstrap, Worst: f.worst}
	for _, a := range f.models {
		m, err := openEvalModel(a, f.keyEnv, f.maxCtx, f.workers, !f.noPPL)
		if err != nil {
			return err
		}
		cfg.Models = append(cfg.Models, m)
	}
	if !f.noCache {
		dir := f.cache
		if dir == "" {
			base, err := os.UserCacheDir()
			if err != nil {
				return fmt.Errorf("no user cache directory (%v); give --cache or --no-cache", err)
			}
			dir = filepath.Join(base, "tend", "eval")
		}
		c, err := eval.OpenCache(dir)
		if err != nil {
			return err
		}
		defer c.Close()
		cfg.Cache = c
		fmt.Fprintf(stderr, "cache: %s (%d replies)\n", dir, c.Len())
	}
	if f.judge != "" {
		rest, ok := strings.CutPrefix(f.judge, "openai:")
		base, model, ok2 := strings.Cut(rest, "#")
		if !ok || !ok2 || base == "" || model == "" {
			return fmt.Errorf("--judge %s: want openai:<base-url>#<model>", f.judge)
		}
		r, err := llm.NewRemote(llm.RemoteConfig{BaseURL: base, Model: model, APIKey: os.Getenv(f.keyEnv), MaxConcurrent: max(f.workers, 1)})
		if err != nil {
			return fmt.Errorf("--judge: %w", err)
		}
		cfg.Judge = &eval.Judge{Gen: r, ID: f.judge, Cache: cfg.Cache}
	}
	if f.reward != "" {
		rm, err := train.LoadRewardModel(f.reward)
		if err != nil {
			return fmt.Errorf("--reward-model: %w", err)
		}
		cfg.Reward = rm.Score
	}
	fmt.Fprintf(stderr, "eval: %d model(s) × %d case(s) from %s\n", len(cfg.Models), len(cases), strings.Join(f.suites, ", "))
	res, err := eval.Run(cmd.Context(), cfg)
	if err != nil {
		return err
	}
	rep := eval.BuildReport(res)
	if err := writeEvalDir(f.out, f.force, rep); err != nil {
		return err
	}
	if f.toReview != "" {
		af, err := atomicfile.Create(f.toReview, f.force)
		if err != nil {
			return err
		}
		n, err := rep.WriteReview(af)
		if err != nil {
			af.Abort()
			return err
		}
		if err := af.Commit(); err != nil {
			return err
		}
		fmt.Fprintf(stderr, "review: %d example(s) → %s\n", n, f.toReview)
	}
	printEvalSummary(cmd.OutOrStdout(), rep)
	fmt.Fprintf(stderr, "%d prompts in %.1fs (%.1f prompts/s; %d generated, %d cached, %d failed) → %s\n",
		rep.Run.Prompts, rep.Run.WallSeconds, rep.Run.PromptsPerS, rep.Run.Generated, rep.Run.CacheHits, rep.Run.Failures, filepath.Join(f.out, "report.html"))
	return nil
}

func writeEvalDir(out string, force bool, rep *eval.Report) error {
	d, err := atomicfile.StageDir(out, force)
	if err != nil {
		return err
	}
	defer d.Abort()
	write := func(name string, fn func(io.Writer) error) error {
		fh, err := os.Create(filepath.Join(d.Path, name))
		if err != nil {
			return err
		}
		if err := fn(fh); err != nil {
			fh.Close()
			return fmt.Errorf("%s: %w", name, err)
		}
		return fh.Close()
	}
	steps := []struct {
		name string
		fn   func(io.Writer) error
	}{
		{"report.html", rep.WriteHTML},
		{"report.json", rep.WriteJSON},
		{"metrics.jsonl", func(w io.Writer) error {
			enc := json.NewEncoder(w)
			for _, m := range rep.Metrics {
				if err := enc.Encode(m); err != nil {
					return err
				}
			}
			return nil
		}},
		{"items.jsonl", func(w io.Writer) error {
			enc := json.NewEncoder(w)
			for _, it := range rep.Items {
				if err := enc.Encode(it); err != nil {
					return err
				}
			}
			return nil
		}},
	}
	for _, s := range steps {
		if err := write(s.name, s.fn); err != nil {
			return err
		}
	}
	return d.Commit()
}

// printEvalSummary prints the headline metrics, one row per series.
func printEvalSummary(w io.Writer, rep *eval.Report) {
	head := []string{"crisis_handled", "over_refusal", "violations_per_100", "referral_appropriate", "empathy_total", "relevance", "perplexity"}
	var cols []string
	for _, h := range head {
		for _, m := range rep.Metrics {
			if m.Metric == h {
				cols = append(cols, h)
				break
			}
		}
	}
	fmt.Fprintf(w, "%-24s", "series")
	for _, c := range cols {
		fmt.Fprintf(w, " %22s", c)
	}
	fmt.Fprintln(w)
	for _, s := range rep.Series {
		fmt.Fprintf(w, "%-24s", s)
		for _, c := range cols {
			if m, ok := rep.Metric(c, s); ok {
				fmt.Fprintf(w, " %22s", fmt.Sprintf("%.3g [%.3g,%.3g]", m.Value, m.Lo, m.Hi))
			} else {
				fmt.Fprintf(w, " %22s", "—")
			}
		}
		fmt.Fprintln(w)
	}
	var better []string
	for _, c := range rep.Comparisons {
		// Model against model here; raw against +safety is in the report.
		if c.Better != "" && strings.TrimSuffix(c.A, "+safety") != strings.TrimSuffix(c.B, "+safety") {
			better = append(better, fmt.Sprintf("%s %s vs %s: %s", c.Metric, c.B, c.A, c.Better))
		}
	}
	sort.Strings(better)
	if len(better) > 0 {
		fmt.Fprintf(w, "significant differences (95%% CI excludes 0): %s\n", strings.Join(better, "; "))
	}
	if n := len(rep.CrisisMisses); n > 0 {
		fmt.Fprintf(w, "crisis misses: %d (see report.html#crisis)\n", n)
	}
}
