// Splitting: train/val/test assignment that is stratified by primary
// concern (separately for conversations and preference pairs) and grouped
// by near-duplicate cluster, so a cluster never spans two splits and a
// prompt cannot leak from training into test. Deterministic for a seed:
// groups are ordered by a seeded hash of their content, not by input
// order or record id.
package data

import (
	"fmt"
	"math"
	"slices"

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

// splitInput is the per-record state the splitter needs.
type splitInput struct {
	n       int
	keep    func(i int32) bool
	root    func(i int32) int32 // cluster root
	stratum func(i int32) uint16
	key     func(i int32) uint64 // content hash, for a seeded order
}

// assignSplits returns the split index (0 train, 1 val, 2 test) of every
// kept record, or -1 for dropped ones.
func assignSplits(cfg SplitConfig, seed uint64, in splitInput) []int8 {
	type group struct {
		stratum uint16
		size    int32
		key     uint64
		split   int8
	}
	groupOf := make([]int32, in.n)
	var groups []group
	for i := range groupOf {
		groupOf[i] = -1
	}
	for i := int32(0); i < int32(in.n); i++ {
		if !in.keep(i) {
			continue
		}
		r := in.root(i)
		g := groupOf[r]
		if g < 0 {
			g = int32(len(groups))
			groupOf[r] = g
			groups = append(groups, group{stratum: in.stratum(i), key: mix64(in.key(i) ^ seed*0x9e3779b97f4a7c15)})
		}
		groups[g].size++
		groupOf[i] = g
	}
	byStratum := map[uint16][]int32{}
	for g := range groups {
		s := groups[g].stratum
		byStratum[s] = append(byStratum[s], int32(g))
	}
	ratios := [3]float64{cfg.Train, cfg.Val, cfg.Test}
	strata := make([]uint16, 0, len(byStratum))
	for s := range byStratum {
		strata = append(strata, s)
	}
	slices.Sort(strata)
	// A group goes where its stratum, and then the whole dataset, is
	// furthest below target: large strata are balanced within themselves,
	// and the many one-group strata of a small dataset still spread over
	// val and test instead of all landing in train.
	var total [3]float64
	totalPlaced := 0.0
	for _, s := range strata {
		gs := byStratum[s]
		slices.SortFunc(gs, func(a, b int32) int {
			ka, kb := groups[a].key, groups[b].key
			switch {
			case ka < kb:
				return -1
			case ka > kb:
				return 1
			}
			return int(a - b)
		})
		var count [3]float64
		placed := 0.0
		for _, g := range gs {
			size := float64(groups[g].size)
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
			groups[g].split = int8(best)
			count[best] += size
			placed += size
			total[best] += size
			totalPlaced += size
		}
	}
	out := make([]int8, in.n)
	for i := range out {
		if g := groupOf[i]; g >= 0 && in.keep(int32(i)) {
			out[i] = groups[g].split
		} else {
			out[i] = -1
		}
	}
	return out
}

// mix64 is the SplitMix64 finaliser: a cheap, well-spread 64-bit hash.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}
