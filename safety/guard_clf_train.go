// Training the guard classifier (guard_clf.go): labelled replies become
// bags of sentences, because labels are per reply but the classifier
// decides per sentence. A sentence the rules already attribute a labelled
// rule to is a positive; when the rules found nothing, the reply is a bag
// whose positive sentence is not known (multiple-instance learning: the
// first passes share the label over its sentences, later passes give it to
// the sentence the model scores highest). Every sentence of a reply not
// labelled with a rule is a negative for that rule. Used by
// internal/trainguard.
package safety

import (
	"math"
	"math/rand/v2"
	"strings"

	"github.com/tend-project/tend/conv"
)

// GuardClfCase is one labelled reply for training.
type GuardClfCase struct {
	Source string
	Conv   *conv.Conversation // the conversation before the reply
	Reply  string
	Rules  []string // labelled violations (rules outside GuardClfRules are ignored)
	// Clean lists sentences known not to carry the labelled violations
	// (a seed pair's rejected reply shares them with the chosen one).
	Clean  []string
	Weight float32 // 0 means 1
}

// GuardClfBag is a prepared training or evaluation reply.
type GuardClfBag struct {
	Source    string
	Weight    float32
	Labels    [guardClfN]bool // labelled violations
	RuleFound [guardClfN]bool // the rules (alone) found the violation in the reply
	Sentences []string
	sents     [][]uint32
	ruleHit   [guardClfN][]bool // per sentence: the rules found the violation there
	cand      [guardClfN][]int  // labelled, not found by the rules: candidate sentences
}

// SplitGuardSentences splits a reply into the sentences a stream checks,
// with their byte offsets.
func SplitGuardSentences(reply string) (sents []string, starts []int) {
	rest, base := reply, 0
	for strings.TrimSpace(rest) != "" {
		end := completeSentenceEnd(rest)
		if end < 0 {
			end = len(rest)
		}
		sents, starts = append(sents, rest[:end]), append(starts, base)
		base += end
		rest = rest[end:]
	}
	return sents, starts
}

// PrepareGuardClf turns cases into bags with features for 2^bits rows.
// rulesOnly must be a guard with the classifier off: its verdicts say
// which sentences the rules already catch.
func PrepareGuardClf(rulesOnly *Guard, bits uint32, cases []GuardClfCase) []GuardClfBag {
	m := &GuardClassifier{Bits: bits}
	out := make([]GuardClfBag, 0, len(cases))
	for _, c := range cases {
		b := GuardClfBag{Source: c.Source, Weight: c.Weight}
		if b.Weight == 0 {
			b.Weight = 1
		}
		for _, r := range c.Rules {
			if i := clfIndex(r); i >= 0 {
				b.Labels[i] = true
			}
		}
		clean := map[string]bool{}
		for _, s := range c.Clean {
			clean[strings.TrimSpace(s)] = true
		}
		sents, starts := SplitGuardSentences(c.Reply)
		var keep []int // index into sents of each kept sentence
		for i, s := range sents {
			fs, words := m.sentenceFeatures(s, nil)
			if words < guardClfMinWords {
				continue
			}
			keep = append(keep, i)
			b.Sentences = append(b.Sentences, strings.TrimSpace(s))
			b.sents = append(b.sents, fs)
		}
		for r := range b.ruleHit {
			b.ruleHit[r] = make([]bool, len(keep))
		}
		v := rulesOnly.Check(c.Conv, c.Reply)
		for _, x := range v.Violations {
			r := clfIndex(x.Rule)
			if r < 0 {
				continue
			}
			b.RuleFound[r] = true
			for k, i := range keep {
				if x.Span.Start >= starts[i] && x.Span.Start < starts[i]+len(sents[i]) {
					b.ruleHit[r][k] = true
				}
			}
		}
		for r := range b.Labels {
			if !b.Labels[r] || b.RuleFound[r] {
				continue
			}
			for k, s := range b.Sentences {
				if !clean[s] {
					b.cand[r] = append(b.cand[r], k)
				}
			}
		}
		out = append(out, b)
	}
	return out
}

func clfIndex(rule string) int {
	for i, r := range GuardClfRules {
		if r == rule {
			return i
		}
	}
	return -1
}

// GuardClfTrainOptions are the training settings.
type GuardClfTrainOptions struct {
	Bits   uint32
	Epochs int     // passes; the first two share bag labels over candidates
	Rate   float64 // AdaGrad learning rate
	L2     float64
	Seed   uint64
	// PosWeight caps the class-balance weight of a positive.
	PosWeight float64
}

// TrainGuardClassifier fits the per-rule logistic regressions on bags
// (prepared with the same Bits) and quantizes them for scoring.
// Thresholds are left off; the caller chooses them.
func TrainGuardClassifier(bags []GuardClfBag, opt GuardClfTrainOptions) *GuardClassifier {
	m := NewGuardClassifier(opt.Bits)
	g2 := make([]float32, len(m.W))
	var gb [guardClfN]float64
	// Class balance: positives weigh up to a third of the negatives, at
	// most PosWeight times a negative.
	var pos, neg [guardClfN]float64
	for i := range bags {
		b := &bags[i]
		for r := range b.Labels {
			if b.Labels[r] {
				pos[r] += float64(b.Weight)
			} else {
				neg[r] += float64(b.Weight) * float64(len(b.sents))
			}
		}
	}
	var posW [guardClfN]float64
	for r := range posW {
		posW[r] = 1
		if pos[r] > 0 {
			posW[r] = max(1, min(opt.PosWeight, neg[r]/pos[r]/3))
		}
	}
	rng := rand.New(rand.NewPCG(opt.Seed, 7))
	order := make([]int, len(bags))
	for i := range order {
		order[i] = i
	}
	var zs [][guardClfN]float32
	for ep := 0; ep < opt.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, bi := range order {
			b := &bags[bi]
			if len(b.sents) == 0 {
				continue
			}
			zs = zs[:0]
			for _, fs := range b.sents {
				zs = append(zs, m.logitsW(fs))
			}
			for k, fs := range b.sents {
				var grad [guardClfN]float64
				any := false
				for r := range grad {
					y, w := 0.0, float64(b.Weight)
					switch {
					case !b.Labels[r]:
					case b.ruleHit[r][k]:
						y, w = 1, w*posW[r]
					case len(b.cand[r]) > 0 && containsInt(b.cand[r], k):
						y, w = 1, w*posW[r]
						if ep < 2 {
							w /= float64(len(b.cand[r]))
						} else if argmaxAt(zs, b.cand[r], r) != k {
							continue
						}
					default:
						continue // another sentence of a positive reply: unknown
					}
					p := 1 / (1 + math.Exp(-float64(zs[k][r])))
					grad[r] = (p - y) * w
					any = true
				}
				if !any {
					continue
				}
				upd := func(f uint32) {
					row := m.W[int(f)*guardClfN : int(f)*guardClfN+guardClfN]
					acc := g2[int(f)*guardClfN : int(f)*guardClfN+guardClfN]
					for r, gr := range grad {
						if gr == 0 {
							continue
						}
						gr += opt.L2 * float64(row[r])
						acc[r] += float32(gr * gr)
						row[r] -= float32(opt.Rate * gr / math.Sqrt(float64(acc[r])+1e-8))
					}
				}
				for _, f := range fs {
					upd(f)
				}
				for r, gr := range grad {
					gb[r] += gr * gr
					m.Bias[r] -= float32(opt.Rate * gr / math.Sqrt(gb[r]+1e-8))
				}
			}
		}
	}
	m.Quantize()
	return m
}

func containsInt(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

func argmaxAt(zs [][guardClfN]float32, idx []int, r int) int {
	best := idx[0]
	for _, i := range idx[1:] {
		if zs[i][r] > zs[best][r] {
			best = i
		}
	}
	return best
}

// MaxScores returns, per rule, the highest probability the classifier
// (its int8 table, as at run time) gives any sentence of the bag in which the rules did not already find
// that rule (0 when there is none).
func (m *GuardClassifier) MaxScores(b *GuardClfBag) [guardClfN]float32 {
	var out [guardClfN]float32
	for k, fs := range b.sents {
		z := m.logits(fs)
		for r := range z {
			if b.ruleHit[r][k] {
				continue
			}
			if p := float32(1 / (1 + math.Exp(-float64(z[r])))); p > out[r] {
				out[r] = p
			}
		}
	}
	return out
}
