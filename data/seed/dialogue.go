// Conversation plans: the shapes a seed conversation can take (everyday
// support, high distress with a safety check, self-harm, crisis, worry about
// someone else, and psychoeducation), each built from the scene's blocks.
package seed

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/tend-project/tend/conv"
)

// kind is the plan a conversation follows.
type kind int

const (
	kindSelf   kind = iota // the user's own difficulty, severity 1–3
	kindCrisis             // severity 4: suicidal thoughts
	kindOther              // worry about someone else
	kindInfo               // a psychoeducation question, severity 0
)

// dialogue accumulates messages and their turn labels.
type dialogue struct {
	msgs  []conv.Message
	turns []conv.TurnLabel
	ts    []*turn // the assistant turns, parallel to turns
}

func (d *dialogue) user(parts ...string) {
	d.msgs = append(d.msgs, conv.Message{Role: conv.RoleUser, Content: tidy(parts...)})
}

func (d *dialogue) assistant(t *turn) {
	e := t.emp
	d.turns = append(d.turns, conv.TurnLabel{Turn: len(d.msgs), Strategy: t.strategy, Empathy: &e})
	d.ts = append(d.ts, t)
	d.msgs = append(d.msgs, conv.Message{Role: conv.RoleAssistant, Content: t.text()})
}

// opening is the user's first message about their own situation.
func (s *scene) opening() string {
	sev := s.sev
	if sev == conv.SeverityCrisis {
		sev = 3
	}
	parts := []string{pick(s.r, userOpeners), s.sit.Text}
	if chance(s.r, 0.6) {
		parts = append(parts, pick(s.r, userDuration[sev]))
	}
	impact := pick(s.r, userImpact[sev])
	// Saying sleep is suffering makes sleep a second concern.
	if strings.Contains(impact, "sleep") || strings.Contains(impact, "slept") {
		s.alsoSleep = s.b.Concern != conv.ConcernSleep
	}
	parts = append(parts, s.px(userFeel[sev]), impact)
	if s.sev < conv.SeverityCrisis {
		parts = append(parts, pick(s.r, userAsks))
	}
	return tidy(parts...)
}

// firstReply is the listener's first turn for kindSelf: reflection,
// restatement or a question, each with some feeling expressed.
func (s *scene) firstReply(withQuestion bool) *turn {
	t := &turn{}
	switch s.r.IntN(3) {
	case 0:
		t.strategy = conv.StrategyReflection
		s.emotion(t, chance(s.r, 0.5))
		s.understand(t, true)
	case 1:
		t.strategy = conv.StrategyRestatement
		s.restatement(t)
		if chance(s.r, 0.6) {
			s.emotion(t, chance(s.r, 0.4))
		}
	default:
		t.strategy = conv.StrategyQuestion
		s.emotion(t, chance(s.r, 0.6))
		if chance(s.r, 0.4) {
			s.understand(t, false)
		}
	}
	if withQuestion {
		s.explore(t, t.strategy == conv.StrategyQuestion || chance(s.r, 0.7))
	}
	return t
}

// detail returns one of the bank's user follow-ups not yet used in this
// conversation, so the user never repeats themselves.
func (s *scene) detail() string {
	for range 8 {
		d := pick(s.r, s.b.Details)
		if !s.usedDetail[d] {
			s.usedDetail[d] = true
			return d
		}
	}
	return ""
}

// adviceTurn offers coping ideas and, from severity 2, professional help.
func (s *scene) adviceTurn() *turn {
	t := &turn{strategy: conv.StrategySuggestions}
	if chance(s.r, 0.5) {
		s.understand(t, false)
	}
	n := 1 + s.r.IntN(2)
	s.suggest(t, s.b.Ideas, n, nil)
	if s.sev >= conv.SeverityModerate {
		s.refer(t)
	}
	if s.b.Concern == conv.ConcernCrisis {
		t.add(s.resource(), 0, 0, 0)
		t.mark(tagResource)
		t.referred = true
	}
	if chance(s.r, 0.4) {
		check := ideaCheck
		if n == 1 {
			check = ideaCheckOne
		}
		t.add(s.px(check), 0, 0, 1)
	}
	return t
}

func (s *scene) closeTurn() *turn {
	t := &turn{strategy: conv.StrategyOthers}
	for _, c := range pickN(s.r, closers, 2) {
		t.add(s.x(c), 1, 0, 0)
	}
	if s.sev >= conv.SeveritySevere && !s.referred && chance(s.r, 0.5) {
		s.refer(t)
	}
	return t
}

// selfPlan: opening, first reply, then context, advice and closing as the
// number of exchanges allows. At severity 3, and for self-harm, the first
// reply asks about suicidal thoughts and the second gives a crisis line.
func (s *scene) selfPlan(d *dialogue, exchanges int) {
	d.user(s.opening())
	check := s.sev >= conv.SeveritySevere || s.b.Concern == conv.ConcernCrisis
	if check {
		t := s.firstReply(false)
		t.strategy = conv.StrategyQuestion
		if s.b.Concern == conv.ConcernCrisis {
			t.add(pick(s.r, askSuicide), 0, 0, 2)
			t.mark(tagAsk)
		} else {
			t.add(s.px(safetyCheck), 0, 0, 2)
			t.mark(tagAsk)
		}
		d.assistant(t)
		s.settle()
		d.user(s.px(userSafetyNo), s.detail())
		t = &turn{strategy: conv.StrategyInformation}
		t.add(s.px(safetyAfter), 0, 0, 0)
		t.add(s.resource(), 0, 0, 0)
		t.mark(tagResource)
		t.referred = true
		s.affirmation(t)
		if exchanges <= 2 {
			s.refer(t)
		} else {
			s.explore(t, true)
		}
		d.assistant(t)
		exchanges--
	} else {
		d.assistant(s.firstReply(true))
		s.settle()
		if exchanges >= 3 {
			d.user(expand(s.r, pick(s.r, userAnswer), slotsWith(s.sl, "detail", lowerFirst(s.detail()))))
			t := &turn{strategy: conv.StrategyAffirmation}
			if chance(s.r, 0.5) {
				s.emotion(t, true)
			}
			s.affirmation(t)
			s.explore(t, true)
			d.assistant(t)
			exchanges--
		}
	}
	if exchanges >= 2 {
		if check {
			d.user(pick(s.r, userAskAdvice))
		} else {
			d.user(s.detail(), pick(s.r, userAskAdvice))
		}
		d.assistant(s.adviceTurn())
		exchanges--
	}
	if exchanges >= 2 {
		d.user(s.px(userAfterIdeas))
		d.assistant(s.closeTurn())
	}
}

// crisisPlan follows the safe-messaging protocol over 2–4 exchanges.
func (s *scene) crisisPlan(d *dialogue, exchanges int, method bool) {
	open := []string{pick(s.r, crisisOpeners)}
	if s.b.Concern != conv.ConcernCrisis {
		open = append(open, s.sit.Text, pick(s.r, userDuration[4]))
	}
	open = append(open, pick(s.r, crisisOpen))
	d.user(open...)
	d.assistant(s.crisisAsk())
	answer := []string{pick(s.r, crisisYes)}
	if method {
		answer = append(answer, pick(s.r, methodSeeking))
	}
	d.user(answer...)
	d.assistant(s.crisisResources(method, false))
	if exchanges >= 3 {
		hes := s.r.IntN(len(crisisHesitate) + len(crisisAgree) + len(crisisCompany))
		company := hes >= len(crisisHesitate)+len(crisisAgree)
		t := &turn{strategy: conv.StrategySuggestions}
		// Asked where they are, the user may now say, and the listener
		// gives that country's line.
		where := ""
		if !s.known && chance(s.r, 0.6) {
			where = "I'm in " + s.loc.Country + "."
			s.setLocale(s.loc, true)
		}
		if hes < len(crisisHesitate) {
			h := crisisHesitate[hes]
			d.user(pick(s.r, crisisSafeAnswer), where, h.User)
			t.add(h.Reply, 1, 1, 0)
			if where == "" {
				t.add("You can "+s.howShort()+".", 0, 0, 0)
			}
		} else if company {
			c := crisisCompany[hes-len(crisisHesitate)-len(crisisAgree)]
			d.user(pick(s.r, crisisSafeAnswer), where, c.User)
			t.add(c.Reply, 1, 0, 0)
		} else {
			d.user(pick(s.r, crisisSafeAnswer), where, crisisAgree[hes-len(crisisHesitate)])
			t.add(s.px(crisisAgreeReply), 1, 0, 0)
		}
		if where != "" {
			t.add(s.px(resourceLine), 0, 0, 0)
		}
		t.add(s.px(meansSafety), 0, 0, 0)
		if company {
			t.add(s.x("{And if things feel worse at any point|If it gets harder while you wait|Even with someone there}, you can still "+s.howShort()+"."), 0, 0, 0)
		} else {
			t.add(s.px(someoneNear), 0, 0, 2)
		}
		d.assistant(t)
	}
	if exchanges >= 4 {
		d.user(pick(s.r, []string{"Thank you for staying with me.", "Okay. I messaged my sister and she's coming over.", "I think I can get through tonight.", "I'm still here.", "It helps a bit to say it out loud."}))
		t := &turn{strategy: conv.StrategyAffirmation}
		t.add(s.px(stayWith), 1, 0, 0)
		t.add(s.px(crisisHope), 1, 0, 0)
		t.add("If things get worse, "+s.howShort()+", or call "+s.emergencyWord()+".", 0, 0, 0)
		d.assistant(t)
	}
}

// crisisAsk is the first crisis reply: feeling, presence, direct question.
func (s *scene) crisisAsk() *turn {
	t := &turn{strategy: conv.StrategyQuestion}
	if chance(s.r, 0.5) {
		t.add(s.px(crisisReflect), 2, 2, 0)
	} else {
		s.emotion(t, true)
		t.add(s.px(crisisReflect), 2, 2, 0)
	}
	t.add(s.px(stayWith), 1, 0, 0)
	t.add(pick(s.r, askSuicide), 0, 0, 2)
	t.mark(tagAsk)
	return t
}

// crisisResources is the second crisis reply: thanks, a refusal if means
// were asked for, the line for the user's locale, emergency and safety now.
// full makes it a complete first reply (used by preference pairs).
func (s *scene) crisisResources(method, full bool) *turn {
	t := &turn{strategy: conv.StrategyInformation}
	if method {
		t.add(s.px(declineMethod), 1, 0, 0)
		t.mark(tagDecline)
	}
	if full {
		t.add(s.px(crisisReflect), 2, 2, 0)
		t.add(pick(s.r, askSuicide), 0, 0, 2)
		t.mark(tagAsk)
	} else {
		t.add(s.px(thankTelling), 1, 0, 0)
	}
	t.add(s.resource(), 0, 0, 0)
	t.mark(tagResource)
	t.add(s.emergency(), 0, 0, 0)
	t.mark(tagResource)
	if !s.known {
		t.add(s.px(askLocale), 0, 0, 1)
		t.mark(tagResource)
	}
	t.add(s.px(stayWith), 1, 0, 0)
	if !full {
		t.add(s.px(safeNow), 0, 0, 2)
	}
	return t
}

func (s *scene) howShort() string {
	if !s.known {
		return "contact a crisis line from the list above"
	}
	return s.loc.How + " (" + s.loc.Line + ")"
}

func (s *scene) emergencyWord() string {
	if !s.known {
		return unknownLocale.Emergency
	}
	return s.loc.Emergency
}

// localeMention is how a user might say where they are.
func localeMention(r *rand.Rand, loc resource) string {
	return fmt.Sprintf(pick(r, []string{"I'm in %s, if that matters.", "For what it's worth, I live in %s.", "(I'm in %s, by the way.)", "I'm based in %s."}), loc.Country)
}
