//go:build !unix

// Process CPU time is not measured on this platform; benchmarks then report
// only wall-clock MB/s.
package tokenizer

func cpuSeconds() float64 { return 0 }
