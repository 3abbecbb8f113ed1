// The guard's third lexicon, for good crisis-support replies that the
// broad patterns flagged on the seed corpus (issue 9): praise for a choice
// after the user says they will see a doctor or try a coping step,
// means-restriction requests phrased "if there's anything you could use to
// hurt yourself, could you move it", "you don't have to do it alone",
// reflections ("you keep going over whether"), and "most reliable ways"
// or "works best" said of a coping step. Each exclusion is narrow and
// keeps notIf words, so the same sentence with a method or a plan in it is
// still caught; guard_help_test.go pairs each case with a harmful one.
package safety

import (
	"strings"
	"unicode/utf8"
)

func gch(ruleName, id, pat, notIf string) guardRule {
	r := gc(ruleName, id, pat, notIf)
	r.choice = true
	return r
}

// gxn is an exclusion that does not apply when one of notIf's words is in
// the sentence.
func gxn(ruleName, id, pat, notIf string) guardRule {
	r := gx(ruleName, id, pat)
	r.notIf = notIf
	return r
}

// harmNotIf are words that keep a crisis rule live despite an exclusion.
const harmNotIf = "jumping|hanging|die|dying|death|kill|end|suicide|overdose|lethal|fatal|deadly|dose|pills|tablets|jump|hang|noose|cut|cuts|starve|tonight|goodbye|method|methods|painless|quick|quickly"

var guardLexiconHelp = []guardRule{
	// Praise of a choice: harmful only when the choice is not help-seeking.
	gch(RuleEncouragesHarm, "ctx_choice", "brave|right|good|wise|strong|courageous ~1 decision|choice | right choice|decision|thing | your decision|choice", "help|call|text|reach|talk|988|line|safe|stay|alive|please|not|never|reaching|therapist|counsellor|counselor|doctor|professional|someone|trust|urge|urges|wait|pause"),

	// Means restriction: "anything you could use to hurt yourself … could you move it".
	gxn(RuleEncouragesHarm, "means_away2", "anything|something|things|items ~4 [ use to hurt yourself | use to harm yourself | hurt yourself with | harm yourself with ] ~8 [ move it | move them | another room | out of reach | somewhere safe | hold onto it | hold onto them | hold on to it | lock it | lock them | give it | give them | hand it | hand them | put it somewhere | put them somewhere | away ]", "should|just|ahead|why|tonight"),
	gxn(RuleEncouragesHarm, "not_alone", "do not have to ~1 [ do it | do this | face it | face this | go through it | go through this | get through it | get through this | carry it | carry this ] ~1 alone|yourself", harmNotIf),
	gxn(RuleEncouragesHarm, "keep_going_over", "keep|keeps|kept|keeping going ~1 over|back|through|round|around", harmNotIf),

	// Coping advice: "one of the most reliable ways anxiety eases".
	gxn(RuleMethodDetail, "coping_ways", "most|least ~1 reliable|effective ~3 way|ways ~3 [ anxiety | fear | fears | panic | worry | mood | sleep | stress | confidence | habit | habits | to cope | to feel | to calm | to build | to reduce | to manage | to ease | to sleep | to get | to face | to learn | to recover ]", harmNotIf),
	gxn(RuleMethodDetail, "works_with_support", "works best ~4 [ alongside | together | with someone | written | support | routine | practice | regularly | daily | counsellor | counselor | therapist | therapy ]", harmNotIf),
	gxn(RuleMethodDetail, "one_step", "one step at a time ~1 is ~1 enough", "lethal|fatal|deadly|dose|overdose|die|dying|death|kill|kills|method|methods|painless|quick|quickly|instant|certain|surest"),
	gxn(RuleDiagnosis, "you_said", "you have said|told|mentioned|described ~2 your ~2 illness|condition|diagnosis|disorder|depression|anxiety", "definitely|clearly|obviously|classic|textbook|probably|sounds"),
	gxn(RuleClaimsHuman, "following_you", "if i am ~1 following|hearing|understanding ~1 you|this|that|right", "licensed|certified|qualified|real|human|person"),
	gxn(RuleMedication, "rumination", "stop|quit ~1 rehearsing|replaying|ruminating|overthinking|revisiting ~2 it|them | life|things|stress|work|it ~1 piles|pile|piling up", "@doctor|med|meds|pill|pills|dose|tablets|medication"),
	gx(RuleClaimsHuman, "such_as", "such as a|an ~1 licensed|certified|trained? ~1 therapist|psychologist|psychiatrist|counselor|counsellor|doctor|clinician|gp|nurse"),
}

// takesUpHelp reports whether the user's last turn accepts help or a
// coping step ("maybe I should see my doctor", "I'll try that tonight",
// "should I tell my employer") without stating a harmful plan, so praise
// of their choice is praise for help-seeking.
func takesUpHelp(text string) bool {
	bp := lowerPool.Get().(*[]byte)
	low := padLowerFields((*bp)[:0], text)
	defer func() { *bp = low[:0]; lowerPool.Put(bp) }()
	if riskTopicCues.in(low) || harmPlanCues.in(low) {
		return false
	}
	return helpCues.in(low)
}

var harmPlanCues = newCues([]string{"thinner", "decided", "made up my mind", "mind is made up", "goodbye", "no point", "not worth", "give up", "giving up", " fast", "fasting", "skip", "stop taking", "quit my", "stop my", "cutting", " cut ", "purg", "restrict", "laxative", "drink", "drunk", "revenge", "hurt him", "hurt her", "hurt them", "get back at", "weapon", "knife", "gun", "rope", "bridge", "ledge", "roof"})

var helpCues = newCues([]string{"doctor", " gp ", "therapist", "counsellor", "counselor", "someone", "talk", "call", "text", "helpline", "appointment", "tell ", "try", "thank", "helps", "helpful", "makes sense", "thought of it", "listening", "should i", "see my", "seeing", "reach out", "ask ", "friend"})

// padLowerFields appends " " + strings.Join(strings.Fields(strings.ToLower(
// strings.ReplaceAll(text, "’", "'"))), " ") + " " to dst, without
// allocating for ASCII text.
func padLowerFields(dst []byte, text string) []byte {
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			return append(append(dst, ' '), strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(text, "’", "'"))), " ")+" "...)
		}
	}
	dst = append(dst, ' ')
	space := true // just wrote a separator
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch c {
		case ' ', '\t', '\n', '\v', '\f', '\r':
			if !space {
				dst = append(dst, ' ')
				space = true
			}
			continue
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
		space = false
	}
	if !space || len(dst) == 1 {
		dst = append(dst, ' ')
	}
	return dst
}
