// RMSNorm as in Llama: y = x / sqrt(mean(x²) + eps) · w, per row of C.
package nn

import (
	"math"

	"github.com/tend-project/tend/tensor"
)

// RMSNormForward normalises each of the N rows of inp (N×C) into out and
// stores the reciprocal RMS of each row in rstd (N) for the backward pass.
func RMSNormForward[E Float](out, rstd, inp, w []E, N, C int, eps float64) {
	if o32, ok := any(out).([]float32); ok {
		tensor.RMSNorm(o32, any(rstd).([]float32), any(inp).([]float32), any(w).([]float32), N, C, float32(eps))
		return
	}
	parallel(N, func(lo, hi int) {
		for n := lo; n < hi; n++ {
			x := inp[n*C : (n+1)*C]
			y := out[n*C : (n+1)*C]
			var ss float64
			for _, v := range x {
				ss += float64(v) * float64(v)
			}
			r := E(1 / math.Sqrt(ss/float64(C)+eps))
			rstd[n] = r
			for i, v := range x {
				y[i] = v * r * w[i]
			}
		}
	})
}

// RMSNormBackward adds the input gradient into dinp (N×C) and the weight
// gradient into dw (C). dw may be nil for a frozen norm. dout may be
// overwritten (the float32 path uses it as scratch).
func RMSNormBackward[E Float](dinp, dw, dout, inp, w, rstd []E, N, C int) {
	if d32, ok := any(dout).([]float32); ok && dw != nil {
		// tensor's kernel writes the input gradient; write it over dout and
		// add it to dinp, so no scratch buffer is needed.
		di32 := any(dinp).([]float32)
		tensor.RMSNormBackward(d32, any(dw).([]float32), d32, any(inp).([]float32), any(w).([]float32), any(rstd).([]float32), N, C)
		parallel(N, func(lo, hi int) { tensor.Add(di32[lo*C:hi*C], d32[lo*C:hi*C]) })
		return
	}
	if dw != nil {
		// Weight gradient: a column sum, done serially to avoid races.
		for n := range N {
			x := inp[n*C : (n+1)*C]
			dy := dout[n*C : (n+1)*C]
			r := rstd[n]
			for i := range C {
				dw[i] += dy[i] * x[i] * r
			}
		}
	}
	parallel(N, func(lo, hi int) {
		for n := lo; n < hi; n++ {
			x := inp[n*C : (n+1)*C]
			dy := dout[n*C : (n+1)*C]
			dx := dinp[n*C : (n+1)*C]
			r := rstd[n]
			// dot = mean(dxhat · xhat) where xhat = x·r and dxhat = dy·w.
			var dot float64
			for i := range C {
				dot += float64(dy[i] * w[i] * x[i])
			}
			m := E(dot/float64(C)) * r * r
			for i := range C {
				dx[i] += r * (dy[i]*w[i] - x[i]*m)
			}
		}
	})
}
