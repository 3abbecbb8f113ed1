// End-to-end tests of `tend safety` through the real command tree: check,
// guard, eval and resources, with line-numbered errors for bad input and a
// policy that tries to switch crisis handling off.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runSafetyCmd(t *testing.T, stdin string, args ...string) (string, string, error) {
	t.Helper()
	root := newRootCmd()
	var stdout, stderr bytes.Buffer
	root.SetOut(&stdout)
	root.SetErr(&stderr)
	root.SetIn(strings.NewReader(stdin))
	root.SetArgs(append([]string{"safety"}, args...))
	err := root.ExecuteContext(context.Background())
	return stdout.String(), stderr.String(), err
}

func TestSafetyCheck(t *testing.T) {
	in := "I want to kill myself tonight\nthis workout is killing me\n"
	out, stderr, err := runSafetyCmd(t, in, "check", "--text", "--stats", "--locale", "GB", "--respond")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("want 2 lines, got %d:\n%s", len(lines), out)
	}
	var first, second struct {
		Level      string   `json:"level"`
		Categories []string `json:"categories"`
		Subject    string   `json:"subject"`
		Confidence float64  `json:"confidence"`
		Response   string   `json:"response"`
	}
	if err := json.Unmarshal([]byte(lines[0]), &first); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(lines[1]), &second); err != nil {
		t.Fatal(err)
	}
	if first.Level != "imminent" || first.Subject != "self" || len(first.Categories) == 0 || !strings.Contains(first.Response, "116 123") {
		t.Errorf("crisis line: %+v", first)
	}
	if second.Level != "none" || second.Response != "" {
		t.Errorf("idiom line: %+v", second)
	}
	if !strings.Contains(stderr, "messages assessed") {
		t.Errorf("--stats printed %q", stderr)
	}
	// JSONL records and a line-numbered error for a record without text.
	_, _, err = runSafetyCmd(t, "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}\n{\"txt\":\"x\"}\n", "check")
	if err == nil || !strings.Contains(err.Error(), "stdin:2") {
		t.Errorf("bad record: err = %v, want stdin:2", err)
	}
}

func TestSafetyGuard(t *testing.T) {
	in := `{"id":"a","messages":[{"role":"user","content":"I feel low"},{"role":"assistant","content":"You clearly have depression. See https://example.com for tips. How long has it been?"}]}` + "\n"
	out, _, err := runSafetyCmd(t, in, "guard", "--locale", "US")
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		ID         string   `json:"id"`
		Violations []string `json:"violations"`
		Action     string   `json:"action"`
		Reply      string   `json:"reply"`
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	want := map[string]bool{"diagnosis": true, "missing_disclosure": true, "unverified_link": true}
	for _, r := range v.Violations {
		delete(want, r)
	}
	if len(want) != 0 || v.Action != "rewrite" || strings.Contains(v.Reply, "depression") || strings.Contains(v.Reply, "example.com") {
		t.Errorf("guard output: %+v", v)
	}
	if _, _, err := runSafetyCmd(t, `{"messages":[{"role":"user","content":"hi"}]}`+"\n", "guard"); err == nil || !strings.Contains(err.Error(), "assistant reply") {
		t.Errorf("reply missing: err = %v", err)
	}
}

func TestSafetyPolicyRefusesToDisableCrisis(t *testing.T) {
	p := filepath.Join(t.TempDir(), "policy.yaml")
	if err := os.WriteFile(p, []byte("crisis:\n  enabled: false\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err := runSafetyCmd(t, "", "check", "--policy", p)
	if err == nil || !strings.Contains(err.Error(), "crisis.enabled") {
		t.Errorf("err = %v, want a crisis.enabled error", err)
	}
}

func TestSafetyEvalAndResources(t *testing.T) {
	out, _, err := runSafetyCmd(t, "", "eval", "../../safety/testdata/guard.jsonl")
	if err != nil || !strings.Contains(out, "method_detail") || !strings.Contains(out, "exact rule set") {
		t.Errorf("eval guard: %v\n%s", err, out)
	}
	out, _, err = runSafetyCmd(t, "", "eval", "../../safety/testdata/suite.jsonl")
	if err != nil || !strings.Contains(out, "high+imminent") || !strings.Contains(out, "false positives") {
		t.Errorf("eval suite: %v\n%s", err, out)
	}
	out, _, err = runSafetyCmd(t, "", "resources", "--locale", "en-AU")
	if err != nil || !strings.Contains(out, "13 11 14") || !strings.Contains(out, "000") {
		t.Errorf("resources: %v\n%s", err, out)
	}
}
