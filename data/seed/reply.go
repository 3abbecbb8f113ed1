// Assembling one message from building blocks. A reply is built sentence by
// sentence; each block adds its EPITOME contribution and the turn keeps the
// maximum per mechanism, so the empathy label describes exactly the
// sentences that ended up in the text.
package seed

import (
	"math/rand/v2"
	"strings"

	"github.com/tend-project/tend/conv"
)

// turn is an assistant reply under construction.
type turn struct {
	parts    []string
	tags     []string // what each part is, where a preference pair needs to know
	emp      conv.Empathy
	strategy conv.Strategy
	// referred is set once the turn points to professional help or a
	// crisis line.
	referred bool
}

func (t *turn) add(s string, er, ip, ex int) {
	t.parts = append(t.parts, s)
	t.tags = append(t.tags, "")
	t.emp.EmotionalReactions = max(t.emp.EmotionalReactions, er)
	t.emp.Interpretations = max(t.emp.Interpretations, ip)
	t.emp.Explorations = max(t.emp.Explorations, ex)
}

func (t *turn) text() string { return tidy(t.parts...) }

// Tags for parts that rejected replies remove or replace.
const (
	tagRefer    = "refer"
	tagResource = "resource" // crisis lines, emergency numbers, asking the locale
	tagAsk      = "ask"      // asking about suicide
	tagDecline  = "decline"  // declining a request for means
)

// mark tags the part added last.
func (t *turn) mark(tag string) { t.tags[len(t.tags)-1] = tag }

// scene is everything fixed for one conversation: the random source, the
// concern's bank, severity, locale and the slot values.
type scene struct {
	r     *rand.Rand
	b     *bank
	sev   conv.Severity
	loc   resource
	known bool // the assistant knows the locale (system prompt or user said)
	sit   situation
	feel  string
	feel2 string
	sl    slots
	// referred is set once any turn has pointed to professional help.
	referred bool
	// alsoSleep is set when the user says their sleep is suffering.
	alsoSleep bool
	// usedDetail holds the user follow-ups already said; usedTmpl the
	// templates already used.
	usedDetail, usedTmpl map[string]bool
}

func newScene(r *rand.Rand, b *bank, sev conv.Severity) *scene {
	s := &scene{r: r, b: b, sev: sev, usedDetail: map[string]bool{}, usedTmpl: map[string]bool{}}
	s.loc = pick(r, resources)
	s.known = true
	s.sl = slots{"name": b.Name}
	s.setSituation(pick(r, b.Situations))
	for i := 0; sev < minSeverity[s.sit.Topic] && i < 50; i++ {
		s.setSituation(pick(r, b.Situations))
	}
	s.setLocale(s.loc, true)
	return s
}

// concerns returns the conversation's concern labels: the bank's, then
// sleep if the user said it suffers, then crisis at severity 4.
func (s *scene) concerns() []conv.Concern {
	out := []conv.Concern{s.b.Concern}
	if s.alsoSleep {
		out = append(out, conv.ConcernSleep)
	}
	if s.sev == conv.SeverityCrisis && s.b.Concern != conv.ConcernCrisis {
		out = append(out, conv.ConcernCrisis)
	}
	return out
}

// minSeverity keeps situations that are serious in themselves (control,
// violence, assault, purging, gambling debt, suicide loss) out of mild
// conversations.
var minSeverity = map[string]conv.Severity{
	"your partner checking up on you":       conv.SeverityModerate,
	"the violence you lived through":        conv.SeverityModerate,
	"the flashbacks to the assault":         conv.SeverityModerate,
	"making yourself sick after meals":      conv.SeverityModerate,
	"the gambling and the credit cards":     conv.SeverityModerate,
	"the blackout on Saturday":              conv.SeverityModerate,
	"losing your uncle to suicide":          conv.SeverityModerate,
	"the cravings after eight sober months": conv.SeverityModerate,
}

// avoidMeans re-draws the situation if it mentions medication, so a crisis
// conversation never puts a possible means next to suicidal thoughts.
func (s *scene) avoidMeans() {
	for i := 0; mentionsMeans(s.sit.Text) && i < 50; i++ {
		s.setSituation(pick(s.r, s.b.Situations))
	}
}

// setSituation fixes the situation and the feelings drawn from it.
func (s *scene) setSituation(sit situation) {
	s.sit = sit
	s.feel = pick(s.r, sit.Feel)
	s.feel2 = sit.Feel[0]
	if s.feel2 == s.feel {
		s.feel2 = sit.Feel[len(sit.Feel)-1]
	}
	s.sl["topic"], s.sl["sit"] = sit.Topic, lowerFirst(trimEnd(youify(sit.Text)))
	s.sl["feel"], s.sl["feel2"] = s.feel, s.feel2
}

func mentionsMeans(text string) bool {
	t := strings.ToLower(text)
	for _, w := range []string{"painkiller", "pill", "tablet", "medication"} {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// setLocale fixes the spelling slots and crisis lines for loc.
func (s *scene) setLocale(loc resource, known bool) {
	s.loc, s.known = loc, known
	if !known {
		loc = unknownLocale
	}
	s.sl["gp"], s.sl["counsellor"], s.sl["therapist"] = loc.GP, loc.Counsellor, loc.Therapist
	s.sl["country"], s.sl["line"], s.sl["how"], s.sl["alt"] = loc.Country, loc.Line, loc.How, loc.Alt
	s.sl["emergency"] = loc.Emergency
}

func (s *scene) x(tmpl string) string { return expand(s.r, tmpl, s.sl) }

// px expands a random template from group, preferring one not yet used in
// this conversation so the listener does not repeat itself.
func (s *scene) px(group []string) string {
	tm := pick(s.r, group)
	for i := 0; s.usedTmpl[tm] && i < 4; i++ {
		tm = pick(s.r, group)
	}
	s.usedTmpl[tm] = true
	return s.x(tm)
}

// settle is called after the listener's first turn: from then on the topic
// is sometimes referred to more loosely, as people do once it is named.
func (s *scene) settle() {
	if t := s.sit.Topic; !strings.Contains(s.sl["topic"], "|") {
		s.sl["topic"] = "{" + t + "|" + t + "|all this|everything that's going on|what's been happening}"
	}
}

// Blocks. Each adds one or two sentences to t with its EPITOME levels.

func (s *scene) emotion(t *turn, strong bool) {
	if strong {
		t.add(s.px(erStrong), 2, 0, 0)
	} else {
		t.add(s.px(erWeak), 1, 0, 0)
	}
}

func (s *scene) understand(t *turn, strong bool) {
	if strong {
		t.add(s.px(ipStrong), 0, 2, 0)
	} else {
		t.add(s.px(ipWeak), 0, 1, 0)
	}
}

func (s *scene) restatement(t *turn) {
	out := s.px(restate)
	ex := 0
	if strings.HasSuffix(out, "?") {
		ex = 1 // "Have I got that right?" checks understanding
	}
	t.add(out, 0, 2, ex)
}

// explore asks an open question: specific (bank or topic-based) when
// strong, generic otherwise.
func (s *scene) explore(t *turn, strong bool) {
	switch {
	case !strong:
		t.add(s.px(exWeak), 0, 0, 1)
	case chance(s.r, 0.5):
		t.add(s.px(s.b.Questions), 0, 0, 2)
	default:
		t.add(s.px(exStrong), 0, 0, 2)
	}
}

func (s *scene) affirmation(t *turn) { t.add(s.px(affirm), 1, 1, 0) }

// suggest adds one or two coping ideas from ideas, with optional framing.
func (s *scene) suggest(t *turn, ideas []idea, n int, first *idea) {
	if chance(s.r, 0.4) {
		t.add(s.px(ideaIntro), 0, 0, 0)
	}
	chosen := pickN(s.r, ideas, n)
	if first != nil {
		chosen[0] = *first
		if len(chosen) > 1 && chosen[1] == *first {
			chosen[1] = ideas[(indexOf(ideas, *first)+1)%len(ideas)]
		}
	}
	for i, id := range chosen {
		frames := ideaFirst
		if i > 0 {
			frames = ideaMore
		}
		t.add(expand(s.r, pick(s.r, frames), slotsWith(s.sl, "do", s.x(id.Do))), 0, 0, 0)
		if chance(s.r, 0.6) {
			t.add(s.x(id.Why), 0, 0, 0)
		}
	}
}

func indexOf(ideas []idea, x idea) int {
	for i, id := range ideas {
		if id == x {
			return i
		}
	}
	return 0
}

// refer points to professional help for this concern.
func (s *scene) refer(t *turn) {
	sl := slotsWith(s.sl, "pro", pick(s.r, pros))
	sl["help"] = pick(s.r, s.b.Helps)
	out := expand(s.r, pick(s.r, referral), sl)
	ex := 0
	if strings.HasSuffix(out, "?") {
		ex = 1 // "Would you be open to ...?" invites them to consider it
	}
	t.add(out, 0, 0, ex)
	t.mark(tagRefer)
	t.referred = true
	s.referred = true
}

// resource returns the crisis line sentence(s) for the scene's locale.
func (s *scene) resource() string {
	if !s.known {
		return tidy(s.px(unknownResources), s.px(unknownDirectory))
	}
	out := s.px(resourceLine)
	if s.loc.Alt != "" && chance(s.r, 0.5) {
		out += " " + s.px(resourceAlt)
	}
	return out
}

func (s *scene) emergency() string { return s.px(emergencyLine) }

// slotsWith returns a copy of base with k set to v.
func slotsWith(base slots, kv ...string) slots {
	out := make(slots, len(base)+len(kv)/2)
	for k, v := range base {
		out[k] = v
	}
	for i := 0; i+1 < len(kv); i += 2 {
		out[kv[i]] = kv[i+1]
	}
	return out
}
