//go:build amd64

// CPU feature detection and the declarations of the amd64 assembly kernels
// (gemm_amd64.s, vector_amd64.s). AVX-512F selects the 12×32 zmm GEMM
// kernel, AVX2 with FMA the 6×16 ymm one; the vector kernels need AVX2+FMA.
package tensor

import "golang.org/x/sys/cpu"

var (
	hasAVX512     = cpu.X86.HasAVX512F && cpu.X86.HasAVX512VL && cpu.X86.HasAVX2 && cpu.X86.HasFMA
	haveVectorAsm = cpu.X86.HasAVX2 && cpu.X86.HasFMA
)

var (
	avx512Kernel = &microKernel{name: "avx512 12x32", mr: 12, nr: 32, mc: 2052, kc: 576, nc: 576, aResident: true, fn: sgemmAVX512, packA: packAAsm, packB: packBAsm}
	avx2Kernel   = &microKernel{name: "avx2 6x16", mr: 6, nr: 16, mc: 1032, kc: 384, nc: 256, aResident: true, fn: sgemmAVX2, packA: packAAVX2, packB: packBAVX2}
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
// steps (12 packed floats of A per step, 32 floats of B per step with
// consecutive steps ldb floats apart).
//
//go:noescape
func sgemmAVX512(k int, a, b *float32, ldb int, c *float32, ldc int, alpha, beta float32)

// sgemmAVX2 is the 6×16 micro-kernel with the same contract.
//
//go:noescape
func sgemmAVX2(k int, a, b *float32, ldb int, c *float32, ldc int, alpha, beta float32)

//go:noescape
func dotAsm(x, y []float32) float32

//go:noescape
func axpyAsm(alpha float32, x, y []float32)

//go:noescape
func scaleAsm(alpha float32, x []float32)

// maxAsm returns the largest element; len(x) must be a positive multiple
// of 8.
//
//go:noescape
func maxAsm(x []float32) float32

// The elementwise kernels below (elementwise_amd64.s) process len/8
// groups of eight and leave the tail to the Go caller.

//go:noescape
func expAsm(dst, x []float32)

//go:noescape
func siluMulAsm(out, gate, up []float32)

//go:noescape
func siluMulBackAsm(dGate, dUp, dOut, gate, up []float32)

//go:noescape
func expSubSumAsm(x []float32, mx float32) float32

//go:noescape
func adamwAsm(param, grad, m, v []float32, k *[8]float32)

//go:noescape
func rmsScaleAsm(out, x, w []float32, s float32)

//go:noescape
func rmsBack1Asm(g, x, w, dw []float32, s float32) float32

//go:noescape
func rmsBack2Asm(dx, g, x, w []float32, s, c float32)

// packCopy512 copies rows rows of src (stride ld) into dst (stride
// dstride) under the lane masks built by packMasks.
//
//go:noescape
func packCopy512(dst, src *float32, rows, ld, dstride int, masks uint64)

// packT512 transposes blocks×16 columns of src (rows ≤ 16 rows, stride
// ld) into dst: dst[c*dstride+r] = src[r*ld+c] for the lanes r set in
// storeMask, zero for r ≥ rows.
//
//go:noescape
func packT512(dst, src *float32, rows, ld, blocks, dstride int, storeMask uint64)

// packTN512 packs slivers full 12-wide slivers of a transposed A: for
// each of kc rows of src (stride lda floats) it copies 12·slivers floats,
// 12 to each sliver, slivers being sliverStride floats apart in dst.
//
//go:noescape
func packTN512(dst, src *float32, kc, lda, slivers, sliverStride int)

// packMasks builds the lane masks for w valid values in a sliver nr wide.
func packMasks(w, nr int) uint64 {
	lanes := func(n int) uint64 {
		n = max(0, min(16, n))
		return 1<<n - 1
	}
	return lanes(w) | lanes(nr)<<16 | lanes(w-16)<<32 | lanes(nr-16)<<48
}

// packAAsm and packBAsm are the AVX-512 versions of packA and packB.
func packAAsm(dst []float32, trans bool, a []float32, lda, i0, p0, mc, kc, mr int) {
	full := kc &^ 15
	for s := 0; s < mc; s += mr {
		h := min(mr, mc-s)
		d := dst[s*kc : s*kc+mr*kc]
		if trans {
			// Full slivers go together, reading each source row once.
			if full := (mc - s) / mr; full > 1 && mr == 12 {
				packTN512(&d[0], &a[p0*lda+i0+s], kc, lda, full, mr*kc)
				s += (full - 1) * mr
				continue
			}
			packCopy512(&d[0], &a[p0*lda+i0+s], kc, lda, mr, packMasks(h, mr))
			continue
		}
		if full > 0 {
			packT512(&d[0], &a[(i0+s)*lda+p0], h, lda, full/16, mr, 1<<mr-1)
		}
		for p := full; p < kc; p++ {
			for r := range mr {
				v := float32(0)
				if r < h {
					v = a[(i0+s+r)*lda+p0+p]
				}
				d[p*mr+r] = v
			}
		}
	}
}

func packBAsm(dst []float32, trans bool, b []float32, ldb, p0, j0, kc, nc, nr int) {
	full := kc &^ 15
	for s := 0; s < nc; s += nr {
		w := min(nr, nc-s)
		d := dst[s*kc : s*kc+nr*kc]
		if !trans {
			packCopy512(&d[0], &b[p0*ldb+j0+s], kc, ldb, nr, packMasks(w, nr))
			continue
		}
		if full > 0 {
			// Two 16-row halves of the 32-wide sliver.
			src := &b[(j0+s)*ldb+p0]
			packT512(&d[0], src, min(16, w), ldb, full/16, nr, 0xffff)
			if w > 16 {
				src = &b[(j0+s+16)*ldb+p0]
			}
			packT512(&d[16], src, max(0, w-16), ldb, full/16, nr, 0xffff)
		}
		for p := full; p < kc; p++ {
			for j := range nr {
				v := float32(0)
				if j < w {
					v = b[(j0+s+j)*ldb+p0+p]
				}
				d[p*nr+j] = v
			}
		}
	}
}

// dotBF16Asm is the widening dot product of bf16_amd64.s; len(x) must be a
// multiple of 8.
//
//go:noescape
func dotBF16Asm(x []float32, w []uint16) float32

// packCopy16AVX2 and packCopy6AVX2 copy rows runs of 16 or 6 floats, ld
// floats apart in src, densely into dst: the full-width copies of the AVX2
// kernel's packing, which in Go would be one memmove call per run.
//
//go:noescape
func packCopy16AVX2(dst, src *float32, rows, ld int)

//go:noescape
func packCopy6AVX2(dst, src *float32, rows, ld int)

// packAAVX2 and packBAVX2 pack for the 6×16 AVX2 kernel: full-width copies
// in assembly, transposes and edge slivers in Go.
func packAAVX2(dst []float32, trans bool, a []float32, lda, i0, p0, mc, kc, mr int) {
	if !trans || mr != 6 {
		packA(dst, trans, a, lda, i0, p0, mc, kc, mr)
		return
	}
	full := mc / mr * mr
	for s := 0; s < full; s += mr {
		packCopy6AVX2(&dst[s*kc], &a[p0*lda+i0+s], kc, lda)
	}
	if full < mc {
		packA(dst[full*kc:], trans, a, lda, i0+full, p0, mc-full, kc, mr)
	}
}

func packBAVX2(dst []float32, trans bool, b []float32, ldb, p0, j0, kc, nc, nr int) {
	if trans || nr != 16 {
		packB(dst, trans, b, ldb, p0, j0, kc, nc, nr)
		return
	}
	full := nc / nr * nr
	for s := 0; s < full; s += nr {
		packCopy16AVX2(&dst[s*kc], &b[p0*ldb+j0+s], kc, ldb)
	}
	if full < nc {
		packB(dst[full*kc:], trans, b, ldb, p0, j0+full, kc, nc-full, nr)
	}
}
