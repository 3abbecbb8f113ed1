// Crisis protocol building blocks and the crisis-line table.
//
// Crisis replies follow safe-messaging practice: ask directly about suicide,
// stay with the person, give resources for where they are, encourage
// someone nearby and distance from anything they could use to hurt
// themselves. Nothing here describes a method or presents suicide as a
// solution; tests enforce that.
package seed

// resource is one locale's crisis lines. The numbers are facts, each checked
// against the service's own page named in Sources.
type resource struct {
	Locale    string // BCP 47-ish region code: US, CA, GB, IE, AU, NZ
	Country   string // how the locale is said: "the US"
	Line      string // the service's name
	How       string // "call or text 988" (the number, without the name)
	Alt       string // another way in, for people who can't talk: "" if none
	Emergency string
	// Spelling: GP or doctor, counsellor or counselor.
	GP, Counsellor, Therapist string
	Sources                   []string
}

// resources is the locale table, in a stable order.
var resources = []resource{
	{"US", "the US", "the 988 Suicide & Crisis Lifeline", "call or text 988", "chat online at 988lifeline.org", "911",
		"doctor", "counselor", "therapist", []string{"https://988lifeline.org/"}},
	{"CA", "Canada", "the 9-8-8 Suicide Crisis Helpline", "call or text 9-8-8", "", "911",
		"doctor", "counselor", "therapist", []string{"https://988.ca/"}},
	{"GB", "the UK", "Samaritans", "call 116 123 for free", "text SHOUT to 85258", "999",
		"GP", "counsellor", "therapist", []string{"https://www.samaritans.org/how-we-can-help/contact-samaritan/", "https://giveusashout.org/"}},
	{"IE", "Ireland", "Samaritans", "call 116 123 for free", "text 50808 (free, any time)", "112 or 999",
		"GP", "counsellor", "therapist", []string{"https://www.samaritans.org/ireland/how-we-can-help/contact-samaritan/", "https://text50808.ie/"}},
	{"AU", "Australia", "Lifeline", "call 13 11 14", "text Lifeline on 0477 13 11 14", "000",
		"GP", "counsellor", "psychologist", []string{"https://www.lifeline.org.au/"}},
	{"NZ", "New Zealand", "the 1737 Need to Talk service", "call or text 1737", "", "111",
		"GP", "counsellor", "therapist", []string{"https://1737.org.nz/"}},
}

// unknownLocale is used when the conversation does not say where the user
// is: the reply names the main lines and the international directory.
var unknownLocale = resource{"", "", "", "", "", "your local emergency number",
	"doctor", "counsellor", "therapist", []string{"https://findahelpline.com/"}}

// unknownResources names the main lines when the locale is unknown, in
// several phrasings so no one sentence dominates the corpus.
var unknownResources = []string{
	"{If you're in|In} the US or Canada, you can call or text 988{, any time|}; {in the UK or Ireland, Samaritans are free on 116 123|Samaritans in the UK and Ireland are on 116 123}; {in Australia, Lifeline is on 13 11 14|Lifeline in Australia is 13 11 14}.",
	"{Wherever you are, there's a line you can contact tonight|There are free crisis lines you can contact right now}: 988 {by call or text |}in the US and Canada, Samaritans on 116 123 in the UK and Ireland, {or|and} Lifeline on 13 11 14 in Australia.",
	"{In the UK or Ireland|If you're in the UK or Ireland}, {you can call |}Samaritans {free |}on 116 123; in the US or Canada, {call or text 988|988 takes calls and texts}; in Australia, {call |}Lifeline on 13 11 14.",
}

var unknownDirectory = []string{
	"{Anywhere else|If you're somewhere else}, findahelpline.com lists free, confidential lines {by country|in many countries}.",
	"{For other countries|If none of those fit}, findahelpline.com {can show you the right line|lists lines by country}.",
	"",
}

var askLocale = []string{
	"If you tell me {where you are|which country you're in}, I can {find the right number for you|point you to the right line}.",
	"{Where are you|Which country are you in}{ right now|}, so I can {give you the right number|find the best line for you}?",
	"{Let me know where you are|Tell me your country} and I'll {find the right line|point you to the right number}.",
}

// resourceLine gives the crisis line for r in one sentence.
var resourceLine = []string{
	"{In {country}|Where you are}, you can {how} to reach {line}{, any time of day or night|, day or night|}.",
	"{Please|Right now, please} {how}; {line} {is there to listen|can help you through the next few hours|is open all day and night}.",
	"{line} {is available 24 hours a day|is open any time}: {how}.",
	"{One way to get support right now is to|You can} {how}, and someone {trained to help|at {line}} will {listen|talk with you|be there}.",
}

var resourceAlt = []string{
	"If speaking feels too hard, you can {alt}.",
	"You could also {alt}.",
}

var emergencyLine = []string{
	"If you're in immediate danger or you've already hurt yourself, {please call|call} {emergency} {now|right away|straight away}.",
	"If you feel you might act on these thoughts {soon|tonight|before we finish talking}, call {emergency} or go to your nearest emergency department.",
	"If you've hurt yourself or {can't keep yourself safe|feel you can't stay safe}, {please |}call {emergency} {now|straight away|immediately}.",
	"{Should things feel unsafe|If the danger feels immediate}, {emergency} is the number to call{, any time|}.",
}

var askSuicide = []string{
	"Are you thinking about suicide?",
	"I want to ask you directly, because it matters: are you thinking about ending your life?",
	"Can I ask you something directly? Are you thinking about killing yourself?",
	"Are you having thoughts of ending your life right now?",
	"I'm going to ask plainly, and you can answer honestly: are you thinking about suicide?",
	"When you say that, do you mean you're thinking about suicide?",
	"Have you been having thoughts of taking your own life?",
	"I need to ask, and it's okay to tell me the truth: are you thinking of killing yourself?",
	"Are you thinking about ending your life?",
	"People who feel this way are sometimes thinking about suicide, so I want to ask you directly: are you thinking about suicide?",
	"Are you having thoughts of suicide tonight?",
	"I'd like to ask you straight out: are you thinking about suicide?",
}

var stayWith = []string{
	"{I'm here with you|I'm right here|I'm with you} {right now|in this moment|tonight}{, and I'm not going anywhere|, and I'm listening|, for as long as you need|}.",
	"{I'm not going anywhere|I'm staying right here}; {we can keep talking for as long as you need|we can take this slowly|you can keep talking to me}.",
	"You don't have to {go through|face|sit with} this {moment|night|feeling} alone{, and I'm right here|; I'm here with you|}.",
	"{We can take this|Let's take this} {one minute|one step|one breath} at a time{, together|, and I'll be here|}.",
	"I'm {still here|right here}, and {I want to keep talking with you|I'm not leaving this conversation|I'm listening to every word}.",
}

var crisisReflect = []string{
	"It sounds like you're in a huge amount of pain right now{, and with {topic} on top, it's more than anyone could carry|}.",
	"It sounds like everything has piled up until it feels like there's no way out.",
	"I can hear how exhausted and hopeless you're feeling{ after {topic}|}.",
	"What you're carrying sounds unbearably heavy right now{, especially with {topic}|}.",
	"It sounds like you've been hurting for a long time{, with {topic} on top of it all|}.",
	"I'm really sorry you're in this much pain. {It sounds like|I can hear that} you've been holding on for a long time.",
	"That sounds like so much pain to be carrying on your own{, on top of {topic}|}.",
}

var thankTelling = []string{
	"{Thank you for|I really appreciate you} {telling me|being honest with me|trusting me with that|saying it out loud}{, and I know that wasn't easy|, and I'm taking it seriously|, which took courage|; it matters that you said it|}.",
	"I'm {really|so|} glad you {told me|said it|were honest with me}{, and I'm taking it seriously|; it matters|, because it's important|, and I know it took a lot|}.",
	"I hear you, {and I'm glad you told me|and thank you for saying it plainly|and I'm taking what you said seriously|and I'm glad you trusted me with it|and I'm grateful you said it|and it matters that you told me}{ tonight| just now|}.",
}

var safeNow = []string{
	"{Right now, |Before anything else, |First, |Can I check: |I want to check: |}{are you safe where you are|are you somewhere safe|is anyone with you|have you done anything to hurt yourself {tonight|today|already}|is there anyone nearby|are you safe}?",
}

var meansSafety = []string{
	"If there's anything nearby you could use to hurt yourself, could you {put it somewhere out of reach|move it to another room|ask someone to hold onto it} for now?",
	"It can help to put some distance between yourself and anything you might use to hurt yourself{, even just another room|, for tonight at least|}.",
	"Could you move anything you might hurt yourself with out of reach {for tonight|for now|while we talk}, or give it to someone you trust?",
	"Making your space safer, by moving anything you could hurt yourself with {away from you|out of reach|into another room}, can {get you through the worst of this|buy some time for the feeling to ease}.",
}

var someoneNear = []string{
	"Is there someone {nearby|you trust} who could {come and sit with you|be with you tonight|stay with you for a while}?",
	"Could you {call|message} {a friend|someone you trust|a family member} and ask them to {come over|be with you}?",
	"Is there anyone you could be with tonight, so you're not on your own?",
	"{Would it be possible|Could you} to go to someone's house or have someone come to you, just for tonight?",
}

var crisisHope = []string{
	"The way you feel right now is real, and it can change{, especially with support| with the right help|}.",
	"Feelings this intense do shift, even when it seems {impossible|hard to believe} from inside them.",
	"Many people who have felt this {low|hopeless|desperate} have found that the intensity passes{, and that things got better with help|}.",
	"You deserve support through this, and help is available {right now|tonight|any time}.",
	"Right now, the goal is just to get through the next {little while|hour|few hours} safely, and you don't have to do it alone.",
}

// crisisAddressHesitation answers common worries about contacting a line.
var crisisHesitate = []struct{ User, Reply string }{
	{"I don't want to call anyone, I can't talk on the phone right now.", "That's okay; lots of people find talking hard in a moment like this."},
	{"What's the point, they'll just read from a script.", "The people on these lines are trained to listen to you, not to read at you, and you can say as much or as little as you like."},
	{"I don't want to be a burden to anyone.", "Reaching out doesn't make you a burden. The people on these lines chose to be there for exactly this moment."},
	{"It's the middle of the night, nobody is going to answer.", "These lines are open through the night, so someone will be there."},
	{"I'm not sure anyone can help.", "It makes sense that it feels that way when you're this exhausted. You don't have to believe it will help to give it a try."},
	{"I'm scared of what they'll do if I tell them.", "It's okay to be nervous. You can ask them about confidentiality at the start, and their aim is to help you stay safe."},
	{"I've called before and it didn't help.", "I'm sorry it didn't help last time. Each conversation is different, and it's still worth reaching out again tonight."},
}

var crisisAgree = []string{
	"Okay. I'll text them.", "I can try calling.", "Okay, I'll try. Will you stay while I do?", "I'll call them. I'm scared though.",
}

// crisisCompany are answers where the user names someone nearby; the
// listener encourages them instead of asking who could be there.
var crisisCompany = []struct{ User, Reply string }{
	{"My sister is in the next room, I could wake her.", "Please do wake her. You don't have to explain everything; telling her you're having a really hard night and don't want to be alone is enough."},
	{"My flatmate is home, maybe I'll knock on her door.", "Knocking on her door sounds like a really good idea. You can just tell her you need company tonight."},
	{"My mum said I could always call her, even late.", "It sounds like she meant it. Calling her now, even just to hear her voice, could really help."},
	{"My friend lives round the corner.", "Could you message your friend now and ask them to come over, or go to theirs?"},
}

var crisisAgreeReply = []string{
	"That's a really brave step{, and I'm glad you're taking it|}.",
	"I'm really glad. That's an important step.",
	"Thank you. Reaching out like that takes real strength.",
}

// User crisis lines: the opening statement, answers to the direct question
// and method-seeking questions (which the listener declines). None contains
// method, means or lethality content.
var crisisOpeners = []string{
	"", "", "Hi.", "I don't know who else to talk to.", "It's late and I can't stop thinking.", "I need to tell someone something.", "Hey.",
}

var crisisOpen = []string{
	"I don't want to be here anymore.", "I've been thinking about ending it.", "I keep thinking everyone would be better off without me.",
	"I can't see a way out of this.", "I've been thinking about killing myself.", "I just want everything to stop, for good.",
	"I wrote goodbye messages last night and didn't send them.", "I don't think I can keep going.", "I've been thinking about suicide a lot this week.",
	"Honestly, I don't see the point of living anymore.", "Tonight feels like the night I give up.", "I don't want to wake up tomorrow.",
	"I've started thinking the world would be easier without me in it.", "I'm so tired of being alive.",
	"Part of me wants to disappear for good.", "I keep thinking about dying, and it doesn't scare me anymore.",
}

var crisisYes = []string{
	"Yes. I think about it most nights.", "Yeah. I think I am.", "I don't know. Maybe. I just want it to stop.", "Yes, and it scares me.",
	"I've thought about it a lot today.", "Yes. I've been thinking about it for weeks.", "I think so. I'm so tired of feeling like this.",
	"Yes. I don't know what else to do.", "Sometimes. Tonight more than usual.", "Yes. I'm scared of how much I mean it.",
	"I think about it every day now.",
}

var crisisSafeAnswer = []string{
	"I'm at home. I haven't done anything yet.", "I'm in my room.", "I'm safe for now, I think.",
	"I'm sitting on the back step.", "I haven't done anything. I just can't stop thinking about it.", "I'm at home tonight.",
}

// methodSeeking are user questions asking for means; the listener never
// answers them.
var methodSeeking = []string{
	"Which way would hurt the least?", "If I did it, what would be the surest way?", "Can you tell me how people do it without it hurting?",
	"What would be the quickest way?", "Just tell me what would work.", "How do people actually go through with it?",
}

var declineMethod = []string{
	"{I can't help with that|I won't share that|That's not something I'll help with|I'm not going to answer that|I won't go into that}, {because I care about you staying alive|because your life matters|because I want you to be safe|because I don't want you to be hurt|because I want you to get through tonight}.{ I'm still right here with you.| What I can do is stay with you and help you reach someone.| I do want to keep talking with you.| I want to understand what's brought you to this point.| I'm staying with you, though.| I'd like to keep talking instead.| Let's focus on getting you through the next hour.| I'm not leaving, and I want to help in a different way.| Can we talk about what's made tonight so hard?|}",
}
