// The output guard: checks a model's reply before anyone sees it. Sentence
// rules (diagnosis, medication, method details, encouragement of harm,
// stigma, claims to be human, promises of confidentiality, misinformation,
// unverified links, phone numbers not in the resource directory) run per
// sentence, so the same checks work on streamed
// text; reply rules (a missing referral when risk is moderate or higher, a
// missing AI disclosure on the first turn) run on the whole reply. Each rule
// has an action: block (replace the reply), rewrite (drop the sentence,
// remove the link, or append the referral or disclosure) or flag.
package safety

import (
	"bytes"
	"slices"
	"strings"

	"github.com/tend-project/tend/conv"
)

// Action is what the guard does about a violation.
type Action string

const (
	ActionAllow   Action = "allow"   // Verdict only: nothing to change
	ActionFlag    Action = "flag"    // report, change nothing
	ActionRewrite Action = "rewrite" // drop or fix the offending part
	ActionBlock   Action = "block"   // replace the whole reply
	ActionOff     Action = "off"     // rule disabled (not allowed for crisis rules)
)

func (a Action) rank() int {
	switch a {
	case ActionBlock:
		return 3
	case ActionRewrite:
		return 2
	case ActionFlag:
		return 1
	}
	return 0
}

// DefaultActions are the actions used when a policy does not set one.
var DefaultActions = map[string]Action{
	RuleDiagnosis:               ActionRewrite,
	RuleMedication:              ActionRewrite,
	RuleMethodDetail:            ActionBlock,
	RuleEncouragesHarm:          ActionBlock,
	RuleStigma:                  ActionRewrite,
	RuleClaimsHuman:             ActionRewrite,
	RulePromisesConfidentiality: ActionRewrite,
	RuleMisinformation:          ActionRewrite,
	RuleMissingReferral:         ActionRewrite,
	RuleMissingDisclosure:       ActionRewrite,
	RuleUnverifiedLink:          ActionRewrite,
	RuleUnverifiedNumber:        ActionRewrite,
}

// Violation is one broken rule in a reply.
type Violation struct {
	Rule     string `json:"rule"`
	Pattern  string `json:"pattern,omitempty"` // which pattern matched, for review
	Span     Span   `json:"span"`              // byte offsets into the reply
	Sentence string `json:"sentence,omitempty"`
	Action   Action `json:"action"`
}

// Verdict is the guard's decision about one reply.
type Verdict struct {
	Violations []Violation `json:"violations"`
	Action     Action      `json:"action"`
	// Reply is the text to show: the original when allowed or only
	// flagged, the corrected text when rewritten, a safe replacement when
	// blocked.
	Reply      string     `json:"reply"`
	Assessment Assessment `json:"assessment"`
}

// Rules returns the distinct rule names of the violations, in order.
func (v Verdict) Rules() []string {
	var out []string
	seen := map[string]bool{}
	for _, x := range v.Violations {
		if !seen[x.Rule] {
			seen[x.Rule] = true
			out = append(out, x.Rule)
		}
	}
	return out
}

// Guard checks replies. Build one with NewGuard; it is safe for concurrent
// use.
type Guard struct {
	policy   Policy
	allow    []string
	assessor *Assessor
	lex      *scanLex
	acts     [maxGuardRules]Action // policy actions by index in GuardRules
	numbers  map[string]bool       // the directory's and policy.AllowNumbers, by digits
	clf      *GuardClassifier      // nil when the policy turns it off (guard_clf.go)
}

// maxGuardRules bounds len(GuardRules), so per-rule state fits in arrays.
const maxGuardRules = 16

// NewGuard returns a guard for policy p. allowLinks lists the URLs (or URL
// prefixes, or host names) a reply may link to; an empty list disables only
// the unverified_link rule.
func NewGuard(p Policy, allowLinks []string) (*Guard, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	a, err := NewAssessor()
	if err != nil {
		return nil, err
	}
	lx, err := scanCompiled()
	if err != nil {
		return nil, err
	}
	allow := make([]string, 0, len(allowLinks))
	for _, u := range allowLinks {
		if n := normURL(u); n != "" {
			allow = append(allow, n)
		}
	}
	g := &Guard{policy: p, allow: allow, assessor: a, lex: lx, numbers: knownNumbers()}
	if p.GuardClassifierOn() {
		if g.clf, err = DefaultGuardClassifier(); err != nil {
			return nil, err
		}
	}
	if len(p.AllowNumbers) > 0 {
		g.numbers = map[string]bool{}
		for k := range knownNumbers() {
			g.numbers[k] = true
		}
		for _, n := range p.AllowNumbers {
			g.numbers[digitsOnly(n)] = true
		}
	}
	for i, r := range GuardRules {
		g.acts[i] = p.ActionFor(r)
	}
	return g, nil
}

// Policy returns the guard's policy.
func (g *Guard) Policy() Policy { return g.policy }

func (g *Guard) action(rule string) Action { return g.acts[ruleIndex[rule]] }

func splitBar(s string) []string {
	if s == "" {
		return nil
	}
	var out []string
	for _, w := range strings.Split(s, "|") {
		if w = strings.TrimSpace(w); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// Check checks reply as the next assistant turn of c.
func (g *Guard) Check(c *conv.Conversation, reply string) Verdict {
	s := g.NewStream(c)
	// With the whole reply at hand, its own crisis vocabulary sets the risk
	// context for every sentence; a stream learns it sentence by sentence.
	s.risk = s.risk || riskTopic(reply)
	s.whole = reply
	s.Write(reply)
	if s.blocked {
		// The reply is replaced either way, but the verdict lists every
		// violation so reviewers and curation see all that was wrong.
		s.auditRest(reply)
	}
	_, v := s.Close()
	return v
}

// firstTurn reports whether c has no assistant message yet.
func firstTurn(c *conv.Conversation) bool {
	for _, m := range c.Messages {
		if m.Role == conv.RoleAssistant {
			return false
		}
	}
	return true
}

// replyRules checks the whole reply for the missing referral and missing
// disclosure rules and returns the violations and the text to add.
func (g *Guard) replyRules(c *conv.Conversation, a Assessment, reply string) (vs []Violation, prefix, suffix string) {
	bp := lowerPool.Get().(*[]byte)
	low := padLower((*bp)[:0], reply)
	defer func() { *bp = low[:0]; lowerPool.Put(bp) }()
	if g.action(RuleMissingReferral) != ActionOff && a.Level >= g.policy.Thresholds.Referral {
		// At high risk the writer needs a crisis line; a worried friend or
		// a general question is served by any referral (a GP, the care
		// team, a helpline for the person they worry about).
		crisis := a.Level >= LevelHigh && a.Subject != SubjectThirdParty && a.Subject != SubjectGeneral
		ok := hasReferral(low, crisis, Resources(g.policy.Locale))
		if !ok {
			vs = append(vs, Violation{Rule: RuleMissingReferral, Span: Span{Start: len(reply), End: len(reply)}, Action: g.action(RuleMissingReferral)})
			if g.action(RuleMissingReferral) == ActionRewrite {
				suffix = "\n\n" + referralText(a, g.policy.Locale)
			}
		}
	}
	if g.action(RuleMissingDisclosure) != ActionOff && firstTurn(c) && !hasDisclosure(low) {
		vs = append(vs, Violation{Rule: RuleMissingDisclosure, Span: Span{Start: 0, End: 0}, Action: g.action(RuleMissingDisclosure)})
		if g.action(RuleMissingDisclosure) == ActionRewrite {
			prefix = disclosureText + " "
		}
	}
	return vs, prefix, suffix
}

const disclosureText = "I'm an AI, not a therapist or a person, but I'm here to listen."

var disclosureCues = []string{" ai ", " ai,", " ai.", " a.i.", "artificial intelligence", " bot ", " bot,", " bot.", "chatbot", "language model", "virtual assistant", "automated", "not a human", "not a person", "not human", "computer program", "an assistant"}

var disclosureCueSet = newCues(disclosureCues)

func hasDisclosure(low []byte) bool { return disclosureCueSet.in(low) }

var referralCues = []string{"therapist", "counsellor", "counselor", "doctor", " gp ", " gp.", " gp,", "psychiatrist", "psychologist", "mental health professional", "professional help", "professional support", "a professional", "support line", "helpline", "hotline", "crisis line", "lifeline", "samaritans", "emergency", "crisis service", "crisis team", "text line", "someone you trust", "trusted adult", "school counselor", "care team", "treatment team", "mental health team", "eating disorder team", "health visitor", "midwife", "pharmacist", "bereavement service", "bereavement group", "support group", "nurse"}

var crisisCues = []string{"helpline", "hotline", "crisis line", "lifeline", "samaritans", "emergency", "crisis service", "crisis team", "text line", "988", "911", "999", "112", "116 123", "000", "111", "1737", "3114", "14416", "741741", "a&e", "urgent care", "emergency room"}

var referralCueSet, crisisCueSet = newCues(referralCues), newCues(crisisCues)

func hasReferral(low []byte, crisis bool, d Directory) bool {
	// A crisis line always counts as a referral.
	if crisisCueSet.in(low) || !crisis && referralCueSet.in(low) {
		return true
	}
	for _, l := range d.Lines {
		if l.Number != "" && bytes.Contains(low, []byte(strings.ToLower(l.Number))) {
			return true
		}
	}
	return false
}

// blockReply is the replacement for a blocked reply.
func (g *Guard) blockReply(c *conv.Conversation, a Assessment) string {
	variant := len(c.Messages)
	if a.Level >= g.policy.Thresholds.Referral {
		return CrisisResponse(a, g.policy.Locale, variant)
	}
	text := "I'm not able to help with that, but I'd really like to hear how you're doing. What's been on your mind?"
	if firstTurn(c) {
		text = disclosureText + " " + text
	}
	return text
}

func sortViolations(vs []Violation) {
	slices.SortStableFunc(vs, func(a, b Violation) int { return a.Span.Start - b.Span.Start })
}

// checkReplySentences runs the sentence rules and the guard classifier
// over every sentence of reply, split as a stream splits it.
func (g *Guard) checkReplySentences(reply string, risk, medCtx, helpCtx bool) []Violation {
	sc := getScratch(len(g.lex.vocab))
	defer putScratch(sc)
	var st clfState
	g.initClf(&st)
	var out []Violation
	rest, base := reply, 0
	for strings.TrimSpace(rest) != "" {
		end := completeSentenceEnd(rest)
		if end < 0 {
			end = len(rest)
		}
		vs := g.checkSentence(sc, rest[:end], base, scanFlags{risk, medCtx, helpCtx})
		out = append(out, g.clfSentence(&st, rest[:end], base, vs)...)
		base += end
		rest = rest[end:]
	}
	return out
}
