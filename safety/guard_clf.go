// The guard classifier: a trained second opinion for the reply-text guard
// rules (diagnosis, medication, method detail, encouragement of harm,
// stigma, claims to be human, promises of confidentiality, misinformation;
// misinformation was added in round six, when the shared claim set caught
// 1 in 15 false claims of an outside writer). One logistic
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
var GuardClfRules = [guardClfN]string{RuleDiagnosis, RuleMedication, RuleMethodDetail, RuleEncouragesHarm, RuleStigma, RuleClaimsHuman, RulePromisesConfidentiality, RuleMisinformation}

const (
	guardClfN     = 8
	guardClfMagic = "TGCLF2\n"
	// guardClfMinWords: shorter sentences ("Okay.", "I hear you.") are not
	// scored; they carry too little text for the model and none of the
	// rules' harms.
	guardClfMinWords = 3
	// GuardClfPattern is Violation.Pattern for a violation the classifier
	// added.
	GuardClfPattern = "classifier"
)

// GuardClassifier is the per-rule logistic regression. Scoring reads a
// dense table of 2^Bits rows of guardClfN int8 weights (one hashed feature
// reads one contiguous 8-byte row; the table is 512 KiB at 16 bits, so it
// stays in cache), summed in int32 and scaled per rule. Training works on
// W, float32 in the same layout, and Quantize builds the table from it.
type GuardClassifier struct {
	Bits uint32
	Bias [guardClfN]float32
	// Thresholds are probabilities in (0,1]; a value above 1 switches the
	// rule's classifier off.
	Thresholds [guardClfN]float32
	W          []float32 // training weights; nil in a classifier read from a file
	q          []int8
	scale      [guardClfN]float32 // weight of one int8 step, per rule
	logit      [guardClfN]float32 // Thresholds as log-odds
}

// NewGuardClassifier returns an untrained classifier with 2^bits rows.
func NewGuardClassifier(bits uint32) *GuardClassifier {
	m := &GuardClassifier{Bits: bits, W: make([]float32, (1<<bits)*guardClfN), q: make([]int8, (1<<bits)*guardClfN)}
	for i := range m.Thresholds {
		m.Thresholds[i] = 2
		m.scale[i] = 1
	}
	m.prepare()
	return m
}

// Quantize builds the int8 scoring table from W: each rule's weights are
// rounded to steps of its largest magnitude over 127.
func (m *GuardClassifier) Quantize() {
	var mx [guardClfN]float32
	for i, w := range m.W {
		if a := float32(math.Abs(float64(w))); a > mx[i%guardClfN] {
			mx[i%guardClfN] = a
		}
	}
	for r := range mx {
		m.scale[r] = mx[r] / 127
		if m.scale[r] == 0 {
			m.scale[r] = 1
		}
	}
	for i, w := range m.W {
		m.q[i] = int8(max(-127, min(127, math.Round(float64(w/m.scale[i%guardClfN])))))
	}
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

// fmix is murmur3's finaliser: it spreads a combined hash over the bits.
func fmix(h uint32) uint32 {
	h ^= h >> 16
	h *= 0x85ebca6b
	h ^= h >> 13
	h *= 0xc2b2ae35
	return h ^ h>>16
}

// wordByte reports whether c continues a word: ASCII letters and digits,
// the apostrophe and any byte of a multi-byte character.
func wordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '\'' || c >= 0x80
}

// sentenceFeatures appends the hashed feature rows of sentence s (word
// unigrams and bigrams, character 3- and 4-grams of "<word>") and returns
// them with the number of words. Words are runs of wordByte, ASCII
// lower-cased, apostrophes (' and ’) dropped, so "Don’t" and "dont" are
// one word. It reads the bytes once and allocates nothing while dst has
// room; the guard's own tokeniser (normalisation, memo) costs more than
// the whole model.
func (m *GuardClassifier) sentenceFeatures(s string, dst []uint32) ([]uint32, int) {
	mask := uint32(1)<<m.Bits - 1
	var buf [40]byte
	const start, end = 0x5bd1e995, 0x27d4eb2f
	prev := uint32(start)
	n := 0
	for i := 0; i < len(s); {
		if !wordByte(s[i]) {
			i++
			continue
		}
		w := buf[:0]
		h := uint32(fnvOffset)
		for i < len(s) && wordByte(s[i]) {
			c := s[i]
			switch {
			case c == '\'':
				i++
				continue
			case c == 0xe2 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x99: // ’
				i += 3
				continue
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			}
			h = fnvByte(h, c)
			if len(w) < len(buf) {
				w = append(w, c)
			}
			i++
		}
		if len(w) == 0 {
			continue
		}
		n++
		dst = append(dst, fmix(h^nsWord)&mask, fmix(prev*0x9e3779b1^h^nsBi<<24)&mask)
		prev = h
		if len(w) < 3 {
			continue
		}
		// character 3- and 4-grams of "<w>"
		k := len(w) + 2
		at := func(j int) byte {
			switch j {
			case 0:
				return '<'
			case k - 1:
				return '>'
			}
			return w[j-1]
		}
		for j := 0; j+3 <= k; j++ {
			h3 := fnvByte(fnvByte(fnvByte(fnvByte(fnvOffset, nsChar), at(j)), at(j+1)), at(j+2))
			dst = append(dst, fmix(h3)&mask)
			if j+4 <= k {
				dst = append(dst, fmix(fnvByte(h3, at(j+3)))&mask)
			}
		}
	}
	return append(dst, fmix(prev*0x9e3779b1^end^nsBi<<24)&mask), n
}

// logits returns the per-rule log-odds of a sentence from the int8 table.
func (m *GuardClassifier) logits(feats []uint32) [guardClfN]float32 {
	var acc [guardClfN]int32
	q := m.q
	for _, f := range feats {
		row := q[int(f)*guardClfN : int(f)*guardClfN+guardClfN : int(f)*guardClfN+guardClfN]
		acc[0] += int32(row[0])
		acc[1] += int32(row[1])
		acc[2] += int32(row[2])
		acc[3] += int32(row[3])
		acc[4] += int32(row[4])
		acc[5] += int32(row[5])
		acc[6] += int32(row[6])
		acc[7] += int32(row[7])
	}
	z := m.Bias
	for r := range z {
		z[r] += float32(acc[r]) * m.scale[r]
	}
	return z
}

// logitsW returns the per-rule log-odds of a sentence from W (training).
func (m *GuardClassifier) logitsW(feats []uint32) [guardClfN]float32 {
	z := m.Bias
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
	fs, _ := m.sentenceFeatures(sentence, nil)
	z := m.logits(fs)
	for r := range z {
		z[r] = float32(1 / (1 + math.Exp(-float64(z[r]))))
	}
	return z
}

// WriteTo writes the classifier's scoring table as magic, bits, per-rule
// name, bias, threshold and int8 scale, then the non-zero rows as a uint32 index and
// guardClfN int8 weights (little-endian).
func (m *GuardClassifier) WriteTo(w io.Writer) (int64, error) {
	var b bytes.Buffer
	b.WriteString(guardClfMagic)
	le := binary.LittleEndian
	b.Write(le.AppendUint32(nil, m.Bits))
	for r, name := range GuardClfRules {
		b.WriteByte(byte(len(name)))
		b.WriteString(name)
		b.Write(le.AppendUint32(nil, math.Float32bits(m.Bias[r])))
		b.Write(le.AppendUint32(nil, math.Float32bits(m.Thresholds[r])))
		b.Write(le.AppendUint32(nil, math.Float32bits(m.scale[r])))
	}
	var rows bytes.Buffer
	nrows := uint32(0)
	for i := 0; i < len(m.q)/guardClfN; i++ {
		q := m.q[i*guardClfN : i*guardClfN+guardClfN]
		nz := false
		for _, x := range q {
			nz = nz || x != 0
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
	if !ok || bits < 8 || bits > 20 {
		return nil, bad("bits out of range (8..20)")
	}
	m := &GuardClassifier{Bits: bits, q: make([]int8, (1<<bits)*guardClfN)}
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
		m.Bias[i], m.Thresholds[i], m.scale[i] = math.Float32frombits(v[0]), math.Float32frombits(v[1]), math.Float32frombits(v[2])
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
			m.q[int(i)*guardClfN+r] = int8(p[r])
		}
		p = p[guardClfN:]
	}
	m.prepare()
	return m, nil
}

// clfState is a stream's classifier state: whether it runs.
type clfState struct {
	on bool
}

// clfBufs holds feature buffers, so scoring a sentence allocates nothing.
var clfBufs = sync.Pool{New: func() any { b := make([]uint32, 0, 512); return &b }}

// initClf prepares st; it stays off when the guard has no classifier.
func (g *Guard) initClf(st *clfState) { st.on = g.clf != nil }

// clfSentence adds the classifier's violations to vs, the rules'
// violations of sentence s (at byte base of the reply): a rule the rules
// did not find in s whose score reaches its threshold.
func (g *Guard) clfSentence(st *clfState, s string, base int, vs []Violation) []Violation {
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
	bp := clfBufs.Get().(*[]uint32)
	fs, words := g.clf.sentenceFeatures(s, (*bp)[:0])
	z := g.clf.logits(fs)
	*bp = fs[:0]
	clfBufs.Put(bp)
	if words < guardClfMinWords {
		return vs
	}
	for r, rule := range GuardClfRules {
		if have[r] || z[r] < g.clf.logit[r] {
			continue
		}
		t := strings.TrimSpace(s)
		st0 := strings.Index(s, t)
		en := st0 + len(t)
		vs = append(vs, Violation{Rule: rule, Pattern: GuardClfPattern, Span: Span{Start: base + st0, End: base + en, Text: s[st0:en], Rule: GuardClfPattern}, Sentence: strings.TrimSpace(s), Action: g.policy.ClassifierAction(rule, g.action(rule))})
	}
	return vs
}
