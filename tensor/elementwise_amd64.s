// AVX2+FMA kernels for the fused elementwise ops: a vector exp, SwiGLU's
// silu·mul forward and backward, softmax's exp-and-sum, and the AdamW
// update. Each routine handles len/8 groups of eight floats; the Go caller
// finishes the tail with the scalar code, so both paths agree on layout.
//
// exp(x) follows the scalar expf in vector.go: x = n·ln2 + r with a
// Cody–Waite split of ln2, a degree-6 polynomial for e^r, and 2^n built in
// the exponent bits. Inputs are clamped to [-87.3, 88]; below -87.3 the
// result is exactly 0 (so masked -Inf logits vanish), above 88 it
// saturates near 1.65e38.

#include "textflag.h"

DATA expHi<>+0(SB)/4, $0x42b00000
DATA expHi<>+4(SB)/4, $0x42b00000
DATA expHi<>+8(SB)/4, $0x42b00000
DATA expHi<>+12(SB)/4, $0x42b00000
DATA expHi<>+16(SB)/4, $0x42b00000
DATA expHi<>+20(SB)/4, $0x42b00000
DATA expHi<>+24(SB)/4, $0x42b00000
DATA expHi<>+28(SB)/4, $0x42b00000
GLOBL expHi<>(SB), RODATA|NOPTR, $32

DATA expLo<>+0(SB)/4, $0xc2ae999a
DATA expLo<>+4(SB)/4, $0xc2ae999a
DATA expLo<>+8(SB)/4, $0xc2ae999a
DATA expLo<>+12(SB)/4, $0xc2ae999a
DATA expLo<>+16(SB)/4, $0xc2ae999a
DATA expLo<>+20(SB)/4, $0xc2ae999a
DATA expLo<>+24(SB)/4, $0xc2ae999a
DATA expLo<>+28(SB)/4, $0xc2ae999a
GLOBL expLo<>(SB), RODATA|NOPTR, $32

DATA log2e<>+0(SB)/4, $0x3fb8aa3b
DATA log2e<>+4(SB)/4, $0x3fb8aa3b
DATA log2e<>+8(SB)/4, $0x3fb8aa3b
DATA log2e<>+12(SB)/4, $0x3fb8aa3b
DATA log2e<>+16(SB)/4, $0x3fb8aa3b
DATA log2e<>+20(SB)/4, $0x3fb8aa3b
DATA log2e<>+24(SB)/4, $0x3fb8aa3b
DATA log2e<>+28(SB)/4, $0x3fb8aa3b
GLOBL log2e<>(SB), RODATA|NOPTR, $32

DATA ln2hi<>+0(SB)/4, $0x3f317200
DATA ln2hi<>+4(SB)/4, $0x3f317200
DATA ln2hi<>+8(SB)/4, $0x3f317200
DATA ln2hi<>+12(SB)/4, $0x3f317200
DATA ln2hi<>+16(SB)/4, $0x3f317200
DATA ln2hi<>+20(SB)/4, $0x3f317200
DATA ln2hi<>+24(SB)/4, $0x3f317200
DATA ln2hi<>+28(SB)/4, $0x3f317200
GLOBL ln2hi<>(SB), RODATA|NOPTR, $32

DATA ln2lo<>+0(SB)/4, $0x35bfbe8e
DATA ln2lo<>+4(SB)/4, $0x35bfbe8e
DATA ln2lo<>+8(SB)/4, $0x35bfbe8e
DATA ln2lo<>+12(SB)/4, $0x35bfbe8e
DATA ln2lo<>+16(SB)/4, $0x35bfbe8e
DATA ln2lo<>+20(SB)/4, $0x35bfbe8e
DATA ln2lo<>+24(SB)/4, $0x35bfbe8e
DATA ln2lo<>+28(SB)/4, $0x35bfbe8e
GLOBL ln2lo<>(SB), RODATA|NOPTR, $32

DATA c6<>+0(SB)/4, $0x3ab60b61
DATA c6<>+4(SB)/4, $0x3ab60b61
DATA c6<>+8(SB)/4, $0x3ab60b61
DATA c6<>+12(SB)/4, $0x3ab60b61
DATA c6<>+16(SB)/4, $0x3ab60b61
DATA c6<>+20(SB)/4, $0x3ab60b61
DATA c6<>+24(SB)/4, $0x3ab60b61
DATA c6<>+28(SB)/4, $0x3ab60b61
GLOBL c6<>(SB), RODATA|NOPTR, $32

DATA c5<>+0(SB)/4, $0x3c088889
DATA c5<>+4(SB)/4, $0x3c088889
DATA c5<>+8(SB)/4, $0x3c088889
DATA c5<>+12(SB)/4, $0x3c088889
DATA c5<>+16(SB)/4, $0x3c088889
DATA c5<>+20(SB)/4, $0x3c088889
DATA c5<>+24(SB)/4, $0x3c088889
DATA c5<>+28(SB)/4, $0x3c088889
GLOBL c5<>(SB), RODATA|NOPTR, $32

DATA c4<>+0(SB)/4, $0x3d2aaaab
DATA c4<>+4(SB)/4, $0x3d2aaaab
DATA c4<>+8(SB)/4, $0x3d2aaaab
DATA c4<>+12(SB)/4, $0x3d2aaaab
DATA c4<>+16(SB)/4, $0x3d2aaaab
DATA c4<>+20(SB)/4, $0x3d2aaaab
DATA c4<>+24(SB)/4, $0x3d2aaaab
DATA c4<>+28(SB)/4, $0x3d2aaaab
GLOBL c4<>(SB), RODATA|NOPTR, $32

DATA c3<>+0(SB)/4, $0x3e2aaaab
DATA c3<>+4(SB)/4, $0x3e2aaaab
DATA c3<>+8(SB)/4, $0x3e2aaaab
DATA c3<>+12(SB)/4, $0x3e2aaaab
DATA c3<>+16(SB)/4, $0x3e2aaaab
DATA c3<>+20(SB)/4, $0x3e2aaaab
DATA c3<>+24(SB)/4, $0x3e2aaaab
DATA c3<>+28(SB)/4, $0x3e2aaaab
GLOBL c3<>(SB), RODATA|NOPTR, $32

DATA c2<>+0(SB)/4, $0x3f000000
DATA c2<>+4(SB)/4, $0x3f000000
DATA c2<>+8(SB)/4, $0x3f000000
DATA c2<>+12(SB)/4, $0x3f000000
DATA c2<>+16(SB)/4, $0x3f000000
DATA c2<>+20(SB)/4, $0x3f000000
DATA c2<>+24(SB)/4, $0x3f000000
DATA c2<>+28(SB)/4, $0x3f000000
GLOBL c2<>(SB), RODATA|NOPTR, $32

DATA one<>+0(SB)/4, $0x3f800000
DATA one<>+4(SB)/4, $0x3f800000
DATA one<>+8(SB)/4, $0x3f800000
DATA one<>+12(SB)/4, $0x3f800000
DATA one<>+16(SB)/4, $0x3f800000
DATA one<>+20(SB)/4, $0x3f800000
DATA one<>+24(SB)/4, $0x3f800000
DATA one<>+28(SB)/4, $0x3f800000
GLOBL one<>(SB), RODATA|NOPTR, $32

DATA bias127<>+0(SB)/4, $0x7f
DATA bias127<>+4(SB)/4, $0x7f
DATA bias127<>+8(SB)/4, $0x7f
DATA bias127<>+12(SB)/4, $0x7f
DATA bias127<>+16(SB)/4, $0x7f
DATA bias127<>+20(SB)/4, $0x7f
DATA bias127<>+24(SB)/4, $0x7f
DATA bias127<>+28(SB)/4, $0x7f
GLOBL bias127<>(SB), RODATA|NOPTR, $32

DATA signbit<>+0(SB)/4, $0x80000000
DATA signbit<>+4(SB)/4, $0x80000000
DATA signbit<>+8(SB)/4, $0x80000000
DATA signbit<>+12(SB)/4, $0x80000000
DATA signbit<>+16(SB)/4, $0x80000000
DATA signbit<>+20(SB)/4, $0x80000000
DATA signbit<>+24(SB)/4, $0x80000000
DATA signbit<>+28(SB)/4, $0x80000000
GLOBL signbit<>(SB), RODATA|NOPTR, $32

// EXP replaces x with exp(x); t1, t2 and t3 are scratch.
#define EXP(x, t1, t2, t3) \
	VCMPPS $0x1d, expLo<>(SB), x, t3; \
	VMINPS expHi<>(SB), x, x; \
	VMAXPS expLo<>(SB), x, x; \
	VMULPS log2e<>(SB), x, t1; \
	VROUNDPS $0, t1, t1; \
	VFNMADD231PS ln2hi<>(SB), t1, x; \
	VFNMADD231PS ln2lo<>(SB), t1, x; \
	VMOVUPS c6<>(SB), t2; \
	VFMADD213PS c5<>(SB), x, t2; \
	VFMADD213PS c4<>(SB), x, t2; \
	VFMADD213PS c3<>(SB), x, t2; \
	VFMADD213PS c2<>(SB), x, t2; \
	VFMADD213PS one<>(SB), x, t2; \
	VFMADD213PS one<>(SB), x, t2; \
	VCVTPS2DQ t1, t1; \
	VPADDD bias127<>(SB), t1, t1; \
	VPSLLD $23, t1, t1; \
	VMULPS t1, t2, x; \
	VANDPS t3, x, x

// func expAsm(dst, x []float32)
TEXT ·expAsm(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), CX
	SHRQ $3, CX
	JEQ expdone

exploop:
	VMOVUPS (SI), Y0
	EXP(Y0, Y1, Y2, Y3)
	VMOVUPS Y0, (DI)
	ADDQ $32, SI
	ADDQ $32, DI
	DECQ CX
	JNE exploop

expdone:
	VZEROUPPER
	RET

// func siluMulAsm(out, gate, up []float32)
TEXT ·siluMulAsm(SB), NOSPLIT, $0-72
	MOVQ out_base+0(FP), DI
	MOVQ gate_base+24(FP), SI
	MOVQ gate_len+32(FP), CX
	MOVQ up_base+48(FP), DX
	SHRQ $3, CX
	JEQ silldone

silloop:
	VMOVUPS (SI), Y4
	VXORPS signbit<>(SB), Y4, Y0
	EXP(Y0, Y1, Y2, Y3)
	VADDPS one<>(SB), Y0, Y0
	VDIVPS Y0, Y4, Y0
	VMULPS (DX), Y0, Y0
	VMOVUPS Y0, (DI)
	ADDQ $32, SI
	ADDQ $32, DI
	ADDQ $32, DX
	DECQ CX
	JNE silloop

silldone:
	VZEROUPPER
	RET

// func siluMulBackAsm(dGate, dUp, dOut, gate, up []float32)
TEXT ·siluMulBackAsm(SB), NOSPLIT, $0-120
	MOVQ dGate_base+0(FP), DI
	MOVQ dUp_base+24(FP), R8
	MOVQ dOut_base+48(FP), R9
	MOVQ gate_base+72(FP), SI
	MOVQ gate_len+80(FP), CX
	MOVQ up_base+96(FP), DX
	VMOVUPS one<>(SB), Y5
	SHRQ $3, CX
	JEQ silbdone

silbloop:
	VMOVUPS (SI), Y4
	VMOVUPS (R9), Y6
	VMOVUPS (DX), Y7
	VXORPS signbit<>(SB), Y4, Y0
	EXP(Y0, Y1, Y2, Y3)
	VADDPS Y5, Y0, Y0
	VDIVPS Y0, Y5, Y8
	VMULPS Y8, Y4, Y1
	VMULPS Y6, Y1, Y1
	VSUBPS Y8, Y5, Y2
	VFMADD213PS Y5, Y4, Y2
	VMULPS Y8, Y2, Y2
	VMULPS Y7, Y2, Y2
	VMULPS Y6, Y2, Y2
	VMOVUPS Y1, (R8)
	VMOVUPS Y2, (DI)
	ADDQ $32, SI
	ADDQ $32, DI
	ADDQ $32, DX
	ADDQ $32, R8
	ADDQ $32, R9
	DECQ CX
	JNE silbloop

silbdone:
	VZEROUPPER
	RET

// func expSubSumAsm(x []float32, mx float32) float32
// x[i] = exp(x[i]-mx) for the first len/8·8 entries; returns their sum.
TEXT ·expSubSumAsm(SB), NOSPLIT, $0-36
	MOVQ x_base+0(FP), SI
	MOVQ x_len+8(FP), CX
	VBROADCASTSS mx+24(FP), Y5
	VXORPS Y6, Y6, Y6
	SHRQ $3, CX
	JEQ essdone

essloop:
	VMOVUPS (SI), Y0
	VSUBPS Y5, Y0, Y0
	EXP(Y0, Y1, Y2, Y3)
	VADDPS Y0, Y6, Y6
	VMOVUPS Y0, (SI)
	ADDQ $32, SI
	DECQ CX
	JNE essloop

essdone:
	VEXTRACTF128 $1, Y6, X1
	VADDPS X1, X6, X6
	VHADDPS X6, X6, X6
	VHADDPS X6, X6, X6
	VZEROUPPER
	MOVSS X6, ret+32(FP)
	RET

// func adamwAsm(param, grad, m, v []float32, k *[8]float32)
// k holds β1, 1−β1, β2, 1−β2, eps, 1/sqrt(1−β2^t), 1−lr·wd, lr/(1−β1^t).
TEXT ·adamwAsm(SB), NOSPLIT, $0-104
	MOVQ param_base+0(FP), DI
	MOVQ param_len+8(FP), CX
	MOVQ grad_base+24(FP), SI
	MOVQ m_base+48(FP), R8
	MOVQ v_base+72(FP), R9
	MOVQ k+96(FP), AX
	VBROADCASTSS 0(AX), Y8
	VBROADCASTSS 4(AX), Y9
	VBROADCASTSS 8(AX), Y10
	VBROADCASTSS 12(AX), Y11
	VBROADCASTSS 16(AX), Y12
	VBROADCASTSS 20(AX), Y13
	VBROADCASTSS 24(AX), Y14
	VBROADCASTSS 28(AX), Y15
	SHRQ $3, CX
	JEQ adamdone

adamloop:
	VMOVUPS (SI), Y0
	VMULPS (R8), Y8, Y1
	VFMADD231PS Y0, Y9, Y1
	VMOVUPS Y1, (R8)
	VMULPS (R9), Y10, Y2
	VMULPS Y0, Y0, Y3
	VFMADD231PS Y3, Y11, Y2
	VMOVUPS Y2, (R9)
	VSQRTPS Y2, Y3
	VFMADD213PS Y12, Y13, Y3
	VDIVPS Y3, Y1, Y4
	VMULPS (DI), Y14, Y5
	VFNMADD231PS Y4, Y15, Y5
	VMOVUPS Y5, (DI)
	ADDQ $32, SI
	ADDQ $32, DI
	ADDQ $32, R8
	ADDQ $32, R9
	DECQ CX
	JNE adamloop

adamdone:
	VZEROUPPER
	RET

// func rmsScaleAsm(out, x, w []float32, s float32)
// out[i] = x[i]·s·w[i] for len(x)/8·8 entries.
TEXT ·rmsScaleAsm(SB), NOSPLIT, $0-76
	MOVQ out_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), CX
	MOVQ w_base+48(FP), DX
	VBROADCASTSS s+72(FP), Y5
	SHRQ $3, CX
	JEQ rsdone

rsloop:
	VMULPS (SI), Y5, Y0
	VMULPS (DX), Y0, Y0
	VMOVUPS Y0, (DI)
	ADDQ $32, SI
	ADDQ $32, DX
	ADDQ $32, DI
	DECQ CX
	JNE rsloop

rsdone:
	VZEROUPPER
	RET

// func rmsBack1Asm(g, x, w, dw []float32, s float32) float32
// With n = x·s: dw[i] += g[i]·n[i]; returns Σ g[i]·w[i]·n[i]
// over len(x)/8·8 entries.
TEXT ·rmsBack1Asm(SB), NOSPLIT, $0-108
	MOVQ g_base+0(FP), R8
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), CX
	MOVQ w_base+48(FP), DX
	MOVQ dw_base+72(FP), DI
	VBROADCASTSS s+96(FP), Y5
	VXORPS Y6, Y6, Y6
	SHRQ $3, CX
	JEQ rb1done

rb1loop:
	VMULPS (SI), Y5, Y0
	VMOVUPS (R8), Y1
	VMOVUPS (DI), Y2
	VFMADD231PS Y1, Y0, Y2
	VMOVUPS Y2, (DI)
	VMULPS (DX), Y1, Y1
	VFMADD231PS Y1, Y0, Y6
	ADDQ $32, SI
	ADDQ $32, R8
	ADDQ $32, DX
	ADDQ $32, DI
	DECQ CX
	JNE rb1loop

rb1done:
	VEXTRACTF128 $1, Y6, X1
	VADDPS X1, X6, X6
	VHADDPS X6, X6, X6
	VHADDPS X6, X6, X6
	VZEROUPPER
	MOVSS X6, ret+104(FP)
	RET

// func rmsBack2Asm(dx, g, x, w []float32, s, c float32)
// dx[i] = s·g[i]·w[i] + c·x[i] over len(x)/8·8 entries.
TEXT ·rmsBack2Asm(SB), NOSPLIT, $0-104
	MOVQ dx_base+0(FP), DI
	MOVQ g_base+24(FP), R8
	MOVQ x_base+48(FP), SI
	MOVQ x_len+56(FP), CX
	MOVQ w_base+72(FP), DX
	VBROADCASTSS s+96(FP), Y5
	VBROADCASTSS c+100(FP), Y6
	SHRQ $3, CX
	JEQ rb2done

rb2loop:
	VMOVUPS (R8), Y0
	VMULPS (DX), Y0, Y0
	VMULPS Y5, Y0, Y0
	VFMADD231PS (SI), Y6, Y0
	VMOVUPS Y0, (DI)
	ADDQ $32, SI
	ADDQ $32, R8
	ADDQ $32, DX
	ADDQ $32, DI
	DECQ CX
	JNE rb2loop

rb2done:
	VZEROUPPER
	RET
