//go:build arm64

// Checks that arm64 selects the NEON kernel (the GEMM suite in
// gemm_test.go then runs on it) and that UseGeneric switches it off.
package tensor

import "testing"

func TestKernelNameARM64(t *testing.T) {
	if got := KernelName(); got != neonKernel.name {
		t.Errorf("KernelName() = %q, want %q", got, neonKernel.name)
	}
	UseGeneric(true)
	defer UseGeneric(false)
	if got := KernelName(); got != genericKernel.name {
		t.Errorf("with UseGeneric, KernelName() = %q, want %q", got, genericKernel.name)
	}
}
