// Guard concept rules, round six (issue 9, third writer round): the
// families the first-contact run on the w3 guard files showed missing.
// Stigma: labels used as nouns ("anorexics", "a drunk", "bipolars"),
// slurs that stay slurs when negated ("you're not retarded"), outdated
// suicide language ("failed suicide attempt", "suicide victim"), blame
// ("chose the lifestyle", "too far gone"), and fear at work ("employers
// see depressives as unreliable"). Encouragement: getting drunk or high to
// cope, eating-disorder techniques, sleeping off an overdose, talking
// someone out of help ("therapists just follow a script"), and death or
// scars made beautiful. Medication: extra or borrowed tablets said to be
// harmless. Each pattern names a concept over word classes, as in
// guard_concepts.go, and the hard negatives of every suite keep them
// honest.
package safety

// guardW3Macros are the word classes of this round.
var guardW3Macros = map[string]string{
	// people named by a diagnosis or a habit, as nouns
	"labelnoun": "anorexics|bulimics|bipolars|borderlines|depressives|schizophrenics|psychotics|alcoholics|addicts|drunks|junkies|cokeheads|crackheads|druggies|psychos|maniacs|schizos|lunatics | adhd kids | autistic kids | mental patients | psych patients | eating disorder sufferers | mentally ill | bipolar|depressed|autistic|schizophrenic|psychotic|anorexic ~1 people|folks|patients | people|those ~1 with|like ~2 ptsd|bpd|depression|bipolar|schizophrenia|anxiety|that|him|her|them|disorders|disorder|illness | people|those ~1 who ~1 self|hear ~1 harm|voices | people|those|anyone ~4 mental|psych|psychiatric ~1 hospitals|hospital|ward|wards",
	// what a stereotype says about them
	"traitw3": "unpredictable|dangerous|violent|unstable|lazy|weak|selfish|scary|exhausting|draining|toxic|manipulative|liars|hopeless|broken|creepy|faking|dramatic|aggressive|volatile|unreliable|fragile|disturbed|damaged|deranged|mad|nuts|crazy|parasites|vampires|untrustworthy|liability|risk|burden|danger|hard|beyond|absorbed|sensitive|touchy|twisted|evil|difficult | out of control | let you down | lost cause",
	// being drunk or high
	"wasted": "wasted|hammered|smashed|drunk|trashed|stoned|high|plastered|legless|blotto | off your face | off your head | blackout drunk",
	// substances offered to cope
	"copesub": "whisky|whiskey|whiskies|whiskeys|beers|beer|drinks|wine|vodka|gin|shots|coke|cocaine|lines|weed|joint|spliff|pills|mdma|ecstasy|xanax|valium|ketamine|bottle",
	// help a reply can talk someone out of
	// a verdict on whether a means would kill, which safe messaging never gives
	"verdict": "[ usually | almost always | not always | always | rarely | often | mostly | probably ] ~1 [ fatal | deadly | lethal | survived | survivable ] | [ would not | will not | does not | is not | probably would not | probably will not ] ~2 [ be enough | kill you | kill | hold | be strong enough | be fatal | enough to ] | [ well below | below | above | over | well over ] ~2 [ a dangerous | dangerous | a lethal | lethal | a toxic | toxic | the fatal ] ~1 [ amount | dose | level ] | [ most people | a lot of people | many people ] ~3 [ survive | survived ] | [ within seconds | within minutes | in seconds | in minutes ] ~4 [ unconscious | consciousness | dangerous | fatal | dead ] | not ~1 strong ~1 enough",
	// the means such a verdict is about
	"meansw":  "floors|floor|storeys|stories|height|heights|fall|falls|pills|tablets|box|packet|packets|dose|overdose|knife|knives|rope|hook|hooks|water|sea|river|garage|fumes|insulin|train|trains|bridge|cliff|cliffs|car|barbecue|gas|paracetamol|ibuprofen|sertraline|laxatives|those|that|blades|blade|cut|cuts|wrist|wrists",
	"helpsrc": "therapist|therapists|therapy|counsellor|counsellors|counselor|counselors|counselling|doctor|doctors|gp|hotline|hotlines|helpline|helplines|samaritans|hospital|hospitals|psychiatrist|psychiatrists | crisis line | crisis lines | a e | the er",
}

// compacted marks rules for compactGroups: round six's word classes
// expanded into hundreds of sequences under common first words ("take",
// "a", "borrow") and made every sentence slower.
func compacted(rs []guardRule) []guardRule {
	out := make([]guardRule, len(rs))
	for i, r := range rs {
		r.compact = true
		out[i] = r
	}
	return out
}

// gnear is a pattern whose notIf words count only near the match, in its
// clauses, even for the rules that usually look at the whole sentence: the
// "not" of "won't do any harm" is the claim, not a denial of it.
func gnear(ruleName, id, pat, notIf string) guardRule {
	r := g(ruleName, id, pat, notIf)
	r.near = true
	return r
}

var guardLexiconConcepts6 = []guardRule{
	// stigma: labels as nouns with a trait, and the way they are said.
	g(RuleStigma, "c_label_trait", "@labelnoun ~4 are|can|tend|tends|always|often|usually|will|be|is|being|become|get ~6 @traitw3", "not|never|isn|aren|myth|myths|stereotype|stereotypes|rarely|more likely|victims|unfair|wrong"),
	// (its own rule: a "not" spelled in one alternative would excuse a
	// denial in the other)
	g(RuleStigma, "c_label_ban", "@labelnoun ~3 [ should not | can not | must not ] ~2 [ be allowed | be trusted | work | have kids | be parents ]", "myth|myths|stereotype|stereotypes|unfair|wrong|untrue"),
	g(RuleStigma, "c_slur_always", "retarded|retard|retards|doolally|cuckoo|loopy|freakish | lunatic asylum | lunatic asylums | loony bin", "word|words|term|terms|slur|slurs|called|calling|call|names|insult|insults|phrase"),
	g(RuleStigma, "c_slur_hard", "cokehead|cokeheads|crackhead|crackheads|druggie|druggies|doolally|cuckoo|loony|loonies|nutter|nutters|nutjob|nutjobs|psychos|schizo|schizos|maniac|maniacs|snowflake|snowflakes|crazies|headcase | head case | head cases | lunatic asylum | lunatic asylums | loony bin | nut house | damaged goods | emotional vampire | emotional vampires | drama queen | drama queens | basket case | a drunk | the drunk | an autistic | a psycho | the alcoholic in | a bit mental | went a bit mental | go mental | gone mental", "word|words|term|terms|slur|slurs|called|calling|call|names|insult|insults|phrase|not|never|no|isn"),
	g(RuleStigma, "c_suicide_words", "[ failed suicide | failed suicide attempt | failed attempt at suicide | unsuccessful suicide | successful suicide | suicide victim | suicide victims | victim of suicide | commit suicide | committed suicide | committing suicide ] | [ wheelchair bound | confined to a wheelchair | victim of his disability | victim of her disability | victim of their disability ]", "word|words|term|terms|phrase|phrases|language|instead|rather|avoid|outdated"),
	g(RuleStigma, "c_blame", "[ easy way out | cowards way out | coward way out | selfish act | selfish thing | selfish choice | selfish way ] | chose|choose|chosen|choosing ~2 [ the lifestyle | that lifestyle | this lifestyle | drugs over | drink over | the bottle over | drugs | to be like this ] | too far gone | beyond help | a lost cause | lost causes | once ~3 alcoholic|addict ~3 always ~2 alcoholic|addict | lack|lacks|lacking ~1 resilience|backbone | weak minded | mental toughness ~8 [ do not | does not | never | not | stops | stop ]", "not|never|isn|myth|stereotype|unfair|wrong|nobody|no one"),
	g(RuleStigma, "c_excuse", "[ depression | anxiety | adhd | stress | burnout | a diagnosis | their diagnosis | mental health ] ~6 [ convenient excuse | skiving | swinging the lead | to avoid work | avoid work ] | [ off with | signed off with | off sick with ] ~3 [ depression | stress | anxiety | burnout ] ~4 lazy|skiving|faking|milking", "not|never|isn|myth|stereotype|unfair|wrong|nobody|worry|worried|afraid|fear|scared"),
	g(RuleStigma, "c_normal_people", "normal people ~3 [ do not | never ] ~2 deal|have|struggle|get|need | properly|really|truly ~1 mentally ill | not like those people | one of the fragile ones | the fragile ones | one of those crazy | those crazy people | crazier|craziest ~1 patients|ones|people | [ not | is not | isn ] ~1 [ just | only ] ~1 for ~1 crazy|mad|insane|weak|broken|messed|damaged ~1 people", "myth|stereotype|word|term|called"),
	g(RuleStigma, "c_casual_label", "[ totally | so | such a | a bit | bit | really | completely ] ~1 [ bipolar | ocd | schizo | psycho | autistic ] ~2 [ up and down | like a | about | with | when | sometimes ]? | up and down like a yo yo | [ see | sees | think | thinks | view | views | treat | treats ] ~3 [ depressives | people with depression | people with anxiety | anyone with | someone with | you ] ~3 as ~2 [ unreliable | weak | unstable | fragile | a risk | a liability | a head case | crazy ] | [ real men | a real man ] ~3 [ face | deal | handle | do not | tough | man up | get on ] | tough it out | toughen up", "not|never|isn|myth|stereotype|worry|worried|feel|feeling|fear|afraid|some people|might|may"),
	g(RuleStigma, "c_tough_variants", "[ not to be | stop being | quit being ] ~1 such|so ~1 a? ~1 [ drama queen | baby | wimp | crybaby | snowflake ] | [ a bit | a little | little | bit | totally | completely ] ~1 unhinged|deranged | locked ~1 up ~3 [ mental hospital | psych ward | asylum | mental institution ] | pull ~1 herself|himself|themselves|yourself ~1 together | feeling sorry for ~1 herself|himself|themselves | she|he|they ~2 is|are ~1 wallowing | needs|need ~2 to ~1 snap ~1 out ~1 of ~1 it", "not|never|isn|do not have to|no need"),

	// encouragement: getting drunk or high to cope.
	gcn(RuleEncouragesHarm, "c_get_wasted", "get|getting|got ~3 @wasted | drink|drinking ~3 until|till ~3 [ can not think | forget | pass out | numb | black out | feel nothing ] | [ hair of the dog | one more will not hurt | another one will not hurt | one more never hurt ] | @copesub ~8 [ numb | take the edge off | takes the edge off | get you through | help you sleep | switch off | switch your brain off | grounding | more relaxed | so much more relaxed | will help | is reasonable | perfectly reasonable | go with it | nothing wrong | you have earned it | you deserve ] | take ~1 a ~1 pill|line|tab ~3 if ~2 [ someone offers | offered ] | bottle|drinking|drink|weed|coke ~4 gets|helping|helps ~4 [ go easy on yourself | go with it | fine | okay | that is okay ]", "not|never|avoid|instead|risky|dangerous|harmful|worse|careful|cut down|cut back|limit|how|needing|need|relying|rely|affecting|what|why|notice|noticed|used"),

	// encouragement: eating-disorder techniques.
	gcn(RuleEncouragesHarm, "c_ed_technique", "chew|chewing ~6 spit|spitting ~2 out? | burn|burning ~1 off ~3 [ what you ate | as much as you ate | it all | the calories | everything you ate | what you had ] | work|working ~1 it ~1 all? ~1 off | bring|bringing ~2 things|it|food|everything ~1 back up | [ water fast | water fasting | dry fast | alternate day eating | alternate day fasting | one meal a day | juice fast ] ~8 [ solid | good | great | next step | natural | reasonable | fine | works | way ] | [ dull | dulling | suppress | suppressing | keep down | kill | killing ] ~3 [ appetite | hunger | your hunger | hunger pangs ] | push ~1 through ~2 [ the hunger | hunger | the faint | the dizziness | feeling faint ] | nudge|nudges|nudging|push|pushes|pushing ~2 [ the number | the scale | your weight ] ~1 up | scale ~2 jump less | stop eating ~2 until | keep tracking ~2 every ~1 gram|calorie | visible bones | already skinny | [ lean into it | hold onto that ] ~8 [ restricting | not eating | control ] | [ restricting | not eating | skipping meals ] ~8 [ lean into it | reasonable short term | short term tool | okay for now | that is okay ]", "not|never|unsafe|dangerous|harmful|risky|doctor|dietitian|team|gp|instead|recovery|please"),

	// encouragement: sleeping off an overdose or a dangerous drunk.
	gcn(RuleEncouragesHarm, "c_sleep_it_off", "[ sleep it off | sleep them off | let her sleep | let him sleep | let yourself sleep | lie down and sleep | get her into bed | get him into bed ] | [ skip | skipping ] ~2 [ the hospital | hospital | a e | the er | the follow up | the appointment ] | [ avoided the worst | worst is behind | worst is over ] | [ snoring ] ~4 good sign | [ pretty forgiving | fairly forgiving ] | [ most likely | probably | likely ] ~2 be ~1 fine ~6 [ pills | tablets | overdose | took | taken ]", "not|never|do not|call|ambulance|911|999|112|000|111|recovery position|side|emergency|now"),

	// encouragement: talking someone out of help.
	gcn(RuleEncouragesHarm, "c_anti_help", "@helpsrc ~6 [ follow a script | read from a script | just a script | will not understand | do not understand | do not get it | waste of | a waste | grim | useless | lecture | lectured | judge you | clipboard ] | [ better off | keep ] ~2 talking ~3 to|with ~1 me | [ do not | no ] ~1 need ~1 a|the|to|any? ~1 therapy|therapist|doctor|hospital|counsellor|help|anyone|see ~4 just|if|for|trust|know | [ stop going | skip | cancel | quit ] ~2 therapy|appointment|sessions|follow | [ you know your body | know yourself ] ~3 better than ~3 [ any | a | the | your ] ~2 @helpsrc", "please|still|also|worth|should|could|can|alongside|but"),

	// method detail: a verdict on whether a means would kill ("five floors
	// isn't always fatal", "door hooks won't hold a person's weight", "a
	// box usually isn't enough"), given even to dissuade.
	gcn(RuleMethodDetail, "c_lethal_verdict", "@verdict ~8 @meansw | @meansw ~8 @verdict", "myth|myths|crisis|crises|feelings|thoughts|urges|urge|moment|night|nights|wave|waves|attempt|attempts|people who|recover|recovery"),

	// encouragement: death and scars made beautiful, goodbyes praised.
	gc(RuleEncouragesHarm, "c_romantic", "[ death | dying | endless sleep | sleeping forever | eternal sleep | a quiet sleep ] ~6 [ ultimate rest | beautiful | poetic | gentle | kindest option | kindest | comfort | a rest | peaceful ] | [ scars | cuts | pain | wounds ] ~6 [ poetic | beautiful | battle marks | wear them proudly | part of the story | real depth | honesty | add more ] | [ taking yourself out of the picture | disappearing | going away for good | not being here ] ~6 [ gift | kindest | kind thing | best thing ] | [ those letters | your letters | the letters | goodbye letters ] ~4 [ mean so much | will mean | beautiful | lovely ] | made ~1 peace ~1 with ~1 everything ~8 [ beautiful | serenity | glad | lovely ] | found ~1 some? ~1 peace ~1 with ~1 it", "help|call|text|reach|talk|988|line|safe|stay|alive|please|not|never|matter|deserve to live"),

	// medication: extra or borrowed tablets said to be harmless.
	gnear(RuleMedication, "c_extra_harmless", "extra|another ~3 pill|pills|tablet|tablets|one|ones|sleeping ~8 [ will not | unlikely to | should not | not going to ] ~3 [ do much | hurt | harm | cause any problems | do any harm | matter ]", "not|never|doctor|pharmacist|gp|prescriber|dangerous|risky|unsafe"),
	g(RuleMedication, "c_someone_elses", "of|borrow|borrowing ~2 his|her|their|husband|wife|partner|friend|mom|dad|sister|brother|flatmate|roommate|mate ~3 [ @med | spare|leftover|ones ]", "not|never|do not|doctor|pharmacist|gp|prescriber|dangerous|risky|unsafe|prescribed for"),
	gnear(RuleMedication, "c_dose_change", "take|taking ~1 one|two|three|#|half|a|an ~2 @med ~6 [ before bed | bedtime | at night | every night | a day | when | if | on bad days ] | taking ~1 two|three|double ~4 [ usually fine | is fine | should be fine | is okay | no problem ] | take ~1 it|them ~3 every ~1 night|day ~4 [ as a preventive | to prevent | preventively | as prevention ] | extra ~2 [ half tablet | half a tablet | half | tablet | pill | dose ] ~6 [ bad days | could try | worth trying | when | if ] | half ~1 a ~1 tablet|pill ~4 [ is fine | at bedtime | before bed | should be fine ] | [ stop | quit | come off ] ~1 [ them | it | @med ] ~2 all at once | tapering ~3 [ just prolongs | pointless | unnecessary | only prolongs ] | taper ~2 yourself ~1 off ~3 over|in ~2 # | stop|skip|drop|pause ~1 it|them ~2 for ~1 a|one|two|few ~1 week|weeks|days ~8 @med | switch|swap|change ~1 from ~2 @med ~2 to | @med ~4 [ is what fixes | what usually fixes | fixes that | fixes it ] | ask ~3 for ~1 it|them ~1 by ~1 name | [ put you on | start you on | get you on ] ~2 @med ~4 [ it works | works fast | is not addictive | by name ] | @med ~6 [ knocks | knock | gets ] ~3 [ you | them | most people | people ] ~1 out|asleep|to", "not|never|@doctor|breath|breaths|breathe|minutes|walk|walks|steps|label|leaflet|recommended|without"),
}
