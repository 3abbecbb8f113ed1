// MinHash signatures over word shingles, LSH banding, and the union-find
// that turns verified near-duplicate pairs into clusters. Each shingle is
// hashed once (64-bit FNV-1a over its words); the k permutations are
// universal hashes h_i(x) = a_i·x + b_i over 64-bit integers, keeping the
// high 32 bits, which is the usual cheap stand-in for random permutations
// (Broder, 1997; Leskovec, Rajaraman and Ullman, Mining of Massive
// Datasets, ch. 3).
package data

import (
	"math"
	"math/rand/v2"
	"slices"
)

// MinHasher computes signatures. Safe for concurrent use.
type MinHasher struct {
	k    int // shingle size in words
	a, b []uint64
}

// NewMinHasher returns a hasher with perms permutations over k-word
// shingles; the permutations depend only on seed.
func NewMinHasher(perms, k int, seed uint64) *MinHasher {
	r := rand.New(rand.NewPCG(seed, 0x6d696e68617368))
	m := &MinHasher{k: k, a: make([]uint64, perms), b: make([]uint64, perms)}
	for i := range m.a {
		m.a[i] = r.Uint64() | 1
		m.b[i] = r.Uint64()
	}
	return m
}

// Perms returns the signature length.
func (m *MinHasher) Perms() int { return len(m.a) }

// Shingles appends the sorted, distinct hashes of the k-word shingles of
// the normalised words. Texts shorter than k words give one shingle of all
// their words.
func (m *MinHasher) Shingles(words []uint64, out []uint64) []uint64 {
	out = out[:0]
	if len(words) == 0 {
		return out
	}
	k := min(m.k, len(words))
	for i := 0; i+k <= len(words); i++ {
		h := uint64(fnvOffset)
		for _, w := range words[i : i+k] {
			h = (h ^ w) * fnvPrime
			h ^= h >> 29
		}
		out = append(out, h)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Signature fills sig (len Perms) with the minimum of each permutation over
// the shingle hashes. An empty set gives all-ones.
func (m *MinHasher) Signature(shingles []uint64, sig []uint32) {
	for i := range sig {
		sig[i] = math.MaxUint32
	}
	for _, x := range shingles {
		for i := range sig {
			if v := uint32((m.a[i]*x + m.b[i]) >> 32); v < sig[i] {
				sig[i] = v
			}
		}
	}
}

// Jaccard is |A∩B| / |A∪B| for sorted, distinct sets.
func Jaccard(a, b []uint64) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 1
	}
	i, j, inter := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			inter++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

// Bands chooses b bands of r rows (b·r ≤ perms) for a Jaccard threshold:
// among the choices that make a pair at the threshold a candidate with
// probability at least 0.995 (the S-curve 1-(1-s^r)^b), the one with the
// least false-positive area below the threshold. Recall comes first
// because a missed pair can leak between splits, while an extra candidate
// only costs a check.
func Bands(threshold float64, perms int) (b, r int) {
	best := math.Inf(1)
	b, r = perms, 1
	for rr := 1; rr <= perms; rr++ {
		bb := perms / rr
		if bb < 1 {
			break
		}
		curve := func(s float64) float64 { return 1 - math.Pow(1-math.Pow(s, float64(rr)), float64(bb)) }
		if curve(threshold) < 0.995 {
			continue
		}
		if fp := integrate(curve, 0, threshold); fp < best {
			best, b, r = fp, bb, rr
		}
	}
	return b, r
}

func integrate(f func(float64) float64, lo, hi float64) float64 {
	const n = 200
	step := (hi - lo) / n
	sum := 0.0
	for i := 0; i < n; i++ {
		sum += f(lo + (float64(i)+0.5)*step)
	}
	return sum * step
}

// bandHashes folds each band of r rows of sig into one 32-bit value.
func bandHashes(sig []uint32, b, r int, out []uint32) []uint32 {
	for i := 0; i < b; i++ {
		h := uint64(fnvOffset) ^ uint64(i)
		for _, v := range sig[i*r : (i+1)*r] {
			h = (h ^ uint64(v)) * fnvPrime
		}
		out = append(out, uint32(h^h>>32))
	}
	return out
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// sparseUF groups record indexes into clusters. Only records that were
// joined to another are stored, so its size follows the number of
// duplicates, not the number of records; any other record is its own
// cluster.
type sparseUF struct {
	parent map[int32]int32
}

func newSparseUF() sparseUF { return sparseUF{parent: map[int32]int32{}} }

// find returns the root of x, halving paths as it goes.
func (u sparseUF) find(x int32) int32 {
	for {
		p, ok := u.parent[x]
		if !ok || p == x {
			return x
		}
		gp := u.parent[p]
		u.parent[x] = gp
		x = gp
	}
}

// union joins the clusters of x and y; the smaller index becomes the root,
// so a cluster's root is its first record.
func (u sparseUF) union(x, y int32) {
	rx, ry := u.find(x), u.find(y)
	if rx == ry {
		return
	}
	for _, v := range [...]int32{x, y, rx, ry} {
		if _, ok := u.parent[v]; !ok {
			u.parent[v] = v
		}
	}
	if rx < ry {
		u.parent[ry] = rx
	} else {
		u.parent[rx] = ry
	}
}

// clustered reports whether x has been joined to another record.
func (u sparseUF) clustered(x int32) bool {
	_, ok := u.parent[x]
	return ok
}

// members returns the records in a cluster of two or more, ascending.
func (u sparseUF) members() []int32 {
	out := make([]int32, 0, len(u.parent))
	for k := range u.parent {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
