//go:build !amd64 && !arm64

// Architectures without an assembly GEMM kernel use the portable one.
package tensor

func selectKernel() *microKernel { return genericKernel }
