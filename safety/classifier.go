// The classifiers: logistic regressions over hashed features of one
// normalised message (word unigrams and bigrams, character n-grams, and the
// concept features of classifier_concepts.go). Three heads ship embedded:
// P(moderate+) and P(high+) for the writer (classifier.bin,
// classifier_high.bin) and P(someone else at high+) (classifier_third.bin).
// They are a second opinion for phrasings the lexicon has not seen; the
// rules stay in charge (classifier_assess.go). Rebuilt by `go generate`
// (internal/trainclf; training data and cross-validation in docs/safety.md).
package safety

//go:generate go run ./internal/trainclf

import (
	"bytes"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"sync"
)

//go:embed classifier.bin
var classifierBin []byte

//go:embed classifier_high.bin
var classifierHighBin []byte

//go:embed classifier_third.bin
var classifierThirdBin []byte

// ErrBadClassifier marks a weights file that cannot be read. Check with
// errors.Is.
var ErrBadClassifier = errors.New("bad classifier weights")

const (
	clfMagic  = "TSCLF1\n" // word n-grams only
	clfMagic2 = "TSCLF2\n" // word and character n-grams
	clfMagic3 = "TSCLF3\n" // word, character and concept features (classifier_concepts.go)
)

// Classifier is a logistic regression over hashed n-gram features: word
// unigrams and bigrams and, when Chars is set, character 3- and 4-grams of
// each word (with word-boundary marks), which keep misspelt and run-together
// words ("suicde", "killmyself") close to their correct forms.
type Classifier struct {
	Bits  uint32 // feature space is 2^Bits
	Chars bool   // character n-grams are features too
	// Concepts adds word-class and rule read-out features
	// (classifier_concepts.go); it implies Chars.
	Concepts bool
	Bias     float64
	Weights  map[uint32]float64
	dense    []float32 // Weights as a dense table, built on first use
	once     sync.Once
}

var defaultClf = sync.OnceValues(func() (*Classifier, error) { return ReadClassifier(bytes.NewReader(classifierBin)) })
var defaultClfHigh = sync.OnceValues(func() (*Classifier, error) { return ReadClassifier(bytes.NewReader(classifierHighBin)) })
var defaultClfThird = sync.OnceValues(func() (*Classifier, error) { return ReadClassifier(bytes.NewReader(classifierThirdBin)) })

// DefaultClassifier returns the embedded classifier for P(moderate or
// higher).
func DefaultClassifier() (*Classifier, error) { return defaultClf() }

// DefaultHighClassifier returns the embedded classifier for P(high or
// imminent).
func DefaultHighClassifier() (*Classifier, error) { return defaultClfHigh() }

// DefaultThirdClassifier returns the embedded classifier for P(someone
// other than the writer is at high or imminent risk).
func DefaultThirdClassifier() (*Classifier, error) { return defaultClfThird() }

const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

func fnvStr(h uint32, s string) uint32 {
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= fnvPrime
	}
	return h
}

// features returns the hashed feature indexes of a token stream; hits are
// the rule hits of the same message (used only with Concepts).
func (c *Classifier) features(toks []token, hits []hit, dst []uint32) []uint32 {
	mask := uint32(1)<<c.Bits - 1
	if c.Concepts {
		dst = c.conceptFeatures(toks, hits, dst)
	}
	if !c.Chars {
		// version 1 features, kept so old weight files still read
		h := func(a, b string) uint32 {
			x := fnvStr(fnvOffset, a)
			if b != "" {
				x ^= 0
				x *= fnvPrime
				x = fnvStr(x, b)
			}
			return x & mask
		}
		prev := "<s>"
		for _, t := range toks {
			dst = append(dst, h(t.w, ""), h(prev, t.w))
			prev = t.w
		}
		return append(dst, h(prev, "</s>"))
	}
	prev := "<s>"
	for _, t := range toks {
		w := t.w
		dst = append(dst, fnvStr(fnvStr(fnvOffset, "w"), w)&mask)
		dst = append(dst, fnvStr(fnvStr(fnvStr(fnvOffset, "b"), prev), " "+w)&mask)
		prev = w
		if len(w) < 3 {
			continue
		}
		// character n-grams of "<w>"
		n := len(w) + 2
		at := func(i int) byte {
			switch i {
			case 0:
				return '<'
			case n - 1:
				return '>'
			}
			return w[i-1]
		}
		for g := 3; g <= 4; g++ {
			for i := 0; i+g <= n; i++ {
				x := uint32(fnvOffset) ^ uint32(g)
				x *= fnvPrime
				for j := i; j < i+g; j++ {
					x ^= uint32(at(j))
					x *= fnvPrime
				}
				dst = append(dst, x&mask)
			}
		}
	}
	return append(dst, fnvStr(fnvStr(fnvStr(fnvOffset, "b"), prev), " </s>")&mask)
}

func (c *Classifier) table() []float32 {
	c.once.Do(func() {
		c.dense = make([]float32, 1<<c.Bits)
		for k, v := range c.Weights {
			c.dense[k&(1<<c.Bits-1)] = float32(v)
		}
	})
	return c.dense
}

// prob returns P(risk) for a tokenised message and its rule hits.
func (c *Classifier) prob(toks []token, hits []hit) float64 {
	var buf [768]uint32
	return c.probFeats(c.features(toks, hits, buf[:0]))
}

// probFeats returns P(risk) for hashed features computed with c's settings.
func (c *Classifier) probFeats(feats []uint32) float64 {
	w := c.table()
	z := c.Bias
	for _, f := range feats {
		z += float64(w[f])
	}
	return 1 / (1 + math.Exp(-z))
}

// ProbText returns P(risk) for a message.
func (c *Classifier) ProbText(text string) float64 {
	toks := tokenize(text)
	var hits []hit
	if c.Concepts {
		hits = messageHits(toks)
	}
	return c.prob(toks, hits)
}

// WriteTo writes the weights in tend's small binary format.
func (c *Classifier) WriteTo(w io.Writer) (int64, error) {
	var b bytes.Buffer
	switch {
	case c.Concepts:
		b.WriteString(clfMagic3)
	case c.Chars:
		b.WriteString(clfMagic2)
	default:
		b.WriteString(clfMagic)
	}
	binary.Write(&b, binary.LittleEndian, c.Bits)
	binary.Write(&b, binary.LittleEndian, float32(c.Bias))
	keys := make([]uint32, 0, len(c.Weights))
	for k, v := range c.Weights {
		if math.Abs(v) >= 1e-4 {
			keys = append(keys, k)
		}
	}
	sortU32(keys)
	binary.Write(&b, binary.LittleEndian, uint32(len(keys)))
	for _, k := range keys {
		binary.Write(&b, binary.LittleEndian, k)
		binary.Write(&b, binary.LittleEndian, float32(c.Weights[k]))
	}
	n, err := w.Write(b.Bytes())
	return int64(n), err
}

// ReadClassifier reads weights written by WriteTo.
func ReadClassifier(r io.Reader) (*Classifier, error) {
	magic := make([]byte, len(clfMagic))
	if _, err := io.ReadFull(r, magic); err != nil || string(magic) != clfMagic && string(magic) != clfMagic2 && string(magic) != clfMagic3 {
		return nil, fmt.Errorf("%w: missing header", ErrBadClassifier)
	}
	var bits, n uint32
	var bias float32
	if err := binary.Read(r, binary.LittleEndian, &bits); err != nil || bits == 0 || bits > 24 {
		return nil, fmt.Errorf("%w: bad feature bits", ErrBadClassifier)
	}
	if err := binary.Read(r, binary.LittleEndian, &bias); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadClassifier, err)
	}
	if !finite(bias) {
		return nil, fmt.Errorf("%w: bias is not a finite number", ErrBadClassifier)
	}
	if err := binary.Read(r, binary.LittleEndian, &n); err != nil || n > 1<<bits {
		return nil, fmt.Errorf("%w: bad weight count", ErrBadClassifier)
	}
	v3 := string(magic) == clfMagic3
	c := &Classifier{Bits: bits, Chars: string(magic) == clfMagic2 || v3, Concepts: v3, Bias: float64(bias), Weights: make(map[uint32]float64, n)}
	for i := uint32(0); i < n; i++ {
		var k uint32
		var v float32
		if err := binary.Read(r, binary.LittleEndian, &k); err != nil {
			return nil, fmt.Errorf("%w: weight %d: %v", ErrBadClassifier, i, err)
		}
		if err := binary.Read(r, binary.LittleEndian, &v); err != nil {
			return nil, fmt.Errorf("%w: weight %d: %v", ErrBadClassifier, i, err)
		}
		if k >= 1<<bits || !finite(v) {
			return nil, fmt.Errorf("%w: weight %d: bad index or value", ErrBadClassifier, i)
		}
		c.Weights[k] = float64(v)
	}
	return c, nil
}

func finite(v float32) bool {
	f := float64(v)
	return !math.IsNaN(f) && !math.IsInf(f, 0) && math.Abs(f) < 1e6
}

func sortU32(a []uint32) { slices.Sort(a) }

// shuffle permutes order in place (Fisher–Yates) with a xorshift generator
// whose state is *rng, so training visits examples in the same
// pseudo-random order for the same seed on every machine.
func shuffle(order []int, rng *uint64) {
	for i := len(order) - 1; i > 0; i-- {
		*rng ^= *rng << 13
		*rng ^= *rng >> 7
		*rng ^= *rng << 17
		j := int(*rng % uint64(i+1))
		order[i], order[j] = order[j], order[i]
	}
}

// TrainExample is one labelled message for TrainClassifier.
type TrainExample struct {
	Text string
	Risk bool // moderate or higher
}

// TrainOptions configures TrainClassifier.
type TrainOptions struct {
	Bits     uint32 // feature space is 2^Bits
	Chars    bool   // character n-grams
	Concepts bool   // word-class and rule read-out features (implies Chars)
	Epochs   int
	L2       float64
	// ConceptL2 is the L2 strength for the concept features; zero means
	// L2. A weaker penalty there than on words lets the model lean on
	// features that carry over to unseen wording.
	ConceptL2 float64
	Seed      uint64 // order in which examples are visited
}

// TrainClassifier fits logistic regression with AdaGrad and L2
// regularisation. It is deterministic: examples are visited in a fixed
// pseudo-random order seeded by o.Seed.
func TrainClassifier(ex []TrainExample, o TrainOptions) *Classifier {
	c := &Classifier{Bits: o.Bits, Chars: o.Chars || o.Concepts, Concepts: o.Concepts, Weights: map[uint32]float64{}}
	epochs, l2, seed := o.Epochs, o.L2, o.Seed
	l2c := o.ConceptL2
	if l2c == 0 {
		l2c = l2
	}
	feats := make([][]uint32, len(ex))
	nConcept := make([]int, len(ex)) // features() puts concept features first
	for i, e := range ex {
		toks := tokenize(e.Text)
		var hits []hit
		if c.Concepts {
			hits = messageHits(toks)
			nConcept[i] = len(c.conceptFeatures(toks, hits, nil))
		}
		feats[i] = c.features(toks, hits, nil)
	}
	g2 := map[uint32]float64{}
	var gb float64
	order := make([]int, len(ex))
	for i := range order {
		order[i] = i
	}
	rng := seed | 1
	const lr = 0.5
	for ep := 0; ep < epochs; ep++ {
		shuffle(order, &rng)
		for _, i := range order {
			z := c.Bias
			for _, f := range feats[i] {
				z += c.Weights[f]
			}
			p := 1 / (1 + math.Exp(-z))
			y := 0.0
			if ex[i].Risk {
				y = 1
			}
			g := p - y
			gb += g * g
			c.Bias -= lr * g / (math.Sqrt(gb) + 1e-8)
			for j, f := range feats[i] {
				w := c.Weights[f]
				reg := l2
				if j < nConcept[i] {
					reg = l2c
				}
				gf := g + reg*w
				g2[f] += gf * gf
				c.Weights[f] = w - lr*gf/(math.Sqrt(g2[f])+1e-8)
			}
		}
	}
	return c
}
