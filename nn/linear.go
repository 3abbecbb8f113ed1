// Linear layers in Hugging Face's weight layout: W is out×in, y = x·Wᵀ + b.
package nn

// LinearForward computes out = inp·Wᵀ (+ bias) for N rows. inp is N×IC with
// row stride ldi, W is OC×IC, out is N×OC with row stride ldo, bias is OC
// or nil.
func LinearForward[E Float](out []E, ldo int, inp []E, ldi int, w, bias []E, N, IC, OC int) {
	Gemm(false, true, N, OC, IC, 1, inp, ldi, w, IC, 0, out, ldo)
	if bias != nil {
		for n := range N {
			row := out[n*ldo : n*ldo+OC]
			for i, b := range bias {
				row[i] += b
			}
		}
	}
}

// LinearBackward computes, for each non-nil destination: dinp = dout·W
// (added to dinp when accumulate is set, else overwritten), dw += doutᵀ·inp
// and dbias += column sums of dout. Passing nil dw and dbias freezes the
// layer (LoRA training) while still propagating dinp.
func LinearBackward[E Float](dinp []E, ldi int, dw, dbias, dout []E, ldo int, inp, w []E, N, IC, OC int, accumulate bool) {
	if dinp != nil {
		beta := E(0)
		if accumulate {
			beta = 1
		}
		Gemm(false, false, N, IC, OC, 1, dout, ldo, w, IC, beta, dinp, ldi)
	}
	if dw != nil {
		Gemm(true, false, OC, IC, N, 1, dout, ldo, inp, ldi, 1, dw, IC)
	}
	if dbias != nil {
		for n := range N {
			for i, g := range dout[n*ldo : n*ldo+OC] {
				dbias[i] += g
			}
		}
	}
}
