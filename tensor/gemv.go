// The small-m path of Gemm: with one to four rows in op(A) (token-by-token
// decoding), packing would cost more than it saves and the product is bound
// by how fast op(B) streams from memory. Each column block of C is handled
// by one goroutine with the vector kernels, reading op(B) exactly once.
package tensor

const gemvMaxRows = 4

// gemvSmallM computes C = alpha·op(A)·op(B) + beta·C for m ≤ gemvMaxRows.
func gemvSmallM(transA, transB bool, m, n, k int, alpha float32, a []float32, lda int,
	b []float32, ldb int, beta float32, c []float32, ldc int) {
	// Gather the m rows of op(A) contiguously (they are tiny).
	var rowsBuf [gemvMaxRows][]float32
	var tmp []float32
	for i := range m {
		if !transA {
			rowsBuf[i] = a[i*lda : i*lda+k]
			continue
		}
		if tmp == nil {
			tmp = make([]float32, m*k)
		}
		r := tmp[i*k : i*k+k]
		for p := range r {
			r[p] = a[p*lda+i]
		}
		rowsBuf[i] = r
	}
	rows := rowsBuf[:m]
	if transB {
		// C[i, j] = alpha·⟨A_i, B_j⟩ + beta·C[i, j], with B_j a contiguous row.
		grain := max(16, 16384/max(k, 1))
		Parallel(n, grain, func(lo, hi int) {
			for j := lo; j < hi; j++ {
				bj := b[j*ldb : j*ldb+k]
				for i, r := range rows {
					v := alpha * Dot(r, bj)
					if beta != 0 {
						v += beta * c[i*ldc+j]
					}
					c[i*ldc+j] = v
				}
			}
		})
		return
	}
	// C_i = beta·C_i + Σ_p alpha·A[i,p]·B_p over column blocks small enough
	// to stay in L1 while all k rows of B stream past.
	const block = 1024
	Parallel(n, 256, func(lo, hi int) {
		for j0 := lo; j0 < hi; j0 += block {
			j1 := min(hi, j0+block)
			for i := range rows {
				crow := c[i*ldc+j0 : i*ldc+j1]
				switch beta {
				case 0:
					clear(crow)
				case 1:
				default:
					Scale(beta, crow)
				}
			}
			for p := range k {
				bp := b[p*ldb+j0 : p*ldb+j1]
				for i, r := range rows {
					if r[p] != 0 {
						Axpy(alpha*r[p], bp, c[i*ldc+j0:i*ldc+j1])
					}
				}
			}
		}
	})
}
