//go:build !unix

// Elsewhere than Unix there is no cheap, reliable liveness check, so a
// killed run's staging directory is never removed automatically (spill.go).
package data

func processAlive(int) bool { return true }
