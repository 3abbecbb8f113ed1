// Labels: the annotation vocabulary shared by curation, training and eval.
// Concerns are tend's own topic list; strategies are ESConv's eight support
// strategies (Liu et al., 2021); empathy uses the three EPITOME mechanisms
// (Sharma et al., 2020), each scored 0–2.
package conv

import "fmt"

// Concern is a mental-health topic a conversation is about.
type Concern string

const (
	ConcernStress        Concern = "stress"
	ConcernAnxiety       Concern = "anxiety"
	ConcernDepression    Concern = "depression"
	ConcernGrief         Concern = "grief"
	ConcernLoneliness    Concern = "loneliness"
	ConcernRelationships Concern = "relationships"
	ConcernFamily        Concern = "family"
	ConcernWorkSchool    Concern = "work_school"
	ConcernSleep         Concern = "sleep"
	ConcernSelfEsteem    Concern = "self_esteem"
	ConcernTrauma        Concern = "trauma"
	ConcernSubstanceUse  Concern = "substance_use"
	ConcernEatingBody    Concern = "eating_body_image"
	ConcernAnger         Concern = "anger"
	ConcernCrisis        Concern = "crisis_self_harm"
	ConcernOther         Concern = "other"
)

// Concerns lists every concern in a stable order (Other last).
var Concerns = []Concern{
	ConcernStress, ConcernAnxiety, ConcernDepression, ConcernGrief, ConcernLoneliness,
	ConcernRelationships, ConcernFamily, ConcernWorkSchool, ConcernSleep, ConcernSelfEsteem,
	ConcernTrauma, ConcernSubstanceUse, ConcernEatingBody, ConcernAnger, ConcernCrisis,
	ConcernOther,
}

// Valid reports whether c is a known concern.
func (c Concern) Valid() bool {
	for _, k := range Concerns {
		if c == k {
			return true
		}
	}
	return false
}

// Strategy is one of ESConv's eight support strategies.
type Strategy string

const (
	StrategyQuestion     Strategy = "Question"
	StrategyRestatement  Strategy = "Restatement or Paraphrasing"
	StrategyReflection   Strategy = "Reflection of feelings"
	StrategySelfDisclose Strategy = "Self-disclosure"
	StrategyAffirmation  Strategy = "Affirmation and Reassurance"
	StrategySuggestions  Strategy = "Providing Suggestions"
	StrategyInformation  Strategy = "Information"
	StrategyOthers       Strategy = "Others"
)

// Strategies lists ESConv's strategies in the paper's order.
var Strategies = []Strategy{
	StrategyQuestion, StrategyRestatement, StrategyReflection, StrategySelfDisclose,
	StrategyAffirmation, StrategySuggestions, StrategyInformation, StrategyOthers,
}

// Valid reports whether s is one of ESConv's eight strategies.
func (s Strategy) Valid() bool {
	for _, k := range Strategies {
		if s == k {
			return true
		}
	}
	return false
}

// Severity runs from 0 (no distress) to 4 (imminent risk).
type Severity int

const (
	SeverityNone     Severity = 0
	SeverityMild     Severity = 1
	SeverityModerate Severity = 2
	SeveritySevere   Severity = 3
	SeverityCrisis   Severity = 4
)

// Empathy holds EPITOME's three mechanism scores, each 0 (none), 1 (weak) or
// 2 (strong).
type Empathy struct {
	EmotionalReactions int `json:"emotional_reactions"`
	Interpretations    int `json:"interpretations"`
	Explorations       int `json:"explorations"`
}

// TurnLabel annotates one assistant turn.
type TurnLabel struct {
	// Turn is the index into Conversation.Messages of an assistant message.
	Turn     int      `json:"turn"`
	Strategy Strategy `json:"strategy,omitempty"`
	Empathy  *Empathy `json:"empathy,omitempty"`
}

// Labels is everything annotated about a conversation.
type Labels struct {
	Concerns []Concern `json:"concerns,omitempty"`
	// Severity is a pointer so "unlabelled" and "0" stay distinct.
	Severity *Severity   `json:"severity,omitempty"`
	Emotions []string    `json:"emotions,omitempty"`
	Turns    []TurnLabel `json:"turns,omitempty"`
	// Confidence of automatic labels, 0–1; absent for human or seed labels.
	Confidence *float64 `json:"confidence,omitempty"`
}

// SeverityOf returns a pointer to s, for filling Labels.Severity.
func SeverityOf(s Severity) *Severity { return &s }

// Validate checks label values against the vocabularies. nMessages and roles
// come from the owning conversation so turn indexes can be checked.
func (l *Labels) validate(msgs []Message) error {
	for i, c := range l.Concerns {
		if !c.Valid() {
			return fmt.Errorf("labels.concerns[%d]: unknown concern %q", i, c)
		}
	}
	if l.Severity != nil && (*l.Severity < 0 || *l.Severity > 4) {
		return fmt.Errorf("labels.severity: %d is outside 0–4", *l.Severity)
	}
	if l.Confidence != nil && (*l.Confidence < 0 || *l.Confidence > 1) {
		return fmt.Errorf("labels.confidence: %g is outside 0–1", *l.Confidence)
	}
	seen := make(map[int]bool, len(l.Turns))
	for i, t := range l.Turns {
		if t.Turn < 0 || t.Turn >= len(msgs) {
			return fmt.Errorf("labels.turns[%d].turn: %d is not a message index", i, t.Turn)
		}
		if seen[t.Turn] {
			return fmt.Errorf("labels.turns[%d].turn: message %d is labelled twice", i, t.Turn)
		}
		seen[t.Turn] = true
		if msgs[t.Turn].Role != RoleAssistant {
			return fmt.Errorf("labels.turns[%d].turn: message %d is a %s turn, not assistant", i, t.Turn, msgs[t.Turn].Role)
		}
		if t.Strategy != "" && !t.Strategy.Valid() {
			return fmt.Errorf("labels.turns[%d].strategy: unknown strategy %q", i, t.Strategy)
		}
		if e := t.Empathy; e != nil {
			// A slice, not a map, so the first bad score reported is stable.
			for _, s := range []struct {
				name string
				v    int
			}{{"emotional_reactions", e.EmotionalReactions}, {"interpretations", e.Interpretations}, {"explorations", e.Explorations}} {
				if s.v < 0 || s.v > 2 {
					return fmt.Errorf("labels.turns[%d].empathy.%s: %d is outside 0–2", i, s.name, s.v)
				}
			}
		}
	}
	return nil
}
