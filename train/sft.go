// Language-model steps for SFT and pretraining. The loss of an optimizer
// step is the mean negative log-likelihood over every counted token of all
// its micro-batches: each token is weighted 1/(tokens in the step) and the
// model sums, so gradient accumulation and packing give the same gradient
// as one big unpacked batch.
package train

// lmStep runs one optimizer step's micro-batches of rows.
func (t *trainer) lmStep(micro [][][]int) (stepResult, error) {
	var res stepResult
	counted := 0
	for _, mb := range micro {
		for _, row := range mb {
			for _, i := range row {
				counted += t.seqs[i].counted()
				res.tokens += len(t.seqs[i].ids)
			}
		}
	}
	if counted == 0 {
		return res, nil
	}
	T := 0
	if t.cfg.SamplePacking {
		T = t.cfg.SequenceLen
	}
	w := float32(1 / float64(counted))
	for _, mb := range micro {
		l, err := t.m.TrainStep(makeBatch(t.seqs, mb, T, w))
		if err != nil {
			return res, err
		}
		res.loss += l
	}
	return res, nil
}

// lmLoss returns the summed NLL and the number of counted tokens of seqs,
// in batches of rows as the run would form them.
func (t *trainer) lmLoss(seqs []seq, maxBatches int) (float64, int, error) {
	rows := packRows(seqs, t.cfg.SequenceLen, t.cfg.SamplePacking)
	T := 0
	if t.cfg.SamplePacking {
		T = t.cfg.SequenceLen
	}
	var sum float64
	n := 0
	for k := 0; k < len(rows); k += t.cfg.MicroBatchSize {
		if maxBatches > 0 && k/t.cfg.MicroBatchSize >= maxBatches {
			break
		}
		mb := rows[k:min(k+t.cfg.MicroBatchSize, len(rows))]
		l, err := t.m.Loss(makeBatch(seqs, mb, T, 1))
		if err != nil {
			return 0, 0, err
		}
		sum += l
		for _, r := range mb {
			for _, i := range r {
				n += seqs[i].counted()
			}
		}
	}
	return sum, n, nil
}

func (t *trainer) lmEval() (evalResult, error) {
	sum, n, err := t.lmLoss(t.valSeqs, t.cfg.EvalMaxBatches)
	if err != nil || n == 0 {
		return evalResult{}, err
	}
	return evalResult{loss: sum / float64(n)}, nil
}
