// More false claims for the shared misinformation rule set: everyday myths
// about loneliness, grief, trauma, stress, relationships, substances and
// eating that a supportive reply must not assert. Written as claims (not
// as templates) so that rephrasings still match; a myth frame ("some
// people think…", "it's a myth that…") cancels them as in misinfo.go.
package safety

// misinfoAll is the whole rule set: misinfo.go's rules and these.
var misinfoAll = append(append([]MisinfoRule{}, misinfoRules...), misinfoRulesMore...)

var misinfoRulesMore = []MisinfoRule{
	{ID: "loneliness_harmless", Claim: "Loneliness has no effect on health, or only affects older people.", Correction: "Persistent loneliness is linked to poorer physical and mental health at every age.",
		pat: "[ being lonely | loneliness | lonely ] ~4 no|not ~1 effect|impact|affect ~3 health | loneliness ~2 only ~1 affects|happens|hits ~3 older|old|elderly | lonely ~3 because ~2 people ~2 do not like you", notIf: mythFrame + "|never"},
	{ID: "trauma_memory", Claim: "If you can't remember it clearly, it wasn't really traumatic; only soldiers get lasting trauma.", Correction: "Memory of trauma is often fragmented; lasting effects of trauma are common in civilians.",
		pat: "can not remember ~6 probably ~2 not|was not|wasn ~2 traumatic|trauma|real | only soldiers|veterans ~4 trauma|ptsd|lasting | not really traumatic", notIf: mythFrame},
	{ID: "good_life_no_depression", Claim: "People with a good life can't be depressed; depression is a lack of willpower.", Correction: "Depression can affect anyone, whatever their circumstances; it is an illness, not a failure of will.",
		pat: "good|great|nice ~1 life ~4 can not ~2 be ~1 depressed | depression ~3 lack of willpower | push yourself hard enough ~3 goes away | depression ~3 goes away if", notIf: mythFrame + "|not|never"},
	{ID: "sober_up_quick", Claim: "Coffee or a cold shower sobers you up.", Correction: "Only time clears alcohol from the body; coffee and cold showers do not lower blood alcohol.",
		pat: "coffee|shower|showers|water|food ~8 sober you up | sober ~1 you|yourself ~1 up ~1 quickly|fast", notIf: mythFrame + "|not|never|only time"},
	{ID: "stress_push_through", Claim: "The way to beat stress is to push through without breaks; stress means you are disorganised.", Correction: "Breaks and rest reduce stress and improve performance; stress comes from load, not a personal failing.",
		pat: "best|only ~1 way ~3 beat|handle|deal ~2 stress ~4 [ push through | not take breaks ] | stressed ~3 just ~1 means ~3 not ~1 organised|organized|disciplined|trying | being hard on yourself ~3 only way", notIf: mythFrame + "|never"},
	{ID: "breakup_rebound", Claim: "The best way to get over a break-up is to see someone new straight away.", Correction: "There is no rule; giving yourself time to grieve and leaning on support helps most people.",
		pat: "best|only ~1 way ~3 get over ~2 break up|breakup|ex ~4 seeing|see|date|dating ~2 someone|somebody ~1 new", notIf: mythFrame},
	{ID: "grief_rules", Claim: "Grief follows five fixed stages, avoiding talk of the dead helps, or grieving past six months is abnormal.", Correction: "Grief has no fixed order or timetable; talking about the person who died often helps.",
		pat: "grief ~3 always ~3 five stages|stages | should be at acceptance | talking about ~4 died ~4 keeps the pain | better not to mention them | still grieving ~4 something is wrong with you", notIf: mythFrame + "|not|never"},
	{ID: "jealousy_love", Claim: "Jealousy or checking a partner's phone is a sign of love.", Correction: "Controlling behaviour such as monitoring a phone is a warning sign, not proof of love.",
		pat: "jealousy ~3 proof|sign ~3 love|loves | checking your phone ~3 good sign | provoked you ~4 their fault ~4 whatever you do", notIf: mythFrame + "|not|never"},
	{ID: "family_tolerate", Claim: "You should put up with anything family does.", Correction: "Family ties do not oblige anyone to accept mistreatment; boundaries are healthy.",
		pat: "family comes first ~4 put up with | put up with anything ~2 family|they|parents", notIf: mythFrame + "|not|never"},
	{ID: "self_esteem_fishing", Claim: "People with low self-esteem are fishing for compliments.", Correction: "Low self-esteem is painful and common; it is not a bid for compliments.",
		pat: "low self esteem ~4 fishing|attention | fishing for compliments", notIf: mythFrame + "|not|never"},
	{ID: "work_disclosure_fired", Claim: "Telling your employer about stress or mental health will get you fired.", Correction: "Many employers must make reasonable adjustments; disclosure is a personal choice, not a firing offence.",
		pat: "telling|tell ~2 employer|boss|manager|work ~4 always|will ~2 get you fired | never mention it", notIf: mythFrame + "|not"},
	{ID: "purging_works", Claim: "Purging gets rid of calories and is an effective way to control weight.", Correction: "Purging removes only part of what was eaten and is medically dangerous.",
		pat: "[ purging | vomiting | throwing up | laxatives ] ~4 gets rid of ~2 calories | purging|vomiting|laxatives ~6 effective way to ~1 control|lose", notIf: mythFrame + "|not|never"},
}
