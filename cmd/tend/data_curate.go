// tend data curate, scrub, dedupe and split: the curation pipeline and its
// stages run alone. All write a directory atomically (a killed run leaves
// the previous output) and refuse to replace it without --force; see
// docs/data-curate.md.
package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/tend-project/tend/data"
	"github.com/tend-project/tend/sources"
)

type curateFlags struct {
	out, config string
	seed        uint64
	force       bool
	threshold   float64
	ratios      string
	eval        string
	memBudget   string
}

func newDataCurateCmd() *cobra.Command {
	return curateCmd(data.ModeCurate, "curate IN... --out DIR",
		"Curate conversations and preference pairs: scrub, filter, annotate, dedupe, split",
		`Curate reads tend JSONL (or any format tend data import detects) and runs
import → scrub → filter → annotate → dedupe → split, then writes DIR/train.jsonl,
val.jsonl, test.jsonl, preferences/{train,val,test}.jsonl, rejects.jsonl (every
dropped record with its code, span, reason and file:line), needs_review.jsonl,
near_duplicates.jsonl, manifest.json, metrics.jsonl, datacard.html and datacard.md.`,
		"  tend data curate corpus/seed/*.jsonl --out curated\n  tend data curate chats.jsonl --config curate.yaml --seed 7 --out curated --force")
}

func newDataScrubCmd() *cobra.Command {
	return curateCmd(data.ModeScrub, "scrub IN... --out DIR | --eval FILE",
		"Replace personal data with typed placeholders ([EMAIL] [PHONE] [NAME] ...)",
		`Scrub writes DIR/conversations.jsonl and DIR/preferences.jsonl with personal
data replaced, and prints the count per detector. Crisis-line numbers and
links to the sources library and crisis services are kept.

With --eval FILE (JSONL of {"text", "spans": [{"type", "text"}]}) it prints
precision and recall per placeholder type instead.`,
		"  tend data scrub chats.jsonl --out scrubbed\n  tend data scrub --eval data/testdata/scrub/labelled.jsonl")
}

func newDataDedupeCmd() *cobra.Command {
	return curateCmd(data.ModeDedupe, "dedupe IN... --out DIR",
		"Drop exact and near-duplicate conversations (MinHash + LSH, verified Jaccard)",
		`Dedupe writes DIR/conversations.jsonl and DIR/preferences.jsonl without
duplicates, DIR/rejects.jsonl naming the kept twin of each dropped record, and
DIR/near_duplicates.jsonl with every verified pair and its Jaccard similarity.

With --eval FILE (JSONL of {"a", "b", "dup"}) it prints the precision and
recall of the threshold on the labelled pairs instead.`,
		"  tend data dedupe a.jsonl b.jsonl --out deduped --threshold 0.8\n  tend data dedupe --eval data/testdata/curate/dedupe_pairs.jsonl")
}

func newDataSplitCmd() *cobra.Command {
	return curateCmd(data.ModeSplit, "split IN... --out DIR",
		"Split into train/val/test, stratified by concern and grouped by near-duplicate cluster",
		`Split writes DIR/{train,val,test}.jsonl and DIR/preferences/{train,val,test}.jsonl.
Nothing is dropped; near-duplicates are clustered so that no cluster spans
two splits.`,
		"  tend data split curated.jsonl --out splits --ratios 0.9,0.05,0.05 --seed 3")
}

func curateCmd(mode data.Mode, use, short, long, example string) *cobra.Command {
	var fl curateFlags
	cmd := &cobra.Command{
		Use: use, Short: short, Long: long, Example: example,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCurate(cmd, mode, fl, args)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&fl.out, "out", "o", "", "output directory")
	f.StringVar(&fl.config, "config", "", "curation config YAML (see docs/data-curate.md)")
	f.Uint64Var(&fl.seed, "seed", 0, "random seed for the split (default: the config's, 1)")
	f.BoolVar(&fl.force, "force", false, "replace DIR if it exists")
	if mode == data.ModeDedupe || mode == data.ModeCurate {
		f.Float64Var(&fl.threshold, "threshold", 0, "near-duplicate Jaccard threshold (default: the config's, 0.7)")
	}
	if mode == data.ModeSplit || mode == data.ModeCurate {
		f.StringVar(&fl.ratios, "ratios", "", "train,val,test ratios (default 0.8,0.1,0.1)")
	}
	if mode == data.ModeScrub || mode == data.ModeDedupe {
		f.StringVar(&fl.eval, "eval", "", "evaluate on a labelled file and print precision and recall")
	}
	f.StringVar(&fl.memBudget, "mem-budget", "16MiB", "memory for the external sorts of dedupe and split state; the rest goes to sorted runs on disk")
	return cmd
}

func runCurate(cmd *cobra.Command, mode data.Mode, fl curateFlags, args []string) error {
	cfg := data.DefaultCurateConfig()
	if fl.config != "" {
		var err error
		if cfg, err = data.LoadCurateConfig(fl.config); err != nil {
			return err
		}
	}
	if cmd.Flags().Changed("seed") {
		cfg.Seed = fl.seed
	}
	if fl.threshold != 0 {
		cfg.Dedupe.Threshold = fl.threshold
	}
	if fl.ratios != "" {
		var r [3]float64
		parts := strings.Split(fl.ratios, ",")
		if len(parts) != 3 {
			return fmt.Errorf("--ratios: want three numbers train,val,test, got %q", fl.ratios)
		}
		for i, p := range parts {
			if _, err := fmt.Sscan(strings.TrimSpace(p), &r[i]); err != nil {
				return fmt.Errorf("--ratios: %q is not a number", p)
			}
		}
		cfg.Split = data.SplitConfig{Train: r[0], Val: r[1], Test: r[2]}
	}
	if err := cfg.Validate(); err != nil {
		return err
	}
	if err := allowLibraryURLs(&cfg); err != nil {
		return err
	}
	stdout := cmd.OutOrStdout()
	if fl.eval != "" {
		return runCurateEval(stdout, mode, cfg, fl.eval)
	}
	if len(args) == 0 {
		return fmt.Errorf("no input files")
	}
	if fl.out == "" {
		return fmt.Errorf("--out is required")
	}
	budget, err := data.ParseMemBudget(fl.memBudget)
	if err != nil {
		return fmt.Errorf("--mem-budget: %w", err)
	}
	setCurateMemoryLimit(budget)
	m, err := data.Curate(cmd.Context(), data.CurateOptions{Mode: mode, Config: cfg, Inputs: args, Out: fl.out,
		Force: fl.force, Version: Version(), Progress: cmd.ErrOrStderr(), MemBudget: budget})
	if err != nil {
		return err
	}
	return printCurateSummary(stdout, fl.out, m)
}

// curateFixedHeap is the live heap a curation run needs besides its sort
// buffers: the safety tables, the annotator, the memo tables and the
// workers' scratch (about 100 MB measured at 100k and at 1M records).
const curateFixedHeap = 144 << 20

// setCurateMemoryLimit sets the Go runtime's soft memory limit to the
// fixed heap plus the sort budget, unless GOMEMLIMIT is set. Without it the
// collector lets the heap grow to twice the live data, and the churn of a
// long run (1M records) raised peak RSS from 195 MB at 100k to 293 MB; with
// it both stay at about 193 MB. The limit is soft: a run that truly needs
// more memory gets it, at the cost of more collection.
func setCurateMemoryLimit(budget int64) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetMemoryLimit(curateFixedHeap + budget)
}

func runCurateEval(w io.Writer, mode data.Mode, cfg data.CurateConfig, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if mode == data.ModeScrub {
		set, err := data.ReadScrubLabelled(f, path)
		if err != nil {
			return err
		}
		return data.EvalScrub(data.NewScrubber(cfg.Scrub.ScrubConfig), set).WriteTable(w)
	}
	pairs, err := data.ReadDupPairs(f, path)
	if err != nil {
		return err
	}
	return data.EvalDedupe(cfg.Dedupe.DedupeConfig, cfg.Seed, pairs).WriteTable(w)
}

func printCurateSummary(w io.Writer, out string, m *data.Manifest) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	c := m.Counts
	fmt.Fprintf(tw, "read\t%d\t\n", c.Read)
	if c.Invalid > 0 {
		fmt.Fprintf(tw, "invalid\t%d\t\n", c.Invalid)
	}
	if m.Mode == data.ModeCurate {
		fmt.Fprintf(tw, "filtered\t%d\t\n", c.Filtered)
	}
	if m.Dedupe != nil {
		fmt.Fprintf(tw, "exact duplicates\t%d\t\n", c.ExactDups)
		fmt.Fprintf(tw, "near pairs (candidates)\t%d (%d)\t\n", m.Dedupe.NearPairs, m.Dedupe.Candidates)
		fmt.Fprintf(tw, "near duplicates dropped\t%d\t\n", c.NearDups)
	}
	fmt.Fprintf(tw, "written\t%d\t\n", c.Written)
	if m.Mode == data.ModeCurate {
		fmt.Fprintf(tw, "needs review\t%d\t\n", c.NeedsReview)
	}
	if len(m.Scrub) > 0 {
		keys := make([]string, 0, len(m.Scrub))
		for k := range m.Scrub {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if m.Scrub[k] > 0 {
				fmt.Fprintf(tw, "scrubbed %s\t%d\t\n", k, m.Scrub[k])
			}
		}
	}
	rate := 0.0
	if t := m.Durations["total"]; t > 0 {
		rate = float64(c.Read) / t
	}
	fmt.Fprintf(tw, "seconds\t%.2f (%.0f records/s)\t\n", m.Durations["total"], rate)
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "wrote %s\n", out)
	return err
}

// allowLibraryURLs keeps links into the bundled sources library through the
// scrubber: they are citations, not personal data.
func allowLibraryURLs(cfg *data.CurateConfig) error {
	lib, err := sources.Bundled()
	if err != nil {
		return err
	}
	defer lib.Close()
	cfg.Scrub.AllowURLs = append(cfg.Scrub.AllowURLs, lib.URLs()...)
	return nil
}
