package safety

import (
	"sort"
	"strings"
	"testing"
)

// phraseStarters are words that, as the last choice of an a|b|c list
// followed directly by another word, usually mean the writer meant a
// multi-word choice ("need|be using" instead of "[ need | be using ]"),
// which the pattern language reads as "(need|be) using".
var phraseStarters = set("be", "let", "too", "not", "no", "passing", "working", "figuring", "throwing", "coughing", "going", "pulling", "do", "get", "got", "it", "is", "are", "that", "you", "messed", "never", "can", "will", "would", "could", "did", "so", "am", "feel", "feeling", "take", "end", "in", "you")

// lintAllowed lists the occurrences that are meant as written.
var lintAllowed = set(
	"is|are not", "tell|let my", "hit|did not", "might|may|could be", "would|will even?",
	"feel|feeling|am|so completely?", "was|is not", "end|take my", "too|really|very|so deep",
	"living|going like", "feel|so|too fat",
	"manage|cope|be|do fine", "come|go|get off",
	"doing|do it", "ending|end it|things", "feel|feeling better", "feel|feeling disgusting|disgusted|guilty|gross",
	"feel|feeling safer", "feel|feels|feeling like", "have|got what", "i|that will|might|could|am|would",
	"not|never stop|change", "not|never wake", "run|running|ran|do|doing|did suicides", "taking|take more",
	"took|taken|take something|medicine|tablet|pill|paracetamol|ibuprofen", "would|will be",
	"can|could|should|do i", "do|end it", "inside|in my", "would|will all",
	// guard_rules.go (not assessment): reported to the guard's owner
	"sometime|in person",
)

func allPatterns() []string {
	var ps []string
	for _, r := range rules {
		ps = append(ps, r.pat)
	}
	for _, r := range exclusions {
		ps = append(ps, r.pat)
	}
	for _, rs := range [][]rule{situational, threatsIfLeave, conceptRules} {
		for _, r := range rs {
			ps = append(ps, r.pat)
		}
	}
	for _, r := range allGuardRules {
		ps = append(ps, r.r.pat)
	}
	for _, m := range misinfoAll {
		ps = append(ps, m.pat)
	}
	for _, m := range []map[string]string{macros, conceptMacros, guardMacros} {
		for _, p := range m {
			ps = append(ps, p)
		}
	}
	return ps
}

func TestPatternLint(t *testing.T) {
	var bad []string
	for _, p := range allPatterns() {
		fs := strings.Fields(p)
		for i := 0; i+1 < len(fs); i++ {
			tok, next := fs[i], fs[i+1]
			if tok == "|" || !strings.Contains(tok, "|") {
				continue
			}
			alts := strings.Split(tok, "|")
			last := strings.TrimSuffix(alts[len(alts)-1], "?")
			if !phraseStarters[last] || strings.ContainsAny(next[:1], "~@#[]|") {
				continue
			}
			pair := tok + " " + next
			if !lintAllowed[pair] && !lintAllowed[tok+" "+next] {
				bad = append(bad, pair)
			}
		}
	}
	// A macro written as one long word list ("hits|hit|…|held") breaks if
	// a phrase slips into it ("…|holding me down|held|…" reads as
	// "(…|holding) me (down|held|…)").
	for _, m := range []map[string]string{macros, conceptMacros} {
		for name, body := range m {
			if !strings.Contains(body, " | ") && strings.Count(body, "|") > 8 && len(strings.Fields(body)) > 1 {
				bad = append(bad, "@"+name+": "+body)
			}
		}
	}
	sort.Strings(bad)
	for _, b := range bad {
		t.Errorf("pattern %q: a multi-word choice needs [ a | b c ]; if meant as written, add it to lintAllowed", b)
	}
}
