// End-to-end tests of `tend sources` through the real command tree. The
// --online check runs against a loopback server only.
package main

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tend-project/tend/atomicfile"
)

func runSourcesCmd(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	root := newRootCmd()
	var stdout, stderr bytes.Buffer
	root.SetOut(&stdout)
	root.SetErr(&stderr)
	root.SetArgs(append([]string{"sources"}, args...))
	err := root.ExecuteContext(context.Background())
	return stdout.String(), stderr.String(), err
}

func TestSourcesSearchAndEval(t *testing.T) {
	out, _, err := runSourcesCmd(t, "search", "my mum died and I can't stop crying", "-k", "3")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 4 || !strings.HasPrefix(lines[0], "RANK") || !strings.Contains(out, "nhs-grief") {
		t.Errorf("search table:\n%s", out)
	}
	out, _, err = runSourcesCmd(t, "search", "panic", "--concern", "anxiety", "--locale", "en-AU", "--json")
	if err != nil || !strings.Contains(out, `"id":"beyondblue-anxiety"`) || !strings.Contains(out, `"rank":1`) {
		t.Errorf("search --json: %v\n%s", err, out)
	}
	if _, _, err := runSourcesCmd(t, "search", "x", "--concern", "moods"); err == nil || !strings.Contains(err.Error(), `unknown concern "moods"`) {
		t.Errorf("bad concern: got %v", err)
	}
	out, _, err = runSourcesCmd(t, "eval", "../../sources/testdata/queries.jsonl")
	if err != nil || !strings.Contains(out, "queries      126") || !strings.Contains(out, "hit rate") {
		t.Errorf("eval: %v\n%s", err, out)
	}
}

func TestSourcesAddImportCheck(t *testing.T) {
	dir := t.TempDir()
	team := filepath.Join(dir, "team.yaml")
	add := []string{"add", "--library", team, "--id", "team-sleep", "--organisation", "Acme", "--title", "Sleep clinic",
		"--url", "https://acme.example/sleep", "--topic", "sleep", "--locale", "en-GB", "--summary", "How to reach our sleep clinic.",
		"--verified-on", "2020-01-01"}
	if _, _, err := runSourcesCmd(t, add...); err != nil {
		t.Fatal(err)
	}
	if _, _, err := runSourcesCmd(t, add...); err == nil || !strings.Contains(err.Error(), `(id "team-sleep"): id`) {
		t.Errorf("adding the same entry twice: got %v", err)
	}
	out, _, err := runSourcesCmd(t, "--library", team, "list", "--concern", "sleep")
	if err != nil || !strings.Contains(out, "team-sleep") || !strings.Contains(out, "nhs-insomnia") {
		t.Errorf("list: %v\n%s", err, out)
	}

	imported := filepath.Join(dir, "imported.yaml")
	args := []string{"import", "../../sources/testdata/import", "--out", imported, "--base-url", "https://intranet.example/docs",
		"--organisation", "Acme", "--topic", "anger", "--id-prefix", "acme-"}
	out, _, err = runSourcesCmd(t, args...)
	if err != nil || !strings.Contains(out, "from 3 documents") {
		t.Fatalf("import: %v\n%s", err, out)
	}
	if _, _, err := runSourcesCmd(t, args...); !errors.Is(err, atomicfile.ErrExists) {
		t.Errorf("import over an existing file without --force: got %v", err)
	}
	out, _, err = runSourcesCmd(t, "--library", team, "--library", imported, "search", "worry at night", "-k", "1")
	if err != nil || !strings.Contains(out, "acme-sleep-basics-000") {
		t.Errorf("search across merged libraries: %v\n%s", err, out)
	}

	// check: the team entry is stale and one of two loopback URLs is broken.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/ok" {
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	loop := filepath.Join(dir, "loop.yaml")
	lib := "version: \"1\"\nentries:\n" +
		"  - {id: ok, organisation: O, title: T, url: \"" + srv.URL + "/ok\", topics: [stress], locale: global, summary: s, verified: true, last_verified: \"2999-01-01\"}\n" +
		"  - {id: gone, organisation: O, title: T, url: \"" + srv.URL + "/gone\", topics: [stress], locale: global, summary: s, verified: true, last_verified: \"2999-01-01\"}\n"
	if err := os.WriteFile(loop, []byte(lib), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, err := runSourcesCmd(t, "--no-bundled", "--library", loop, "check", "--online", "--timeout", "2s")
	if !errors.Is(err, errNeedsReview) || !strings.Contains(out, "1 of 2 URLs did not answer") || !strings.Contains(out, "/gone") ||
		strings.Contains(out, srv.URL+"/ok ") || !strings.Contains(stderr, "checking links 2/2") {
		t.Errorf("check --online: %v\nstdout:\n%s\nstderr:\n%s", err, out, stderr)
	}
	out, _, err = runSourcesCmd(t, "--no-bundled", "--library", team, "check", "--max-age", "365d")
	if !errors.Is(err, errNeedsReview) || !strings.Contains(out, "team-sleep") || !strings.Contains(out, "2020-01-01") {
		t.Errorf("check stale: %v\n%s", err, out)
	}
}
