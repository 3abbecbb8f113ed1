// Deduplication: exact duplicates by a hash of the normalised text, and
// near duplicates by MinHash + LSH over word shingles, verified with the
// true Jaccard similarity of the shingle sets (read back from the spill
// file, so only compact per-record state stays in memory). Verified pairs
// are joined with union-find; the cluster ids keep near twins in one split.
package data

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/tend-project/tend/conv"
)

// DedupeConfig tunes deduplication.
type DedupeConfig struct {
	// Threshold is the Jaccard similarity of word-shingle sets at or above
	// which two records are near duplicates. Default 0.7.
	Threshold float64 `yaml:"threshold" json:"threshold"`
	// Perms is the MinHash signature length. Default 128.
	Perms int `yaml:"perms" json:"perms"`
	// Shingle is the shingle size in words. Default 3.
	Shingle int `yaml:"shingle" json:"shingle"`
	// DropNear drops near-duplicate conversations (keeping the first of
	// each cluster). Preference pairs are only clustered: several pairs
	// per prompt is normal. Exact duplicates are always dropped.
	DropNear bool `yaml:"drop_near" json:"drop_near"`
}

func (c *DedupeConfig) validate() error {
	if c.Threshold <= 0 || c.Threshold > 1 {
		return fmt.Errorf("dedupe.threshold: %g is outside (0, 1]", c.Threshold)
	}
	if c.Perms < 8 || c.Perms > 1024 {
		return fmt.Errorf("dedupe.perms: %d is outside 8..1024", c.Perms)
	}
	if c.Shingle < 1 || c.Shingle > 16 {
		return fmt.Errorf("dedupe.shingle: %d is outside 1..16", c.Shingle)
	}
	return nil
}

// normWords appends a 64-bit hash of each normalised word of s: lower
// case, letters and digits only, so punctuation, case and spacing do not
// hide a duplicate. An apostrophe inside a word is dropped.
func normWords(s string, out []uint64) []uint64 {
	h := uint64(fnvOffset)
	in := false
	for i := 0; i < len(s); {
		c := s[i]
		var r rune
		n := 1
		if c < utf8.RuneSelf {
			r = rune(c)
			if 'A' <= c && c <= 'Z' {
				r += 'a' - 'A'
			}
		} else {
			r, n = utf8.DecodeRuneInString(s[i:])
			r = unicode.ToLower(r)
		}
		i += n
		if in && (r == '\'' || r == '’') {
			continue // "it's" and "its" are one word
		}
		word := r < utf8.RuneSelf && ('a' <= r && r <= 'z' || '0' <= r && r <= '9') || r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))
		if word {
			h = (h ^ uint64(r)) * fnvPrime
			in = true
			continue
		}
		if in {
			out = append(out, h)
			h, in = fnvOffset, false
		}
	}
	if in {
		out = append(out, h)
	}
	return out
}

// dedupeWords returns the words a record is compared by: every non-system
// message of a conversation, the non-system prompt of a pair (so a prompt
// cannot leak between splits through two pairs).
func dedupeWords(msgs []conv.Message, out []uint64) []uint64 {
	for _, m := range msgs {
		if m.Role != conv.RoleSystem {
			out = normWords(m.Content, out)
		}
	}
	return out
}

// exactHash hashes a record's normalised text with role boundaries; pairs
// include both replies, so only identical pairs collide.
func exactHash(kind RecordKind, parts ...[]conv.Message) uint64 {
	h := uint64(fnvOffset) ^ uint64(kind)
	var buf []uint64
	for p, msgs := range parts {
		h = (h ^ uint64(p+1)) * fnvPrime
		for _, m := range msgs {
			h = (h ^ uint64(len(m.Role))) * fnvPrime
			h = (h ^ uint64(m.Role[0])) * fnvPrime
			buf = normWords(m.Content, buf[:0])
			for _, w := range buf {
				h = (h ^ w) * fnvPrime
				h ^= h >> 31
			}
			h = (h ^ 0x1e) * fnvPrime
		}
	}
	return h
}

// Drop reasons kept in per-record state.
const (
	keepRecord uint8 = iota
	dropExact
	dropNear
)

// NearPair is one verified near-duplicate pair (record indexes).
type NearPair struct {
	A, B    int32
	Jaccard float64
}

// dedupeInput is what the dedupe stage needs per record.
type dedupeInput struct {
	// ctx, if set, is checked between bands so an interrupt stops a long
	// dedupe promptly.
	ctx   context.Context
	n     int
	kind  func(i int32) RecordKind
	exact func(i int32) uint64
	nb    int
	// band returns band b's hash for every record (length n).
	band func(b int) ([]uint32, error)
	// dropExact drops exact copies; otherwise they are only clustered.
	dropExact bool
	// load returns the shingle set of record i (from the spill file).
	load func(i int32) ([]uint64, error)
	// sig, if set, fills the MinHash signature of record i; candidates
	// whose estimated similarity is far below the threshold are then
	// rejected without loading their text.
	sig func(i int32, out []uint32) error
	// perms is the signature length for sig.
	perms int
}

// estimateMargin is how far below the threshold a MinHash estimate may be
// and still get a true-Jaccard check. With 128 permutations the estimate's
// standard deviation is at most 0.045, so a pair at the threshold is
// skipped with probability below 1e-5.
const estimateMargin = 0.2

// bucketWindow is how many earlier members of an LSH bucket each member
// is compared with (besides the bucket's first member).
const bucketWindow = 8

// dedupeResult is the outcome: drops, twins and clusters.
type dedupeResult struct {
	drop       []uint8
	twin       []int32 // for a dropped record, the kept record it repeats
	uf         unionFind
	pairs      []NearPair
	candidates int
	exact      int
	near       int
}

func runDedupe(cfg DedupeConfig, in dedupeInput) (*dedupeResult, error) {
	n := in.n
	res := &dedupeResult{drop: make([]uint8, n), twin: make([]int32, n), uf: newUnionFind(n)}
	// Exact: sort (hash, index) and drop every later copy.
	keys := make([]uint64, n)
	order := make([]int32, n)
	for i := range order {
		order[i] = int32(i)
		keys[i] = in.exact(int32(i))
	}
	slices.SortFunc(order, func(a, b int32) int {
		if keys[a] != keys[b] {
			if keys[a] < keys[b] {
				return -1
			}
			return 1
		}
		return int(a - b)
	})
	for k := 1; k < n; k++ {
		a, b := order[k-1], order[k]
		if keys[a] == keys[b] {
			first := a
			if res.drop[a] == dropExact {
				first = res.twin[a]
			}
			if in.dropExact {
				res.drop[b], res.twin[b] = dropExact, first
			}
			res.uf.union(first, b)
			res.exact++
		}
	}
	keys, order = nil, nil
	if in.nb == 0 {
		return res, nil
	}
	// Near: records sharing a band value are candidates. Within a bucket
	// each member is checked against the bucket's first member and the
	// bucketWindow members before it, which finds the clusters without
	// comparing all pairs of a large bucket of templated text. Bands are
	// verified one at a time, so memory holds one band's candidates;
	// pairs already in one cluster are skipped, and a fixed-size cache
	// remembers pairs already checked.
	var cand []uint64
	seen := make(pairCache, 1<<20)
	col := make([]uint64, 0, n)
	for band := 0; band < in.nb; band++ {
		if in.ctx != nil && in.ctx.Err() != nil {
			return nil, in.ctx.Err()
		}
		vals, err := in.band(band)
		if err != nil {
			return nil, err
		}
		col = col[:0]
		for i := 0; i < n; i++ {
			if res.drop[i] == keepRecord {
				col = append(col, uint64(vals[i])<<32|uint64(i))
			}
		}
		vals = nil
		slices.Sort(col)
		cand = cand[:0]
		add := func(a, b uint32) {
			p := uint64(a)<<32 | uint64(b)
			if !seen.has(p) && res.uf.find(int32(a)) != res.uf.find(int32(b)) {
				cand = append(cand, p)
			}
		}
		start := 0
		for k := 1; k <= len(col); k++ {
			if k < len(col) && col[k]>>32 == col[start]>>32 {
				cur := uint32(col[k])
				add(uint32(col[start]), cur)
				for j := max(start+1, k-bucketWindow); j < k; j++ {
					add(uint32(col[j]), cur)
				}
				continue
			}
			start = k
		}
		slices.Sort(cand)
		cand = slices.Compact(cand)
		res.candidates += len(cand)
		found, err := verifyPairs(cand, cfg.Threshold, in)
		if err != nil {
			return nil, err
		}
		for _, p := range cand {
			seen.add(p)
		}
		for _, p := range found {
			res.uf.union(p.A, p.B)
		}
		res.pairs = append(res.pairs, found...)
	}
	col, cand = nil, nil
	verified := res.pairs
	if cfg.DropNear && len(verified) > 0 {
		multi := map[int32]int32{} // cluster root → first conversation
		for _, p := range verified {
			multi[res.uf.find(p.A)] = -1
		}
		for i := int32(0); i < int32(n); i++ {
			if res.drop[i] != keepRecord || in.kind(i) != KindConversation {
				continue
			}
			r := res.uf.find(i)
			f, ok := multi[r]
			if !ok {
				continue
			}
			if f < 0 {
				multi[r] = i
				continue
			}
			res.drop[i], res.twin[i] = dropNear, f
			res.near++
		}
	}
	return res, nil
}

// pairCache is a fixed-size, direct-mapped set of candidate pairs: a hit
// means the pair was checked before; a miss may be a forgotten pair, which
// only costs a second check.
type pairCache []uint64

func (c pairCache) slot(p uint64) *uint64 { return &c[mix64(p)&uint64(len(c)-1)] }
func (c pairCache) has(p uint64) bool     { return *c.slot(p) == p+1 }
func (c pairCache) add(p uint64)          { *c.slot(p) = p + 1 }

// verifyPairs computes the true Jaccard similarity of each candidate pair
// (sorted by first index, so the first record is loaded once per run) in
// parallel and keeps those at or above threshold.
func verifyPairs(pairs []uint64, threshold float64, in dedupeInput) ([]NearPair, error) {
	load := in.load
	workers := runtime.GOMAXPROCS(0)
	chunk := (len(pairs) + workers - 1) / workers
	out := make([][]NearPair, workers)
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		lo, hi := w*chunk, min((w+1)*chunk, len(pairs))
		if lo >= hi {
			continue
		}
		wg.Add(1)
		go func(w int, part []uint64) {
			defer wg.Done()
			lastA, lastSig := int32(-1), int32(-1)
			var sa []uint64
			var siga, sigb []uint32
			if in.sig != nil {
				siga, sigb = make([]uint32, in.perms), make([]uint32, in.perms)
			}
			for _, p := range part {
				a, b := int32(p>>32), int32(p&0xffffffff)
				if in.sig != nil {
					if a != lastSig {
						if err := in.sig(a, siga); err != nil {
							errs[w] = err
							return
						}
						lastSig = a
					}
					if err := in.sig(b, sigb); err != nil {
						errs[w] = err
						return
					}
					eq := 0
					for k := range siga {
						if siga[k] == sigb[k] {
							eq++
						}
					}
					if float64(eq)/float64(len(siga)) < threshold-estimateMargin {
						continue
					}
				}
				if a != lastA {
					s, err := load(a)
					if err != nil {
						errs[w] = err
						return
					}
					sa, lastA = s, a
				}
				sb, err := load(b)
				if err != nil {
					errs[w] = err
					return
				}
				if j := Jaccard(sa, sb); j >= threshold {
					out[w] = append(out[w], NearPair{a, b, j})
				}
			}
		}(w, pairs[lo:hi])
	}
	wg.Wait()
	var all []NearPair
	for w := range out {
		if errs[w] != nil {
			return nil, errs[w]
		}
		all = append(all, out[w]...)
	}
	return all, nil
}
