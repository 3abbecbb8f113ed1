// Tests for tend data filter and tend data annotate: texts are checked and
// reported with their codes, labelled sets are scored, and annotate writes
// a labelled file atomically and never over an existing one without
// --force.
package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tend-project/tend/atomicfile"
	"github.com/tend-project/tend/conv"
)

func runDataCmd(t *testing.T, args ...string) (string, error) {
	t.Helper()
	cmd := newDataCmd()
	var out bytes.Buffer
	cmd.SetOut(&out)
	cmd.SetErr(&out)
	cmd.SetArgs(args)
	err := cmd.Execute()
	return out.String(), err
}

func TestDataFilterCmd(t *testing.T) {
	out, err := runDataCmd(t, "filter", "Vaccines cause autism.", "What a crazy week.")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "misinfo_vaccines_autism") || !strings.Contains(out, "ok\t\"What a crazy week.\"") {
		t.Errorf("output:\n%s\nwant the vaccines code and the crazy week passed", out)
	}
	out, err = runDataCmd(t, "filter", "--eval", "../../data/testdata/filters/eval.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"misinformation", "harmful_advice", "stigma", "precision"} {
		if !strings.Contains(out, f) {
			t.Errorf("eval output lacks %q:\n%s", f, out)
		}
	}
	if _, err := runDataCmd(t, "filter"); err == nil {
		t.Error("filter with no text and no --eval: want an error")
	}
	if _, err := runDataCmd(t, "filter", "--eval", "missing.jsonl"); err == nil {
		t.Error("missing eval file: want an error")
	}
}

func TestDataAnnotateCmd(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.jsonl")
	body := `{"id":"a","messages":[{"role":"user","content":"I can't sleep and I lie awake every night worrying about work."},{"role":"assistant","content":"That sounds exhausting. What keeps you awake?"}]}` + "\n" +
		`{"id":"b","messages":[{"role":"user","content":"My dad died last month."},{"role":"assistant","content":"I'm so sorry."}],"labels":{"concerns":["grief"],"severity":2}}` + "\n"
	if err := os.WriteFile(in, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.jsonl")
	if _, err := runDataCmd(t, "annotate", in, "--out", out); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := conv.NewReader[conv.Conversation](f, out)
	a, err := r.Next()
	if err != nil {
		t.Fatal(err)
	}
	b, err := r.Next()
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Labels.Concerns) == 0 || a.Labels.Severity == nil || a.Labels.Confidence == nil || len(a.Labels.Turns) != 1 {
		t.Errorf("record a not labelled: %+v", a.Labels)
	}
	if b.Labels.Confidence != nil || b.Labels.Concerns[0] != conv.ConcernGrief || *b.Labels.Severity != 2 {
		t.Errorf("record b's given labels changed: %+v", b.Labels)
	}
	if _, err := runDataCmd(t, "annotate", in, "--out", out); !errors.Is(err, atomicfile.ErrExists) {
		t.Errorf("second run without --force: got %v, want ErrExists", err)
	}
	bad := filepath.Join(dir, "bad.jsonl")
	os.WriteFile(bad, []byte(`{"id":"x","messages":[{"role":"user","content":"hi"}],"labels":{"concerns":["sadness"]}}`+"\n"), 0o644)
	if _, err := runDataCmd(t, "annotate", bad, "--out", filepath.Join(dir, "o2.jsonl")); err == nil || !strings.Contains(err.Error(), "bad.jsonl:1") {
		t.Errorf("unknown label: got %v, want an error naming bad.jsonl:1", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "o2.jsonl")); !os.IsNotExist(err) {
		t.Error("a failed run left its output behind")
	}
}
