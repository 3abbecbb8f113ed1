//go:build unix

// Whether a process is still running, for removing a killed run's staging
// directory (spill.go) on Unix systems.
package data

import (
	"errors"
	"syscall"
)

// processAlive reports whether pid names a running process. Signal 0
// checks without signalling; EPERM means it exists under another user.
func processAlive(pid int) bool {
	if pid <= 0 {
		return true
	}
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
