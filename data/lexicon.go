// Lexicons for annotation: phrases that name each concern and each
// emotion, and the cue phrases of ESConv's support strategies. They are
// used two ways: DetectConcerns answers "what is this message about?" in
// microseconds with no model (serving uses it to pick citations), and the
// trained annotator gets every lexicon hit as an extra feature, so the
// rules and the classifier vote together. Matching is on whole words; a
// phrase ending in "*" matches any word with that prefix.
package data

import (
	"strings"

	"github.com/tend-project/tend/conv"
)

// concernLexicon lists, per concern, phrases that mark it. They were
// written from how people describe these problems, not from the seed
// corpus's templates.
var concernLexicon = map[conv.Concern]string{
	conv.ConcernStress:        "stress*, overwhelm*, pressure, burnout, burned out, burnt out, too much on my plate, deadlines, running on empty, run ragged, juggling",
	conv.ConcernAnxiety:       "anxi*, panic*, worry*, worried, nervous, on edge, racing heart, dread*, phobia*, fear of, what if, overthink*, can't breathe",
	conv.ConcernDepression:    "depress*, hopeless*, empty, numb, low mood, no motivation, can't get out of bed, nothing matters, don't enjoy anything, lost interest, pointless, so low",
	conv.ConcernGrief:         "grief, griev*, passed away, died, death, funeral, bereave*, miss her so much, miss him so much, since she died, since he died, lost my mum, lost my dad, lost my mom",
	conv.ConcernLoneliness:    "lonely, loneliness, isolated, no friends, no one to talk to, nobody to talk to, left out, don't have anyone, on my own all the time, all alone",
	conv.ConcernRelationships: "boyfriend, girlfriend, partner, husband, wife, marriage, divorce*, breakup, broke up, break up, dating, my ex, cheated, cheating, relationship*, fiance*",
	conv.ConcernFamily:        "mum, mom, dad, mother, father, parents, sister, brother, sibling*, family, son, daughter, grandma, grandad, grandmother, grandfather, in-laws, stepdad, stepmum, stepmom",
	conv.ConcernWorkSchool:    "work, job, boss, manager, colleague*, coworker*, office, exam*, school, uni, university, college, teacher, assignment*, dissertation, shift*, promotion, fired, redundan*, grades, coursework",
	conv.ConcernSleep:         "sleep*, insomnia, awake at night, nightmare*, tired all the time, wake up at, waking up at, lie awake, lying awake",
	conv.ConcernSelfEsteem:    "worthless, not good enough, hate myself, useless, failure, ugly, confidence, self-esteem, self esteem, compare myself, imposter, impostor, not enough",
	conv.ConcernTrauma:        "trauma*, flashback*, assault*, abuse*, attacked, accident, ptsd, triggered, violence, raped, rape",
	conv.ConcernSubstanceUse:  "drink*, drunk, alcohol*, weed, cannabis, smoking, vaping, drugs, cocaine, using again, relapse*, sober, sobriety, hangover*, gambl*",
	conv.ConcernEatingBody:    "eating, binge*, purg*, starv*, calories, weight, body image, diet*, skipping meals, throw up after, anorexi*, bulimi*, my body, mirror",
	conv.ConcernAnger:         "anger, angry, furious, rage, snap*, lose my temper, lost my temper, shouting, yelling, irritable, resent*",
	conv.ConcernCrisis:        "suicid*, kill myself, killing myself, end my life, ending my life, end it all, ending it all, take my own life, taking my own life, harming myself, hurting myself, don't want to be here, don't want to live, want to die, better off dead, self-harm, self harm, cutting myself, cut myself, hurt myself, overdose, no reason to live",
}

// emotionLexicon maps each emotion label (the seed corpus's vocabulary) to
// phrases that express it.
var emotionLexicon = map[string]string{
	"angry":        "angry, furious, livid, rage",
	"anxious":      "anxious, on edge, nervous, jittery",
	"ashamed":      "ashamed, shame, humiliated",
	"confused":     "confused, confusing, don't understand",
	"disappointed": "disappointed, let down",
	"drained":      "drained, wiped out, running on empty",
	"embarrassed":  "embarrassed, mortified, cringe",
	"empty":        "empty, hollow",
	"exhausted":    "exhausted, shattered, worn out, knackered, so tired",
	"frustrated":   "frustrated, frustrating, fed up, annoyed",
	"guilty":       "guilty, guilt, my fault, blame myself",
	"heartbroken":  "heartbroken, devastated, gutted",
	"helpless":     "helpless, powerless, nothing i can do",
	"hopeless":     "hopeless, no point, what's the point, pointless, no way out",
	"hurt":         "hurt, hurts, hurtful, stung",
	"insecure":     "insecure, not good enough, inadequate",
	"jealous":      "jealous, envious",
	"lonely":       "lonely, alone, isolated",
	"low":          "low, flat, down",
	"numb":         "numb, don't feel anything, feel nothing",
	"overwhelmed":  "overwhelmed, too much, drowning",
	"panicky":      "panicky, panic, panicking",
	"resentful":    "resentful, resent, bitter",
	"restless":     "restless, wired, can't settle",
	"sad":          "sad, upset, crying, tearful",
	"scared":       "scared, afraid, frightened, terrified",
	"shaken":       "shaken, rattled, shook up",
	"stressed":     "stressed, stressful, under pressure",
	"uneasy":       "uneasy, unsettled",
	"worried":      "worried, worry, worrying, concerned",
}

// phraseSet is a compiled lexicon: single words (exact or prefix) and
// multi-word phrases, each mapped to a label index.
type phraseSet struct {
	words    map[string][]int
	prefixes []prefixEntry
	phrases  []phraseEntry
}

type prefixEntry struct {
	p     string
	label int
}

type phraseEntry struct {
	words []string
	label int
}

// compilePhrases builds a phraseSet from one comma-separated list per
// label; an entry of several words is a phrase.
func compilePhrases(lists []string) *phraseSet {
	ps := &phraseSet{words: map[string][]int{}}
	for label, list := range lists {
		for _, entry := range strings.Split(list, ",") {
			ws := textWords(strings.ReplaceAll(entry, "*", "zzstar"), nil)
			for k := range ws {
				ws[k] = strings.ReplaceAll(ws[k], "zzstar", "*")
			}
			switch {
			case len(ws) == 0:
			case len(ws) > 1:
				ps.phrases = append(ps.phrases, phraseEntry{ws, label})
			case strings.HasSuffix(ws[0], "*"):
				ps.prefixes = append(ps.prefixes, prefixEntry{strings.TrimSuffix(ws[0], "*"), label})
			default:
				ps.words[ws[0]] = append(ps.words[ws[0]], label)
			}
		}
	}
	return ps
}

// match adds one to counts[label] for each lexicon hit in words.
func (ps *phraseSet) match(words []string, counts []int) {
	for i, w := range words {
		for _, l := range ps.words[w] {
			counts[l]++
		}
		for _, e := range ps.prefixes {
			if strings.HasPrefix(w, e.p) {
				counts[e.label]++
			}
		}
		for _, e := range ps.phrases {
			if e.words[0] == w && i+len(e.words) <= len(words) && matchPhrase(words[i:], e.words) {
				counts[e.label]++
			}
		}
	}
}

func matchPhrase(words, phrase []string) bool {
	for k, p := range phrase {
		if q, ok := strings.CutSuffix(p, "*"); ok {
			if !strings.HasPrefix(words[k], q) {
				return false
			}
		} else if words[k] != p {
			return false
		}
	}
	return true
}

var (
	concernOrder  = conv.Concerns[:len(conv.Concerns)-1] // every concern but "other"
	concernPhrase = func() *phraseSet {
		lists := make([]string, len(concernOrder))
		for i, c := range concernOrder {
			lists[i] = concernLexicon[c]
		}
		return compilePhrases(lists)
	}()
)

// LexiconConcerns returns the concerns a text talks about from the
// concern lexicon alone: no model, a few microseconds, in conv.Concerns
// order. A concern needs one hit, except family, work_school and
// relationships, which name everyday things ("my mum", "at work") and need
// two. It is a weak detector on its own (macro-F1 0.45 on the seed test
// split, 0.42 on the hand-written set); DetectConcerns is the one to use.
func LexiconConcerns(text string) []conv.Concern {
	words := textWords(text, nil)
	counts := make([]int, len(concernOrder))
	concernPhrase.match(words, counts)
	var out []conv.Concern
	for i, c := range concernOrder {
		need := 1
		if c == conv.ConcernFamily || c == conv.ConcernWorkSchool || c == conv.ConcernRelationships {
			need = 2
		}
		if counts[i] >= need {
			out = append(out, c)
		}
	}
	return out
}
