// Checks that every rejected reply shows the failure its pair names, and
// that the chosen reply does not. The detectors are deliberately simple
// and written independently of the builders' phrase lists where possible.
package seed

import (
	"regexp"
	"strings"
	"testing"

	"github.com/tend-project/tend/conv"
)

var (
	minimising    = regexp.MustCompile(`(?i)\b(overreacting|bigger than it is|not worth getting upset|get on with it|toughen up|snap out of it|move on|let it go|dwell on it|overanalysing|forgotten about it|you'll be fine|no point talking|get over|goes through this|deals with|much worse than you|part of life|normal stuff|nothing that serious|nothing terrible|anything terrible|a bit much|over the top|not really necessary|happens to everyone|just life|losing sleep over|hardly a crisis|gets over|worse things|shrug|not as bad|stop thinking|not a big deal)\b`)
	certainty     = regexp.MustCompile(`(?i)(you clearly have|textbook|classic case|definitely got|no question|I'd say|fairly sure|I can tell|you have)`)
	medication    = regexp.MustCompile(`(?i)(\d+ ?mg\b|antidepressant|medication|tablets?|pills?|laxatives|suppressants|supplements|beta blockers?|st john's wort|wine|drink\b|sertraline|fluoxetine|citalopram|diazepam|propranolol|promethazine|melatonin|zopiclone|prazosin|codeine|lithium|antihistamine|diphenhydramine)`)
	positivity    = regexp.MustCompile(`(?i)\b(positive|bright side|good vibes|silver lining|happy|smile|grateful|blessing|reason|chin up|cheer up|new day|good things|you've got this|sun will come out|strong|stronger|lucky|worse|happiness|joy|upbeat|blessings|adventure|frown|energy|shine|best is yet|positivity|plan|head up|something better|gift|grow|think positive)\b`)
	engages       = regexp.MustCompile(`(?i)\b(ways?|options?|choices|get hold of|access to|compare|planning|tends to work|might suit|my view|what I know|depends|answer honestly)\b`)
	declines      = regexp.MustCompile(`(?i)(can't help with that|won't share that|not something I'll help with|not going to answer that|won't go into that)`)
	claimsHumanRe = regexp.MustCompile(`(?i)(real person|not an AI|not a bot|human to human|I'm human|myself,|mum of two|been a nurse|trained therapist|as a dad|where you are:|exactly how this feels|I get it:|my dad died|I did\b|I went through|my own|I remember|I used to|helped me|got me through|my trick|worked for me|came out the other side|living proof)`)
	doseRe        = regexp.MustCompile(`\d+ ?mg\b`)
	clinicalRe    = regexp.MustCompile(`(?i)disorder|PTSD|ADHD|alcoholism|codependency|apnoea|burnout|grief|anorexia|bulimia|insomnia`)
	youHaveRe     = regexp.MustCompile(`(?i)you have [^.]*disorder`)
	emergencyRe   = regexp.MustCompile(`\b(911|999|000|111|112)\b`)
	humanAny      = regexp.MustCompile(`(?i)(I'm a (real )?(person|human)|not an AI|when I was|my (own )?(family|dad|mum|partner)|I went through|I've been through)`)
)

func allMyths() []string {
	var out []string
	for _, b := range banks() {
		out = append(out, b.Myths...)
	}
	return out
}

func containsAny(s string, subs []string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

func TestRejectedShowsItsFailure(t *testing.T) {
	c := defaultCorpus(t)
	myths := allMyths()
	for _, p := range c.pairs {
		chosen, rejected := p.Chosen[0].Content, p.Rejected[0].Content
		fail := func(why string) {
			t.Errorf("%s (%s): %s\nchosen:   %s\nrejected: %s", p.ID, p.Reasons[0], why, chosen, rejected)
		}
		// What no chosen reply may ever do.
		if strings.Contains(chosen, "!") || humanAny.MatchString(chosen) || containsAny(chosen, myths) || doseRe.MatchString(chosen) {
			fail("chosen reply shows a failure")
		}
		switch p.Reasons[0] {
		case conv.FailureDismissive:
			if !minimising.MatchString(rejected) || strings.Contains(rejected, "?") {
				fail("rejected is not dismissive")
			}
		case conv.FailureDiagnoses:
			if !certainty.MatchString(rejected) || !clinicalRe.MatchString(rejected) {
				fail("rejected does not diagnose")
			}
			if certainty.MatchString(chosen) && youHaveRe.MatchString(chosen) {
				fail("chosen diagnoses")
			}
		case conv.FailurePrescribes:
			if !medication.MatchString(rejected) {
				fail("rejected does not recommend medication")
			}
		case conv.FailureToxicPositivity:
			if !strings.Contains(rejected, "!") || !positivity.MatchString(rejected) {
				fail("rejected is not toxic positivity")
			}
		case conv.FailureMisinformation:
			if !containsAny(rejected, myths) {
				fail("rejected states no myth")
			}
		case conv.FailureMethodDetails:
			if !engages.MatchString(rejected) || resourceRe.MatchString(rejected) || declines.MatchString(rejected) {
				fail("rejected does not engage with the request for means")
			}
			if !declines.MatchString(chosen) || !resourceRe.MatchString(chosen) {
				fail("chosen does not decline and give a line")
			}
			if !methodSeekingPrompt(p.Prompt) {
				fail("prompt does not ask for means")
			}
		case conv.FailureMissesCrisis:
			if resourceRe.MatchString(rejected) || directAsk.MatchString(rejected) || emergencyRe.MatchString(rejected) {
				fail("rejected gives crisis resources")
			}
			if !resourceRe.MatchString(chosen) {
				fail("chosen gives no crisis line")
			}
		case conv.FailureClaimsHuman:
			if !claimsHumanRe.MatchString(rejected) {
				fail("rejected does not claim to be human")
			}
		default:
			fail("unknown failure")
		}
		if !slicesContainConcern(p.Concerns, conv.ConcernCrisis) && (p.Reasons[0] == conv.FailureMethodDetails || p.Reasons[0] == conv.FailureMissesCrisis) {
			fail("crisis pair without the crisis concern")
		}
	}
}

func methodSeekingPrompt(prompt []conv.Message) bool {
	last := prompt[len(prompt)-1].Content
	return containsAny(last, methodSeeking)
}

func slicesContainConcern(cs []conv.Concern, c conv.Concern) bool {
	for _, x := range cs {
		if x == c {
			return true
		}
	}
	return false
}

func TestChosenRefersFromSeverityTwo(t *testing.T) {
	for i := range 2000 {
		p, sev := pair(1, i)
		if sev >= conv.SeverityModerate && !referralRe.MatchString(p.Chosen[0].Content) {
			t.Errorf("%s: severity %d but the chosen reply does not point to help: %s", p.ID, sev, p.Chosen[0].Content)
		}
	}
}
