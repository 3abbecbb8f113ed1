// The category head: one-vs-rest logistic regressions, one per category,
// over the same hashed features as the risk heads (words, character
// n-grams, word classes and the rules' read-out). Assess uses it where the
// rules name no category (a message only the classifiers raised) and, when
// it is confident, to add a category the rules missed ("took the whole box
// and now I can't stop shaking" is suicidal ideation *and* a medical
// emergency). It replaces a word list that guessed from topic words.
// Weights ship embedded (classifier_category.bin, format TSCAT1), trained
// by internal/trainclf; its figures are in docs/safety.md.
package safety

import (
	"bytes"
	_ "embed"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"slices"
	"sync"
)

//go:embed classifier_category.bin
var classifierCategoryBin []byte

// catMagic opens a category model file: the header, then the number of
// categories, then per category its name (uint16 length and bytes), bias
// and sparse weights.
const catMagic = "TSCAT1\n"

// CategoryModel scores each category for one message: P(category | the
// message is about risk). The features are those of a Classifier with
// Concepts set and the same Bits.
type CategoryModel struct {
	Bits    uint32
	Cats    []Category
	Bias    []float64
	Weights []map[uint32]float64 // one sparse weight map per category
	dense   []float32            // feature-major: dense[f*len(Cats)+k]
	once    sync.Once
}

var defaultCatModel = sync.OnceValues(func() (*CategoryModel, error) {
	return ReadCategoryModel(bytes.NewReader(classifierCategoryBin))
})

// DefaultCategoryModel returns the embedded category head.
func DefaultCategoryModel() (*CategoryModel, error) { return defaultCatModel() }

// featurizer is the risk-head feature function with this model's bits.
func (m *CategoryModel) featurizer() *Classifier {
	return &Classifier{Bits: m.Bits, Chars: true, Concepts: true}
}

// table lays the weights out feature-major, so one feature costs one
// cache line for every category.
func (m *CategoryModel) table() []float32 {
	m.once.Do(func() {
		n := len(m.Cats)
		m.dense = make([]float32, (1<<m.Bits)*n)
		for k, ws := range m.Weights {
			for f, v := range ws {
				m.dense[int(f&(1<<m.Bits-1))*n+k] = float32(v)
			}
		}
	})
	return m.dense
}

// probsFeats writes P(category) for hashed features feats into dst
// (len(m.Cats) long).
func (m *CategoryModel) probsFeats(feats []uint32, dst []float64) {
	n := len(m.Cats)
	w := m.table()
	copy(dst, m.Bias)
	for _, f := range feats {
		row := w[int(f)*n : int(f)*n+n]
		for k, v := range row {
			dst[k] += float64(v)
		}
	}
	for k := range dst[:n] {
		dst[k] = 1 / (1 + math.Exp(-dst[k]))
	}
}

// probs returns P(category) for a tokenised message and its rule hits.
func (m *CategoryModel) probs(toks []token, hits []hit) []float64 {
	var buf [768]uint32
	out := make([]float64, len(m.Cats))
	m.probsFeats(m.featurizer().features(toks, hits, buf[:0]), out)
	return out
}

// ProbsText returns P(category) for a message, by category.
func (m *CategoryModel) ProbsText(text string) map[Category]float64 {
	toks := tokenize(text)
	p := m.probs(toks, messageHits(toks))
	out := make(map[Category]float64, len(p))
	for k, c := range m.Cats {
		out[c] = p[k]
	}
	return out
}

// pick returns the categories whose probability reaches th, or the most
// probable one when none does.
func (m *CategoryModel) pick(p []float64, th float64) []Category {
	var out []Category
	best := 0
	for k := range p {
		if p[k] >= th {
			out = append(out, m.Cats[k])
		}
		if p[k] > p[best] {
			best = k
		}
	}
	if len(out) == 0 && len(p) > 0 {
		out = append(out, m.Cats[best])
	}
	return out
}

// WriteTo writes the model in the TSCAT1 format.
func (m *CategoryModel) WriteTo(w io.Writer) (int64, error) {
	var b bytes.Buffer
	b.WriteString(catMagic)
	binary.Write(&b, binary.LittleEndian, m.Bits)
	binary.Write(&b, binary.LittleEndian, uint32(len(m.Cats)))
	for k, c := range m.Cats {
		binary.Write(&b, binary.LittleEndian, uint16(len(c)))
		b.WriteString(string(c))
		binary.Write(&b, binary.LittleEndian, float32(m.Bias[k]))
		keys := make([]uint32, 0, len(m.Weights[k]))
		for f, v := range m.Weights[k] {
			if math.Abs(v) >= 1e-4 {
				keys = append(keys, f)
			}
		}
		slices.Sort(keys)
		binary.Write(&b, binary.LittleEndian, uint32(len(keys)))
		for _, f := range keys {
			binary.Write(&b, binary.LittleEndian, f)
			binary.Write(&b, binary.LittleEndian, float32(m.Weights[k][f]))
		}
	}
	n, err := w.Write(b.Bytes())
	return int64(n), err
}

// ReadCategoryModel reads a model written by WriteTo. Errors wrap
// ErrBadClassifier.
func ReadCategoryModel(r io.Reader) (*CategoryModel, error) {
	magic := make([]byte, len(catMagic))
	if _, err := io.ReadFull(r, magic); err != nil || string(magic) != catMagic {
		return nil, fmt.Errorf("%w: category model: missing header", ErrBadClassifier)
	}
	var bits, n uint32
	if err := binary.Read(r, binary.LittleEndian, &bits); err != nil || bits == 0 || bits > 24 {
		return nil, fmt.Errorf("%w: category model: bad feature bits", ErrBadClassifier)
	}
	if err := binary.Read(r, binary.LittleEndian, &n); err != nil || n == 0 || int(n) > len(Categories) {
		return nil, fmt.Errorf("%w: category model: bad category count", ErrBadClassifier)
	}
	m := &CategoryModel{Bits: bits}
	for k := uint32(0); k < n; k++ {
		var l uint16
		if err := binary.Read(r, binary.LittleEndian, &l); err != nil || l == 0 || l > 64 {
			return nil, fmt.Errorf("%w: category %d: bad name length", ErrBadClassifier, k)
		}
		name := make([]byte, l)
		if _, err := io.ReadFull(r, name); err != nil {
			return nil, fmt.Errorf("%w: category %d: %v", ErrBadClassifier, k, err)
		}
		c := Category(name)
		if !c.Valid() || slices.Contains(m.Cats, c) {
			return nil, fmt.Errorf("%w: category %d: unknown or repeated name %q", ErrBadClassifier, k, name)
		}
		var bias float32
		var nw uint32
		if err := binary.Read(r, binary.LittleEndian, &bias); err != nil || !finite(bias) {
			return nil, fmt.Errorf("%w: category %s: bad bias", ErrBadClassifier, c)
		}
		if err := binary.Read(r, binary.LittleEndian, &nw); err != nil || nw > 1<<bits {
			return nil, fmt.Errorf("%w: category %s: bad weight count", ErrBadClassifier, c)
		}
		ws := make(map[uint32]float64, nw)
		for i := uint32(0); i < nw; i++ {
			var f uint32
			var v float32
			if err := binary.Read(r, binary.LittleEndian, &f); err != nil {
				return nil, fmt.Errorf("%w: category %s: weight %d: %v", ErrBadClassifier, c, i, err)
			}
			if err := binary.Read(r, binary.LittleEndian, &v); err != nil {
				return nil, fmt.Errorf("%w: category %s: weight %d: %v", ErrBadClassifier, c, i, err)
			}
			if f >= 1<<bits || !finite(v) {
				return nil, fmt.Errorf("%w: category %s: weight %d: bad index or value", ErrBadClassifier, c, i)
			}
			ws[f] = float64(v)
		}
		m.Cats = append(m.Cats, c)
		m.Bias = append(m.Bias, float64(bias))
		m.Weights = append(m.Weights, ws)
	}
	return m, nil
}

// CategoryExample is one labelled message for TrainCategoryModel: its
// gold categories (a message about risk names at least one).
type CategoryExample struct {
	Text       string
	Categories []Category
}

// TrainCategoryModel fits one logistic regression per category (in
// Categories order) with AdaGrad and L2, on the features of a Classifier
// with Concepts set; o.Chars and o.Concepts are implied. The features are
// computed once and shared by every category. Deterministic for a given
// o.Seed.
func TrainCategoryModel(ex []CategoryExample, o TrainOptions) *CategoryModel {
	m := &CategoryModel{Bits: o.Bits, Cats: slices.Clone(Categories)}
	nc := len(m.Cats)
	fz := m.featurizer()
	l2c := o.ConceptL2
	if l2c == 0 {
		l2c = o.L2
	}
	// Features are renumbered densely so the weights fit in flat slices.
	local := map[uint32]int32{}
	var global []uint32
	feats := make([][]int32, len(ex))
	nConcept := make([]int, len(ex))
	ys := make([][]bool, len(ex))
	for i, e := range ex {
		toks := tokenize(e.Text)
		hits := messageHits(toks)
		nConcept[i] = len(fz.conceptFeatures(toks, hits, nil))
		for _, f := range fz.features(toks, hits, nil) {
			j, ok := local[f]
			if !ok {
				j = int32(len(global))
				local[f] = j
				global = append(global, f)
			}
			feats[i] = append(feats[i], j)
		}
		ys[i] = make([]bool, nc)
		for k, c := range m.Cats {
			ys[i][k] = slices.Contains(e.Categories, c)
		}
	}
	w := make([]float64, len(global)*nc)
	g2 := make([]float64, len(global)*nc)
	bias := make([]float64, nc)
	gb := make([]float64, nc)
	order := make([]int, len(ex))
	for i := range order {
		order[i] = i
	}
	rng := o.Seed | 1
	const lr = 0.5
	z := make([]float64, nc)
	for ep := 0; ep < o.Epochs; ep++ {
		shuffle(order, &rng)
		for _, i := range order {
			copy(z, bias)
			for _, f := range feats[i] {
				for k := range nc {
					z[k] += w[int(f)*nc+k]
				}
			}
			for k := range nc {
				p := 1 / (1 + math.Exp(-z[k]))
				g := p
				if ys[i][k] {
					g = p - 1
				}
				gb[k] += g * g
				bias[k] -= lr * g / (math.Sqrt(gb[k]) + 1e-8)
				for j, f := range feats[i] {
					at := int(f)*nc + k
					reg := o.L2
					if j < nConcept[i] {
						reg = l2c
					}
					gf := g + reg*w[at]
					g2[at] += gf * gf
					w[at] -= lr * gf / (math.Sqrt(g2[at]) + 1e-8)
				}
			}
		}
	}
	m.Bias = bias
	m.Weights = make([]map[uint32]float64, nc)
	for k := range nc {
		m.Weights[k] = map[uint32]float64{}
		for j, f := range global {
			if v := w[j*nc+k]; v != 0 {
				m.Weights[k][f] = v
			}
		}
	}
	return m
}

// addCategories completes the categories of an assessment at level (above
// none) from the latest turn. Without a category head, a message only the
// classifiers raised gets a category from its topic words. With one, an
// assessment the rules gave no category, if a classifier raised it or it is
// moderate or above, gets the head's categories, and one at moderate or
// above gets any category whose probability reaches CategoryAddThreshold.
// feats are the latest message's features hashed at bits (nil: computed
// here).
func (a *Assessor) addCategories(seen map[Category]bool, level Level, clfRaised bool, last *turn, feats []uint32, bits uint32) {
	if a.cat == nil {
		if clfRaised && len(seen) == 0 {
			seen[guessCategory(last.toks)] = true
		}
		return
	}
	fill := len(seen) == 0 && (clfRaised || level >= LevelModerate)
	add := len(seen) > 0 && a.CategoryAddThreshold > 0 && level >= LevelModerate
	if !fill && !add {
		return
	}
	if feats == nil || bits != a.cat.Bits {
		feats = a.cat.featurizer().features(last.toks, last.hits, nil)
	}
	var buf [16]float64
	p := buf[:len(a.cat.Cats)]
	a.cat.probsFeats(feats, p)
	if fill {
		for _, c := range a.cat.pick(p, a.CategoryThreshold) {
			seen[c] = true
		}
		return
	}
	for k, c := range a.cat.Cats {
		if p[k] >= a.CategoryAddThreshold {
			seen[c] = true
		}
	}
}
