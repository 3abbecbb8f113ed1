// Direct preference optimisation (Rafailov et al. 2023) and IPO (Azar et
// al. 2023) on TRL-shaped pairs. The reference is the frozen base: its
// log-probabilities come from the model with any LoRA adapter detached, so
// nothing is copied. With an adapter they are computed when a pair is first
// used (the base never changes); in full fine-tuning they are computed once,
// before the first update, and kept in output_dir/reference_logps.json so a
// resumed run uses the same ones. A file of precomputed reference log-probs
// can be given instead.
//
// A step needs two passes per micro-batch: TokenLosses gives the policy's
// log-probs, from which the loss and its derivative with respect to each
// sequence's log-prob follow in closed form; TrainStep then backpropagates
// Σ coef·NLL with each token weighted by its sequence's coefficient.
package train

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
)

// dpoLoss returns the loss of one pair and its derivative with respect to
// h = (πc − rc) − (πr − rr), the difference of the policy's and the
// reference's log-ratio margins. sigmoid: −log σ(βh); ipo: (h − 1/(2β))².
func dpoLoss(h, beta float64, ipo bool) (loss, dh float64) {
	if ipo {
		d := h - 1/(2*beta)
		return d * d, 2 * d
	}
	z := beta * h
	return softplus(-z), -beta * sigmoid(-z)
}

func sigmoid(x float64) float64 { return 1 / (1 + math.Exp(-x)) }

// softplus is log(1+eˣ) without overflow.
func softplus(x float64) float64 {
	if x > 30 {
		return x
	}
	return math.Log1p(math.Exp(x))
}

// seqLogps returns each listed sequence's summed log-probability of its
// counted tokens under the current model, and the number of those tokens.
func (t *trainer) seqLogps(seqs []seq, idx []int) ([]float64, []int, error) {
	b, starts := packedBatch(seqs, idx, t.cfg.SequenceLen, 1)
	nll, err := t.m.TokenLosses(b)
	if err != nil {
		return nil, nil, err
	}
	lp, n := make([]float64, len(idx)), make([]int, len(idx))
	for r, k := range idx {
		for j := starts[r]; j < starts[r]+len(seqs[k].ids); j++ {
			if b.Mask[j] > 0 {
				lp[r] -= float64(nll[j])
				n[r]++
			}
		}
	}
	return lp, n, nil
}

// allLogps scores every sequence in micro-batches.
func (t *trainer) allLogps(seqs []seq) ([]float64, error) {
	out := make([]float64, 0, len(seqs))
	bs := 2 * t.cfg.MicroBatchSize
	for k := 0; k < len(seqs); k += bs {
		if t.ctx != nil && t.ctx.Err() != nil {
			return nil, fmt.Errorf("%w while computing reference log-probs (nothing saved yet)", ErrInterrupted)
		}
		idx := make([]int, 0, bs)
		for i := k; i < min(k+bs, len(seqs)); i++ {
			idx = append(idx, i)
		}
		lp, _, err := t.seqLogps(seqs, idx)
		if err != nil {
			return nil, err
		}
		out = append(out, lp...)
	}
	return out, nil
}

type refFile struct {
	Train []float64 `json:"train"`
	Val   []float64 `json:"val"`
}

// referenceLogps loads or computes the reference log-probs of every
// sequence.
func (t *trainer) referenceLogps() error {
	path := t.cfg.ReferenceLogprobs
	if path == "" {
		path = filepath.Join(t.cfg.OutputDir, "reference_logps.json")
	}
	if data, err := os.ReadFile(path); err == nil {
		var f refFile
		if err := json.Unmarshal(data, &f); err != nil {
			return fmt.Errorf("reference_logprobs %s: %w", path, err)
		}
		if len(f.Train) != len(t.seqs) || len(f.Val) != len(t.valSeqs) {
			return fmt.Errorf("%w: reference_logprobs %s: has %d train and %d val values, the data needs %d and %d",
				ErrData, path, len(f.Train), len(f.Val), len(t.seqs), len(t.valSeqs))
		}
		t.ref, t.valRef = f.Train, f.Val
		return nil
	} else if t.cfg.ReferenceLogprobs != "" {
		return err
	}
	if t.m.LoRA != nil {
		// The base never changes under an adapter, so reference log-probs
		// are computed when a pair is first used: a short run on a large
		// dataset does not pay for a pass over all of it.
		t.ref, t.valRef = nanSlice(len(t.seqs)), nanSlice(len(t.valSeqs))
		return nil
	}
	fmt.Fprintf(t.out, "train: computing reference log-probs of %d sequences with the frozen base\n", len(t.seqs)+len(t.valSeqs))
	adapter := t.m.LoRA
	t.m.LoRA = nil // the base without the adapter is the reference
	var err error
	t.ref, err = t.allLogps(t.seqs)
	if err == nil {
		t.valRef, err = t.allLogps(t.valSeqs)
	}
	t.m.LoRA = adapter
	if err != nil {
		return err
	}
	data, err := json.Marshal(refFile{Train: t.ref, Val: t.valRef})
	if err != nil {
		return err
	}
	return writeFile(path, data)
}

func nanSlice(n int) []float64 {
	s := make([]float64, n)
	for i := range s {
		s[i] = math.NaN()
	}
	return s
}

// fillRef computes the missing reference log-probs of seqs[idx] with the
// adapter detached.
func (t *trainer) fillRef(seqs []seq, ref []float64, idx []int) error {
	var missing []int
	for _, k := range idx {
		if math.IsNaN(ref[k]) {
			missing = append(missing, k)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	adapter := t.m.LoRA
	t.m.LoRA = nil
	lp, _, err := t.seqLogps(seqs, missing)
	t.m.LoRA = adapter
	if err != nil {
		return err
	}
	for i, k := range missing {
		ref[k] = lp[i]
	}
	return nil
}

// pairStats accumulates TRL's logged DPO quantities.
type pairStats struct {
	loss, chosen, rejected, correct float64
	n                               int
}

func (p *pairStats) add(loss, rc, rr float64) {
	p.loss += loss
	p.chosen += rc
	p.rejected += rr
	switch {
	case rc > rr:
		p.correct++
	case rc == rr: // an untrained policy equals the reference: a tie, half right
		p.correct += 0.5
	}
	p.n++
}

// pairTerms returns h, the log-ratio margins of pair k (sequence indices
// 2k, 2k+1), and the per-token scale of the policy log-probs (1, or 1/len
// for IPO, which uses length-averaged log-probs as TRL does).
func (t *trainer) pairTerms(lpC, lpR, refC, refR float64, nC, nR int) (h, rc, rr, sc, sr float64) {
	sc, sr = 1, 1
	if t.cfg.DPOLoss == "ipo" {
		sc, sr = 1/float64(nC), 1/float64(nR)
	}
	rc = (lpC - refC) * sc
	rr = (lpR - refR) * sr
	return rc - rr, rc, rr, sc, sr
}

func (t *trainer) dpoStep(micro [][][]int) (stepResult, error) {
	var res stepResult
	var ps pairStats
	P := 0
	for _, mb := range micro {
		P += len(mb)
	}
	beta, ipo := t.cfg.DPOBeta, t.cfg.DPOLoss == "ipo"
	for _, mb := range micro {
		idx := make([]int, 0, 2*len(mb))
		for _, u := range mb {
			idx = append(idx, 2*u[0], 2*u[0]+1)
		}
		if err := t.fillRef(t.seqs, t.ref, idx); err != nil {
			return res, err
		}
		lp, n, err := t.seqLogps(t.seqs, idx)
		if err != nil {
			return res, err
		}
		for _, k := range idx {
			res.tokens += len(t.seqs[k].ids)
		}
		b, starts := packedBatch(t.seqs, idx, t.cfg.SequenceLen, 1)
		for j, u := range mb {
			k := u[0]
			h, rc, rr, sc, sr := t.pairTerms(lp[2*j], lp[2*j+1], t.ref[2*k], t.ref[2*k+1], n[2*j], n[2*j+1])
			loss, dh := dpoLoss(h, beta, ipo)
			ps.add(loss, beta*rc, beta*rr)
			// dL/dNLL = −dL/dπ: chosen gets −dh·sc, rejected +dh·sr.
			coef := [2]float32{float32(-dh * sc / float64(P)), float32(dh * sr / float64(P))}
			for side := range 2 {
				r := 2*j + side
				for q := starts[r]; q < starts[r]+len(t.seqs[idx[r]].ids); q++ {
					if b.Mask[q] != 0 {
						b.Mask[q] = coef[side]
					}
				}
			}
		}
		if _, err := t.m.TrainStep(b); err != nil {
			return res, err
		}
	}
	res.loss = ps.loss / float64(ps.n)
	res.stats = map[string]float64{"rewards/chosen": ps.chosen / float64(ps.n), "rewards/rejected": ps.rejected / float64(ps.n),
		"rewards/margins": (ps.chosen - ps.rejected) / float64(ps.n), "rewards/accuracies": ps.correct / float64(ps.n)}
	return res, nil
}

// dpoEval scores the val pairs: loss, implicit-reward accuracy and margin.
func (t *trainer) dpoEval() (evalResult, error) {
	var ps pairStats
	nPairs := len(t.valSeqs) / 2
	if t.cfg.EvalMaxBatches > 0 {
		nPairs = min(nPairs, t.cfg.EvalMaxBatches*t.cfg.MicroBatchSize)
	}
	for k := 0; k < nPairs; k += t.cfg.MicroBatchSize {
		var idx []int
		for p := k; p < min(k+t.cfg.MicroBatchSize, nPairs); p++ {
			idx = append(idx, 2*p, 2*p+1)
		}
		if err := t.fillRef(t.valSeqs, t.valRef, idx); err != nil {
			return evalResult{}, err
		}
		lp, n, err := t.seqLogps(t.valSeqs, idx)
		if err != nil {
			return evalResult{}, err
		}
		for j := 0; j < len(idx); j += 2 {
			p := idx[j] / 2
			h, rc, rr, _, _ := t.pairTerms(lp[j], lp[j+1], t.valRef[2*p], t.valRef[2*p+1], n[j], n[j+1])
			loss, _ := dpoLoss(h, t.cfg.DPOBeta, t.cfg.DPOLoss == "ipo")
			ps.add(loss, t.cfg.DPOBeta*rc, t.cfg.DPOBeta*rr)
		}
	}
	if ps.n == 0 {
		return evalResult{loss: math.NaN(), acc: math.NaN(), gap: math.NaN()}, nil
	}
	return evalResult{loss: ps.loss / float64(ps.n), acc: ps.correct / float64(ps.n), gap: (ps.chosen - ps.rejected) / float64(ps.n)}, nil
}
