// End-to-end tests of `tend tokenizer train`, `encode` and `decode` through
// the real command tree.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tend-project/tend/atomicfile"
	"github.com/tend-project/tend/tokenizer"
)

const tokTestdata = "../../tokenizer/testdata"

// runTokenizerCmd runs the command tree with stdin and returns stdout,
// stderr and the error.
func runTokenizerCmd(t *testing.T, stdin string, args ...string) (string, string, error) {
	t.Helper()
	root := newRootCmd()
	var stdout, stderr bytes.Buffer
	root.SetIn(strings.NewReader(stdin))
	root.SetOut(&stdout)
	root.SetErr(&stderr)
	root.SetArgs(args)
	err := root.ExecuteContext(context.Background())
	return stdout.String(), stderr.String(), err
}

func TestTokenizerTrainEncodeDecode(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "tokenizer.json")
	jsonl := filepath.Join(dir, "chats.jsonl")
	if err := os.WriteFile(jsonl, []byte(`{"id":"a","messages":[{"role":"user","content":"I feel anxious tonight."},{"role":"assistant","content":"I'm here with you. What's on your mind?"}],"labels":{}}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"tokenizer", "train", "--vocab", "500", "--min-frequency", "1", "--out", out,
		filepath.Join(tokTestdata, "english.txt"), filepath.Join(tokTestdata, "multilingual.txt"), jsonl}
	_, stderr, err := runTokenizerCmd(t, "", args...)
	if err != nil {
		t.Fatalf("train: %v\n%s", err, stderr)
	}
	tok, err := tokenizer.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if tok.VocabSize() != 500 {
		t.Errorf("vocab %d, want 500", tok.VocabSize())
	}
	if c := tok.ChatTemplate(); c == nil || c.EOS != "<|end|>" {
		t.Errorf("tokenizer_config.json: want the tend template, got %+v", c)
	}
	if _, _, err := runTokenizerCmd(t, "", args...); !errors.Is(err, atomicfile.ErrExists) {
		t.Errorf("second train without --force: err = %v, want ErrExists", err)
	}

	lines := "Hello, I'm listening. 😊\n\n<|user|>\nhow are you?<|end|>\n"
	stdout, stderr, err := runTokenizerCmd(t, lines, "tokenizer", "encode", "--tokenizer", out)
	if err != nil {
		t.Fatalf("encode: %v\n%s", err, stderr)
	}
	got := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	in := strings.Split(strings.TrimSuffix(lines, "\n"), "\n")
	if len(got) != len(in) {
		t.Fatalf("encode printed %d lines for %d input lines:\n%s", len(got), len(in), stdout)
	}
	for i, l := range got {
		var ids []int
		if err := json.Unmarshal([]byte(l), &ids); err != nil {
			t.Fatalf("line %d %q is not a JSON array: %v", i+1, l, err)
		}
		if want := tok.Encode(in[i], false); len(ids) != len(want) {
			t.Errorf("line %d: %v, want %v", i+1, ids, want)
		}
	}
	if got[1] != "[]" {
		t.Errorf("empty line encoded as %s, want []", got[1])
	}
	decoded, stderr, err := runTokenizerCmd(t, stdout, "tokenizer", "decode", "--tokenizer", dir)
	if err != nil {
		t.Fatalf("decode: %v\n%s", err, stderr)
	}
	if decoded != lines {
		t.Errorf("decode printed %q, want %q", decoded, lines)
	}
	skipped, _, err := runTokenizerCmd(t, got[2]+"\n"+got[3]+"\n", "tokenizer", "decode", "--skip-special", "--tokenizer", out)
	if err != nil || skipped != "\nhow are you?\n" {
		t.Errorf("decode --skip-special = %q, %v", skipped, err)
	}
	withBOS, _, err := runTokenizerCmd(t, "hi\n", "tokenizer", "encode", "--add-special", "--tokenizer", out)
	if err != nil || !strings.HasPrefix(withBOS, "[0,") {
		t.Errorf("encode --add-special = %q, %v; want <|begin_of_text|> (id 0) first", withBOS, err)
	}

	for _, tt := range []struct{ stdin, want string }{
		{"[1, 2\n", "stdin:1: want a JSON array"},
		{"[1]\n[99999]\n", "stdin:2: ids[0] = 99999 is outside the vocabulary"},
	} {
		if _, _, err := runTokenizerCmd(t, tt.stdin, "tokenizer", "decode", "--tokenizer", out); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("decode %q: err = %v, want %q", tt.stdin, err, tt.want)
		}
	}
}

func TestTokenizerTrainErrors(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "tokenizer.json")
	bad := filepath.Join(dir, "bad.jsonl")
	if err := os.WriteFile(bad, []byte("{\"id\": \"x\"}\n{not json}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		args []string
		want string
	}{
		{"no out", []string{"--vocab", "300", bad}, "--out is required"},
		{"bad pattern", []string{"--vocab", "300", "--pattern", "bert", "--out", out, bad}, `pattern "bert"`},
		{"tiny vocab", []string{"--vocab", "10", "--out", out, bad}, "below 256"},
		{"bad jsonl", []string{"--vocab", "300", "--out", out, bad}, "bad.jsonl:1"},
		{"missing file", []string{"--vocab", "300", "--out", out, filepath.Join(dir, "nope.txt")}, "nope.txt"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := runTokenizerCmd(t, "", append([]string{"tokenizer", "train"}, tt.args...)...)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want it to mention %q", err, tt.want)
			}
		})
	}
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Error("a failed training left a tokenizer.json behind")
	}
}

func TestTokenizerRender(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "c.jsonl")
	if err := os.WriteFile(in, []byte(`{"id":"c1","messages":[{"role":"system","content":"Be kind."},{"role":"user","content":"I feel low."},{"role":"assistant","content":"I'm sorry you're feeling low."}],"labels":{}}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	shown, stderr, err := runTokenizerCmd(t, "", "tokenizer", "render", "--show", "--template", "llama3", "--tokenizer", filepath.Join(tokTestdata, "llama3.json"), in)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	want := "=== c1\n<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nBe kind.<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nI feel low.<|eot_id|>" +
		"<|start_header_id|>assistant<|end_header_id|>\n\n⟦I'm sorry you're feeling low.<|eot_id|>⟧\n"
	if shown != want {
		t.Errorf("render --show:\n%q\nwant\n%q", shown, want)
	}
	out, _, err := runTokenizerCmd(t, "", "tokenizer", "render", "--template", "llama3", "--tokenizer", filepath.Join(tokTestdata, "llama3.json"), in)
	if err != nil {
		t.Fatal(err)
	}
	var rec struct {
		ID       string `json:"id"`
		InputIDs []int  `json:"input_ids"`
		LossMask []int  `json:"loss_mask"`
	}
	if err := json.Unmarshal([]byte(out), &rec); err != nil {
		t.Fatal(err)
	}
	ones := 0
	for _, m := range rec.LossMask {
		ones += m
	}
	if rec.ID != "c1" || len(rec.InputIDs) != len(rec.LossMask) || ones == 0 || rec.LossMask[len(rec.LossMask)-1] != 1 {
		t.Errorf("render: %+v", rec)
	}
	if _, _, err := runTokenizerCmd(t, "", "tokenizer", "render", "--template", "chatml", "--tokenizer", filepath.Join(tokTestdata, "llama3.json"), in); err == nil || !strings.Contains(err.Error(), "c.jsonl:1") {
		t.Errorf("template tokens missing: err = %v, want it to name c.jsonl:1", err)
	}
}
