//go:build !amd64

// On architectures without hand-written vector kernels (everything but
// amd64) the vector and elementwise operations run in Go.
package tensor

const haveVectorAsm = false

func dotAsm(x, y []float32) float32         { panic("tensor: no vector assembly") }
func axpyAsm(alpha float32, x, y []float32) { panic("tensor: no vector assembly") }
func scaleAsm(alpha float32, x []float32)   { panic("tensor: no vector assembly") }

func expAsm(dst, x []float32)                             { panic("tensor: no vector assembly") }
func siluMulAsm(out, gate, up []float32)                  { panic("tensor: no vector assembly") }
func siluMulBackAsm(dGate, dUp, dOut, gate, up []float32) { panic("tensor: no vector assembly") }
func expSubSumAsm(x []float32, mx float32) float32        { panic("tensor: no vector assembly") }
func adamwAsm(param, grad, m, v []float32, k *[8]float32) { panic("tensor: no vector assembly") }

func dotBF16Asm(x []float32, w []uint16) float32 { panic("tensor: no vector assembly") }

func maxAsm(x []float32) float32 { panic("tensor: no vector assembly") }

func rmsScaleAsm(out, x, w []float32, s float32)           { panic("tensor: no vector assembly") }
func rmsBack1Asm(g, x, w, dw []float32, s float32) float32 { panic("tensor: no vector assembly") }
func rmsBack2Asm(dx, g, x, w []float32, s, c float32)      { panic("tensor: no vector assembly") }
