//go:build unix

// CPU-time throughput for Assess: on a shared machine wall-clock rates swing
// with load, so this benchmark also reports process CPU time per message,
// which gives the rate one free core would sustain.
package safety

import (
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/tend-project/tend/conv"
)

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func BenchmarkAssessCPU(b *testing.B) {
	convs := benchConversations(b)
	a := newTestAssessor(b)
	n := 0
	c0 := cpuTime()
	for b.Loop() {
		a.Assess(convs[n%len(convs)])
		n++
	}
	cpu := cpuTime() - c0
	if cpu > 0 {
		b.ReportMetric(float64(cpu.Microseconds())/float64(n), "cpu-µs/msg")
		b.ReportMetric(float64(n)/cpu.Seconds(), "msgs/cpu-s")
	}
}

// BenchmarkGuardCPU measures Guard.Check per reply, with allocations, on
// two mixes: "realistic" is testdata/guard_bench.jsonl (longer replies as
// curation and serving see them, 25 of 31 clean) and "suite" is every case
// of the guard suites (short replies, mostly violating). Check includes the
// conversation's risk assessment; BenchmarkGuardSentences isolates the
// sentence rules.
func BenchmarkGuardCPU(b *testing.B) {
	for _, mix := range []struct{ name, files string }{
		{"realistic", "testdata/guard_bench.jsonl"},
		{"suite", "testdata/guard.jsonl testdata/guard_more.jsonl"},
	} {
		b.Run(mix.name, func(b *testing.B) {
			g := newTestGuard(b, DefaultPolicy(), ResourceURLs())
			benchReplies(b, readBenchGuardCases(b, mix.files), func(c *conv.Conversation, reply string) { g.Check(c, reply) })
		})
	}
}

// BenchmarkGuardSentences measures the sentence rules alone (no risk
// assessment, no reply rules) over the realistic mix's replies.
func BenchmarkGuardSentences(b *testing.B) {
	g := newTestGuard(b, DefaultPolicy(), ResourceURLs())
	benchReplies(b, readBenchGuardCases(b, "testdata/guard_bench.jsonl"), func(_ *conv.Conversation, reply string) {
		g.checkReplySentences(reply, true, false, false)
	})
}

// BenchmarkGuardAssess measures the part of Check that is the risk
// assessment (Assess on the conversation before the reply), over the
// realistic mix: Check minus this is the guard's own cost.
func BenchmarkGuardAssess(b *testing.B) {
	g := newTestGuard(b, DefaultPolicy(), ResourceURLs())
	benchReplies(b, readBenchGuardCases(b, "testdata/guard_bench.jsonl"), func(c *conv.Conversation, _ string) { g.assessor.Assess(c) })
}

func readBenchGuardCases(b *testing.B, files string) []GuardCase {
	b.Helper()
	var cases []GuardCase
	for _, f := range strings.Fields(files) {
		cs, err := ReadGuardCasesFile(f)
		if err != nil {
			b.Fatal(err)
		}
		cases = append(cases, cs...)
	}
	return cases
}

// benchReplies runs f over the cases in turn (conversation before the
// reply, and the reply) and reports allocations and CPU time per reply.
func benchReplies(b *testing.B, cases []GuardCase, f func(c *conv.Conversation, reply string)) {
	b.ReportAllocs()
	n := 0
	c0 := cpuTime()
	for b.Loop() {
		f(cases[n%len(cases)].Split())
		n++
	}
	reportCPU(b, n, cpuTime()-c0)
}

func reportCPU(b *testing.B, n int, cpu time.Duration) {
	if cpu > 0 && n > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(n), "cpu-ns/reply")
		b.ReportMetric(float64(n)/cpu.Seconds(), "replies/cpu-s")
	}
}
