// The empathy scorer: EPITOME's three mechanisms (Sharma et al., 2020) —
// emotional reactions, interpretations and explorations, each 0 (none),
// 1 (weak) or 2 (strong) — scored by one multinomial logistic regression
// per mechanism over word uni- and bigrams of the reply. The models are
// trained on replies written and labelled for tend (testdata/epitome) and
// their weights are embedded (empathy_model.json); `go test -run
// TestEmpathyModel -update` retrains and rewrites them.
package eval

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"

	"github.com/tend-project/tend/conv"
)

// Mechanisms names EPITOME's mechanisms in the order the scorer keeps them.
var Mechanisms = [3]string{"emotional_reactions", "interpretations", "explorations"}

// EmpathyExample is one labelled reply (a line of testdata/epitome/*.jsonl).
type EmpathyExample struct {
	ID       string `json:"id"`
	Response string `json:"response"`
	conv.Empathy
}

func (e EmpathyExample) label(m int) int {
	return [3]int{e.EmotionalReactions, e.Interpretations, e.Explorations}[m]
}

// EmpathyScorer holds the three classifiers.
type EmpathyScorer struct {
	Vocab []string `json:"vocab"`
	// W[m][k] are class k's weights for mechanism m, one per vocab entry;
	// B[m][k] the bias.
	W     [3][3][]float64 `json:"w"`
	B     [3][3]float64   `json:"b"`
	index map[string]int
}

//go:embed empathy_model.json
var empathyModelJSON []byte

//go:embed testdata/epitome/heldout.jsonl
var empathyHeldOut []byte

// HeldOutAccuracy scores s on the bundled held-out labelled replies.
func HeldOutAccuracy(s *EmpathyScorer) (EmpathyAccuracy, error) {
	ex, err := ReadEmpathyExamples(bytes.NewReader(empathyHeldOut), "testdata/epitome/heldout.jsonl")
	if err != nil {
		return EmpathyAccuracy{}, err
	}
	return EvaluateEmpathy(s, ex), nil
}

// DefaultEmpathy returns the embedded scorer.
func DefaultEmpathy() (*EmpathyScorer, error) {
	var s EmpathyScorer
	if err := json.Unmarshal(empathyModelJSON, &s); err != nil {
		return nil, fmt.Errorf("eval: embedded empathy model: %w", err)
	}
	s.buildIndex()
	for m := range 3 {
		for k := range 3 {
			if len(s.W[m][k]) != len(s.Vocab) {
				return nil, fmt.Errorf("eval: embedded empathy model: %s class %d has %d weights for %d features", Mechanisms[m], k, len(s.W[m][k]), len(s.Vocab))
			}
		}
	}
	return &s, nil
}

func (s *EmpathyScorer) buildIndex() {
	s.index = make(map[string]int, len(s.Vocab))
	for i, v := range s.Vocab {
		s.index[v] = i
	}
}

// features returns the reply's distinct n-grams as unigrams and bigrams
// (with sentence-start markers, so "how are" at the start differs from
// mid-reply), deduplicated.
func features(text string) []string {
	words := Words(text)
	seen := map[string]bool{}
	var out []string
	add := func(f string) {
		if !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	for _, w := range words {
		add(w)
	}
	for _, g := range ngrams(append([]string{"<s>"}, words...), 2) {
		add(g)
	}
	if strings.Contains(text, "?") {
		add("<question>")
	}
	return out
}

// vector maps text to active feature indexes; every feature has value
// 1/sqrt(#active), so long replies do not get larger logits by length.
func (s *EmpathyScorer) vector(text string) ([]int, float64) {
	var idx []int
	for _, f := range features(text) {
		if i, ok := s.index[f]; ok {
			idx = append(idx, i)
		}
	}
	if len(idx) == 0 {
		return nil, 0
	}
	return idx, 1 / math.Sqrt(float64(len(idx)))
}

// Probs returns P(level | reply) for each mechanism.
func (s *EmpathyScorer) Probs(reply string) [3][3]float64 {
	idx, v := s.vector(reply)
	var out [3][3]float64
	for m := range 3 {
		out[m] = s.probs(m, idx, v)
	}
	return out
}

func (s *EmpathyScorer) probs(m int, idx []int, v float64) [3]float64 {
	var z [3]float64
	for k := range 3 {
		z[k] = s.B[m][k]
		for _, i := range idx {
			z[k] += s.W[m][k][i] * v
		}
	}
	mx := math.Max(z[0], math.Max(z[1], z[2]))
	var sum float64
	for k := range 3 {
		z[k] = math.Exp(z[k] - mx)
		sum += z[k]
	}
	for k := range 3 {
		z[k] /= sum
	}
	return z
}

// Score returns the most likely level of each mechanism.
func (s *EmpathyScorer) Score(reply string) conv.Empathy {
	p := s.Probs(reply)
	var lv [3]int
	for m := range 3 {
		for k := 1; k < 3; k++ {
			if p[m][k] > p[m][lv[m]] {
				lv[m] = k
			}
		}
	}
	return conv.Empathy{EmotionalReactions: lv[0], Interpretations: lv[1], Explorations: lv[2]}
}

// EmpathyTotal is the sum of the three levels, 0–6.
func EmpathyTotal(e conv.Empathy) int {
	return e.EmotionalReactions + e.Interpretations + e.Explorations
}

// TrainOptions control TrainEmpathy.
type TrainOptions struct {
	MinDocFreq int     // features seen in fewer training replies are dropped (default 2)
	Epochs     int     // full-batch gradient steps (default 400)
	LR         float64 // step size (default 2)
	L2         float64 // weight decay (default 1e-3)
}

// TrainEmpathy fits the three classifiers by full-batch gradient descent
// on the softmax cross-entropy with L2. It is deterministic.
func TrainEmpathy(ex []EmpathyExample, opt TrainOptions) (*EmpathyScorer, error) {
	if opt.MinDocFreq == 0 {
		opt.MinDocFreq = 2
	}
	if opt.Epochs == 0 {
		opt.Epochs = 400
	}
	if opt.LR == 0 {
		opt.LR = 2
	}
	if opt.L2 == 0 {
		opt.L2 = 1e-3
	}
	if len(ex) == 0 {
		return nil, fmt.Errorf("eval: no empathy training examples")
	}
	df := map[string]int{}
	for _, e := range ex {
		for _, f := range features(e.Response) {
			df[f]++
		}
	}
	s := &EmpathyScorer{}
	for f, n := range df {
		if n >= opt.MinDocFreq {
			s.Vocab = append(s.Vocab, f)
		}
	}
	sort.Strings(s.Vocab)
	s.buildIndex()
	nf := len(s.Vocab)
	type row struct {
		idx []int
		v   float64
	}
	rows := make([]row, len(ex))
	for i, e := range ex {
		rows[i].idx, rows[i].v = s.vector(e.Response)
	}
	for m := range 3 {
		for k := range 3 {
			s.W[m][k] = make([]float64, nf)
		}
		for _, e := range ex {
			if l := e.label(m); l < 0 || l > 2 {
				return nil, fmt.Errorf("eval: example %s: %s = %d is outside 0–2", e.ID, Mechanisms[m], l)
			}
		}
		grad := [3][]float64{make([]float64, nf), make([]float64, nf), make([]float64, nf)}
		for range opt.Epochs {
			var gb [3]float64
			for k := range 3 {
				clear(grad[k])
			}
			for i, e := range ex {
				p := s.probs(m, rows[i].idx, rows[i].v)
				for k := range 3 {
					d := p[k]
					if k == e.label(m) {
						d--
					}
					gb[k] += d
					for _, j := range rows[i].idx {
						grad[k][j] += d * rows[i].v
					}
				}
			}
			inv := 1 / float64(len(ex))
			for k := range 3 {
				s.B[m][k] -= opt.LR * gb[k] * inv
				w := s.W[m][k]
				for j := range w {
					w[j] -= opt.LR * (grad[k][j]*inv + opt.L2*w[j])
				}
			}
		}
	}
	return s, nil
}

// EmpathyAccuracy is the scorer's agreement with labels per mechanism.
type EmpathyAccuracy struct {
	N        int        `json:"n"`
	Accuracy [3]float64 `json:"accuracy"` // exact level match
	// Within1 counts predictions at most one level off.
	Within1 [3]float64 `json:"within1"`
	// Confusion[m][label][predicted].
	Confusion [3][3][3]int `json:"confusion"`
}

// EvaluateEmpathy scores every example and compares with its labels.
func EvaluateEmpathy(s *EmpathyScorer, ex []EmpathyExample) EmpathyAccuracy {
	a := EmpathyAccuracy{N: len(ex)}
	for _, e := range ex {
		got := s.Score(e.Response)
		g := [3]int{got.EmotionalReactions, got.Interpretations, got.Explorations}
		for m := range 3 {
			a.Confusion[m][e.label(m)][g[m]]++
			if g[m] == e.label(m) {
				a.Accuracy[m]++
			}
			if d := g[m] - e.label(m); d >= -1 && d <= 1 {
				a.Within1[m]++
			}
		}
	}
	for m := range 3 {
		if a.N > 0 {
			a.Accuracy[m] /= float64(a.N)
			a.Within1[m] /= float64(a.N)
		}
	}
	return a
}

// ReadEmpathyExamples reads labelled replies from JSONL.
func ReadEmpathyExamples(r io.Reader, file string) ([]EmpathyExample, error) {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	var out []EmpathyExample
	for i := 1; ; i++ {
		var e EmpathyExample
		err := dec.Decode(&e)
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: record %d: %w", file, i, err)
		}
		if strings.TrimSpace(e.Response) == "" {
			return nil, fmt.Errorf("%s: record %d (%s): response: empty", file, i, e.ID)
		}
		for m := range 3 {
			if l := e.label(m); l < 0 || l > 2 {
				return nil, fmt.Errorf("%s: record %d (%s): %s = %d is outside 0–2", file, i, e.ID, Mechanisms[m], l)
			}
		}
		out = append(out, e)
	}
}
