//go:build unix

// CPU-time throughput for Assess: on a shared machine wall-clock rates swing
// with load, so this benchmark also reports process CPU time per message,
// which gives the rate one free core would sustain.
package safety

import (
	"syscall"
	"testing"
	"time"
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

func BenchmarkGuardCPU(b *testing.B) {
	cases, err := ReadGuardCasesFile("testdata/guard.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	g := newTestGuard(b, DefaultPolicy(), ResourceURLs())
	n := 0
	c0 := cpuTime()
	for b.Loop() {
		c, reply := cases[n%len(cases)].Split()
		g.Check(c, reply)
		n++
	}
	cpu := cpuTime() - c0
	if cpu > 0 {
		b.ReportMetric(float64(n)/cpu.Seconds(), "replies/cpu-s")
	}
}
