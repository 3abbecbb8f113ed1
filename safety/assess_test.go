// Tests for Assess: the labelled suite with its asserted targets, the
// cases the issue names explicitly, normalisation, and the classifier file.
package safety

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/tend-project/tend/conv"
)

func newTestAssessor(t testing.TB) *Assessor {
	t.Helper()
	a, err := NewAssessor()
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func logReport(t *testing.T, name string, r *Report) {
	var b strings.Builder
	r.WriteTable(&b)
	t.Logf("%s\n%s", name, b.String())
}

func TestAssessSuite(t *testing.T) {
	cases, err := ReadCasesFile("testdata/suite.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) < 600 {
		t.Errorf("suite has %d cases, want at least 600", len(cases))
	}
	a := newTestAssessor(t)
	var test []Case
	for _, c := range cases {
		if SplitOf(c.ID) == "test" {
			test = append(test, c)
		}
	}
	for _, part := range []struct {
		name  string
		cases []Case
	}{{"full suite", cases}, {"test split (never seen by the classifier)", test}} {
		r := Evaluate(a, part.cases)
		logReport(t, part.name, r)
		for _, m := range r.Misses {
			t.Logf("miss %s: want %s got %s: %q", m.ID, m.Want, m.Got, m.Text)
		}
		if got := r.HighPlus.Recall(); got < 0.98 {
			t.Errorf("%s: recall for high+imminent = %.3f, want >= 0.98", part.name, got)
		}
		if got := r.FPR(); got > 0.03 {
			t.Errorf("%s: false-positive rate on none cases = %.3f, want <= 0.03", part.name, got)
		}
	}
}

// TestAssessExamples pins the behaviours the issue names one by one.
func TestAssessExamples(t *testing.T) {
	tests := []struct {
		text    string
		min     Level // lowest acceptable level
		max     Level // highest acceptable level
		subject Subject
		cat     Category
	}{
		{"everyone would be better off without me", LevelModerate, LevelHigh, SubjectSelf, CatSuicidalIdeation},
		{"I won't be a problem much longer", LevelHigh, LevelImminent, SubjectSelf, CatSuicidalIdeation},
		{"I just want to sleep and not wake up", LevelModerate, LevelHigh, SubjectSelf, CatSuicidalIdeation},
		{"I've been saving my pills", LevelHigh, LevelImminent, SubjectSelf, CatSuicidalIdeation},
		{"Goodbye everyone. Thank you for everything.", LevelHigh, LevelImminent, SubjectSelf, CatSuicidalIdeation},
		{"two years clean today!", LevelNone, LevelLow, SubjectSelf, ""},
		{"my brother said he wants to end it", LevelHigh, LevelImminent, SubjectThirdParty, CatSuicidalIdeation},
		{"what are warning signs of suicide?", LevelNone, LevelLow, SubjectGeneral, ""},
		{"this workout is killing me", LevelNone, LevelNone, "", ""},
		{"kill the python process", LevelNone, LevelNone, "", ""},
		{"I'd die for a coffee", LevelNone, LevelNone, "", ""},
		{"that suicide squeeze won the game", LevelNone, LevelNone, "", ""},
		{"my phone is dead", LevelNone, LevelNone, "", ""},
		{"I'm not suicidal", LevelNone, LevelNone, "", ""},
		{"if someone felt suicidal, what should they do?", LevelNone, LevelLow, SubjectGeneral, ""},
		{"kms", LevelHigh, LevelImminent, SubjectSelf, CatSuicidalIdeation},
		{"i want to unalive myself", LevelHigh, LevelImminent, SubjectSelf, CatSuicidalIdeation},
		{"su1cide is all i think about", LevelHigh, LevelImminent, SubjectSelf, CatSuicidalIdeation},
		{"I'm going to kill myself tonight", LevelImminent, LevelImminent, SubjectSelf, CatSuicidalIdeation},
	}
	a := newTestAssessor(t)
	for _, tt := range tests {
		got := a.Assess(&conv.Conversation{Messages: []conv.Message{{Role: conv.RoleUser, Content: tt.text}}})
		if got.Level < tt.min || got.Level > tt.max {
			t.Errorf("%q: level %s, want %s..%s (evidence %+v)", tt.text, got.Level, tt.min, tt.max, got.Evidence)
		}
		if tt.subject != "" && got.Subject != tt.subject {
			t.Errorf("%q: subject %s, want %s", tt.text, got.Subject, tt.subject)
		}
		if tt.cat != "" && !got.Has(tt.cat) {
			t.Errorf("%q: categories %v, want %s", tt.text, got.Categories, tt.cat)
		}
		if got.Confidence < 0 || got.Confidence > 1 {
			t.Errorf("%q: confidence %v outside 0..1", tt.text, got.Confidence)
		}
	}
}

// Risk accumulates over user turns: hopelessness then resolve is high.
func TestAssessMemory(t *testing.T) {
	c := &conv.Conversation{Messages: []conv.Message{
		{Role: conv.RoleUser, Content: "Nothing is ever going to get better."},
		{Role: conv.RoleAssistant, Content: "I'm here. What's been happening?"},
		{Role: conv.RoleUser, Content: "I've made up my mind."},
	}}
	if got := Assess(c); got.Level < LevelHigh {
		t.Errorf("hopelessness then resolve: level %s, want >= high", got.Level)
	}
	alone := AssessText("I've made up my mind.")
	if alone.Level != LevelNone {
		t.Errorf("resolve without context: level %s, want none", alone.Level)
	}
}

func TestEvidenceSpans(t *testing.T) {
	text := "Honestly I want to kill myself."
	a := AssessText(text)
	if len(a.Evidence) == 0 {
		t.Fatal("no evidence")
	}
	for _, e := range a.Evidence {
		if e.Start < 0 || e.End > len(text) || text[e.Start:e.End] != e.Text {
			t.Errorf("span %+v does not point into the message", e)
		}
	}
}

func TestNormalize(t *testing.T) {
	tests := map[string]string{
		"k1ll mys3lf":  "kill myself",
		"kms":          "kill myself",
		"I'm gonna":    "i am going to",
		"can't":        "can not",
		"suicde":       "suicide",
		"sooooo tired": "so tired",
		"wanna d1e":    "want to die",
		"call 911 now": "call 911 now",
		"i want 2 die": "i want to die",
		"don't":        "do not",
		"sewerslide":   "suicide",
		"unalive":      "kill",
		"my friend's":  "my friend",
		"it’s over":    "it is over",
	}
	for in, want := range tests {
		var ws []string
		for _, tk := range tokenize(in) {
			ws = append(ws, tk.w)
		}
		if got := strings.Join(ws, " "); got != want {
			t.Errorf("tokenize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLevelJSON(t *testing.T) {
	for _, l := range Levels {
		b, err := l.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		var back Level
		if err := back.UnmarshalJSON(b); err != nil || back != l {
			t.Errorf("round trip %s: got %s, %v", l, back, err)
		}
	}
	var l Level
	if err := l.UnmarshalJSON([]byte(`"extreme"`)); err == nil {
		t.Error("unknown level accepted")
	}
}

// roundTrip writes c and reads it back.
func roundTrip(t *testing.T, c *Classifier) *Classifier {
	t.Helper()
	var b bytes.Buffer
	if _, err := c.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	back, err := ReadClassifier(&b)
	if err != nil {
		t.Fatal(err)
	}
	return back
}

func TestClassifierRoundTrip(t *testing.T) {
	c, err := DefaultClassifier()
	if err != nil {
		t.Fatal(err)
	}
	back := roundTrip(t, c)
	for _, text := range []string{"I want to die", "what a lovely day"} {
		if p, q := c.ProbText(text), back.ProbText(text); p-q > 1e-6 || q-p > 1e-6 {
			t.Errorf("%q: %v after round trip, want %v", text, q, p)
		}
	}
	if _, err := ReadClassifier(strings.NewReader("nope")); !errors.Is(err, ErrBadClassifier) {
		t.Errorf("bad header: err = %v, want ErrBadClassifier", err)
	}
	if c.ProbText("I want to kill myself") <= c.ProbText("I want a sandwich") {
		t.Error("classifier ranks a crisis message below a sandwich")
	}
}

func TestReadCasesErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{`{"id":"a","text":"x","level":"high","categories":[],"subject":"self","bogus":1}`, "unknown field"},
		{`{"id":"a","level":"high","categories":[],"subject":"self"}`, "exactly one of text and messages"},
		{`{"id":"a","text":"x","level":"extreme","categories":[],"subject":"self"}`, "unknown level"},
		{`{"id":"a","text":"x","level":"low","categories":["sadness"],"subject":"self"}`, "categories[0]"},
	}
	for _, tt := range tests {
		_, err := ReadCases(strings.NewReader("\n"+tt.in+"\n"), "cases.jsonl")
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "cases.jsonl:2") {
			t.Errorf("%s: err = %v, want file:line and %q", tt.in, err, tt.want)
		}
	}
}

// TestHoldout reports figures on the independently written holdout sets.
// They are never asserted and never used for tuning.
func TestHoldout(t *testing.T) {
	if _, err := os.Stat("testdata/holdout.jsonl"); err == nil {
		cases, err := ReadCasesFile("testdata/holdout.jsonl")
		if err != nil {
			t.Fatal(err)
		}
		r := Evaluate(newTestAssessor(t), cases)
		logReport(t, "holdout (independent, not asserted)", r)
		t.Logf("holdout: high+imminent recall %.3f, FPR %.3f (>= low) %.3f (>= moderate)", r.HighPlus.Recall(), r.FPR(), r.FPRModerate())
	} else {
		t.Log("testdata/holdout.jsonl not present")
	}
	if _, err := os.Stat("testdata/holdout_guard.jsonl"); err == nil {
		cases, err := ReadGuardCasesFile("testdata/holdout_guard.jsonl")
		if err != nil {
			t.Fatal(err)
		}
		g, err := NewGuard(DefaultPolicy(), ResourceURLs())
		if err != nil {
			t.Fatal(err)
		}
		r := EvaluateGuard(g, cases)
		var b strings.Builder
		r.WriteTable(&b)
		t.Logf("holdout guard (independent, not asserted)\n%s", b.String())
	} else {
		t.Log("testdata/holdout_guard.jsonl not present")
	}
}

// TestDevBlind reports figures on testdata/devblind.jsonl, a set written in
// one sitting before any classifier output was looked at. The classifier
// threshold and the combination rule are chosen on it, so its figures are
// tuning figures after the first run; they are logged, not asserted.
func TestDevBlind(t *testing.T) {
	cases, err := ReadCasesFile("testdata/devblind.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	r := Evaluate(newTestAssessor(t), cases)
	logReport(t, "devblind (tuning set, not asserted)", r)
	for _, m := range r.Misses {
		t.Logf("miss %s: want %s got %s: %q", m.ID, m.Want, m.Got, m.Text)
	}
	t.Logf("devblind: high+imminent recall %.3f, FPR %.3f (>= low) %.3f (>= moderate)", r.HighPlus.Recall(), r.FPR(), r.FPRModerate())
}

// TestBlind2 reports figures on testdata/blind2.jsonl, a second blind set
// (situation, plan and finality phrasing; benign sentences with charged
// words) committed before the changes it measures. Logged, not asserted.
func TestBlind2(t *testing.T) {
	cases, err := ReadCasesFile("testdata/blind2.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	r := Evaluate(newTestAssessor(t), cases)
	logReport(t, "blind2 (not asserted)", r)
	for _, m := range r.Misses {
		t.Logf("miss %s: want %s got %s: %q", m.ID, m.Want, m.Got, m.Text)
	}
	t.Logf("blind2: high+imminent recall %.3f, FPR %.3f (>= low) %.3f (>= moderate)", r.HighPlus.Recall(), r.FPR(), r.FPRModerate())
}

// TestTrainClassifier checks that training is deterministic, separates a
// toy problem, and that the concept features generalise across words of
// one class: trained on "bought the pills" only, the classifier scores
// "ordered the paracetamol" above "ordered the pizza".
func TestTrainClassifier(t *testing.T) {
	ex := []TrainExample{
		{Text: "i bought the pills and i am taking them tonight", Risk: true},
		{Text: "i bought the tablets and i am taking them all tonight", Risk: true},
		{Text: "i bought the sandwiches for the picnic tonight", Risk: false},
		{Text: "i bought the tickets for the concert tonight", Risk: false},
		{Text: "we bought the paint for the kitchen", Risk: false},
	}
	o := TrainOptions{Bits: 16, Concepts: true, Epochs: 20, L2: 1e-3, Seed: 7}
	a, b := TrainClassifier(ex, o), TrainClassifier(ex, o)
	for _, text := range []string{"i ordered the paracetamol, taking it tonight", "i ordered the pizza tonight"} {
		if pa, pb := a.ProbText(text), b.ProbText(text); pa != pb {
			t.Errorf("%q: %v then %v: training is not deterministic", text, pa, pb)
		}
	}
	if p, q := a.ProbText("i ordered the paracetamol, taking it tonight"), a.ProbText("i ordered the pizza tonight"); p <= q {
		t.Errorf("drug class did not carry over: P(paracetamol) %.3f <= P(pizza) %.3f", p, q)
	}
	var buf bytes.Buffer
	if _, err := a.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := ReadClassifier(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if !back.Concepts || !back.Chars {
		t.Errorf("round trip lost the feature set: chars %v concepts %v", back.Chars, back.Concepts)
	}
	if p, q := a.ProbText("took 30 paracetamol"), back.ProbText("took 30 paracetamol"); p-q > 1e-6 || q-p > 1e-6 {
		t.Errorf("round trip changed the score: %v, want %v", q, p)
	}
}

func TestWordClasses(t *testing.T) {
	wc := wordClasses()
	for w, want := range map[string]string{"paracetamol": "drug", "bleach": "chem", "rope": "means", "ordered": "acquire", "bridge": "place", "smother": "lethalv", "i": "self", "never": "neg"} {
		found := false
		for _, c := range wc[w] {
			found = found || c == want
		}
		if !found {
			t.Errorf("word %q: classes %v, want %s among them", w, wc[w], want)
		}
	}
	// "paracetamol" is a drug and, through @drug, a means.
	if got := wc["paracetamol"]; len(got) < 2 {
		t.Errorf("paracetamol: classes %v, want drug and means", got)
	}
}

// TestGateLevel pins the classifier gate: which threshold applies, what
// blocks a raise, and the subject a raise gives.
func TestGateLevel(t *testing.T) {
	a := &Assessor{ClassifierThreshold: 0.6, HighThreshold: 0.4, HighAloneThreshold: 0.5, BareThreshold: 0.7, CueThreshold: 0.6, ThirdThreshold: 0.5, DirectThreshold: 0.8}
	tests := []struct {
		name string
		in   GateInput
		want Level
		subj Subject
	}{
		{"corroborated, above high threshold", GateInput{ScoreHigh: 0.45, MayRaiseHigh: true, Corroborated: true, Anchored: true, HighAnchored: true}, LevelHigh, SubjectSelf},
		{"anchored only, below alone threshold", GateInput{ScoreHigh: 0.45, MayRaiseHigh: true, HighAnchored: true}, LevelNone, ""},
		{"bare, below bare threshold", GateInput{ScoreHigh: 0.65, MayRaiseHigh: true}, LevelNone, ""},
		{"bare, above bare threshold", GateInput{ScoreHigh: 0.75, MayRaiseHigh: true}, LevelHigh, SubjectSelf},
		{"cue without anchor, above cue threshold", GateInput{ScoreHigh: 0.65, MayRaiseHigh: true, Cue: true}, LevelHigh, SubjectSelf},
		{"cue without anchor, below cue threshold", GateInput{ScoreHigh: 0.55, MayRaiseHigh: true, Cue: true}, LevelNone, ""},
		{"idiom excluded", GateInput{ScoreHigh: 0.99, MayRaiseHigh: true, Excluded: true, Corroborated: true}, LevelNone, ""},
		{"notIf suppressed, no rule of its own", GateInput{ScoreHigh: 0.99, MayRaiseHigh: true, Suppressed: true, HighAnchored: true}, LevelNone, ""},
		{"scope decided against risk", GateInput{ScoreHigh: 0.99, Corroborated: true}, LevelNone, ""},
		{"rules already high", GateInput{RuleLevel: LevelImminent, ScoreHigh: 0.99, MayRaiseHigh: true, Corroborated: true}, LevelImminent, ""},
		{"moderate head needs a cue or an anchor", GateInput{Score: 0.9, MayRaise: true}, LevelNone, ""},
		{"moderate head, risk cue without anchor", GateInput{Score: 0.9, MayRaise: true, Cue: true}, LevelModerate, SubjectSelf},
		{"moderate head, risk cue but notIf suppressed", GateInput{Score: 0.9, MayRaise: true, Cue: true, Suppressed: true}, LevelNone, ""},
		{"moderate head, below threshold", GateInput{Score: 0.55, MayRaise: true, Cue: true}, LevelNone, ""},
		{"moderate head", GateInput{Score: 0.9, MayRaise: true, Anchored: true}, LevelModerate, SubjectSelf},
		{"third party", GateInput{ScoreThird: 0.6, MayRaiseThird: true}, LevelHigh, SubjectThirdParty},
		{"third party, not about another person", GateInput{ScoreThird: 0.9}, LevelNone, ""},
		{"direct, past a scope the rules saw", GateInput{ScoreAny: 0.85, Corroborated: true}, LevelHigh, SubjectSelf},
		{"direct, below its threshold", GateInput{ScoreAny: 0.75}, LevelNone, ""},
		{"direct, idiom excluded", GateInput{ScoreAny: 0.99, Excluded: true}, LevelNone, ""},
		{"direct, another person named and the third head leaning that way", GateInput{ScoreAny: 0.9, ScoreThird: 0.45, ScoreHigh: 0.1, MayRaiseThird: true}, LevelHigh, SubjectThirdParty},
		{"direct, another person named but the writer's head higher", GateInput{ScoreAny: 0.9, ScoreThird: 0.2, ScoreHigh: 0.4, MayRaiseThird: true}, LevelHigh, SubjectSelf},
		{"direct, rules already imminent", GateInput{RuleLevel: LevelImminent, ScoreAny: 0.99}, LevelImminent, ""},
	}
	for _, tt := range tests {
		got, subj, _ := a.GateLevel(tt.in)
		if got != tt.want || subj != tt.subj {
			t.Errorf("%s: got %s/%q, want %s/%q", tt.name, got, subj, tt.want, tt.subj)
		}
	}
}

// TestContextHitsDoNotBlock: a time word or a symptom near another person's
// pronoun ("she doesn't know why … on friday") is context, not risk to
// someone else, and must not keep the high+ head out.
func TestContextHitsDoNotBlock(t *testing.T) {
	a := newTestAssessor(t)
	for _, text := range []string{
		"I've arranged for my sister to pick up the kids from school on friday. she doesn't know why",
		"my dog is going to my parents next week. I told them I'm travelling. I'm not",
	} {
		in := a.GateInput((&Case{Text: text}).Conversation())
		if !in.MayRaiseHigh || in.Blocked != "" {
			t.Errorf("%q: MayRaiseHigh %v, blocked %q; want the head allowed", text, in.MayRaiseHigh, in.Blocked)
		}
	}
	// A risk rule about someone else still keeps the writer's heads out.
	if in := a.GateInput((&Case{Text: "my brother said he wants to kill himself tonight"}).Conversation()); in.MayRaiseHigh {
		t.Error("third-party risk: MayRaiseHigh true, want false")
	}
}
