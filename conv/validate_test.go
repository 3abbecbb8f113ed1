// Table-driven tests for the format rules in Validate: roles, content,
// splits, label vocabularies, turn indexes, severity, empathy and the
// preference-pair shape.
package conv

import (
	"errors"
	"strings"
	"testing"
)

func goodConversation() Conversation {
	return Conversation{
		ID: "c1",
		Messages: []Message{
			{RoleSystem, "You are a supportive listener."},
			{RoleUser, "Work has been piling up and I can't switch off at night."},
			{RoleAssistant, "That sounds exhausting. What happens when you try to wind down?"},
		},
		Labels: Labels{
			Concerns: []Concern{ConcernStress, ConcernSleep},
			Severity: SeverityOf(SeverityMild),
			Emotions: []string{"overwhelmed"},
			Turns:    []TurnLabel{{Turn: 2, Strategy: StrategyQuestion, Empathy: &Empathy{1, 1, 2}}},
		},
		Source:  "test",
		License: "CC-BY-4.0",
		Split:   SplitTrain,
	}
}

func TestConversationValidate(t *testing.T) {
	conf := func(f float64) *float64 { return &f }
	tests := []struct {
		name    string
		edit    func(c *Conversation)
		wantErr string // substring; "" means valid
	}{
		{"valid", func(c *Conversation) {}, ""},
		{"no labels", func(c *Conversation) { c.Labels = Labels{} }, ""},
		{"severity zero is a label", func(c *Conversation) { c.Labels.Severity = SeverityOf(0) }, ""},
		{"severity four", func(c *Conversation) { c.Labels.Severity = SeverityOf(SeverityCrisis) }, ""},
		{"empty split", func(c *Conversation) { c.Split = SplitNone }, ""},
		{"missing id", func(c *Conversation) { c.ID = "" }, "id: missing"},
		{"no messages", func(c *Conversation) { c.Messages = nil }, "messages: empty"},
		{"bad role", func(c *Conversation) { c.Messages[1].Role = "human" }, `messages[1].role: unknown role "human"`},
		{"tool role", func(c *Conversation) { c.Messages[0].Role = "tool" }, `messages[0].role: unknown role "tool"`},
		{"empty content", func(c *Conversation) { c.Messages[2].Content = "" }, "messages[2].content: empty"},
		{"bad split", func(c *Conversation) { c.Split = "dev" }, `split: "dev" is not train, val or test`},
		{"unknown concern", func(c *Conversation) { c.Labels.Concerns = []Concern{"stress", "worry"} }, `labels.concerns[1]: unknown concern "worry"`},
		{"concern case matters", func(c *Conversation) { c.Labels.Concerns = []Concern{"Stress"} }, `unknown concern "Stress"`},
		{"severity negative", func(c *Conversation) { c.Labels.Severity = SeverityOf(-1) }, "labels.severity: -1 is outside 0–4"},
		{"severity five", func(c *Conversation) { c.Labels.Severity = SeverityOf(5) }, "labels.severity: 5 is outside 0–4"},
		{"confidence above one", func(c *Conversation) { c.Labels.Confidence = conf(1.5) }, "labels.confidence: 1.5 is outside 0–1"},
		{"confidence negative", func(c *Conversation) { c.Labels.Confidence = conf(-0.1) }, "labels.confidence"},
		{"confidence edge", func(c *Conversation) { c.Labels.Confidence = conf(1) }, ""},
		{"turn past end", func(c *Conversation) { c.Labels.Turns[0].Turn = 3 }, "labels.turns[0].turn: 3 is not a message index"},
		{"turn negative", func(c *Conversation) { c.Labels.Turns[0].Turn = -1 }, "labels.turns[0].turn: -1 is not a message index"},
		{"turn on user message", func(c *Conversation) { c.Labels.Turns[0].Turn = 1 }, "labels.turns[0].turn: message 1 is a user turn, not assistant"},
		{"turn on system message", func(c *Conversation) { c.Labels.Turns[0].Turn = 0 }, "message 0 is a system turn"},
		{"turn labelled twice", func(c *Conversation) {
			c.Labels.Turns = append(c.Labels.Turns, TurnLabel{Turn: 2, Strategy: StrategyAffirmation})
		}, "labels.turns[1].turn: message 2 is labelled twice"},
		{"unknown strategy", func(c *Conversation) { c.Labels.Turns[0].Strategy = "Advice" }, `labels.turns[0].strategy: unknown strategy "Advice"`},
		{"strategy optional", func(c *Conversation) { c.Labels.Turns[0].Strategy = "" }, ""},
		{"empathy too high", func(c *Conversation) { c.Labels.Turns[0].Empathy.Interpretations = 3 }, "labels.turns[0].empathy.interpretations: 3 is outside 0–2"},
		{"empathy negative", func(c *Conversation) { c.Labels.Turns[0].Empathy.Explorations = -1 }, "labels.turns[0].empathy.explorations: -1 is outside 0–2"},
		{"first bad empathy score is reported", func(c *Conversation) {
			c.Labels.Turns[0].Empathy = &Empathy{EmotionalReactions: 9, Interpretations: 9, Explorations: 9}
		}, "empathy.emotional_reactions: 9"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := goodConversation()
			tt.edit(&c)
			err := c.Validate()
			checkErr(t, err, tt.wantErr)
		})
	}
}

func goodPair() PreferencePair {
	return PreferencePair{
		ID:        "p1",
		Prompt:    []Message{{RoleUser, "I keep lying awake replaying the day."}},
		Chosen:    []Message{{RoleAssistant, "That sounds draining. What tends to come up when you replay it?"}},
		Rejected:  []Message{{RoleAssistant, "Just stop thinking about it."}},
		Reasons:   []string{FailureDismissive},
		Annotator: "clinician-7",
		Concerns:  []Concern{ConcernSleep},
		Split:     SplitVal,
	}
}

func TestPreferencePairValidate(t *testing.T) {
	tests := []struct {
		name    string
		edit    func(p *PreferencePair)
		wantErr string
	}{
		{"valid", func(p *PreferencePair) {}, ""},
		{"free-text reason allowed", func(p *PreferencePair) { p.Reasons = []string{"too long"} }, ""},
		{"system then user prompt", func(p *PreferencePair) {
			p.Prompt = append([]Message{{RoleSystem, "Be kind."}}, p.Prompt...)
		}, ""},
		{"empty prompt", func(p *PreferencePair) { p.Prompt = nil }, "prompt: empty"},
		{"prompt ends with assistant", func(p *PreferencePair) {
			p.Prompt = append(p.Prompt, Message{RoleAssistant, "Go on."})
		}, "prompt: last message is assistant, want user"},
		{"bad prompt role", func(p *PreferencePair) { p.Prompt[0].Role = "human" }, `prompt[0].role: unknown role "human"`},
		{"empty chosen", func(p *PreferencePair) { p.Chosen = nil }, "chosen: empty"},
		{"empty rejected", func(p *PreferencePair) { p.Rejected = nil }, "rejected: empty"},
		{"chosen by user", func(p *PreferencePair) { p.Chosen[0].Role = RoleUser }, "chosen[0].role: user, want assistant"},
		{"rejected empty content", func(p *PreferencePair) { p.Rejected[0].Content = "" }, "rejected[0].content: empty"},
		{"identical sides", func(p *PreferencePair) { p.Rejected = append([]Message(nil), p.Chosen...) }, "chosen and rejected are identical"},
		{"same first turn, longer rejected", func(p *PreferencePair) {
			p.Rejected = append(append([]Message(nil), p.Chosen...), Message{RoleAssistant, "Also, sleep less."})
		}, ""},
		{"bad split", func(p *PreferencePair) { p.Split = "holdout" }, `split: "holdout"`},
		{"unknown concern", func(p *PreferencePair) { p.Concerns = []Concern{"insomnia"} }, `concerns[0]: unknown concern "insomnia"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := goodPair()
			tt.edit(&p)
			checkErr(t, p.Validate(), tt.wantErr)
		})
	}
}

func checkErr(t *testing.T, err error, want string) {
	t.Helper()
	if want == "" {
		if err != nil {
			t.Fatalf("got error %v, want none", err)
		}
		return
	}
	if err == nil {
		t.Fatalf("got no error, want one containing %q", want)
	}
	if !errors.Is(err, ErrInvalid) {
		t.Errorf("error %v does not wrap ErrInvalid", err)
	}
	if !strings.Contains(err.Error(), want) {
		t.Errorf("got error %q, want it to contain %q", err, want)
	}
}

func TestVocabularies(t *testing.T) {
	if len(Strategies) != 8 {
		t.Errorf("got %d strategies, want ESConv's 8", len(Strategies))
	}
	for _, s := range Strategies {
		if !s.Valid() {
			t.Errorf("strategy %q in Strategies is not Valid", s)
		}
	}
	for _, c := range Concerns {
		if !c.Valid() {
			t.Errorf("concern %q in Concerns is not Valid", c)
		}
	}
	if Concerns[len(Concerns)-1] != ConcernOther {
		t.Errorf("last concern is %q, want other", Concerns[len(Concerns)-1])
	}
	seen := map[string]bool{}
	for _, f := range Failures {
		if seen[f] {
			t.Errorf("failure %q listed twice", f)
		}
		seen[f] = true
	}
	for _, r := range []Role{RoleSystem, RoleUser, RoleAssistant} {
		if !r.Valid() {
			t.Errorf("role %q not Valid", r)
		}
	}
	if Role("tool").Valid() || Split("dev").Valid() || Strategy("question").Valid() || Concern("").Valid() {
		t.Error("an unknown value was accepted")
	}
}

func TestConversationHelpers(t *testing.T) {
	c := goodConversation()
	c.Messages = append(c.Messages, Message{RoleUser, "I tried reading but my mind races."}, Message{RoleAssistant, "Racing thoughts at bedtime are common."})
	if got, want := c.LastUser(), "I tried reading but my mind races."; got != want {
		t.Errorf("LastUser() = %q, want %q", got, want)
	}
	got := c.AssistantTurns()
	if len(got) != 2 || got[0] != 2 || got[1] != 4 {
		t.Errorf("AssistantTurns() = %v, want [2 4]", got)
	}
	empty := Conversation{}
	if empty.LastUser() != "" || empty.AssistantTurns() != nil {
		t.Error("helpers on an empty conversation should return zero values")
	}
}
