// The stigma and stereotype filter: slurs about mental illness used of
// people ("psycho", "nutjob", "he's crazy" — not "a crazy week" or "I feel
// like I'm going crazy"), and stereotypes about gender, race, religion and
// sexuality. It reuses the safety output guard's stigma rule (code
// "stigma_<guard pattern>") and adds its own patterns. Every pattern is
// paired with hard negatives in filter_stigma_test.go: negations, a
// stereotype named in order to question it ("men are often taught they
// shouldn't cry"), and everyday uses of the same words.
package data

import (
	"regexp"
	"slices"
	"strings"

	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/safety"
)

// StigmaConfig tunes the stigma filter.
type StigmaConfig struct {
	Enabled bool `yaml:"enabled" json:"enabled"`
	TurnScope
	// Guard also runs the output guard's stigma rule. ContentFiltersFor
	// switches it off when the pipeline's guard filter already applies
	// it to the same turns.
	Guard bool `yaml:"guard" json:"guard"`
}

// DefaultStigmaConfig checks assistant and system turns, guard rule
// included.
func DefaultStigmaConfig() StigmaConfig { return StigmaConfig{Enabled: true, Guard: true} }

// stereoFrame excuses a sentence that names a stereotype to question it.
const stereoFrame = `\b(not|isn't|aren't|don't|doesn't|never|no|myth|stereotypes?|untrue|not true|told|taught|hear|heard|hearing|say|says|said|saying|expect\w*|pressure to|the idea that|the belief that|believe that|think that|thinks that|message that|assum\w*|clich\w*|unfair|wrong|prejudice|racis\w*|sexis\w*|homophob\w*|transphob\w*|islamophob\w*|antisemit\w*|bigot\w*)\b`

// personWord names a person or people; a slur needs one nearby.
const personWord = `(he|she|they|you|u|people|person|persons|guy|guys|woman|women|man|men|girl|girls|boy|boys|lady|mum|mom|mother|dad|father|ex|boss|neighbou?r|wife|husband|sister|brother|friend|teacher|colleague|coworker|partner|girlfriend|boyfriend|kid|kids|patients?|someone|everyone|anyone)`

// stigmaGuardUnless excuses a guard stigma hit in a sentence that reports
// what someone else said, or describes one's own fear of "going crazy".
var stigmaGuardUnless = regexp.MustCompile(`(?i)\b(calls?|called|calling|call) (you|me|him|her|them|us)\b|\bgoing (crazy|mad|insane)\b|\b(names|words) like\b`)

var stigmaRules = []sentRule{
	rule("stigma_slur", "psycho nut loon lunatic schizo mental basket head +case headcase crazies retard sociopath funny +farm madhouse maniac spaz spastic", "uses a mental-illness slur for a person",
		`\b(psychos|nutjobs?|nut.?jobs?|nutcases?|nut.?cases?|loonies|loony|looney|lunatics?|schizos|mental cases?|basket.?cases?|head.?cases?|headcases?|crazies|retards?|retarded|psychopaths|sociopaths|loony bin|funny farm|nuthouse|nut house|madhouse)\b|\b(a|the|that|this|total|complete|some|absolute|real|proper|such a|like a)\s+(psycho|schizo|lunatic|nutter|maniac|mental case|spaz|spastic)\b`,
		`\b(film|movie|hitchcock|song|album|not an? |isn't an? |no one is an? |nobody is an? |called you|calls you|call you|called me|calls me|names like|words like|hurtful|slur)`),
	rule("stigma_crazy_person", "crazy insane nuts mental deranged unhinged psycho mad bonkers loopy cuckoo off +his off +her off +their", "calls a person crazy, insane or mental",
		`\b`+personWord+`('s|'re| is| are| was| were| seems?| seemed| sounds?| looks?| acting| act| being| gone| went)\s+(so |totally |completely |absolutely |clinically |literally |a bit |a little |fucking |bloody |bat.?shit |batshit |certifiably |straight up |just |really )?(crazy|insane|nuts|mental|deranged|unhinged|a psycho|psycho|mad|bonkers|loopy|cuckoo|off (his|her|their) (meds|rocker|head))\b|\b(crazy|insane|mental|psycho|unhinged|deranged)\s+(person|people|lady|woman|man|guy|ex|girlfriend|boyfriend|bitch|cat lady|neighbou?r)\b`,
		`\b(not|isn't|aren't|wasn't|weren't|no|never|feel|feels|feeling|felt|going|like|think|thought|worried|worry|afraid|scared|wonder\w*|called|calls|call|say|said|says|means? you|make you|doesn't make)\b`),
	rule("stigma_gender", "women girls female wives mothers men boys guys males man +up woman's belongs +in like +a +girl", "states a gender stereotype",
		`\b(women|girls|females|wives|mothers)\s+(are|get)\s+((just|too|so|naturally|all|always|really|far|way|much|more|overly)\s+){0,3}(emotional|hysterical|irrational|overemotional|dramatic|crazy|weak|manipulative|bad at (maths|math|driving|science|leading)|not (smart|strong|logical) enough)\b|\b(real\s+)?(men|boys|guys|males)\s+(don't|do not|shouldn't|should not|never|can't)\s+(cry|talk about (their )?feelings|get (depressed|anxious|sad)|show (emotions?|feelings|weakness)|ask for help)\b|\bman up\b|\bboys will be boys\b|\b(a )?woman's place is\b|\bbelongs? in the kitchen\b|\bmen are (all\s+)?(trash|pigs|animals|dogs|emotionally stunted)\b|\b(cry|crying|throw|fight|run)\w*\s+like a girl\b|\b(women|girls)\s+(can't|cannot|shouldn't)\s+(lead|drive|handle|do maths|do math|be engineers)\b`,
		stereoFrame),
	rule("stigma_race", "black white asian chinese indian african mexican latin arab hispanic gyps roma traveller irish polish immigrant refugee foreigner migrant", "states a racial or ethnic stereotype",
		`\b(black|white|asian|chinese|indian|african|mexican|latino|latina|arab|arabs|hispanic|gypsies|gypsy|roma|travellers|irish|polish|immigrants?|refugees?|foreigners|migrants)\s+(people\s+|men\s+|women\s+|folks\s+|guys\s+|kids\s+|families\s+)?(are|is)\s+((all|just|naturally|always|mostly|usually|genetically|more|less|so|really|basically)\s+){0,3}(lazy|violent|criminals?|dangerous|stupid|dirty|thieves|terrorists?|aggressive|less intelligent|inferior|savages?|good at maths?|bad at \w+|rapists|drug dealers|scroungers|animals)\b|\b(immigrants|refugees|foreigners|migrants)\s+(bring|cause|spread)\s+(crime|disease|diseases)\b`,
		stereoFrame),
	rule("stigma_religion", "muslim islam jew christian hindu sikh atheist catholic buddhist mormon", "states a religious stereotype",
		`\b(muslims?|islam|jews?|jewish people|christians?|hindus?|sikhs?|atheists?|catholics?|buddhists?|mormons?)\s+(are|is)\s+((all|just|naturally|always|mostly|basically|so|really|more)\s+){0,3}(terrorists?|greedy|violent|brainwashed|extremists?|stupid|evil|immoral|hypocrites?|dangerous|backwards|a cult|cheap)\b|\b(all|every)\s+(muslims?|jews|christians|hindus|atheists)\b.{0,30}\b(terrorists?|greedy|control|evil|hate)\b|\bjews\s+control\b`,
		stereoFrame),
	rule("stigma_sexuality", "gay lesbian bi trans queer homosexual fag dyke tranny trannies poof", "states a stereotype about sexuality or gender identity, or uses a slur",
		`\b(gay|gays|lesbians?|bi|bisexuals?|bisexual people|trans|transgender|trans people|queer|homosexuals?)\s+(people\s+|men\s+|women\s+|folks\s+|kids\s+)?(are|is)\s+((all|just|naturally|always|basically|so|really|more)\s+){0,3}(predators|perverts|confused|greedy|promiscuous|sick|unnatural|abnormal|sinners|mentally ill|attention seekers|groomers|going through a phase|a phase|a trend|dangerous)\b|\bbisexuality\s+(is|isn't)\s+(just|not)\s+(a phase|real)\b|\bthat's so gay\b|\b(fags?|faggots?|dykes?|trannys?|trannies|poofs?|poofters?)\b`,
		stereoFrame),
}

// StigmaFilter implements Filter.
type StigmaFilter struct {
	cfg   StigmaConfig
	guard *guardRules
	memo  *guardMemo // nil: call the guard for every conversation
}

var _ Filter = (*StigmaFilter)(nil)

// NewStigmaFilter builds the filter.
func NewStigmaFilter(cfg StigmaConfig) (*StigmaFilter, error) {
	f := &StigmaFilter{cfg: cfg}
	if cfg.Guard {
		g, err := newGuardRules(safety.RuleStigma)
		if err != nil {
			return nil, err
		}
		f.guard = g
		f.memo = defaultStigmaMemo()
	}
	return f, nil
}

// Name is "stigma".
func (*StigmaFilter) Name() string { return "stigma" }

// Check implements Filter. The filter's own rules run per message; the
// guard's stigma rule runs once over all checked turns joined by blank
// lines (its rules are per sentence, so joining changes no verdict, and
// one guard call per conversation costs a fraction of one per turn). The
// call is skipped when the memo shows no sentence of those turns can break
// the stigma rule in any context (curate_fast_guard.go).
func (f *StigmaFilter) Check(c *conv.Conversation) []Reject {
	if !f.cfg.Enabled {
		return nil
	}
	var out []Reject
	var scope [8]string
	texts := scope[:0]
	for i, m := range c.Messages {
		if !f.cfg.TurnScope.checks(m.Role) {
			continue
		}
		for _, r := range hitsToRejects(matchRulesMemo(stigmaSet, m.Content)) {
			r.Message = i
			out = append(out, r)
		}
		texts = append(texts, m.Content)
	}
	if f.guard == nil || len(texts) == 0 || f.memo != nil && f.memo.rules(texts...)&ruleBit(safety.RuleStigma) == 0 {
		return out
	}
	var joined strings.Builder
	var starts, msgs []int
	for i, m := range c.Messages {
		if !f.cfg.TurnScope.checks(m.Role) {
			continue
		}
		if joined.Len() > 0 {
			joined.WriteString("\n\n")
		}
		starts, msgs = append(starts, joined.Len()), append(msgs, i)
		joined.WriteString(m.Content)
	}
	for _, h := range f.guard.check(joined.String(), "stigma_", stigmaGuardUnless) {
		k, _ := slices.BinarySearch(starts, h.start+1)
		r := hitsToRejects([]hit{h})[0]
		r.Message = msgs[max(k-1, 0)]
		out = append(out, r)
	}
	return out
}

// CheckText returns the stigma in one message.
func (f *StigmaFilter) CheckText(text string) []Reject {
	var hs []hit
	if f.guard != nil {
		hs = f.guard.check(text, "stigma_", stigmaGuardUnless)
	}
	return hitsToRejects(append(hs, matchRulesMemo(stigmaSet, text)...))
}
