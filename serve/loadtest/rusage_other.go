//go:build !unix

// Where getrusage does not exist the load generator's CPU is not reported.
package loadtest

import "time"

func selfCPU() time.Duration { return 0 }
