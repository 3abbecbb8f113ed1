// The worker pool policy: how many goroutines kernels use, and the helper
// that splits a range of work over them.
package tensor

import (
	"runtime"
	"sync/atomic"
)

var threads atomic.Int32

// SetThreads sets how many goroutines Gemm and the row-parallel kernels use.
// n ≤ 0 restores the default, runtime.GOMAXPROCS(0).
func SetThreads(n int) {
	if n < 0 {
		n = 0
	}
	threads.Store(int32(n))
}

// Threads reports the number of goroutines kernels use.
func Threads() int {
	if n := int(threads.Load()); n > 0 {
		return n
	}
	return runtime.GOMAXPROCS(0)
}

// Parallel calls fn over [0, n) split into contiguous chunks of at least
// grain items, on up to Threads goroutines, and waits. Chunks are handed out
// dynamically, so a core slowed by other load does not hold the rest back.
// fn must be safe to run concurrently on disjoint ranges.
func Parallel(n, grain int, fn func(lo, hi int)) {
	if n <= 0 {
		return
	}
	if grain < 1 {
		grain = 1
	}
	t := Threads()
	if t <= 1 || n <= grain {
		fn(0, n)
		return
	}
	// Aim for a few chunks per worker for load balance.
	parallelChunks(n, max(grain, (n+4*t-1)/(4*t)), t, fn)
}

// parallelChunks runs fn over [0, n) in chunks of exactly chunk items (the
// last may be shorter), handed out one at a time to up to t goroutines.
//
// The caller works too, and it waits only for chunks that were claimed, not
// for helper goroutines to start: on a busy machine a helper may be
// scheduled late, and then it finds nothing left and exits without
// calling fn. So a call costs no more than running it alone would.
func parallelChunks(n, chunk, t int, fn func(lo, hi int)) {
	chunks := (n + chunk - 1) / chunk
	workers := min(t, chunks)
	if workers <= 1 {
		for lo := 0; lo < n; lo += chunk {
			fn(lo, min(lo+chunk, n))
		}
		return
	}
	var next, pending atomic.Int64
	pending.Store(int64(chunks))
	done := make(chan struct{})
	work := func() {
		for {
			c := int(next.Add(1) - 1)
			if c >= chunks {
				return
			}
			lo := c * chunk
			fn(lo, min(lo+chunk, n))
			if pending.Add(-1) == 0 {
				close(done)
			}
		}
	}
	for range workers - 1 {
		go work()
	}
	work()
	<-done
}
