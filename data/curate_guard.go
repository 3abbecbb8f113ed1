// The guard filter reuses the safety package, so training data and live
// replies are held to the same rules: the output guard's sentence rules
// (by default diagnosis, prescribing, method detail, encouragement of
// harm and claims to be human) over every
// assistant turn, and the shared
// misinformation rule set over assistant and system turns (user turns
// optionally). Also here: the first annotator,
// which keeps the labels a record came with and sends unlabelled records to
// review.
package data

import (
	"fmt"
	"slices"
	"strings"

	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/safety"
)

// GuardConfig tunes the guard filter.
type GuardConfig struct {
	Enabled bool `yaml:"enabled" json:"enabled"`
	// Rules are the output-guard rules that drop a record when an
	// assistant turn breaks them.
	Rules []string `yaml:"rules" json:"rules"`
	// MisinfoUserTurns also applies the misinformation rules to user
	// turns. Off by default: a user repeating a myth ("my mum says
	// depression is a choice") is context the reply should correct, and
	// such conversations are good training data. System turns, which
	// steer the reply, are always checked.
	MisinfoUserTurns bool `yaml:"misinfo_user_turns" json:"misinfo_user_turns"`
}

// DefaultGuardConfig drops replies that diagnose, prescribe, give method
// detail, encourage self-harm or claim to be human, and assistant or
// system turns asserting misinformation. method_detail and
// encourages_harm were left out until the guard stopped flagging good
// crisis replies (means-restriction advice, praise for help-seeking,
// "you don't have to do it alone"); on the seed corpus they now drop no
// record (issue 9). Stigma and confidentiality promises can be listed too;
// harmful advice and stigma also have their own filters.
func DefaultGuardConfig() GuardConfig {
	return GuardConfig{Enabled: true, Rules: []string{
		safety.RuleDiagnosis, safety.RuleMedication, safety.RuleMethodDetail, safety.RuleEncouragesHarm,
		safety.RuleClaimsHuman, safety.RuleMisinformation,
	}}
}

// sentenceRules are the guard rules that judge a reply's own text; the
// reply-level rules (missing referral or disclosure, unverified links)
// depend on serving context and do not apply to training data.
var sentenceRules = []string{safety.RuleDiagnosis, safety.RuleMedication, safety.RuleMethodDetail, safety.RuleEncouragesHarm,
	safety.RuleStigma, safety.RuleClaimsHuman, safety.RulePromisesConfidentiality, safety.RuleMisinformation}

func (c *GuardConfig) validate() error {
	for _, r := range c.Rules {
		if !slices.Contains(sentenceRules, r) {
			return fmt.Errorf("rules: unknown rule %q (want one of %v)", r, sentenceRules)
		}
	}
	return nil
}

// GuardFilter implements Filter with the safety package.
type GuardFilter struct {
	cfg   GuardConfig
	guard *safety.Guard
	on    map[string]bool
	mask  uint16     // memo bits of the rules in on
	memo  *guardMemo // nil: call the guard for every conversation
}

var _ Filter = (*GuardFilter)(nil)

// NewGuardFilter builds the filter. Listed rules are set to rewrite, not
// block, so the guard keeps checking after the first violation and every
// one is reported; rules not listed are switched off (the crisis rules,
// which a policy may not switch off, are set to rewrite and ignored).
func NewGuardFilter(cfg GuardConfig) (*GuardFilter, error) {
	p := curationPolicy()
	p.Rules = map[string]safety.Action{}
	on := map[string]bool{}
	for _, r := range cfg.Rules {
		on[r] = true
	}
	for _, r := range safety.GuardRules {
		switch {
		case on[r], r == safety.RuleMethodDetail, r == safety.RuleEncouragesHarm, r == safety.RuleMissingReferral:
			p.Rules[r] = safety.ActionRewrite
		default:
			p.Rules[r] = safety.ActionOff
		}
	}
	g, err := safety.NewGuard(p, nil)
	if err != nil {
		return nil, fmt.Errorf("guard filter: %w", err)
	}
	return &GuardFilter{cfg: cfg, guard: g, on: on, mask: rulesMask(cfg.Rules), memo: defaultGuardMemo()}, nil
}

// Name is "guard".
func (*GuardFilter) Name() string { return "guard" }

// Check implements Filter. All assistant turns are checked in one pass of
// the guard, as one reply joined by blank lines, with the conversation
// before the last assistant turn as context: one risk assessment per
// conversation instead of one per turn, and the guard's rules are per
// sentence, so joining turns changes no verdict on the text itself. The
// call is skipped when the memo shows no sentence of the assistant turns
// can break a listed rule in any context (curate_fast_guard.go).
func (f *GuardFilter) Check(c *conv.Conversation) []Reject {
	if !f.cfg.Enabled {
		return nil
	}
	var out []Reject
	var asst [8]string
	texts := asst[:0]
	last := -1
	for i, m := range c.Messages {
		if m.Role != conv.RoleAssistant {
			if f.on[safety.RuleMisinformation] && (m.Role == conv.RoleSystem || f.cfg.MisinfoUserTurns) {
				for _, x := range safety.MatchMisinformation(m.Content) {
					out = append(out, Reject{Code: safety.RuleMisinformation, Span: x.Text, Message: i,
						Reason: fmt.Sprintf("%s turn asserts a false claim (%s): %s", m.Role, x.Rule, x.Claim)})
				}
			}
			continue
		}
		texts = append(texts, m.Content)
		last = i
	}
	if last < 0 || f.memo != nil && f.memo.rules(texts...)&f.mask == 0 {
		return out
	}
	var reply strings.Builder
	var starts []int // offset of each assistant turn in reply
	var turns []int  // its message index
	for i, m := range c.Messages {
		if m.Role != conv.RoleAssistant {
			continue
		}
		if reply.Len() > 0 {
			reply.WriteString("\n\n")
		}
		starts = append(starts, reply.Len())
		turns = append(turns, i)
		reply.WriteString(m.Content)
	}
	ctx := &conv.Conversation{ID: c.ID, Messages: c.Messages[:last], Labels: c.Labels}
	v := f.guard.Check(ctx, reply.String())
	for _, x := range v.Violations {
		if !f.on[x.Rule] {
			continue
		}
		k, _ := slices.BinarySearch(starts, x.Span.Start+1)
		msg := turns[max(k-1, 0)]
		out = append(out, Reject{Code: x.Rule, Span: x.Span.Text, Message: msg,
			Reason: fmt.Sprintf("assistant turn breaks the output guard's %s rule (%s): %s", x.Rule, x.Pattern, clip(x.Sentence))})
	}
	return out
}

// KeepLabels is the first annotator: it keeps the labels a record came
// with (confidence 1, or the confidence stored with automatic labels) and
// gives unlabelled records confidence 0, which sends them to review.
type KeepLabels struct{}

var _ Annotator = KeepLabels{}

// Name is "keep_labels".
func (KeepLabels) Name() string { return "keep_labels" }

// Annotate implements Annotator.
func (KeepLabels) Annotate(c *conv.Conversation) (conv.Labels, float64) {
	l := c.Labels
	if len(l.Concerns) == 0 && l.Severity == nil {
		return l, 0
	}
	if l.Confidence != nil {
		return l, *l.Confidence
	}
	return l, 1
}
