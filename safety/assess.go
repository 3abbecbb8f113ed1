// Assess: turning rule hits in each user turn into one Assessment for the
// conversation. Risk accumulates across turns (hopelessness earlier plus "I've
// made up my mind" now is high), plans, means, timelines and goodbyes
// escalate ideation, and a direct "yes" to an assistant's question about
// suicide counts as disclosure. Four small classifiers add a second opinion
// (classifier_assess.go).
package safety

import (
	"strings"

	"github.com/tend-project/tend/conv"
)

// turn is what one user message contributed.
type turn struct {
	msg   int
	toks  []token
	hits  []hit
	kinds kind // kinds of self/third hits that are in scope (not negated, not general)
	level Level
	subj  Subject
	// excluded is set when an idiom or technical exclusion matched.
	excluded bool
	// suppressed is set when notIf words switched off a risk rule: the
	// rules found an everyday purpose for risk-like wording.
	suppressed bool
}

// analysis is what the rules and conversation memory found, before the
// classifiers are consulted.
type analysis struct {
	turns []turn
	level Level
	subj  Subject
	gate  GateInput
	feats []uint32 // the latest message's classifier features (nil without classifiers)
	// featBits is the hash width of feats (they are always the features of
	// a Classifier with Concepts set).
	featBits uint32
}

// Assess returns the assessment for c. Only user turns carry risk; the
// assistant turn just before a user turn is read to interpret short answers.
func (a *Assessor) Assess(c *conv.Conversation) Assessment {
	var buf [768]uint32
	an := a.analyse(c, buf[:0])
	turns := an.turns
	var out Assessment
	out.Subject = SubjectSelf
	if len(turns) == 0 {
		out.Confidence = 1
		out.Categories = []Category{}
		out.Evidence = []Span{}
		return out
	}
	last := &turns[len(turns)-1]
	score, scoreHigh := an.gate.Score, an.gate.ScoreHigh
	out.Score = float64(int(score*1000+0.5)) / 1000
	out.ScoreHigh = float64(int(scoreHigh*1000+0.5)) / 1000
	level, subj := an.level, an.subj
	gl, gs, classifierRaised := a.GateLevel(an.gate)
	if classifierRaised {
		level, subj = gl, gs
	}
	out.Level = level
	out.Subject = subj
	if level == LevelNone {
		out.Subject = SubjectSelf
		if anyGeneral(turns) {
			out.Subject = SubjectGeneral
		}
	}
	// Categories and evidence from in-scope hits.
	catSeen := map[Category]bool{}
	out.Categories = []Category{}
	out.Evidence = []Span{}
	for _, t := range turns {
		c := c.Messages[t.msg].Content
		for _, h := range t.hits {
			if h.negated || h.r.cat == "" || h.level == LevelNone && h.r.kind&(kPlan|kMeans|kGoodbye|kResolve|kAct) == 0 {
				continue
			}
			if level == LevelNone {
				continue
			}
			start, end := t.toks[h.s].start, t.toks[h.e-1].end
			out.Evidence = append(out.Evidence, Span{Message: t.msg, Start: start, End: end, Text: c[start:end], Rule: h.r.id})
			if !catSeen[h.r.cat] {
				catSeen[h.r.cat] = true
			}
		}
	}
	if classifierRaised && len(catSeen) == 0 {
		out.Evidence = append(out.Evidence, Span{Message: last.msg, Start: 0, End: len(c.Messages[last.msg].Content), Text: c.Messages[last.msg].Content, Rule: "classifier"})
	}
	if level > LevelNone {
		a.addCategories(catSeen, level, classifierRaised, last, an.feats, an.featBits)
	}
	for _, k := range Categories {
		if catSeen[k] {
			out.Categories = append(out.Categories, k)
		}
	}
	if level == LevelNone {
		out.Categories = []Category{}
	}
	out.Confidence = confidence(level, score, len(out.Evidence), classifierRaised)
	return out
}

func hasSafe(t *turn) bool {
	for _, h := range t.hits {
		if h.r.kind&kSafe != 0 && !h.negated {
			return true
		}
	}
	return false
}

func subjIdx(s Subject) int {
	switch s {
	case SubjectThirdParty:
		return 1
	case SubjectGeneral:
		return 2
	}
	return 0
}

// situationKinds describe a situation rather than a state of mind.
const situationKinds = kPlan | kMeans | kGoodbye | kResolve | kTimeline | kAct

// combineTurn computes a turn's level from its hits and the context so far;
// esc is the context that situations in this turn may escalate.
func combineTurn(t *turn, ctx, esc [3]kind) (Level, Subject) {
	best := LevelNone
	subj := SubjectSelf
	gen := false
	for _, h := range t.hits {
		if h.negated {
			continue
		}
		if h.subject == SubjectGeneral {
			gen = true
		}
		if h.level > best || h.level == best && h.subject == SubjectSelf && subj != SubjectSelf {
			best = h.level
			subj = h.subject
		}
	}
	if best == LevelNone && gen {
		subj = SubjectGeneral
	}
	// A medical emergency with symptoms is imminent.
	if best < LevelImminent && (hasCat(t.hits, CatMedicalEmergency, LevelHigh) || hasRule(t.hits, "cm_me_taken")) && hasRule(t.hits, "me_symptom") {
		best = LevelImminent
	}
	// Disordered eating with physical danger signs is high.
	if best < LevelHigh && hasCat(t.hits, CatDisorderedEating, LevelModerate) && hasCat(t.hits, CatMedicalEmergency, LevelModerate) {
		best = LevelHigh
	}
	// Escalation from plans, means, timelines, goodbyes and resolve, for
	// self and third party separately.
	for _, s := range []Subject{SubjectSelf, SubjectThirdParty} {
		var k kind
		for _, h := range t.hits {
			if h.negated || h.scope == "past" {
				continue
			}
			// When something happens belongs to whoever is at risk in the
			// turn, whatever pronoun sits next to the time word.
			if h.subject == s || h.r.kind&(kTimeline|kResolve) != 0 && !h.r.third {
				k |= h.r.kind
			}
		}
		c := ctx[subjIdx(s)]
		// Means or a plan told in an earlier turn count when this turn
		// adds when, resolve, an act or a farewell ("I have the pills" …
		// "tonight, once they're asleep").
		if k&(kTimeline|kResolve|kAct|kGoodbye) != 0 {
			k |= c & (kPlan | kMeans)
		}
		c = esc[subjIdx(s)]
		ideation := c&(kIdeation|kPassive|kHopeless|kGoodbye) != 0
		active := c&kIdeation != 0
		lvl := LevelNone
		switch {
		case k&kAct != 0 && ideation:
			lvl = LevelImminent
		case countKind(t.hits, s, kAct) >= 2:
			lvl = LevelImminent
		case k&kGoodbye != 0 && (ideation && c&(kIdeation|kPassive|kHopeless) != 0 || k&kTimeline != 0 && strongGoodbye(t.hits, s)):
			lvl = LevelImminent
		case k&(kPlan|kMeans|kResolve) != 0 && k&kTimeline != 0 && ideation:
			lvl = LevelImminent
		case k&kPlan != 0 && k&kMeans != 0 && ideation:
			lvl = LevelImminent
		case active && k&kTimeline != 0 && k&kIntent != 0:
			lvl = LevelImminent
		case k&(kPlan|kMeans) != 0 && k&kResolve != 0 && k&kTimeline != 0:
			lvl = LevelImminent
		case k&(kPlan|kMeans|kResolve) != 0 && ideation:
			lvl = LevelHigh
		case k&kGoodbye != 0 && k&(kPlan|kMeans) != 0 && k&kTimeline != 0:
			lvl = LevelImminent
		case k&kGoodbye != 0 && k&(kPlan|kMeans) != 0:
			lvl = LevelHigh
		case k&kGoodbye != 0 && k&kResolve != 0 && k&kTimeline != 0:
			lvl = LevelImminent
		case k&kGoodbye != 0 && k&kResolve != 0:
			lvl = LevelHigh
		case k&kResolve != 0 && k&kTimeline != 0:
			lvl = LevelModerate
		}
		if lvl > best {
			best = lvl
			subj = s
		}
	}
	return best, subj
}

// countKind counts distinct rules of kind k for subject s in a turn.
func countKind(hs []hit, s Subject, k kind) int {
	seen := map[string]bool{}
	for _, h := range hs {
		if !h.negated && h.subject == s && h.r.kind&k != 0 {
			seen[h.r.id] = true
		}
	}
	return len(seen)
}

func hasCat(hs []hit, c Category, min Level) bool {
	for _, h := range hs {
		if !h.negated && h.r.cat == c && h.level >= min {
			return true
		}
	}
	return false
}

// strongGoodbye reports whether a turn has a goodbye that is a risk signal
// on its own ("this is goodbye"), not a plain "bye".
func strongGoodbye(hs []hit, s Subject) bool {
	for _, h := range hs {
		if !h.negated && h.subject == s && h.r.kind&kGoodbye != 0 && h.r.lvl >= LevelHigh {
			return true
		}
	}
	return false
}

func hasRule(hs []hit, id string) bool {
	for _, h := range hs {
		if !h.negated && h.r.id == id {
			return true
		}
	}
	return false
}

func priorSubject(turns []turn) Subject {
	best := LevelNone
	s := SubjectSelf
	for _, t := range turns {
		if t.level > best {
			best, s = t.level, t.subj
		}
	}
	return s
}

func anyGeneral(turns []turn) bool {
	for _, t := range turns {
		for _, h := range t.hits {
			if h.subject == SubjectGeneral {
				return true
			}
		}
	}
	return false
}

func confidence(level Level, score float64, nEvidence int, clfOnly bool) float64 {
	var rules float64
	switch {
	case clfOnly:
		rules = 0.5
	case level == LevelNone:
		rules = 0.9
	case nEvidence >= 2:
		rules = 0.9
	default:
		rules = 0.8
	}
	agree := score
	if level <= LevelLow {
		agree = 1 - score
	}
	c := 0.6*rules + 0.4*agree
	if c > 0.99 {
		c = 0.99
	}
	return float64(int(c*1000+0.5)) / 1000
}

// answerHits turns a short answer to an assistant's direct question into a
// disclosure: "Are you thinking about suicide?" → "yes".
func answerHits(prev string, toks []token) []hit {
	if len(toks) == 0 || len(toks) > 12 {
		return nil
	}
	p := " " + strings.ToLower(prev) + " "
	askedSI := strings.Contains(p, "suicid") || strings.Contains(p, "kill yourself") || strings.Contains(p, "end your life") ||
		strings.Contains(p, "ending your life") || strings.Contains(p, "take your life") || strings.Contains(p, "taking your life") ||
		strings.Contains(p, "want to die") || strings.Contains(p, "not being alive") ||
		strings.Contains(p, "killing yourself") || strings.Contains(p, "your own life") || strings.Contains(p, "ending it") ||
		strings.Contains(p, "end it all") || strings.Contains(p, "thoughts of dying") || strings.Contains(p, "wanting to die")
	askedSH := strings.Contains(p, "hurt yourself") || strings.Contains(p, "harm yourself") || strings.Contains(p, "hurting yourself") || strings.Contains(p, "harming yourself")
	askedPlan := strings.Contains(p, "a plan") || strings.Contains(p, "how you would") || strings.Contains(p, "when you would") || strings.Contains(p, "thought about how")
	askedSI = askedSI || askedPlan
	if !strings.Contains(p, "?") || !(askedSI || askedSH) {
		return nil
	}
	w0 := toks[0].w
	yes := false
	switch w0 {
	case "yes", "yeah", "yep", "yup", "ya", "yea", "sometimes", "maybe", "often", "always", "constantly", "honestly", "kind", "sort", "kinda", "sorta", "a", "every", "most", "lately", "probably", "definitely", "absolutely", "tonight", "ok", "okay":
		yes = true
	case "i":
		if len(toks) > 1 && (toks[1].w == "am" || toks[1].w == "do" || toks[1].w == "have" || toks[1].w == "think" || toks[1].w == "guess") && !(len(toks) > 2 && toks[2].w == "not") {
			yes = true
		}
	}
	if !yes {
		return nil
	}
	id, cat, lvl, k := "ans_yes_suicide", CatSuicidalIdeation, LevelHigh, kIdeation|kIntent
	switch {
	case askedPlan && askedSI:
		id, lvl, k = "ans_yes_plan", LevelHigh, kPlan|kIdeation|kIntent
	case askedSH && !askedSI:
		id, cat, lvl, k = "ans_yes_self_harm", CatSelfHarm, LevelModerate, kSelfHarm
	}
	r := &crule{rule: &rule{id: id, cat: cat, lvl: lvl, kind: k}}
	return []hit{{r: r, s: 0, e: len(toks), level: lvl, subject: SubjectSelf}}
}

func (a *Assessor) analyse(c *conv.Conversation, buf []uint32) analysis {
	var turns []turn
	for i, m := range c.Messages {
		if m.Role != conv.RoleUser || strings.TrimSpace(m.Content) == "" {
			continue
		}
		toks := tokenize(m.Content)
		hits, excluded, suppressed := a.lex.findHitsS(toks)
		t := turn{msg: i, toks: toks, hits: hits, excluded: excluded, suppressed: suppressed}
		if i > 0 && c.Messages[i-1].Role == conv.RoleAssistant {
			t.hits = append(t.hits, answerHits(c.Messages[i-1].Content, toks)...)
		}
		turns = append(turns, t)
	}
	if len(turns) == 0 {
		return analysis{subj: SubjectSelf}
	}
	// Context flags accumulate over the conversation, per subject.
	var ctx [3]kind // self, third, general
	prior := LevelNone
	for ti := range turns {
		t := &turns[ti]
		// esc is the context a situation in this turn escalates: ideation
		// from earlier turns, or from a rule in this turn that states
		// ideation alone. A rule that carries both a situation and ideation
		// ("I asked my sister to look after my dog if anything happens to
		// me") is already rated for both; it does not escalate itself,
		// unless it also says the situation is now ("the pills are in front
		// of me"), which is imminent by construction.
		esc := ctx
		for _, h := range t.hits {
			if h.negated || h.subject == SubjectGeneral || h.r.cat != CatSuicidalIdeation && h.r.kind&(kAct|kSelfHarm) == 0 {
				continue
			}
			t.kinds |= h.r.kind
			ctx[subjIdx(h.subject)] |= h.r.kind
			if h.r.kind&situationKinds == 0 || h.r.kind&kTimeline != 0 {
				esc[subjIdx(h.subject)] |= h.r.kind
			} else {
				esc[subjIdx(h.subject)] |= h.r.kind &^ (kIdeation | kPassive | kHopeless | kGoodbye)
			}
		}
		t.level, t.subj = combineTurn(t, ctx, esc)
		if ti < len(turns)-1 && t.level > prior {
			prior = t.level
		}
	}
	last := &turns[len(turns)-1]
	level := last.level
	subj := last.subj
	// Risk stated earlier persists: a short reply after "I want to kill
	// myself" does not make the conversation safe. Only an explicit safety
	// statement lowers it, by two levels and never below low.
	if prior > level {
		decayed := prior
		if last.kinds&kSafe != 0 || hasSafe(last) {
			decayed = prior - 2
		}
		if decayed < LevelLow {
			decayed = LevelLow
		}
		if decayed > level {
			level = decayed
			if subj == SubjectGeneral || last.level == LevelNone {
				subj = priorSubject(turns[:len(turns)-1])
			}
		}
	}
	// A clarification takes the earlier words back ("omg no, i meant my
	// elden ring run"): low, not none (rules_clarify.go).
	if level > LevelLow && len(turns) > 1 && priorSubject(turns[:len(turns)-1]) == SubjectSelf && clarifies(last) {
		level = LevelLow
	}
	g := GateInput{RuleLevel: level, Excluded: last.excluded, Suppressed: last.suppressed, MayRaise: classifierMayRaise(last), MayRaiseHigh: classifierMayRaiseHigh(last)}
	feats, bits := a.scoreHeads(last, &g, buf)
	g.Corroborated = corroborated(last)
	cue := hasRiskCue(last.toks) || situationHit(last)
	g.Anchored = g.Corroborated || hasAnchor(last.toks) && cue
	g.HighAnchored = g.Anchored || cue && hasHighAnchor(last.toks)
	g.Cue = cue
	g.Blocked = highBlock(last)
	return analysis{turns: turns, level: level, subj: subj, gate: g, feats: feats, featBits: bits}
}
