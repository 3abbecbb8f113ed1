// End-to-end tests of `tend data import` and `tend data export` through the
// real command tree: atomic output, --force, --skip-invalid and rejects,
// per-file counts, mixing rules, and a CLI round trip.
package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/tend-project/tend/atomicfile"
)

const fixtureDir = "../../data/testdata/import"

// runTend runs the command tree with args and returns stderr and the error.
func runTend(t *testing.T, args ...string) (string, error) {
	t.Helper()
	root := newRootCmd()
	var stderr bytes.Buffer
	root.SetErr(&stderr)
	root.SetOut(&stderr)
	root.SetArgs(args)
	err := root.ExecuteContext(context.Background())
	return stderr.String(), err
}

func fixture(name string) string { return filepath.Join(fixtureDir, name) }

func readLines(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSpace(string(b)), "\n")
}

// onlyFiles lists the directory, so tests can see that nothing half-written
// (such as a temporary file) was left behind.
func onlyFiles(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestDataImportAllFormats(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "all.jsonl")
	ins := []string{"openai.jsonl", "sharegpt.json", "alpaca.json", "alpaca.jsonl", "counselchat.csv", "esconv.json", "empathetic.csv"}
	args := []string{"data", "import", "--license", "CC-BY-4.0", "--out", out}
	for _, in := range ins {
		args = append(args, fixture(in))
	}
	stderr, err := runTend(t, args...)
	if err != nil {
		t.Fatalf("import: %v\n%s", err, stderr)
	}
	if n := len(readLines(t, out)); n != 18 {
		t.Errorf("wrote %d records, want 18", n)
	}
	for _, want := range []string{"esconv.json (esconv): 2 imported, 0 rejected", "counselchat.csv (csv): 4 imported, 0 rejected", "wrote 18 records to " + out} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	// A second run refuses to overwrite, and --force allows it.
	if _, err := runTend(t, "data", "import", "--out", out, fixture("openai.jsonl")); !errors.Is(err, atomicfile.ErrExists) {
		t.Errorf("re-import without --force: got %v, want ErrExists", err)
	}
	if _, err := runTend(t, "data", "import", "--force", "--out", out, fixture("openai.jsonl")); err != nil {
		t.Errorf("re-import with --force: %v", err)
	}
	if n := len(readLines(t, out)); n != 3 {
		t.Errorf("after --force the output has %d records, want 3", n)
	}
}

func TestDataImportInvalid(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "bad.jsonl")
	os.WriteFile(in, []byte(`{"messages":[{"role":"user","content":"hi"}]}`+"\n"+
		`{"messages":[{"role":"tool","content":"x"}]}`+"\n"+
		`{"messages":[{"role":"user","content":"ok"}]`+"\n"+
		`{"messages":[{"role":"user","content":"last"}]}`+"\n"), 0o644)
	out := filepath.Join(dir, "out.jsonl")

	_, err := runTend(t, "data", "import", "--out", out, in)
	if err == nil || !strings.Contains(err.Error(), "bad.jsonl:2: invalid record: messages[0].role: unsupported role \"tool\"") {
		t.Fatalf("got %v, want a file:line error", err)
	}
	if diff := cmp.Diff([]string{"bad.jsonl"}, onlyFiles(t, dir)); diff != "" {
		t.Errorf("a failed import left files behind (-want +got):\n%s", diff)
	}

	stderr, err := runTend(t, "data", "import", "--skip-invalid", "--out", out, in)
	if err != nil {
		t.Fatalf("--skip-invalid: %v", err)
	}
	if !strings.Contains(stderr, "bad.jsonl (openai): 2 imported, 2 rejected") {
		t.Errorf("stderr lacks the per-file counts:\n%s", stderr)
	}
	if n := len(readLines(t, out)); n != 2 {
		t.Errorf("wrote %d records, want 2", n)
	}
	var rejects []reject
	for _, l := range readLines(t, filepath.Join(dir, "out.rejects.jsonl")) {
		var r reject
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatal(err)
		}
		rejects = append(rejects, r)
	}
	want := []reject{
		{File: in, Line: 2, Reason: `invalid record: messages[0].role: unsupported role "tool" (want system, developer, user or assistant)`, Raw: `{"messages":[{"role":"tool","content":"x"}]}`},
		{File: in, Line: 3, Reason: "malformed JSON: unexpected end of JSON input", Raw: `{"messages":[{"role":"user","content":"ok"}]`},
	}
	if diff := cmp.Diff(want, rejects); diff != "" {
		t.Errorf("rejects (-want +got):\n%s", diff)
	}
}

func TestDataImportStreamBroken(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "broken.json")
	os.WriteFile(in, []byte("[\n{\"conversations\":[{\"from\":\"human\",\"value\":\"a\"}]},\n{\"conversations\": [}\n]\n"), 0o644)
	_, err := runTend(t, "data", "import", "--skip-invalid", "--out", filepath.Join(dir, "o.jsonl"), in)
	if err == nil || !strings.Contains(err.Error(), "broken.json:3: malformed JSON") {
		t.Fatalf("got %v, want a stop at broken.json:3 even with --skip-invalid", err)
	}
	if diff := cmp.Diff([]string{"broken.json"}, onlyFiles(t, dir)); diff != "" {
		t.Errorf("files left behind (-want +got):\n%s", diff)
	}
}

func TestDataImportArgs(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "o.jsonl")
	tests := []struct {
		name    string
		args    []string
		wantErr string
	}{
		{"mixed kinds", []string{"--out", out, fixture("openai.jsonl"), fixture("preference.jsonl")}, "conversations and preference pairs cannot go in one output"},
		{"unknown format", []string{"--format", "parquet", "--out", out, fixture("openai.jsonl")}, `unknown format "parquet"`},
		{"missing file", []string{"--out", out, filepath.Join(dir, "nope.jsonl")}, "no such file"},
		{"bad columns", []string{"--columns", "body=x", "--out", out, fixture("counselchat.csv")}, `unknown key "body"`},
		{"no out", []string{fixture("openai.jsonl")}, `required flag(s) "out" not set`},
		{"wrong forced format", []string{"--format", "esconv", "--out", out, fixture("openai.jsonl")}, "openai.jsonl:1: invalid record: dialog: missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := runTend(t, append([]string{"data", "import"}, tt.args...)...)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("got %v, want an error containing %q", err, tt.wantErr)
			}
			if _, err := os.Stat(out); err == nil {
				t.Error("a failed import created the output")
			}
		})
	}
}

// TestDataExportRoundTrip: import → export → import through the CLI gives
// byte-identical tend JSONL, for every format.
func TestDataExportRoundTrip(t *testing.T) {
	for _, tt := range []struct{ fixture, format, ext string }{
		{"openai.jsonl", "openai", ".jsonl"},
		{"sharegpt.json", "sharegpt", ".json"},
		{"alpaca.json", "alpaca", ".json"},
		{"counselchat.csv", "csv", ".csv"},
		{"esconv.json", "esconv", ".json"},
		{"empathetic.csv", "empathetic", ".csv"},
		{"preference.jsonl", "preference", ".jsonl"},
	} {
		t.Run(tt.format, func(t *testing.T) {
			dir := t.TempDir()
			first, exported, second := filepath.Join(dir, "first.jsonl"), filepath.Join(dir, "exported"+tt.ext), filepath.Join(dir, "second.jsonl")
			steps := [][]string{
				{"data", "import", "--out", first, fixture(tt.fixture)},
				{"data", "export", "--format", tt.format, "--out", exported, first},
				{"data", "import", "--format", tt.format, "--out", second, exported},
			}
			for _, s := range steps {
				if stderr, err := runTend(t, s...); err != nil {
					t.Fatalf("%v: %v\n%s", s, err, stderr)
				}
			}
			a, _ := os.ReadFile(first)
			b, _ := os.ReadFile(second)
			if diff := cmp.Diff(string(a), string(b)); diff != "" {
				t.Errorf("round trip through %s changed the records (-first +second):\n%s", tt.format, diff)
			}
		})
	}
}

func TestDataExportUnfit(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.jsonl")
	if _, err := runTend(t, "data", "import", "--out", in, fixture("esconv.json"), fixture("counselchat.csv")); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "qa.csv")
	_, err := runTend(t, "data", "export", "--format", "csv", "--out", out, in)
	if err == nil || !strings.Contains(err.Error(), "in.jsonl:1: esconv-") || !strings.Contains(err.Error(), "cannot be written in this format as csv") {
		t.Fatalf("got %v, want the multi-turn ESConv record refused with its line and id", err)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a failed export created the output")
	}
	stderr, err := runTend(t, "data", "export", "--format", "csv", "--skip-unfit", "--out", out, in)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stderr, "wrote 4 records to "+out+" as csv (2 skipped: the format cannot hold them)") {
		t.Errorf("stderr:\n%s", stderr)
	}
	if n := len(readLines(t, out)); n < 5 {
		t.Errorf("csv has %d lines, want a header and 4 rows (some spanning lines)", n)
	}
}

func TestDataImportGzip(t *testing.T) {
	dir := t.TempDir()
	raw, err := os.ReadFile(fixture("esconv.json"))
	if err != nil {
		t.Fatal(err)
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(raw)
	zw.Close()
	in := filepath.Join(dir, "ESConv.json.gz")
	os.WriteFile(in, gz.Bytes(), 0o644)
	out := filepath.Join(dir, "out.jsonl")
	stderr, err := runTend(t, "data", "import", "--out", out, in)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if !strings.Contains(stderr, "ESConv.json.gz (esconv): 2 imported, 0 rejected") {
		t.Errorf("stderr:\n%s", stderr)
	}
}
