// Deduplication: exact duplicates by a hash of the normalised text, and
// near duplicates by MinHash + LSH over word shingles, verified with the
// true Jaccard similarity of the shingle sets (read back from the spill
// file). Hashes and band keys arrive sorted from external sorts, so memory
// holds only records that have a duplicate. Verified pairs are joined with
// union-find; the clusters keep near twins in one split.
package data

import (
	"context"
	"fmt"
	"runtime"
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
	// BucketCap, if positive, bounds the work in one LSH bucket of
	// templated text: the first BucketCap members are each checked
	// against the first member and the 8 before them, later members
	// against the first member only. Off by default: at 1M seed
	// conversations a cap of 64 saved 9.5% of candidate checks but missed
	// 3 of 113,804 near duplicates (docs/data-curate.md).
	BucketCap int `yaml:"bucket_cap,omitempty" json:"bucket_cap,omitempty"`
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

// dedupeInput is what the dedupe stage needs. Per-record keys come from
// external sorters (extsort.go) and per-record text from the spill file,
// so memory does not grow with the number of records.
type dedupeInput struct {
	// ctx, if set, is checked between bands so an interrupt stops a long
	// dedupe promptly.
	ctx context.Context
	n   int
	nb  int
	// exact holds (exact hash, record), one per record.
	exact *extSorter[keyIdx]
	// bands holds (band<<32 | band hash, record), nb per record; nil
	// when nb is 0.
	bands *extSorter[keyIdx]
	// kind returns record i's kind (conversations only are dropped as
	// near duplicates).
	kind func(i int32) (RecordKind, error)
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
	// dir and budget hold the sorters of candidate and verified pairs;
	// count, if set, totals what they spill.
	dir    string
	budget int64
	count  *spillCount
}

// estimateMargin is how far below the threshold a MinHash estimate may be
// and still get a true-Jaccard check. With 128 permutations the estimate's
// standard deviation is at most 0.045, so a pair at the threshold is
// skipped with probability below 1e-5.
const estimateMargin = 0.2

// bucketWindow is how many earlier members of an LSH bucket each member
// is compared with (besides the bucket's first member).
const bucketWindow = 8

// verifyBatch is how many candidate pairs are verified at once.
const verifyBatch = 1 << 16

// dropInfo says why a record was dropped and which kept record it repeats.
type dropInfo struct {
	why  uint8
	twin int32
}

// dedupeResult is the outcome. Only records that have a duplicate appear
// in drops and uf; verified pairs are spilled to a sorter.
type dedupeResult struct {
	drops      map[int32]dropInfo
	uf         sparseUF
	pairs      *extSorter[keyIdx] // k = A<<32 | B, i = round(1000 × Jaccard)
	npairs     int
	clusters   int // clusters with a verified near pair
	candidates int
	exact      int
	near       int
}

// dropOf returns why record i is dropped (keepRecord if not) and its twin.
func (d *dedupeResult) dropOf(i int32) (uint8, int32) {
	if x, ok := d.drops[i]; ok {
		return x.why, x.twin
	}
	return keepRecord, -1
}

// close removes the spilled pairs.
func (d *dedupeResult) close() {
	if d != nil && d.pairs != nil {
		d.pairs.close()
	}
}

// bucketCap returns the configured cap; 0 or less means none.
func (c *DedupeConfig) bucketCap() int {
	if c.BucketCap <= 0 {
		return int(^uint(0) >> 1)
	}
	return c.BucketCap
}

func runDedupe(cfg DedupeConfig, in dedupeInput) (*dedupeResult, error) {
	res := &dedupeResult{drops: map[int32]dropInfo{}, uf: newSparseUF(),
		pairs: newExtSorter(keyIdxSpec, in.dir, "pairs", in.budget/8)}
	res.pairs.count = in.count
	ok := false
	defer func() {
		if !ok {
			res.close()
		}
	}()
	if err := res.exactPass(in); err != nil {
		return nil, err
	}
	if in.nb > 0 {
		if err := res.nearPass(cfg, in); err != nil {
			return nil, err
		}
	}
	if err := res.pairs.finish(); err != nil {
		return nil, err
	}
	if err := res.dropNear(cfg, in); err != nil {
		return nil, err
	}
	ok = true
	return res, nil
}

// exactPass walks the records in hash order: in each run of equal hashes
// the first record is kept and the rest are dropped as its copies.
func (res *dedupeResult) exactPass(in dedupeInput) error {
	it, err := in.exact.iter()
	if err != nil {
		return err
	}
	defer it.close()
	var prev uint64
	first := int32(-1)
	for v, ok := it.next(); ok; v, ok = it.next() {
		b := int32(v.i)
		if first >= 0 && v.k == prev {
			if in.dropExact {
				res.drops[b] = dropInfo{dropExact, first}
			}
			res.uf.union(first, b)
			res.exact++
		} else {
			first = b
		}
		prev = v.k
	}
	return it.err
}

// nearPass proposes candidates band by band: records sharing a band value
// are candidates. Within a bucket each member is checked against the
// bucket's first member and the bucketWindow members before it, which
// finds the clusters without comparing all pairs of a large bucket of
// templated text; with a BucketCap, past that many members a member is
// checked against the first member only. Pairs already in one cluster are skipped, and a
// fixed-size cache remembers pairs already checked. One band's candidates
// go through an external sorter, so memory stays bounded.
func (res *dedupeResult) nearPass(cfg DedupeConfig, in dedupeInput) error {
	it, err := in.bands.iter()
	if err != nil {
		return err
	}
	defer it.close()
	cand := newExtSorter(keyIdxSpec, in.dir, "cand", in.budget/2)
	cand.count = in.count
	defer cand.close()
	seen := make(pairCache, 1<<20)
	capMembers := cfg.bucketCap()
	var addErr error
	add := func(a, b uint32) {
		p := uint64(a)<<32 | uint64(b)
		if !seen.has(p) && res.uf.find(int32(a)) != res.uf.find(int32(b)) && addErr == nil {
			addErr = cand.add(keyIdx{k: p})
		}
	}
	band := int64(-1)
	var bucket uint32
	var first uint32
	var recent [bucketWindow]uint32 // ring of the last members after the first
	members := 0
	for v, ok := it.next(); ; v, ok = it.next() {
		b := int64(-2)
		if ok {
			b = int64(v.k >> 32)
		}
		if b != band {
			if band >= 0 {
				if err := res.verifyBand(cand, seen, cfg, in); err != nil {
					return err
				}
			}
			if !ok {
				break
			}
			if in.ctx != nil && in.ctx.Err() != nil {
				return in.ctx.Err()
			}
			band, members = b, 0
		}
		if _, dropped := res.drops[int32(v.i)]; dropped {
			continue
		}
		val := uint32(v.k)
		if members > 0 && val == bucket {
			cur := v.i
			add(first, cur)
			if members <= capMembers {
				for j := max(1, members-bucketWindow); j < members; j++ {
					add(recent[j%bucketWindow], cur)
				}
			}
			recent[members%bucketWindow] = cur
			members++
			continue
		}
		bucket, first, members = val, v.i, 1
	}
	if addErr != nil {
		return addErr
	}
	return it.err
}

// verifyBand verifies one band's candidates (sorted, each once) in
// batches, joins the verified pairs and spills them.
func (res *dedupeResult) verifyBand(cand *extSorter[keyIdx], seen pairCache, cfg DedupeConfig, in dedupeInput) error {
	defer cand.reset()
	if err := cand.finish(); err != nil {
		return err
	}
	it, err := cand.iter()
	if err != nil {
		return err
	}
	defer it.close()
	batch := make([]uint64, 0, min(cand.len(), verifyBatch))
	flush := func() error {
		found, err := verifyPairs(batch, cfg.Threshold, in)
		if err != nil {
			return err
		}
		for _, p := range batch {
			seen.add(p)
		}
		for _, p := range found {
			res.uf.union(p.A, p.B)
			j := uint32(p.Jaccard*1000 + 0.5)
			if err := res.pairs.add(keyIdx{k: uint64(p.A)<<32 | uint64(p.B), i: j}); err != nil {
				return err
			}
		}
		res.npairs += len(found)
		res.candidates += len(batch)
		batch = batch[:0]
		return nil
	}
	last, any := uint64(0), false
	for v, ok := it.next(); ok; v, ok = it.next() {
		if any && v.k == last {
			continue
		}
		last, any = v.k, true
		batch = append(batch, v.k)
		if len(batch) == verifyBatch {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if it.err != nil {
		return it.err
	}
	return flush()
}

// dropNear counts the clusters with a verified pair and, with DropNear,
// keeps the first conversation of each and drops the rest. Only records
// in the union-find (those with a duplicate) can be in such a cluster.
func (res *dedupeResult) dropNear(cfg DedupeConfig, in dedupeInput) error {
	roots := map[int32]int32{} // cluster root → first conversation, -1 before it is seen
	it, err := res.pairs.iter()
	if err != nil {
		return err
	}
	for v, ok := it.next(); ok; v, ok = it.next() {
		roots[res.uf.find(int32(v.k>>32))] = -1
	}
	it.close()
	if it.err != nil {
		return it.err
	}
	res.clusters = len(roots)
	if !cfg.DropNear || len(roots) == 0 {
		return nil
	}
	for _, i := range res.uf.members() {
		if _, dropped := res.drops[i]; dropped {
			continue
		}
		r := res.uf.find(i)
		f, ok := roots[r]
		if !ok {
			continue
		}
		k, err := in.kind(i)
		if err != nil {
			return err
		}
		if k != KindConversation {
			continue
		}
		if f < 0 {
			roots[r] = i
			continue
		}
		res.drops[i] = dropInfo{dropNear, f}
		res.near++
	}
	return nil
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
