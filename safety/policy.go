// Policy: the YAML file that configures locale, thresholds and per-rule
// guard actions. Crisis handling cannot be switched off: a policy that
// disables it, raises the crisis threshold above high, or sets a crisis rule
// to flag or off is rejected with an error naming the field.
//
//	locale: GB
//	crisis:
//	  enabled: true          # must be true
//	thresholds:
//	  referral: moderate     # missing_referral applies from this level (at most high)
//	  crisis_response: high  # serving answers with CrisisResponse from this level (at most high)
//	rules:
//	  diagnosis: rewrite     # block | rewrite | flag | off
//	  method_detail: block   # crisis rule: block or rewrite only
//	allow_links:
//	  - https://988lifeline.org
//	allow_numbers:           # phone numbers besides the resource directory's
//	  - 0800 1111
//	guard_classifier: true   # the trained second opinion for the text rules (default on)
//	guard_classifier_action: flag  # what its finds do on non-crisis rules: flag (default) | rewrite | block
package safety

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"gopkg.in/yaml.v3"
)

// ErrPolicy marks an invalid policy. Check with errors.Is.
var ErrPolicy = errors.New("invalid safety policy")

// Policy configures the safety layer.
type Policy struct {
	Locale     string            `yaml:"locale" json:"locale"`
	Crisis     CrisisPolicy      `yaml:"crisis" json:"crisis"`
	Thresholds Thresholds        `yaml:"thresholds" json:"thresholds"`
	Rules      map[string]Action `yaml:"rules" json:"rules,omitempty"`
	AllowLinks []string          `yaml:"allow_links" json:"allow_links,omitempty"`
	// AllowNumbers lists phone numbers a reply may give besides those in
	// the resource directory (the unverified_number rule), e.g. a local
	// service the operator has checked. Compared by digits.
	AllowNumbers []string `yaml:"allow_numbers" json:"allow_numbers,omitempty"`
	// GuardClassifier switches the guard classifier (guard_clf.go), which
	// may add text-rule violations the rules missed, on or off. Unset means
	// on. It is an extra check, not crisis handling: the rules stay.
	GuardClassifier *bool `yaml:"guard_classifier" json:"guard_classifier,omitempty"`
	// GuardClassifierAction is what a classifier find does on the
	// non-crisis text rules (diagnosis, medication, stigma, claims_human,
	// promises_confidentiality): flag (the default), rewrite or block, and
	// never more than the rule's own action. Finds on the crisis rules
	// (method_detail, encourages_harm) always take the rule's action: a
	// needlessly removed sentence costs less than a method detail sent.
	// Flag is the default because the classifier also fires on some clean
	// replies (docs/safety.md gives the rates).
	GuardClassifierAction Action `yaml:"guard_classifier_action" json:"guard_classifier_action,omitempty"`
}

// ClassifierAction returns the action for a guard-classifier find on rule,
// given the rule's own action.
func (p Policy) ClassifierAction(rule string, ruleAction Action) Action {
	if crisisRules[rule] {
		return ruleAction
	}
	a := p.GuardClassifierAction
	if a == "" {
		a = ActionFlag
	}
	if a.rank() > ruleAction.rank() {
		return ruleAction
	}
	return a
}

// GuardClassifierOn reports whether the guard classifier runs.
func (p Policy) GuardClassifierOn() bool { return p.GuardClassifier == nil || *p.GuardClassifier }

// CrisisPolicy exists so that a policy file can say `enabled: true`; any
// other value is an error.
type CrisisPolicy struct {
	Enabled *bool `yaml:"enabled" json:"enabled,omitempty"`
}

// Thresholds are the levels at which the safety layer acts.
type Thresholds struct {
	// Referral is the level from which a reply must point to professional
	// help (the missing_referral rule). Default moderate.
	Referral Level `yaml:"referral" json:"referral"`
	// CrisisResponse is the level from which serving replies with
	// CrisisResponse instead of the model. Default high.
	CrisisResponse Level `yaml:"crisis_response" json:"crisis_response"`
}

// DefaultPolicy returns the built-in policy: international resources,
// referral from moderate, crisis response from high, default actions.
func DefaultPolicy() Policy {
	return Policy{Locale: "INTL", Thresholds: Thresholds{Referral: LevelModerate, CrisisResponse: LevelHigh}}
}

// ActionFor returns the configured action for a guard rule.
func (p Policy) ActionFor(rule string) Action {
	if a, ok := p.Rules[rule]; ok && a != "" {
		return a
	}
	return DefaultActions[rule]
}

// Validate checks the policy and reports the first problem with its field.
func (p *Policy) Validate() error {
	if p.Crisis.Enabled != nil && !*p.Crisis.Enabled {
		return fmt.Errorf("%w: crisis.enabled: crisis handling cannot be disabled; remove the field or set it to true", ErrPolicy)
	}
	if p.Thresholds.Referral < LevelLow || p.Thresholds.Referral > LevelHigh {
		return fmt.Errorf("%w: thresholds.referral: %s is outside low..high; a referral must be required at high risk at the latest", ErrPolicy, p.Thresholds.Referral)
	}
	if p.Thresholds.CrisisResponse < LevelLow || p.Thresholds.CrisisResponse > LevelHigh {
		return fmt.Errorf("%w: thresholds.crisis_response: %s is outside low..high; crisis responses cannot be limited to imminent risk or switched off", ErrPolicy, p.Thresholds.CrisisResponse)
	}
	for name, a := range p.Rules {
		if _, ok := DefaultActions[name]; !ok {
			return fmt.Errorf("%w: rules.%s: unknown rule (want one of %s)", ErrPolicy, name, strings.Join(GuardRules, ", "))
		}
		switch a {
		case ActionBlock, ActionRewrite, ActionFlag, ActionOff:
		default:
			return fmt.Errorf("%w: rules.%s: unknown action %q (want block, rewrite, flag or off)", ErrPolicy, name, a)
		}
		if crisisRules[name] && (a == ActionFlag || a == ActionOff) {
			return fmt.Errorf("%w: rules.%s: crisis rules cannot be set to %s; use block or rewrite", ErrPolicy, name, a)
		}
	}
	switch p.GuardClassifierAction {
	case "", ActionFlag, ActionRewrite, ActionBlock:
	default:
		return fmt.Errorf("%w: guard_classifier_action: unknown action %q (want flag, rewrite or block)", ErrPolicy, p.GuardClassifierAction)
	}
	for i, n := range p.AllowNumbers {
		if len(digitsOnly(n)) < 2 {
			return fmt.Errorf("%w: allow_numbers[%d]: %q is not a phone number (want at least two digits)", ErrPolicy, i, n)
		}
	}
	if p.Locale == "" {
		return fmt.Errorf("%w: locale: missing", ErrPolicy)
	}
	if _, ok := lookupLocale(p.Locale); !ok && !strings.EqualFold(p.Locale, "INTL") {
		return fmt.Errorf("%w: locale: %q has no resource entry (have %s)", ErrPolicy, p.Locale, strings.Join(Locales(), ", "))
	}
	return nil
}

// ParsePolicy reads a policy from YAML. Fields not set keep the defaults;
// unknown fields are errors.
func ParsePolicy(r io.Reader, name string) (Policy, error) {
	p := DefaultPolicy()
	b, err := io.ReadAll(r)
	if err != nil {
		return p, fmt.Errorf("%s: %w", name, err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&p); err != nil && !errors.Is(err, io.EOF) {
		return p, fmt.Errorf("%s: %w: %v", name, ErrPolicy, err)
	}
	if err := p.Validate(); err != nil {
		return p, fmt.Errorf("%s: %w", name, err)
	}
	return p, nil
}

// LoadPolicy reads and validates a policy file.
func LoadPolicy(path string) (Policy, error) {
	f, err := os.Open(path)
	if err != nil {
		return DefaultPolicy(), err
	}
	defer f.Close()
	return ParsePolicy(f, path)
}
