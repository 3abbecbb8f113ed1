// Measuring near-duplicate detection on a labelled sample of text pairs
// ({"a", "b", "dup"}): a pair is detected when LSH banding makes it a
// candidate and its true Jaccard similarity reaches the threshold, exactly
// as in the pipeline. The report gives the threshold's precision and
// recall, and how many true duplicates banding alone would have missed.
package data

import (
	"errors"
	"fmt"
	"io"
)

// DupPair is one labelled pair of texts.
type DupPair struct {
	A    string `json:"a"`
	B    string `json:"b"`
	Dup  bool   `json:"dup"`
	Note string `json:"note,omitempty"`
	line int
}

// ReadDupPairs reads a labelled pair file; errors name the file and line.
func ReadDupPairs(r io.Reader, name string) ([]DupPair, error) {
	return readJSONL(r, name, func(p *DupPair, line int) error {
		if p.A == "" || p.B == "" {
			return errors.New("a and b must both be non-empty")
		}
		p.line = line
		return nil
	})
}

// DedupeEvalReport is the result of EvalDedupe.
type DedupeEvalReport struct {
	Threshold  float64
	Bands      int
	Rows       int
	PRF        PRF
	LSHMissed  int // true duplicates above threshold that banding did not propose
	Pairs      int
	Mistakes   []string
	Similarity []float64 // true Jaccard of each pair, in input order
}

// EvalDedupe scores the detector on labelled pairs.
func EvalDedupe(cfg DedupeConfig, seed uint64, pairs []DupPair) *DedupeEvalReport {
	mh := NewMinHasher(cfg.Perms, cfg.Shingle, seed)
	b, r := Bands(cfg.Threshold, cfg.Perms)
	rep := &DedupeEvalReport{Threshold: cfg.Threshold, Bands: b, Rows: r, Pairs: len(pairs)}
	sig := func(s []uint64) []uint32 {
		out := make([]uint32, cfg.Perms)
		mh.Signature(s, out)
		return bandHashes(out, b, r, nil)
	}
	for _, p := range pairs {
		sa := mh.Shingles(normWords(p.A, nil), nil)
		sb := mh.Shingles(normWords(p.B, nil), nil)
		j := Jaccard(sa, sb)
		rep.Similarity = append(rep.Similarity, j)
		ba, bb := sig(sa), sig(sb)
		cand := false
		for k := range ba {
			if ba[k] == bb[k] {
				cand = true
				break
			}
		}
		if j >= cfg.Threshold && !cand {
			rep.LSHMissed++
		}
		pred := cand && j >= cfg.Threshold
		switch {
		case pred && p.Dup:
			rep.PRF.TP++
		case pred && !p.Dup:
			rep.PRF.FP++
			rep.Mistakes = append(rep.Mistakes, fmt.Sprintf("line %d: false duplicate (Jaccard %.2f) %s", p.line, j, p.Note))
		case !pred && p.Dup:
			rep.PRF.FN++
			rep.Mistakes = append(rep.Mistakes, fmt.Sprintf("line %d: missed duplicate (Jaccard %.2f) %s", p.line, j, p.Note))
		}
	}
	return rep
}

// WriteTable prints the report.
func (r *DedupeEvalReport) WriteTable(w io.Writer) error {
	_, err := fmt.Fprintf(w, "threshold %.2f (%d bands × %d rows): %d pairs, %d labelled duplicates\nprecision %.3f  recall %.3f  F1 %.3f  (TP %d, FP %d, FN %d; LSH missed %d above threshold)\n",
		r.Threshold, r.Bands, r.Rows, r.Pairs, r.PRF.TP+r.PRF.FN, r.PRF.Precision(), r.PRF.Recall(), r.PRF.F1(), r.PRF.TP, r.PRF.FP, r.PRF.FN, r.LSHMissed)
	for _, m := range r.Mistakes {
		fmt.Fprintln(w, "  "+m)
	}
	return err
}

// EvalDedupePooled runs the pipeline's own dedupe (LSH buckets with the
// configured bucket cap, candidate verification, union-find) over every
// text of the labelled pairs at once, as one corpus, and counts a pair as
// detected when its two texts end in one cluster. Unlike EvalDedupe it
// measures what bucketing, the cap and transitive clustering do; dir
// holds the sort runs.
func EvalDedupePooled(cfg DedupeConfig, seed uint64, pairs []DupPair, dir string) (*DedupeEvalReport, error) {
	mh := NewMinHasher(cfg.Perms, cfg.Shingle, seed)
	nb, nr := Bands(cfg.Threshold, cfg.Perms)
	rep := &DedupeEvalReport{Threshold: cfg.Threshold, Bands: nb, Rows: nr, Pairs: len(pairs)}
	n := 2 * len(pairs)
	shingles := make([][]uint64, n)
	sigs := make([][]uint32, n)
	const budget = 1 << 20
	in := dedupeInput{n: n, nb: nb, dir: dir, budget: budget, perms: cfg.Perms,
		exact: newExtSorter(keyIdxSpec, dir, "eval-exact", budget), bands: newExtSorter(keyIdxSpec, dir, "eval-bands", budget),
		kind: func(int32) (RecordKind, error) { return KindConversation, nil },
		load: func(i int32) ([]uint64, error) { return shingles[i], nil },
		sig:  func(i int32, out []uint32) error { copy(out, sigs[i]); return nil }}
	defer in.exact.close()
	defer in.bands.close()
	for k, p := range pairs {
		for j, text := range []string{p.A, p.B} {
			i := 2*k + j
			words := normWords(text, nil)
			shingles[i] = mh.Shingles(words, nil)
			sigs[i] = make([]uint32, cfg.Perms)
			mh.Signature(shingles[i], sigs[i])
			h := uint64(fnvOffset)
			for _, w := range words {
				h = (h ^ w) * fnvPrime
			}
			if err := in.exact.add(keyIdx{k: h, i: uint32(i)}); err != nil {
				return nil, err
			}
			for b, v := range bandHashes(sigs[i], nb, nr, nil) {
				if err := in.bands.add(keyIdx{k: uint64(b)<<32 | uint64(v), i: uint32(i)}); err != nil {
					return nil, err
				}
			}
		}
	}
	if err := errors.Join(in.exact.finish(), in.bands.finish()); err != nil {
		return nil, err
	}
	cfg.DropNear = false
	dd, err := runDedupe(cfg, in)
	if err != nil {
		return nil, err
	}
	defer dd.close()
	for k, p := range pairs {
		a, b := shingles[2*k], shingles[2*k+1]
		rep.Similarity = append(rep.Similarity, Jaccard(a, b))
		pred := dd.uf.find(int32(2*k)) == dd.uf.find(int32(2*k+1))
		switch {
		case pred && p.Dup:
			rep.PRF.TP++
		case pred && !p.Dup:
			rep.PRF.FP++
			rep.Mistakes = append(rep.Mistakes, fmt.Sprintf("line %d: clustered, not a duplicate (Jaccard %.2f) %s", p.line, Jaccard(a, b), p.Note))
		case !pred && p.Dup:
			rep.PRF.FN++
			rep.Mistakes = append(rep.Mistakes, fmt.Sprintf("line %d: duplicate not clustered (Jaccard %.2f) %s", p.line, Jaccard(a, b), p.Note))
		}
	}
	return rep, nil
}
