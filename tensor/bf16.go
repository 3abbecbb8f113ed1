// bfloat16 weight storage for inference. A bf16 value is the top 16 bits
// of a float32, so weights stored this way take half the memory and half
// the memory bandwidth, which is what bounds token-by-token decoding; the
// kernels widen them back to float32 on the fly and accumulate in float32.
package tensor

import (
	"fmt"
	"math"
)

// ToBF16 rounds src to bfloat16 (round to nearest, ties to even) into dst.
// NaNs stay NaN.
func ToBF16(dst []uint16, src []float32) {
	dst = dst[:len(src)]
	for i, v := range src {
		dst[i] = BF16FromFloat32(v)
	}
}

// FromBF16 widens src into dst exactly.
func FromBF16(dst []float32, src []uint16) {
	dst = dst[:len(src)]
	for i, v := range src {
		dst[i] = math.Float32frombits(uint32(v) << 16)
	}
}

// BF16FromFloat32 rounds one float32 to bfloat16 bits.
func BF16FromFloat32(v float32) uint16 {
	b := math.Float32bits(v)
	if b&0x7fffffff > 0x7f800000 { // NaN: keep it quiet and NaN
		return uint16(b>>16) | 0x40
	}
	b += 0x7fff + (b>>16)&1
	return uint16(b >> 16)
}

// DotBF16 returns Σ x[i]·w[i] with w in bfloat16, over the length of x.
func DotBF16(x []float32, w []uint16) float32 {
	w = w[:len(x)]
	i := 0
	var s float32
	if simdOn() {
		i = len(x) &^ 7
		s = dotBF16Asm(x[:i], w[:i])
	}
	for ; i < len(x); i++ {
		s += x[i] * math.Float32frombits(uint32(w[i])<<16)
	}
	return s
}

// GemmBF16 computes C = alpha·A·Wᵀ + beta·C where A is m×k float32 (row
// stride lda), W is n×k bfloat16 (row stride ldw; the Hugging Face layout
// of a linear layer's weight) and C is m×n (row stride ldc). Small m (the
// decode case) streams W once through the widening dot kernel; larger m
// widens blocks of W rows to float32 and uses Gemm.
func GemmBF16(m, n, k int, alpha float32, a []float32, lda int, w []uint16, ldw int, beta float32, c []float32, ldc int) {
	if m < 0 || n < 0 || k < 0 {
		panic(fmt.Sprintf("tensor.GemmBF16: negative shape m=%d n=%d k=%d", m, n, k))
	}
	if m == 0 || n == 0 {
		return
	}
	checkOperand("A", false, m, k, a, lda)
	checkOperand("C", false, m, n, c, ldc)
	if k > 0 {
		if ldw < k || len(w) < (n-1)*ldw+k {
			panic(fmt.Sprintf("tensor.GemmBF16: W has %d elements with ldw=%d, needs %d×%d", len(w), ldw, n, k))
		}
	}
	if k == 0 || alpha == 0 {
		scaleC(m, n, beta, c, ldc)
		return
	}
	if m <= gemvMaxRows {
		grain := max(16, 16384/k)
		Parallel(n, grain, func(lo, hi int) {
			for j := lo; j < hi; j++ {
				wj := w[j*ldw : j*ldw+k]
				for i := range m {
					v := alpha * DotBF16(a[i*lda:i*lda+k], wj)
					if beta != 0 {
						v += beta * c[i*ldc+j]
					}
					c[i*ldc+j] = v
				}
			}
		})
		return
	}
	// Widen up to rows×k of W at a time; Gemm parallelises each block.
	rows := max(1, min(n, (1<<20)/k))
	buf := getBuf(&poolWide, rows*k)
	defer poolWide.Put(buf)
	wf := *buf
	for j0 := 0; j0 < n; j0 += rows {
		r := min(rows, n-j0)
		Parallel(r, 16, func(lo, hi int) {
			for j := lo; j < hi; j++ {
				FromBF16(wf[j*k:j*k+k], w[(j0+j)*ldw:(j0+j)*ldw+k])
			}
		})
		Gemm(false, true, m, r, k, alpha, a, lda, wf, k, beta, c[j0:], ldc)
	}
}
