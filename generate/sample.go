// Sampling the next token from a logits vector: repetition penalty, then
// temperature, then the top-k, top-p (nucleus) and min-p filters, then a
// draw from a seeded generator. Temperature 0 is greedy decoding.
package generate

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
)

// Options control one generation.
type Options struct {
	MaxNewTokens int     // default 256
	Temperature  float64 // 0 means greedy
	TopK         int     // 0 disables
	TopP         float64 // 0 or 1 disables
	MinP         float64 // 0 disables
	// RepetitionPenalty > 1 discourages tokens already in the context
	// (the CTRL / Hugging Face definition); 0 or 1 disables.
	RepetitionPenalty float64
	Seed              uint64
	StopStrings       []string
	// StopTokens end generation when sampled; the tokenizer's end-of-turn
	// tokens are added automatically.
	StopTokens []int
}

// ErrOptions marks invalid Options. Check with errors.Is.
var ErrOptions = errors.New("invalid generation options")

// Validate reports the first invalid field.
func (o *Options) Validate() error {
	switch {
	case o.MaxNewTokens < 0:
		return fmt.Errorf("%w: max_new_tokens %d is negative", ErrOptions, o.MaxNewTokens)
	case o.Temperature < 0 || math.IsNaN(o.Temperature):
		return fmt.Errorf("%w: temperature %g is negative", ErrOptions, o.Temperature)
	case o.TopK < 0:
		return fmt.Errorf("%w: top_k %d is negative", ErrOptions, o.TopK)
	case o.TopP < 0 || o.TopP > 1 || math.IsNaN(o.TopP):
		return fmt.Errorf("%w: top_p %g is outside [0, 1]", ErrOptions, o.TopP)
	case o.MinP < 0 || o.MinP >= 1 || math.IsNaN(o.MinP):
		return fmt.Errorf("%w: min_p %g is outside [0, 1)", ErrOptions, o.MinP)
	case o.RepetitionPenalty < 0 || math.IsNaN(o.RepetitionPenalty):
		return fmt.Errorf("%w: repetition_penalty %g is negative", ErrOptions, o.RepetitionPenalty)
	}
	for i, s := range o.StopStrings {
		if s == "" {
			return fmt.Errorf("%w: stop string %d is empty", ErrOptions, i)
		}
	}
	return nil
}

// sampler holds the per-generation state of the sampling step.
type sampler struct {
	opt   Options
	rng   *rand.Rand
	probs []float64
	idx   []int
	seen  map[int]bool
}

func newSampler(opt Options, vocab int) *sampler {
	return &sampler{
		opt: opt, rng: rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x9e3779b97f4a7c15)),
		probs: make([]float64, vocab), idx: make([]int, 0, vocab), seen: map[int]bool{},
	}
}

// observe records a context token for the repetition penalty.
func (s *sampler) observe(id int) { s.seen[id] = true }

// sample picks the next token. logits is modified in place.
func (s *sampler) sample(logits []float32) int {
	if p := s.opt.RepetitionPenalty; p > 0 && p != 1 {
		for id := range s.seen {
			if id < len(logits) {
				if logits[id] > 0 {
					logits[id] /= float32(p)
				} else {
					logits[id] *= float32(p)
				}
			}
		}
	}
	if s.opt.Temperature == 0 {
		return argmax(logits)
	}
	// Softmax at temperature, in float64 for stable tails.
	inv := 1 / s.opt.Temperature
	maxL := float64(logits[argmax(logits)])
	sum := 0.0
	for i, l := range logits {
		e := math.Exp((float64(l) - maxL) * inv)
		s.probs[i] = e
		sum += e
	}
	for i := range s.probs {
		s.probs[i] /= sum
	}
	// Plain temperature sampling needs no ordering at all.
	if s.opt.TopK <= 0 && (s.opt.TopP <= 0 || s.opt.TopP >= 1) && s.opt.MinP <= 0 {
		return s.draw(s.allIndexes())
	}
	cand := s.sortedCandidates()
	if k := s.opt.TopK; k > 0 && k < len(cand) {
		cand = cand[:k]
	}
	if p := s.opt.MinP; p > 0 {
		floor := p * s.probs[cand[0]]
		n := 1
		for n < len(cand) && s.probs[cand[n]] >= floor {
			n++
		}
		cand = cand[:n]
	}
	if p := s.opt.TopP; p > 0 && p < 1 {
		acc, n := 0.0, 0
		for n < len(cand) {
			acc += s.probs[cand[n]]
			n++
			if acc >= p {
				break
			}
		}
		cand = cand[:n]
	}
	return s.draw(cand)
}

func (s *sampler) allIndexes() []int {
	s.idx = s.idx[:0]
	for i := range s.probs {
		s.idx = append(s.idx, i)
	}
	return s.idx
}

// sortedCandidates returns, most likely first, every token that any of the
// filters could keep. Sorting a 50k vocabulary for every token is slow, so
// it sorts only tokens above a cut-off, lowering the cut-off until the kept
// set is provably large enough: at least TopK tokens, and (for top-p) at
// least TopP of the probability mass. min-p never keeps a token below its
// own floor, which is above the first cut-off tried when it is set.
func (s *sampler) sortedCandidates() []int {
	maxP := 0.0
	for _, p := range s.probs {
		maxP = max(maxP, p)
	}
	needMass := 0.0
	if p := s.opt.TopP; p > 0 && p < 1 {
		needMass = p
	}
	cut := maxP * 1e-3
	if s.opt.MinP > 0 {
		cut = min(cut, s.opt.MinP*maxP)
	}
	for {
		s.idx = s.idx[:0]
		mass := 0.0
		for i, p := range s.probs {
			if p >= cut {
				s.idx = append(s.idx, i)
				mass += p
			}
		}
		enoughK := s.opt.TopK <= 0 || len(s.idx) >= s.opt.TopK
		if (enoughK && mass >= needMass) || cut == 0 {
			break
		}
		cut /= 1e3
		if cut < 1e-300 {
			cut = 0
		}
	}
	slices.SortFunc(s.idx, func(a, b int) int {
		switch {
		case s.probs[a] > s.probs[b]:
			return -1
		case s.probs[a] < s.probs[b]:
			return 1
		}
		return a - b
	})
	return s.idx
}

// draw samples from cand in proportion to their probabilities.
func (s *sampler) draw(cand []int) int {
	total := 0.0
	for _, i := range cand {
		total += s.probs[i]
	}
	r := s.rng.Float64() * total
	for _, i := range cand {
		r -= s.probs[i]
		if r <= 0 {
			return i
		}
	}
	return cand[len(cand)-1]
}

func argmax(x []float32) int {
	best := 0
	for i, v := range x {
		if v > x[best] {
			best = i
		}
	}
	return best
}
