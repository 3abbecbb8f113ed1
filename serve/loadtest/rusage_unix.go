//go:build unix

// CPU time used by this process (load generator and fake backend), from
// getrusage.
package loadtest

import (
	"syscall"
	"time"
)

func selfCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
