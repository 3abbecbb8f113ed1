//go:build !amd64

// On architectures without hand-written kernels everything runs in Go.
package tensor

const haveVectorAsm = false

func selectKernel() *microKernel { return genericKernel }

func dotAsm(x, y []float32) float32         { panic("tensor: no vector assembly") }
func axpyAsm(alpha float32, x, y []float32) { panic("tensor: no vector assembly") }
func scaleAsm(alpha float32, x []float32)   { panic("tensor: no vector assembly") }

const haveAdamAsm = false

func adamwAsm(param, grad, m, v []float32, k [6]float32, decay, stepSize float32) {
	panic("tensor: no vector assembly")
}
