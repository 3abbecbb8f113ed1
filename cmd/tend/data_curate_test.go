// Tests for tend data curate, scrub, dedupe and split as commands: flags
// reach the pipeline, --eval prints the measured figures, and bad flags
// give clear errors.
package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDataCurateCommand(t *testing.T) {
	fixture := []string{"../../data/testdata/curate/fixture_conversations.jsonl", "../../data/testdata/curate/fixture_preferences.jsonl"}
	dir := t.TempDir()
	out, err := runTend(t, append([]string{"data", "curate", "--out", filepath.Join(dir, "c"), "--seed", "3", "--ratios", "0.6,0.2,0.2"}, fixture...)...)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"read", "filtered", "near duplicates dropped", "scrubbed phone", "wrote "} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	man, err := os.ReadFile(filepath.Join(dir, "c", "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(man), `"seed": 3`) || !strings.Contains(string(man), `"train": 0.6`) {
		t.Errorf("flags did not reach the manifest's config")
	}
	if _, err := runTend(t, append([]string{"data", "split", "--out", filepath.Join(dir, "s")}, fixture...)...); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "s", "preferences", "train.jsonl")); err != nil {
		t.Error(err)
	}
	if _, err := runTend(t, append([]string{"data", "scrub", "--out", filepath.Join(dir, "x")}, fixture...)...); err != nil {
		t.Fatal(err)
	}
	if _, err := runTend(t, append([]string{"data", "dedupe", "--out", filepath.Join(dir, "d"), "--threshold", "0.8"}, fixture...)...); err != nil {
		t.Fatal(err)
	}
}

func TestDataCurateEval(t *testing.T) {
	out, err := runTend(t, "data", "scrub", "--eval", "../../data/testdata/scrub/labelled.jsonl")
	if err != nil || !strings.Contains(out, "redaction recall") || !strings.Contains(out, "EMAIL") {
		t.Errorf("scrub --eval: %v\n%s", err, out)
	}
	out, err = runTend(t, "data", "dedupe", "--eval", "../../data/testdata/curate/dedupe_pairs.jsonl")
	if err != nil || !strings.Contains(out, "precision") {
		t.Errorf("dedupe --eval: %v\n%s", err, out)
	}
}

func TestDataCurateFlagErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("dedupe:\n  treshold: 0.8\n"), 0o644)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"data", "curate", "x.jsonl"}, "--out is required"},
		{[]string{"data", "curate", "--out", dir + "/o"}, "no input files"},
		{[]string{"data", "curate", "--out", dir + "/o", "--ratios", "0.8,0.2", "x.jsonl"}, "--ratios: want three numbers"},
		{[]string{"data", "curate", "--out", dir + "/o", "--ratios", "0.8,0.3,0.1", "x.jsonl"}, "train + val + test = 1.2"},
		{[]string{"data", "curate", "--out", dir + "/o", "--config", bad, "x.jsonl"}, "field treshold not found"},
		{[]string{"data", "curate", "--out", dir + "/o", "missing.jsonl"}, "missing.jsonl"},
	} {
		_, err := runTend(t, tt.args...)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%v: got %v, want %q", tt.args, err, tt.want)
		}
	}
}
