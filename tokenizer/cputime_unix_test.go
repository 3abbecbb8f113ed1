//go:build unix

// Process CPU time for benchmarks, so that MB/s per CPU-second can be
// reported on a machine shared with other work.
package tokenizer

import "syscall"

func cpuSeconds() float64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	tv := func(t syscall.Timeval) float64 { return float64(t.Sec) + float64(t.Usec)/1e6 }
	return tv(ru.Utime) + tv(ru.Stime)
}
