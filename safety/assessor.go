// The Assessor: its classifiers and thresholds, how one is built (the
// embedded weights, or a trainer's candidates), and the package-level
// Assess and AssessText that use a shared default.
package safety

import (
	"sync"

	"github.com/tend-project/tend/conv"
)

// Assessor assesses conversations. The zero value is not usable; use
// NewAssessor or the package-level Assess.
type Assessor struct {
	lex      *lexicon
	clf      *Classifier
	clfHigh  *Classifier
	clfThird *Classifier
	clfAny   *Classifier    // P(anyone at high+); nil: no direct path
	cat      *CategoryModel // nil: categories from topic words (guessCategory)
	// ClassifierThreshold is the P(moderate+) above which a message the
	// rules rated none or low is raised to moderate. Zero disables it.
	ClassifierThreshold float64
	// HighThreshold is the P(high+) above which a message the rules rated
	// below high, but in which they found some risk cue about the writer,
	// is raised to high. Zero disables it.
	HighThreshold float64
	// HighAloneThreshold is the stricter P(high+) needed when the rules
	// found nothing at all in the message but it carries a risk cue and an
	// anchor word. Zero disables it.
	HighAloneThreshold float64
	// BareThreshold is the P(high+) needed to raise a message that has
	// neither a rule hit nor a risk cue ("took em all", "gun's loaded. i'm
	// sitting in my truck"). Zero disables it.
	BareThreshold float64
	// CueThreshold is the P(high+) needed when the message has a risk cue
	// but neither a rule hit nor an anchor word: between HighAloneThreshold
	// and BareThreshold. Zero means BareThreshold applies.
	CueThreshold float64
	// ThirdThreshold is the P(someone else at high+) above which a message
	// about another person (a relative, a friend, a student), in which the
	// rules found no risk to the writer, is raised to high with subject
	// third_party. Zero disables it.
	ThirdThreshold float64
	// DirectThreshold is the P(anyone at high+) above which any message
	// not excluded as an idiom is raised to high, whatever the rules'
	// scope and anchor conditions decided: on writers the classifiers
	// never saw, this head ranks crises better than the gated paths
	// above. Zero disables it.
	DirectThreshold float64
	// CategoryThreshold is the P(category) at which the category head
	// names a category for a message the rules gave none (it always names
	// at least its most probable one).
	CategoryThreshold float64
	// CategoryAddThreshold is the P(category) at which the head adds a
	// category the rules did not name to an assessment at moderate or
	// above. Zero disables adding.
	CategoryAddThreshold float64
}

// NewAssessor returns an assessor using the built-in lexicon and the
// embedded classifier.
func NewAssessor() (*Assessor, error) {
	clf, err := DefaultClassifier()
	if err != nil {
		return nil, err
	}
	hi, err := DefaultHighClassifier()
	if err != nil {
		return nil, err
	}
	third, err := DefaultThirdClassifier()
	if err != nil {
		return nil, err
	}
	cat, err := DefaultCategoryModel()
	if err != nil {
		return nil, err
	}
	anyone, err := DefaultAnyClassifier()
	if err != nil {
		return nil, err
	}
	a, err := NewAssessorWith(clf, hi, third)
	if err != nil {
		return nil, err
	}
	a.SetCategoryModel(cat)
	a.SetAnyClassifier(anyone)
	return a, nil
}

// SetCategoryModel makes a use m to name categories (nil: topic words).
// The trainer uses it to measure candidate models through Assess.
func (a *Assessor) SetCategoryModel(m *CategoryModel) { a.cat = m }

// NewAssessorWith returns an assessor using the built-in lexicon and the
// given classifiers for P(moderate+), P(high+) and P(someone else at high+)
// (any may be nil) with the default thresholds; the trainer uses it to
// measure candidate weights through the whole of Assess.
func NewAssessorWith(mod, high, third *Classifier) (*Assessor, error) {
	l, err := compiled()
	if err != nil {
		return nil, err
	}
	return &Assessor{lex: l, clf: mod, clfHigh: high, clfThird: third, ClassifierThreshold: defaultClassifierThreshold,
		HighThreshold: defaultHighThreshold, HighAloneThreshold: defaultHighAloneThreshold, BareThreshold: defaultBareThreshold, CueThreshold: defaultCueThreshold,
		ThirdThreshold: defaultThirdThreshold, DirectThreshold: defaultDirectThreshold, CategoryThreshold: defaultCategoryThreshold,
		CategoryAddThreshold: defaultCategoryAddThreshold}, nil
}

var defaultAssessor = sync.OnceValue(func() *Assessor {
	a, err := NewAssessor()
	if err != nil {
		// The lexicon and weights are compiled into the binary and covered
		// by tests; a failure here is a build defect.
		panic("safety: " + err.Error())
	}
	return a
})

// Assess assesses c with the default assessor.
func Assess(c *conv.Conversation) Assessment { return defaultAssessor().Assess(c) }

// AssessText assesses a single user message.
func AssessText(text string) Assessment {
	return defaultAssessor().Assess(&conv.Conversation{Messages: []conv.Message{{Role: conv.RoleUser, Content: text}}})
}
