// The sentence-rule engine shared by the misinformation, harmful-advice and
// stigma filters: each rule is a regular expression with a reason code and
// an optional exception that, found in the same sentence, cancels it (a
// negation, a myth frame, a quotation of someone else). Rules run per
// sentence so an exception in one sentence never excuses another. Also
// here: the turn selection the three filters share, and the adapter that
// runs the safety package's output-guard rules over a text.
package data

import (
	"fmt"
	"iter"
	"regexp"
	"strings"

	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/safety"
)

// sentRule is one pattern with its reason code. keys are cheap
// substrings of which at least one must occur in the lowercased sentence
// before the regular expression runs: most sentences have none, and
// skipping them keeps the filters at microseconds per message.
type sentRule struct {
	code   string
	keys   []string
	reason string
	re     *regexp.Regexp
	unless *regexp.Regexp // nil: no exception
}

// rule compiles a case-insensitive rule; a bad pattern is a programming
// error caught by the package tests, so it panics at package init. keys
// lists the rule's trigger substrings: each space-separated word is a
// key, and a word written with a leading "+" joins the previous one
// ("come +off" is the key "come off").
func rule(code, keys, reason, pat, unless string) sentRule {
	r := sentRule{code: code, keys: splitKeys(keys), reason: reason, re: regexp.MustCompile(`(?i)` + pat)}
	if unless != "" {
		r.unless = regexp.MustCompile(`(?i)` + unless)
	}
	return r
}

// splitKeys splits "stop come +off adhd" into ["stop", "come off", "adhd"].
func splitKeys(s string) []string {
	var out []string
	for _, w := range strings.Fields(s) {
		if rest, ok := strings.CutPrefix(w, "+"); ok && len(out) > 0 {
			out[len(out)-1] += " " + rest
			continue
		}
		out = append(out, w)
	}
	return out
}

// hasKey reports whether lower contains one of keys at the start of a
// word (or keys is empty): "men" is found in "men are" but not "women".
func hasKey(lower string, keys []string) bool {
	if len(keys) == 0 {
		return true
	}
	for _, k := range keys {
		for from := 0; ; {
			i := strings.Index(lower[from:], k)
			if i < 0 {
				break
			}
			i += from
			if i == 0 || !isWordByte(lower[i-1]) {
				return true
			}
			from = i + 1
		}
	}
	return false
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '\'' || b >= 0x80
}

// hit is one rule firing on a text.
type hit struct {
	code, reason, span string
	start              int // byte offset into the text
}

// sentences splits text into sentences at . ! ? and newlines, returning
// each with its byte offset.
func sentences(text string) (out []string, offs []int) {
	for s, off := range eachSentence(text) {
		out, offs = append(out, s), append(offs, off)
	}
	return out, offs
}

// eachSentence yields the sentences of text as sentences returns them,
// without building slices.
func eachSentence(text string) iter.Seq2[string, int] {
	return func(yield func(string, int) bool) {
		start := 0
		for i := 0; i < len(text); i++ {
			c := text[i]
			if c == '\n' || (c == '.' || c == '!' || c == '?') && (i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\n' || text[i+1] == '"') {
				if s := strings.TrimSpace(text[start : i+1]); s != "" {
					if !yield(text[start:i+1], start) {
						return
					}
				}
				start = i + 1
			}
		}
		if strings.TrimSpace(text[start:]) != "" {
			yield(text[start:], start)
		}
	}
}

// normApos folds curly apostrophes so patterns can spell "don't" once.
// Call it through foldQuotes, which skips the copy when there is none.
var normApos = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`)

// foldQuotes is normApos.Replace without a copy for text with no curly
// quote (each of them is encoded starting with byte 0xE2).
func foldQuotes(s string) string {
	if strings.IndexByte(s, 0xE2) < 0 {
		return s
	}
	return normApos.Replace(s)
}

// ruleSet is a rule list with an index of its trigger keys, so one pass
// over a message finds every rule that could fire instead of one
// substring search per key (the filters' hottest loop before).
type ruleSet struct {
	rules  []sentRule
	bit    uint8               // the set's bit in the sentence memo (curate_fast_memo.go); 0 for none
	always []int               // rules without keys
	short  [256][]keyRef       // one-byte keys by their byte
	long   map[uint16][]keyRef // longer keys by their first two bytes
}

type keyRef struct {
	key  string
	rule int
}

func newRuleSet(rules []sentRule) *ruleSet {
	rs := &ruleSet{rules: rules, long: map[uint16][]keyRef{}}
	for i, r := range rules {
		if len(r.keys) == 0 {
			rs.always = append(rs.always, i)
		}
		for _, k := range r.keys {
			switch {
			case k == "":
				rs.always = append(rs.always, i)
			case len(k) == 1:
				rs.short[k[0]] = append(rs.short[k[0]], keyRef{k, i})
			default:
				b := uint16(k[0])<<8 | uint16(k[1])
				rs.long[b] = append(rs.long[b], keyRef{k, i})
			}
		}
	}
	return rs
}

// liveIn returns live's marks for lower, in buf when the set has at most
// 64 rules (no allocation), in a new slice otherwise.
func (rs *ruleSet) liveIn(lower string, buf *[64]bool) []bool {
	var on []bool
	if len(rs.rules) <= len(buf) {
		on = buf[:len(rs.rules)]
	} else {
		on = make([]bool, len(rs.rules))
	}
	rs.live(lower, on)
	return on
}

// live marks in on the rules with a key at a word start of lower: the
// same test as hasKey for each rule, in one pass over lower.
func (rs *ruleSet) live(lower string, on []bool) {
	for _, i := range rs.always {
		on[i] = true
	}
	for i := 0; i < len(lower); i++ {
		if i > 0 && isWordByte(lower[i-1]) {
			continue
		}
		for _, k := range rs.short[lower[i]] {
			on[k.rule] = true
		}
		if i+1 < len(lower) {
			for _, k := range rs.long[uint16(lower[i])<<8|uint16(lower[i+1])] {
				if !on[k.rule] && strings.HasPrefix(lower[i:], k.key) {
					on[k.rule] = true
				}
			}
		}
	}
}

// matchRules runs the set's rules over each sentence of text; each code
// fires once per text, at its first match.
func matchRules(rs *ruleSet, text string) []hit {
	// Keys are checked once against the whole message: most messages
	// trigger no rule at all and cost one pass over their bytes.
	var buf [64]bool
	on := rs.liveIn(strings.ToLower(text), &buf)
	var live []*sentRule
	for i, ok := range on {
		if ok {
			live = append(live, &rs.rules[i])
		}
	}
	if len(live) == 0 {
		return nil
	}
	var out []hit
	var seen map[string]bool
	sents, offs := sentences(text)
	for k, s := range sents {
		ns := foldQuotes(s)
		lower := strings.ToLower(ns)
		for _, r := range live {
			if seen[r.code] || !hasKey(lower, r.keys) {
				continue
			}
			loc := r.re.FindStringIndex(ns)
			if loc == nil || r.unless != nil && r.unless.MatchString(ns) {
				continue
			}
			if seen == nil {
				seen = map[string]bool{}
			}
			seen[r.code] = true
			span := ns[loc[0]:loc[1]]
			if len(ns) == len(s) { // no curly quotes folded: offsets agree
				span = s[loc[0]:loc[1]]
			}
			out = append(out, hit{code: r.code, reason: r.reason, span: span, start: offs[k] + loc[0]})
		}
	}
	return out
}

// TurnScope says which turns of a conversation a content filter checks.
type TurnScope struct {
	// UserTurns also checks user turns. Off by default: a user repeating
	// a myth or a slur ("my dad calls me a psycho") is context the reply
	// answers, and such conversations are good training data. Assistant
	// turns (what the model learns to say) and system turns (which steer
	// it) are always checked.
	UserTurns bool `yaml:"user_turns" json:"user_turns"`
}

func (s TurnScope) checks(r conv.Role) bool {
	return r == conv.RoleAssistant || r == conv.RoleSystem || s.UserTurns && r == conv.RoleUser
}

// textChecker is what each content filter provides: the rejects for one
// message's text.
type textChecker interface {
	CheckText(text string) []Reject
}

// checkTurns applies f to every message in scope and stamps the message
// index on each reject.
func checkTurns(f textChecker, scope TurnScope, c *conv.Conversation) []Reject {
	var out []Reject
	for i, m := range c.Messages {
		if !scope.checks(m.Role) {
			continue
		}
		for _, r := range f.CheckText(m.Content) {
			r.Message = i
			out = append(out, r)
		}
	}
	return out
}

// guardRules runs a subset of the safety package's output-guard sentence
// rules over a text, with no conversation context: the same rules the
// guard applies to live replies.
type guardRules struct {
	g  *safety.Guard
	on map[string]bool
}

// newGuardRules builds a guard with only the named rules blocking. Rules
// the policy refuses to switch off are left on and ignored.
func newGuardRules(rules ...string) (*guardRules, error) {
	p := curationPolicy()
	p.Rules = map[string]safety.Action{}
	on := map[string]bool{}
	for _, r := range rules {
		on[r] = true
	}
	for _, r := range safety.GuardRules {
		switch {
		case on[r]:
			p.Rules[r] = safety.ActionBlock
		case r == safety.RuleMethodDetail || r == safety.RuleEncouragesHarm || r == safety.RuleMissingReferral:
			p.Rules[r] = safety.ActionBlock
		default:
			p.Rules[r] = safety.ActionOff
		}
	}
	g, err := safety.NewGuard(p, nil)
	if err != nil {
		return nil, fmt.Errorf("guard rules: %w", err)
	}
	return &guardRules{g: g, on: on}, nil
}

// check returns the violations of the chosen rules in text, as hits whose
// code is prefix + the guard pattern's name.
func (gr *guardRules) check(text, prefix string, unless *regexp.Regexp) []hit {
	var out []hit
	v := gr.g.Check(&conv.Conversation{}, text)
	seen := map[string]bool{}
	for _, x := range v.Violations {
		if !gr.on[x.Rule] {
			continue
		}
		code := strings.ReplaceAll(x.Pattern, "/", "_")
		if x.Pattern == "" {
			code = x.Rule
		}
		if !strings.HasPrefix(code, prefix) {
			code = prefix + code
		}
		if seen[code] || unless != nil && unless.MatchString(foldQuotes(sentenceAt(text, x.Span.Start))) {
			continue
		}
		seen[code] = true
		out = append(out, hit{code: code, reason: fmt.Sprintf("the output guard's %s rule (%s)", x.Rule, x.Pattern), span: x.Span.Text, start: x.Span.Start})
	}
	return out
}

// sentenceAt returns the sentence of text that contains byte offset at.
func sentenceAt(text string, at int) string {
	sents, offs := sentences(text)
	for i := len(offs) - 1; i >= 0; i-- {
		if offs[i] <= at {
			return sents[i]
		}
	}
	return text
}

// hitsToRejects turns hits into rejects for one message (index set later).
func hitsToRejects(hs []hit) []Reject {
	out := make([]Reject, 0, len(hs))
	for _, h := range hs {
		out = append(out, Reject{Code: h.code, Span: h.span, Message: -1, Reason: h.reason})
	}
	return out
}

// The indexed rule sets of the three content filters, each with its bit
// in the sentence memo.
var (
	harmSet    = withMemoBit(newRuleSet(harmRules), 1)
	misinfoSet = withMemoBit(newRuleSet(misinfoExtra), 2)
	stigmaSet  = withMemoBit(newRuleSet(stigmaRules), 4)
)

func withMemoBit(rs *ruleSet, bit uint8) *ruleSet {
	rs.bit = bit
	return rs
}
