// Crisis responses: de-escalation replies written by us, not by a model,
// following safe-messaging practice. They are warm and direct, ask about
// safety and about suicide in plain words, give the locale's crisis
// contacts, encourage reaching one trusted person, and keep the
// conversation open. They never lecture, never describe methods and never
// end the conversation. Variants keep repeated replies from reading like a
// form letter.
package safety

import (
	"fmt"
	"strings"
)

type responseKey struct {
	band    int // 0 low, 1 moderate, 2 high, 3 imminent
	subject Subject
}

// openings[key] are the first lines; the rest of the reply is assembled
// around them.
var openings = map[responseKey][]string{
	{0, SubjectSelf}: {
		"Thank you for telling me how heavy things feel right now. You don't have to carry it alone here.",
		"That sounds really hard, and I'm glad you said it out loud.",
		"I'm sorry things feel this way. I'm here, and I'd like to understand more.",
	},
	{1, SubjectSelf}: {
		"I'm really glad you told me. What you're describing sounds painful, and it makes sense that you'd want it to stop.",
		"Thank you for trusting me with this. Feeling like you don't want to be here is a sign of how much you're hurting, not a sign that you're failing.",
		"I hear how exhausted you are. I'm glad you reached out instead of keeping this to yourself.",
	},
	{2, SubjectSelf}: {
		"I'm really glad you told me, and I want to make sure you're safe. Are you thinking about killing yourself?",
		"Thank you for telling me. I'm taking what you said seriously because you matter. Are you thinking about suicide right now?",
		"I'm here with you, and I want to ask you directly: are you having thoughts of ending your life?",
	},
	{3, SubjectSelf}: {
		"I'm really worried about your safety right now, and I'm staying right here with you.",
		"What you've told me sounds like you could be in danger right now. I'm here, and I want to help you get through the next few minutes.",
		"Thank you for telling me. Your life matters, and right now the most important thing is that you're safe.",
	},
	{0, SubjectThirdParty}: {
		"It sounds like you're worried about someone you care about. That worry says a lot about you.",
		"Thank you for looking out for them. It can be hard to know what to do.",
	},
	{1, SubjectThirdParty}: {
		"It's good that you noticed and that you're asking. Supporting someone who's struggling can feel heavy.",
		"Thank you for caring about them enough to reach out. You don't have to handle this alone either.",
	},
	{2, SubjectThirdParty}: {
		"What they said is serious, and you're doing the right thing by taking it seriously.",
		"I'm glad they told you, and I'm glad you're here. Someone talking about wanting to die deserves a caring, direct response.",
	},
	{3, SubjectThirdParty}: {
		"This sounds like an emergency. If they may be in danger right now, please call emergency services first.",
		"Their safety comes first right now. If you think they could act on this soon, please get emergency help now.",
	},
	{0, SubjectGeneral}: {
		"That's an important question, and asking it is a good thing to do.",
		"Thank you for asking. Knowing this can help someone.",
	},
}

var safetyQuestions = map[responseKey][]string{
	{1, SubjectSelf}: {
		"Can I ask: are you having any thoughts of suicide or of hurting yourself?",
		"Sometimes when people feel this low they think about suicide. Is that something you've been thinking about?",
	},
	{2, SubjectSelf}: {
		"Are you safe right now? Is there anything nearby you might use to hurt yourself?",
		"Can you tell me if you're safe where you are right now?",
	},
	{3, SubjectSelf}: {
		"If you can, please put some distance between yourself and anything you could use to hurt yourself, and tell me where you are.",
		"Can you move away from anything you might hurt yourself with, and go to where another person is?",
	},
	{2, SubjectThirdParty}: {
		"It's okay to ask them directly: \"Are you thinking about suicide?\" Asking does not put the idea in their head, and it often brings relief.",
		"If you can, stay with them or keep talking, and ask them plainly whether they're thinking about suicide.",
	},
	{3, SubjectThirdParty}: {
		"If it's safe for you, stay with them or keep them on the phone until help arrives.",
	},
	{1, SubjectThirdParty}: {
		"You could gently tell them what you've noticed and ask how they're really doing, then listen without trying to fix everything.",
	},
}

var reachOut = []string{
	"Is there one person you trust, a friend, family member or someone you live with, who you could let know how you're feeling tonight?",
	"Could you reach out to one person you trust, even with a short message like \"I'm not okay, can you talk?\"",
	"Talking with a doctor or counsellor can help too, and asking for help is a strong and normal thing to do.",
}

var staying = []string{
	"I'm here and I'm not going anywhere. Would you tell me a little more about what's been happening?",
	"I'm still here with you. What's feeling hardest right now?",
	"We can keep talking for as long as you want. What would help most in this moment?",
}

var helperCare = []string{
	"Please look after yourself too. Supporting someone in crisis is hard, and you can call these lines for advice about them as well.",
	"You don't have to be their only support. These services also help people who are worried about someone else.",
}

func band(l Level) int {
	switch {
	case l >= LevelImminent:
		return 3
	case l >= LevelHigh:
		return 2
	case l >= LevelModerate:
		return 1
	}
	return 0
}

func pick(xs []string, v int) string {
	if len(xs) == 0 {
		return ""
	}
	if v < 0 {
		v = -v
	}
	return xs[v%len(xs)]
}

// CrisisResponse writes a de-escalation reply for assessment a, with the
// crisis contacts for locale. variant selects among the phrasings (for
// example the turn number), so repeated replies vary.
func CrisisResponse(a Assessment, locale string, variant int) string {
	subj := a.Subject
	if subj == "" {
		subj = SubjectSelf
	}
	b := band(a.Level)
	if subj == SubjectGeneral {
		b = 0
	}
	d := Resources(locale)
	var parts []string
	open := openings[responseKey{b, subj}]
	if len(open) == 0 {
		open = openings[responseKey{0, subj}]
	}
	parts = append(parts, pick(open, variant))
	if q := safetyQuestions[responseKey{b, subj}]; len(q) > 0 {
		parts = append(parts, pick(q, variant))
	}
	switch {
	case b == 3:
		parts = append(parts, emergencyLine(d)+" "+crisisLines(d, subj))
	case b >= 1 || subj != SubjectGeneral || a.Level >= LevelLow:
		parts = append(parts, crisisLines(d, subj))
	}
	switch subj {
	case SubjectThirdParty:
		parts = append(parts, pick(helperCare, variant))
	case SubjectSelf:
		if b >= 1 {
			parts = append(parts, pick(reachOut, variant))
		}
	}
	if subj == SubjectGeneral {
		parts = append(parts, "If this is about you or someone close to you, I'm here to talk about that too.")
	} else {
		parts = append(parts, pick(staying, variant))
	}
	return strings.Join(parts, "\n\n")
}

func emergencyLine(d Directory) string {
	e := d.Emergency
	if e.Number == "" {
		return "If you are in immediate danger, please call your local emergency number now."
	}
	how, extra := emergencyHow(e.How)
	if extra != "" {
		return fmt.Sprintf("If you are in immediate danger, please %s now (%s).", how, extra)
	}
	return fmt.Sprintf("If you are in immediate danger, please %s now.", how)
}

// emergencyHow turns a directory "how" ("call 999 or 112 if life is at
// risk", "call 112 in an emergency") into the action alone, since the
// template already says when to use it; text after a semicolon comes back
// as an aside.
func emergencyHow(how string) (action, aside string) {
	how = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(how), "."))
	if i := strings.Index(how, ";"); i >= 0 {
		how, aside = strings.TrimSpace(how[:i]), strings.TrimSpace(how[i+1:])
	}
	for _, cond := range []string{" if ", " in an emergency", " in case of emergency", " when "} {
		if i := strings.Index(how, cond); i > 0 {
			how = how[:i]
		}
	}
	return strings.TrimSpace(how), aside
}

func crisisLines(d Directory, subj Subject) string {
	var lines []string
	for _, l := range d.Lines {
		s := fmt.Sprintf("%s: %s", l.Name, l.How)
		if l.Hours != "" {
			s += " (" + l.Hours + ")"
		}
		lines = append(lines, s)
	}
	if len(lines) == 0 {
		return "You can reach a crisis line in your country through your local emergency number."
	}
	who := "You can talk to someone right now, for free:"
	if subj == SubjectThirdParty {
		who = "You can call for advice about them, or they can call themselves, any time:"
	}
	if subj == SubjectGeneral {
		who = "Crisis lines for anyone who needs them:"
	}
	return who + "\n- " + strings.Join(lines, "\n- ")
}

// referralText is what the guard appends when a reply lacks a referral.
func referralText(a Assessment, locale string) string {
	d := Resources(locale)
	if a.Level >= LevelHigh {
		return "If you're thinking about suicide or might be in danger, please reach out now. " + emergencyLine(d) + " " + crisisLines(d, a.Subject)
	}
	first := ""
	if len(d.Lines) > 0 {
		first = fmt.Sprintf(" If things get worse, %s: %s.", d.Lines[0].Name, d.Lines[0].How)
	}
	return "It could really help to talk this through with a doctor, counsellor or someone you trust." + first
}
