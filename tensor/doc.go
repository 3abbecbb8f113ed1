// Package tensor holds the numeric core of tend: float32 buffers with shapes
// and strides, a cache-blocked parallel matrix multiply with AVX-512 and AVX2
// micro-kernels (hand-written Go assembly, chosen at run time, with a
// portable pure-Go fallback), and fused elementwise kernels with their
// backward passes.
//
// # Layout conventions
//
// Every matrix is row-major float32. A matrix X with r rows and c columns and
// row stride ldx ≥ c keeps element (i, j) at X[i*ldx+j]. Kernels never
// retain the slices they are given; Gemm's packing buffers come from pools
// and are reused across calls.
//
// # Matrix multiply
//
//	Gemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
//
// computes C = alpha·op(A)·op(B) + beta·C, where op(A) is m×k and op(B) is
// k×n. With transA false, A is stored m×k (lda ≥ k); with transA true, A is
// stored k×m (lda ≥ m) and used transposed. Likewise B is k×n (ldb ≥ n), or
// n×k (ldb ≥ k) when transB is true. When beta is 0, C is not read, so it may
// hold garbage or NaN. C must not overlap A or B.
//
// A linear layer with HF-style weights W [out×in] is therefore y = x·Wᵀ:
// Gemm(false, true, tokens, out, in, 1, x, in, W, in, 0, y, out); its input
// gradient is dx = dy·W: Gemm(false, false, tokens, in, out, 1, dy, out, W,
// in, 0, dx, in); and its weight gradient is dW += dyᵀ·x: Gemm(true, false,
// out, in, tokens, 1, dy, out, x, in, 1, dW, in).
//
// Gemm splits the work over [Threads] goroutines: both packed panels are
// shared, and MR-row strips of each block are handed out one at a time, so
// a core slowed by other load does not hold the other back. Products with
// many column blocks (an LM head) give each worker whole blocks instead.
// Shapes with m ≤ 4 take a bandwidth-bound matrix-vector path, which is
// what token-by-token decoding needs; products under about 4 MFLOP stay on
// the calling goroutine.
//
// On AVX-512 the micro-kernel keeps a 12×32 tile of C in 24 zmm registers
// and runs at the FMA ports' peak (two 16-wide FMAs per cycle) on
// cache-resident panels; KC is up to 576, so C is read and written once
// for the common k ≤ 576, and the 12×KC sliver of A stays in L1 while
// 32-wide slivers of B stream from an L2-sized NC block.
//
// # Elementwise kernels
//
// Forward kernels write their output; backward kernels overwrite the input
// gradient and, where a parameter gradient is a sum over rows (RMSNorm's
// dw), accumulate into it, so gradient buffers can be shared across
// micro-batches. All of them accept out aliasing an input only where noted.
//
//   - SiLUMul(out, gate, up): out = silu(gate)·up, silu(x) = x·σ(x) (SwiGLU).
//     SiLUMulBackward(dGate, dUp, dOut, gate, up) writes dGate and dUp.
//   - RMSNorm(out, rstd, x, w, rows, dim, eps): per row of x [rows×dim],
//     rstd = 1/sqrt(mean(x²)+eps), out = x·rstd·w. rstd [rows] is saved for
//     backward (it may be nil for inference). out may alias x.
//     RMSNormBackward(dx, dw, dOut, x, w, rstd, rows, dim) writes dx and adds
//     into dw [dim].
//   - Softmax(row): in place, numerically stable (subtracts the maximum).
//     SoftmaxBackward(dx, y, dy) writes dx = y·(dy − Σ y·dy).
//   - RoPE(x, cos, sin, pos, heads, headDim): rotary embedding in place, in
//     Hugging Face's rotate-half convention. x is [len(pos)×heads×headDim]
//     (token-major, exactly the output of the q or k projection); the tables
//     cos and sin are [maxPos×headDim/2] as built by RoPETables, and pos[t]
//     is the position of token t (so packed sequences and a KV cache offset
//     are just different pos). For i < h = headDim/2:
//     x'[i] = x[i]·cos − x[i+h]·sin and x'[i+h] = x[i+h]·cos + x[i]·sin.
//     RoPEBackward(dx, cos, sin, pos, heads, headDim) applies the transposed
//     rotation in place to a gradient.
//   - AdamW(param, grad, m, v, lr, beta1, beta2, eps, weightDecay, step):
//     one PyTorch-equivalent AdamW update (decoupled weight decay, bias
//     correction with the 1-based step).
//   - Dot(x, y), Axpy(alpha, x, y) (y += alpha·x), Scale(alpha, x),
//     Add(dst, x) (dst += x), Exp(dst, x).
//
// # bfloat16 weights
//
// ToBF16 and FromBF16 convert (round to nearest even), and GemmBF16(m, n,
// k, alpha, a, lda, w, ldw, beta, c, ldc) computes C = alpha·A·Wᵀ + beta·C
// with W [n×k] stored as bf16 bits ([]uint16) and everything else float32.
// It halves the bytes a decode step streams; accumulation stays float32.
//
// # Choosing the kernels
//
// The micro-kernels are selected once from the CPU's features: on amd64,
// AVX-512F, then AVX2 with FMA, then pure Go; on arm64 a NEON 8×8 kernel
// (its correctness is tested under qemu-aarch64, its speed has not been
// measured on arm64 hardware); elsewhere pure Go. The vector and
// elementwise kernels use AVX2 with FMA on amd64 and Go elsewhere.
// [KernelName] reports the choice and [UseGeneric] forces the portable
// path (tests use it to check both).
package tensor
