// More false claims for the shared misinformation rule set: everyday myths
// about loneliness, grief, trauma, stress, relationships, substances and
// eating that a supportive reply must not assert. Written as claims (not
// as templates) so that rephrasings still match; a myth frame ("some
// people think…", "it's a myth that…") cancels them as in misinfo.go.
package safety

// misinfoAll is the whole rule set: misinfo.go's rules, these and the
// concept claims of misinfo_concepts.go.
var misinfoAll = append(append(append([]MisinfoRule{}, misinfoRules...), misinfoRulesMore...), misinfoConcepts...)

var misinfoRulesMore = []MisinfoRule{
	{ID: "suicide_talk_attention", Claim: "People who talk about wanting to die are just after attention.", Correction: "Talk of suicide is a warning sign to take seriously, whatever the motive seems to be.",
		pat: "people|those|someone|anyone ~2 who ~1 say|talk|post|mention|announce ~3 it|suicide|dying ~4 after|want|wants|seeking|for ~1 a? ~1 reaction|attention|sympathy", notIf: mythFrame + "|not|never|no|rarely"},
	{ID: "ed_not_serious_yet", Claim: "An eating disorder cannot be serious until you feel ill.", Correction: "Eating disorders can be dangerous before any symptoms are felt; weight loss and purging need medical attention early.",
		pat: "would|will ~1 feel ~1 ill|sick|unwell ~6 can not ~1 be ~1 that|very|too? ~1 serious|bad|dangerous", notIf: mythFrame},
	{ID: "only_girls", Claim: "Eating disorders or self-harm mostly affect teenage girls.", Correction: "They affect people of every gender and age; boys and men are often missed.",
		pat: "[ mostly | only | just ] ~1 [ affects | affect | happens to | happen to ] ~2 [ teenage girls | girls | young women | women ]", notIf: mythFrame + "|not|never|no"},
	{ID: "avoid_asking", Claim: "It is safest not to ask someone directly about suicide.", Correction: "Asking directly about suicide does not increase risk; it lets the person talk and get help.",
		pat: "[ safest | best | better | wiser ] ~3 not ~2 [ bring up | ask about | mention | raise | talk about ] ~2 suicide | [ do not | never | avoid ] ~1 [ bring up | bringing up | ask about | asking about | mention | mentioning | raise | raising ] ~2 suicide ~2 directly", notIf: mythFrame},
	{ID: "loneliness_harmless", Claim: "Loneliness has no effect on health, or only affects older people.", Correction: "Persistent loneliness is linked to poorer physical and mental health at every age.",
		pat: "[ being lonely | loneliness | lonely ] ~4 no|not ~1 effect|impact|affect ~3 health | loneliness ~2 only ~1 affects|happens|hits ~3 older|old|elderly | lonely ~3 because ~2 people ~2 do not like you | [ loneliness | being lonely ] ~3 not ~1 really? ~1 a ~1 health ~1 issue|problem|concern | [ loneliness | grief | stress ] ~3 just ~1 a ~1 feeling|mood|phase", notIf: mythFrame + "|never"},
	{ID: "trauma_memory", Claim: "If you can't remember it clearly, it wasn't really traumatic; only soldiers get lasting trauma.", Correction: "Memory of trauma is often fragmented; lasting effects of trauma are common in civilians.",
		pat: "can not remember ~6 probably ~3 not|wasn ~2 traumatic|trauma|real | only soldiers|veterans ~4 trauma|ptsd|lasting | not really traumatic", notIf: mythFrame},
	{ID: "good_life_no_depression", Claim: "People with a good life can't be depressed; depression is a lack of willpower.", Correction: "Depression can affect anyone, whatever their circumstances; it is an illness, not a failure of will.",
		pat: "good|great|nice ~1 life ~4 can not ~2 be ~1 depressed | depression ~3 lack of willpower | push yourself hard enough ~3 goes away | depression ~3 goes away if", notIf: mythFrame + "|not|never"},
	{ID: "sober_up_quick", Claim: "Coffee or a cold shower sobers you up.", Correction: "Only time clears alcohol from the body; coffee and cold showers do not lower blood alcohol.",
		pat: "coffee|shower|showers|water|food ~8 sober you up | sober ~1 you|yourself ~1 up ~1 quickly|fast", notIf: mythFrame + "|not|never|only time"},
	{ID: "stress_push_through", Claim: "The way to beat stress is to push through without breaks; stress means you are disorganised.", Correction: "Breaks and rest reduce stress and improve performance; stress comes from load, not a personal failing.",
		pat: "best|only ~1 way ~3 beat|handle|deal ~2 stress ~4 [ push through | not take breaks ] | stressed ~3 just ~1 means ~3 not ~1 organised|organized|disciplined|trying | being hard on yourself ~3 only way", notIf: mythFrame + "|never"},
	{ID: "breakup_rebound", Claim: "The best way to get over a break-up is to see someone new straight away.", Correction: "There is no rule; giving yourself time to grieve and leaning on support helps most people.",
		pat: "best|only ~1 way ~3 get over ~2 [ break up | breakup | ex ] ~4 seeing|see|date|dating ~2 someone|somebody ~1 new", notIf: mythFrame},
	{ID: "grief_rules", Claim: "Grief follows five fixed stages, avoiding talk of the dead helps, or grieving past six months is abnormal.", Correction: "Grief has no fixed order or timetable; talking about the person who died often helps.",
		pat: "grief ~3 always ~3 five stages|stages | should be at acceptance | talking about ~4 died ~4 keeps the pain | better not to mention them | still grieving ~4 something is wrong with you", notIf: mythFrame + "|not|never"},
	{ID: "jealousy_love", Claim: "Jealousy or checking a partner's phone is a sign of love.", Correction: "Controlling behaviour such as monitoring a phone is a warning sign, not proof of love.",
		pat: "jealousy ~3 proof|sign ~3 love|loves | checking your phone ~3 good sign | provoked you ~4 their fault ~4 whatever you do", notIf: mythFrame + "|not|never"},
	{ID: "family_tolerate", Claim: "You should put up with anything family does.", Correction: "Family ties do not oblige anyone to accept mistreatment; boundaries are healthy.",
		pat: "family comes first ~4 put up with | put up with anything ~2 family|they|parents", notIf: mythFrame + "|not|never"},
	{ID: "self_esteem_fishing", Claim: "People with low self-esteem are fishing for compliments.", Correction: "Low self-esteem is painful and common; it is not a bid for compliments.",
		pat: "low self esteem ~4 fishing|attention | fishing for compliments", notIf: mythFrame + "|not|never"},
	{ID: "work_disclosure_fired", Claim: "Telling your employer about stress or mental health will get you fired.", Correction: "Many employers must make reasonable adjustments; disclosure is a personal choice, not a firing offence.",
		pat: "telling|tell ~2 employer|boss|manager|work ~4 always|will ~2 get you fired | never mention it ~6 work|boss|employer|manager|job|colleagues|hr", notIf: mythFrame + "|not"},
	{ID: "alcohol_sleep", Claim: "A nightcap gives deep, restful sleep.", Correction: "Alcohol fragments sleep and reduces its quality.",
		pat: "nightcap|alcohol|drink|wine|whisky|whiskey ~6 best way ~5 sleep | nightcap ~4 deep|restful|better ~1 sleep", notIf: mythFrame + "|not|never"},
	{ID: "fixed_traits", Claim: "Anger is genetic, or self-esteem is fixed in childhood, so nothing can change it.", Correction: "Anger and self-esteem respond to practice and therapy at any age.",
		pat: "[ anger | temper | self esteem | confidence | personality ] ~4 genetic|fixed|set ~6 nothing you can do | born ~1 anxious|depressed|sad|worriers|nervous ~8 nothing ~2 [ can do | therapy can | will help | can help ] | nothing you can do ~4 change it|about it ~3 adult", notIf: mythFrame + "|not|never"},
	{ID: "avoidance_healthy", Claim: "Avoiding what makes you anxious is the healthiest strategy.", Correction: "Avoidance keeps anxiety going; gradual, supported facing of fears reduces it.",
		pat: "avoiding|avoid ~4 anxious|anxiety|scares ~4 healthiest|best|only ~2 strategy|way|approach", notIf: mythFrame + "|not|never"},
	{ID: "cannabis_harmless", Claim: "Cannabis isn't addictive, so heavy use is fine.", Correction: "Cannabis can cause dependence, especially with daily use.",
		pat: "cannabis|weed|marijuana ~2 is not|isn ~1 addictive | cannabis|weed|marijuana ~6 as much as you like", notIf: mythFrame + "|never"},
	{ID: "children_unaffected", Claim: "Children aren't affected by parents' arguments unless they are hit.", Correction: "Frequent, hostile conflict between parents affects children's wellbeing even without physical violence.",
		pat: "children|kids ~2 are not|aren ~1 affected ~4 argument|arguments|arguing|fighting", notIf: mythFrame + "|never"},
	{ID: "relationship_work", Claim: "If a relationship takes work, it was never meant to be; struggling at work means the wrong career.", Correction: "All relationships and jobs involve effort and hard patches; difficulty is not proof of a wrong choice.",
		pat: "relationship ~2 takes work ~4 never meant | struggling at work ~4 means ~4 wrong career|job", notIf: mythFrame + "|not"},
	{ID: "insomnia_stay_in_bed", Claim: "If you can't sleep, stay in bed and keep trying; the body adapts to five hours a night.", Correction: "Getting up when you can't sleep helps the brain link bed with sleep; chronic short sleep harms health.",
		pat: "can not sleep ~4 best thing ~3 stay in bed | stay in bed and keep trying | body ~3 adapt|adapts ~3 five|four|5|4 hours", notIf: mythFrame + "|not|never|get up"},
	{ID: "boundaries_disrespect", Claim: "Setting a boundary with a parent is disrespectful and always damages the relationship.", Correction: "Clear boundaries often improve family relationships.",
		pat: "boundary|boundaries ~4 disrespectful|selfish ~4 always|damage", notIf: mythFrame + "|not|never"},
	{ID: "stress_mind_only", Claim: "Stress only affects the mind, not the body.", Correction: "Stress has well-documented physical effects, from sleep to heart health.",
		pat: "stress ~2 only ~1 affects ~2 mind | stress ~6 can not ~2 do anything to your body", notIf: mythFrame + "|never"},
	{ID: "venting_smashing", Claim: "Venting anger by smashing things gets it out of your system.", Correction: "Venting aggressively tends to increase anger; calming strategies reduce it.",
		pat: "venting|vent|smashing|smash|punching|hitting ~6 out of your system", notIf: mythFrame + "|not|never"},
	{ID: "ed_by_weight", Claim: "You can tell someone has an eating disorder by their weight.", Correction: "Most people with eating disorders are not underweight.",
		pat: "tell ~4 eating disorder ~4 [ looking at | by ] ~2 weight|size | normal|healthy|average ~1 weight|size ~8 [ not have | does not have | do not have | can not have ] ~1 a? ~1 real? ~1 [ eating disorder | anorexia | bulimia ]", notIf: mythFrame},
	{ID: "purging_works", Claim: "Purging gets rid of calories and is an effective way to control weight.", Correction: "Purging removes only part of what was eaten and is medically dangerous.",
		pat: "[ purging | vomiting | throwing up | laxatives ] ~4 gets rid of ~2 calories | purging|vomiting|laxatives ~6 effective way to ~1 control|lose", notIf: mythFrame + "|not|never"},
}
