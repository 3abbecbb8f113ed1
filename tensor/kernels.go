// Selection between the SIMD kernels and the portable ones. The choice is
// made once from the CPU's features (see the per-architecture files) and
// can be overridden with UseGeneric, which tests and benchmarks use to
// exercise the pure-Go path on any machine.
package tensor

import "sync/atomic"

var forceGeneric atomic.Bool

// bestKernel is the fastest micro-kernel this CPU supports.
var bestKernel = selectKernel()

func activeKernel() *microKernel {
	if forceGeneric.Load() {
		return genericKernel
	}
	return bestKernel
}

func simdOn() bool { return !forceGeneric.Load() && haveVectorAsm }

// UseGeneric forces (on=true) or releases the portable pure-Go kernels for
// every operation in this package. It is meant for tests and comparisons.
func UseGeneric(on bool) { forceGeneric.Store(on) }

// KernelName names the matrix-multiply micro-kernel in use, such as
// "avx512 12x32", "avx2 6x16" or "go 4x4".
func KernelName() string {
	k := activeKernel()
	return k.name
}
