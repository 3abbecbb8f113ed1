// AVX-512 packing routines for the GEMM driver. packCopy512 copies strided
// rows into a contiguous sliver (the NN layout of B and the transposed
// layout of A); packGather512 transposes while packing, one gather per k
// step (the NN layout of A and the transposed layout of B). Both take four
// 16-bit lane masks in one word: load chunk 0, store chunk 0, load chunk 1,
// store chunk 1. Lanes loaded under a zero mask bit are zero, so edge
// slivers come out zero-padded, and masked-off lanes never fault.

#include "textflag.h"

DATA iota16<>+0(SB)/4, $0
DATA iota16<>+4(SB)/4, $1
DATA iota16<>+8(SB)/4, $2
DATA iota16<>+12(SB)/4, $3
DATA iota16<>+16(SB)/4, $4
DATA iota16<>+20(SB)/4, $5
DATA iota16<>+24(SB)/4, $6
DATA iota16<>+28(SB)/4, $7
DATA iota16<>+32(SB)/4, $8
DATA iota16<>+36(SB)/4, $9
DATA iota16<>+40(SB)/4, $10
DATA iota16<>+44(SB)/4, $11
DATA iota16<>+48(SB)/4, $12
DATA iota16<>+52(SB)/4, $13
DATA iota16<>+56(SB)/4, $14
DATA iota16<>+60(SB)/4, $15
GLOBL iota16<>(SB), RODATA|NOPTR, $64

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

// func packGather512(dst, src *float32, kc, ld, dstride int, masks uint64)
// dst[p*dstride + j] = src[j*ld + p] for p < kc and the lanes j in the masks.
TEXT ·packGather512(SB), NOSPLIT, $0-48
	MOVQ dst+0(FP), DI
	MOVQ src+8(FP), SI
	MOVQ kc+16(FP), CX
	MOVQ ld+24(FP), R8
	MOVQ dstride+32(FP), R10
	SHLQ $2, R10
	MOVQ masks+40(FP), AX
	KMOVW AX, K5
	SHRQ $16, AX
	KMOVW AX, K2
	SHRQ $16, AX
	KMOVW AX, K6
	SHRQ $16, AX
	KMOVW AX, K4
	// Z30 = iota·ld, Z31 = (iota+16)·ld: element offsets of rows j.
	VPBROADCASTD R8, Z29
	VMOVDQU32 iota16<>(SB), Z30
	VPMULLD Z29, Z30, Z30
	MOVQ R8, R9
	SHLQ $4, R9
	VPBROADCASTD R9, Z28
	VPADDD Z28, Z30, Z31
	TESTQ CX, CX
	JEQ gatherdone

gatherloop:
	KMOVW K5, K1
	KMOVW K6, K3
	VPXORD Z0, Z0, Z0
	VPXORD Z1, Z1, Z1
	VGATHERDPS (SI)(Z30*4), K1, Z0
	VGATHERDPS (SI)(Z31*4), K3, Z1
	VMOVUPS Z0, K2, (DI)
	VMOVUPS Z1, K4, 64(DI)
	ADDQ $4, SI
	ADDQ R10, DI
	DECQ CX
	JNE gatherloop

gatherdone:
	VZEROUPPER
	RET
