package safety

// Concept features for the classifier (weights format TSCLF3). Words and
// character n-grams tie the classifier to the phrasings it was trained on;
// these features let it generalise over vocabulary and over how the rules
// read a message:
//
//   - word classes: each word of a concept class (drug, means, acquire,
//     place, weapon, victim, time, self, negation, …) adds the class, and
//     consecutive classed words in a sentence add a class bigram, so
//     "ordered the paracetamol tonight" and "bought the pills today" share
//     "acquire>drug" and "drug>near";
//   - rule read-out: every rule hit adds its id and how the scope logic read
//     it (in scope about the writer, negated, about someone else,
//     hypothetical, informational, past), and in-scope hits about the writer
//     add their kinds (means, plan, timeline, resolve …), so the classifier
//     learns combinations of kinds that no hand-written case lists.
//
// The rules stay in charge of what they decide (Assess never lets the
// classifier overrule a negation, an idiom or a scope); these features only
// make the second opinion less tied to wording.

import (
	"strconv"
	"strings"
	"sync"
)

// featureClasses are the concept macros whose single words become class
// features, plus a few closed classes the scope logic already uses.
var featureClasses = []string{"drug", "chem", "means", "acquire", "research", "lethal", "near", "shv", "body", "hide",
	"weapon", "victim", "lethalv", "hitv", "urge", "place", "vehicle", "selfkill"}

// wordClasses maps a normalised word to the classes it belongs to.
var wordClasses = sync.OnceValue(func() map[string][]string {
	m := map[string][]string{}
	add := func(w, c string) {
		for _, x := range m[w] {
			if x == c {
				return
			}
		}
		m[w] = append(m[w], c)
	}
	var words func(body string, depth int) []string
	words = func(body string, depth int) []string {
		var out []string
		for _, seg := range strings.Split(body, " | ") {
			seg = strings.TrimSpace(seg)
			if strings.Contains(seg, " ") {
				continue // a phrase, not a word list
			}
			for _, w := range strings.Split(seg, "|") {
				if ref, ok := strings.CutPrefix(w, "@"); ok {
					if depth < 3 {
						out = append(out, words(allMacros()[ref], depth+1)...)
					}
					continue
				}
				if w != "" {
					out = append(out, w)
				}
			}
		}
		return out
	}
	for _, c := range featureClasses {
		for _, w := range words(allMacros()[c], 0) {
			add(w, c)
		}
	}
	for _, w := range []string{"tomorrow", "soon", "weekend", "tonight", "later"} {
		add(w, "when")
	}
	for w := range firstPerson {
		add(w, "self")
	}
	for w := range negators {
		add(w, "neg")
	}
	for _, w := range []string{"he", "she", "they", "him", "her", "them", "his", "their", "himself", "herself", "themselves"} {
		add(w, "third")
	}
	for w := range questionStarts {
		add(w, "q")
	}
	return m
})

var kindNames = []struct {
	k    kind
	name string
}{{kIdeation, "ideation"}, {kPassive, "passive"}, {kHopeless, "hopeless"}, {kPlan, "plan"}, {kMeans, "means"},
	{kTimeline, "timeline"}, {kGoodbye, "goodbye"}, {kResolve, "resolve"}, {kAct, "act"}, {kSelfHarm, "selfharm"},
	{kSafe, "safe"}, {kCue, "cue"}, {kOther, "other"}, {kIntent, "intent"}}

// conceptFeatures appends the hashed concept features of a message.
func (c *Classifier) conceptFeatures(toks []token, hits []hit, dst []uint32) []uint32 {
	mask := uint32(1)<<c.Bits - 1
	f := func(parts ...string) uint32 {
		h := fnvStr(fnvOffset, "C")
		for _, p := range parts {
			h = fnvStr(h, p)
			h ^= '|'
			h *= fnvPrime
		}
		return h & mask
	}
	classes := wordClasses()
	prev, prevSent := "", -1
	for _, t := range toks {
		cs := classes[t.w]
		if len(cs) == 0 {
			continue
		}
		if t.sent != prevSent {
			prev = ""
		}
		for _, cl := range cs {
			dst = append(dst, f("c", cl))
			if prev != "" {
				dst = append(dst, f("cc", prev, cl))
			}
		}
		prev, prevSent = cs[0], t.sent
	}
	var kinds kind
	for _, h := range hits {
		state := "in"
		switch {
		case h.negated:
			state = "neg"
		case h.scope != "":
			state = h.scope
		case h.subject != SubjectSelf:
			state = string(h.subject)
		}
		dst = append(dst, f("r", h.r.id, state))
		if state == "in" {
			kinds |= h.r.kind
			dst = append(dst, f("l", strconv.Itoa(int(h.level))))
		}
	}
	for _, kn := range kindNames {
		if kinds&kn.k != 0 {
			dst = append(dst, f("k", kn.name))
			for _, kn2 := range kindNames {
				if kn2.k > kn.k && kinds&kn2.k != 0 {
					dst = append(dst, f("kk", kn.name, kn2.name))
				}
			}
		}
	}
	return dst
}

// messageHits finds the rule hits of a tokenised message the way Assess
// does for a single user turn (ProbText and training use it).
func messageHits(toks []token) []hit {
	l, err := compiled()
	if err != nil {
		return nil
	}
	hits, _ := l.findHitsX(toks)
	return hits
}
