// Tests for the external sorter: every budget (in memory, a few runs, a
// multi-level merge) gives exactly the order of an in-memory sort, reads
// can repeat, reuse after reset works, and no run file outlives close.
package data

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestExtSort(t *testing.T) {
	tests := []struct {
		name     string
		n        int
		keys     uint64 // distinct keys (small means many ties on k)
		budget   int64
		spills   bool
		maxRuns  int // runs left after finish, at most
		multiple bool
	}{
		{name: "empty", n: 0, keys: 10, budget: 1 << 20},
		{name: "one", n: 1, keys: 10, budget: 1 << 20},
		{name: "fits in memory", n: 5000, keys: 1 << 40, budget: 1 << 20},
		{name: "exactly one chunk", n: minChunk, keys: 1 << 40, budget: 1},
		{name: "one more than a chunk", n: minChunk + 1, keys: 1 << 40, budget: 1, spills: true, maxRuns: 2},
		{name: "few runs", n: 20000, keys: 1 << 40, budget: 64 << 10, spills: true, maxRuns: 4},
		{name: "multi-level merge", n: 50000, keys: 1 << 40, budget: 1, spills: true, maxRuns: 4},
		{name: "many ties", n: 30000, keys: 7, budget: 1, spills: true, maxRuns: 4},
		{name: "all equal keys", n: 3000, keys: 1, budget: 1, spills: true, maxRuns: 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			r := rand.New(rand.NewPCG(uint64(tt.n), 7))
			s := newExtSorter(keyIdxSpec, dir, "t", tt.budget)
			var want []keyIdx
			for i := range tt.n {
				v := keyIdx{k: r.Uint64N(tt.keys), i: uint32(r.IntN(tt.n/2 + 1))}
				if i%3 == 0 {
					v.k = ^uint64(0) - v.k // keys near both ends of the range
				}
				want = append(want, v)
				if err := s.add(v); err != nil {
					t.Fatal(err)
				}
			}
			if err := s.finish(); err != nil {
				t.Fatal(err)
			}
			slices.SortFunc(want, keyIdxSpec.cmp)
			if s.spilled() != tt.spills {
				t.Errorf("spilled %v, want %v", s.spilled(), tt.spills)
			}
			if tt.maxRuns > 0 && len(s.runs) > tt.maxRuns {
				t.Errorf("%d runs after finish, want at most %d", len(s.runs), tt.maxRuns)
			}
			for pass := range 2 { // a sorter can be read twice
				got := readAll(t, s)
				if diff := cmp.Diff(want, got, cmp.AllowUnexported(keyIdx{})); diff != "" {
					t.Fatalf("pass %d: order differs from slices.SortFunc (-want +got):\n%s", pass, diff)
				}
			}
			s.close()
			if left := runFiles(t, dir); len(left) > 0 {
				t.Errorf("run files left after close: %v", left)
			}
		})
	}
}

func readAll(t *testing.T, s *extSorter[keyIdx]) []keyIdx {
	t.Helper()
	it, err := s.iter()
	if err != nil {
		t.Fatal(err)
	}
	defer it.close()
	var got []keyIdx
	for v, ok := it.next(); ok; v, ok = it.next() {
		got = append(got, v)
	}
	if it.err != nil {
		t.Fatal(it.err)
	}
	return got
}

func runFiles(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), ".sort-") {
			out = append(out, e.Name())
		}
	}
	return out
}

// TestExtSortReset reuses one sorter for several batches, as dedupe does
// with one band's candidate pairs after another.
func TestExtSortReset(t *testing.T) {
	dir := t.TempDir()
	s := newExtSorter(keyIdxSpec, dir, "c", 1)
	for batch, n := range []int{1000, 3, 0, 700} {
		var want []keyIdx
		for i := range n {
			v := keyIdx{k: uint64((i * 7919) % (n + 1)), i: uint32(batch)}
			want = append(want, v)
			if err := s.add(v); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.finish(); err != nil {
			t.Fatal(err)
		}
		slices.SortFunc(want, keyIdxSpec.cmp)
		if diff := cmp.Diff(want, readAll(t, s), cmp.AllowUnexported(keyIdx{})); diff != "" {
			t.Fatalf("batch %d (-want +got):\n%s", batch, diff)
		}
		s.reset()
		if left := runFiles(t, dir); len(left) > 0 {
			t.Fatalf("batch %d: run files left after reset: %v", batch, left)
		}
	}
	s.close()
}

// TestExtSortErrors: misuse and a damaged run are errors, not wrong data.
func TestExtSortErrors(t *testing.T) {
	dir := t.TempDir()
	s := newExtSorter(keyIdxSpec, dir, "e", 1)
	if _, err := s.iter(); err == nil {
		t.Errorf("iter before finish: no error")
	}
	for i := range 2 * minChunk {
		s.add(keyIdx{k: uint64(i)})
	}
	if err := s.finish(); err != nil {
		t.Fatal(err)
	}
	if err := s.add(keyIdx{}); err == nil {
		t.Errorf("add after finish: no error")
	}
	// Cut a run in the middle of a record.
	if err := os.Truncate(filepath.Join(dir, s.runs[0][len(dir)+1:]), 12*10+5); err != nil {
		t.Fatal(err)
	}
	it, err := s.iter()
	if err != nil {
		t.Fatal(err)
	}
	for _, ok := it.next(); ok; _, ok = it.next() {
	}
	if it.err == nil || !strings.Contains(it.err.Error(), "sort run") {
		t.Errorf("truncated run: err %v, want a sort run error", it.err)
	}
	it.close()
	s.close()
}

func TestKeyIdxCodec(t *testing.T) {
	for _, v := range []keyIdx{{}, {k: 1, i: 2}, {k: ^uint64(0), i: ^uint32(0)}, {k: 0x0102030405060708, i: 0x0a0b0c0d}} {
		b := make([]byte, keyIdxSpec.size)
		keyIdxSpec.put(b, v)
		if got := keyIdxSpec.get(b); got != v {
			t.Errorf("round trip %+v gave %+v", v, got)
		}
	}
}

func BenchmarkExtSort(b *testing.B) {
	const n = 1 << 20
	r := rand.New(rand.NewPCG(1, 2))
	vals := make([]keyIdx, n)
	for i := range vals {
		vals[i] = keyIdx{k: r.Uint64(), i: uint32(i)}
	}
	dir := b.TempDir()
	for b.Loop() {
		s := newExtSorter(keyIdxSpec, dir, "b", 4<<20)
		for _, v := range vals {
			s.add(v)
		}
		s.finish()
		it, _ := s.iter()
		for _, ok := it.next(); ok; _, ok = it.next() {
		}
		it.close()
		s.close()
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds()/1e6, "Mrecords/s")
}
