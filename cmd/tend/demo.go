// tend demo: the whole life cycle with one command, writing everything under
// ./tend-demo/. Each stage writes its output atomically and is skipped on a
// rerun when that output already exists, so a killed demo resumes where it
// stopped and never corrupts what finished before.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/tend-project/tend/data"
	"github.com/tend-project/tend/data/seed"
)

// demoStage is one step of the demo. out is the file or directory that
// proves the stage finished; run must create it atomically.
type demoStage struct {
	name string
	out  string
	run  func(ctx context.Context, st *demoState) error
}

// demoState carries settings and results between stages.
type demoState struct {
	dir   string
	quick bool
	log   io.Writer
}

func (s *demoState) path(parts ...string) string {
	return filepath.Join(append([]string{s.dir}, parts...)...)
}

func newDemoCmd() *cobra.Command {
	st := &demoState{}
	var fresh bool
	var chatAddr, reviewAddr string
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Run tend's whole life cycle on the bundled data, end to end",
		Long: `Run the main job on a fresh machine with no downloads: generate the seed
corpus, curate it, train, evaluate, and serve, writing everything under
--dir. Finished stages are reused on a rerun; --fresh starts over. With
--quick (for CI) the sizes are small, and instead of serving until Ctrl-C it
sends two chat requests through the safety pipeline and stops.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			st.log = cmd.ErrOrStderr()
			if fresh {
				if err := os.RemoveAll(st.dir); err != nil {
					return err
				}
			}
			if err := runDemo(cmd.Context(), st, demoStages()); err != nil {
				return err
			}
			return demoServe(cmd.Context(), st, chatAddr, reviewAddr)
		},
	}
	f := cmd.Flags()
	f.StringVar(&st.dir, "dir", "tend-demo", "directory for every demo output")
	f.BoolVar(&st.quick, "quick", false, "small sizes, for CI (about 2 minutes)")
	f.BoolVar(&fresh, "fresh", false, "delete --dir first instead of reusing finished stages")
	f.StringVar(&chatAddr, "listen", "127.0.0.1:8080", "address for the chat server")
	f.StringVar(&reviewAddr, "review-listen", "127.0.0.1:8090", "address for the review app")
	return cmd
}

func demoStages() []demoStage {
	return []demoStage{
		{name: "generate the seed corpus", out: "seed", run: demoSeed},
		{name: "curate it (scrub, filter, annotate, dedupe, split, data card)", out: "data", run: demoCurate},
		{name: "fine-tune tend-mini with LoRA SFT on the curated train split", out: "sft-model", run: demoSFT},
		{name: "DPO on the seed preference pairs and the demo review export", out: "tuned", run: demoDPO},
		{name: "evaluate base against tuned (report.html)", out: "eval", run: demoEval},
		{name: "set up the review app with the worst replies", out: "review.db", run: demoReview},
	}
}

func runDemo(ctx context.Context, st *demoState, stages []demoStage) error {
	if err := os.MkdirAll(st.dir, 0o755); err != nil {
		return err
	}
	// Staging directories of a killed run (".name.tmp-*") are never
	// reused; remove them so they don't pile up.
	if stale, err := filepath.Glob(filepath.Join(st.dir, ".*.tmp-*")); err == nil {
		for _, p := range stale {
			os.RemoveAll(p)
		}
	}
	start := time.Now()
	for i, s := range stages {
		prefix := fmt.Sprintf("[%d/%d] %s", i+1, len(stages), s.name)
		if _, err := os.Stat(st.path(s.out)); err == nil {
			fmt.Fprintf(st.log, "%s: already done (%s), reusing\n", prefix, st.path(s.out))
			continue
		}
		fmt.Fprintf(st.log, "%s …\n", prefix)
		t0 := time.Now()
		if err := s.run(ctx, st); err != nil {
			return fmt.Errorf("demo stage %q: %w", s.name, err)
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		fmt.Fprintf(st.log, "%s: done in %s\n", prefix, time.Since(t0).Round(10*time.Millisecond))
	}
	fmt.Fprintf(st.log, "demo finished in %s; outputs are in %s\n", time.Since(start).Round(time.Second), st.dir)
	return nil
}

func demoSeed(ctx context.Context, st *demoState) error {
	cfg := seed.DefaultConfig()
	if st.quick {
		cfg.Conversations, cfg.Pairs = 1000, 1000
	}
	stats, err := writeSeedContext(ctx, st.path("seed"), cfg, false, st.log)
	if err != nil {
		return err
	}
	return stats.WriteTable(st.log)
}

func demoCurate(ctx context.Context, st *demoState) error {
	cfg := data.DefaultCurateConfig()
	if err := allowLibraryURLs(&cfg); err != nil {
		return err
	}
	m, err := data.Curate(ctx, data.CurateOptions{
		Mode: data.ModeCurate, Config: cfg,
		Inputs: []string{st.path("seed", "conversations.jsonl"), st.path("seed", "preferences.jsonl")},
		Out:    st.path("data"), Version: Version(), Progress: st.log,
	})
	if err != nil {
		return err
	}
	return printCurateSummary(st.log, st.path("data"), m)
}
