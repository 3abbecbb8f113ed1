// Streaming guard: serving passes model output through StreamGuard chunk by
// chunk. Text is released one complete sentence at a time, after that
// sentence has passed the sentence rules, so a violating sentence is never
// shown. The reply rules (referral, disclosure) run at Close.
package safety

import (
	"bytes"
	"strings"
	"sync"

	"github.com/tend-project/tend/conv"
)

// StreamGuard checks one streamed reply. Not safe for concurrent use.
type StreamGuard struct {
	g        *Guard
	c        *conv.Conversation
	a        Assessment
	pending  string // text of the sentence under construction
	offset   int    // byte offset of pending in the whole reply
	full     strings.Builder
	released strings.Builder
	vs       []Violation
	blocked  bool
	closed   bool
	medNote  bool
	human    bool
	numNote  bool // a sentence about getting help was dropped for a made-up number
	medCtx   bool // the user's last message mentions a medication
	helpCtx  bool // the user's last message takes up help or a coping step
	risk     bool // the conversation or the reply is about self-harm or suicide
	sc       *scanScratch
	clf      clfState // the guard classifier's per-reply state (guard_clf.go)
	whole    string   // Check: the whole reply, written in one go
}

// NewStream starts checking a reply that will follow conversation c.
func (g *Guard) NewStream(c *conv.Conversation) *StreamGuard {
	a := g.assessor.Assess(c)
	last := c.LastUser()
	sc := getScratch(len(g.lex.vocab))
	s := &StreamGuard{g: g, c: c, a: a, medCtx: mentionsMedication(sc, last), helpCtx: takesUpHelp(last), risk: a.Level >= LevelLow || riskContext(c), sc: sc}
	g.initClf(&s.clf)
	return s
}

// Assessment returns the risk assessment of the conversation so far.
func (s *StreamGuard) Assessment() Assessment { return s.a }

// Write adds a chunk of model output. It returns the text that is now safe
// to show (possibly empty) and any violations found in completed sentences.
// After a blocking violation it returns no more text; Close then returns the
// replacement reply.
func (s *StreamGuard) Write(chunk string) (safeText string, v []Violation) {
	if s.closed {
		return "", nil
	}
	if s.whole == "" {
		s.full.WriteString(chunk)
	}
	if s.blocked {
		return "", nil
	}
	s.pending += chunk
	from := s.released.Len()
	for {
		end := completeSentenceEnd(s.pending)
		if end < 0 {
			break
		}
		text, vs := s.process(s.pending[:end], s.offset)
		v = append(v, vs...)
		s.offset += end
		s.pending = s.pending[end:]
		if s.blocked {
			s.pending = ""
			return "", v
		}
		s.released.WriteString(text)
		if !s.risk && s.sentenceRisk(text) {
			s.risk = true // a reply that brings up crisis lines is in a risk context
		}
	}
	return s.released.String()[from:], v
}

// auditRest checks the sentences of reply after a blocking violation,
// recording their violations without releasing any text (Check only).
func (s *StreamGuard) auditRest(reply string) {
	if s.offset >= len(reply) {
		return
	}
	rest, base := reply[s.offset:], s.offset
	for strings.TrimSpace(rest) != "" {
		end := completeSentenceEnd(rest)
		if end < 0 {
			end = len(rest)
		}
		s.vs = append(s.vs, s.check(rest[:end], base)...)
		base += end
		rest = rest[end:]
	}
}

// completeSentenceEnd returns the end of the first complete sentence in
// text, or -1. A sentence is complete when its end mark is followed by
// whitespace (so "3.5" and a trailing "Dr." still wait for more text).
func completeSentenceEnd(text string) int {
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == '\n' {
			return i + 1
		}
		if c == '.' || c == '!' || c == '?' {
			j := i + 1
			for j < len(text) && strings.IndexByte(".!?\"')", text[j]) >= 0 {
				j++
			}
			if j < len(text) && (text[j] == ' ' || text[j] == '\n' || text[j] == '\t') && !(c == '.' && abbreviationBefore(text, i)) {
				return j + 1
			}
			i = j - 1
		}
	}
	return -1
}

// check runs the sentence rules, then the guard classifier (which may only
// add violations), on one sentence starting at byte base of the reply.
func (s *StreamGuard) check(sent string, base int) []Violation {
	vs := s.g.checkSentence(s.sc, sent, base, scanFlags{risk: s.risk, medCtx: s.medCtx, helpCtx: s.helpCtx})
	return s.g.clfSentence(&s.clf, sent, base, vs)
}

// process checks one sentence and returns the text to release.
func (s *StreamGuard) process(sent string, base int) (string, []Violation) {
	vs := s.check(sent, base)
	s.vs = append(s.vs, vs...)
	text := sent
	for _, v := range vs {
		switch v.Action {
		case ActionBlock:
			s.blocked = true
			return "", vs
		case ActionRewrite:
			switch v.Rule {
			case RuleUnverifiedLink:
				text = strings.Replace(text, v.Span.Text, "", 1)
			default:
				text = ""
				if v.Rule == RuleMedication {
					s.medNote = true
				}
				if v.Rule == RuleClaimsHuman {
					s.human = true
				}
				if v.Rule == RuleUnverifiedNumber && helpSentence(sent) {
					s.numNote = true
				}
			}
		}
	}
	if text != sent {
		text = tidy(text, sent)
	}
	return text, vs
}

// tidy cleans whitespace left by a removal, keeping the sentence's
// trailing separator.
func tidy(text, orig string) string {
	if strings.TrimSpace(text) == "" {
		return ""
	}
	for strings.Contains(text, "  ") {
		text = strings.ReplaceAll(text, "  ", " ")
	}
	text = strings.ReplaceAll(text, " .", ".")
	text = strings.ReplaceAll(text, "( )", "")
	text = strings.ReplaceAll(text, " ,", ",")
	if strings.HasSuffix(orig, " ") && !strings.HasSuffix(text, " ") {
		text += " "
	}
	return text
}

const medicationNote = "For anything about medication, please talk with your doctor or pharmacist; they can help you weigh any change safely."

// Close finishes the reply. It returns the remaining text to show and the
// verdict for the whole reply. When the reply is blocked, the returned text
// is the full replacement; a streaming client should replace what it has
// shown with it.
func (s *StreamGuard) Close() (string, Verdict) {
	if s.closed {
		return "", Verdict{Action: ActionAllow}
	}
	s.closed = true
	var tail string
	if !s.blocked && strings.TrimSpace(s.pending) != "" {
		tail, _ = s.process(s.pending, s.offset)
	}
	s.pending = ""
	putScratch(s.sc)
	s.sc = nil
	whole := s.whole
	if whole == "" {
		whole = s.full.String()
	}
	released := s.released.String() + tail
	rv, prefix, suffix := s.g.replyRules(s.c, s.a, whole)
	s.vs = append(s.vs, rv...)
	v := Verdict{Violations: s.vs, Action: ActionAllow, Assessment: s.a}
	for _, x := range s.vs {
		if x.Action.rank() > v.Action.rank() && x.Action != ActionFlag {
			v.Action = x.Action
		}
	}
	if v.Violations == nil {
		v.Violations = []Violation{}
	}
	sortViolations(v.Violations)
	// A rewrite that leaves nothing worth saying becomes a block.
	if !s.blocked && v.Action == ActionRewrite && strings.TrimSpace(released) == "" {
		s.blocked = true
	}
	if s.blocked {
		v.Action = ActionBlock
		v.Reply = s.g.blockReply(s.c, s.a)
		return v.Reply, v
	}
	if s.medNote {
		suffix = "\n\n" + medicationNote + suffix
	}
	// A dropped sentence pointed somewhere for help: point to the locale's
	// real line instead, unless the reply already names one of its numbers
	// or the referral rule is adding them.
	if s.numNote && !namesLocaleNumber(released+suffix, s.g.policy.Locale) {
		if n := numberNote(s.g.policy.Locale); n != "" {
			suffix += "\n\n" + n
		}
	}
	if s.human && !hasCue(released, disclosureCueSet) && prefix == "" {
		prefix = disclosureText + " "
	}
	if v.Action == ActionAllow {
		v.Reply = whole
		return tail, v
	}
	v.Reply = prefix + strings.TrimRight(released, " ") + suffix
	// A streaming client has already shown the released text; a missing
	// disclosure can then only follow it.
	if s.released.Len() > 0 && prefix != "" {
		return tail + suffix + "\n\n" + strings.TrimSpace(prefix), v
	}
	return prefix + tail + suffix, v
}

var medWords = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, w := range splitBar(guardMacros["med"]) {
		if !strings.Contains(w, " ") {
			m[w] = true
		}
	}
	return m
})

func mentionsMedication(sc *scanScratch, text string) bool {
	mw := medWords()
	for _, t := range sc.tokenize(text) {
		if mw[t.w] {
			return true
		}
	}
	return false
}

// riskContext reports whether the conversation so far touches on suicide
// or self-harm: any user turn, or the assistant's last turn (which may have
// asked "are you thinking about suicide?" that a short "yes" answers).
func riskContext(c *conv.Conversation) bool {
	lastAssistant := -1
	for i, m := range c.Messages {
		if m.Role == conv.RoleAssistant {
			lastAssistant = i
		}
	}
	for i, m := range c.Messages {
		if (m.Role == conv.RoleUser || i == lastAssistant) && riskTopic(m.Content) {
			return true
		}
	}
	return false
}

// riskTopic reports whether a message touches on suicide or self-harm at
// all, even when Assess rates it below moderate ("should I just end it?").
func riskTopic(text string) bool { return hasCue(text, riskTopicCues) }

// sentenceRisk is riskTopic(text) for a released sentence. In Check the
// whole reply has already been searched without a hit, and every cue match
// inside a sentence is also a match inside the reply, so only the cues that
// begin with a space can still match, at the sentence's start, where the
// padding stands for the newline or tab before it.
func (s *StreamGuard) sentenceRisk(text string) bool {
	if s.whole == "" {
		return riskTopic(text)
	}
	return riskTopicAtStart(text)
}

// riskTopicAtStart reports whether a risk cue that begins with a space
// matches at the start of " " + lower(text) + " ".
func riskTopicAtStart(text string) bool {
	bp := lowerPool.Get().(*[]byte)
	low := padLower((*bp)[:0], text)
	ok := false
	for _, c := range riskTopicCues.byFirst[' '] {
		if bytes.HasPrefix(low, c) {
			ok = true
			break
		}
	}
	*bp = low[:0]
	lowerPool.Put(bp)
	return ok
}

var riskTopicCues = newCues(riskTopicWords)

// riskTopicWords are riskTopic's cues, matched as substrings. "thin" is
// matched as a word: as a substring it made every reply after "I'm
// thinking of applying for a job" a risk context, where "go for it" is
// encouragement of harm.
var riskTopicWords = []string{"988", "crisis", "lifeline", "samaritans", "hotline", "helpline", "suicid", "kill myself", "kill my self", "end it", "end my life", "die", "dying", "dead", "overdose", "pills", "cut myself", "hurt myself", "self harm", "self-harm", "starve", "purge", "not eat", "stop eating", "lethal", "painless", "jump", "hang", "kms", "unalive", "worth living", " fat ", "weight", "calories", " thin ", " thin.", " thin,", "thinner", "thinnest", "skinny", " eat", "fasting", "restrict", "binge", "laxative", "throw up", "throwing up", "make myself sick", "razor", "blades", "shotgun", "firearm", "noose"}

// abbreviations end in a full stop that does not end a sentence.
var abbreviations = set("dr", "mr", "mrs", "ms", "prof", "st", "vs", "etc", "eg", "ie", "jr", "sr", "approx", "dept")

// abbreviationBefore reports whether the word ending at text[i] (a '.') is
// an abbreviation such as "Dr".
func abbreviationBefore(text string, i int) bool {
	j := i
	for j > 0 && (text[j-1] >= 'a' && text[j-1] <= 'z' || text[j-1] >= 'A' && text[j-1] <= 'Z' || text[j-1] == '.') {
		j--
	}
	return abbreviations[strings.ToLower(strings.ReplaceAll(text[j:i], ".", ""))]
}
