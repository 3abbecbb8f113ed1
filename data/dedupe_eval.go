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
