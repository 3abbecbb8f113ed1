//go:build amd64

// Runs the GEMM correctness suite on every amd64 kernel this CPU can
// execute, not only the one selected at start-up, so the AVX2 kernel (and
// the Go packing it uses) is checked on AVX-512 machines too.
package tensor

import "testing"

func TestGemmAVX2Kernel(t *testing.T) {
	if !haveVectorAsm {
		t.Skip("CPU lacks AVX2+FMA")
	}
	saved := bestKernel
	bestKernel = avx2Kernel
	defer func() { bestKernel = saved }()
	checkGemm(t, false)
}

func TestKernelName(t *testing.T) {
	want := genericKernel.name
	switch {
	case hasAVX512:
		want = avx512Kernel.name
	case haveVectorAsm:
		want = avx2Kernel.name
	}
	if got := KernelName(); got != want {
		t.Errorf("KernelName() = %q, want %q", got, want)
	}
	UseGeneric(true)
	defer UseGeneric(false)
	if got := KernelName(); got != genericKernel.name {
		t.Errorf("with UseGeneric, KernelName() = %q, want %q", got, genericKernel.name)
	}
}
