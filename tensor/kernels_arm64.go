//go:build arm64

// The arm64 kernel choice: the NEON 8×8 micro-kernel of gemm_arm64.s
// (ASIMD is mandatory on ARMv8-A). Vector and elementwise kernels use the
// portable Go code on arm64.
package tensor

var neonKernel = &microKernel{name: "neon 8x8", mr: 8, nr: 8, mc: 1024, kc: 512, nc: 1024, aResident: true, fn: sgemmNEON}

func selectKernel() *microKernel { return neonKernel }

// sgemmNEON is the 8×8 micro-kernel: C = alpha·Ã·B̃ + beta·C over k steps
// (8 packed floats of A per step, 8 floats of B per step with consecutive
// steps ldb floats apart).
//
//go:noescape
func sgemmNEON(k int, a, b *float32, ldb int, c *float32, ldc int, alpha, beta float32)
