// Splitting: train/val/test assignment that is stratified by primary
// concern (separately for conversations and preference pairs) and grouped
// by near-duplicate cluster, so a cluster never spans two splits and a
// prompt cannot leak from training into test. Deterministic for a seed:
// groups are ordered by a seeded hash of their content, not by input
// order or record id.
package data

import (
	"encoding/binary"
	"fmt"
	"io"
	"math"

	"github.com/tend-project/tend/conv"
)

// SplitConfig holds the split ratios; they must sum to 1.
type SplitConfig struct {
	Train float64 `yaml:"train" json:"train"`
	Val   float64 `yaml:"val" json:"val"`
	Test  float64 `yaml:"test" json:"test"`
}

func (c *SplitConfig) validate() error {
	for _, r := range []struct {
		name string
		v    float64
	}{{"train", c.Train}, {"val", c.Val}, {"test", c.Test}} {
		if r.v < 0 || r.v > 1 || math.IsNaN(r.v) {
			return fmt.Errorf("split.%s: %g is outside 0..1", r.name, r.v)
		}
	}
	if s := c.Train + c.Val + c.Test; math.Abs(s-1) > 1e-6 {
		return fmt.Errorf("split: train + val + test = %g, want 1", s)
	}
	return nil
}

// splitNames indexes the three splits.
var splitNames = [3]conv.Split{conv.SplitTrain, conv.SplitVal, conv.SplitTest}

// splitRec is one record as the splitter sees it.
type splitRec struct {
	i       int32
	keep    bool
	stratum uint16
	key     uint64 // content hash, for a seeded order
}

// splitInput is what the splitter needs: the records in index order
// (streamed from the spilled facts) and the near-duplicate clusters.
type splitInput struct {
	// next returns the next record in index order, or io.EOF.
	next func() (splitRec, error)
	// root returns the cluster root of a clustered record.
	root func(i int32) int32
	// clustered reports whether a record shares a cluster with another.
	clustered func(i int32) bool
	// dir and budget hold the external sorts; count, if set, totals
	// what they spill.
	dir    string
	budget int64
	count  *spillCount
}

// splitGroup is one group: a cluster, or a record on its own.
type splitGroup struct {
	stratum uint16
	key     uint64
	first   int32 // first kept member, which orders groups with equal keys
	root    int32 // cluster root, or -1 for a record on its own
	size    int32
}

var splitGroupSpec = sortSpec[splitGroup]{
	size: 22,
	cmp: func(a, b splitGroup) int {
		switch {
		case a.stratum != b.stratum:
			return int(a.stratum) - int(b.stratum)
		case a.key < b.key:
			return -1
		case a.key > b.key:
			return 1
		case a.first != b.first:
			return int(a.first - b.first)
		case a.root != b.root:
			return int(a.root - b.root)
		}
		return int(a.size - b.size)
	},
	put: func(b []byte, g splitGroup) {
		binary.LittleEndian.PutUint16(b[0:], g.stratum)
		binary.LittleEndian.PutUint64(b[2:], g.key)
		binary.LittleEndian.PutUint32(b[10:], uint32(g.first))
		binary.LittleEndian.PutUint32(b[14:], uint32(g.root))
		binary.LittleEndian.PutUint32(b[18:], uint32(g.size))
	},
	get: func(b []byte) splitGroup {
		return splitGroup{stratum: binary.LittleEndian.Uint16(b[0:]), key: binary.LittleEndian.Uint64(b[2:]),
			first: int32(binary.LittleEndian.Uint32(b[10:])), root: int32(binary.LittleEndian.Uint32(b[14:])),
			size: int32(binary.LittleEndian.Uint32(b[18:]))}
	},
}

// splitResult gives each record's split. Records on their own (nearly
// all) are spilled as (record, split) in index order; clusters are
// looked up by root.
type splitResult struct {
	single    *extSorter[keyIdx]
	byRoot    map[int32]int8
	root      func(i int32) int32
	clustered func(i int32) bool
}

// assignSplits decides the split of every kept record. Groups are the
// near-duplicate clusters (a record alone is a group of one); within each
// stratum, taken in order, groups are visited in a seeded order of their
// content hash, and each goes where its stratum, and then the whole
// dataset, is furthest below target: large strata are balanced within
// themselves, and the many one-group strata of a small dataset still
// spread over val and test instead of all landing in train. Groups are
// put in that order by an external sort, so only the clusters stay in
// memory.
func assignSplits(cfg SplitConfig, seed uint64, in splitInput) (*splitResult, error) {
	groups := newExtSorter(splitGroupSpec, in.dir, "groups", in.budget/2)
	groups.count = in.count
	defer groups.close()
	res := &splitResult{single: newExtSorter(keyIdxSpec, in.dir, "splits", in.budget/4), byRoot: map[int32]int8{},
		root: in.root, clustered: in.clustered}
	res.single.count = in.count
	clusters := map[int32]*splitGroup{}
	mixSeed := seed * 0x9e3779b97f4a7c15
	fail := func(err error) (*splitResult, error) {
		res.close()
		return nil, err
	}
	for {
		r, err := in.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fail(err)
		}
		if !r.keep {
			continue
		}
		if !in.clustered(r.i) {
			if err := groups.add(splitGroup{stratum: r.stratum, key: mix64(r.key ^ mixSeed), first: r.i, root: -1, size: 1}); err != nil {
				return fail(err)
			}
			continue
		}
		root := in.root(r.i)
		g := clusters[root]
		if g == nil {
			g = &splitGroup{stratum: r.stratum, key: mix64(r.key ^ mixSeed), first: r.i, root: root}
			clusters[root] = g
		}
		g.size++
	}
	for _, g := range clusters {
		if err := groups.add(*g); err != nil {
			return fail(err)
		}
	}
	clusters = nil
	if err := groups.finish(); err != nil {
		return fail(err)
	}
	it, err := groups.iter()
	if err != nil {
		return fail(err)
	}
	defer it.close()
	ratios := [3]float64{cfg.Train, cfg.Val, cfg.Test}
	var total, count [3]float64
	totalPlaced, placed := 0.0, 0.0
	stratum := -1
	for g, ok := it.next(); ok; g, ok = it.next() {
		if int(g.stratum) != stratum {
			stratum, count, placed = int(g.stratum), [3]float64{}, 0
		}
		size := float64(g.size)
		best, bestDeficit := 0, math.Inf(-1)
		for k := range 3 {
			if ratios[k] == 0 {
				continue
			}
			d := ratios[k]*(placed+size) - count[k] + ratios[k]*(totalPlaced+size) - total[k]
			if d > bestDeficit+1e-9 {
				best, bestDeficit = k, d
			}
		}
		count[best] += size
		placed += size
		total[best] += size
		totalPlaced += size
		if g.root >= 0 {
			res.byRoot[g.root] = int8(best)
		} else if err := res.single.add(keyIdx{k: uint64(g.first), i: uint32(best)}); err != nil {
			return fail(err)
		}
	}
	if it.err != nil {
		return fail(it.err)
	}
	if err := res.single.finish(); err != nil {
		return fail(err)
	}
	return res, nil
}

func (r *splitResult) close() {
	if r != nil {
		r.single.close()
	}
}

// splitCursor reads the splits of records in index order.
type splitCursor struct {
	r    *splitResult
	it   *sortedIter[keyIdx]
	head keyIdx
	more bool
}

func (r *splitResult) cursor() (*splitCursor, error) {
	it, err := r.single.iter()
	if err != nil {
		return nil, err
	}
	c := &splitCursor{r: r, it: it}
	c.head, c.more = it.next()
	return c, nil
}

// at returns the split of record i (0 train, 1 val, 2 test) or -1 for a
// record not kept. Calls must come in increasing i.
func (c *splitCursor) at(i int32, keep bool) (int8, error) {
	if !keep {
		return -1, nil
	}
	if c.r.clustered(i) {
		s, ok := c.r.byRoot[c.r.root(i)]
		if !ok {
			return -1, fmt.Errorf("split: record %d's cluster has no split", i)
		}
		return s, nil
	}
	for c.more && c.head.k < uint64(i) {
		c.head, c.more = c.it.next()
	}
	if !c.more || c.head.k != uint64(i) {
		if c.it.err != nil {
			return -1, c.it.err
		}
		return -1, fmt.Errorf("split: record %d has no split", i)
	}
	return int8(c.head.i), nil
}

func (c *splitCursor) close() { c.it.close() }

// mix64 is the SplitMix64 finaliser: a cheap, well-spread 64-bit hash.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}
