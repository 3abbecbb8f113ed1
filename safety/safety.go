// Package safety keeps people safe around tend's models: it assesses crisis
// risk in a conversation (Assess), holds a directory of crisis lines by
// locale (Resources), writes de-escalation replies that do not depend on a
// language model (CrisisResponse), and checks model replies before they are
// shown (Guard, StreamGuard). A YAML Policy configures locale, thresholds and
// per-rule actions, and refuses any attempt to switch crisis handling off.
//
// Assessment is hybrid: curated phrase patterns over normalised tokens with
// scope handling (negation, hypotheticals, quotes, reported speech,
// informational questions, past and recovered behaviour), idiom and technical
// exclusions, conversation memory across user turns, and a small logistic
// regression over hashed word n-grams whose weights are embedded.
//
// This file holds the public vocabulary: levels, categories, subjects and the
// Assessment record.
package safety

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Level is how urgent the risk in a conversation is.
type Level int

const (
	LevelNone Level = iota
	LevelLow
	LevelModerate
	LevelHigh
	LevelImminent
)

var levelNames = [...]string{"none", "low", "moderate", "high", "imminent"}

// Levels lists every level in ascending order.
var Levels = []Level{LevelNone, LevelLow, LevelModerate, LevelHigh, LevelImminent}

// String returns "none", "low", "moderate", "high" or "imminent".
func (l Level) String() string {
	if l < 0 || int(l) >= len(levelNames) {
		return fmt.Sprintf("level(%d)", int(l))
	}
	return levelNames[l]
}

// ParseLevel parses a level name (case-insensitive).
func ParseLevel(s string) (Level, error) {
	for i, n := range levelNames {
		if strings.EqualFold(strings.TrimSpace(s), n) {
			return Level(i), nil
		}
	}
	return 0, fmt.Errorf("unknown level %q (want none, low, moderate, high or imminent)", s)
}

// MarshalJSON writes the level as its name.
func (l Level) MarshalJSON() ([]byte, error) { return json.Marshal(l.String()) }

// UnmarshalJSON reads a level name.
func (l *Level) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("level: %w", err)
	}
	v, err := ParseLevel(s)
	if err != nil {
		return err
	}
	*l = v
	return nil
}

// MarshalText lets a Level be used as a YAML or JSON map key and value.
func (l Level) MarshalText() ([]byte, error) { return []byte(l.String()), nil }

// UnmarshalText parses a level name.
func (l *Level) UnmarshalText(b []byte) error {
	v, err := ParseLevel(string(b))
	if err != nil {
		return err
	}
	*l = v
	return nil
}

// Category names a kind of risk. The set follows Llama Guard's S11 (suicide
// and self-harm, including disordered eating) and OpenAI's self-harm
// categories, plus the neighbouring crises a support tool meets.
type Category string

const (
	CatSuicidalIdeation Category = "suicidal_ideation"
	CatSelfHarm         Category = "self_harm"
	CatHarmToOthers     Category = "harm_to_others"
	CatAbuse            Category = "abuse"
	CatMedicalEmergency Category = "medical_emergency"
	CatDisorderedEating Category = "disordered_eating"
	CatPsychosis        Category = "psychosis"
)

// Categories lists every category in a stable order.
var Categories = []Category{
	CatSuicidalIdeation, CatSelfHarm, CatHarmToOthers, CatAbuse,
	CatMedicalEmergency, CatDisorderedEating, CatPsychosis,
}

// Valid reports whether c is a known category.
func (c Category) Valid() bool {
	for _, k := range Categories {
		if c == k {
			return true
		}
	}
	return false
}

// Subject says whose risk the conversation is about.
type Subject string

const (
	SubjectSelf       Subject = "self"        // the writer
	SubjectThirdParty Subject = "third_party" // someone the writer is worried about
	SubjectGeneral    Subject = "general"     // a question, story or hypothetical
)

// Valid reports whether s is a known subject (or empty).
func (s Subject) Valid() bool {
	return s == "" || s == SubjectSelf || s == SubjectThirdParty || s == SubjectGeneral
}

// Span is one piece of evidence: byte offsets into one message.
type Span struct {
	Message int    `json:"message"` // index into Conversation.Messages
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Text    string `json:"text"`
	Rule    string `json:"rule"`
}

// Assessment is the result of Assess.
type Assessment struct {
	Level      Level      `json:"level"`
	Categories []Category `json:"categories"`
	Subject    Subject    `json:"subject"`
	Evidence   []Span     `json:"evidence"`
	// Confidence is how sure the assessor is of Level, 0–1: high when the
	// rules and the classifier agree, lower when only one of them fired.
	Confidence float64 `json:"confidence"`
	// Score is the classifier's probability that the latest user turn
	// carries moderate-or-higher risk; reported for calibration and review.
	Score float64 `json:"score"`
	// ScoreHigh is the second classifier's probability that the latest user
	// turn is high or imminent risk.
	ScoreHigh float64 `json:"score_high"`
}

// Has reports whether the assessment includes category c.
func (a Assessment) Has(c Category) bool {
	for _, k := range a.Categories {
		if k == c {
			return true
		}
	}
	return false
}
