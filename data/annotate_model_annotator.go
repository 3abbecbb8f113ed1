// The trained annotator as a pipeline stage, and the two package-level
// helpers other parts of tend call: ClassifyStrategy (eval scores a
// model's replies by strategy) and DetectConcerns (serving picks
// citations by concern).
//
// Records that arrive with labels from a person or the seed generator keep
// them; the model only adds the strategy of assistant turns that have
// none, and the record keeps confidence 1. (A labelled record without
// emotions may mean "none", as in the seed corpus's information
// questions, so emotions are not guessed for it.) Records
// without concern or severity labels get the model's labels and its
// calibrated confidence: the least certain of its decisions, so one shaky
// label is enough to send a record to needs_review.jsonl.
package data

import (
	"math"
	"slices"

	"github.com/tend-project/tend/conv"
)

// ModelAnnotator implements Annotator with the trained AnnotModel. The
// model is trained on first need, so a run over fully labelled data (the
// seed corpus, a labelled import) never pays for it.
type ModelAnnotator struct{ model *AnnotModel }

var _ Annotator = (*ModelAnnotator)(nil)

// NewModelAnnotator returns the annotator. It does not train the model;
// the first record that needs it does (once per process, about 5 s of
// CPU).
func NewModelAnnotator() (*ModelAnnotator, error) { return &ModelAnnotator{}, nil }

// m returns the model, training the default one if none was given.
func (a *ModelAnnotator) m() (*AnnotModel, error) {
	if a.model != nil {
		return a.model, nil
	}
	return DefaultAnnotModel()
}

// Name is "model".
func (*ModelAnnotator) Name() string { return "model" }

// Annotate implements Annotator. Records with given labels cost only
// the strategy classifier on turns that lack a strategy (nothing at all
// when every turn has one); unlabelled records run every head. If the
// model cannot be built, labels are returned unchanged with confidence 0,
// which sends the record to review.
func (a *ModelAnnotator) Annotate(c *conv.Conversation) (conv.Labels, float64) {
	l := c.Labels
	if l.Confidence == nil && (len(l.Concerns) > 0 || l.Severity != nil) {
		missing := func(turn int) bool {
			i := slices.IndexFunc(l.Turns, func(t conv.TurnLabel) bool { return t.Turn == turn })
			return i < 0 || l.Turns[i].Strategy == ""
		}
		need := false
		for i, msg := range c.Messages {
			need = need || msg.Role == conv.RoleAssistant && missing(i)
		}
		if !need {
			return l, 1
		}
		m, err := a.m()
		if err != nil {
			return l, 1
		}
		ts, _ := m.predictTurns(c, func(turn int) bool { return !missing(turn) })
		l.Turns = fillTurns(l.Turns, ts)
		return l, 1
	}
	m, err := a.m()
	if err != nil {
		return l, 0
	}
	p := m.Predict(c)
	l.Concerns = p.Concerns
	l.Severity = conv.SeverityOf(p.Severity)
	// The confidence in each decision made: p for a concern given (even
	// the fallback one given when none reached 0.5), 1 − p for one not
	// given, the probability of the chosen severity.
	conf := p.SeverityP[p.Severity]
	for i, q := range p.ConcernProb {
		if slices.Contains(p.Concerns, concernOrder[i]) {
			conf = min(conf, q)
		} else {
			conf = min(conf, 1-q)
		}
	}
	if len(l.Emotions) == 0 {
		l.Emotions = p.Emotions
	}
	l.Turns = fillTurns(l.Turns, p.Turns)
	// Two decimals: finer digits are noise, and they would change with
	// every edit to the seed corpus the model trains on.
	conf = math.Round(conf*100) / 100
	cf := conf
	l.Confidence = &cf
	return l, conf
}

// fillTurns adds a predicted strategy for every assistant turn that has
// none, keeping existing turn labels (and their empathy scores).
func fillTurns(have, pred []conv.TurnLabel) []conv.TurnLabel {
	out := slices.Clone(have)
	for _, t := range pred {
		i := slices.IndexFunc(out, func(h conv.TurnLabel) bool { return h.Turn == t.Turn })
		switch {
		case i < 0:
			out = append(out, t)
		case out[i].Strategy == "":
			out[i].Strategy = t.Strategy
		}
	}
	slices.SortFunc(out, func(a, b conv.TurnLabel) int { return a.Turn - b.Turn })
	return out
}

// ClassifyStrategy returns the ESConv support strategy of one assistant
// reply ("Question", "Reflection of feelings", ...), from the classifier
// trained on the seed corpus. The first call in a process trains the
// annotation model (a few seconds; see BenchmarkTrainAnnotModel); later
// calls take microseconds. If the model cannot be built it returns
// conv.StrategyOthers.
func ClassifyStrategy(reply string) conv.Strategy {
	m, err := DefaultAnnotModel()
	if err != nil {
		return conv.StrategyOthers
	}
	s, _ := m.ClassifyStrategy(reply)
	return s
}

// DetectConcerns returns the concerns a user message talks about, in
// conv.Concerns order: those the trained concern head gives probability
// ≥ 0.5 and those LexiconConcerns finds. The union is deliberate: the head
// knows the seed corpus's phrasing, the lexicon people's own words, and
// neither alone does well on both (docs/data-annotate.md). Serving uses it to
// choose which library pages to cite. The first call in a process trains
// the annotation model (about 5 s of CPU; warm it at start-up); later calls
// take tens of microseconds. If the model cannot be built it falls back to
// LexiconConcerns.
func DetectConcerns(text string) []conv.Concern {
	m, err := DefaultAnnotModel()
	if err != nil {
		return LexiconConcerns(text)
	}
	c := &conv.Conversation{Messages: []conv.Message{{Role: conv.RoleUser, Content: text}}}
	p := make([]float64, len(concernOrder))
	m.concerns.probs(m.convFeatures(c), p)
	lex := LexiconConcerns(text)
	var out []conv.Concern
	for i, k := range concernOrder {
		if p[i] >= 0.5 || slices.Contains(lex, k) {
			out = append(out, k)
		}
	}
	return out
}
