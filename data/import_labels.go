// Label mapping: how the topic, problem and strategy names that source
// datasets carry become tend's labels. Exact names are looked up first (the
// tables below, documented in docs/data-import.md), then keywords, and a
// topic that matches neither becomes "other". Strategy names must be one of
// ESConv's eight (case and hyphens do not matter).
package data

import (
	"fmt"
	"slices"
	"strings"

	"github.com/tend-project/tend/conv"
)

// concernNames maps a normalised source topic (lower case, '-' and '_' as
// spaces) to a tend concern. Keys cover tend's own names, ESConv's
// problem_type values and CounselChat's topics.
var concernNames = map[string]conv.Concern{
	// ESConv problem_type.
	"ongoing depression":    conv.ConcernDepression,
	"job crisis":            conv.ConcernWorkSchool,
	"breakup with partner":  conv.ConcernRelationships,
	"problems with friends": conv.ConcernRelationships,
	"academic pressure":     conv.ConcernWorkSchool,
	"procrastination":       conv.ConcernWorkSchool,
	"alcohol abuse":         conv.ConcernSubstanceUse,
	"issues with parents":   conv.ConcernFamily,
	"conflict with parents": conv.ConcernFamily,
	"issues with children":  conv.ConcernFamily,
	"sleep problems":        conv.ConcernSleep,
	"appearance anxiety":    conv.ConcernEatingBody,
	"school bullying":       conv.ConcernWorkSchool,
	// CounselChat topic.
	"parenting":                conv.ConcernFamily,
	"family conflict":          conv.ConcernFamily,
	"children adolescents":     conv.ConcernFamily,
	"relationship dissolution": conv.ConcernRelationships,
	"marriage":                 conv.ConcernRelationships,
	"intimacy":                 conv.ConcernRelationships,
	"social relationships":     conv.ConcernRelationships,
	"workplace relationships":  conv.ConcernWorkSchool,
	"career counseling":        conv.ConcernWorkSchool,
	"domestic violence":        conv.ConcernTrauma,
	"military issues":          conv.ConcernTrauma,
	"anger management":         conv.ConcernAnger,
	"sleep improvement":        conv.ConcernSleep,
	"grief and loss":           conv.ConcernGrief,
	"substance abuse":          conv.ConcernSubstanceUse,
	"addiction":                conv.ConcernSubstanceUse,
	"eating disorders":         conv.ConcernEatingBody,
	"self harm":                conv.ConcernCrisis,
	"behavioral change":        conv.ConcernOther,
	"spirituality":             conv.ConcernOther,
	"lgbtq":                    conv.ConcernOther,
	"human sexuality":          conv.ConcernOther,
	"legal regulatory":         conv.ConcernOther,
	"professional ethics":      conv.ConcernOther,
	"counseling fundamentals":  conv.ConcernOther,
	"diagnosis":                conv.ConcernOther,
}

// concernKeywords is the fallback for names not in concernNames, tried in
// order: crisis first, so "self-harm after a breakup" is never filed under
// relationships alone.
var concernKeywords = []struct {
	words   []string
	concern conv.Concern
}{
	{[]string{"suicid", "self harm", "selfharm", "kill myself"}, conv.ConcernCrisis},
	{[]string{"alcohol", "drug", "substance", "addict", "drinking"}, conv.ConcernSubstanceUse},
	{[]string{"eating", "body image", "weight", "appearance"}, conv.ConcernEatingBody},
	{[]string{"depress"}, conv.ConcernDepression},
	{[]string{"anxi", "panic", "worry", "phobia"}, conv.ConcernAnxiety},
	{[]string{"sleep", "insomnia", "nightmare"}, conv.ConcernSleep},
	{[]string{"grief", "bereave", "loss", "death", "mourning"}, conv.ConcernGrief},
	{[]string{"lonel", "isolat"}, conv.ConcernLoneliness},
	{[]string{"trauma", "abuse", "ptsd", "violence", "assault"}, conv.ConcernTrauma},
	{[]string{"anger", "rage", "temper"}, conv.ConcernAnger},
	{[]string{"work", "job", "school", "academ", "career", "exam", "study", "procrastinat"}, conv.ConcernWorkSchool},
	{[]string{"parent", "famil", "child", "sibling", "mother", "father"}, conv.ConcernFamily},
	{[]string{"partner", "breakup", "break up", "marri", "relationship", "dating", "friend", "divorce"}, conv.ConcernRelationships},
	{[]string{"self esteem", "confidence", "self worth"}, conv.ConcernSelfEsteem},
	{[]string{"stress", "pressure", "burnout", "overwhelm"}, conv.ConcernStress},
}

// exportConcernNames gives the name a concern is written as when exporting
// to ESConv, so that a re-import maps it back to the same concern.
var exportConcernNames = map[conv.Concern]string{
	conv.ConcernDepression:    "ongoing depression",
	conv.ConcernWorkSchool:    "job crisis",
	conv.ConcernRelationships: "breakup with partner",
	conv.ConcernSubstanceUse:  "alcohol abuse",
	conv.ConcernFamily:        "issues with parents",
	conv.ConcernSleep:         "sleep problems",
	conv.ConcernEatingBody:    "appearance anxiety",
}

func normaliseName(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.NewReplacer("-", " ", "_", " ").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// concernsFor maps a topic field, which may list several topics separated by
// commas or semicolons, to tend concerns without duplicates. An empty field
// gives none; a non-empty field that matches nothing gives "other".
func concernsFor(topic string) []conv.Concern {
	var out []conv.Concern
	for _, part := range strings.FieldsFunc(topic, func(r rune) bool { return r == ',' || r == ';' }) {
		name := normaliseName(part)
		if name == "" {
			continue
		}
		c := concernFor(name)
		if !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

func concernFor(name string) conv.Concern {
	if c := conv.Concern(strings.ReplaceAll(name, " ", "_")); c.Valid() {
		return c
	}
	if c, ok := concernNames[name]; ok {
		return c
	}
	for _, k := range concernKeywords {
		for _, w := range k.words {
			if strings.Contains(name, w) {
				return k.concern
			}
		}
	}
	return conv.ConcernOther
}

// topicFor writes concerns back as a topic field; ESConv-style names are
// used where the table has one when esconv is true.
func topicFor(cs []conv.Concern, esconv bool) string {
	names := make([]string, len(cs))
	for i, c := range cs {
		names[i] = string(c)
		if n, ok := exportConcernNames[c]; ok && esconv {
			names[i] = n
		}
	}
	return strings.Join(names, ", ")
}

// strategyFor maps an ESConv strategy name to conv.Strategy. Case, hyphens
// and extra spaces are ignored; a few common shortenings are accepted.
func strategyFor(name string) (conv.Strategy, error) {
	n := normaliseName(name)
	for _, s := range conv.Strategies {
		if normaliseName(string(s)) == n {
			return s, nil
		}
	}
	switch n {
	case "restatement", "paraphrasing":
		return conv.StrategyRestatement, nil
	case "reflection":
		return conv.StrategyReflection, nil
	case "affirmation", "reassurance":
		return conv.StrategyAffirmation, nil
	case "suggestion", "suggestions", "providing suggestion":
		return conv.StrategySuggestions, nil
	case "other":
		return conv.StrategyOthers, nil
	}
	return "", fmt.Errorf("unknown ESConv strategy %q", name)
}

// emotionFor normalises an emotion label: lower case, single spaces.
func emotionFor(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}
