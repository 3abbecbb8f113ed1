// The float32 instantiations take tensor's SIMD kernels; these tests check
// them against the float64 loops that the gradient checks validated.
package nn

import (
	"math"
	"math/rand/v2"
	"testing"
)

func to32(x []float64) []float32 {
	out := make([]float32, len(x))
	for i, v := range x {
		out[i] = float32(v)
	}
	return out
}

func closeTo(t *testing.T, what string, got []float32, want []float64, tol float64) {
	t.Helper()
	worst := 0.0
	for i := range want {
		worst = max(worst, math.Abs(float64(got[i])-want[i])/math.Max(1, math.Abs(want[i])))
	}
	if worst > tol {
		t.Errorf("%s: float32 path differs from float64 by %.3g (tolerance %.g)", what, worst, tol)
	}
}

func TestFloat32MatchesFloat64(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 5))
	const B, T, H, KV, D, F, V = 2, 33, 4, 2, 16, 40, 300
	N := B * T
	s := AttnShape{B, T, H, KV, D}

	qkv := randSlice(r, N*s.QKVWidth(), 1)
	seg := make([]int32, N)
	for i := range seg {
		seg[i] = int32(i / 10)
	}
	for _, sg := range [][]int32{nil, seg} {
		out64, l64, sc64 := make([]float64, N*H*D), make([]float64, s.StatsLen()), make([]float64, s.ScratchLen())
		AttentionForward(out64, l64, sc64, qkv, sg, s)
		out32, l32, sc32 := make([]float32, N*H*D), make([]float32, s.StatsLen()), make([]float32, s.ScratchLen())
		q32 := to32(qkv)
		AttentionForward(out32, l32, sc32, q32, sg, s)
		closeTo(t, "attention forward", out32, out64, 1e-5)
		closeTo(t, "attention log-sum-exp", l32, l64, 1e-5)
		dout := randSlice(r, N*H*D, 1)
		d64 := make([]float64, len(qkv))
		AttentionBackward(d64, sc64, dout, l64, qkv, sg, s)
		d32 := make([]float32, len(qkv))
		AttentionBackward(d32, sc32, to32(dout), l32, q32, sg, s)
		closeTo(t, "attention backward", d32, d64, 1e-4)
	}

	const C = 48
	x, w := randSlice(r, N*C, 2), randSlice(r, C, 1)
	y64, r64 := make([]float64, N*C), make([]float64, N)
	RMSNormForward(y64, r64, x, w, N, C, 1e-5)
	y32, r32 := make([]float32, N*C), make([]float32, N)
	RMSNormForward(y32, r32, to32(x), to32(w), N, C, 1e-5)
	closeTo(t, "rmsnorm forward", y32, y64, 1e-5)
	closeTo(t, "rmsnorm rstd", r32, r64, 1e-5)
	dy := randSlice(r, N*C, 1)
	base := randSlice(r, N*C, 1) // dinp accumulates onto this
	dx64, dw64 := append([]float64(nil), base...), make([]float64, C)
	RMSNormBackward(dx64, dw64, append([]float64(nil), dy...), x, w, r64, N, C)
	dx32, dw32 := to32(base), make([]float32, C)
	RMSNormBackward(dx32, dw32, to32(dy), to32(x), to32(w), r32, N, C)
	closeTo(t, "rmsnorm backward dx", dx32, dx64, 1e-5)
	closeTo(t, "rmsnorm backward dw", dw32, dw64, 1e-4)
	dxf := to32(base) // frozen weight: the generic path
	RMSNormBackward(dxf, nil, to32(dy), to32(x), to32(w), r32, N, C)
	closeTo(t, "rmsnorm backward dx (frozen)", dxf, dx64, 1e-5)

	gu := randSlice(r, N*2*F, 4)
	a64, a32 := make([]float64, N*F), make([]float32, N*F)
	SwiGLUForward(a64, gu, N, F)
	SwiGLUForward(a32, to32(gu), N, F)
	closeTo(t, "swiglu forward", a32, a64, 1e-5)
	da := randSlice(r, N*F, 1)
	g64, g32 := make([]float64, N*2*F), make([]float32, N*2*F)
	SwiGLUBackward(g64, da, gu, N, F)
	SwiGLUBackward(g32, to32(da), to32(gu), N, F)
	closeTo(t, "swiglu backward", g32, g64, 1e-5)

	logits := randSlice(r, N*V, 8)
	tg := make([]int32, N)
	for i := range tg {
		tg[i] = int32(r.IntN(V))
	}
	tg[3] = IgnoreIndex
	l64, l32 := make([]float64, N), make([]float32, N)
	pr64, pr32 := append([]float64(nil), logits...), to32(logits)
	s64, w64 := CrossEntropyForward(l64, pr64, tg, nil, N, V)
	s32, w32 := CrossEntropyForward(l32, pr32, tg, nil, N, V)
	if w64 != w32 || math.Abs(s64-s32)/s64 > 1e-5 {
		t.Errorf("cross-entropy: float32 %v/%v, float64 %v/%v", s32, w32, s64, w64)
	}
	closeTo(t, "cross-entropy probabilities", pr32, pr64, 1e-5)
}

// TestAttentionIsolation checks that a token's output does not depend on
// other segments: perturbing one document leaves the other unchanged.
func TestAttentionIsolation(t *testing.T) {
	r := rand.New(rand.NewPCG(6, 6))
	s := AttnShape{1, 8, 2, 1, 4}
	seg := []int32{0, 0, 0, 1, 1, 1, 1, 1}
	qkv := to32(randSlice(r, 8*s.QKVWidth(), 1))
	out := make([]float32, 8*2*4)
	lse, scratch := make([]float32, s.StatsLen()), make([]float32, s.ScratchLen())
	AttentionForward(out, lse, scratch, qkv, seg, s)
	before := append([]float32(nil), out[3*8:]...)
	for i := range 3 * s.QKVWidth() { // change document 0 entirely
		qkv[i] += 1
	}
	AttentionForward(out, lse, scratch, qkv, seg, s)
	for i, v := range out[3*8:] {
		if v != before[i] {
			t.Fatalf("document 1 output changed at %d: %v → %v", i, before[i], v)
		}
	}
}
