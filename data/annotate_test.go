// Table tests for the annotator: DetectConcerns with hard negatives,
// ClassifyStrategy on replies in each style, the annotator's handling of
// given and missing labels, the pipeline's needs_review routing, and
// benchmarks for training and for the serving-time helpers.
package data

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/tend-project/tend/conv"
)

func TestLexiconConcerns(t *testing.T) {
	tests := []struct {
		text string
		want []conv.Concern
	}{
		{"I've had panic attacks every day this week", []conv.Concern{conv.ConcernAnxiety}},
		{"my nan passed away on sunday", []conv.Concern{conv.ConcernGrief}},
		{"I can't sleep, I lie awake until 4", []conv.Concern{conv.ConcernSleep}},
		{"I keep thinking I want to die", []conv.Concern{conv.ConcernCrisis}},
		{"I've been drinking every night and I'm hungover at work", []conv.Concern{conv.ConcernSubstanceUse}},
		{"my boss shouts at me and the job is killing me", []conv.Concern{conv.ConcernWorkSchool}},
		// Hard negatives: everyday words that name no problem.
		{"I went to work today", nil},                                         // one family/work word is not enough
		{"my mum made dinner", nil},                                           // likewise
		{"what a lovely sunny day", nil},                                      // nothing
		{"I'm dying to see that film", nil},                                   // "dying" is not "want to die"
		{"the stresses on a bridge beam", []conv.Concern{conv.ConcernStress}}, // a known false positive of word lists
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, LexiconConcerns(tt.text)); diff != "" {
				t.Errorf("LexiconConcerns (-want +got):\n%s", diff)
			}
		})
	}
}

func TestClassifyStrategy(t *testing.T) {
	tests := []struct {
		reply string
		want  conv.Strategy
	}{
		{"What has been the hardest part of this for you?", conv.StrategyQuestion},
		{"It sounds like you feel completely alone with all of this, and that must be so hard.", conv.StrategyReflection},
		{"It might help to take a ten-minute walk at lunch without your phone.", conv.StrategySuggestions},
		{"Panic attacks are common and, although frightening, they are not dangerous in themselves.", conv.StrategyInformation},
	}
	for _, tt := range tests {
		t.Run(tt.reply, func(t *testing.T) {
			if got := ClassifyStrategy(tt.reply); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestModelAnnotator(t *testing.T) {
	a, err := NewModelAnnotator()
	if err != nil {
		t.Fatal(err)
	}
	msgs := []conv.Message{
		{Role: conv.RoleUser, Content: "I can't sleep. It's been three weeks of lying awake until dawn and I'm exhausted at work."},
		{Role: conv.RoleAssistant, Content: "That sounds exhausting. What tends to keep you awake?"},
	}
	t.Run("unlabelled gets labels and a confidence", func(t *testing.T) {
		c := &conv.Conversation{ID: "u", Messages: msgs}
		l, conf := a.Annotate(c)
		if !slices.Contains(l.Concerns, conv.ConcernSleep) {
			t.Errorf("concerns %v, want sleep among them", l.Concerns)
		}
		if l.Severity == nil || l.Confidence == nil || *l.Confidence != conf || conf <= 0 || conf > 1 {
			t.Errorf("severity %v confidence %v (returned %g): want both set and equal", l.Severity, l.Confidence, conf)
		}
		if len(l.Turns) != 1 || l.Turns[0].Turn != 1 || l.Turns[0].Strategy == "" {
			t.Errorf("turns %+v, want a strategy for message 1", l.Turns)
		}
		c.Labels = l
		if err := c.Validate(); err != nil {
			t.Errorf("labels do not validate: %v", err)
		}
	})
	t.Run("given labels are kept and turn strategies filled", func(t *testing.T) {
		emp := &conv.Empathy{EmotionalReactions: 2}
		c := &conv.Conversation{ID: "g", Messages: msgs, Labels: conv.Labels{
			Concerns: []conv.Concern{conv.ConcernWorkSchool}, Severity: conv.SeverityOf(2),
			Turns: []conv.TurnLabel{{Turn: 1, Empathy: emp}}}}
		l, conf := a.Annotate(c)
		if conf != 1 || l.Confidence != nil {
			t.Errorf("confidence %g / %v, want 1 and no stored confidence", conf, l.Confidence)
		}
		if !slices.Equal(l.Concerns, []conv.Concern{conv.ConcernWorkSchool}) || *l.Severity != 2 {
			t.Errorf("given labels changed: %v %v", l.Concerns, *l.Severity)
		}
		if len(l.Turns) != 1 || l.Turns[0].Empathy != emp || l.Turns[0].Strategy == "" {
			t.Errorf("turns %+v, want the empathy kept and a strategy added", l.Turns)
		}
		if len(l.Emotions) != 0 {
			t.Errorf("emotions %v guessed for a labelled record", l.Emotions)
		}
	})
}

func BenchmarkTrainAnnotModel(b *testing.B) {
	d, err := loadSeed()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		trainAnnotModel(d)
	}
}

func TestDetectConcerns(t *testing.T) {
	tests := []struct {
		text string
		want conv.Concern // must be among the result; "" = result empty
	}{
		{"I keep thinking about ending my life", conv.ConcernCrisis},
		{"my dad died last month and I can't stop crying", conv.ConcernGrief},
		{"I lie awake every night and I'm exhausted", conv.ConcernSleep},
		{"what a lovely sunny day", ""},
	}
	for _, tt := range tests {
		got := DetectConcerns(tt.text)
		if tt.want == "" && len(got) > 0 || tt.want != "" && !slices.Contains(got, tt.want) {
			t.Errorf("DetectConcerns(%q) = %v, want %q", tt.text, got, tt.want)
		}
	}
}

func BenchmarkDetectConcerns(b *testing.B) {
	text := "I've been drinking most nights since the breakup and I can't sleep; work is a mess and my mum keeps calling."
	if _, err := DefaultAnnotModel(); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		DetectConcerns(text)
	}
	b.ReportMetric(float64(len(text))*float64(b.N)/b.Elapsed().Seconds()/1e6, "MB/s")
}

func BenchmarkAnnotate(b *testing.B) {
	a, err := NewModelAnnotator()
	if err != nil {
		b.Fatal(err)
	}
	d, err := loadSeed()
	if err != nil {
		b.Fatal(err)
	}
	i := 0
	for b.Loop() {
		c := *d.test[i%len(d.test)]
		c.Labels = conv.Labels{}
		a.Annotate(&c)
		i++
	}
}

// A message unlike anything in the seed corpus gets a confidence low
// enough to send it to review at a strict threshold.
func TestModelAnnotatorUnsureOnOddText(t *testing.T) {
	a, err := NewModelAnnotator()
	if err != nil {
		t.Fatal(err)
	}
	c := &conv.Conversation{ID: "odd", Messages: []conv.Message{
		{Role: conv.RoleUser, Content: "the tide tables for next tuesday please"},
		{Role: conv.RoleAssistant, Content: "I can't look those up, sorry."},
	}}
	if _, conf := a.Annotate(c); conf >= 0.9 {
		t.Errorf("confidence %g on an off-topic message, want below 0.9", conf)
	}
}
