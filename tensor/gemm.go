// General matrix multiply: C = alpha·op(A)·op(B) + beta·C on row-major
// float32. The driver follows the Goto/BLIS scheme: op(B) is packed in
// KC×NC blocks into NR-wide column slivers, op(A) in MC×KC blocks into
// MR-tall row slivers, and a register-blocked micro-kernel multiplies one
// sliver pair at a time. Packing is where the transpose variants are
// absorbed, so one micro-kernel serves NN, NT, TN and TT.
package tensor

import (
	"fmt"
	"sync"
	"unsafe"
)

// microKernel describes one register-blocked kernel and the cache blocking
// tuned for it. fn computes the MR×NR tile
//
//	C[i*ldc+j] = alpha·Σ_p a[p*MR+i]·b[p*ldb+j] + beta·C[i*ldc+j]
//
// from a packed A sliver and a B sliver that is either packed (ldb = NR)
// or read in place from a row-major op(B), reading C only when beta ≠ 0.
type microKernel struct {
	name       string
	mr, nr     int
	mc, kc, nc int // upper bounds; the driver balances blocks under them
	// aResident runs the MR loop outside the NR loop, so one A sliver
	// stays in L1 while B slivers stream from L2 (suits a large KC).
	aResident bool
	// directB lets the driver skip packing an untransposed B: full-width
	// slivers are read in place with the row stride of B. It pays off for
	// the Go kernel; the AVX-512 kernel measured slower with it (its
	// L1-resident A sliver competes with strided B lines), so it packs.
	directB bool
	fn      func(k int, a, b *float32, ldb int, c *float32, ldc int, alpha, beta float32)
	// packA and packB replace the Go packing routines when set.
	packA func(dst []float32, trans bool, a []float32, lda, i0, p0, mc, kc, mr int)
	packB func(dst []float32, trans bool, b []float32, ldb, p0, j0, kc, nc, nr int)
}

// Gemm computes C = alpha·op(A)·op(B) + beta·C on row-major float32
// matrices. op(A) is m×k, op(B) is k×n and C is m×n; lda, ldb and ldc are
// the row strides of A, B and C as stored (A is k×m when transA, B is n×k
// when transB). When beta is 0, C is only written. It panics, like slice
// indexing would, when a buffer is too short for the shape it is given.
func Gemm(transA, transB bool, m, n, k int, alpha float32, a []float32, lda int,
	b []float32, ldb int, beta float32, c []float32, ldc int) {
	if m < 0 || n < 0 || k < 0 {
		panic(fmt.Sprintf("tensor.Gemm: negative shape m=%d n=%d k=%d", m, n, k))
	}
	if m == 0 || n == 0 {
		return
	}
	checkOperand("A", transA, m, k, a, lda)
	checkOperand("B", transB, k, n, b, ldb)
	checkOperand("C", false, m, n, c, ldc)
	if k == 0 || alpha == 0 {
		scaleC(m, n, beta, c, ldc)
		return
	}
	if m <= gemvMaxRows {
		gemvSmallM(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
		return
	}
	gemmBlocked(activeKernel(), transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
}

// checkOperand panics with a clear message when x cannot hold a rows×cols
// operand (stored transposed when trans) with stride ld.
func checkOperand(name string, trans bool, rows, cols int, x []float32, ld int) {
	if trans {
		rows, cols = cols, rows
	}
	if rows == 0 || cols == 0 {
		return
	}
	if ld < cols {
		panic(fmt.Sprintf("tensor.Gemm: ld%s=%d < %d columns", name, ld, cols))
	}
	if need := (rows-1)*ld + cols; len(x) < need {
		panic(fmt.Sprintf("tensor.Gemm: %s has %d elements, needs %d", name, len(x), need))
	}
}

// scaleC sets C = beta·C, writing zeros (not 0·C) when beta is 0.
func scaleC(m, n int, beta float32, c []float32, ldc int) {
	for i := range m {
		row := c[i*ldc : i*ldc+n]
		switch beta {
		case 0:
			clear(row)
		case 1:
		default:
			Scale(beta, row)
		}
	}
}

// balanced returns the block size ≤ limit (a multiple of unit) that splits
// total into the fewest, most even blocks.
func balanced(total, limit, unit int) int {
	blocks := (total + limit - 1) / limit
	size := (total + blocks - 1) / blocks
	return (size + unit - 1) / unit * unit
}

// Packing buffers are recycled per role, since A, B and widening buffers
// have different typical sizes; a pooled buffer that is too small is
// dropped for a larger one, so each pool settles at the largest size used.
var (
	poolA, poolB, poolWide sync.Pool
)

func getBuf(pool *sync.Pool, n int) *[]float32 {
	if p, ok := pool.Get().(*[]float32); ok && cap(*p) >= n {
		*p = (*p)[:n]
		return p
	}
	s := make([]float32, n, n+n/4)
	return &s
}

// gemmBlocked is the Goto/BLIS loop nest, parallel inside each block:
//
//	for each KC slice of k:        (C is updated once per slice)
//	  for each MC block of rows:   op(A) is packed once, into pa
//	    for each NC block of cols: pack op(B) → pb, in parallel
//	      compute MR-row strips of C, handed out dynamically
//
// Workers share both packed buffers, so nothing is packed twice; a strip
// task packs its own A sliver on the first column block, so only B is
// packed ahead of a barrier. The dynamic hand-out keeps both cores busy
// when one is slowed by other load. With many column blocks (an LM head)
// workers instead take whole blocks, packing B privately.
func gemmBlocked(kern *microKernel, transA, transB bool, m, n, k int, alpha float32, a []float32, lda int,
	b []float32, ldb int, beta float32, c []float32, ldc int) {
	mr, nr := kern.mr, kern.nr
	kc := balanced(k, kern.kc, 1)
	mc := balanced(m, kern.mc, mr)
	nc := balanced(n, kern.nc, nr)
	bufA := getBuf(&poolA, mc*kc)
	bufB := getBuf(&poolB, nc*kc)
	defer poolA.Put(bufA)
	defer poolB.Put(bufB)
	pa, pb := *bufA, *bufB
	pA, pB := packA, packB
	if kern.packA != nil && !forceGeneric.Load() {
		pA, pB = kern.packA, kern.packB
	}
	direct := kern.directB && !transB
	// Small products run on the calling goroutine only.
	serial := 2*float64(m)*float64(n)*float64(k) < 4e6
	t := Threads()
	par := func(n, grain int, fn func(lo, hi int)) {
		if serial {
			fn(0, n)
			return
		}
		Parallel(n, grain, fn)
	}
	for pc := 0; pc < k; pc += kc {
		kcc := min(kc, k-pc)
		bet := beta
		if pc > 0 {
			bet = 1
		}
		for ic := 0; ic < m; ic += mc {
			mcc := min(mc, m-ic)
			aSlivers := (mcc + mr - 1) / mr
			packASlivers := func(lo, hi int) {
				pA(pa[lo*mr*kcc:], transA, a, lda, ic+lo*mr, pc, min(mcc-lo*mr, (hi-lo)*mr), kcc, mr)
			}
			if blocks := (n + nc - 1) / nc; !serial && blocks >= 4*t {
				// Narrow the blocks until there are ≥ 16 per worker, so the
				// last one leaves little idle time on the others.
				nc := nc
				if blocks < 16*t {
					nc = balanced(n, max(nr, n/(16*t)), nr)
					blocks = (n + nc - 1) / nc
				}
				par(aSlivers, 4, packASlivers)
				// Many column blocks (an LM head): each worker packs and
				// computes whole blocks on its own, with no barrier between.
				parallelChunks(blocks, 1, t, func(lo, hi int) {
					own := getBuf(&poolB, nc*kcc)
					defer poolB.Put(own)
					for blk := lo; blk < hi; blk++ {
						jc := blk * nc
						ncc := min(nc, n-jc)
						bb := newBBlock(*own, direct, b, ldb, pc, jc, kcc, ncc, nr)
						if bb.inPlace < ncc {
							pB((*own)[bb.inPlace*kcc:], transB, b, ldb, pc, jc+bb.inPlace, kcc, ncc-bb.inPlace, nr)
						}
						tiles(kern, pa, &bb, c, ldc, ic, jc, 0, mcc, 0, ncc, mcc, ncc, kcc, alpha, bet)
					}
				})
				continue
			}
			for jc := 0; jc < n; jc += nc {
				ncc := min(nc, n-jc)
				bSlivers := (ncc + nr - 1) / nr
				bb := newBBlock(pb, direct, b, ldb, pc, jc, kcc, ncc, nr)
				// Tasks are MR-row strips across the block, split further
				// by columns when there are too few strips to share.
				rowGroups := aSlivers
				colGroups := 1
				if rowGroups < 4*t {
					colGroups = min(bSlivers, (4*t+rowGroups-1)/rowGroups)
				}
				// With whole strips as tasks, each task packs its own A
				// sliver (on the first block), so only B is packed before
				// the barrier; otherwise A is packed along with B. A
				// transposed A is packed up front anyway: its slivers are
				// column strips of the source, and packing many at once
				// reads each source row as one run instead of 48 bytes.
				aInTask := jc == 0 && colGroups == 1 && !transA
				first := bb.inPlace / nr
				toPack := bSlivers - first
				packTasks := toPack
				if jc == 0 && !aInTask {
					packTasks += aSlivers
				}
				par(packTasks, 1, func(lo, hi int) {
					if lo < toPack {
						bh := min(hi, toPack)
						s0 := first + lo
						pB(pb[s0*nr*kcc:], transB, b, ldb, pc, jc+s0*nr, kcc, min(ncc-s0*nr, (bh-lo)*nr), nr)
						lo = bh
					}
					if lo < hi {
						packASlivers(lo-toPack, hi-toPack)
					}
				})
				workers := t
				if serial {
					workers = 1
				}
				// Tasks go out one at a time: they are coarse, and equal
				// shares matter more than an atomic add per task. With many
				// strips (≥ 32 per worker, so the last task still costs
				// little waiting) a task takes a few adjacent ones, and its A
				// packing reads longer runs of each source row.
				group := 1
				if colGroups == 1 {
					group = max(1, min(4, rowGroups/(32*t)))
				}
				parallelChunks((rowGroups+group-1)/group*colGroups, 1, workers, func(lo, hi int) {
					for task := lo; task < hi; task++ {
						rg, cg := task/colGroups*group, task%colGroups
						rg1 := min(rowGroups, rg+group)
						if aInTask {
							packASlivers(rg, rg1)
						}
						ir0 := rg * mr
						jr0 := bSlivers * cg / colGroups * nr
						jr1 := min(ncc, bSlivers*(cg+1)/colGroups*nr)
						tiles(kern, pa, &bb, c, ldc, ic, jc, ir0, min(mcc, rg1*mr), jr0, jr1, mcc, ncc, kcc, alpha, bet)
					}
				})
			}
		}
	}
}

// tiles computes the tiles of rows [ir0, ir1) and columns [jr0, jr1) of
// the current block, in the loop order the kernel prefers.
func tiles(kern *microKernel, pa []float32, bb *bBlock, c []float32, ldc, ic, jc, ir0, ir1, jr0, jr1, mcc, ncc, kcc int, alpha, bet float32) {
	// The edge buffer escapes through the assembly call, so it comes from a
	// pool rather than the stack: a fresh 4 KB per call was tens of MB of
	// garbage per training step.
	edgeBuf := edgePool.Get().(*[16 * 64]float32) // ≥ MR×NR of every kernel
	defer edgePool.Put(edgeBuf)
	edge := edgeBuf
	mr, nr := kern.mr, kern.nr
	if kern.aResident {
		for ir := ir0; ir < ir1; ir += mr {
			for jr := jr0; jr < jr1; jr += nr {
				tile(kern, pa, bb, c, ldc, ic, jc, ir, jr, mcc, ncc, kcc, alpha, bet, edge[:])
			}
		}
		return
	}
	for jr := jr0; jr < jr1; jr += nr {
		for ir := ir0; ir < ir1; ir += mr {
			tile(kern, pa, bb, c, ldc, ic, jc, ir, jr, mcc, ncc, kcc, alpha, bet, edge[:])
		}
	}
}

var edgePool = sync.Pool{New: func() any { return new([16 * 64]float32) }}

// bBlock locates the B slivers of one block: the first full columns are
// read in place from B when the kernel allows it, the rest are packed.
type bBlock struct {
	packed  []float32 // sliver jr at packed[jr*kc:], NR floats per k step
	direct  []float32 // op(B) rows from the block's first element, or nil
	ld      int       // row stride of direct
	inPlace int       // columns [0, inPlace) are read in place
	kc      int
}

func (bb *bBlock) sliver(jr, nr int) (*float32, int) {
	if jr < bb.inPlace {
		return &bb.direct[jr], bb.ld
	}
	return &bb.packed[jr*bb.kc], nr
}

// tile runs the micro-kernel on one MR×NR tile of C, going through the
// edge buffer when the tile sticks out of C.
func tile(kern *microKernel, pa []float32, bb *bBlock, c []float32, ldc, ic, jc, ir, jr, mcc, ncc, kcc int, alpha, bet float32, edge []float32) {
	mr, nr := kern.mr, kern.nr
	nw := min(nr, ncc-jr)
	mh := min(mr, mcc-ir)
	ap := &pa[ir*kcc]
	bp, ldb := bb.sliver(jr, nr)
	ci := (ic+ir)*ldc + jc + jr
	if mh == mr && nw == nr {
		kern.fn(kcc, ap, bp, ldb, &c[ci], ldc, alpha, bet)
		return
	}
	kern.fn(kcc, ap, bp, ldb, &edge[0], nr, 1, 0)
	for i := range mh {
		crow := c[ci+i*ldc : ci+i*ldc+nw]
		erow := edge[i*nr : i*nr+nw]
		if bet == 0 {
			for j, v := range erow {
				crow[j] = alpha * v
			}
		} else {
			for j, v := range erow {
				crow[j] = alpha*v + bet*crow[j]
			}
		}
	}
}

// newBBlock describes the B block at (pc, jc) of kc×nc; with direct, its
// full NR-wide slivers are read in place from an untransposed B.
func newBBlock(packed []float32, direct bool, b []float32, ldb, pc, jc, kc, nc, nr int) bBlock {
	bb := bBlock{packed: packed, kc: kc}
	if direct {
		bb.inPlace = nc / nr * nr
		if bb.inPlace > 0 {
			bb.direct = b[pc*ldb+jc:]
			bb.ld = ldb
		}
	}
	return bb
}

// packA copies op(A)[i0:i0+mc, p0:p0+kc] into MR-tall slivers: sliver s
// holds, for each p, the MR values op(A)[i0+s*MR+r, p0+p] contiguously.
// Rows past mc are zero so the kernel can run full tiles on the edge.
func packA(dst []float32, trans bool, a []float32, lda, i0, p0, mc, kc, mr int) {
	for s := 0; s < mc; s += mr {
		h := min(mr, mc-s)
		d := dst[s*kc : s*kc+mr*kc]
		if trans {
			// op(A)[i, p] = a[p*lda+i]: each p is a contiguous run of MR.
			for p := range kc {
				src := a[(p0+p)*lda+i0+s:]
				dd := d[p*mr : p*mr+mr]
				copy(dd[:h], src[:h])
				clear(dd[h:])
			}
			continue
		}
		for r := range h {
			src := a[(i0+s+r)*lda+p0 : (i0+s+r)*lda+p0+kc]
			for p, v := range src {
				d[p*mr+r] = v
			}
		}
		for r := h; r < mr; r++ {
			for p := range kc {
				d[p*mr+r] = 0
			}
		}
	}
}

// packB copies op(B)[p0:p0+kc, j0:j0+nc] into NR-wide slivers: sliver s
// holds, for each p, the NR values op(B)[p0+p, j0+s*NR+j] contiguously.
// Columns past nc are zero.
func packB(dst []float32, trans bool, b []float32, ldb, p0, j0, kc, nc, nr int) {
	for s := 0; s < nc; s += nr {
		w := min(nr, nc-s)
		d := dst[s*kc : s*kc+nr*kc]
		if !trans {
			for p := range kc {
				src := b[(p0+p)*ldb+j0+s:]
				dd := d[p*nr : p*nr+nr]
				copy(dd[:w], src[:w])
				clear(dd[w:])
			}
			continue
		}
		// op(B)[p, j] = b[j*ldb+p]: gather one output column per source row.
		for j := range w {
			src := b[(j0+s+j)*ldb+p0 : (j0+s+j)*ldb+p0+kc]
			for p, v := range src {
				d[p*nr+j] = v
			}
		}
		for j := w; j < nr; j++ {
			for p := range kc {
				d[p*nr+j] = 0
			}
		}
	}
}

// goKernel is the portable 4×4 micro-kernel.
func goKernel(k int, a, b *float32, ldb int, c *float32, ldc int, alpha, beta float32) {
	var c00, c01, c02, c03, c10, c11, c12, c13 float32
	var c20, c21, c22, c23, c30, c31, c32, c33 float32
	// Pointer stepping instead of slices: the bounds checks would cost more
	// than the arithmetic. The driver guarantees k steps of 4 floats of A
	// and k rows of 4 floats of B, ldb apart.
	pa, pb := unsafe.Pointer(a), unsafe.Pointer(b)
	bstep := uintptr(ldb) * 4
	for p := range uintptr(k) {
		av := (*[4]float32)(unsafe.Add(pa, p*16))
		bv := (*[4]float32)(unsafe.Add(pb, p*bstep))
		a0, a1, a2, a3 := av[0], av[1], av[2], av[3]
		b0, b1, b2, b3 := bv[0], bv[1], bv[2], bv[3]
		c00 += a0 * b0
		c01 += a0 * b1
		c02 += a0 * b2
		c03 += a0 * b3
		c10 += a1 * b0
		c11 += a1 * b1
		c12 += a1 * b2
		c13 += a1 * b3
		c20 += a2 * b0
		c21 += a2 * b1
		c22 += a2 * b2
		c23 += a2 * b3
		c30 += a3 * b0
		c31 += a3 * b1
		c32 += a3 * b2
		c33 += a3 * b3
	}
	acc := [16]float32{c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33}
	cs := unsafe.Slice(c, 3*ldc+4)
	for i := range 4 {
		row := cs[i*ldc : i*ldc+4]
		for j := range row {
			if beta == 0 {
				row[j] = alpha * acc[i*4+j]
			} else {
				row[j] = alpha*acc[i*4+j] + beta*row[j]
			}
		}
	}
}

var genericKernel = &microKernel{name: "go 4x4", mr: 4, nr: 4, mc: 256, kc: 256, nc: 1024, directB: true, fn: goKernel}
