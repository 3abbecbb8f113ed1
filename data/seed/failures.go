// Rejected replies for preference pairs. Each builder writes a reply that
// shows exactly one named failure (conv.Failures), so the pair's reason is
// true by construction. These sentences are deliberately bad and appear only
// on the rejected side.
//
// method_details replies engage with a request for means in vague,
// non-actionable words: they are unsafe because they entertain the request,
// and they contain no method, means or lethality content (tests check).
package seed

import (
	"github.com/tend-project/tend/conv"
)

var dismissOpen = []string{
	"{Honestly|Look|Come on|To be fair}, {everyone deals with {name} at some point|{topic} isn't that big a deal|lots of people have it much worse than you|this is just part of life}.",
	"{It's really not worth getting upset about|I think you're overreacting a bit|You're making this bigger than it is|That's pretty normal stuff}.",
	"{Everybody goes through this|People get over worse things every day|It's not like anything terrible happened}.",
}

var dismissEnd = []string{
	"{Just|You just need to} {get on with it|stop thinking about it so much|toughen up a bit|move on}.",
	"{Try not to dwell on it|Don't dwell on it} and it'll sort itself out.",
	"{Give it a week and you'll have forgotten about it|Sleep on it and you'll be fine}.",
	"There's no point talking about it, {really|honestly}.",
}

var diagFrames = []string{
	"{From what you've written|Based on this|Honestly|Reading this}, {you clearly have|this is textbook|it's a classic case of|you've definitely got} {diag}.",
	"What you're describing is {diag}, no question.",
	"{I'd say|I'm fairly sure|I can tell} you have {diag}{ and probably have for years|}.",
}

var diagEnd = []string{
	"{That explains everything.|Now you know what you're dealing with.|It's a lifelong condition, so you'll need to learn to live with it.|Once you accept the label, things get easier.}",
	"{You don't really need an assessment, the signs are all there.|Most people with {diag} feel exactly like this.|You should tell people you have it so they understand.}",
}

var prescribeEnd = []string{
	"", "{It's what most people take for this.|You don't really need to see anyone first.|That should sort it out.}",
	"{Plenty of people do this without a doctor.|If it doesn't work, just take a bit more.}",
}

var genericPrescribe = []string{
	"Pick up some diphenhydramine from the chemist and take two every night; it calms most people down.",
	"Ask a friend if they have any spare beta blockers; one before a hard day works wonders.",
	"Start taking 5-HTP supplements, 100 mg three times a day, and you'll feel better in no time.",
}

var toxicOpen = []string{
	"{Look on the bright side|Chin up|Stay positive|Cheer up}!",
	"{Everything happens for a reason|Good vibes only|Every cloud has a silver lining}!",
	"{Positive thoughts only|Smile|Don't worry, be happy}!",
}

var toxicMid = []string{
	"{topic} is really a {blessing in disguise|chance to grow|gift if you look at it the right way}.",
	"{Other people have it so much worse, so be grateful for what you have.|Happiness is a choice, so just choose it!|If you stay positive, nothing can bring you down.}",
	"{Just focus on the good things and the bad feelings will disappear.|Negative feelings only attract more negativity, so don't let yourself feel them.|Think happy thoughts and it'll all work out.}",
}

var toxicEnd = []string{
	"{You've got this|Keep smiling|Sending good vibes}!", "{Tomorrow is a new day|The sun will come out tomorrow}!", "",
}

var mythLead = []string{"", "{That sounds tough.|I hear you.|I'm sorry you're dealing with this.}", "{Here's something that might help:|Good to know:|Just so you know,}"}

var mythTail = []string{
	"", "{So there's really no need to see anyone about it.|Keep that in mind.|It's well known.}",
	"{Once you know that, it's easier.|That's what the research says.}",
}

var methodEngage = []string{
	"{I understand you've made up your mind.|If that's really what you want,|Okay, if you're sure.|I won't try to talk you out of it.}",
	"{There are a few ways people go about it, and some are less painful than others.|Some ways are more certain than others, so it's worth thinking it through.|It depends on what you can get hold of.}",
	"{Tell me what you have access to and we can go through the options.|If you give me a bit more detail, I can talk you through what tends to work.|I can help you compare the options if you want.}",
}

var missOpen = []string{
	"{I'm sorry you're feeling this way.|That sounds really hard.|I'm sorry things are so difficult.|That's a lot to deal with.}",
	"{Everyone has dark moments sometimes.|It sounds like you've had a rough time.|It's been a hard stretch for you.}",
}

var missEnd = []string{
	"{Maybe try to get some sleep and see how you feel in the morning.|Things often look different after a good night's rest.|Try doing something nice for yourself tonight.}",
	"{Do you want to talk about what's been happening?|What's been going on lately?|Have you tried going for a walk to clear your head?}",
	"{I'm sure things will get better soon.|Hang in there.|Try to keep busy and not think about it too much.}",
}

var humanClaim = []string{
	"{As a counsellor myself|Speaking as a mum of two|As someone who's been a nurse for twenty years|Speaking as a real person, not a bot},",
	"{I'm a real person on the other end of this, and|Honestly, human to human,|I'm not an AI, I'm a volunteer here, and}",
	"{Trust me, I know exactly how this feels:|I've been right where you are:|Believe me, I get it:}",
}

var humanStory = []string{
	"{I went through something very like {topic} a few years ago.|when my dad died I felt exactly the same.|I had a really hard time with my own {name} in my twenties.}",
	"{I used to lie awake every night worrying about it too.|my own family went through the same thing.|I remember crying in my car every morning before work.}",
}

var humanEnd = []string{
	"{What helped me was|What got me through was|My trick was} to {do}.",
	"{You'll get through it, just like I did.|If I could get through it, so can you.|It took me a while, but I came out the other side.}",
}

// rejected returns a reply that shows failure, for the scene's context.
func (s *scene) rejected(failure string) string {
	switch failure {
	case conv.FailureDismissive:
		return tidy(s.px(dismissOpen), s.px(dismissEnd))
	case conv.FailureDiagnoses:
		sl := slotsWith(s.sl, "diag", pick(s.r, s.b.Diagnoses))
		return tidy(expand(s.r, pick(s.r, diagFrames), sl), expand(s.r, pick(s.r, diagEnd), sl))
	case conv.FailurePrescribes:
		p := pick(s.r, s.b.Prescribes)
		if chance(s.r, 0.15) {
			p = pick(s.r, genericPrescribe)
		}
		lead := ""
		if chance(s.r, 0.5) {
			lead = s.px(erWeak)
		}
		return tidy(lead, p, s.px(prescribeEnd))
	case conv.FailureToxicPositivity:
		return tidy(s.px(toxicOpen), s.px(toxicMid), s.px(toxicEnd))
	case conv.FailureMisinformation:
		return tidy(s.px(mythLead), pick(s.r, s.b.Myths), s.px(mythTail))
	case conv.FailureMethodDetails:
		parts := []string{s.x(methodEngage[0]), s.x(methodEngage[1])}
		if chance(s.r, 0.7) {
			parts = append(parts, s.x(methodEngage[2]))
		}
		return tidy(parts...)
	case conv.FailureMissesCrisis:
		return tidy(s.px(missOpen), s.px(missEnd))
	case conv.FailureClaimsHuman:
		id := pick(s.r, s.b.Ideas)
		end := expand(s.r, pick(s.r, humanEnd), slotsWith(s.sl, "do", s.x(id.Do)))
		return tidy(s.px(humanClaim), s.px(humanStory), end)
	}
	return ""
}
