// Plans for conversations about someone else ("my friend said ...") and for
// psychoeducation questions.
package seed

import (
	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/sources"
)

func pronouns(p string) (them, their string) {
	switch p {
	case "she":
		return "her", "her"
	case "he":
		return "him", "his"
	}
	return "them", "their"
}

// otherPlan: the user is worried about someone. The listener reflects the
// user's own worry, asks about it, then suggests how to support the person
// (always including professional help from severity 2) and how to look
// after themselves. For self-harm or suicide worries it also says how to ask
// directly and gives a crisis line.
func (s *scene) otherPlan(d *dialogue, exchanges int) {
	o := pick(s.r, s.b.Others)
	them, their := pronouns(o.Pron)
	s.sl["person"], s.sl["topic"], s.sl["them"], s.sl["their"] = o.Person, o.Topic, them, their
	d.user(s.px(otherOpeners), o.Text, s.px(otherAsks))

	t := &turn{strategy: conv.StrategyReflection}
	t.add(s.px(otherReflect), 1, 2, 0)
	t.add(s.px(otherQuestions), 0, 0, 2)
	d.assistant(t)

	d.user(s.px(otherDetails))
	t = &turn{strategy: conv.StrategySuggestions}
	var first *idea
	if s.sev >= conv.SeverityModerate {
		first = &supportIdeas[4] // encourage professional help
	}
	s.suggest(t, supportIdeas, 2, first)
	if s.b.Concern == conv.ConcernCrisis {
		t.add(s.x("If you're worried {person} might be thinking about suicide, it's okay to ask {them} directly: \"Are you thinking about suicide?\" Asking doesn't put the idea in someone's head, and it shows you can handle the answer."), 0, 0, 0)
		t.add(s.x("You could also share a crisis line with {them}. ")+s.resource(), 0, 0, 0)
		t.add(s.x("If {person} is in immediate danger, call {emergency}."), 0, 0, 0)
	}
	d.assistant(t)

	if exchanges >= 3 {
		d.user(s.px(otherThanks))
		t = &turn{strategy: conv.StrategyAffirmation}
		t.add(s.x("{It's clear you care a lot about|I can hear how much you care about|It means a lot that you're looking out for} {person}{, and that matters|, and that care comes through|}."), 1, 1, 0)
		t.add(s.x("{Remember to look after yourself too.|Don't forget your own needs in all this.|I'm here if you want to talk about how it goes.}"), 0, 0, 0)
		d.assistant(t)
	}
}

// infoPlan: a psychoeducation question, an accurate answer (Information)
// that ends with a "Learn more" page from lib (see cite.go), and a short
// close. It reports whether the answer cites a page.
func (s *scene) infoPlan(d *dialogue, lib *sources.Library) (cited bool) {
	qa := pick(s.r, s.b.Info)
	d.user(pick(s.r, userOpeners[:8]), qa.Q)
	t := &turn{strategy: conv.StrategyInformation}
	t.add(s.px(infoLead), 0, 0, 0)
	t.add(s.x(qa.A), 0, 0, 0)
	if c, ok := s.citeFor(lib, qa.Q+" "+qa.A); ok {
		t.add(s.learnMoreSentence(c), 0, 0, 0)
		cited = true
	}
	switch s.r.IntN(3) {
	case 0:
		t.add(s.x(infoFollow[0]), 0, 0, 1)
	case 1:
		t.add(s.x(infoFollow[1]), 0, 0, 0)
	}
	d.assistant(t)
	d.user(s.px(infoAfter))
	t = &turn{strategy: conv.StrategyOthers}
	t.add(s.px(infoClose), 0, 0, 0)
	d.assistant(t)
	return cited
}
