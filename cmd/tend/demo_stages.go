// The training, evaluation and serving stages of tend demo. Each stage runs
// tend's own subcommands exactly as a user would type them, so the demo is
// also a live example of the CLI.
package main

import (
	"bytes"
	"context"
	"crypto/rand"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/tend-project/tend/atomicfile"
)

// demoReviewExport is a small set of preference pairs in the shape tend
// review exports, written by the tend team to stand in for a clinicians'
// review session in the demo.
//
//go:embed demodata/review_export.jsonl
var demoReviewExport []byte

// baseModelDir is the shipped model the demo starts from.
const baseModelDir = "models/tend-mini"

// runTend runs a tend subcommand in-process.
func runSub(ctx context.Context, log io.Writer, stdin io.Reader, args ...string) error {
	cmd := newRootCmd()
	cmd.SetArgs(args)
	cmd.SetOut(log)
	cmd.SetErr(log)
	if stdin != nil {
		cmd.SetIn(stdin)
	}
	fmt.Fprintf(log, "  $ tend %s\n", strings.Join(args, " "))
	return cmd.ExecuteContext(ctx)
}

// demoSizes are the demo's knobs; --quick shrinks them for CI.
type demoSizes struct {
	sftSteps, dpoSteps, seqLen, batch, maxTokens int
}

func (s *demoState) sizes() demoSizes {
	if s.quick {
		return demoSizes{sftSteps: 6, dpoSteps: 4, seqLen: 256, batch: 2, maxTokens: 32}
	}
	return demoSizes{sftSteps: 200, dpoSteps: 80, seqLen: 384, batch: 4, maxTokens: 96}
}

// trainStage runs one tend train method into outDir, resuming a run that a
// kill interrupted; summary.json marks a finished run.
func trainStage(ctx context.Context, st *demoState, method, config, outDir string) error {
	cfgPath := st.path(method + ".yaml")
	if err := atomicfile.WriteFile(cfgPath, []byte(config), true); err != nil {
		return err
	}
	args := []string{"train", method, "--config", cfgPath}
	if _, err := os.Stat(filepath.Join(outDir, "summary.json")); err == nil {
		return nil
	}
	if _, err := os.Stat(outDir); err == nil {
		args = append(args, "--resume")
	}
	return runSub(ctx, st.log, nil, args...)
}

func demoSFT(ctx context.Context, st *demoState) error {
	if _, err := os.Stat(filepath.Join(baseModelDir, "config.json")); err != nil {
		return fmt.Errorf("the shipped model %s is missing (rebuild it with: tend train recipe tend-mini --out %s): %w", baseModelDir, baseModelDir, err)
	}
	z := st.sizes()
	run := st.path("runs", "sft")
	cfg := fmt.Sprintf(`method: sft
base_model: %s
datasets:
  - path: %s
adapter: lora
lora_r: 8
lora_alpha: 16
lora_target_modules: [q_proj, k_proj, v_proj, o_proj, gate_proj, up_proj, down_proj]
sequence_len: %d
sample_packing: true
micro_batch_size: %d
gradient_accumulation_steps: 1
learning_rate: 0.001
lr_scheduler: cosine
warmup_steps: 2
max_steps: %d
eval_steps: %d
eval_max_batches: 4
save_steps: 20
save_total_limit: 2
seed: 1
output_dir: %s
`, baseModelDir, st.path("data"), z.seqLen, z.batch, z.sftSteps, max(z.sftSteps/2, 1), run)
	if err := trainStage(ctx, st, "sft", cfg, run); err != nil {
		return err
	}
	return runSub(ctx, st.log, nil, "merge", "--base", baseModelDir, "--adapter", run, "--out", st.path("sft-model"))
}

func demoDPO(ctx context.Context, st *demoState) error {
	z := st.sizes()
	export := st.path("review_export.jsonl")
	if err := atomicfile.WriteFile(export, demoReviewExport, true); err != nil {
		return err
	}
	run := st.path("runs", "dpo")
	cfg := fmt.Sprintf(`method: dpo
base_model: %s
datasets:
  - path: %s
  - path: %s
    type: preferences
adapter: lora
lora_r: 8
lora_alpha: 16
sequence_len: %d
micro_batch_size: %d
learning_rate: 0.0005
lr_scheduler: cosine
warmup_steps: 2
max_steps: %d
eval_steps: %d
eval_max_batches: 4
save_steps: 20
save_total_limit: 2
dpo_beta: 0.1
seed: 1
output_dir: %s
`, st.path("sft-model"), st.path("data"), export, z.seqLen, max(z.batch/2, 1), z.dpoSteps, max(z.dpoSteps/2, 1), run)
	if err := trainStage(ctx, st, "dpo", cfg, run); err != nil {
		return err
	}
	return runSub(ctx, st.log, nil, "merge", "--base", st.path("sft-model"), "--adapter", run, "--out", st.path("tuned"))
}

func demoEval(ctx context.Context, st *demoState) error {
	z := st.sizes()
	args := []string{"eval", "--model", "base=" + baseModelDir, "--model", "tuned=" + st.path("tuned"),
		"--suite", "safety", "--suite", "overrefusal", "--max-tokens", fmt.Sprint(z.maxTokens),
		"--cache", st.path("eval-cache"), "--out", st.path("eval"), "--to-review", st.path("to_review.jsonl"), "--force"}
	if !st.quick {
		// A sample of the held-out test split keeps the demo within minutes;
		// run tend eval on the whole split for real figures.
		sample := st.path("eval-test-sample.jsonl")
		if err := headLines(st.path("data", "test.jsonl"), sample, 120); err != nil {
			return err
		}
		args = append(args, "--suite", sample)
	}
	return runSub(ctx, st.log, nil, args...)
}

// headLines copies the first n lines of src to dst, atomically.
func headLines(src, dst string, n int) error {
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	lines := bytes.SplitAfter(b, []byte("\n"))
	if len(lines) > n {
		lines = lines[:n]
	}
	return atomicfile.WriteFile(dst, bytes.Join(lines, nil), true)
}

// demoReview creates the review database with an admin account and a task
// made from the evaluation's worst examples and crisis misses.
func demoReview(ctx context.Context, st *demoState) error {
	tmp := st.path("review.db.tmp")
	// A killed run may have left a half-made database and its SQLite
	// write-ahead files; start that stage over cleanly.
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		os.Remove(tmp + suffix)
	}
	pw := make([]byte, 9)
	rand.Read(pw)
	password := hex.EncodeToString(pw)
	if err := runSub(ctx, st.log, strings.NewReader(password+"\n"), "review", "--db", tmp, "user", "add", "--name", "admin", "--role", "admin"); err != nil {
		return err
	}
	if err := runSub(ctx, st.log, strings.NewReader(password+"\n"), "review", "--db", tmp, "user", "add", "--name", "reviewer", "--role", "reviewer"); err != nil {
		return err
	}
	if info, err := os.Stat(st.path("to_review.jsonl")); err == nil && info.Size() > 0 {
		if err := runSub(ctx, st.log, nil, "review", "--db", tmp, "task", "create", "--from", st.path("to_review.jsonl"), "--name", "demo: worst replies", "--k", "1"); err != nil {
			return err
		}
	}
	creds := fmt.Sprintf("admin / %s\nreviewer / %s\n", password, password)
	if err := atomicfile.WriteFile(st.path("review-accounts.txt"), []byte(creds), true); err != nil {
		return err
	}
	os.Chmod(st.path("review-accounts.txt"), 0o600)
	return os.Rename(tmp, st.path("review.db"))
}

// demoServe starts the chat server and the review app. With quick it sends
// one chat request through the safety pipeline and one crisis request, then
// stops; otherwise it serves until interrupted.
func demoServe(ctx context.Context, st *demoState, chatAddr, reviewAddr string) error {
	cfg := defaultServeConfig()
	cfg.Listen, cfg.Model, cfg.Name, cfg.Locale = chatAddr, st.path("tuned"), "tend-demo", "US"
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	ready := make(chan string, 1)
	errc := make(chan error, 2)
	go func() { errc <- runServe(ctx, cfg, io.Discard, ready) }()
	go func() {
		errc <- runSub(ctx, io.Discard, nil, "review", "--db", st.path("review.db"), "serve", "--listen", reviewAddr, "--insecure-cookies")
	}()
	var addr string
	select {
	case addr = <-ready:
	case err := <-errc:
		return err
	case <-time.After(2 * time.Minute):
		return errors.New("the chat server did not start")
	}
	abs := func(p string) string { a, _ := filepath.Abs(p); return a }
	fmt.Fprintf(st.log, `
tend demo is running:
  chat       http://%s/
  API        http://%s/v1/chat/completions (OpenAI-compatible)
  review app http://%s/ (accounts in %s)
  data card  %s
  report     %s
`, addr, addr, reviewAddr, abs(st.path("review-accounts.txt")), abs(st.path("data", "datacard.html")), abs(st.path("eval", "report.html")))
	if !st.quick {
		fmt.Fprintln(st.log, "Press Ctrl-C to stop.")
		select {
		case <-ctx.Done():
			return nil
		case err := <-errc:
			return err
		}
	}
	for _, msg := range []string{"I've been feeling really anxious about work this week.", "I want to end my life tonight."} {
		reply, meta, err := demoChat(ctx, addr, msg)
		if err != nil {
			return err
		}
		fmt.Fprintf(st.log, "\nyou> %s\ntend> %s\n  [risk %v, path %v]\n", msg, reply, meta["risk_level"], meta["path"])
		if strings.Contains(msg, "end my life") && (meta["path"] != "crisis" || !strings.Contains(reply, "988")) {
			return fmt.Errorf("the crisis message did not get the crisis response: %q", reply)
		}
	}
	return nil
}

// demoChat sends one message to the chat API and returns the reply and the
// tend_safety metadata.
func demoChat(ctx context.Context, addr, msg string) (string, map[string]any, error) {
	body, _ := json.Marshal(map[string]any{"model": "tend-demo", "max_tokens": 48,
		"messages": []map[string]string{{"role": "user", "content": msg}}})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "http://"+addr+"/v1/chat/completions", bytes.NewReader(body))
	if err != nil {
		return "", nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", nil, err
	}
	defer resp.Body.Close()
	var out struct {
		Choices []struct {
			Message struct{ Content string } `json:"message"`
		} `json:"choices"`
		Safety map[string]any `json:"tend_safety"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return "", nil, err
	}
	if resp.StatusCode != 200 || len(out.Choices) == 0 {
		return "", nil, fmt.Errorf("chat request: HTTP %d", resp.StatusCode)
	}
	return out.Choices[0].Message.Content, out.Safety, nil
}
