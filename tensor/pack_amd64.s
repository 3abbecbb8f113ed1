// AVX-512 packing routines for the GEMM driver. packCopy512 copies strided
// rows into a contiguous sliver (the NN layout of B and the transposed
// layout of A) under four 16-bit lane masks packed in one word: load chunk
// 0, store chunk 0, load chunk 1, store chunk 1. Lanes loaded under a zero
// mask bit are zero, so edge slivers come out zero-padded, and masked-off
// lanes never fault. packT512 transposes 16×16 blocks in registers for the
// other two layouts (NN A, transposed B); gathers would be simpler but are
// slow on CPUs with the gather-data-sampling microcode fix.

#include "textflag.h"

// func packCopy512(dst, src *float32, rows, ld, dstride int, masks uint64)
TEXT ·packCopy512(SB), NOSPLIT, $0-48
	MOVQ dst+0(FP), DI
	MOVQ src+8(FP), SI
	MOVQ rows+16(FP), CX
	MOVQ ld+24(FP), R8
	SHLQ $2, R8
	MOVQ dstride+32(FP), R10
	SHLQ $2, R10
	MOVQ masks+40(FP), AX
	KMOVW AX, K1
	SHRQ $16, AX
	KMOVW AX, K2
	SHRQ $16, AX
	KMOVW AX, K3
	SHRQ $16, AX
	KMOVW AX, K4
	TESTQ CX, CX
	JEQ copydone

copyloop:
	VMOVUPS.Z (SI), K1, Z0
	VMOVUPS.Z 64(SI), K3, Z1
	VMOVUPS Z0, K2, (DI)
	VMOVUPS Z1, K4, 64(DI)
	ADDQ R8, SI
	ADDQ R10, DI
	DECQ CX
	JNE copyloop

copydone:
	VZEROUPPER
	RET

// func packT512(dst, src *float32, rows, ld, blocks, dstride int, storeMask uint64)
// For each of blocks blocks of 16 columns c of src (rows rows, row stride
// ld floats), writes dst[c*dstride + r] = src[r*ld + c] for r < 16 under
// storeMask, with zeros for r ≥ rows.
TEXT ·packT512(SB), NOSPLIT, $0-56
	MOVQ dst+0(FP), DI
	MOVQ src+8(FP), SI
	MOVQ rows+16(FP), BX
	MOVQ ld+24(FP), R8
	SHLQ $2, R8
	MOVQ blocks+32(FP), CX
	MOVQ dstride+40(FP), R12
	SHLQ $2, R12
	MOVQ storeMask+48(FP), AX
	KMOVW AX, K1
	TESTQ CX, CX
	JEQ tdone

tblock:
	VPXORD Z0, Z0, Z0
	VPXORD Z1, Z1, Z1
	VPXORD Z2, Z2, Z2
	VPXORD Z3, Z3, Z3
	VPXORD Z4, Z4, Z4
	VPXORD Z5, Z5, Z5
	VPXORD Z6, Z6, Z6
	VPXORD Z7, Z7, Z7
	VPXORD Z8, Z8, Z8
	VPXORD Z9, Z9, Z9
	VPXORD Z10, Z10, Z10
	VPXORD Z11, Z11, Z11
	VPXORD Z12, Z12, Z12
	VPXORD Z13, Z13, Z13
	VPXORD Z14, Z14, Z14
	VPXORD Z15, Z15, Z15
	MOVQ SI, R11
	CMPQ BX, $1
	JLT tloaded
	VMOVUPS (R11), Z0
	ADDQ R8, R11
	CMPQ BX, $2
	JLT tloaded
	VMOVUPS (R11), Z1
	ADDQ R8, R11
	CMPQ BX, $3
	JLT tloaded
	VMOVUPS (R11), Z2
	ADDQ R8, R11
	CMPQ BX, $4
	JLT tloaded
	VMOVUPS (R11), Z3
	ADDQ R8, R11
	CMPQ BX, $5
	JLT tloaded
	VMOVUPS (R11), Z4
	ADDQ R8, R11
	CMPQ BX, $6
	JLT tloaded
	VMOVUPS (R11), Z5
	ADDQ R8, R11
	CMPQ BX, $7
	JLT tloaded
	VMOVUPS (R11), Z6
	ADDQ R8, R11
	CMPQ BX, $8
	JLT tloaded
	VMOVUPS (R11), Z7
	ADDQ R8, R11
	CMPQ BX, $9
	JLT tloaded
	VMOVUPS (R11), Z8
	ADDQ R8, R11
	CMPQ BX, $10
	JLT tloaded
	VMOVUPS (R11), Z9
	ADDQ R8, R11
	CMPQ BX, $11
	JLT tloaded
	VMOVUPS (R11), Z10
	ADDQ R8, R11
	CMPQ BX, $12
	JLT tloaded
	VMOVUPS (R11), Z11
	ADDQ R8, R11
	CMPQ BX, $13
	JLT tloaded
	VMOVUPS (R11), Z12
	ADDQ R8, R11
	CMPQ BX, $14
	JLT tloaded
	VMOVUPS (R11), Z13
	ADDQ R8, R11
	CMPQ BX, $15
	JLT tloaded
	VMOVUPS (R11), Z14
	ADDQ R8, R11
	CMPQ BX, $16
	JLT tloaded
	VMOVUPS (R11), Z15
	ADDQ R8, R11

tloaded:
	VUNPCKLPS Z1, Z0, Z16
	VUNPCKHPS Z1, Z0, Z17
	VUNPCKLPS Z3, Z2, Z18
	VUNPCKHPS Z3, Z2, Z19
	VUNPCKLPS Z5, Z4, Z20
	VUNPCKHPS Z5, Z4, Z21
	VUNPCKLPS Z7, Z6, Z22
	VUNPCKHPS Z7, Z6, Z23
	VUNPCKLPS Z9, Z8, Z24
	VUNPCKHPS Z9, Z8, Z25
	VUNPCKLPS Z11, Z10, Z26
	VUNPCKHPS Z11, Z10, Z27
	VUNPCKLPS Z13, Z12, Z28
	VUNPCKHPS Z13, Z12, Z29
	VUNPCKLPS Z15, Z14, Z30
	VUNPCKHPS Z15, Z14, Z31
	VUNPCKLPD Z18, Z16, Z0
	VUNPCKHPD Z18, Z16, Z4
	VUNPCKLPD Z19, Z17, Z8
	VUNPCKHPD Z19, Z17, Z12
	VUNPCKLPD Z22, Z20, Z1
	VUNPCKHPD Z22, Z20, Z5
	VUNPCKLPD Z23, Z21, Z9
	VUNPCKHPD Z23, Z21, Z13
	VUNPCKLPD Z26, Z24, Z2
	VUNPCKHPD Z26, Z24, Z6
	VUNPCKLPD Z27, Z25, Z10
	VUNPCKHPD Z27, Z25, Z14
	VUNPCKLPD Z30, Z28, Z3
	VUNPCKHPD Z30, Z28, Z7
	VUNPCKLPD Z31, Z29, Z11
	VUNPCKHPD Z31, Z29, Z15
	VSHUFF32X4 $0x44, Z1, Z0, Z16
	VSHUFF32X4 $0xEE, Z1, Z0, Z17
	VSHUFF32X4 $0x44, Z3, Z2, Z18
	VSHUFF32X4 $0xEE, Z3, Z2, Z19
	VSHUFF32X4 $0x44, Z5, Z4, Z20
	VSHUFF32X4 $0xEE, Z5, Z4, Z21
	VSHUFF32X4 $0x44, Z7, Z6, Z22
	VSHUFF32X4 $0xEE, Z7, Z6, Z23
	VSHUFF32X4 $0x44, Z9, Z8, Z24
	VSHUFF32X4 $0xEE, Z9, Z8, Z25
	VSHUFF32X4 $0x44, Z11, Z10, Z26
	VSHUFF32X4 $0xEE, Z11, Z10, Z27
	VSHUFF32X4 $0x44, Z13, Z12, Z28
	VSHUFF32X4 $0xEE, Z13, Z12, Z29
	VSHUFF32X4 $0x44, Z15, Z14, Z30
	VSHUFF32X4 $0xEE, Z15, Z14, Z31
	VSHUFF32X4 $0x88, Z18, Z16, Z0
	VSHUFF32X4 $0xDD, Z18, Z16, Z4
	VSHUFF32X4 $0x88, Z19, Z17, Z8
	VSHUFF32X4 $0xDD, Z19, Z17, Z12
	VSHUFF32X4 $0x88, Z22, Z20, Z1
	VSHUFF32X4 $0xDD, Z22, Z20, Z5
	VSHUFF32X4 $0x88, Z23, Z21, Z9
	VSHUFF32X4 $0xDD, Z23, Z21, Z13
	VSHUFF32X4 $0x88, Z26, Z24, Z2
	VSHUFF32X4 $0xDD, Z26, Z24, Z6
	VSHUFF32X4 $0x88, Z27, Z25, Z10
	VSHUFF32X4 $0xDD, Z27, Z25, Z14
	VSHUFF32X4 $0x88, Z30, Z28, Z3
	VSHUFF32X4 $0xDD, Z30, Z28, Z7
	VSHUFF32X4 $0x88, Z31, Z29, Z11
	VSHUFF32X4 $0xDD, Z31, Z29, Z15
	MOVQ DI, R13
	VMOVUPS Z0, K1, (R13)
	ADDQ R12, R13
	VMOVUPS Z1, K1, (R13)
	ADDQ R12, R13
	VMOVUPS Z2, K1, (R13)
	ADDQ R12, R13
	VMOVUPS Z3, K1, (R13)
	ADDQ R12, R13
	VMOVUPS Z4, K1, (R13)
	ADDQ R12, R13
	VMOVUPS Z5, K1, (R13)
	ADDQ R12, R13
	VMOVUPS Z6, K1, (R13)
	ADDQ R12, R13
	VMOVUPS Z7, K1, (R13)
	ADDQ R12, R13
	VMOVUPS Z8, K1, (R13)
	ADDQ R12, R13
	VMOVUPS Z9, K1, (R13)
	ADDQ R12, R13
	VMOVUPS Z10, K1, (R13)
	ADDQ R12, R13
	VMOVUPS Z11, K1, (R13)
	ADDQ R12, R13
	VMOVUPS Z12, K1, (R13)
	ADDQ R12, R13
	VMOVUPS Z13, K1, (R13)
	ADDQ R12, R13
	VMOVUPS Z14, K1, (R13)
	ADDQ R12, R13
	VMOVUPS Z15, K1, (R13)
	ADDQ $64, SI
	MOVQ R12, R9
	SHLQ $4, R9
	ADDQ R9, DI
	DECQ CX
	JNE tblock

tdone:
	VZEROUPPER
	RET

// func packTN512(dst, src *float32, kc, lda, slivers, sliverStride int)
TEXT ·packTN512(SB), NOSPLIT, $0-48
	MOVQ dst+0(FP), DI
	MOVQ src+8(FP), SI
	MOVQ kc+16(FP), CX
	MOVQ lda+24(FP), R8
	SHLQ $2, R8
	MOVQ slivers+32(FP), R9
	MOVQ sliverStride+40(FP), R10
	SHLQ $2, R10
	MOVL $0x0fff, AX
	KMOVW AX, K1
	TESTQ CX, CX
	JEQ tndone

tnrow:
	MOVQ SI, R11
	MOVQ DI, R12
	MOVQ R9, BX

tnsliver:
	VMOVUPS.Z (R11), K1, Z0
	VMOVUPS Z0, K1, (R12)
	ADDQ $48, R11
	ADDQ R10, R12
	DECQ BX
	JNE tnsliver
	ADDQ R8, SI
	ADDQ $48, DI
	DECQ CX
	JNE tnrow

tndone:
	VZEROUPPER
	RET

// func packCopy16AVX2(dst, src *float32, rows, ld int)
// Copies rows runs of 16 floats (source stride ld floats) to dst densely.
TEXT ·packCopy16AVX2(SB), NOSPLIT, $0-32
	MOVQ dst+0(FP), DI
	MOVQ src+8(FP), SI
	MOVQ rows+16(FP), CX
	MOVQ ld+24(FP), R8
	SHLQ $2, R8
	TESTQ CX, CX
	JEQ c16done

c16loop:
	VMOVUPS (SI), Y0
	VMOVUPS 32(SI), Y1
	VMOVUPS Y0, (DI)
	VMOVUPS Y1, 32(DI)
	ADDQ R8, SI
	ADDQ $64, DI
	DECQ CX
	JNE c16loop

c16done:
	VZEROUPPER
	RET

// func packCopy6AVX2(dst, src *float32, rows, ld int)
// Copies rows runs of 6 floats (source stride ld floats) to dst densely.
TEXT ·packCopy6AVX2(SB), NOSPLIT, $0-32
	MOVQ dst+0(FP), DI
	MOVQ src+8(FP), SI
	MOVQ rows+16(FP), CX
	MOVQ ld+24(FP), R8
	SHLQ $2, R8
	TESTQ CX, CX
	JEQ c6done

c6loop:
	VMOVUPS (SI), X0
	MOVQ 16(SI), AX
	VMOVUPS X0, (DI)
	MOVQ AX, 16(DI)
	ADDQ R8, SI
	ADDQ $24, DI
	DECQ CX
	JNE c6loop

c6done:
	VZEROUPPER
	RET
