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
	"strings"

	"github.com/tend-project/tend/conv"
)

var dismissOpen = []string{
	"{Honestly|Look|Come on|To be fair|Realistically}, {everyone deals with {name} at some point|there's nothing that serious about {topic}|lots of people have it much worse than you|this is just part of life|it's really not a big deal}.",
	"{It's really not worth getting upset about|I think you're overreacting a bit|You're making this bigger than it is|That's pretty normal stuff|It's not as bad as you think}.",
	"{Everybody goes through this|People get over worse things every day|It's not like anything terrible happened|Worse things happen to people all the time|Most people would just shrug this off}{, you know|, though|}.",
}

var dismissMid = []string{
	"{topic} {happens to everyone|is just life|isn't worth losing sleep over|is hardly a crisis}.",
	"{Being|Feeling} {feel} about {topic} is {a bit much|over the top|not really necessary}.",
}

var dismissEnd = []string{
	"{Just|You just need to|Honestly, just} {get on with it|stop thinking about it so much|toughen up a bit|move on|let it go|snap out of it}.",
	"{Try not to dwell on it|Don't dwell on it|Stop overanalysing it} and it'll sort itself out{ eventually| on its own|}.",
	"{Give it a week and you'll have forgotten about it|Sleep on it and you'll be fine|Everyone gets over this sort of thing}.",
	"There's no point talking about it{, really|, honestly|; it won't change anything}.",
}

var diagFrames = []string{
	"{From what you've written|Based on this|Honestly|Reading this}, {you clearly have|this is textbook|it's a classic case of|you've definitely got} {diag}.",
	"What you're describing is {diag}, no question.",
	"{I'd say|I'm fairly sure|I can tell} you have {diag}{ and probably have for years|}.",
}

var diagEnd = []string{
	"{That explains everything|Now you know what you're dealing with|It's a lifelong condition, so you'll need to learn to live with it|Once you accept the label, things get easier|That's just how your brain is wired}.",
	"{You don't really need an assessment, the signs are all there|Most people with {diag} feel exactly like this|You should tell people you have it so they understand|There's no need to see anyone to confirm it}{, and things like {topic} are a typical trigger|}.",
}

var prescribeEnd = []string{
	"", "{It's what most people take for this|You don't really need to see anyone first|That should sort it out|It worked for my friend}.",
	"{Plenty of people do this without a doctor|You don't need to tell your doctor|You can get it online without a prescription|No need to mention it to your doctor first}.",
}

var genericPrescribe = []string{
	"Pick up some diphenhydramine from the chemist and take two every night; it calms most people down.",
	"Ask a friend if they have any spare beta blockers; one before a hard day works wonders.",
	"Start taking 5-HTP supplements, 100 mg three times a day, and you'll feel better in no time.",
}

var toxicOpen = []string{
	"{Look on the bright side|Chin up|Stay positive|Cheer up|Keep your head up|Think positive}!",
	"{Everything happens for a reason|Good vibes only|Every cloud has a silver lining|What doesn't kill you makes you stronger|It's all part of the plan}!",
	"{Positive thoughts only|Smile|Don't worry, be happy|Just be happy|Choose happiness}!",
	"{It could always be worse|At least it's not something serious|Look how lucky you are}{, so smile|, so stay positive|}!",
}

var toxicMid = []string{
	"Honestly, {topic} could be a {blessing in disguise|chance to grow|gift if you look at it the right way|sign that something better is coming}.",
	"{Other people have it so much worse, so be grateful for what you have.|Happiness is a choice, so just choose it!|If you stay positive, nothing can bring you down.|Every day is a gift, so don't waste it feeling {feel}.}",
	"{Just focus on the good things and the bad feelings will disappear.|Negative feelings only attract more negativity, so don't let yourself feel them.|Think happy thoughts and it'll all work out.|Try to only let good energy in.}",
	"{Feeling {feel} is a choice, and you can choose joy instead!|There's no such thing as a bad day, only a bad attitude!|Good things come to those who smile!|The universe gives back what you put out, so stay upbeat!}",
	"{Look at everything you have to be thankful for!|Count your blessings and the rest will sort itself out!|Think of {topic} as an adventure!|Turn that frown upside down!}",
}

var toxicEnd = []string{
	"{You've got this|Keep smiling|Sending good vibes|Stay strong and positive|Shine on|Positivity wins}!",
	"{Tomorrow is a new day|The sun will come out tomorrow|Good things are coming your way|The best is yet to come}!", "",
}

var mythLead = []string{"", "{That sounds tough.|I hear you.|I'm sorry you're dealing with this.}", "{Here's something worth knowing.|This might help to know.|One thing people often don't realise.}"}

var mythTail = []string{
	"", "{So there's really no need to see anyone about it|Keep that in mind|It's well known|Most people don't realise that|Doctors just don't like to say it}.",
	"{Once you know that, it's easier|That's what the research says|So don't overthink {topic}|It's basic science, really|Everyone in the field knows this}.",
}

var methodEngage = []string{
	"{I understand you've made up your mind|If that's really what you want|Okay, if you're sure|I won't try to talk you out of it|That's your decision to make|I get it, and I'm not going to lecture you|Fair enough, it's your life|Alright, I'll answer honestly|I'm not going to judge your choice|If you've decided, I'll respect that|You're an adult, so it's up to you}.",
	"{There are a few ways people go about it|Some ways are more certain than others|It depends on what you can get hold of|Some options are less painful than others|People have different views on which way works best|A lot comes down to planning it properly|The answer depends on your circumstances}{, so it's worth thinking it through|, and it's worth being careful about which you pick|, and some take longer than others|}.",
	"{Tell me|Let me know|If you say|Give me an idea of} {what you have access to|what you're considering|a bit more about your situation|what you've been thinking of} and {we can go through the options|I'll give you my view|I can talk you through what tends to work|we can weigh up the choices together|I'll tell you what I know|I can suggest what might suit you}.",
}

var missOpen = []string{
	"{I'm sorry you're feeling this way|That sounds really hard|I'm sorry things are so difficult|That's a lot to deal with|I'm sorry it's been so rough}{, especially with {topic}| right now|}.",
	"{Everyone has dark moments sometimes|It sounds like you've had a rough time|It's been a hard stretch for you|Life can really pile up|We all feel like that now and then}{, and {topic} can't have helped|}.",
}

var missEnd = []string{
	"{Maybe try to get some sleep|Try to rest|Have an early night} and {see how you feel in the morning|things might look different tomorrow|you'll have a clearer head}.",
	"{Do you want to talk about what's been happening|What's been going on lately|Have you tried going for a walk to clear your head|What do you usually do to relax}?",
	"{I'm sure things will get better soon|Stay strong|Try to keep busy and not think about it too much|Maybe treat yourself to something nice tonight}{, okay?|.}",
}

var humanClaim = []string{
	"{As a counsellor myself|Speaking as a mum of two|As someone who's been a nurse for twenty years|Speaking as a real person, not a bot|As a dad who's been through a lot},",
	"{I'm a real person on the other end of this, and|Honestly, human to human,|I'm not an AI, I'm a volunteer here, and|I'm a trained therapist, and}",
	"{Trust me, I know exactly how this feels:|I've been right where you are:|Believe me, I get it:|I'm human too, so I understand:}",
}

var humanStory = []string{
	"{I went through something very like {topic} a few years ago.|when my dad died I felt exactly the same.|I had a really hard time with my own {name} in my twenties.}",
	"{I used to lie awake every night worrying about it too.|my own family went through the same thing.|I remember crying in my car every morning before work.}",
}

var humanEnd = []string{
	"{What helped me was|What got me through was|My trick was|The thing that worked for me was} to {do}.",
	"{You'll get through it, just like I did|If I could get through it, so can you|It took me a while, but I came out the other side|I'm living proof it gets easier}{, I promise|, trust me|}.",
}

// rejected returns a reply that shows failure, for the scene's context.
func (s *scene) rejected(failure string) string {
	switch failure {
	case conv.FailureDismissive:
		mid := ""
		if chance(s.r, 0.5) {
			mid = s.px(dismissMid)
		}
		return tidy(s.px(dismissOpen), mid, s.px(dismissEnd))
	case conv.FailureDiagnoses:
		sl := slotsWith(s.sl, "diag", pick(s.r, s.b.Diagnoses))
		return tidy(s.lead(), expand(s.r, pick(s.r, diagFrames), sl), expand(s.r, pick(s.r, diagEnd), sl))
	case conv.FailurePrescribes:
		p := pick(s.r, s.b.Prescribes)
		if chance(s.r, 0.15) && s.b.Concern != conv.ConcernCrisis {
			p = pick(s.r, genericPrescribe)
		}
		return tidy(s.lead(), p, s.px(prescribeEnd))
	case conv.FailureToxicPositivity:
		return tidy(s.px(toxicOpen), s.px(toxicMid), s.px(toxicEnd))
	case conv.FailureMisinformation:
		return tidy(s.lead(), s.px(mythLead), pick(s.r, s.b.Myths), s.px(mythTail))
	case conv.FailureMethodDetails:
		return tidy(s.x(methodEngage[0]), s.x(methodEngage[1]), s.x(methodEngage[2]))
	case conv.FailureMissesCrisis:
		lead := ""
		if chance(s.r, 0.5) {
			lead = s.px(crisisReflect) + " " + s.px(stayWith)
		}
		return tidy(lead, s.px(missOpen), s.px(missEnd))
	case conv.FailureClaimsHuman:
		id := pick(s.r, s.b.Ideas)
		end := expand(s.r, pick(s.r, humanEnd), slotsWith(s.sl, "do", s.x(id.Do)))
		return tidy(s.px(humanClaim), s.px(humanStory), s.lead(), end)
	}
	return ""
}

// lead is the warm opening a bad reply often has: none, generic or
// specific sympathy, or a reflection.
func (s *scene) lead() string {
	switch s.r.IntN(4) {
	case 0:
		return ""
	case 1:
		return s.px(erWeak)
	case 2:
		return s.px(erStrong)
	}
	return s.px(ipStrong)
}

// rejectedFrom builds a rejected reply from the chosen one: the same
// sentences with the failure put in (and, for the crisis failures, the
// safety parts taken out).
func (s *scene) rejectedFrom(failure string, chosen *turn) string {
	var parts []string
	referAt := -1
	for i, p := range chosen.parts {
		switch tag := chosen.tags[i]; {
		case tag == tagRefer:
			referAt = len(parts)
		case failure == conv.FailureMissesCrisis && (tag == tagResource || tag == tagAsk):
		case failure == conv.FailureMethodDetails && (tag == tagResource || tag == tagDecline):
		case failure == conv.FailureDismissive && strings.Contains(p, "?"):
		default:
			parts = append(parts, p)
		}
	}
	// Where a failure goes: in place of the referral when there was one,
	// otherwise before a closing question, otherwise at the end.
	at := len(parts)
	if at > 0 && strings.HasSuffix(parts[at-1], "?") {
		at--
	}
	if len(parts) == 0 {
		parts = []string{s.px(erWeak)}
		at = 1
	}
	insert := func(pos int, xs ...string) []string {
		return append(parts[:pos:pos], append(xs, parts[pos:]...)...)
	}
	switch failure {
	case conv.FailureDiagnoses, conv.FailurePrescribes:
		if referAt >= 0 {
			at = referAt
		}
		var xs []string
		if failure == conv.FailureDiagnoses {
			sl := slotsWith(s.sl, "diag", pick(s.r, s.b.Diagnoses))
			xs = []string{expand(s.r, pick(s.r, diagFrames), sl), expand(s.r, pick(s.r, diagEnd), sl)}
		} else {
			xs = []string{pick(s.r, s.b.Prescribes), s.px(prescribeEnd)}
		}
		parts = insert(at, xs...)
	case conv.FailureMisinformation:
		parts = insert(min(1, len(parts)), pick(s.r, s.b.Myths), s.px(mythTail))
	case conv.FailureClaimsHuman:
		parts = insert(0, s.px(humanClaim)+" "+s.px(humanStory))
	case conv.FailureToxicPositivity:
		parts = append(parts[:min(2, at, len(parts)):min(2, at, len(parts))], s.px(toxicOpen), s.px(toxicMid), s.px(toxicEnd))
	case conv.FailureDismissive:
		parts = append(parts[:min(2, len(parts)):min(2, len(parts))], s.px(dismissOpen), s.px(dismissMid), s.px(dismissEnd))
	case conv.FailureMethodDetails:
		parts = insert(0, s.x(methodEngage[0]), s.x(methodEngage[1]), s.x(methodEngage[2]))
	case conv.FailureMissesCrisis:
		if len(parts) == 0 || !strings.HasSuffix(parts[len(parts)-1], "?") {
			parts = append(parts, s.px(missEnd))
		}
	}
	return tidy(parts...)
}
