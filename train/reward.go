// The reward model: a scalar head on the transformer's final hidden state at
// the last token of prompt+reply, trained with the Bradley–Terry loss
// −log σ(s_chosen − s_rejected) on preference pairs. The head is stored as
// score.safetensors (tensor score.weight, 1×C, as Hugging Face's
// LlamaForSequenceClassification names it) next to the model.
//
// RewardModel is the Go API the eval package and `tend rank` use.
package train

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync"

	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/model"
	"github.com/tend-project/tend/tokenizer"
)

const scoreFile = "score.safetensors"

// scoreHead is the scalar head w (C) with its gradient and optimizer.
type scoreHead struct {
	w, g []float32
	opt  *model.AdamW
}

func newScoreHead(C int, seed uint64) *scoreHead {
	h := &scoreHead{w: make([]float32, C), g: make([]float32, C), opt: model.NewAdamW(C, 0, 0)}
	r := rand.New(rand.NewPCG(seed, 0x5c0e))
	for i := range h.w {
		h.w[i] = float32(r.NormFloat64() * 0.02)
	}
	return h
}

func (h *scoreHead) save(path string) error {
	return model.WriteSafetensors(path, []model.Tensor{{Name: "score.weight", Shape: []int{1, len(h.w)}, Data: h.w}}, nil, true)
}

func loadScore(path string, C int) ([]float32, error) {
	st, err := model.OpenSafetensors(path)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	w := make([]float32, C)
	if err := st.Read("score.weight", w); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return w, nil
}

// scores runs rows (one sequence each) and returns each sequence's score,
// plus the hidden states and batch for the backward pass. With train set
// the pass keeps what BackwardHidden needs.
func scores(m *model.Model, w []float32, seqs []seq, idx []int, T int, train bool) ([]float64, []float32, []int, error) {
	b, starts := packedBatch(seqs, idx, T, 1)
	fwd := m.Hidden
	if train {
		fwd = m.ForwardHidden
	}
	hid, err := fwd(b)
	if err != nil {
		return nil, nil, nil, err
	}
	C := m.Config.Hidden
	out := make([]float64, len(idx))
	last := make([]int, len(idx))
	for r, k := range idx {
		last[r] = starts[r] + len(seqs[k].ids) - 1
		h := hid[last[r]*C:][:C]
		var s float64
		for i, v := range h {
			s += float64(v) * float64(w[i])
		}
		out[r] = s
	}
	return out, hid, last, nil
}

func (t *trainer) rewardStep(micro [][][]int) (stepResult, error) {
	var res stepResult
	P := 0
	for _, mb := range micro {
		P += len(mb)
	}
	C := t.m.Config.Hidden
	var correct float64
	var gap float64
	for _, mb := range micro {
		idx := make([]int, 0, 2*len(mb))
		for _, u := range mb {
			idx = append(idx, 2*u[0], 2*u[0]+1)
		}
		s, hid, last, err := scores(t.m, t.head.w, t.seqs, idx, t.cfg.SequenceLen, true)
		if err != nil {
			return res, err
		}
		dh := make([]float32, len(hid))
		for j := 0; j < len(idx); j += 2 {
			d := s[j] - s[j+1]
			res.loss += softplus(-d) / float64(P)
			g := -sigmoid(-d) / float64(P) // dL/ds_chosen; dL/ds_rejected = −g
			if d > 0 {
				correct++
			}
			gap += d
			for side, ds := range [2]float64{g, -g} {
				r := j + side
				k := idx[r]
				res.tokens += len(t.seqs[k].ids)
				off := last[r] * C
				for i := range C {
					t.head.g[i] += float32(ds) * hid[off+i]
					dh[off+i] = float32(ds) * t.head.w[i]
				}
			}
		}
		if err := t.m.BackwardHidden(dh); err != nil {
			return res, err
		}
	}
	res.stats = map[string]float64{"accuracy": correct / float64(P), "margin": gap / float64(P)}
	return res, nil
}

func (t *trainer) rewardEval() (evalResult, error) {
	nPairs := len(t.valSeqs) / 2
	if t.cfg.EvalMaxBatches > 0 {
		nPairs = min(nPairs, t.cfg.EvalMaxBatches*t.cfg.MicroBatchSize)
	}
	var loss, correct, gap float64
	for k := 0; k < nPairs; k += t.cfg.MicroBatchSize {
		var idx []int
		for p := k; p < min(k+t.cfg.MicroBatchSize, nPairs); p++ {
			idx = append(idx, 2*p, 2*p+1)
		}
		s, _, _, err := scores(t.m, t.head.w, t.valSeqs, idx, t.cfg.SequenceLen, false)
		if err != nil {
			return evalResult{}, err
		}
		for j := 0; j < len(s); j += 2 {
			d := s[j] - s[j+1]
			loss += softplus(-d)
			gap += d
			if d > 0 {
				correct++
			}
		}
	}
	if nPairs == 0 {
		return evalResult{loss: math.NaN(), acc: math.NaN(), gap: math.NaN()}, nil
	}
	n := float64(nPairs)
	return evalResult{loss: loss / n, acc: correct / n, gap: gap / n}, nil
}

// ErrNoHead is returned by LoadRewardModel for a directory without a score
// head. Check with errors.Is.
var ErrNoHead = errors.New("not a reward model: no " + scoreFile)

// RewardModel scores replies. It is safe for concurrent use (calls are
// serialised).
type RewardModel struct {
	mu   sync.Mutex
	m    *model.Model
	tok  *tokenizer.Tokenizer
	tmpl *tokenizer.ChatTemplate
	w    []float32
}

// LoadRewardModel reads a reward model directory written by
// `tend train reward`: a Hugging Face model, its tokenizer with a chat
// template, and score.safetensors.
func LoadRewardModel(dir string) (*RewardModel, error) {
	m, err := model.Load(dir)
	if err != nil {
		return nil, err
	}
	tok, err := tokenizer.LoadDir(dir)
	if err != nil {
		return nil, err
	}
	if tok.ChatTemplate() == nil {
		return nil, fmt.Errorf("%w: %s has no chat template", ErrData, dir)
	}
	path := filepath.Join(dir, scoreFile)
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("%s: %w", dir, ErrNoHead)
	}
	w, err := loadScore(path, m.Config.Hidden)
	if err != nil {
		return nil, err
	}
	return &RewardModel{m: m, tok: tok, tmpl: tok.ChatTemplate(), w: w}, nil
}

// Score returns the reward of reply as the assistant's answer to msgs.
// Higher is better; only differences between replies to the same msgs are
// meaningful (the Bradley–Terry model fixes no zero).
func (r *RewardModel) Score(msgs []conv.Message, reply string) (float64, error) {
	s, err := r.Rank(msgs, []string{reply})
	if err != nil {
		return 0, err
	}
	return s[0], nil
}

// Rank scores several candidate replies to the same msgs.
func (r *RewardModel) Rank(msgs []conv.Message, replies []string) ([]float64, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	enc := newEncoder(r.tok, r.tmpl, r.m.Config.MaxPos, 0)
	seqs := make([]seq, len(replies))
	idx := make([]int, len(replies))
	for i, rep := range replies {
		s, err := enc.completion(msgs, []conv.Message{{Role: "assistant", Content: rep}})
		if err != nil {
			return nil, fmt.Errorf("reply %d: %w", i, err)
		}
		seqs[i], idx[i] = s, i
	}
	out := make([]float64, 0, len(replies))
	for k := 0; k < len(idx); k += 8 {
		s, _, _, err := scores(r.m, r.w, seqs, idx[k:min(k+8, len(idx))], 0, false)
		if err != nil {
			return nil, err
		}
		out = append(out, s...)
	}
	return out, nil
}
