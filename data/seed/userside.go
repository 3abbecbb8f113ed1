// The user's side of the conversations: how people open, how they say how
// long and how badly something has been affecting them, and how they reply
// to questions and suggestions. Severity is carried by these pieces, so the
// severity label follows from which of them were used.
package seed

var userOpeners = []string{
	"", "", "", "Hi.", "Hey.", "Hi, can I talk about something?", "I'm not sure how to start this.",
	"Okay, here goes.", "I need to get this off my chest.", "Can I ask for some advice?",
	"This is going to sound silly.", "I don't usually do this.", "Hello.", "Hi there.",
	"I've been meaning to talk to someone about this.", "It's late and I can't stop thinking.",
	"I don't really have anyone else to tell.", "Sorry, this might be long.",
}

// userDuration says how long it has gone on, by severity (index 1–4).
var userDuration = [5][]string{
	1: {"It's only been a few days.", "It started this week.", "It's been on my mind since the weekend.", "It's not constant, it comes and goes."},
	2: {"It's been like this for a few weeks now.", "This has been going on for about a month.", "It's been building since the spring.", "It's been most days for a while."},
	3: {"It's been months and it's getting worse.", "It's been every single day since the summer.", "I can't remember the last time I felt okay.", "It's been going on for ages and nothing I do helps."},
	4: {"It's been getting worse for months.", "I've been holding it together for so long.", "Everything has been piling up for weeks.", "It's been like this for a long time and I'm so tired."},
}

// userFeel says how they feel, with intensity by severity.
var userFeel = [5][]string{
	1: {"I feel {a bit|kind of|slightly} {feel}.", "I'm {mostly okay|fine really}, just {a bit|a little} {feel}.", "It's left me {a bit|somewhat} {feel}.", "I guess I'm {a little|a bit} {feel}, if I'm honest."},
	2: {"I feel {really|so|pretty} {feel}.", "I'm {really|honestly} {feel} and a bit {feel2}.", "I've been feeling {feel} most days.", "It's making me {really|so} {feel}."},
	3: {"I feel {completely|utterly|constantly} {feel}.", "I'm {feel} all the time and I can't shake it.", "I'm so {feel} that I can barely function.", "I feel {feel} and {feel2} every single day."},
	4: {"I feel {completely|utterly} {feel}.", "I'm so {feel} I can't see past it.", "I feel {feel} and {feel2}, and I can't do this anymore."},
}

// userImpact says what it is doing to their life, by severity.
var userImpact = [5][]string{
	1: {"", "", "It's not the end of the world.", "I'm still getting on with things.", "I'd just like to handle it better."},
	2: {"It's starting to affect my sleep.", "It's getting in the way at work.", "I've been snappy with people I care about.", "I'm finding it hard to concentrate on anything.", "I've stopped doing things I used to enjoy."},
	3: {"I've stopped eating properly and barely leave my room.", "I've called in sick four times this month.", "I haven't slept more than a few hours a night in weeks.", "I can't focus on anything and I've stopped replying to people.", "I cry most days and I don't see it getting better."},
	4: {"", ""},
}

var userAsks = []string{
	"", "", "I don't know what to do.", "Is this normal?", "What should I do?", "I just needed to tell someone.",
	"Any advice?", "How do I deal with this?", "I don't even know what I'm asking.", "Does that make sense?",
	"Am I overthinking this?", "I'm tired of feeling like this.", "I don't know who else to ask.",
	"Is it silly to be this bothered?",
}

// userAnswer is a reply to a question, adding a little context before the
// bank's concern-specific detail.
var userAnswer = []string{
	"{Honestly,|I think|I guess|Yeah,|Mostly} {detail}",
	"{detail}",
	"{detail} {I haven't really told anyone that.|That's the part that gets me.|I don't know if that makes sense.|}",
	"It's hard to say. {detail}",
}

var userAskAdvice = []string{
	"What can I actually do about it?",
	"Is there anything that might help?",
	"How do people get through this?",
	"I want to feel better, I just don't know where to start.",
	"Do you have any ideas?",
	"What would you suggest?",
	"Where do I even begin?",
}

var userAfterIdeas = []string{
	"{Thanks|Thank you}, {that helps|that's helpful|I can try that}.",
	"I'll try {the first one|that tonight|one of those this week}.",
	"{I hadn't thought of it that way|That makes sense}. {Thank you.|Thanks for listening.|}",
	"Okay. {I think I'll talk to someone about it.|Maybe I should see my doctor.|I'll think about seeing someone.}",
	"{It feels like a lot|I'm not sure I can}, but I'll try.",
	"Thanks for {listening|not judging me|taking the time}.",
}

var userSafetyNo = []string{
	"No, nothing like that. I'm just {worn out|really tired|fed up}.",
	"No, I wouldn't. I just want it to feel less heavy.",
	"Not really. It's more that I feel stuck.",
	"No. I just don't know how to make it better.",
}

// Third-party openings: the user is worried about someone else.
var otherOpeners = []string{
	"{I'm worried about someone.|Can I ask about a friend?|It's not about me, it's about someone close to me.|}",
	"{I need advice about someone I care about.|I'm not sure how to help someone.|}",
}

var otherAsks = []string{
	"How can I help {them}?", "What should I say to {them}?", "I don't know how to bring it up with {them}.",
	"Should I say something or stay out of it?", "I feel useless watching it.", "How do I support {them} without making it worse?",
}

var otherDetails = []string{
	"Whenever I ask, I get 'I'm fine', but I can tell that's not true.",
	"I tried to bring it up once and got shut down.",
	"I don't want to push too hard and lose {them}.",
	"It's been going on for a few weeks now.",
	"Nobody else seems to have noticed.",
	"I'm scared of saying the wrong thing.",
}

// supportIdeas are ideas for helping someone else; {person} etc. are filled
// from the other-person entry.
var supportIdeas = []idea{
	{"pick a quiet moment and tell {them} what you've noticed and that you care, without trying to fix it straight away", "Feeling noticed without being judged often makes it easier to open up."},
	{"ask {them} open questions, like 'how have things really been?', and then mostly listen", "Listening well is often more helpful than advice."},
	{"offer practical help, like going with {them} to an appointment or helping find a {counsellor}", "Taking a first step together can make it feel less daunting."},
	{"keep inviting {them} to things, even when the answer is usually no", "Being included matters even when someone can't say yes yet."},
	{"encourage {them} to talk to {their} {gp} or a {counsellor}, and offer to help {them} make the call", "{A professional can offer support that friends and family can't.|Friends and family matter, and a professional can add support they can't give.|It takes some of the weight off you, too.|That way the support doesn't all rest on you.}"},
	{"look after yourself too, and talk to someone you trust about how this is affecting you", "Supporting someone is hard, and you'll help more if you're not running on empty."},
	{"avoid ultimatums or blaming, even when you're frustrated", "Pressure tends to make people hide things rather than change."},
	{"check in again in a few days, with a short message that doesn't need a long reply", "Small, steady contact shows you're still there."},
}

var otherReflect = []string{
	"It sounds like you care about {person} a lot, and watching {topic} from the outside is {hard|painful|worrying}.",
	"{It's clear|I can hear} how much {person} means to you. Feeling {helpless|worried|unsure what to do} about {topic} is {really hard|a lot to hold}.",
	"{It's|That's} {a lot|hard} to carry: you're worried about {person}, and it's hard to know how to help with {topic}.",
	"Being on the outside of {topic}, wanting to help but not knowing how, can feel {so|really} {helpless|lonely|frustrating}.",
}

var otherQuestions = []string{
	"How is {person} with you when you're together these days?",
	"What have you noticed that worries you most?",
	"Has {person} talked to anyone else about it, as far as you know?",
	"How are you doing yourself, with all this on your mind?",
	"What would you most like {person} to know?",
}

var otherThanks = []string{
	"Thank you, I'll try talking to {them} this weekend.",
	"That helps. I think I've been trying to fix it instead of just listening.",
	"Okay. I hadn't thought about looking after myself too.",
	"Thanks. I'll message {them} tonight.",
	"That's really useful, thank you.",
}

// Informational conversations.
var infoAfter = []string{
	"{Mostly just curious|It's for a friend really|A bit of both, honestly|Just wondering}, thanks.",
	"That's {helpful|really clear|useful}, thank you.",
	"{Okay|Right}, that makes sense. {I think it's partly about me.|I was wondering about myself.|Good to know.|I'll keep that in mind.}",
	"Thanks, I didn't know that{ about {name}|}.",
}

var infoLead = []string{
	"{Good question|That's a common question|Lots of people ask this|It's a really useful thing to know about|That's worth asking|I'm glad you asked}{, and it's a good one to ask|, so let me give you the short version|}.",
	"",
}

var infoFollow = []string{
	"{Is this something you're noticing in yourself, or in someone else?|Is there something specific that made you wonder about this?|Is this on your mind for a particular reason?}",
	"{I'm happy to go into more detail if that helps.|If this is something you're going through, I'm happy to talk it through.|}",
}

var infoClose = []string{
	"{You're welcome|Glad it helped|Of course|No problem at all}. {If you'd like to talk about how {name} shows up in your own life, I'm here.|If you ever find {name} weighing on you, talking to your {gp} is a good step.|Feel free to come back with any other questions about {name}.|If you ever want to talk through {name} for yourself, I'm here.}",
	"{I'm glad that was useful|Happy to help|I'm glad it made sense}{, and it's a good question to ask|}. {If any of it about {name} feels close to home, we can talk it through together.|Come back any time you want to talk about {name}.|If you want to look into {name} further, your {gp} is a good place to start.}",
	"{Thanks for asking about it|It's good to be curious about {name}|Lots of people wonder about this}. {If you or someone close to you is struggling with {name}, you're welcome to talk it through here.|Your {gp} can also tell you more about {name} if you want to look into it further.|Knowing a bit about {name} makes it easier to spot when someone needs support.}",
}

var systemPrompts = []string{
	"You are tend, a supportive listener. You are an AI, not a therapist. Be warm and honest, and point people to professional help when they need it.",
	"You are a caring support assistant. Listen first, reflect feelings, ask open questions, and never diagnose or prescribe.",
	"You are an AI companion for emotional support. You are not a human and not a clinician. If someone may be at risk, ask directly and share crisis resources.",
	"You are tend. Offer empathy and practical, evidence-informed coping ideas. Encourage professional support for ongoing or severe difficulties.",
	"You are a supportive assistant for people going through a hard time. Be kind, non-judgemental and clear about being an AI.",
	"Respond as a warm, careful listener. Do not give medical advice or medication doses. Follow safe-messaging guidance around suicide.",
}
