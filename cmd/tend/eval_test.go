// Tests of tend eval: a run against the loopback OpenAI fake writes the
// report directory and a review file the review app's shape accepts, a
// rerun comes from the cache, outputs are not overwritten without
// --force, and bad flags fail clearly.
package main

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tend-project/tend/atomicfile"
	"github.com/tend-project/tend/llm"
	"github.com/tend-project/tend/llm/llmtest"
	reviewapp "github.com/tend-project/tend/review"
	"github.com/tend-project/tend/store"
)

func TestEvalCommand(t *testing.T) {
	srv := llmtest.New()
	defer srv.Close()
	srv.Reply = func(req llm.ChatRequest) string {
		return "I'm so sorry, that sounds hard. I'm an AI, not a therapist. What has been the hardest part?"
	}
	dir := t.TempDir()
	out, cache, review := filepath.Join(dir, "out"), filepath.Join(dir, "cache"), filepath.Join(dir, "review.jsonl")
	args := []string{"eval", "--model", "fake=openai:" + srv.URL + "#fake-model", "--suite", "safety", "--suite", "overrefusal",
		"--out", out, "--cache", cache, "--bootstrap", "100", "--to-review", review}
	stderr, err := runTend(t, args...)
	if err != nil {
		t.Fatalf("tend eval: %v\n%s", err, stderr)
	}
	for _, f := range []string{"report.html", "report.json", "metrics.jsonl", "items.jsonl"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("missing %s: %v", f, err)
		}
	}
	var rep struct {
		Metrics []struct {
			Metric, Series string
			Value          *float64
		}
	}
	data, err := os.ReadFile(filepath.Join(out, "report.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &rep); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, m := range rep.Metrics {
		if m.Metric == "crisis_handled" && m.Series == "fake" && m.Value != nil && *m.Value == 0 {
			found = true
		}
	}
	if !found {
		t.Error("report.json lacks crisis_handled = 0 for the fake model (it never names a crisis line)")
	}
	for _, line := range readLines(t, review) {
		var rec map[string]json.RawMessage
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatal(err)
		}
		if len(rec) != 4 || rec["context"] == nil || rec["response"] == nil || rec["model"] == nil || rec["id"] == nil {
			t.Fatalf("review record is not {id, context, response, model}: %s", line)
		}
	}
	// The review app imports the file as rating items.
	rf, err := os.Open(review)
	if err != nil {
		t.Fatal(err)
	}
	items, err := reviewapp.ReadItems(rf, "review.jsonl", reviewapp.ImportOptions{Kind: store.KindRate, Scrub: func(s string) string { return s }})
	rf.Close()
	if err != nil || len(items) != len(readLines(t, review)) {
		t.Fatalf("review import: %d items, %v", len(items), err)
	}
	calls := srv.Calls()
	// Existing outputs are refused without --force, before any generation.
	if _, err := runTend(t, args...); !errors.Is(err, atomicfile.ErrExists) {
		t.Fatalf("rerun without --force: err = %v, want ErrExists", err)
	}
	stderr, err = runTend(t, append(args, "--force")...)
	if err != nil {
		t.Fatalf("rerun: %v\n%s", err, stderr)
	}
	if srv.Calls() != calls || !strings.Contains(stderr, "0 generated") {
		t.Errorf("rerun asked the model again (%d → %d calls):\n%s", calls, srv.Calls(), stderr)
	}
}

func TestEvalCommandErrors(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no model", []string{"eval", "--suite", "safety", "--out", out}, `required flag(s) "model" not set`},
		{"bad openai spec", []string{"eval", "--model", "openai:http://x", "--suite", "safety", "--out", out, "--no-cache"}, "want openai:<base-url>#<model>"},
		{"missing dir", []string{"eval", "--model", filepath.Join(dir, "nope"), "--suite", "safety", "--out", out, "--no-cache"}, "no such file"},
		{"unknown suite", []string{"eval", "--model", "openai:http://127.0.0.1:1#m", "--suite", "nosuch", "--out", out, "--no-cache"}, `no bundled suite "nosuch"`},
		{"not a reward model", []string{"eval", "--model", "openai:http://127.0.0.1:1#m", "--suite", "safety", "--out", out, "--no-cache", "--reward-model", dir}, "--reward-model"},
		{"bad judge", []string{"eval", "--model", "openai:http://127.0.0.1:1#m", "--suite", "safety", "--out", out, "--no-cache", "--judge", "gpt"}, "--judge gpt"},
	}
	for _, tt := range tests {
		_, err := runTend(t, tt.args...)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want it to contain %q", tt.name, err, tt.want)
		}
	}
}
