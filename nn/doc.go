// Package nn holds the layers of a Llama-family transformer as
// forward/backward pairs over flat, row-major buffers, in the manner of
// llm.c: xxxForward(out, inp, …) and xxxBackward(dinp, dout, …) side by side.
//
// Dimensions are named once and used everywhere:
//
//	B  batch size            T  sequence length        N = B·T rows
//	C  model (hidden) width  H  query heads            KV key/value heads
//	D  head dimension        F  MLP (SwiGLU) width     V  vocabulary size
//
// Every function is generic over float32 and float64. The float32
// instantiation is the fast path and calls the SIMD kernels of package
// tensor; the float64 instantiation runs plain loops and exists so that each
// backward pass can be checked against finite differences in float64 (see
// gradcheck_test.go). Backward functions accumulate (+=) into parameter
// gradients and, where noted, into input gradients, so residual streams and
// shared weights need no extra buffers.
//
// Buffers are never allocated here except small per-call scratch; callers
// preallocate activations once and reuse them across steps.
package nn
