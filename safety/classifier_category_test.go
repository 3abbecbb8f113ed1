// Tests for the category head: training separates categories and carries
// over word classes, the TSCAT1 format round-trips and rejects damaged
// files, and Assess names categories from the head where the rules name
// none.
package safety

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math"
	"slices"
	"testing"
)

func toyCategoryModel() *CategoryModel {
	ex := []CategoryExample{
		{"i took the whole box of pills and i feel dizzy", []Category{CatMedicalEmergency, CatSuicidalIdeation}},
		{"he swallowed a bottle of tablets and is not waking up", []Category{CatMedicalEmergency}},
		{"i want to stab my neighbour", []Category{CatHarmToOthers}},
		{"i keep thinking about hurting my coworker with a knife", []Category{CatHarmToOthers}},
		{"the voices say they are watching me through the tv", []Category{CatPsychosis}},
		{"i hear voices telling me i am being followed", []Category{CatPsychosis}},
		{"i want to die", []Category{CatSuicidalIdeation}},
		{"i do not want to be alive anymore", []Category{CatSuicidalIdeation}},
		{"i make myself throw up after every meal", []Category{CatDisorderedEating}},
		{"my husband hits me when he is drunk", []Category{CatAbuse}},
		{"i cut my arm again last night", []Category{CatSelfHarm}},
	}
	return TrainCategoryModel(ex, TrainOptions{Bits: 16, Epochs: 30, L2: 1e-3, Seed: 5})
}

func TestTrainCategoryModel(t *testing.T) {
	m := toyCategoryModel()
	if again := toyCategoryModel(); !slices.Equal(m.Bias, again.Bias) {
		t.Fatalf("training is not deterministic: bias %v then %v", m.Bias, again.Bias)
	}
	tests := []struct {
		text string
		want Category
	}{
		// unseen wording: the drug and weapon classes carry over
		{"she swallowed all the paracetamol and is not waking up", CatMedicalEmergency},
		{"i want to stab my boss", CatHarmToOthers},
		{"the voices are watching me", CatPsychosis},
		{"i do not want to be alive", CatSuicidalIdeation},
	}
	for _, tt := range tests {
		p := m.ProbsText(tt.text)
		best := Category("")
		for _, c := range m.Cats {
			if best == "" || p[c] > p[best] {
				best = c
			}
		}
		if best != tt.want {
			t.Errorf("%q: most probable %s (%.3f), want %s (%.3f)", tt.text, best, p[best], tt.want, p[tt.want])
		}
	}
}

func TestCategoryModelRoundTrip(t *testing.T) {
	for name, m := range map[string]*CategoryModel{"toy": toyCategoryModel(), "embedded": must(DefaultCategoryModel())} {
		var b bytes.Buffer
		if _, err := m.WriteTo(&b); err != nil {
			t.Fatal(err)
		}
		back, err := ReadCategoryModel(&b)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !slices.Equal(back.Cats, m.Cats) || back.Bits != m.Bits {
			t.Errorf("%s: categories %v bits %d after round trip, want %v %d", name, back.Cats, back.Bits, m.Cats, m.Bits)
		}
		for _, text := range []string{"took the whole box and my lips are going blue", "what a lovely day"} {
			p, q := m.ProbsText(text), back.ProbsText(text)
			for _, c := range m.Cats {
				if math.Abs(p[c]-q[c]) > 1e-6 {
					t.Errorf("%s: %q: P(%s) %v after round trip, want %v", name, text, c, q[c], p[c])
				}
			}
		}
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func TestReadCategoryModelErrors(t *testing.T) {
	var good bytes.Buffer
	if _, err := toyCategoryModel().WriteTo(&good); err != nil {
		t.Fatal(err)
	}
	g := good.Bytes()
	nameAt := len(catMagic) + 8 // after bits and count
	withBadName := slices.Clone(g)
	copy(withBadName[nameAt+2:], "suicidal_XXXXXXX")
	nanBias := slices.Clone(g)
	binary.LittleEndian.PutUint32(nanBias[nameAt+2+len(CatSuicidalIdeation):], math.Float32bits(float32(math.NaN())))
	tests := []struct {
		name string
		b    []byte
	}{
		{"empty", nil},
		{"wrong magic", []byte("TSCLF3\n" + string(g[len(catMagic):]))},
		{"risk-head file", classifierBin},
		{"truncated header", g[:len(catMagic)+3]},
		{"truncated weights", g[:len(g)-3]},
		{"zero categories", append([]byte(catMagic), 18, 0, 0, 0, 0, 0, 0, 0)},
		{"too many categories", append([]byte(catMagic), 18, 0, 0, 0, 99, 0, 0, 0)},
		{"bits out of range", append([]byte(catMagic), 40, 0, 0, 0, 1, 0, 0, 0)},
		{"unknown category name", withBadName},
		{"bias not a number", nanBias},
	}
	for _, tt := range tests {
		if _, err := ReadCategoryModel(bytes.NewReader(tt.b)); !errors.Is(err, ErrBadClassifier) {
			t.Errorf("%s: err = %v, want ErrBadClassifier", tt.name, err)
		}
	}
}

// TestAssessCategoryHead: with the head, a message only the classifiers
// raise is named from the head, not from topic words; with a high add
// threshold off, rule categories are left alone.
func TestAssessCategoryHead(t *testing.T) {
	a, err := NewAssessor()
	if err != nil {
		t.Fatal(err)
	}
	a.SetCategoryModel(toyCategoryModel())
	a.CategoryThreshold, a.CategoryAddThreshold = 0.5, 0
	seen := map[Category]bool{}
	toks := tokenize("she swallowed all the paracetamol and is not waking up")
	a.addCategories(seen, LevelHigh, true, &turn{toks: toks, hits: messageHits(toks)}, nil, 0)
	if !seen[CatMedicalEmergency] {
		t.Errorf("head named %v, want medical_emergency among them", seen)
	}
	seen = map[Category]bool{CatSuicidalIdeation: true}
	a.addCategories(seen, LevelHigh, false, &turn{toks: toks, hits: messageHits(toks)}, nil, 0)
	if len(seen) != 1 {
		t.Errorf("add threshold 0 still added categories: %v", seen)
	}
	a.CategoryAddThreshold = 0.5
	a.addCategories(seen, LevelHigh, false, &turn{toks: toks, hits: messageHits(toks)}, nil, 0)
	if !seen[CatMedicalEmergency] || !seen[CatSuicidalIdeation] {
		t.Errorf("add threshold 0.5: got %v, want suicidal_ideation kept and medical_emergency added", seen)
	}
	a.SetCategoryModel(nil)
	seen = map[Category]bool{}
	a.addCategories(seen, LevelHigh, true, &turn{toks: tokenize("i make myself throw up after meals")}, nil, 0)
	if !seen[CatDisorderedEating] {
		t.Errorf("without a head: %v, want the topic-word guess disordered_eating", seen)
	}
}

// FuzzReadCategoryModel: damaged model files never panic, and a file that
// reads back scores text with probabilities in [0, 1].
func FuzzReadCategoryModel(f *testing.F) {
	f.Add(classifierCategoryBin[:min(len(classifierCategoryBin), 300)])
	var b bytes.Buffer
	toyCategoryModel().WriteTo(&b)
	f.Add(b.Bytes()[:min(b.Len(), 400)])
	f.Add([]byte(catMagic))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := ReadCategoryModel(bytes.NewReader(b))
		if err != nil {
			return
		}
		if m.Bits > 18 {
			return // valid but large; not worth allocating here
		}
		for c, p := range m.ProbsText("took the whole box, lips going blue") {
			if !(p >= 0 && p <= 1) {
				t.Fatalf("P(%s) = %v", c, p)
			}
		}
	})
}

// TestScoreHeadsShared: the heads share one feature computation in Assess;
// each score must equal the head's own score of the message.
func TestScoreHeadsShared(t *testing.T) {
	a, err := NewAssessor()
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"i took the whole box an hour ago", "my brother says he wants to end it", "what a lovely day"} {
		in := a.GateInput((&Case{Text: text}).Conversation())
		toks := tokenize(text)
		hits := messageHits(toks)
		if want := a.clf.prob(toks, hits); math.Abs(in.Score-want) > 1e-9 {
			t.Errorf("%q: shared P(moderate+) %v, own %v", text, in.Score, want)
		}
		if want := a.clfHigh.prob(toks, hits); math.Abs(in.ScoreHigh-want) > 1e-9 {
			t.Errorf("%q: shared P(high+) %v, own %v", text, in.ScoreHigh, want)
		}
		if in.MayRaiseThird {
			if want := a.clfThird.prob(toks, hits); math.Abs(in.ScoreThird-want) > 1e-9 {
				t.Errorf("%q: shared P(third) %v, own %v", text, in.ScoreThird, want)
			}
		}
	}
}
