// Benchmark of the whole curation pipeline on seed conversations: reports
// conversations/s and the process's peak RSS. The corpus is generated once
// per run into a temporary directory.
package data

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"

	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/data/seed"
)

// writeSeedCorpus writes n seed conversations and n/4 pairs as tend JSONL.
func writeSeedCorpus(tb testing.TB, dir string, n int) []string {
	tb.Helper()
	cf, err := os.Create(filepath.Join(dir, "conversations.jsonl"))
	if err != nil {
		tb.Fatal(err)
	}
	pf, err := os.Create(filepath.Join(dir, "preferences.jsonl"))
	if err != nil {
		tb.Fatal(err)
	}
	cb, pb := bufio.NewWriter(cf), bufio.NewWriter(pf)
	cw, pw := conv.NewWriter[conv.Conversation](cb), conv.NewWriter[conv.PreferencePair](pb)
	cfg := seed.DefaultConfig()
	cfg.Conversations, cfg.Pairs = n, n/4
	if _, err := seed.Generate(cfg, cw.Write, pw.Write); err != nil {
		tb.Fatal(err)
	}
	for _, f := range []interface{ Flush() error }{cw, pw, cb, pb} {
		if err := f.Flush(); err != nil {
			tb.Fatal(err)
		}
	}
	cf.Close()
	pf.Close()
	return []string{cf.Name(), pf.Name()}
}

// cpuSeconds is the process's user plus system CPU time.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	tv := func(t syscall.Timeval) float64 { return float64(t.Sec) + float64(t.Usec)/1e6 }
	return tv(ru.Utime) + tv(ru.Stime)
}

// BenchmarkCurate curates 20,000 seed conversations and 5,000 pairs;
// TEND_CURATE_BENCH_N=100000 runs the full-size benchmark.
func BenchmarkCurate(b *testing.B) {
	n := 20000
	if v, err := strconv.Atoi(os.Getenv("TEND_CURATE_BENCH_N")); err == nil && v > 0 {
		n = v
	}
	dir := b.TempDir()
	inputs := writeSeedCorpus(b, dir, n)
	records := 0
	cpu0 := cpuSeconds()
	for b.Loop() {
		m, err := Curate(context.Background(), CurateOptions{Config: DefaultCurateConfig(), Inputs: inputs,
			Out: filepath.Join(dir, "out"), Force: true})
		if err != nil {
			b.Fatal(err)
		}
		records += m.Counts.Read
	}
	// On a shared machine wall-clock rates depend on the neighbours;
	// records per CPU-second do not, and times the core count bound what
	// the pipeline does on idle cores.
	b.ReportMetric(float64(records)/(cpuSeconds()-cpu0), "records/CPU-s")
	b.ReportMetric(float64(records)/b.Elapsed().Seconds(), "records/s")
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "conv/s")
	b.ReportMetric(float64(maxRSS())/(1<<20), "peak-RSS-MiB")
}
