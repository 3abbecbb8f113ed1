// Shared plumbing: the Float constraint, the matrix multiply that every
// projection goes through, and a small parallel-for over row ranges.
package nn

import "github.com/tend-project/tend/tensor"

// Float is the element type of every buffer in this package.
type Float interface{ float32 | float64 }

// IgnoreIndex marks a target that contributes nothing to the loss, as in
// PyTorch's cross_entropy and Hugging Face's label convention.
const IgnoreIndex = -100

// Gemm computes C = alpha·op(A)·op(B) + beta·C for row-major matrices, where
// op(A) is m×k and op(B) is k×n. float32 goes to tensor.Gemm; float64 runs a
// reference triple loop (tests only).
func Gemm[E Float](transA, transB bool, m, n, k int, alpha E, a []E, lda int, b []E, ldb int, beta E, c []E, ldc int) {
	if a32, ok := any(a).([]float32); ok {
		tensor.Gemm(transA, transB, m, n, k, float32(alpha), a32, lda, any(b).([]float32), ldb, float32(beta), any(c).([]float32), ldc)
		return
	}
	for i := range m {
		for j := range n {
			var s E
			for p := range k {
				var x, y E
				if transA {
					x = a[p*lda+i]
				} else {
					x = a[i*lda+p]
				}
				if transB {
					y = b[j*ldb+p]
				} else {
					y = b[p*ldb+j]
				}
				s += x * y
			}
			if beta == 0 {
				c[i*ldc+j] = alpha * s
			} else {
				c[i*ldc+j] = alpha*s + beta*c[i*ldc+j]
			}
		}
	}
}

// parallel runs fn over [0,n) in chunks on tensor's worker pool.
func parallel(n int, fn func(lo, hi int)) { tensor.Parallel(n, 1, fn) }
