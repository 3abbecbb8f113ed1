// Pipeline tests: a golden test of tend data curate on a small fixture
// (-update rewrites the goldens), config errors that name the field, bad
// input located by file:line, refusal to overwrite, a cancelled run that
// leaves the previous output, and the filters' tables with hard negatives.
package data

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tend-project/tend/atomicfile"
	"github.com/tend-project/tend/conv"
)

var fixtureInputs = []string{"testdata/curate/fixture_conversations.jsonl", "testdata/curate/fixture_preferences.jsonl"}

func curateFixture(t *testing.T, mode Mode, cfg CurateConfig) (string, *Manifest) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out")
	cfg.Workers = 2
	m, err := Curate(context.Background(), CurateOptions{Mode: mode, Config: cfg, Inputs: fixtureInputs, Out: out, Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	return out, m
}

func TestCurateGolden(t *testing.T) {
	out, m := curateFixture(t, ModeCurate, DefaultCurateConfig())
	files := []string{"train.jsonl", "val.jsonl", "test.jsonl", "preferences/train.jsonl", "preferences/val.jsonl",
		"preferences/test.jsonl", "rejects.jsonl", "needs_review.jsonl", "near_duplicates.jsonl"}
	// The manifest's stable part: counts, reasons, scrub counts, outputs.
	stable, err := json.MarshalIndent(map[string]any{"counts": m.Counts, "filter_reasons": m.FilterReasons,
		"scrub": m.Scrub, "outputs": m.Outputs, "dedupe": m.Dedupe}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, "manifest.stable.json"), append(stable, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	files = append(files, "manifest.stable.json")
	for _, f := range files {
		got, err := os.ReadFile(filepath.Join(out, f))
		if err != nil {
			t.Fatal(err)
		}
		golden := filepath.Join("testdata/curate/golden", strings.ReplaceAll(f, "/", "_")+".golden")
		if *update {
			os.MkdirAll(filepath.Dir(golden), 0o755)
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(string(want), string(got)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", f, diff)
		}
	}
	for _, f := range []string{"manifest.json", "datacard.html", "datacard.md", "metrics.jsonl"} {
		if fi, err := os.Stat(filepath.Join(out, f)); err != nil || fi.Size() == 0 {
			t.Errorf("%s missing or empty", f)
		}
	}
	if _, err := os.Stat(filepath.Join(out, ".spill.jsonl")); !os.IsNotExist(err) {
		t.Errorf("spill file left in the output")
	}
	html, _ := os.ReadFile(filepath.Join(out, "datacard.html"))
	if n := strings.Count(string(html), "<svg") + strings.Count(string(html), "class=empty"); n != 6 {
		t.Errorf("datacard.html has %d plots (inline SVG or 'no data'), want 6", n)
	}
	if strings.Contains(string(html), "<script") || strings.Contains(string(html), "src=\"http") {
		t.Errorf("datacard.html is not self-contained")
	}
}

func TestCurateDeterministic(t *testing.T) {
	a, _ := curateFixture(t, ModeCurate, DefaultCurateConfig())
	b, _ := curateFixture(t, ModeCurate, DefaultCurateConfig())
	for _, f := range []string{"train.jsonl", "val.jsonl", "test.jsonl", "rejects.jsonl"} {
		x, _ := os.ReadFile(filepath.Join(a, f))
		y, _ := os.ReadFile(filepath.Join(b, f))
		if string(x) != string(y) {
			t.Errorf("%s differs between two runs with the same seed", f)
		}
	}
}

func TestCurateSingleStages(t *testing.T) {
	out, m := curateFixture(t, ModeScrub, DefaultCurateConfig())
	b, err := os.ReadFile(filepath.Join(out, "conversations.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), "07700 900123") || strings.Contains(string(b), "sam.reid@gmail.com") || !strings.Contains(string(b), "[PHONE]") {
		t.Errorf("scrub stage left personal data")
	}
	if m.Counts.Written != 20 || m.Dedupe != nil {
		t.Errorf("scrub stage: written %d (want all 20), dedupe %v (want none)", m.Counts.Written, m.Dedupe)
	}
	_, m = curateFixture(t, ModeDedupe, DefaultCurateConfig())
	if m.Counts.ExactDups != 1 || m.Counts.NearDups != 1 || m.Counts.Written != 18 || m.Counts.Filtered != 0 {
		t.Errorf("dedupe stage counts %+v, want 1 exact, 1 near, 18 written, none filtered", m.Counts)
	}
	out, m = curateFixture(t, ModeSplit, DefaultCurateConfig())
	if m.Counts.Written != 20 {
		t.Errorf("split stage wrote %d, want all 20 (nothing dropped)", m.Counts.Written)
	}
	// The exact and near copies of fx-04 share its split.
	where := map[string]string{}
	for _, s := range []string{"train", "val", "test"} {
		recs := readConvs(t, filepath.Join(out, s+".jsonl"))
		for _, r := range recs {
			where[r.ID] = s
		}
	}
	if where["fx-04"] == "" || where["fx-05"] != where["fx-04"] || where["fx-06"] != where["fx-04"] {
		t.Errorf("near twins split apart: %s %s %s", where["fx-04"], where["fx-05"], where["fx-06"])
	}
}

func readConvs(t *testing.T, path string) []conv.Conversation {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := conv.NewReader[conv.Conversation](f, path)
	var out []conv.Conversation
	for {
		c, err := r.Next()
		if err != nil {
			if err.Error() == "EOF" {
				return out
			}
			t.Fatal(err)
		}
		out = append(out, c)
	}
}

func TestCurateConfigErrors(t *testing.T) {
	for _, tt := range []struct{ name, yaml, want string }{
		{"unknown top-level field", "sede: 3\n", "field sede not found"},
		{"unknown nested field", "dedupe:\n  treshold: 0.8\n", "field treshold not found"},
		{"bad threshold", "dedupe:\n  threshold: 1.5\n", "dedupe.threshold: 1.5 is outside (0, 1]"},
		{"ratios", "split: {train: 0.5, val: 0.1, test: 0.1}\n", "split: train + val + test = 0.7, want 1"},
		{"guard rule", "filter:\n  guard:\n    rules: [diagnosis, vibes]\n", `filter.guard.rules: unknown rule "vibes"`},
		{"scrub type", "scrub:\n  disable: [SSN]\n", `scrub.disable: unknown type "SSN"`},
		{"review", "review: {below: 2}\n", "review.below: 2 is outside 0..1"},
	} {
		_, err := ParseCurateConfig(strings.NewReader(tt.yaml), "curate.yaml")
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "curate.yaml") || !errors.Is(err, ErrConfig) {
			t.Errorf("%s: got %v, want curate.yaml: ... %q wrapping ErrConfig", tt.name, err, tt.want)
		}
	}
	cfg, err := ParseCurateConfig(strings.NewReader("seed: 9\ndedupe: {threshold: 0.8}\n"), "ok.yaml")
	if err != nil || cfg.Seed != 9 || cfg.Dedupe.Threshold != 0.8 || cfg.Dedupe.Perms != 128 || !cfg.Scrub.Enabled {
		t.Errorf("partial config: %v %+v; want the rest from defaults", err, cfg)
	}
}

func TestCurateBadInput(t *testing.T) {
	dir := t.TempDir()
	good := `{"id":"a","messages":[{"role":"user","content":"I have been feeling low for weeks now."},{"role":"assistant","content":"I'm sorry it's been so heavy. What has been hardest?"}]}`
	for _, tt := range []struct{ name, body, want string }{
		{"malformed line", good + "\n{\"id\": \n", "bad.jsonl:2: malformed JSON"},
		{"unknown label", good + "\n" + strings.Replace(good, `"id":"a"`, `"id":"b","labels":{"concerns":["sadness"]}`, 1) + "\n", `bad.jsonl:2: invalid record: labels.concerns[0]: unknown concern "sadness"`},
		{"unknown field", strings.Replace(good, `"id":"a"`, `"id":"a","lables":{}`, 1) + "\n", "bad.jsonl:1:"},
	} {
		in := filepath.Join(dir, "bad.jsonl")
		os.WriteFile(in, []byte(tt.body), 0o644)
		_, err := Curate(context.Background(), CurateOptions{Config: DefaultCurateConfig(), Inputs: []string{in}, Out: filepath.Join(dir, "out")})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got %v, want %q", tt.name, err, tt.want)
		}
		if _, err := os.Stat(filepath.Join(dir, "out")); !os.IsNotExist(err) {
			t.Errorf("%s: a failed run created the output directory", tt.name)
		}
	}
	// With skip_invalid the bad line becomes a reject and the run goes on.
	in := filepath.Join(dir, "bad.jsonl")
	os.WriteFile(in, []byte(good+"\n{\"id\": \n"), 0o644)
	cfg := DefaultCurateConfig()
	cfg.SkipInvalid = true
	m, err := Curate(context.Background(), CurateOptions{Config: cfg, Inputs: []string{in}, Out: filepath.Join(dir, "skip")})
	if err != nil || m.Counts.Invalid != 1 || m.Counts.Written != 1 {
		t.Fatalf("skip_invalid: %v, counts %+v", err, m.Counts)
	}
	rej, _ := os.ReadFile(filepath.Join(dir, "skip", "rejects.jsonl"))
	if !strings.Contains(string(rej), `"code":"invalid_record"`) || !strings.Contains(string(rej), `"line":2`) {
		t.Errorf("rejects.jsonl = %s", rej)
	}
}

func TestCurateOutputSafety(t *testing.T) {
	out, _ := curateFixture(t, ModeCurate, DefaultCurateConfig())
	before, _ := os.ReadFile(filepath.Join(out, "train.jsonl"))
	_, err := Curate(context.Background(), CurateOptions{Config: DefaultCurateConfig(), Inputs: fixtureInputs, Out: out})
	if !errors.Is(err, atomicfile.ErrExists) {
		t.Errorf("second run without force: got %v, want ErrExists", err)
	}
	// A run cancelled part-way (as by Ctrl-C) leaves the old output.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = Curate(ctx, CurateOptions{Config: DefaultCurateConfig(), Inputs: fixtureInputs, Out: out, Force: true})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled run: got %v, want context.Canceled", err)
	}
	after, _ := os.ReadFile(filepath.Join(out, "train.jsonl"))
	if string(before) != string(after) {
		t.Errorf("a cancelled run changed the previous output")
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("staging directories left behind: %v", entries)
	}
}
