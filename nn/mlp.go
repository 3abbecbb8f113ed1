// The SwiGLU non-linearity of Llama's MLP, act = silu(gate) · up, over a
// fused buffer whose rows hold the gate projection followed by the up
// projection (one matrix multiply produces both).
package nn

import (
	"math"

	"github.com/tend-project/tend/tensor"
)

// SwiGLUForward writes act (N×F) from gu (N×2F).
func SwiGLUForward[E Float](act, gu []E, N, F int) {
	if a32, ok := any(act).([]float32); ok {
		g32 := any(gu).([]float32)
		parallel(N, func(lo, hi int) {
			for n := lo; n < hi; n++ {
				tensor.SiLUMul(a32[n*F:(n+1)*F], g32[n*2*F:n*2*F+F], g32[n*2*F+F:(n+1)*2*F])
			}
		})
		return
	}
	parallel(N, func(lo, hi int) {
		for n := lo; n < hi; n++ {
			g, u := gu[n*2*F:n*2*F+F], gu[n*2*F+F:(n+1)*2*F]
			a := act[n*F : (n+1)*F]
			for i := range F {
				a[i] = silu(g[i]) * u[i]
			}
		}
	})
}

// SwiGLUBackward writes dgu (N×2F, overwritten) from dact (N×F).
func SwiGLUBackward[E Float](dgu, dact, gu []E, N, F int) {
	if d32, ok := any(dgu).([]float32); ok {
		da32, g32 := any(dact).([]float32), any(gu).([]float32)
		parallel(N, func(lo, hi int) {
			for n := lo; n < hi; n++ {
				r := n * 2 * F
				tensor.SiLUMulBackward(d32[r:r+F], d32[r+F:r+2*F], da32[n*F:(n+1)*F], g32[r:r+F], g32[r+F:r+2*F])
			}
		})
		return
	}
	parallel(N, func(lo, hi int) {
		for n := lo; n < hi; n++ {
			g, u := gu[n*2*F:n*2*F+F], gu[n*2*F+F:(n+1)*2*F]
			dg, du := dgu[n*2*F:n*2*F+F], dgu[n*2*F+F:(n+1)*2*F]
			da := dact[n*F : (n+1)*F]
			for i := range F {
				s := sigmoid(g[i])
				sl := g[i] * s
				du[i] = da[i] * sl
				dg[i] = da[i] * u[i] * s * (1 + g[i]*(1-s))
			}
		}
	})
}

func sigmoid[E Float](x E) E { return E(1 / (1 + math.Exp(-float64(x)))) }

func silu[E Float](x E) E { return x * sigmoid(x) }
