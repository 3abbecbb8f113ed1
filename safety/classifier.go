// The classifier: logistic regression over hashed word unigrams and bigrams
// of normalised text, giving P(moderate-or-higher risk) for one message. It
// is a second opinion for phrasings the lexicon has not seen; the rules stay
// in charge. Weights ship embedded (classifier.bin) and are rebuilt by
// `go generate` from the training split of testdata/suite.jsonl.
package safety

//go:generate go run ./internal/trainclf -suite testdata/suite.jsonl -out classifier.bin

import (
	"bytes"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"sync"
)

//go:embed classifier.bin
var classifierBin []byte

// ErrBadClassifier marks a weights file that cannot be read. Check with
// errors.Is.
var ErrBadClassifier = errors.New("bad classifier weights")

const clfMagic = "TSCLF1\n"

// Classifier is a sparse logistic regression over hashed n-gram features.
type Classifier struct {
	Bits    uint32 // feature space is 2^Bits
	Bias    float64
	Weights map[uint32]float64
}

var defaultClf = sync.OnceValues(func() (*Classifier, error) { return ReadClassifier(bytes.NewReader(classifierBin)) })

// DefaultClassifier returns the embedded classifier.
func DefaultClassifier() (*Classifier, error) { return defaultClf() }

// features returns the hashed feature indexes of a token stream.
func (c *Classifier) features(toks []token, dst []uint32) []uint32 {
	mask := uint32(1)<<c.Bits - 1
	h := func(a, b string) uint32 {
		f := fnv.New32a()
		io.WriteString(f, a)
		if b != "" {
			f.Write([]byte{0})
			io.WriteString(f, b)
		}
		return f.Sum32() & mask
	}
	prev := "<s>"
	for _, t := range toks {
		dst = append(dst, h(t.w, ""), h(prev, t.w))
		prev = t.w
	}
	dst = append(dst, h(prev, "</s>"))
	return dst
}

// Prob returns P(risk) for a tokenised message.
func (c *Classifier) Prob(toks []token) float64 {
	var buf [64]uint32
	z := c.Bias
	for _, f := range c.features(toks, buf[:0]) {
		z += c.Weights[f]
	}
	return 1 / (1 + math.Exp(-z))
}

// ProbText returns P(risk) for a message.
func (c *Classifier) ProbText(text string) float64 { return c.Prob(tokenize(text)) }

// WriteTo writes the weights in tend's small binary format.
func (c *Classifier) WriteTo(w io.Writer) (int64, error) {
	var b bytes.Buffer
	b.WriteString(clfMagic)
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
	if _, err := io.ReadFull(r, magic); err != nil || string(magic) != clfMagic {
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
	if err := binary.Read(r, binary.LittleEndian, &n); err != nil || n > 1<<bits {
		return nil, fmt.Errorf("%w: bad weight count", ErrBadClassifier)
	}
	c := &Classifier{Bits: bits, Bias: float64(bias), Weights: make(map[uint32]float64, n)}
	for i := uint32(0); i < n; i++ {
		var k uint32
		var v float32
		if err := binary.Read(r, binary.LittleEndian, &k); err != nil {
			return nil, fmt.Errorf("%w: weight %d: %v", ErrBadClassifier, i, err)
		}
		if err := binary.Read(r, binary.LittleEndian, &v); err != nil {
			return nil, fmt.Errorf("%w: weight %d: %v", ErrBadClassifier, i, err)
		}
		c.Weights[k] = float64(v)
	}
	return c, nil
}

func sortU32(a []uint32) {
	// insertion sort is enough for a few thousand keys at generate time
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

// TrainExample is one labelled message for TrainClassifier.
type TrainExample struct {
	Text string
	Risk bool // moderate or higher
}

// TrainClassifier fits logistic regression with AdaGrad and L2
// regularisation. It is deterministic: examples are visited in a fixed
// pseudo-random order seeded by seed.
func TrainClassifier(ex []TrainExample, bits uint32, epochs int, l2 float64, seed uint64) *Classifier {
	c := &Classifier{Bits: bits, Weights: map[uint32]float64{}}
	feats := make([][]uint32, len(ex))
	for i, e := range ex {
		feats[i] = c.features(tokenize(e.Text), nil)
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
		for i := len(order) - 1; i > 0; i-- {
			rng ^= rng << 13
			rng ^= rng >> 7
			rng ^= rng << 17
			j := int(rng % uint64(i+1))
			order[i], order[j] = order[j], order[i]
		}
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
			for _, f := range feats[i] {
				w := c.Weights[f]
				gf := g + l2*w
				g2[f] += gf * gf
				c.Weights[f] = w - lr*gf/(math.Sqrt(g2[f])+1e-8)
			}
		}
	}
	return c
}
