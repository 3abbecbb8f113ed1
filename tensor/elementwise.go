// Fused elementwise kernels of a Llama block with their backward passes:
// SwiGLU's silu·mul, RMSNorm, softmax, rotary embeddings and the AdamW
// update. Layouts are documented in doc.go and on each function. Row-wise
// kernels split rows over Threads goroutines.
package tensor

import (
	"fmt"
	"math"
)

func sigmoid(x float32) float32 { return 1 / (1 + expf(-x)) }

// SiLUMul writes out[i] = silu(gate[i])·up[i], with silu(x) = x·σ(x).
// out may alias gate or up.
func SiLUMul(out, gate, up []float32) {
	n := len(out)
	gate, up = gate[:n], up[:n]
	Parallel(n, 16384, func(lo, hi int) {
		if simdOn() {
			v := (hi - lo) &^ 7
			siluMulAsm(out[lo:lo+v], gate[lo:lo+v], up[lo:lo+v])
			lo += v
		}
		for i := lo; i < hi; i++ {
			g := gate[i]
			out[i] = g * sigmoid(g) * up[i]
		}
	})
}

// SiLUMulBackward writes the gradients of SiLUMul: dUp = dOut·silu(gate)
// and dGate = dOut·up·σ(gate)·(1 + gate·(1−σ(gate))). dGate and dUp may
// alias dOut.
func SiLUMulBackward(dGate, dUp, dOut, gate, up []float32) {
	n := len(dOut)
	dGate, dUp, gate, up = dGate[:n], dUp[:n], gate[:n], up[:n]
	Parallel(n, 16384, func(lo, hi int) {
		if simdOn() {
			v := (hi - lo) &^ 7
			siluMulBackAsm(dGate[lo:lo+v], dUp[lo:lo+v], dOut[lo:lo+v], gate[lo:lo+v], up[lo:lo+v])
			lo += v
		}
		for i := lo; i < hi; i++ {
			g, u, d := gate[i], up[i], dOut[i]
			s := sigmoid(g)
			dUp[i] = d * g * s
			dGate[i] = d * u * s * (1 + g*(1-s))
		}
	})
}

// RMSNorm normalises each row of x [rows×dim]: rstd[r] = 1/sqrt(mean(x²)+eps)
// and out = x·rstd[r]·w. rstd may be nil; out may alias x.
func RMSNorm(out, rstd, x, w []float32, rows, dim int, eps float32) {
	checkLen("RMSNorm", "x", x, rows*dim)
	checkLen("RMSNorm", "out", out, rows*dim)
	checkLen("RMSNorm", "w", w, dim)
	if rstd != nil {
		checkLen("RMSNorm", "rstd", rstd, rows)
	}
	Parallel(rows, max(1, 4096/max(dim, 1)), func(lo, hi int) {
		for r := lo; r < hi; r++ {
			xr := x[r*dim : r*dim+dim]
			or := out[r*dim : r*dim+dim]
			ms := float64(Dot(xr, xr)) / float64(dim)
			s := float32(1 / math.Sqrt(ms+float64(eps)))
			if rstd != nil {
				rstd[r] = s
			}
			i := 0
			if simdOn() {
				i = dim &^ 7
				rmsScaleAsm(or[:i], xr[:i], w[:i], s)
			}
			for ; i < dim; i++ {
				or[i] = xr[i] * s * w[i]
			}
		}
	})
}

// RMSNormBackward writes dx [rows×dim] and adds into dw [dim], given the
// upstream gradient dOut, the forward input x, the weight w and the rstd
// saved by RMSNorm. With n = x·rstd: dw += Σ_rows dOut·n and
// dx = rstd·(g − n·mean(g·n)) where g = dOut·w. dx may alias dOut.
func RMSNormBackward(dx, dw, dOut, x, w, rstd []float32, rows, dim int) {
	checkLen("RMSNormBackward", "x", x, rows*dim)
	checkLen("RMSNormBackward", "dOut", dOut, rows*dim)
	checkLen("RMSNormBackward", "dx", dx, rows*dim)
	checkLen("RMSNormBackward", "w", w, dim)
	checkLen("RMSNormBackward", "dw", dw, dim)
	checkLen("RMSNormBackward", "rstd", rstd, rows)
	// dw is a reduction over rows: accumulate per worker, then add.
	t := Threads()
	partial := make([][]float32, t)
	var next = make(chan int, t)
	for i := range t {
		next <- i
	}
	Parallel(rows, max(1, 4096/max(dim, 1)), func(lo, hi int) {
		id := <-next
		defer func() { next <- id }()
		if partial[id] == nil {
			partial[id] = make([]float32, dim)
		}
		pdw := partial[id]
		for r := lo; r < hi; r++ {
			xr := x[r*dim : r*dim+dim]
			gr := dOut[r*dim : r*dim+dim]
			dr := dx[r*dim : r*dim+dim]
			s := rstd[r]
			var dot float32
			vec := 0
			if simdOn() {
				vec = dim &^ 7
				dot = rmsBack1Asm(gr[:vec], xr[:vec], w[:vec], pdw[:vec], s)
			}
			for i := vec; i < dim; i++ {
				n := xr[i] * s
				pdw[i] += gr[i] * n
				dot += gr[i] * w[i] * n
			}
			mean := dot / float32(dim)
			if vec > 0 {
				rmsBack2Asm(dr[:vec], gr[:vec], xr[:vec], w[:vec], s, -s*s*mean)
			}
			for i := vec; i < dim; i++ {
				n := xr[i] * s
				dr[i] = s * (gr[i]*w[i] - n*mean)
			}
		}
	})
	for _, p := range partial {
		if p != nil {
			Axpy(1, p, dw)
		}
	}
}

// Softmax replaces row with its softmax, subtracting the maximum first so
// large logits do not overflow. Entries of -Inf (masked) become 0; a row
// that is entirely -Inf becomes all zeros rather than NaN.
func Softmax(row []float32) {
	if len(row) == 0 {
		return
	}
	mx := float32(math.Inf(-1))
	i := 0
	if simdOn() && len(row) >= 8 {
		i = len(row) &^ 7
		mx = maxAsm(row[:i])
	}
	for _, v := range row[i:] {
		if v > mx {
			mx = v
		}
	}
	if math.IsInf(float64(mx), -1) {
		clear(row)
		return
	}
	var sum float32
	i = 0
	if simdOn() {
		i = len(row) &^ 7
		sum = expSubSumAsm(row[:i], mx)
	}
	for ; i < len(row); i++ {
		e := expf(row[i] - mx)
		row[i] = e
		sum += e
	}
	Scale(1/sum, row)
}

// SoftmaxBackward writes dx = y·(dy − Σ y·dy) for one row, where y is the
// softmax output. dx may alias dy.
func SoftmaxBackward(dx, y, dy []float32) {
	n := len(y)
	dx, dy = dx[:n], dy[:n]
	d := Dot(y, dy)
	for i := range y {
		dx[i] = y[i] * (dy[i] - d)
	}
}

// RoPETables fills cos and sin tables [maxPos×len(invFreq)] with
// cos(p·invFreq[i]) and sin(p·invFreq[i]), computed in float64. invFreq has
// headDim/2 entries (θ^(−2i/headDim), possibly rescaled as llama3 does).
func RoPETables(invFreq []float64, maxPos int) (cos, sin []float32) {
	h := len(invFreq)
	cos = make([]float32, maxPos*h)
	sin = make([]float32, maxPos*h)
	for p := range maxPos {
		for i, f := range invFreq {
			s, c := math.Sincos(float64(p) * f)
			cos[p*h+i] = float32(c)
			sin[p*h+i] = float32(s)
		}
	}
	return cos, sin
}

// RoPE rotates x [len(pos)×heads×headDim] in place in HF's rotate-half
// convention, using tables from RoPETables and the position pos[t] of
// token t.
func RoPE(x, cos, sin []float32, pos []int, heads, headDim int) {
	rope(x, cos, sin, pos, heads, headDim, false)
}

// RoPEBackward maps the gradient with respect to RoPE's output to the one
// with respect to its input, in place (the rotation transposed).
func RoPEBackward(dx, cos, sin []float32, pos []int, heads, headDim int) {
	rope(dx, cos, sin, pos, heads, headDim, true)
}

func rope(x, cos, sin []float32, pos []int, heads, headDim int, inverse bool) {
	if headDim%2 != 0 {
		panic(fmt.Sprintf("tensor.RoPE: odd headDim %d", headDim))
	}
	h := headDim / 2
	checkLen("RoPE", "x", x, len(pos)*heads*headDim)
	Parallel(len(pos), 8, func(lo, hi int) {
		for t := lo; t < hi; t++ {
			p := pos[t]
			c := cos[p*h : p*h+h]
			sn := sin[p*h : p*h+h]
			for hd := range heads {
				row := x[(t*heads+hd)*headDim : (t*heads+hd+1)*headDim]
				x1, x2 := row[:h], row[h:h+h]
				if inverse {
					for i := range h {
						a, b := x1[i], x2[i]
						x1[i] = a*c[i] + b*sn[i]
						x2[i] = b*c[i] - a*sn[i]
					}
					continue
				}
				for i := range h {
					a, b := x1[i], x2[i]
					x1[i] = a*c[i] - b*sn[i]
					x2[i] = b*c[i] + a*sn[i]
				}
			}
		}
	})
}

// AdamW applies one AdamW step (PyTorch semantics) to param in place, with
// first and second moment buffers m and v and the 1-based step count:
//
//	param −= lr·weightDecay·param
//	m = β1·m + (1−β1)·g;  v = β2·v + (1−β2)·g²
//	param −= lr/(1−β1^step) · m / (sqrt(v)/sqrt(1−β2^step) + eps)
func AdamW(param, grad, m, v []float32, lr, beta1, beta2, eps, weightDecay float32, step int) {
	n := len(param)
	grad, m, v = grad[:n], m[:n], v[:n]
	if step < 1 {
		panic(fmt.Sprintf("tensor.AdamW: step %d, want ≥ 1", step))
	}
	bc1 := 1 - math.Pow(float64(beta1), float64(step))
	bc2 := 1 - math.Pow(float64(beta2), float64(step))
	stepSize := float32(float64(lr) / bc1)
	invSqrtBc2 := float32(1 / math.Sqrt(bc2))
	decay := 1 - lr*weightDecay
	consts := [8]float32{beta1, 1 - beta1, beta2, 1 - beta2, eps, invSqrtBc2, decay, stepSize}
	Parallel(n, 32768, func(lo, hi int) {
		if simdOn() {
			w := (hi - lo) &^ 7
			adamwAsm(param[lo:lo+w], grad[lo:lo+w], m[lo:lo+w], v[lo:lo+w], &consts)
			lo += w
		}
		for i := lo; i < hi; i++ {
			g := grad[i]
			mi := beta1*m[i] + (1-beta1)*g
			vi := beta2*v[i] + (1-beta2)*g*g
			m[i], v[i] = mi, vi
			denom := float32(math.Sqrt(float64(vi)))*invSqrtBc2 + eps
			param[i] = param[i]*decay - stepSize*mi/denom
		}
	})
}

func checkLen(op, name string, x []float32, need int) {
	if len(x) < need {
		panic(fmt.Sprintf("tensor.%s: %s has %d elements, needs %d", op, name, len(x), need))
	}
}
