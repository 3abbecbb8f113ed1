// Benchmarks: Assess latency per message (median and p99 over the suite's
// messages) and throughput, single-threaded and in parallel, and Guard
// throughput.
package safety

import (
	"slices"
	"testing"
	"time"

	"github.com/tend-project/tend/conv"
)

func benchConversations(b *testing.B) []*conv.Conversation {
	b.Helper()
	cases, err := ReadCasesFile("testdata/suite.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	var out []*conv.Conversation
	for i := range cases {
		if cases[i].Text != "" {
			out = append(out, cases[i].Conversation())
		}
	}
	return out
}

// BenchmarkAssess reports per-message latency percentiles and messages/s.
func BenchmarkAssess(b *testing.B) {
	convs := benchConversations(b)
	a := newTestAssessor(b)
	lat := make([]time.Duration, 0, 1<<16)
	i := 0
	start := time.Now()
	for b.Loop() {
		t0 := time.Now()
		a.Assess(convs[i%len(convs)])
		lat = append(lat, time.Since(t0))
		i++
	}
	elapsed := time.Since(start)
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Nanoseconds())/1e3, "median-µs")
	b.ReportMetric(float64(lat[len(lat)*99/100].Nanoseconds())/1e3, "p99-µs")
	b.ReportMetric(float64(i)/elapsed.Seconds(), "msgs/s")
}

// BenchmarkAssessParallel measures throughput with GOMAXPROCS goroutines.
func BenchmarkAssessParallel(b *testing.B) {
	convs := benchConversations(b)
	a := newTestAssessor(b)
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			a.Assess(convs[i%len(convs)])
			i++
		}
	})
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "msgs/s")
}

// BenchmarkGuard checks replies from the guard suite.
func BenchmarkGuard(b *testing.B) {
	cases, err := ReadGuardCasesFile("testdata/guard.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	g := newTestGuard(b, DefaultPolicy(), ResourceURLs())
	i := 0
	start := time.Now()
	for b.Loop() {
		c, reply := cases[i%len(cases)].Split()
		g.Check(c, reply)
		i++
	}
	b.ReportMetric(float64(i)/time.Since(start).Seconds(), "replies/s")
}
