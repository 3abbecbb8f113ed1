// Golden test: the first records for seed 1 are pinned in testdata, so any
// change to the generated text is a deliberate one. Regenerate with
//
//	go test ./data/seed -run TestGolden -update
package seed

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

func TestGolden(t *testing.T) {
	got := jsonl(t, Config{Seed: 1, Conversations: 6, Pairs: 8})
	path := filepath.Join("testdata", "seed1.golden.jsonl")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		gl, wl := bytes.Split(got, []byte("\n")), bytes.Split(want, []byte("\n"))
		for i := range min(len(gl), len(wl)) {
			if !bytes.Equal(gl[i], wl[i]) {
				t.Fatalf("record %d differs from %s (run with -update if the change is intended)\ngot:  %s\nwant: %s", i+1, path, gl[i], wl[i])
			}
		}
		t.Fatalf("output has %d lines, golden has %d (run with -update if the change is intended)", len(gl), len(wl))
	}
}
