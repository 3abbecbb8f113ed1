// Linear text classifiers for the filters and the annotator: logistic
// regression over hashed word n-grams, trained by seeded SGD so the same
// examples always give the same weights. Two heads share the code: softmax
// (one label of k, e.g. severity or ESConv strategy) and independent
// sigmoids (any subset of k, e.g. concerns or emotions). Confidences are
// calibrated by a single temperature fitted on a validation part, and
// expected calibration error (ECE) is measured the usual way: ten equal-width
// confidence bins, |accuracy − confidence| weighted by bin size.
package data

import (
	"math"
	"math/rand/v2"
	"strings"
	"unicode"
)

// featBits sizes the hashed feature space; each model folds it further
// into its own number of buckets.
const featBits = 18

// textWords lowercases text and splits it into word tokens (letters, digits
// and inner apostrophes; curly apostrophes are folded to straight ones).
func textWords(text string, dst []string) []string {
	start := -1
	lower := strings.ToLower(strings.ReplaceAll(text, "’", "'"))
	for i, r := range lower {
		word := unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' && start >= 0
		if word && start < 0 {
			start = i
		} else if !word && start >= 0 {
			dst = append(dst, strings.TrimRight(lower[start:i], "'"))
			start = -1
		}
	}
	if start >= 0 {
		dst = append(dst, strings.TrimRight(lower[start:], "'"))
	}
	return dst
}

// fnv32 hashes a namespace byte and up to three words with FNV-1a.
func fnv32(ns byte, a, b, c string) uint32 {
	h := uint32(2166136261)
	mix := func(s string) {
		for i := 0; i < len(s); i++ {
			h ^= uint32(s[i])
			h *= 16777619
		}
		h ^= 0xff
		h *= 16777619
	}
	h ^= uint32(ns)
	h *= 16777619
	mix(a)
	mix(b)
	mix(c)
	return h & (1<<featBits - 1)
}

// ngrams appends the hashed unigrams, bigrams and (when tri is set)
// trigrams of words, in namespace ns, to dst.
func ngrams(ns byte, words []string, tri bool, dst []uint32) []uint32 {
	prev, prev2 := "<s>", ""
	for _, w := range words {
		dst = append(dst, fnv32(ns, w, "", ""), fnv32(ns, prev, w, ""))
		if tri && prev2 != "" {
			dst = append(dst, fnv32(ns, prev2, prev, w))
		}
		prev2, prev = prev, w
	}
	return append(dst, fnv32(ns, prev, "</s>", ""))
}

// linear is a k-class linear model over hashed features. Weights are
// stored feature-major (w[f*k+j]) so one example touches k adjacent floats
// per feature.
type linear struct {
	k     int
	mask  uint32 // features are folded into 2^bits buckets
	multi bool   // independent sigmoids; otherwise softmax
	w     []float32
	b     []float64
	temp  float64 // calibration temperature; logits are divided by it
}

func newLinear(k int, bits uint, multi bool) *linear {
	return &linear{k: k, mask: 1<<bits - 1, multi: multi, w: make([]float32, k<<bits), b: make([]float64, k), temp: 1}
}

// scale is the value of each active feature: 1/sqrt(n) keeps long and
// short texts on the same footing.
func scale(n int) float64 {
	if n == 0 {
		return 0
	}
	return 1 / math.Sqrt(float64(n))
}

// logits writes the raw (uncalibrated) scores into out.
func (m *linear) logits(x []uint32, out []float64) {
	copy(out, m.b)
	s := scale(len(x))
	for _, f := range x {
		f &= m.mask
		row := m.w[int(f)*m.k : int(f)*m.k+m.k]
		for j, v := range row {
			out[j] += s * float64(v)
		}
	}
}

// probs writes calibrated probabilities into out: a softmax over the
// classes, or one sigmoid per class for multi-label heads.
func (m *linear) probs(x []uint32, out []float64) {
	m.logits(x, out)
	toProbs(out, m.temp, m.multi)
}

func toProbs(z []float64, temp float64, multi bool) {
	if multi {
		for j := range z {
			z[j] = sigmoid(z[j] / temp)
		}
		return
	}
	mx := math.Inf(-1)
	for _, v := range z {
		mx = max(mx, v/temp)
	}
	sum := 0.0
	for j, v := range z {
		z[j] = math.Exp(v/temp - mx)
		sum += z[j]
	}
	for j := range z {
		z[j] /= sum
	}
}

func sigmoid(x float64) float64 { return 1 / (1 + math.Exp(-x)) }

// example is one training row: features and either a class (softmax) or a
// set of classes (multi-label).
type example struct {
	x     []uint32
	class int
	set   []bool
}

// trainOpts are the SGD settings. Defaults suit a few thousand examples.
type trainOpts struct {
	epochs int
	lr     float64
	l2     float64 // per-step shrink of the touched weights
	seed   uint64
	// posWeight scales the gradient of positive labels in multi-label
	// heads (rare labels need more than an equal share); 0 means 1.
	posWeight float64
}

// train fits m to ex with shuffled SGD. The shuffle is drawn from a PCG
// seeded by o.seed, so training is deterministic.
func (m *linear) train(ex []example, o trainOpts) {
	r := rand.New(rand.NewPCG(o.seed, 0x7e4d))
	order := make([]int, len(ex))
	for i := range order {
		order[i] = i
	}
	z := make([]float64, m.k)
	g := make([]float64, m.k)
	pw := o.posWeight
	if pw == 0 {
		pw = 1
	}
	step := 0
	for ep := 0; ep < o.epochs; ep++ {
		r.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			e := &ex[i]
			lr := o.lr / (1 + 0.5*float64(step)/float64(len(ex)))
			step++
			m.logits(e.x, z)
			toProbs(z, 1, m.multi)
			for j := range g {
				y := 0.0
				w := 1.0
				if m.multi {
					if e.set[j] {
						y, w = 1, pw
					}
				} else if j == e.class {
					y = 1
				}
				g[j] = w * (z[j] - y)
				m.b[j] -= lr * g[j]
			}
			s := scale(len(e.x))
			shrink := float32(1 - lr*o.l2)
			for _, f := range e.x {
				f &= m.mask
				row := m.w[int(f)*m.k : int(f)*m.k+m.k]
				for j := range row {
					row[j] = row[j]*shrink - float32(lr*s*g[j])
				}
			}
		}
	}
}

// fitTemperature picks the temperature that minimises the negative log
// likelihood of the validation examples (a grid from 1 to 5, then a finer
// pass around the best), and stores it in m. It never sharpens (T < 1):
// on a nearly separable validation set such as the seed corpus's, NLL
// keeps falling as T goes to 0, and a model sharpened that way is
// overconfident on any text unlike its training data.
func (m *linear) fitTemperature(val []example) float64 {
	if len(val) == 0 {
		return m.temp
	}
	raw := make([][]float64, len(val))
	for i := range val {
		raw[i] = make([]float64, m.k)
		m.logits(val[i].x, raw[i])
	}
	z := make([]float64, m.k)
	nll := func(t float64) float64 {
		s := 0.0
		for i, e := range val {
			copy(z, raw[i])
			toProbs(z, t, m.multi)
			if m.multi {
				for j, p := range z {
					if !e.set[j] {
						p = 1 - p
					}
					s -= math.Log(max(p, 1e-12))
				}
			} else {
				s -= math.Log(max(z[e.class], 1e-12))
			}
		}
		return s
	}
	best, bestT := math.Inf(1), 1.0
	for t := 1.0; t <= 5; t += 0.25 {
		if v := nll(t); v < best {
			best, bestT = v, t
		}
	}
	for t := max(1, bestT-0.25); t <= bestT+0.25; t += 0.025 {
		if v := nll(t); v < best {
			best, bestT = v, t
		}
	}
	m.temp = bestT
	return bestT
}

// calibration accumulates (confidence, correct) pairs for ECE.
type calibration struct {
	n    [10]int
	conf [10]float64
	acc  [10]float64
}

func (c *calibration) add(conf float64, correct bool) {
	b := min(int(conf*10), 9)
	c.n[b]++
	c.conf[b] += conf
	if correct {
		c.acc[b]++
	}
}

// ECE is the expected calibration error over ten equal-width bins.
func (c *calibration) ECE() float64 {
	total := 0
	for _, n := range c.n {
		total += n
	}
	if total == 0 {
		return 0
	}
	e := 0.0
	for b, n := range c.n {
		if n > 0 {
			e += float64(n) / float64(total) * math.Abs(c.acc[b]/float64(n)-c.conf[b]/float64(n))
		}
	}
	return e
}
