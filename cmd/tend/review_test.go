// End-to-end test of `tend review` through the real command tree: accounts
// from stdin, a queue from a file, ratings, then both exports and the eval
// cases, read back through conv's validating reader.
package main

import (
	"bytes"
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
	"github.com/tend-project/tend/review"
	"github.com/tend-project/tend/store"
)

func runReviewCmd(t *testing.T, stdin string, args ...string) (string, string, error) {
	t.Helper()
	root := newRootCmd()
	var stdout, stderr bytes.Buffer
	root.SetOut(&stdout)
	root.SetErr(&stderr)
	root.SetIn(strings.NewReader(stdin))
	root.SetArgs(append([]string{"review"}, args...))
	err := root.ExecuteContext(context.Background())
	return stdout.String(), stderr.String(), err
}

func TestReviewCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "review.db")
	const pw = "a long enough password"
	for _, u := range [][2]string{{"ada", "admin"}, {"rev1", "reviewer"}, {"rev2", "reviewer"}} {
		out, _, err := runReviewCmd(t, pw+"\n", "user", "add", "--db", db, "--name", u[0], "--role", u[1])
		if err != nil || !strings.Contains(out, "added "+u[1]) {
			t.Fatalf("user add %s: %v %q", u[0], err, out)
		}
	}
	if _, _, err := runReviewCmd(t, "short\n", "user", "add", "--db", db, "--name", "x"); !errors.Is(err, review.ErrWeakPassword) {
		t.Errorf("short password: %v", err)
	}
	out, _, err := runReviewCmd(t, "", "task", "create", "--db", db, "--from", "../../review/testdata/eval_outputs.jsonl", "--kind", "pairwise", "--k", "2", "--name", "sft vs dpo")
	if err != nil || !strings.Contains(out, `"sft vs dpo": 2 items, 4 assignments`) {
		t.Fatalf("task create: %v %q", err, out)
	}
	if _, _, err := runReviewCmd(t, "", "task", "create", "--db", db, "--from", "../../review/testdata/plain.jsonl", "--kind", "rate", "--k", "3"); err == nil || !strings.Contains(err.Error(), "only 2 reviewer accounts") {
		t.Errorf("k above the reviewer count: %v", err)
	}

	// Both reviewers prefer the second model's reply clearly; rev1 flags
	// the first for diagnosing.
	ctx := context.Background()
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	items, _ := st.ListItems(ctx, 1)
	for _, name := range []string{"rev1", "rev2"} {
		u, _ := st.GetUserByName(ctx, name)
		for _, it := range items {
			r := store.Rating{ItemID: it.ID, ReviewerID: u.ID, Choice: store.ChoiceB, Strength: 2, Submitted: true,
				Scores: store.Scores{Empathy: 2, Helpfulness: 1}, Flags: store.Flags{Diagnosis: name == "rev1"}}
			if _, err := st.SaveRating(ctx, r); err != nil {
				t.Fatal(err)
			}
		}
	}
	st.Close()

	pairsPath := filepath.Join(dir, "pairs.jsonl")
	_, errOut, err := runReviewCmd(t, "", "export", "pairs", "--db", db, "--task", "sft vs dpo", "--out", pairsPath)
	if err != nil || !strings.Contains(errOut, "2 pairs (2 from choices, 0 from rewrites)") {
		t.Fatalf("export pairs: %v %q", err, errOut)
	}
	f, _ := os.Open(pairsPath)
	rd := conv.NewReader[conv.PreferencePair](f, pairsPath)
	var pairs []conv.PreferencePair
	for {
		p, err := rd.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		pairs = append(pairs, p)
	}
	f.Close()
	if len(pairs) != 2 || pairs[0].Chosen[0].Content != items[0].ResponseB || pairs[0].Reasons[0] != conv.FailureDiagnoses {
		t.Errorf("pairs: %+v", pairs)
	}
	if _, _, err := runReviewCmd(t, "", "export", "pairs", "--db", db, "--task", "1", "--out", pairsPath); !errors.Is(err, atomicfile.ErrExists) {
		t.Errorf("export over an existing file without --force: %v", err)
	}
	csvPath := filepath.Join(dir, "ratings.csv")
	if _, errOut, err := runReviewCmd(t, "", "export", "ratings", "--db", db, "--task", "1", "--format", "csv", "--out", csvPath); err != nil || !strings.Contains(errOut, "4 ratings") {
		t.Errorf("export ratings: %v %q", err, errOut)
	}
	casesPath := filepath.Join(dir, "cases.jsonl")
	if _, errOut, err := runReviewCmd(t, "", "export-evalcases", "--db", db, "--task", "1", "--out", casesPath); err != nil || !strings.Contains(errOut, "2 eval cases") {
		t.Fatalf("export-evalcases: %v %q", err, errOut)
	}
	b, _ := os.ReadFile(casesPath)
	var c review.EvalCase
	if err := json.Unmarshal(bytes.SplitN(b, []byte("\n"), 2)[0], &c); err != nil {
		t.Fatal(err)
	}
	if !c.Expect.NoDiagnosis || c.Expect.LowScores["helpfulness"] != 1 || len(c.Messages) == 0 {
		t.Errorf("eval case: %+v", c)
	}
	out, _, err = runReviewCmd(t, "", "task", "list", "--db", db)
	if err != nil || !strings.Contains(out, "4/4") {
		t.Errorf("task list: %v\n%s", err, out)
	}
}

func TestReviewTaskCreateScrubs(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "review.db")
	for _, u := range [][2]string{{"ada", "admin"}, {"rev1", "reviewer"}} {
		if _, _, err := runReviewCmd(t, "a long enough password\n", "user", "add", "--db", db, "--name", u[0], "--role", u[1]); err != nil {
			t.Fatal(err)
		}
	}
	in := filepath.Join(dir, "items.jsonl")
	os.WriteFile(in, []byte(`{"context":"I'm Jo, email me at jo.bloggs@example.org or call 07700 900123.","response":"Thanks for reaching out. If you are in danger call 999 or Samaritans on 116 123."}`+"\n"), 0o644)
	if _, _, err := runReviewCmd(t, "", "task", "create", "--db", db, "--from", in, "--k", "1"); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	items, _ := st.ListItems(context.Background(), 1)
	if len(items) != 1 {
		t.Fatalf("%d items", len(items))
	}
	got := items[0].Context[0].Content + " | " + items[0].ResponseA
	for _, pii := range []string{"jo.bloggs@example.org", "07700 900123"} {
		if strings.Contains(got, pii) {
			t.Errorf("stored item keeps %q: %s", pii, got)
		}
	}
	for _, line := range []string{"999", "116 123"} {
		if !strings.Contains(got, line) {
			t.Errorf("stored item lost the crisis number %q: %s", line, got)
		}
	}
}
