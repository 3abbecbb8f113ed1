// BLAS level-1 style vector kernels. They dispatch to assembly on amd64
// (see vector_amd64.s) and fall back to plain Go loops elsewhere.
package tensor

import "math"

// Dot returns Σ x[i]·y[i] over the length of x; y must be at least as long.
func Dot(x, y []float32) float32 {
	y = y[:len(x)]
	if simdOn() {
		return dotAsm(x, y)
	}
	return dotGo(x, y)
}

func dotGo(x, y []float32) float32 {
	y = y[:len(x)]
	var s0, s1, s2, s3 float32
	i := 0
	for ; i+3 < len(x); i += 4 {
		s0 += x[i] * y[i]
		s1 += x[i+1] * y[i+1]
		s2 += x[i+2] * y[i+2]
		s3 += x[i+3] * y[i+3]
	}
	for ; i < len(x); i++ {
		s0 += x[i] * y[i]
	}
	return (s0 + s1) + (s2 + s3)
}

// Axpy computes y[i] += alpha·x[i] over the length of x.
func Axpy(alpha float32, x, y []float32) {
	y = y[:len(x)]
	if simdOn() {
		axpyAsm(alpha, x, y)
		return
	}
	for i, v := range x {
		y[i] += alpha * v
	}
}

// Scale computes x[i] *= alpha.
func Scale(alpha float32, x []float32) {
	if simdOn() {
		scaleAsm(alpha, x)
		return
	}
	for i := range x {
		x[i] *= alpha
	}
}

// Add computes dst[i] += x[i] over the length of x.
func Add(dst, x []float32) { Axpy(1, x, dst) }

// Exp writes dst[i] = e^x[i] (float32 accuracy, a few ulp).
func Exp(dst, x []float32) {
	dst = dst[:len(x)]
	i := 0
	if simdOn() {
		i = len(x) &^ 7
		expAsm(dst[:i], x[:i])
		// The vector kernel clamps its range; redo the rare lanes outside
		// it (and NaN) with the scalar code for exact Inf/subnormal results.
		for j, v := range x[:i] {
			if !(v >= -87.3 && v <= 88) {
				dst[j] = expf(v)
			}
		}
	}
	for ; i < len(x); i++ {
		dst[i] = expf(x[i])
	}
}

// expf is e^x in float32 with a relative error of a few ulp: the argument
// is reduced to x = n·ln2 + r with |r| ≤ ln2/2, e^r comes from a degree-6
// polynomial, and 2^n is put into the exponent bits directly.
func expf(x float32) float32 {
	switch {
	case x > 88.72283:
		return float32(math.Inf(1))
	case x < -103.97208:
		return 0
	case x != x:
		return x
	}
	const log2e = 1.44269504088896341
	n := float32(math.Floor(float64(x*log2e + 0.5)))
	// Cody–Waite: ln2 split in a high part exact in float32 and the rest.
	r := x - n*0.693145751953125
	r -= n * 1.428606765330187045e-06
	p := float32(1.0/720)*r + 1.0/120
	p = p*r + 1.0/24
	p = p*r + 1.0/6
	p = p*r + 0.5
	p = p*r + 1
	p = p*r + 1
	ni := int32(n)
	if ni > 127 {
		return p * 2 * math.Float32frombits(uint32(ni+126)<<23)
	}
	if ni < -126 {
		// Subnormal result: scale in two steps.
		return p * math.Float32frombits(uint32(ni+126+127)<<23) * math.Float32frombits(1<<23)
	}
	return p * math.Float32frombits(uint32(ni+127)<<23)
}
