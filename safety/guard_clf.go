// The guard classifier: a trained second opinion for the reply-text guard
// rules (diagnosis, medication, method detail, encouragement of harm,
// stigma, claims to be human, promises of confidentiality). One logistic
// regression per rule over shared hashed features of one reply sentence
// alone (word unigrams and bigrams, character 3- and 4-grams of each
// word). It does not read the conversation: a first version also took the
// user's last message as features, which made a clean reply to "this
// workout is killing me" method detail and broke data curation's guard
// memo (data/curate_fast_guard.go), which is exact only while a sentence's
// verdict depends on the conversation through the guard's context flags.
// It runs per sentence, after the rules, so streaming still decides sentence
// by sentence; it may add a violation the rules missed when its score
// reaches the rule's threshold (chosen by cross-validation, see
// internal/trainguard), and never removes one. Weights ship embedded
// (guard_clf.bin) and are rebuilt by `go generate` (internal/trainguard).
package safety

//go:generate go run ./internal/trainguard

import (
	"bytes"
	_ "embed"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"strings"
	"sync"
)

//go:embed guard_clf.bin
var guardClfBin []byte

// GuardClfRules are the rules the guard classifier scores, in the order of
// its outputs.
var GuardClfRules = [guardClfN]string{RuleDiagnosis, RuleMedication, RuleMethodDetail, RuleEncouragesHarm, RuleStigma, RuleClaimsHuman, RulePromisesConfidentiality}

const (
	guardClfN     = 7
	guardClfMagic = "TGCLF1\n"
	// guardClfMinWords: shorter sentences ("Okay.", "I hear you.") are not
	// scored; they carry too little text for the model and none of the
	// rules' harms.
	guardClfMinWords = 3
	// GuardClfPattern is Violation.Pattern for a violation the classifier
	// added.
	GuardClfPattern = "classifier"
)

// GuardClassifier is the per-rule logistic regression. Weights are a dense
// table of 2^Bits rows of guardClfN float32s, so one hashed feature reads
// one contiguous row.
type GuardClassifier struct {
	Bits uint32
	Bias [guardClfN]float32
	// Thresholds are probabilities in (0,1]; a value above 1 switches the
	// rule's classifier off.
	Thresholds [guardClfN]float32
	W          []float32
	logit      [guardClfN]float32 // Thresholds as log-odds
}

// NewGuardClassifier returns an untrained classifier with 2^bits rows.
func NewGuardClassifier(bits uint32) *GuardClassifier {
	m := &GuardClassifier{Bits: bits, W: make([]float32, (1<<bits)*guardClfN)}
	for i := range m.Thresholds {
		m.Thresholds[i] = 2
	}
	m.prepare()
	return m
}

func (m *GuardClassifier) prepare() {
	for i, t := range m.Thresholds {
		if t >= 1 {
			m.logit[i] = float32(math.Inf(1))
			continue
		}
		m.logit[i] = float32(math.Log(float64(t) / (1 - float64(t))))
	}
}

// SetThresholds sets the per-rule thresholds.
func (m *GuardClassifier) SetThresholds(t [guardClfN]float32) {
	m.Thresholds = t
	m.prepare()
}

var defaultGuardClf = sync.OnceValues(func() (*GuardClassifier, error) {
	return ReadGuardClassifier(bytes.NewReader(guardClfBin))
})

// DefaultGuardClassifier returns the embedded guard classifier.
func DefaultGuardClassifier() (*GuardClassifier, error) { return defaultGuardClf() }

// hash namespaces keep the kinds of feature apart.
const (
	nsWord = 'w'
	nsBi   = 'b'
	nsChar = 'c'
)

func fnvByte(h uint32, c byte) uint32 { return (h ^ uint32(c)) * fnvPrime }

// sentenceFeatures appends the hashed feature rows of a sentence's tokens.
func (m *GuardClassifier) sentenceFeatures(toks []token, dst []uint32) []uint32 {
	mask := uint32(1)<<m.Bits - 1
	prev := "<s>"
	for _, t := range toks {
		w := t.w
		dst = append(dst, fnvStr(fnvByte(fnvOffset, nsWord), w)&mask)
		dst = append(dst, fnvStr(fnvByte(fnvStr(fnvByte(fnvOffset, nsBi), prev), ' '), w)&mask)
		prev = w
		if len(w) < 3 {
			continue
		}
		// character 3- and 4-grams of "<w>"
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
		for i := 0; i+3 <= n; i++ {
			h := fnvByte(fnvByte(fnvByte(fnvByte(fnvOffset, nsChar), at(i)), at(i+1)), at(i+2))
			dst = append(dst, h&mask)
			if i+4 <= n {
				dst = append(dst, fnvByte(h, at(i+3))&mask)
			}
		}
	}
	return append(dst, fnvStr(fnvByte(fnvStr(fnvByte(fnvOffset, nsBi), prev), ' '), "</s>")&mask)
}

// logits returns the per-rule log-odds of a sentence given base.
func (m *GuardClassifier) logits(feats []uint32, z [guardClfN]float32) [guardClfN]float32 {
	for _, f := range feats {
		row := m.W[int(f)*guardClfN : int(f)*guardClfN+guardClfN]
		for r := range z {
			z[r] += row[r]
		}
	}
	return z
}

// Scores returns the classifier's probability for each rule in
// GuardClfRules that sentence, one sentence of a reply, breaks.
func (m *GuardClassifier) Scores(sentence string) [guardClfN]float32 {
	z := m.logits(m.sentenceFeatures(tokenize(sentence), nil), m.Bias)
	for r := range z {
		z[r] = float32(1 / (1 + math.Exp(-float64(z[r]))))
	}
	return z
}

// WriteTo writes the classifier as magic, bits, per-rule name, bias,
// threshold and int8 scale, then the non-zero rows as a uint32 index and
// guardClfN int8 weights (little-endian).
func (m *GuardClassifier) WriteTo(w io.Writer) (int64, error) {
	var b bytes.Buffer
	b.WriteString(guardClfMagic)
	le := binary.LittleEndian
	b.Write(le.AppendUint32(nil, m.Bits))
	var scale [guardClfN]float32
	for i := 0; i < len(m.W); i++ {
		if a := float32(math.Abs(float64(m.W[i]))); a > scale[i%guardClfN] {
			scale[i%guardClfN] = a
		}
	}
	for r, name := range GuardClfRules {
		scale[r] /= 127
		if scale[r] == 0 {
			scale[r] = 1
		}
		b.WriteByte(byte(len(name)))
		b.WriteString(name)
		b.Write(le.AppendUint32(nil, math.Float32bits(m.Bias[r])))
		b.Write(le.AppendUint32(nil, math.Float32bits(m.Thresholds[r])))
		b.Write(le.AppendUint32(nil, math.Float32bits(scale[r])))
	}
	var rows bytes.Buffer
	nrows := uint32(0)
	for i := 0; i < len(m.W)/guardClfN; i++ {
		var q [guardClfN]int8
		nz := false
		for r := range q {
			v := math.Round(float64(m.W[i*guardClfN+r] / scale[r]))
			q[r] = int8(max(-127, min(127, v)))
			nz = nz || q[r] != 0
		}
		if !nz {
			continue
		}
		nrows++
		rows.Write(le.AppendUint32(nil, uint32(i)))
		for _, x := range q {
			rows.WriteByte(byte(x))
		}
	}
	b.Write(le.AppendUint32(nil, nrows))
	b.Write(rows.Bytes())
	n, err := w.Write(b.Bytes())
	return int64(n), err
}

// ReadGuardClassifier reads a classifier written by WriteTo.
func ReadGuardClassifier(r io.Reader) (*GuardClassifier, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	bad := func(what string) error { return fmt.Errorf("%w: guard classifier: %s", ErrBadClassifier, what) }
	if !bytes.HasPrefix(data, []byte(guardClfMagic)) {
		return nil, bad("missing header")
	}
	p := data[len(guardClfMagic):]
	le := binary.LittleEndian
	u32 := func() (uint32, bool) {
		if len(p) < 4 {
			return 0, false
		}
		v := le.Uint32(p)
		p = p[4:]
		return v, true
	}
	bits, ok := u32()
	if !ok || bits < 8 || bits > 24 {
		return nil, bad("bits out of range")
	}
	m := NewGuardClassifier(bits)
	var scale [guardClfN]float32
	for i, want := range GuardClfRules {
		if len(p) < 1 || len(p) < 1+int(p[0]) {
			return nil, bad("truncated rule header")
		}
		if name := string(p[1 : 1+int(p[0])]); name != want {
			return nil, bad(fmt.Sprintf("rule %d is %q, want %q", i, name, want))
		}
		p = p[1+int(p[0]):]
		var v [3]uint32
		for j := range v {
			if v[j], ok = u32(); !ok {
				return nil, bad("truncated rule header")
			}
		}
		m.Bias[i], m.Thresholds[i], scale[i] = math.Float32frombits(v[0]), math.Float32frombits(v[1]), math.Float32frombits(v[2])
	}
	nrows, ok := u32()
	if !ok || uint64(len(p)) != uint64(nrows)*(4+guardClfN) {
		return nil, bad("row count does not match the data")
	}
	for k := uint32(0); k < nrows; k++ {
		i, _ := u32()
		if i >= 1<<bits {
			return nil, bad(fmt.Sprintf("row %d out of range", i))
		}
		for r := 0; r < guardClfN; r++ {
			m.W[int(i)*guardClfN+r] = float32(int8(p[r])) * scale[r]
		}
		p = p[guardClfN:]
	}
	m.prepare()
	return m, nil
}

// clfState is a stream's classifier state: whether it runs, and a
// feature buffer that covers most sentences without allocating.
type clfState struct {
	on  bool
	buf [512]uint32
}

// initClf prepares st; it stays off when the guard has no classifier.
func (g *Guard) initClf(st *clfState) { st.on = g.clf != nil }

// clfSentence adds the classifier's violations to vs, the rules'
// violations of sentence s (at byte base of the reply): a rule the rules
// did not find in s whose score reaches its threshold.
func (g *Guard) clfSentence(st *clfState, sc *scanScratch, s string, base int, vs []Violation) []Violation {
	if !st.on {
		return vs
	}
	var have [guardClfN]bool
	todo := 0
	for r, rule := range GuardClfRules {
		have[r] = g.action(rule) == ActionOff || g.clf.Thresholds[r] >= 1
		for i := range vs {
			have[r] = have[r] || vs[i].Rule == rule
		}
		if !have[r] {
			todo++
		}
	}
	if todo == 0 {
		return vs
	}
	toks := sc.tokenize(s)
	if len(toks) < guardClfMinWords {
		return vs
	}
	z := g.clf.logits(g.clf.sentenceFeatures(toks, st.buf[:0]), g.clf.Bias)
	for r, rule := range GuardClfRules {
		if have[r] || z[r] < g.clf.logit[r] {
			continue
		}
		st0, en := toks[0].start, toks[len(toks)-1].end
		vs = append(vs, Violation{Rule: rule, Pattern: GuardClfPattern, Span: Span{Start: base + st0, End: base + en, Text: s[st0:en], Rule: GuardClfPattern}, Sentence: strings.TrimSpace(s), Action: g.action(rule)})
	}
	return vs
}
