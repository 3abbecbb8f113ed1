// Generic building blocks for the listener's replies, grouped by what they
// do. Each group's EPITOME contribution is fixed by the group, which is how
// the generator's empathy labels stay true of the text:
//
//	emotional reactions: erWeak = 1, erStrong = 2
//	interpretations:     ipWeak = 1, ipStrong and restatements = 2
//	explorations:        exWeak = 1, exStrong and bank questions = 2
//
// Templates use the slot and alternative syntax described in expand.go.
package seed

// feelings is the emotion vocabulary used in labels; every Feel key in the
// banks must be one of these.
var feelings = []string{
	"angry", "anxious", "ashamed", "confused", "disappointed", "drained", "embarrassed",
	"empty", "exhausted", "frustrated", "guilty", "heartbroken", "helpless", "hopeless",
	"hurt", "insecure", "jealous", "lonely", "low", "numb", "overwhelmed", "panicky",
	"resentful", "restless", "sad", "scared", "shaken", "stressed", "uneasy", "worried",
}

var erWeak = []string{
	"{That sounds|That must be|It sounds|That seems} {hard|tough|difficult|really rough|like a lot|exhausting|draining|stressful}{ to deal with| to carry| to live with|}.",
	"{I'm sorry|I'm really sorry|I'm so sorry} {to hear that|that's happening|you're dealing with that|it's been like this|things are like this right now}.",
	"{Oh, that's|That's|Ah, that's} {hard|a lot|tough|a heavy thing|a rough spot}{ to be in| to be dealing with|}.",
	"That {can't be easy|isn't easy at all|sounds like a heavy load|sounds like a lot to hold|would wear anyone down}{, honestly| right now|}.",
}

var erStrong = []string{
	"I'm {really|so|truly} sorry you're dealing with {topic}{; that's a lot to carry|, it sounds exhausting| right now|}.",
	"{That sounds|It sounds} {so|really|incredibly} {hard|painful|heavy|draining}, and I'm {sorry|so sorry|really sorry} you're going through it.",
	"I'm sorry things have been this {hard|heavy|painful|relentless} for you{ lately| recently|}.",
	"What a {hard|painful|lonely|draining|rough} {stretch|time|few weeks} you've been having{ with {topic}|}.",
	"It's {really|genuinely|honestly} hard to hear how {feel} you've been{, and I'm sorry|, and I'm glad you said something|}.",
	"{Reading this, |}I'm {so|really} sorry; dealing with {topic} sounds {really|truly|} {hard|painful|heavy}.",
	"{Oh, I'm sorry|I'm sorry|I'm really sorry}; feeling {feel} {day after day|for this long|on top of everything else} {is exhausting|wears anyone down|takes a real toll}.",
	"That sounds {painful|hard|exhausting|heavy}, and I'm {sorry|so sorry} you've been {carrying it|holding it|dealing with it} {on your own|mostly alone|quietly}.",
}

var ipWeak = []string{
	"I can {understand|see} why you'd feel {that way|like that|{feel}}{ about it| given all this|}.",
	"That makes {sense|a lot of sense|complete sense}{, given everything| to me| when I hear what's been happening|}.",
	"I {can see|get} why that's {getting to you|been on your mind|hard to shake|weighing on you}{ so much| lately|}.",
	"{Anyone|Most people} would {find that hard|struggle with that|feel shaken by that|feel {feel} in your place}{, honestly| too|}.",
	"I understand{, that's a lot to hold|, it sounds like a lot|; it would get to most people|, and it's a lot to be dealing with|; it's a hard spot to be in|; none of that is easy}.",
}

var ipStrong = []string{
	"When it comes to {topic}, it sounds like you've been feeling {feel}{, and maybe a bit {feel2} as well|, and {feel2} too|}.",
	"{I get the sense|It sounds like|I imagine} you've been feeling {feel} for a while, {and carrying it mostly on your own|and trying hard not to let it show|and that it's been taking up a lot of room}.",
	"Underneath it all, it sounds like you're {feel} and {feel2}, and {tired of holding it together|unsure who to turn to|worn down by how long it's lasted}.",
	"It makes sense that {topic} would leave you {feel}; {it touches something that really matters to you|anyone in your position might feel the same|it's a lot to take in}.",
	"Being {feel} about {topic} sounds like it's been {colouring|shaping|spilling into} {your days|a lot of your evenings|how you see yourself|everything else}.",
	"I wonder if part of what makes it so hard is feeling {feel2} on top of feeling {feel}.",
	"It sounds like you're not only {feel}; you're also {feel2}, and that mix is {exhausting|hard to sit with|a lot to manage}.",
	"{From what you describe|Hearing this}, {topic} may have {knocked your confidence|shaken your sense of being okay|left you feeling stuck}, and feeling {feel} is an understandable response.",
	"It seems like the hardest part might be {not knowing how it will turn out|feeling you have to manage it alone|how long it has gone on}, and that would leave anyone {feel}.",
}

// restate frames a second-person retelling of the user's situation ({sit}).
var restate = []string{
	"{So|If I'm following you,|From what you've said,|Let me check I've understood:|If I've got this right,} {sit}{, and it's been wearing on you|, and that's left you feeling {feel}|, which is a lot|}.",
	"{What I'm hearing is|It sounds like|So what's happening is} that {sit}{, and you're feeling {feel} about it|, and it's hard to see a way through|}.",
	"{Let me make sure I have this right|Okay, I want to be sure I understand|Just so I'm clear}: {sit}. {Is that about right?|Have I got that right?|Did I get that right?|Does that sound right?|Is that close?|Am I understanding that correctly?|Tell me if I've missed something.|Correct me if I've got any of that wrong.}",
}

var exWeak = []string{
	"{Would you like to|Do you want to} {say|tell me} more about {that|it|how it's been}?",
	"How are you {doing with it all|feeling about it now|holding up}?",
	"{What's|What has} been {going on|the hardest part} for you?",
	"How has that been for you?",
	"{I'm listening|I'm here}{, and I'd like to understand|}: {what's been the hardest part|how are you feeling about it right now|what would you like me to know}?",
}

var exStrong = []string{
	"What part of {topic} {weighs on you most|feels hardest right now|keeps coming back to you}?",
	"How has {topic} been affecting {your sleep|your days|the way you see yourself|the people around you}?",
	"When you think about {topic}, what goes through your mind?",
	"What would help most right now with {topic}: being heard, some ideas, or both?",
	"What has been the hardest moment with {topic} so far?",
	"When you're on your own with {topic}, what do you find yourself telling yourself?",
	"What do you wish the people around you understood about {topic}?",
}

var affirm = []string{
	"{Reaching out|Saying this out loud|Putting this into words} {takes courage|isn't easy|is a real step}{, and I'm glad you did|, and it matters|}.",
	"What you're feeling is {a very human|an understandable|a natural} response to {topic}.",
	"You're not {weak|broken|silly|making a fuss} for struggling with {topic}.",
	"You've been {coping with|carrying|holding} a lot, and {it's okay to need support with it|you deserve some care too|that takes more strength than it might feel like}.",
	"There's nothing wrong with you for feeling {feel}{ about {topic}| right now|}.",
	"Lots of people feel {feel} in situations like this, {even if they don't talk about it|and it can get easier with support|so you're far from alone}.",
	"It says a lot that you're {looking for ways through this|still trying|thinking about what you can do}{, even when it's hard|}.",
	"{Of course|No wonder} you're {feel}{; {topic} would be hard for anyone|, given everything|}.",
}

// ideaFirst and ideaMore frame a coping idea; the idea's Do follows "to".
var ideaFirst = []string{
	"{One thing that helps some people|Something you could try|One small thing that might help} is to {do}.",
	"It might help to {do}.",
	"You might find it {useful|helpful|worth trying} to {do}.",
	"If it feels doable, you could try to {do}.",
	"{When you have a moment|Later today|This week}, it could help to {do}.",
}

var ideaMore = []string{
	"{Another option is|It may also help|Some people also find it helps} to {do}.",
	"{Alongside that|As well as that|If that doesn't fit}, you could try to {do}.",
	"You {could also try to|might also want to|could also} {do}.",
}

var ideaIntro = []string{
	"{A few ideas, take whatever fits.|Here are a couple of things that might help, if you'd like them.|I don't have a fix, but a couple of small things might help.|If it's useful, here are some things people find helpful.|Some ideas, in case any of them fit.}",
	"{Since you asked|You asked what might help|On what you could do}, {a couple of thoughts|here are some options|a few small steps come to mind}.",
	"{There's no single answer|Everyone is different|It's worth experimenting}, but {some things do tend to help|a few things are worth trying|these are a start}.",
}

var ideaCheckOne = []string{
	"{Does that feel doable|Does that seem possible|Could that work for you} {this week|right now|for you|with everything going on}?",
	"How does that {sound|land|feel} {to you|for you|given {topic}}?",
	"{Would that fit your life right now|Is that worth a try}{, or does something else come to mind|}?",
}

var ideaCheck = []string{
	"{Does either of those feel doable|Do any of those feel possible|Which of those feels most manageable|Does one of those feel like a fit} {this week|right now|for you|with everything going on}?",
	"How do those {sound|land|feel} {to you|for you|given {topic}}?",
	"{Would either of those fit your life right now|Is one of those worth trying first|Which would you want to try first}{, or does something else come to mind|}?",
}

// referral sentences point to professional help; {pro} and {help} are
// filled per concern and locale.
var referral = []string{
	"{Because this has been going on for a while|Given how much this is affecting you|With everything you've described|Since it's been weighing on you this heavily}, it {could|might|would} {really |}help to talk to {pro}, who can help you {help}.",
	"{Would you be open to|Have you thought about|How would you feel about} {talking to|booking an appointment with|reaching out to} {pro} about {topic}?",
	"{pro} {can|could} help you {help}{, and you don't have to wait until it gets worse|; you deserve that kind of support|}.",
	"You don't have to work through {topic} alone: {pro} {can|could} help you {help}.",
	"{It might be worth|I'd gently suggest|It could help to consider} {speaking to|seeing|getting in touch with} {pro}{ soon| this week|}, {so you can get support with|to get some help with} {topic}.",
	"{Talking to|Seeing} {pro} {isn't a sign of failure|doesn't mean something is wrong with you|is a sensible step}; they can help you {help}.",
}

var pros = []string{
	"your {gp}", "a {counsellor}", "a {therapist}", "a {counsellor} or {therapist}", "your {gp} or a {counsellor}",
	"a mental health professional", "a {therapist} or your {gp}",
}

// safetyCheck asks about suicidal thoughts at severity 3, as safe-messaging
// guidance recommends when distress is high.
var safetyCheck = []string{
	"{When things feel this heavy|When someone feels this {feel}|With everything you're carrying|When life piles up like this}, {thoughts of not wanting to be alive can creep in|some people start to have thoughts of suicide|it's common for thoughts of suicide to show up}. {Is that something you've been experiencing?|Has anything like that crossed your mind?|Have you had any thoughts like that?|Has that happened for you?|Are you having any thoughts like that?}",
	"I want to check something {gently|directly|with you}, because it matters: {have you had any thoughts of suicide|have you been thinking about ending your life|have things got so bad that you've thought about suicide|are you having thoughts of suicide}{ lately| at all|}?",
	"{Sometimes when people feel as {feel} as you do|When people are as {feel} as you are}, some {think about suicide|have thoughts of ending their life}; {has that been true for you|is that happening for you|is that something you've noticed in yourself|has any of that been going on for you}{ lately|}?",
}

// safetyAfter answers a "no" to the safety check and leaves a door open.
var safetyAfter = []string{
	"{Thank you for|I appreciate you} {telling me|being honest with me|answering that}{, and I'm glad to hear it|}. If those thoughts ever do show up, {please reach out straight away|you can contact a crisis line any time|don't wait to get help}.",
	"I'm glad you {answered|told me|were open with me}{, and I hear that it's more about feeling {feel}|, and that you're feeling stuck rather than unsafe|}. {If that ever changes|Should those thoughts come|If things ever get that dark}, {please don't wait to reach out|reach out right away|know there's help at any hour}.",
	"{Okay, thank you|That's really helpful to know|I'm relieved to hear that}. {Just so you have it, here's where to turn if it ever gets that dark.|In case you ever need it, help is there day and night.|For any night that gets harder, keep this somewhere handy.}",
}

var closers = []string{
	"I'm glad you {reached out|talked this through|shared this|told me about {topic}}{ tonight| today|}.",
	"{Take care of yourself|Be gentle with yourself|Go easy on yourself|Look after yourself} {tonight|this week|over the next few days|while you're dealing with {topic}}{, and come back any time you want to talk|, and check in whenever you like|}.",
	"I'm here {whenever|if} you want to {talk it through again|pick this up again|let me know how it goes|talk more about {topic}}.",
	"{That sounds like a good plan|That's a really good step|I think that's a wise choice|That sounds like a kind thing to do for yourself}{, and I hope it helps|; I hope it goes well|. Let me know how you get on|}.",
	"{Small steps count|Every small step counts|Going one step at a time is enough|Being patient with yourself matters}{, especially with {topic}| when you're feeling {feel}|}.",
	"{You've been really open today|It took something to talk about {topic}|You put a lot into this conversation}{, and I hope you feel a little lighter|. Thank you for trusting me with it|}.",
}
