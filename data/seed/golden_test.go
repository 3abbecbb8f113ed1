// Golden tests: the first records for seed 1, and the first psychoeducation
// conversations with their "Learn more" citations, are pinned in testdata,
// so any change to the generated text is a deliberate one. Regenerate with
//
//	go test ./data/seed -run TestGolden -update
package seed

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/tend-project/tend/conv"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

func TestGolden(t *testing.T) {
	compareGolden(t, jsonl(t, Config{Seed: 1, Conversations: 6, Pairs: 8}), filepath.Join("testdata", "seed1.golden.jsonl"))
}

// TestGoldenInfo pins the first eight info conversations of seed 1, which
// cite the bundled sources library, so a change to the library or to the
// ranking that alters a citation shows up here.
func TestGoldenInfo(t *testing.T) {
	var buf bytes.Buffer
	w := conv.NewWriter[conv.Conversation](&buf)
	for i, n := 0, 0; n < 8 && i < 1000; i++ {
		c, m := conversation(1, i)
		if m.kind != kindInfo {
			continue
		}
		if err := w.Write(c); err != nil {
			t.Fatal(err)
		}
		n++
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	compareGolden(t, buf.Bytes(), filepath.Join("testdata", "seed1_info.golden.jsonl"))
}

func compareGolden(t *testing.T, got []byte, path string) {
	t.Helper()
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
