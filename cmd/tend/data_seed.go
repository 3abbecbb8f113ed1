// tend data seed: writes the bundled seed corpus (conversations, preference
// pairs and a manifest with its statistics) into a directory, atomically.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/tend-project/tend/atomicfile"
	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/data/seed"
)

func newDataSeedCmd() *cobra.Command {
	cfg := seed.DefaultConfig()
	var out string
	var force bool
	cmd := &cobra.Command{
		Use:   "seed --out DIR",
		Short: "Generate the bundled seed corpus of conversations and preference pairs",
		Long: `Generate tend's own corpus from hand-written building blocks: multi-turn
supportive conversations over 15 concerns and every severity, fully labelled
(concerns, severity, emotions, ESConv strategy and EPITOME empathy per
assistant turn), and preference pairs whose rejected reply shows one named
failure. Output is deterministic for --seed.

Writes DIR/conversations.jsonl, DIR/preferences.jsonl and DIR/manifest.json.`,
		Example: "  tend data seed --out corpus/seed\n  tend data seed --out /tmp/s --seed 7 --conversations 1000 --pairs 1000 --force",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if out == "" {
				return fmt.Errorf("--out is required")
			}
			st, err := writeSeedContext(cmd.Context(), out, cfg, force, cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			return st.WriteTable(cmd.ErrOrStderr())
		},
	}
	f := cmd.Flags()
	f.StringVar(&out, "out", "", "output directory (required)")
	f.Uint64Var(&cfg.Seed, "seed", cfg.Seed, "random seed; the same seed gives byte-identical output")
	f.IntVar(&cfg.Conversations, "conversations", cfg.Conversations, "number of conversations")
	f.IntVar(&cfg.Pairs, "pairs", cfg.Pairs, "number of preference pairs")
	f.BoolVar(&force, "force", false, "replace DIR if it exists")
	return cmd
}

// writeSeed streams the corpus into a staging directory and swaps it into
// place only when everything, manifest included, has been written.
func writeSeed(out string, cfg seed.Config, force bool, progress io.Writer) (seed.Stats, error) {
	return writeSeedContext(context.Background(), out, cfg, force, progress)
}

// writeSeedContext is writeSeed that stops, leaving nothing behind, when
// ctx is cancelled (Ctrl-C).
func writeSeedContext(ctx context.Context, out string, cfg seed.Config, force bool, progress io.Writer) (seed.Stats, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	start := time.Now()
	dir, err := atomicfile.StageDir(out, force)
	if err != nil {
		return seed.Stats{}, err
	}
	defer dir.Abort()

	convFile, err := os.Create(filepath.Join(dir.Path, "conversations.jsonl"))
	if err != nil {
		return seed.Stats{}, err
	}
	defer convFile.Close()
	pairFile, err := os.Create(filepath.Join(dir.Path, "preferences.jsonl"))
	if err != nil {
		return seed.Stats{}, err
	}
	defer pairFile.Close()

	cw := conv.NewWriter[conv.Conversation](convFile)
	pw := conv.NewWriter[conv.PreferencePair](pairFile)
	// On a terminal the progress line rewrites itself; in a log it is
	// written every tenth of the way.
	tty := false
	if f, ok := progress.(*os.File); ok {
		tty = term.IsTerminal(int(f.Fd()))
	}
	step := max((cfg.Conversations+cfg.Pairs)/10, 1)
	last := 0
	cfg.Progress = func(done, total int) {
		switch {
		case tty:
			fmt.Fprintf(progress, "\rseed: %d/%d records", done, total)
			if done == total {
				fmt.Fprintln(progress)
			}
		case done-last >= step || done == total:
			fmt.Fprintf(progress, "seed: %d/%d records (%.1fs)\n", done, total, time.Since(start).Seconds())
			last = done
		}
	}
	st, err := seed.GenerateContext(ctx, cfg, cw.Write, pw.Write)
	if err != nil {
		return st, err
	}
	for _, f := range []struct {
		w interface{ Flush() error }
		f *os.File
	}{{cw, convFile}, {pw, pairFile}} {
		if err := f.w.Flush(); err != nil {
			return st, err
		}
		if err := f.f.Sync(); err != nil {
			return st, err
		}
		if err := f.f.Close(); err != nil {
			return st, err
		}
	}
	man := seed.Manifest{
		Generator:       "tend data seed",
		Version:         Version(),
		Files:           []string{"conversations.jsonl", "preferences.jsonl"},
		License:         seed.License,
		DurationSeconds: time.Since(start).Seconds(),
		Stats:           st,
	}
	b, err := json.MarshalIndent(man, "", "  ")
	if err != nil {
		return st, err
	}
	if err := os.WriteFile(filepath.Join(dir.Path, "manifest.json"), append(b, '\n'), 0o644); err != nil {
		return st, err
	}
	return st, dir.Commit()
}
