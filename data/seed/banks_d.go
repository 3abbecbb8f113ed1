// Hand-written building blocks for eating and body image, anger, and
// crisis/self-harm. Self-harm is described only in general terms: no
// methods, means or injuries appear anywhere in this package. Myths,
// Diagnoses and Prescribes are deliberately bad advice and appear only in
// rejected replies.
package seed

import "github.com/tend-project/tend/conv"

var eatingBank = &bank{
	Concern: conv.ConcernEatingBody, Name: "eating and body image",
	Situations: []situation{
		{"I've been skipping lunch and most dinners because I feel disgusting after eating anything.", "skipping meals because of how eating makes you feel", []string{"ashamed", "anxious"}},
		{"I weigh myself five times a day and the number decides what kind of day I'll have.", "the number on the scales running your day", []string{"anxious", "ashamed"}},
		{"I binge late at night when everyone's asleep, then feel so guilty I can't look at myself.", "the late-night binges and the guilt after", []string{"ashamed", "guilty"}},
		{"A relative commented on my weight at a wedding, and since then I've been counting every calorie.", "the comment at the wedding", []string{"hurt", "anxious"}},
		{"I avoid the beach, the gym and swimming with my kids because I hate how I look in anything tight.", "missing out because of how you feel about your body", []string{"ashamed", "sad"}},
		{"I exercise two hours a day, and if I miss a session I panic and eat nothing the next day.", "the rules around exercise and food", []string{"anxious", "scared"}},
		{"I've lost a lot of weight and people keep complimenting me, but I feel worse than ever.", "the compliments that don't match how you feel", []string{"confused", "scared"}},
		{"I can't eat in front of anyone, so I've started making excuses to miss team lunches.", "avoiding eating in front of others", []string{"embarrassed", "lonely"}},
		{"After having my baby, I can't stand my body and I compare it to old photos every day.", "your body after the baby", []string{"sad", "ashamed"}},
		{"I've been making myself sick after meals a few times a week, and I don't know how to stop.", "making yourself sick after meals", []string{"ashamed", "scared"}},
		{"Every app and advert tells me how to shrink, and I've started to believe I need to.", "the constant messages about shrinking", []string{"insecure", "frustrated"}},
	},
	Others: []other{
		{"My fourteen-year-old daughter has started hiding food in her room and wearing baggy clothes in the heat.", "the changes you've noticed in your daughter", "your daughter", "she"},
		{"My boyfriend trains twice a day and gets really upset if he has to eat something not on his plan.", "your boyfriend's rigid rules", "your boyfriend", "he"},
		{"My flatmate goes to the bathroom straight after every meal and I think I know why.", "your worry about your flatmate after meals", "your flatmate", "she"},
	},
	Questions: []string{
		"What goes through your mind before and after you eat?",
		"How long have food and your body felt this hard?",
		"When do you feel most at ease in your body, if ever?",
		"What does {topic} take away from your life right now?",
		"Is there anyone you've been able to be honest with about {topic}?",
	},
	Ideas: []idea{
		{"aim for regular meals and snacks spread through the day, even if they're small", "Going long stretches without food often fuels the cycle of restricting and bingeing."},
		{"put the scales away somewhere out of reach for a while", "Taking away the daily number can loosen its hold over your mood."},
		{"unfollow accounts that leave you feeling worse about your body", "What you see every day quietly shapes what feels normal."},
		{"write down what your body lets you do, like hugging someone or walking somewhere you love", "Focusing on what your body does, rather than how it looks, can soften self-criticism."},
		{"plan something soothing for after meals, like a call, a show or a short walk with someone", "After-meal distress often passes more easily with company or distraction."},
		{"notice the critical voice about food and name it as the eating problem talking, not you", "Separating that voice from yourself can make it easier to question."},
		{"tell one person you trust what's been happening", "Eating difficulties thrive in secrecy, and being honest with someone is a brave first step."},
	},
	Helps: []string{"get specialist support, since eating difficulties respond best to early help", "check your physical health, which is important with eating difficulties", "work through the thoughts about food and your body with someone trained in this"},
	Details: []string{
		"I know it's not healthy, but it feels like the only thing I can control.",
		"Nobody knows, I'm good at hiding it.",
		"It started with wanting to get fit and then got out of hand.",
		"Some days I feel dizzy when I stand up.",
		"I feel like I don't look ill enough to ask for help.",
	},
	Info: []infoQA{
		{"Can you have an eating disorder at a normal weight?", "Yes. Eating disorders affect people of every size, gender and background, and many people with serious eating difficulties are at a weight that looks average. Weight alone isn't a reliable guide to how unwell someone is, which is why it's important to seek help based on thoughts and behaviours, not just the scales."},
		{"How can I support someone I think has an eating problem?", "Choose a calm, private moment, focus on what you've noticed and how you feel rather than on food or weight, and avoid commenting on their appearance. They may deny it or get upset, which is common. Gently encourage them to see a doctor, and look after yourself too; eating disorder charities offer support for families and friends."},
	},
	Myths:      []string{"Eating disorders only affect teenage girls.", "You can tell if someone has an eating disorder just by looking at their weight.", "Purging after a meal gets rid of all the calories, so it's an effective way to control weight."},
	Diagnoses:  []string{"anorexia nervosa", "bulimia nervosa"},
	Prescribes: []string{"Take a multivitamin and some appetite suppressants so you don't feel the urge to binge.", "You could try laxatives after big meals so you don't worry about it."},
	Escalates:  true,
}

var angerBank = &bank{
	Concern: conv.ConcernAnger, Name: "anger",
	Situations: []situation{
		{"I shouted at my kids over spilt juice this morning and saw them flinch.", "shouting at your kids this morning", []string{"guilty", "ashamed"}},
		{"Someone cut me up on the motorway and I followed them for two junctions before I came to my senses.", "what happened on the motorway", []string{"angry", "scared"}},
		{"I punched a wall at work after a meeting and now there's a dent everyone's asking about.", "punching the wall at work", []string{"angry", "embarrassed"}},
		{"I go from calm to furious in seconds, and afterwards I barely remember what I said.", "how quickly the anger takes over", []string{"angry", "confused"}},
		{"My partner says she's scared of my temper, and that stopped me in my tracks.", "your partner being scared of your temper", []string{"ashamed", "scared"}},
		{"Little things like slow walkers or loud chewing make me want to scream.", "the irritation at small things", []string{"frustrated", "angry"}},
		{"I sent a furious email to my whole team last night and I regret every word.", "the email you sent last night", []string{"ashamed", "angry"}},
		{"I've been angry ever since my brother got the house and I got nothing.", "the anger about the house", []string{"resentful", "hurt"}},
		{"I bottle everything up for weeks and then explode over something tiny.", "bottling up and then exploding", []string{"frustrated", "guilty"}},
		{"Online arguments wind me up so much that I'm still shaking an hour later.", "the online arguments", []string{"angry", "restless"}},
		{"My manager humiliated me in front of the whole office and I fantasise about telling him exactly what I think.", "being humiliated in front of the office", []string{"angry", "hurt"}},
	},
	Others: []other{
		{"My teenage son puts his fist through doors when he loses at games.", "your son's outbursts", "your son", "he"},
		{"My husband's temper has got worse since he lost his job, and the kids hide when he gets home.", "your husband's temper at home", "your husband", "he"},
		{"My friend gets into fights on nights out and thinks it's funny.", "your friend's fights on nights out", "your friend", "he"},
	},
	Questions: []string{
		"What do you notice in your body just before the anger takes over?",
		"What's usually underneath the anger, hurt, stress, feeling disrespected?",
		"What's usually going on for you in the hours before the anger flares?",
		"How do you feel about yourself afterwards?",
		"What would you like to do differently next time?",
	},
	Ideas: []idea{
		{"learn your early warning signs, like a hot face, clenched jaw or fast heartbeat, and act on them early", "It's much easier to step back at a four out of ten than at a nine."},
		{"take a time-out: say you need a few minutes, leave the room, and come back when you've cooled down", "Stepping away stops the argument escalating while your body settles."},
		{"breathe slowly, counting to four in and six out, until your heart rate drops", "A slower out-breath helps the body come down from fight mode."},
		{"burn off the energy with a brisk walk or run, rather than hitting things", "Hitting things tends to keep anger going, while steady movement lets it ease."},
		{"write down what made you angry and what you were needing in that moment", "Naming the need, like respect or rest, points to a better way of asking for it."},
		{"repair afterwards with a simple apology that doesn't include 'but'", "Repair rebuilds trust and shows the people around you that they matter."},
		{"notice how much sleep, alcohol and stress are feeding the anger", "Anger often runs hotter when the basics are low."},
	},
	Helps: []string{"understand your triggers and learn anger management skills", "work on what's underneath the anger", "keep everyone at home safe while you get a handle on it"},
	Details: []string{
		"My dad was the same and I swore I'd never be like him.",
		"I'm scared that one day I'll do something I can't take back.",
		"It's worse when I've had a drink.",
		"People at work think I'm fine, it's only at home.",
		"I don't know how to calm down once it starts.",
	},
	Info: []infoQA{
		{"Does venting anger by hitting a pillow help?", "The idea that letting anger out by hitting or shouting 'releases' it isn't well supported; research suggests it tends to keep people angrier. Calming strategies, like slow breathing, time-outs and physical activity that isn't aggressive, are more helpful, along with addressing whatever is underneath the anger."},
		{"Is anger a mental health problem?", "Anger is a normal emotion, and it can be useful when something is unfair. It becomes a problem when it's frequent, intense, hurts relationships or leads to aggression. Anger management courses and talking therapies can help, and a GP or doctor can point to local options."},
	},
	Myths:      []string{"Venting your anger by smashing things gets it out of your system for good.", "Anger is genetic, so there's nothing you can do to change it.", "If they provoked you, it's their fault, not yours, whatever you do."},
	Diagnoses:  []string{"intermittent explosive disorder", "bipolar disorder"},
	Prescribes: []string{"Ask for some diazepam and take 5 mg before anything that winds you up.", "Have a stiff drink when you feel it building; it'll calm you right down."},
	Escalates:  false,
}

// crisisBank's situations are for severities 2 and 3 (self-harm and
// urges, without suicidal intent); severity 4 uses the crisis protocol in
// crisis.go.
var crisisBank = &bank{
	Concern: conv.ConcernCrisis, Name: "self-harm",
	Situations: []situation{
		{"I've been hurting myself again when things get too much, after almost a year of not doing it.", "the self-harm coming back after a year", []string{"ashamed", "scared"}},
		{"I get strong urges to hurt myself when I'm overwhelmed, and tonight they're louder than usual.", "the urges to hurt yourself", []string{"overwhelmed", "scared"}},
		{"I hurt myself last night and I'm hiding it from everyone with long sleeves.", "hurting yourself and hiding it", []string{"ashamed", "lonely"}},
		{"Hurting myself is the only thing that makes the numbness stop, and I hate that.", "using self-harm to break through the numbness", []string{"numb", "ashamed"}},
		{"My mum saw the marks on my arm and cried, and now I feel even worse.", "your mum seeing the marks", []string{"guilty", "ashamed"}},
		{"I've been clean from self-harm for three months, but I keep thinking about it since the break-up.", "the pull back towards self-harm", []string{"scared", "sad"}},
		{"I hurt myself when I feel angry at myself, like I'm punishing myself.", "hurting yourself as punishment", []string{"ashamed", "angry"}},
		{"Sometimes I think about not waking up, though I'd never do anything.", "the thoughts of not waking up", []string{"hopeless", "numb"}},
		{"I keep scrolling through posts about self-harm and it makes the urges worse.", "the posts that feed the urges", []string{"restless", "ashamed"}},
		{"I told my counsellor at school I'd stopped self-harming, but that wasn't true.", "not being able to tell your school counsellor", []string{"guilty", "scared"}},
	},
	Others: []other{
		{"My best friend showed me marks on her arms and made me promise not to tell anyone.", "your friend's self-harm and the promise", "your friend", "she"},
		{"My son's girlfriend told me she's worried he's been hurting himself.", "the worry about your son", "your son", "he"},
		{"My colleague said something like 'it won't matter soon anyway' and laughed, and I can't stop thinking about it.", "what your colleague said", "your colleague", "they"},
	},
	Questions: []string{
		"What tends to happen right before the urges get strong?",
		"When the urges come, what has helped you hold on, even once?",
		"Who, if anyone, knows what's been happening?",
		"How are you feeling right now, as we're talking?",
		"What do you need most right now?",
	},
	Ideas: []idea{
		{"delay the urge: set a timer for fifteen minutes and do something else until it goes off", "Urges often ease with time, and each delay is a real win."},
		{"hold an ice cube or splash cold water on your face when the urge peaks", "A strong, safe sensation can take the edge off without hurting you."},
		{"write a safety plan: your warning signs, what helps, who you can call and crisis numbers", "When you're overwhelmed it's hard to think, so a plan made in a calmer moment does the thinking for you."},
		{"put anything you might use to hurt yourself out of easy reach, or ask someone to hold onto it for now", "Putting distance between you and the urge gives the feeling time to pass."},
		{"text or call someone you trust and tell them you're having a hard night", "You don't have to explain everything; just not being alone with it helps."},
		{"go somewhere with other people around, like a café or a relative's house", "Urges are often harder to act on in company."},
		{"try intense movement, like fast walking or star jumps, until your breathing changes", "It can release some of the pressure in your body safely."},
	},
	Helps: []string{"understand what the self-harm does for you and find safer ways through", "make a safety plan together", "work through the feelings that build up before the urges"},
	Details: []string{
		"It's mostly at night, when everyone's asleep.",
		"I don't want to die, I just want the feeling to stop.",
		"I'm scared that if I tell my doctor they'll overreact.",
		"I feel ashamed even typing this.",
		"It's been building up for a couple of weeks.",
	},
	Info: []infoQA{
		{"Does asking someone if they're suicidal put the idea in their head?", "No. Research shows that asking someone directly whether they're thinking about suicide does not increase their risk, and it often brings relief because it shows you're willing to listen. Ask clearly and calmly, listen without judgement, and help them connect with a crisis line or professional support."},
		{"What happens when you call a crisis line?", "A trained person answers and listens. You can share as much or as little as you want, and they'll help you get through the moment and think about next steps. Calls are free in many countries and lines are generally confidential; many also offer text or online chat if speaking feels too hard."},
		{"How can I help a friend who self-harms?", "Stay calm and listen without judgement or ultimatums; self-harm is usually a way of coping with overwhelming feelings. Let them know you care, encourage them to talk to a doctor or counsellor, and offer to help them do that. If they're badly hurt or you think they're in danger, call emergency services. Look after yourself too, and talk to someone you trust."},
	},
	Myths:      []string{"Self-harm is just attention-seeking, so it's best to ignore it.", "Asking someone directly about suicide puts the idea in their head.", "People who talk about wanting to die never actually act on it."},
	Diagnoses:  []string{"borderline personality disorder", "bipolar disorder"},
	Prescribes: []string{"Ask your doctor for fluoxetine, 20 mg a day; that's the standard fix for self-harm urges.", "Start on sertraline, 50 mg every morning, and the urges will stop."},
	Escalates:  true,
}
