// How Assess uses the classifiers: what the gate knows about the latest
// message (GateInput), the thresholds it applies (GateLevel), and the
// conditions under which a classifier may raise a level the rules assigned:
// scope, corroboration by a rule, risk cues and anchor words.
package safety

import "github.com/tend-project/tend/conv"

// GateInput is what the classifier gate in Assess knows about the latest
// user message. Assessor.GateInput computes it and GateLevel applies the
// thresholds, so a trainer can try many thresholds without running the
// rules again (internal/trainclf does).
type GateInput struct {
	RuleLevel        Level   // from the rules and conversation memory
	Score, ScoreHigh float64 // P(moderate+), P(high+) of the latest message
	ScoreThird       float64 // P(someone else at high+) of the latest message
	ScoreAny         float64 // P(anyone at high+) of the latest message
	Excluded         bool    // an idiom or technical exclusion matched
	Suppressed       bool    // a risk rule was switched off by its notIf words
	MayRaise         bool    // scope leaves room for the moderate head
	MayRaiseHigh     bool    // scope leaves room for the high head
	Corroborated     bool    // the rules found risk of their own in the message
	Anchored         bool    // corroborated, or an anchor word and a risk cue
	HighAnchored     bool    // anchored, or a risk cue and a means, place or farewell word
	MayRaiseThird    bool    // names another person, and the rules found no risk to the writer
	Cue              bool    // a risk cue word, or a situational rule hit about the writer
	// Blocked names why MayRaiseHigh is false: a hit that is "negated",
	// "scoped" (hypothetical, past, informational, quoted), about an
	// "other" person, a "safe"ty statement, or only "passive" ideation
	// (which the rules rate moderate by convention); empty when it is
	// true. Diagnostics for the trainer; GateLevel does not read it.
	Blocked string
}

// GateInput returns the gate's view of c's latest user message.
func (a *Assessor) GateInput(c *conv.Conversation) GateInput {
	var buf [768]uint32
	return a.analyse(c, buf[:0]).gate
}

// scoreHeads fills g's classifier scores for the latest turn. The heads
// hash the same features, so they are computed once (into buf) and shared;
// they are returned, with their hash width, for the category head when
// they include the concept features (nil otherwise).
func (a *Assessor) scoreHeads(last *turn, g *GateInput, buf []uint32) ([]uint32, uint32) {
	fz := a.clf
	for _, c := range [...]*Classifier{a.clfHigh, a.clfThird, a.clfAny} {
		if fz == nil {
			fz = c
		}
	}
	if fz == nil {
		return nil, 0
	}
	feats := fz.features(last.toks, last.hits, buf)
	score := func(c *Classifier) float64 {
		if c.Bits == fz.Bits && c.Chars == fz.Chars && c.Concepts == fz.Concepts {
			return c.probFeats(feats)
		}
		return c.prob(last.toks, last.hits)
	}
	if a.clf != nil {
		g.Score = score(a.clf)
	}
	if a.clfHigh != nil {
		g.ScoreHigh = score(a.clfHigh)
	}
	if a.clfAny != nil {
		g.ScoreAny = score(a.clfAny)
	}
	if a.clfThird != nil && classifierMayRaiseThird(last) {
		g.MayRaiseThird = true
		g.ScoreThird = score(a.clfThird)
	}
	if !fz.Concepts {
		return nil, 0
	}
	return feats, fz.Bits
}

// GateLevel applies the thresholds to in: the level Assess reports and
// whether a classifier raised it. The classifiers may only raise the level
// the rules assigned, never lower it, and only where the rules did not
// decide against risk: nothing negated, scoped (hypothetical, past,
// informational) or excluded as an idiom, and no risk found for someone
// else. Without a rule hit the message needs a risk cue (death, harm,
// despair, farewell), not only a charged noun ("the bridge near my house is
// closed", "cut the onions"), unless P(high+) clears the stricter
// BareThreshold (or CueThreshold, when it has a risk cue but no anchor).
func (a *Assessor) GateLevel(in GateInput) (Level, Subject, bool) {
	if in.Excluded {
		return in.RuleLevel, "", false
	}
	th := a.BareThreshold
	switch {
	case in.Corroborated:
		th = a.HighThreshold
	case in.Suppressed:
		// Without a rule of its own, the classifier may not overrule a
		// rule that found an everyday purpose.
		th = 0
	case in.HighAnchored:
		th = a.HighAloneThreshold
	case in.Cue && a.CueThreshold > 0:
		th = a.CueThreshold
	}
	if th > 0 && in.ScoreHigh >= th && in.RuleLevel < LevelHigh && in.MayRaiseHigh {
		return LevelHigh, SubjectSelf, true
	}
	if a.ThirdThreshold > 0 && in.ScoreThird >= a.ThirdThreshold && in.RuleLevel < LevelHigh && in.MayRaiseThird && !in.Suppressed {
		return LevelHigh, SubjectThirdParty, true
	}
	// The direct path: P(anyone at high+) is trusted on its own, past the
	// scope and anchor conditions (an idiom exclusion still stops it). It
	// names the level; the subject is the other person when the gate found
	// one named and the third-party head leans that way.
	if a.DirectThreshold > 0 && in.ScoreAny >= a.DirectThreshold && in.RuleLevel < LevelHigh {
		if in.MayRaiseThird && in.ScoreThird > in.ScoreHigh {
			return LevelHigh, SubjectThirdParty, true
		}
		return LevelHigh, SubjectSelf, true
	}
	// Raising to moderate is the cheaper error, so the moderate head needs
	// only a risk cue (or a rule hit), not also an anchor word: on held-out
	// writers this adds moderate+ recall at no false-positive cost.
	if a.ClassifierThreshold > 0 && in.Score >= a.ClassifierThreshold && in.RuleLevel <= LevelLow && in.MayRaise && (in.Anchored || in.Cue && !in.Suppressed) {
		return LevelModerate, SubjectSelf, true
	}
	return in.RuleLevel, "", false
}

// classifierMayRaise reports whether the latest turn's hits leave room for
// the classifier: none at all, or only unscoped, un-negated self hits of
// low weight.
func classifierMayRaise(t *turn) bool {
	for _, h := range t.hits {
		if contextOnly(h) {
			continue
		}
		if h.negated || h.scope != "" || h.subject != SubjectSelf || h.r.kind&^(kCue|kPassive) != 0 {
			return false
		}
	}
	return true
}

// classifierMayRaiseHigh reports whether the latest turn leaves room for the
// P(high+) head: every hit is an in-scope, un-negated hit about the writer,
// and none is passive ideation (which the rules rate moderate on purpose).
func classifierMayRaiseHigh(t *turn) bool {
	for _, h := range t.hits {
		if contextOnly(h) {
			continue
		}
		if h.negated || h.scope != "" || h.subject != SubjectSelf || h.r.kind&(kSafe|kPassive) != 0 {
			return false
		}
	}
	return true
}

// highBlock names the first reason classifierMayRaiseHigh is false for t
// ("" when it is true); "passive" only when passive-ideation hits are the
// only reason.
func highBlock(t *turn) string {
	passive := false
	for _, h := range t.hits {
		if contextOnly(h) {
			continue
		}
		switch {
		case h.negated:
			return "negated"
		case h.scope != "":
			return "scoped"
		case h.subject != SubjectSelf:
			return "other"
		case h.r.kind&kSafe != 0:
			return "safe"
		case h.r.kind&kPassive != 0:
			passive = true
		}
	}
	if passive {
		return "passive"
	}
	return ""
}

// contextOnly reports whether h is context and not a finding: a rule of
// level none that only marks a time ("tonight", "on friday") or a symptom
// ("dizzy", "mouth burning"). Its subject is often a guess from the nearest
// pronoun ("they'll find them after", "my sister to pick up the kids on
// friday"), so it must not keep the classifiers out as "about someone
// else", negated or scoped; the risk rules around it still do.
func contextOnly(h hit) bool {
	return h.r.lvl == LevelNone && h.r.kind&^(kTimeline|kOther) == 0
}

// classifierMayRaiseThird reports whether the third-party head may speak
// for the latest turn: it names another person, and no hit is negated,
// general (a question about anyone) or risk to the writer.
func classifierMayRaiseThird(t *turn) bool {
	for _, h := range t.hits {
		if h.negated || h.subject == SubjectGeneral || h.scope == "hypothetical" || h.scope == "quoted" ||
			h.subject == SubjectSelf && h.level >= LevelModerate {
			return false
		}
	}
	for _, tk := range t.toks {
		if thirdPerson[tk.w] && !indefinite[tk.w] {
			return true
		}
	}
	return false
}

// guessCategory names the category of a message only the classifier
// raised, from its topic words; suicidal ideation when nothing points
// elsewhere. Only an assessor without a category head uses it (the
// trainer's baseline).
func guessCategory(toks []token) Category {
	for _, t := range toks {
		switch t.w {
		case "eat", "eating", "ate", "food", "meal", "meals", "starve", "starving", "purge", "purging", "calories", "weight", "fat", "thin", "binge", "laxatives":
			return CatDisorderedEating
		case "voices", "watching", "spying", "messages", "implanted", "followed", "poisoning":
			return CatPsychosis
		case "cut", "cuts", "cutting", "burn", "burning", "scratch", "scratching", "blade", "razor", "bleed", "bruise", "bruises":
			return CatSelfHarm
		}
	}
	return CatSuicidalIdeation
}

// corroborated reports whether the rules found some risk of their own in
// the turn (a hit rated low or above); plan or timeline words alone ("in
// place", "tonight") do not count.
func corroborated(t *turn) bool {
	for _, h := range t.hits {
		if !h.negated && h.level >= LevelLow {
			return true
		}
	}
	return false
}

// riskAnchors are words without which the classifier may not raise a
// message: it must at least touch on death, harm or despair.
var riskAnchors = set("die", "dying", "dead", "death", "kill", "killing", "suicide", "suicidal", "alive", "live", "living",
	"end", "ending", "hurt", "hurting", "harm", "cut", "cutting", "pills", "gone", "disappear", "exist", "existing", "burden",
	"worthless", "hopeless", "point", "sleep", "wake", "funeral", "over", "pain", "starve", "eat", "eating", "voices",
	"hit", "hits", "beat", "scared", "afraid", "bleeding", "overdose", "blade", "anymore", "life", "forever", "longer")

// highAnchors widen the anchors for the P(high+) head to means, places,
// plans and farewells: "I have the rope", "standing on the bridge",
// "I'm not going to be around much longer".
var highAnchors = set("rope", "noose", "hang", "hanging", "bridge", "roof", "ledge", "balcony", "cliff", "jump", "jumping",
	"tracks", "overpass", "height", "pills", "tablets", "painkillers", "paracetamol", "tylenol", "insulin", "antidepressants",
	"swallowed", "knife", "gun", "razor", "blade", "bleed", "blood", "deeper", "fatal", "deadly", "lethal", "survive", "garage",
	"exhaust", "note", "letters", "goodbye", "bye", "decided", "funeral", "insurance", "smother", "strangle", "stab",
	"chemicals", "stockpiling", "counted", "relieved", "favour", "favor")

func hasHighAnchor(toks []token) bool {
	for _, t := range toks {
		if highAnchors[t.w] {
			return true
		}
	}
	return false
}

// riskCues are the words that make a message about risk rather than only
// near its vocabulary: death, harm, despair, farewells, finality. A message
// the rules found nothing in needs one before the classifier may raise it.
var riskCues = set("die", "dying", "dead", "death", "kill", "killing", "suicide", "suicidal", "alive", "hurt", "hurting",
	"harm", "burden", "worthless", "hopeless", "pointless", "point", "funeral", "overdose", "bleeding", "bleed", "disappear",
	"exist", "existing", "goodbye", "bye", "gone", "forever", "anymore", "starve", "starving", "voices", "scared", "afraid",
	"pain", "wake", "nerve", "decided", "enough", "letters", "deeper", "swallowed", "hate", "tired", "alone", "nobody",
	"sorry", "longer", "life", "live", "living", "jump", "jumping", "hit", "hits", "beat", "eat", "eating", "cutting", "cuts",
	"myself", "never", "final", "relieved", "favour", "favor", "matter", "worth", "survive", "fall", "sleep", "leave",
	"fatal", "deadly", "lethal", "stockpiling", "stockpiled", "hoarding", "smother", "strangle", "stab", "easy", "quick", "again")

// situationHit reports whether the rules found a place, means, plan,
// timeline, resolve or farewell about the writer in the turn, even one rated
// none on its own ("I'm on the roof", "I bought the pills today").
func situationHit(t *turn) bool {
	for _, h := range t.hits {
		if !h.negated && h.scope == "" && h.subject == SubjectSelf && h.r.kind&(kMeans|kPlan|kResolve|kGoodbye) != 0 {
			return true
		}
	}
	return false
}

func hasRiskCue(toks []token) bool {
	for _, t := range toks {
		if riskCues[t.w] {
			return true
		}
	}
	return false
}

func hasAnchor(toks []token) bool {
	for _, t := range toks {
		if riskAnchors[t.w] {
			return true
		}
	}
	return false
}
