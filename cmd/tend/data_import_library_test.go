// End-to-end tests of `tend data import --format library`: the bundled
// library with no input files, detection of a .yaml library, the rule that
// only the library may omit inputs, and export refusing the import-only
// format.
package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/sources"
)

func TestDataImportLibrary(t *testing.T) {
	dir := t.TempDir()
	lib, err := sources.BundledFile()
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "bundled.jsonl")
	stderr, err := runTend(t, "data", "import", "--format", "library", "--out", out)
	if err != nil {
		t.Fatalf("bundled import: %v\n%s", err, stderr)
	}
	lines := readLines(t, out)
	if len(lines) != len(lib.Entries) {
		t.Errorf("wrote %d records, want one per bundled entry (%d)", len(lines), len(lib.Entries))
	}
	var first conv.Conversation
	if err := json.Unmarshal([]byte(lines[0]), &first); err != nil {
		t.Fatal(err)
	}
	if first.Source != "library:"+lib.Entries[0].ID || !strings.HasSuffix(first.Messages[1].Content, "("+lib.Entries[0].URL+").") {
		t.Errorf("first record %+v does not come from and cite %s", first, lib.Entries[0].ID)
	}
	if !strings.Contains(stderr, "bundled library.yaml (library): ") {
		t.Errorf("stderr lacks the per-input line:\n%s", stderr)
	}

	// A .yaml input is detected as a library.
	out2 := filepath.Join(dir, "team.jsonl")
	if stderr, err := runTend(t, "data", "import", "--out", out2, fixture("library.yaml")); err != nil || !strings.Contains(stderr, "(library): 5 imported") {
		t.Errorf("detected library import: %v\n%s", err, stderr)
	}

	// Only the library may run without inputs.
	if _, err := runTend(t, "data", "import", "--out", filepath.Join(dir, "none.jsonl")); err == nil || !strings.Contains(err.Error(), "no input files") {
		t.Errorf("import without inputs: got %v", err)
	}
	// The library is import-only.
	if _, err := runTend(t, "data", "export", "--format", "library", "--out", filepath.Join(dir, "x.yaml"), out2); err == nil || !strings.Contains(err.Error(), "import-only") {
		t.Errorf("export to library: got %v", err)
	}
	// Libraries and other conversation formats mix in one output.
	out3 := filepath.Join(dir, "mixed.jsonl")
	if stderr, err := runTend(t, "data", "import", "--out", out3, fixture("library.yaml"), fixture("openai.jsonl")); err != nil {
		t.Errorf("mixed import: %v\n%s", err, stderr)
	}
}
