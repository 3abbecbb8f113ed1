// Rules that sit beside the trained heads: cue phrases for ESConv's
// strategies, explicit emotion words, and a severity floor from the safety
// package's risk assessment. The classifier learns the seed corpus's
// phrasing very well and other people's phrasing poorly; these rules were
// written from the strategy and severity definitions, not from any data,
// so they carry over to text the classifier has never seen.
package data

import (
	"regexp"
	"strings"

	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/safety"
)

// strategyCue is one rule: a reply whose opening (first sentence) or
// whole text matches re is labelled with the strategy.
type strategyCue struct {
	s       conv.Strategy
	opening bool // match only the first sentence
	re      *regexp.Regexp
}

// strategyCues are tried in order; the first that matches wins. The
// order encodes ESConv's definitions: a reply that ends by asking is a
// Question unless it opens by restating; a greeting is Others.
var strategyCues = []strategyCue{
	{conv.StrategyOthers, true, regexp.MustCompile(`(?i)^\s*(hi|hello|hey|good (morning|evening|afternoon))\b[^.?!]*[.!]?\s*(i'm here|how can i help|what's on your mind)`)},
	{conv.StrategyRestatement, true, regexp.MustCompile(`(?i)^\s*(so\b|if i('ve| have) (got|understood) (this|that|you) right|it sounds like what you're saying|what i'm hearing is|in other words|let me check i've got this)`)},
	{conv.StrategyQuestion, false, regexp.MustCompile(`\?\s*$`)},
	{conv.StrategyReflection, true, regexp.MustCompile(`(?i)^\s*(it sounds like you('re| are)? (feel|felt|feeling)|it sounds (really |so |very )?(hard|painful|frightening|scary|exhausting|lonely|heartbreaking|awful|infuriating|isolating|frustrating|overwhelming|unsettling|terrifying|heavy|draining)|that sounds (really |so |very |incredibly |utterly )?(hard|painful|frightening|scary|exhausting|lonely|heartbreaking|awful|infuriating|isolating|frustrating|overwhelming|unsettling|terrifying|heavy|draining|distressing|upsetting|mortifying|rough|tough|like (a|so) )|you (must|might) (be )?feel|i can (hear|imagine) how|it must (feel|be|hurt))`)},
	{conv.StrategyAffirmation, true, regexp.MustCompile(`(?i)^\s*(thank you for (telling|sharing|trusting)|i'm (really |so )?glad you|you're not (alone|stupid|weak|silly|crazy|a burden)|it's (completely |totally |perfectly )?(okay|ok|normal|understandable|natural) to|it makes (complete |total )?sense|that (took|takes) (a lot of )?courage|you('re| are) allowed to|completely normal|you('ve| have) (done|got)|there's nothing (wrong|embarrassing)|being \w+ (doesn't|does not) (make|mean))`)},
	{conv.StrategySuggestions, false, regexp.MustCompile(`(?i)\b(it (might|may|could|would) (help|be worth|be a good idea)|you (could|might) (try|want to|consider)|could you (try|let|put|move)|have you (thought about|considered) (trying|talking)|one thing that (helps|might help)|try (to |a |some |writing|taking|breathing)|some people find it helps|please (call|contact|go|see|reach|put|get)|it's worth (seeing|talking|calling|checking))`)},
	{conv.StrategyInformation, false, regexp.MustCompile(`(?i)\b(is (a |an )?(common|recognised|recognized|normal|well.known|treatable) (reaction|condition|sign|symptom|part|experience|response)|can be a sign of|is (a |an )?(condition|disorder|therapy|treatment) (where|that|for)|(research|studies|evidence) (shows?|suggests?)|most (people|teenagers|adults) need|the (uk|nhs|official) guideline|is called|this is known as|are (very )?(common|treatable)|can (cause|lead to|make|affect))`)},
}

// ruleStrategy labels a reply by its cue phrases; ok is false when no
// cue matched.
func ruleStrategy(reply string) (conv.Strategy, bool) {
	first := reply
	if sents, _ := sentences(reply); len(sents) > 0 {
		first = sents[0]
	}
	for _, c := range strategyCues {
		text := reply
		if c.opening {
			text = first
		}
		if c.re.MatchString(foldQuotes(text)) {
			return c.s, true
		}
	}
	return "", false
}

// emotionWords returns the emotions whose lexicon phrases occur in the
// user's own words, for labels the speaker named outright ("I'm so
// angry", "honestly terrified").
func (m *AnnotModel) emotionWords(userWords []string) []string {
	counts := make([]int, len(m.Emotions))
	m.emoPhr.match(userWords, counts)
	var out []string
	for i, n := range counts {
		if n > 0 {
			out = append(out, m.Emotions[i])
		}
	}
	return out
}

// severityFloor is the least severity the safety assessment of the
// conversation allows: imminent risk is 4, high risk at least 3 (conv's
// rubric: 4 is imminent risk; 3 includes self-harm without intent).
// Lower levels set no floor: the assessor's "moderate" covers distress
// that the rubric places anywhere from 1 to 3.
func severityFloor(c *conv.Conversation) conv.Severity {
	switch safety.Assess(c).Level {
	case safety.LevelImminent:
		return conv.SeverityCrisis
	case safety.LevelHigh:
		return conv.SeveritySevere
	}
	return conv.SeverityNone
}

// userText joins the user turns of c.
func userText(c *conv.Conversation) string {
	var b strings.Builder
	for _, m := range c.Messages {
		if m.Role == conv.RoleUser {
			b.WriteString(m.Content)
			b.WriteString("\n")
		}
	}
	return b.String()
}
