// Compiling the lexicon and finding rule hits in a token stream, with the
// scope logic that decides whether a hit is negated, hypothetical, quoted,
// informational or about the past, and whose risk it describes.
package safety

import (
	"errors"
	"fmt"
	"strings"
	"sync"
)

type crule struct {
	*rule
	notIf map[string]bool
	with  map[string]bool
	lit   map[string]bool // words the pattern itself spells out
}

type lexicon struct {
	index  map[string][]*seq
	prefix []*seq // sequences whose first element is a prefix
}

var (
	lexOnce sync.Once
	lex     *lexicon
	lexErr  error
)

// compiled returns the compiled default lexicon.
func compiled() (*lexicon, error) {
	lexOnce.Do(func() {
		hypoCues = normPhrases(hypoCues)
		pastCues = normPhrases(pastCues)
		presentCues = normPhrases(presentCues)
		lex, lexErr = compileRules(append(append(append(append(append([]rule{}, rules...), situational...), threatsIfLeave...), conceptRules...), exclusions...))
	})
	return lex, lexErr
}

// allMacros is the shared macro table plus the concept word classes.
var allMacros = sync.OnceValue(func() map[string]string {
	m := make(map[string]string, len(macros)+len(conceptMacros)+len(weakMacros))
	for k, v := range macros {
		m[k] = v
	}
	for k, v := range conceptMacros {
		m[k] = v
	}
	for k, v := range weakMacros {
		m[k] = v
	}
	return m
})

func compileRules(rs []rule) (*lexicon, error) {
	l := &lexicon{index: map[string][]*seq{}}
	seen := map[string]bool{}
	var errs []error
	for i := range rs {
		r := &rs[i]
		if seen[r.id] {
			return nil, fmt.Errorf("rule %s: duplicate id", r.id)
		}
		seen[r.id] = true
		cr := &crule{rule: r}
		if r.notIf != "" {
			cr.notIf = set(strings.Split(r.notIf, "|")...)
		}
		if r.with != "" {
			cr.with = set(strings.Split(r.with, "|")...)
		}
		alts, err := compilePattern(r.pat, allMacros())
		if err != nil {
			errs = append(errs, fmt.Errorf("rule %s: %w", r.id, err))
			continue
		}
		cr.lit = map[string]bool{}
		for _, es := range alts {
			for _, e := range es {
				for _, w := range e.words {
					cr.lit[w] = true
				}
			}
		}
		for _, es := range alts {
			if err := checkWords(es); err != nil {
				errs = append(errs, fmt.Errorf("rule %s: %w", r.id, err))
				continue
			}
			s := &seq{elems: es, rule: r}
			s.crule = cr
			if len(es[0].prefix) > 0 {
				l.prefix = append(l.prefix, s)
			}
			for _, w := range es[0].words {
				l.index[w] = append(l.index[w], s)
			}
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return l, nil
}

// checkWords rejects pattern words that normalisation would never produce
// (a contraction such as "can't" must be written "can not").
func checkWords(es []elem) error {
	for _, e := range es {
		for _, w := range e.words {
			n := normWord(w)
			if len(n) != 1 || n[0] != w {
				return fmt.Errorf("word %q normalises to %q; write the normal form", w, strings.Join(n, " "))
			}
		}
	}
	return nil
}

// hit is one rule match after scope analysis.
type hit struct {
	r       *crule
	s, e    int // token range
	level   Level
	subject Subject
	negated bool
	scope   string // "", "hypothetical", "quoted", "informational", "past"
}

// findHitsX runs every pattern over toks, applies exclusions and scope,
// and also reports whether any exclusion (idiom, technical use) matched,
// which keeps the classifier from overruling it.
func (l *lexicon) findHitsX(toks []token) ([]hit, bool) {
	hits, excluded, _ := l.findHitsS(toks)
	return hits, excluded
}

// findHitsS is findHitsX that also reports whether a rule's notIf words
// suppressed a match: the rules looked at the sentence and found an
// everyday purpose ("a note for the cleaner where she will find it").
func (l *lexicon) findHitsS(toks []token) ([]hit, bool, bool) {
	suppressed := false
	type raw struct {
		r    *crule
		s, e int
	}
	var raws []raw
	var excl []raw
	for i := range toks {
		try := func(s *seq) {
			if end := s.matchAt(toks, i); end > i {
				rw := raw{s.crule, i, end}
				if s.rule.kind == kExclude {
					if s.crule.notIf != nil && sentenceHas(toks, toks[i].sent, s.crule.notIf) {
						return
					}
					excl = append(excl, rw)
					return
				}
				if s.crule.with != nil && !messageHas(toks, s.crule.with) {
					return
				}
				if s.crule.notIf != nil && sentenceHas(toks, toks[i].sent, s.crule.notIf) {
					if s.rule.lvl >= LevelHigh || s.rule.kind&(kIdeation|kPassive|kPlan|kMeans|kGoodbye|kSelfHarm) != 0 {
						suppressed = true
					}
					return
				}
				// keep the longest match per rule and start
				for k := range raws {
					if raws[k].r == rw.r && raws[k].s == rw.s {
						if rw.e > raws[k].e {
							raws[k].e = rw.e
						}
						return
					}
				}
				raws = append(raws, rw)
			}
		}
		for _, s := range l.index[toks[i].w] {
			try(s)
		}
		for _, s := range l.prefix {
			if s.elems[0].matches(toks[i].w) {
				try(s)
			}
		}
	}
	hits := make([]hit, 0, len(raws))
	var cache sentenceTexts
outer:
	for _, rw := range raws {
		for _, x := range excl {
			if x.s < rw.e && rw.s < x.e && (x.r.cat == "" || x.r.cat == rw.r.cat) {
				continue outer
			}
		}
		h := hit{r: rw.r, s: rw.s, e: rw.e, level: rw.r.lvl}
		scopeHit(toks, &h, &cache)
		hits = append(hits, h)
	}
	// A match that a third-person pattern of the same category overlaps is
	// about that person ("fresh cuts on my daughter's arms").
	for i := range hits {
		if hits[i].subject != SubjectSelf || hits[i].r.third {
			continue
		}
		for _, o := range hits {
			if o.r.third && !o.negated && o.r.cat == hits[i].r.cat && o.s < hits[i].e && hits[i].s < o.e {
				hits[i].subject = SubjectThirdParty
				break
			}
		}
	}
	// A topic cue inside a longer match of its category adds nothing, and
	// inherits that match's negation ("no thoughts of suicide").
	out := hits[:0]
	for i, h := range hits {
		drop := false
		if h.r.kind == kCue {
			for j, o := range hits {
				if j != i && o.r.kind != kCue && o.r.cat == h.r.cat && o.s < h.e && h.s < o.e {
					drop = true
					break
				}
			}
		}
		if !drop {
			out = append(out, h)
		}
	}
	return out, len(excl) > 0, suppressed
}

func messageHas(toks []token, words map[string]bool) bool {
	for _, t := range toks {
		if words[t.w] {
			return true
		}
	}
	return false
}

func sentenceHas(toks []token, sent int, words map[string]bool) bool {
	for _, t := range toks {
		if t.sent == sent && words[t.w] {
			return true
		}
	}
	return false
}

// negation stops scanning back at these words: "I'm not okay and I want to
// die" is not a negated wish.
var negStops = set("and", "so", "because", "then", "but", "or", "i", "when", "if", "that", "cause", "since", "now")

// subjectStart words open patterns of the form "I … did X", where a
// negator in the gap negates X.
var subjectStart = set("i", "been", "started", "keep", "still", "my", "we", "he", "she", "they")

var negBreak = set("see", "sure", "certain", "stop", "help", "wait", "bear", "handle", "cope", "remember", "only", "know", "longer", "matter", "one", "reason", "point", "care", "anymore", "even")

// sentenceTexts caches the space-padded text of sentences while one token
// stream is scoped; hits in the same sentence share it.
type sentenceTexts struct {
	toks []token
	m    map[int]string
}

func (c *sentenceTexts) get(toks []token, ss, se int) string {
	if len(c.toks) != len(toks) || len(toks) > 0 && &c.toks[0] != &toks[0] {
		c.toks, c.m = toks, map[int]string{}
	}
	if s, ok := c.m[ss]; ok {
		return s
	}
	s := joinWords(toks[ss:se])
	c.m[ss] = s
	return s
}

func scopeHit(toks []token, h *hit, sentCache *sentenceTexts) {
	first := toks[h.s]
	ss := h.s
	for ss > 0 && toks[ss-1].sent == first.sent {
		ss--
	}
	se := h.e
	for se < len(toks) && toks[se].sent == first.sent {
		se++
	}
	// Negation: a negator shortly before the match, in the same clause.
	if h.r.kind != kSafe {
		for k := h.s - 1; k >= ss && k >= h.s-4; k-- {
			if toks[k].clause != first.clause || negStops[toks[k].w] {
				break
			}
			if negators[toks[k].w] {
				if k+1 < h.s && negBreak[toks[k+1].w] {
					break
				}
				if k+1 == h.s && negBreak[toks[k+1].w] {
					break
				}
				h.negated = true
				break
			}
		}
	}
	// A negator inside a gap of the match ("I have never self harmed")
	// negates it too, unless the pattern spells that word itself.
	if !h.negated && h.r.kind != kSafe && subjectStart[toks[h.s].w] {
		for k := h.s + 1; k < h.e; k++ {
			if negators[toks[k].w] && !h.r.lit[toks[k].w] && !(k+1 < h.e && negBreak[toks[k+1].w]) {
				h.negated = true
				break
			}
		}
	}
	// Subject.
	h.subject = subjectOf(toks, h, ss)
	// "What should I do if a teenager tells me they're suicidal?" asks
	// about anyone, not about a particular person.
	if h.subject == SubjectThirdParty && (first.question || questionStarts[toks[ss].w]) && indefiniteBefore(toks[ss:min(h.s+1, len(toks))]) {
		h.subject = SubjectGeneral
	}
	sentText := sentCache.get(toks, ss, se)
	pre := joinWords(toks[ss:h.e])
	switch {
	case first.quoted:
		if h.subject != SubjectThirdParty {
			h.subject = SubjectGeneral
		}
		h.scope = "quoted"
	case containsAny(pre, hypoCues):
		h.subject = SubjectGeneral
		h.scope = "hypothetical"
	case isInformational(toks, ss, se, h):
		if h.subject != SubjectThirdParty {
			h.subject = SubjectGeneral
		}
		h.scope = "informational"
	case containsAny(sentText, pastCues) && !containsAny(sentText, presentCues):
		h.scope = "past"
	}
	// "I haven't self harmed in three years" is recovery, not denial.
	if h.negated && (containsAny(sentText, pastCues) || containsAny(sentText, durationCues)) && h.r.kind&(kSelfHarm|kIdeation|kOther) != 0 {
		h.negated = false
		h.scope = "past"
	}
	switch {
	case h.negated:
		h.level = LevelNone
	case h.scope == "hypothetical" || h.scope == "quoted" || h.scope == "informational":
		// Third-party concern asked as a question ("how do I help my friend
		// who wants to kill himself?") keeps its level: someone is at risk.
		if h.subject != SubjectThirdParty && h.level > LevelLow {
			h.level = LevelLow
		}
	case h.scope == "past":
		if h.level > LevelLow {
			h.level = LevelLow
		}
	}
	// A topic word in a report of research or numbers is not a disclosure.
	if h.r.kind == kCue && !first.question && containsAny(sentText, academicCues) {
		h.level = LevelNone
	}
	// A topic word about someone else, with nothing else said, is a report,
	// not a risk ("a patient overdose on the ward").
	if h.r.kind == kCue && h.subject == SubjectThirdParty && h.scope == "" {
		h.level = LevelNone
	}
}

func subjectOf(toks []token, h *hit, ss int) Subject {
	if h.r.third {
		return SubjectThirdParty
	}
	matchFirst := false
	for k := h.s; k < h.e; k++ {
		// "my" inside a match is often a possessive ("swallowed my pills"),
		// not the writer as subject.
		if firstPerson[toks[k].w] && !(h.r.cat == CatMedicalEmergency && toks[k].w == "my") && !toks[k].expanded {
			matchFirst = true
		}
	}
	// Reported speech: a third person and a report verb earlier in the
	// sentence ("my brother said he wants to end it").
	sawReport := false
	for k := h.s - 1; k >= ss; k-- {
		w := toks[k].w
		if reportVerbs[w] {
			sawReport = true
			continue
		}
		if sawReport && thirdPerson[w] && !(w == "her" && k+1 < len(toks) && toks[k+1].w == "own") {
			if !matchFirst || toks[h.s].quoted {
				return SubjectThirdParty
			}
		}
	}
	for k := h.s - 1; k >= ss && k >= h.s-8; k-- {
		w := toks[k].w
		if firstPerson[w] {
			return SubjectSelf
		}
		if thirdPerson[w] {
			if matchFirst {
				return SubjectSelf
			}
			if indefinite[w] || k > ss && (toks[k-1].w == "a" || toks[k-1].w == "an" || toks[k-1].w == "any" || toks[k-1].w == "some") {
				if toks[ss].question || questionStarts[toks[ss].w] {
					return SubjectGeneral
				}
			}
			return SubjectThirdParty
		}
	}
	return SubjectSelf
}

func indefiniteBefore(toks []token) bool {
	for k, t := range toks {
		if indefinite[t.w] || k > 0 && thirdPerson[t.w] && (toks[k-1].w == "a" || toks[k-1].w == "an" || toks[k-1].w == "any" || toks[k-1].w == "some") {
			return true
		}
	}
	return false
}

var indefinite = set("someone", "somebody", "anyone", "anybody", "people", "person", "others", "teens", "teenagers", "students", "kids")

func isInformational(toks []token, ss, se int, h *hit) bool {
	q := toks[ss].question || questionStarts[toks[ss].w]
	cue := false
	for k := ss; k < se; k++ {
		if k >= h.s && k < h.e {
			continue
		}
		if infoCues[toks[k].w] {
			cue = true
		}
	}
	if !cue {
		// "What is self harm?" needs no cue word.
		if h.r.kind != kCue || !(toks[ss].w == "what" && se > ss+1 && (toks[ss+1].w == "is" || toks[ss+1].w == "are" || toks[ss+1].w == "does" || toks[ss+1].w == "do")) {
			return false
		}
	}
	// Personal statements are not informational even when phrased as a
	// question ("is it normal that I want to die?" stays personal).
	for k := ss; k < se; k++ {
		if k >= h.s && k < h.e {
			if firstPerson[toks[k].w] {
				return false
			}
			continue
		}
		if (toks[k].w == "i" || toks[k].w == "myself") && k > ss && k+1 < se && !helpVerb(toks[k+1].w) && !helpVerb(toks[k-1].w) {
			if !q {
				return false
			}
			if k > h.s {
				continue
			}
			return false
		}
	}
	if q {
		return true
	}
	// Declarative academic framing: "I'm writing an essay on suicide".
	for k := ss; k < se; k++ {
		switch toks[k].w {
		case "essay", "research", "paper", "presentation", "class", "course", "project", "documentary", "article", "statistics", "podcast", "training", "studying", "lecture", "assignment", "thesis":
			return true
		}
	}
	return false
}

var durationCues = []string{"in years", "for years", "in months", "for months", "in a year", "in two years", "in three years", "in a long time", "since high school", "since college", "since i was"}

var academicCues = []string{"documentary", "awareness", "prevention", "unit", "workshop", "campaign", "charity", "fundraiser", "study", "studies", "table", "dataset", "data", "rates", "journal", "percent", "figure", "cohort", "trial", "statistics"}

func helpVerb(w string) bool {
	switch w {
	case "help", "support", "talk", "ask", "know", "tell", "recognize", "recognise", "spot", "respond", "approach", "say", "handle", "do", "should", "can", "could", "am", "writing", "researching", "studying", "learning", "teaching", "wondering", "curious", "want", "need", "find", "get", "read", "heard", "saw", "watched", "was", "have", "would":
		return true
	}
	return false
}

func joinWords(toks []token) string {
	var b strings.Builder
	b.WriteByte(' ')
	for _, t := range toks {
		b.WriteString(t.w)
		b.WriteByte(' ')
	}
	return b.String()
}

// containsAny reports whether the space-padded text contains any phrase as
// whole words.
func containsAny(padded string, phrases []string) bool {
	for _, p := range phrases {
		if strings.Contains(padded, " "+p+" ") {
			return true
		}
	}
	return false
}

// normPhrases runs cue phrases through the tokenizer so they meet
// normalised text ("haven't cut" becomes "have not cut").
func normPhrases(ps []string) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = strings.TrimSpace(joinWords(tokenize(p)))
	}
	return out
}
