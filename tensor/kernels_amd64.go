//go:build amd64

// CPU feature detection and the declarations of the amd64 assembly kernels
// (gemm_amd64.s, vector_amd64.s). AVX-512F selects the 12×32 zmm GEMM
// kernel, AVX2 with FMA the 6×16 ymm one; the vector kernels need AVX2+FMA.
package tensor

import "golang.org/x/sys/cpu"

var (
	hasAVX512     = cpu.X86.HasAVX512F && cpu.X86.HasAVX512VL && cpu.X86.HasAVX2 && cpu.X86.HasFMA
	haveVectorAsm = cpu.X86.HasAVX2 && cpu.X86.HasFMA
	haveAdamAsm   = false
)

var (
	avx512Kernel = &microKernel{name: "avx512 12x32", mr: 12, nr: 32, mc: 576, kc: 256, nc: 4096, fn: sgemmAVX512}
	avx2Kernel   = &microKernel{name: "avx2 6x16", mr: 6, nr: 16, mc: 384, kc: 256, nc: 4096, fn: sgemmAVX2}
)

func selectKernel() *microKernel {
	switch {
	case hasAVX512:
		return avx512Kernel
	case haveVectorAsm:
		return avx2Kernel
	}
	return genericKernel
}

// sgemmAVX512 is the 12×32 micro-kernel: C = alpha·Ã·B̃ + beta·C over k
// steps of packed slivers (12 floats of A and 32 of B per step).
//
//go:noescape
func sgemmAVX512(k int, a, b, c *float32, ldc int, alpha, beta float32)

// sgemmAVX2 is the 6×16 micro-kernel with the same contract.
//
//go:noescape
func sgemmAVX2(k int, a, b, c *float32, ldc int, alpha, beta float32)

//go:noescape
func dotAsm(x, y []float32) float32

//go:noescape
func axpyAsm(alpha float32, x, y []float32)

//go:noescape
func scaleAsm(alpha float32, x []float32)

func adamwAsm(param, grad, m, v []float32, k [6]float32, decay, stepSize float32) {
	panic("tensor: AdamW assembly not built")
}
