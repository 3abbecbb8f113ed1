// Tests for tend data seed: the directory appears whole, the manifest
// records the statistics, and existing output is never overwritten without
// --force.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tend-project/tend/atomicfile"
	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/data/seed"
)

func TestWriteSeed(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "corpus")
	cfg := seed.Config{Seed: 3, Conversations: 120, Pairs: 80}
	var progress strings.Builder
	st, err := writeSeed(out, cfg, false, &progress)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(progress.String(), "200/200") {
		t.Errorf("progress %q does not reach 200/200", progress.String())
	}

	f, err := os.Open(filepath.Join(out, "conversations.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := conv.NewReader[conv.Conversation](f, "conversations.jsonl")
	n := 0
	for {
		if _, err := r.Next(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n != cfg.Conversations {
		t.Errorf("read back %d conversations, want %d", n, cfg.Conversations)
	}

	raw, err := os.ReadFile(filepath.Join(out, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var man seed.Manifest
	if err := json.Unmarshal(raw, &man); err != nil {
		t.Fatal(err)
	}
	if man.Stats.Conversations != 120 || man.Stats.Pairs != 80 || man.Stats.Seed != 3 || man.Version == "" || man.License != seed.License {
		t.Errorf("manifest %+v", man)
	}
	if man.Stats.Diversity != st.Diversity || man.Stats.Diversity.Replies == 0 {
		t.Errorf("manifest diversity %+v, returned %+v", man.Stats.Diversity, st.Diversity)
	}

	// No --force: refused, and the first corpus is untouched.
	before, _ := os.ReadFile(filepath.Join(out, "preferences.jsonl"))
	cfg.Seed = 4
	if _, err := writeSeed(out, cfg, false, io.Discard); !errors.Is(err, atomicfile.ErrExists) {
		t.Fatalf("second write without force: %v, want ErrExists", err)
	}
	if after, _ := os.ReadFile(filepath.Join(out, "preferences.jsonl")); string(after) != string(before) {
		t.Fatal("refused write changed the existing corpus")
	}
	if _, err := writeSeed(out, cfg, true, io.Discard); err != nil {
		t.Fatalf("with force: %v", err)
	}
	if after, _ := os.ReadFile(filepath.Join(out, "preferences.jsonl")); string(after) == string(before) {
		t.Fatal("forced write with another seed left the old corpus")
	}
	entries, _ := os.ReadDir(parent)
	if len(entries) != 1 {
		t.Errorf("parent holds %d entries, want only the corpus (no staging leftovers)", len(entries))
	}
}

func TestWriteSeedCancelled(t *testing.T) {
	parent := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := writeSeedContext(ctx, filepath.Join(parent, "c"), seed.Config{Seed: 1, Conversations: 1000}, false, io.Discard)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want context.Canceled", err)
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 0 {
		t.Errorf("cancelled run left %d entries behind", len(entries))
	}
}

func TestDataSeedCmd(t *testing.T) {
	out := filepath.Join(t.TempDir(), "s")
	cmd := newRootCmd()
	var stderr strings.Builder
	cmd.SetErr(&stderr)
	cmd.SetOut(io.Discard)
	cmd.SetArgs([]string{"data", "seed", "--out", out, "--conversations", "30", "--pairs", "16", "--seed", "9"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"30 conversations", "16 preference pairs", "distinct-2", "crisis_self_harm", "misses_crisis_resources"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stats table lacks %q:\n%s", want, stderr.String())
		}
	}
	cmd = newRootCmd()
	cmd.SetErr(io.Discard)
	cmd.SetArgs([]string{"data", "seed"})
	if err := cmd.Execute(); err == nil || !strings.Contains(err.Error(), "--out") {
		t.Errorf("missing --out: %v", err)
	}
}
