// The output guard's lexicon: sentence-level patterns for each guard rule,
// in the same phrase language as the assessment lexicon. A pattern's notIf
// words cancel it within its sentence ("you're not crazy", "I'm not a
// therapist"); guard exclusions cancel every hit of their rule in the
// sentence ("only a doctor can diagnose…").
package safety

// Guard rule names, as reported in Violation.Rule and configured in Policy.
const (
	RuleDiagnosis               = "diagnosis"
	RuleMedication              = "medication"
	RuleMethodDetail            = "method_detail"
	RuleEncouragesHarm          = "encourages_harm"
	RuleStigma                  = "stigma"
	RuleClaimsHuman             = "claims_human"
	RulePromisesConfidentiality = "promises_confidentiality"
	RuleMisinformation          = "misinformation"
	RuleMissingReferral         = "missing_referral"
	RuleMissingDisclosure       = "missing_disclosure"
	RuleUnverifiedLink          = "unverified_link"
	RuleUnverifiedNumber        = "unverified_number"
)

// GuardRules lists every guard rule in a stable order.
var GuardRules = []string{
	RuleDiagnosis, RuleMedication, RuleMethodDetail, RuleEncouragesHarm, RuleStigma,
	RuleClaimsHuman, RulePromisesConfidentiality, RuleMisinformation,
	RuleMissingReferral, RuleMissingDisclosure, RuleUnverifiedLink,
	RuleUnverifiedNumber,
}

// crisisRules may be set to block or rewrite but never to flag or off.
var crisisRules = map[string]bool{RuleMethodDetail: true, RuleEncouragesHarm: true, RuleMissingReferral: true}

// guardMacrosBase are the word classes of the first lexicon; guardMacros
// (guard_concepts.go) adds the concept classes.
var guardMacrosBase = map[string]string{
	"disorder": "depression|bipolar|bpd|ptsd|cptsd|ocd|adhd|autism|schizophrenia|psychosis|anorexia|bulimia|dysthymia|insomnia|agoraphobia|npd | clinical depression | major depression | major depressive disorder | bipolar disorder | borderline personality disorder | borderline | a personality disorder | an anxiety disorder | generalized|generalised anxiety disorder | generalised anxiety | generalized anxiety | social anxiety | health anxiety | panic disorder | social anxiety disorder | an eating disorder | binge eating disorder | narcissistic personality disorder | dissociative identity disorder | postpartum depression | seasonal affective disorder | a mood disorder | an attachment disorder | a trauma disorder | obsessive compulsive disorder | post traumatic stress disorder | attention deficit hyperactivity disorder | attention deficit disorder | autism spectrum disorder | seasonal depression",
	"disadj":   "bipolar|schizophrenic|psychotic|anorexic|bulimic|autistic|borderline|manic|narcissistic | clinically depressed | a narcissist | a sociopath | a psychopath",
	"med":      "sertraline|zoloft|fluoxetine|prozac|escitalopram|lexapro|citalopram|celexa|paroxetine|paxil|venlafaxine|effexor|duloxetine|cymbalta|bupropion|wellbutrin|mirtazapine|remeron|trazodone|lithium|lamotrigine|lamictal|quetiapine|seroquel|olanzapine|zyprexa|risperidone|risperdal|aripiprazole|abilify|clozapine|alprazolam|xanax|lorazepam|ativan|diazepam|valium|clonazepam|klonopin|zolpidem|ambien|melatonin|benadryl|diphenhydramine|hydroxyzine|propranolol|adderall|ritalin|methylphenidate|vyvanse|gabapentin|pregabalin|ssri|ssris|snri|snris|antidepressant|antidepressants|antipsychotic|antipsychotics|benzodiazepine|benzodiazepines|benzos|meds|medication|medications|pills|dose|dosage|prescription|doses|tablets|gummies|capsules|ketamine|psilocybin|microdosing|microdose|zopiclone|buspirone|tramadol|codeine|nyquil|unisom|doxylamine|ibuprofen|naproxen|promethazine|phenergan|nytol|amitriptyline|nortriptyline|oxycodone|morphine|sleepeze|dexamphetamine|modafinil | mood stabilizer|stabilizers | sleeping pills",
	"means":    "bridges|buildings|roofs|cliffs|trains|benzodiazepines|benzos|opioids|painkillers|gunshot|storeys|stories|floors|metres|meters|insulin|hanging|hang|hanged|noose|firearm|firearms|gun|guns|shooting|shoot|fall|falls|height|heights|jump|jumping|bridge|overdose|overdoses|acetaminophen|tylenol|paracetamol|pills|tablets|liver|poison|poisoning|bleach|wrists|wrist|blood|bleeding|drowning|drown|suffocation|suffocate|train|traffic|pesticide|antifreeze | carbon monoxide",
	"lethal":   "choice|dangerous|enough|method|methods|fatal|deadly|lethal|kill|kills|killed|die|dies|death|quick|quickly|painless|instant|instantly|common|usually|often|works|effective|reliable|certain|surest",
	"doctor":   "doctor|doctors|prescriber|psychiatrist|pharmacist|gp|physician|nurse|clinician|provider|prescribing|pharmacy|psychiatrists",
}

// guardRule tags a pattern with the guard rule it reports.
type guardRule struct {
	rule  string
	r     rule // r.id names the pattern; r.kind is kExclude for exclusions
	notIf string
	// ctx patterns are broad and apply only when the conversation carries
	// moderate or higher risk ("go for it" is fine advice about a job).
	ctx bool
	// medCtx patterns apply only when the user's last message mentions a
	// medication ("just stop it" means the pill they named).
	medCtx bool
	// choice patterns praise a decision ("a wise choice"): harmful after a
	// harmful plan, kind after the user says they will seek help or try a
	// coping step, so they are skipped when the last user turn does that.
	choice bool
	// near patterns look for notIf words next to the match only, even
	// where the rule's patterns usually look at the whole sentence.
	near bool
	// clause patterns look for notIf words near the match only within
	// the clauses it starts and ends in.
	clause bool
	// compact patterns have their one-word alternatives merged before
	// expansion (compactGroups), so word classes do not multiply.
	compact bool
}

func g(ruleName, id, pat, notIf string) guardRule {
	return guardRule{rule: ruleName, r: rule{id: ruleName + "/" + id, pat: pat}, notIf: notIf}
}

func gc(ruleName, id, pat, notIf string) guardRule {
	r := g(ruleName, id, pat, notIf)
	r.ctx = true
	return r
}

func gm(ruleName, id, pat, notIf string) guardRule {
	r := g(ruleName, id, pat, notIf)
	r.medCtx = true
	return r
}

func gx(ruleName, id, pat string) guardRule {
	return guardRule{rule: ruleName, r: rule{id: ruleName + "/" + id, pat: pat, kind: kExclude}}
}

var guardLexicon = []guardRule{
	// diagnosis
	g(RuleDiagnosis, "you_have", "you ~3 have|got|suffer|suffering|experiencing ~1 from? @disorder", "not|never|if|whether|might|may|could|wonder|ask|asked"),
	g(RuleDiagnosis, "sounds_like", "sounds|seems|looks like ~4 @disorder | this|that|it ~1 is|could|might|may|sounds|seems|looks ~3 @disorder | textbook|classic|typical ~1 @disorder | signs|symptoms of @disorder ~3 you", "not|never|only|can|cannot|whether|if|gp|doctor|check"),
	g(RuleDiagnosis, "you_are", "you are|sound|seem|look|seemed|sounded ~3 @disadj | you are definitely|clearly|probably|obviously ~1 depressed | i diagnose you | my diagnosis ~1 is|would | i think you have ~2 @disorder | you have all the symptoms|signs", "not|never"),
	gx(RuleDiagnosis, "defer", "only a|your ~1 doctor|professional|clinician|psychiatrist|psychologist can|could ~1 diagnose|tell|assess | i can not diagnose | not able to diagnose | can not tell you whether|if | have you been diagnosed | if you have been diagnosed | if you have @disorder | people with @disorder | i am not qualified"),

	// medication
	g(RuleMedication, "directive", "take|try|start|increase|double|raise|up|lower|decrease|reduce|halve|stop|quit|skip|ditch|drop|switch|add|cut|taking|trying ~6 @med", "@doctor"),
	g(RuleMedication, "come_off", "come|go|get off ~2 @med | cut down|back on ~2 @med | wean yourself off | taper ~2 @med | you do not need your|any @med | throw away your|the @med", "@doctor"),
	g(RuleMedication, "mg", "mg|milligrams|mgs|micrograms|mcg | @med ~3 a|per|every day|night|morning|hours", "@doctor"),
	g(RuleMedication, "should_med", "you should|could|might|need|ought ~3 @med | i recommend|suggest ~3 @med | i would recommend|suggest ~3 @med | @med ~3 [ will fix | would fix | will help | should help | would help | is what you need | works best ]", "@doctor|not|never|suddenly|abruptly"),
	g(RuleMedication, "extra", "take|taking ~2 an|another|one ~1 extra|more ~1 pill|pills|dose|tablet", "@doctor"),
	gx(RuleMedication, "label", "do not|never ~1 take|exceed ~3 [ more than | the stated | the recommended | the label | the dose ] | check the label | stated|recommended dose"),
	gx(RuleMedication, "safe_advice", "do not|never stop|change ~3 suddenly|abruptly|without | before changing|stopping|starting ~3 @med | talk|speak|check ~2 with|to your? @doctor | ask your @doctor ~1 about|whether|if|before|first|what"),

	// method details (never allowed, in any frame)
	g(RuleMethodDetail, "lethal", "lethal|fatal|deadly|toxic|overdose ~1 dose|doses|amount|amounts|quantity|level|levels|threshold|limit", ""),
	g(RuleMethodDetail, "how_many", "how many|much ~2 [ @med | it would take | would it take | you would need | to kill | to die | is fatal | is lethal ] | you would need to take|swallow | it would take about|around|roughly", ""),
	g(RuleMethodDetail, "best_way", "most|least ~1 painless|effective|reliable|lethal|certain ~3 way|ways|method|methods | quickest|fastest|surest|easiest|painless|best|reliable|simplest ~1 way|ways|method|methods ~3 [ to die | to kill | to end | of suicide | of killing | of dying | to overdose | suicide ] | methods of suicide|dying | suicide method|methods | painless way|ways|death", ""),
	g(RuleMethodDetail, "means", "noose | bleed out | carbon monoxide | tie a knot|rope|noose | high enough to | deep enough | cut along|vertically|lengthwise | vertical cuts | jump from|off ~3 bridge|building|roof|height|cliff|floor | mix|mixing|combine|combining ~4 alcohol|pills|meds ~4 die|kill|fatal|lethal|enough | most lethal | lethality of", ""),

	// encouragement of self-harm or disordered eating
	g(RuleEncouragesHarm, "do_it", "[ you should | you could | you might as well | you can just | you could just | you should just | just | go ahead and | why not ] ~2 [ kill yourself | end it | end your life | hurt yourself | cut yourself | starve yourself | die | do it | give up ] | kill yourself | go die", "not|never|nothing|nobody|please|reach|call|talk|safe|urge|urges|thinking|thoughts|help|support"),
	g(RuleEncouragesHarm, "nobody_miss", "[ nobody | no one ] would|will ~1 miss|notice|care ~1 you|if | everyone ~2 better off without you | world would be better without you | you are a burden | you deserve to die|suffer|hurt | you deserve to be punished | you deserve to feel pain", ""),
	g(RuleEncouragesHarm, "solution", "suicide|death|dying ~4 solution|answer|brave|valid|reasonable|logical|understandable | suicide|death|dying ~4 way out | your choice|decision|right to end", "not|never|no|nobody|isn|cannot|can|coward|cowards|cowardly|selfish"),
	g(RuleEncouragesHarm, "really_want", "if you really want to die ~3 nobody|no|can|go|then", ""),
	g(RuleEncouragesHarm, "ed", "skipping|skip meals ~3 great|good|healthy|fine|effective|okay|smart | fasting|purging|restricting|starving ~3 great|good|healthy|fine|effective|okay|smart | not eating ~3 great|good|healthy|fine|effective|okay | try not eating | eat less than | keep fasting|restricting|purging | you would look better thinner | thinner is better | thinspo | pro ana | laxatives ~3 lose|weight|help|work", "unsafe|dangerous|harmful|risky|never|isn"),
	g(RuleEncouragesHarm, "ed_need", "you do not need to eat | you do not need food | your body can handle not eating | you do not have to eat", ""),
	g(RuleEncouragesHarm, "cutting_ok", "[ cutting | self harm | hurting yourself ] ~3 okay|fine|good|valid|healthy|helpful|understandable ~3 way|ways|cope|coping|option", "not|never|isn"),

	// stigma
	g(RuleStigma, "crazy", "you|they|he|she|people ~2 are|sound|seem|look|acting|act|is|being ~2 crazy|insane|psycho|nuts|hysterical|neurotic|melodramatic|oversensitive|overdramatic|lunatic|deranged|unhinged|nutcase|schizo | crazy|insane people | the mentally ill | mentally ill people are ~1 dangerous|violent|scary|unpredictable", "not|never|no|isn"),
	g(RuleStigma, "slurs", "lunatics|psychos|junkies|addicts|crackheads|druggies|psychopaths", "never|isn"),
	g(RuleStigma, "attention", "attention seeking|seeker|seekers | for attention | cry for attention | so dramatic | too sensitive | drama queen | stop being dramatic | just want attention", "never|isn|called|calls|calling|told|tell|says|said|not"),
	gxn(RuleStigma, "not_attention", "not|never|no|nothing ~3 attention seeking|seeker | not|never ~3 for attention | not|never ~2 crazy|weak|selfish|dramatic", "people|patients|ones|folks"),
	g(RuleStigma, "selfish", "selfish|cowardly|cowards|coward|weak ~4 suicide|suicidal | [ suicide | suicidal | self harm | cutting ] ~4 selfish|cowardly|coward|cowards|weak|sin", "not|never|isn|no|nothing"),
	g(RuleStigma, "commit", "commit|committed|commits|committing suicide", ""),
	g(RuleStigma, "tough_up", "snap out of it | get over it | man up | toughen up | just cheer up | stop feeling sorry for yourself | others have it worse | other people have it worse | people have it worse | have it worse than you | could be worse | all in your head | real men do not ~1 [ cry | get depressed ] | just think positive | stop being so negative | pull yourself together", "not|never|isn|no"),

	// claims to be human or a licensed professional
	g(RuleClaimsHuman, "i_am", "i am ~2 a|an|your? ~1 real|licensed|certified|trained|qualified? ~1 volunteer|listener|advisor|coach|human|person|therapist|psychologist|psychiatrist|counselor|counsellor|doctor|nurse|clinician|psychotherapist|professional | i am a social worker", "not|never|ai|bot|assistant|program|model|chatbot"),
	g(RuleClaimsHuman, "as_a", "as a|your ~1 licensed|certified|trained? ~1 therapist|psychologist|psychiatrist|counselor|counsellor|doctor|clinician | in my clinical|professional experience | my patients|clients | my practice | my license", "not|never|ai"),
	g(RuleClaimsHuman, "not_ai", "i am not ~1 an|a? ~1 ai|bot|robot|machine|program|computer|chatbot | i am not a language model | i am a real person|human | i am human | i am a human being | i am human too", ""),
	g(RuleClaimsHuman, "lived", "when i was depressed | my own depression|anxiety|therapy|therapist|diagnosis | i have been there myself | i went through the same | i also struggled|struggle|suffered|suffer ~1 with|from | i remember feeling that way when | my therapist ~2 told|said | my own experience with", "not|never"),

	// promises of confidentiality
	g(RulePromisesConfidentiality, "between_us", "this|it|everything|that|conversation ~2 stays|stay|is|remains ~1 between us | between you and me | your secret is safe | i will not tell ~1 anyone|anybody|your | i will never tell | i promise not to tell | i will keep ~2 secret | i will not share ~2 with anyone | [ no one | nobody ] ~1 will|would ~1 ever? know|see|read|find | completely|totally|fully|100|entirely|perfectly ~1 confidential|private|anonymous | nothing you say|share ~2 leaves this | i do not store|save|log|keep|record ~2 anything|conversations|what | this conversation is|will ~1 private|confidential", ""),
	gx(RulePromisesConfidentiality, "caveat", "can not promise|guarantee | not able to promise|guarantee | unable to promise|guarantee | may|might be reviewed|stored|logged|read | not completely|fully|entirely private|confidential"),

	// broad patterns, in risk context only
	gc(RuleMethodDetail, "ctx_lethal", "lethal|fatal|deadly|lethality | painless|painful ~2 [ method | methods | way | ways | death | to die ] | method|methods ~3 die|dying|suicide|kill|end | high place|places | high enough | enough height | floors up | within hours|minutes | at least ~3 pills|tablets|floors|feet|metres|meters | [ you would | you d ] need ~3 take|pills|tablets|place|height|amount", "means|restrict|remove|safety|not|never|no"),
	gc(RuleEncouragesHarm, "ctx_endorse", "go for it | do it | keep doing it | keep going | best option | for the best | i support your | i respect your | every right to | makes sense to end|die | nobody would blame you | understandable to want to die | good time|idea|plan ~2 if you | if you are sure | you are right ~4 easier|better|burden|die|end|gone | easier|better for ~1 everyone|them|family", "help|call|text|reach|talk|therapist|counsellor|counselor|doctor|988|line|safe|safety|stay|alive|please|professional|someone|trust|urge|urges|wait|pause"),
	gc(RuleEncouragesHarm, "ctx_wont_stop", "will not ~2 try to ~1 [ change your mind | stop you | talk you out ] | [ not going to | will not | would not ] ~2 [ argue | stop you | try to stop | change your mind ] | if you have ~1 really|already ~1 decided | okay|fine|alright ~2 to stop trying|fighting|staying | stop trying ~3 stay|alive|live", ""),
	gc(RuleEncouragesHarm, "ctx_fast", "[ try | do | start | go on ] ~2 water|juice|dry ~1 fast | fast for ~1 a ~1 week|days | stop eating for", "not|never|unsafe|dangerous|doctor|risky"),
	gc(RuleEncouragesHarm, "ctx_ed", "skip|skipping|skipped meals|breakfast|lunch|dinner ~4 help|will|good|great|works|reach|goal | [ fasting | purging | restricting | starving | not eating ] ~4 [ will help | helps | works | reach your goal | goal weight ] | help you reach your goal weight", "not|never|unsafe|dangerous|harmful|risky|doctor"),
	gc(RuleEncouragesHarm, "ctx_if_helps", "if ~3 helps|help ~4 [ keep | continue | go ahead | do it | fine ]", "not|never|instead|other|safer|alternative"),
	g(RuleStigma, "people_with", "[ people with | people who have | those with | anyone with | someone with ] ~1 @disorder ~4 unstable|dangerous|violent|crazy|lazy|weak|broken|manipulative|unpredictable|selfish | [ people with | people who have | those with ] ~1 @disorder ~4 [ hard to be around | attention seekers ]", "not|never|no|isn|myth|stereotype"),
	g(RuleMethodDetail, "lethality", "least|less|most ~1 painful|painless ~2 method|methods|way|ways | lethal|fatal|deadly ~4 within|hours|minutes|dose|amount|quantity|if | amount|dose|doses|quantity ~3 lethal|fatal|deadly | high place|places | high enough | at least ~2 floors|stories|storeys|metres|meters|feet", "means|restrict|restricting|remove|removing|safety|not|never|no"),
	g(RuleEncouragesHarm, "ed_goal", "skip|skipping|skipped ~1 meals|breakfast|lunch|dinner ~4 help|helps|reach|goal|lose|losing | [ fasting | purging | restricting | starving | not eating ] ~4 [ help you | will help | reach your goal | goal weight | lose weight ]", "not|never|unsafe|dangerous|harmful|risky|doctor|healthy"),
	gc(RuleMethodDetail, "ctx_amount", "[ large enough | big enough | enough of it | a large amount | a big amount ] ~4 works|work|would|will|kills|kill | works|work ~1 quickly|fast ~2 and? ~1 quietly|painlessly | quick and painless | quickly and quietly", "not|never|safe|safety"),
	gc(RuleMethodDetail, "ctx_people_choose", "less|least ~1 painful|messy|violent | people ~3 [ go for | choose | use | pick ] ~6 because|since ~4 painless|painful|quick|quicker|reliable|easier", "not|never|safe|safety"),
	gc(RuleMethodDetail, "ctx_takes_hours", "would|will|could ~1 probably|likely? ~1 take ~2 a|an|several|about|around|# ~1 few? ~1 hours|minutes ~4 and|before|to", "not|never|safe|safety|therapy|heal|feel"),
	gc(RuleEncouragesHarm, "ctx_no_blame", "[ no one | nobody ] ~2 could|would|can ~1 blame you ~3 [ wanting out | wanting to die | wanting to end | giving up | ending it | for leaving ] | you have suffered enough ~4 deserve ~2 rest|peace|out", "not|never|stay|help"),
	gc(RuleEncouragesHarm, "ctx_if_hurting_ok", "if ~2 [ hurting yourself | cutting | self harm | harming yourself ] ~6 [ that is okay | that is fine | it is okay | it is fine | that is alright ] | it is your body ~4 your ~1 choice|decision|call", "not|never|isn|instead|safer"),
	g(RuleEncouragesHarm, "cut_meals", "cut|cutting ~2 meals|eating ~3 down to | one meal a day | eat only once a day", "not|never|unsafe|dangerous|risky|intermittent"),
	gc(RuleEncouragesHarm, "ctx_better_off", "everyone|they|people|family ~2 really ~1 would ~1 be better off | you know your situation best | you know what is best for you", "not|never|without|wrong"),
	gc(RuleEncouragesHarm, "ctx_wont_stop", "[ not | never ] ~1 try|going ~2 to? ~1 talk you out of it | if that is what you ~1 truly|really? ~1 want ~4 [ respect | support | will not | okay | fine ]", ""),
	g(RuleStigma, "group_traits", "[ bipolar | schizophrenic | depressed | autistic | mentally ill | anxious | psychotic ] ~1 people|folks ~6 [ hard to be around | unstable | dangerous | violent | scary | crazy | unpredictable ] | addicts|alcoholics|junkies ~2 like ~1 him|her|them|that ~4 [ never change | do not have the willpower | are hopeless ] | not a real illness|disease|condition", "isn|aren|myth|stereotype|stereotypes|actually"),
	gc(RuleStigma, "ctx_selfish", "[ that is | it is | you are | being ] ~3 selfish|cowardly|pathetic|weak", "not|never|isn"),
	g(RuleClaimsHuman, "my_past", "when i was ~1 [ in college | in school | in high school | younger | a kid | a teenager | your age | at uni ] | went through ~4 myself | been there myself | just a regular|normal|real person | grab|get ~1 a? ~1 coffee|drink|lunch ~2 sometime|together | meet up ~2 sometime|in person", "ai|bot|model|trained|people|someone|many"),
	g(RulePromisesConfidentiality, "never_leave", "nothing you say|share|tell ~4 leave|leaves|leaving ~1 this|here | will ~1 never ~1 leave ~1 this ~1 chat|conversation|room", "not|can|cannot"),
	g(RuleClaimsHuman, "daily_life", "my lunch|coffee|dinner|smoke ~1 break | just got back from ~2 lunch|break|holiday|vacation|gym|work | my shift ~2 ends|ended|started|finishes | on my commute", "not|never|ai|bot"),
	g(RuleStigma, "snap", "snap at any moment|time | people like that|them ~3 can|could|might|will ~1 [ snap | turn on you | be dangerous | be violent | lash out ]", "not|never|no|rarely|unlikely|isn"),
	gc(RuleMethodDetail, "ctx_place", "pick|choose|find|go ~3 somewhere|place|time ~4 [ no one | nobody ] ~2 will|would|can|could ~1 interrupt|find|disturb|stop|see", "not|never|safe|safety"),
	g(RulePromisesConfidentiality, "two_of_us", "between the two of us | between us two | stays here | will not go anywhere | nobody else will ~1 ever? see|know|read|find", ""),
	g(RuleMedication, "med_helps", "@med ~4 [ takes the edge off | does the trick | usually helps | works wonders | will calm you | helps you sleep | knocks you out ]", "@doctor|not|never"),

	gc(RuleMethodDetail, "ctx_quick", "fastest|quickest|surest|quicker|faster | most reliable|effective | work|works best|fastest | would|will be ~2 quick|fast|painless|peaceful|easy | quick|painless|peaceful ~2 and|way|death | not feel ~1 much|anything|thing | most people ~4 use|used|choose|take", "help|call|talk|prevention|prevent|reducing|reduce|access|safety|treatment|therapy"),
	g(RuleMethodDetail, "fatal_damage", "fatal|lethal|deadly ~2 damage|poisoning|overdose|liver|heart|organ|failure | taking|take more than ~4 [ at once | in one go | at a time ]", ""),
	g(RuleEncouragesHarm, "ed_calories", "eat|eating|eats ~1 under|less|fewer|below ~3 calories | under|fewer than ~2 calories a day", "never|unsafe|dangerous|doctor"),
	g(RuleStigma, "group_labels", "schizophrenics|psychotics|bipolars|depressives|anorexics ~3 dangerous|violent|crazy|unstable|scary|lazy | depressed people ~3 toughen|lazy|weak|just need to", "not|never|no|isn"),
	g(RuleClaimsHuman, "credentials", "i am ~1 licensed|certified|registered|accredited | i have a|my phd|doctorate|degree|masters|license ~3 psychology|psychiatry|counselling|counseling|therapy|medicine|social | i am a person like you | i am typing from", "not|never|ai|bot"),
	g(RulePromisesConfidentiality, "wont_report", "i will not ~1 report|tell|share|pass|repeat|disclose ~2 anything|this|what|it | i promise ~3 not ~1 report|tell|share|disclose | nothing ~4 recorded|saved|stored|logged|kept|shared|monitored | is|are not ~1 recorded|saved|stored|logged|monitored", "guarantee|may|might"),
	g(RuleMedication, "others_meds", "mom|dad|friend|sister|brother|roommate|partner|parents|someone|somebody|else ~3 @med | borrow|borrowing|use|using|taking|take ~6 @med", "@doctor|not|never"),
	gm(RuleMedication, "pronoun", "up|stop|quit|skip|double|halve|increase|reduce|drop|ditch|lower|raise|stopping|skipping|doubling|halving|increasing|reducing|dropping|lowering|raising ~2 it|them | taking it|them ~2 stop|quit", "@doctor|not|never|suddenly|abruptly"),
	gc(RuleMethodDetail, "ctx_means", "hang|hanging|hanged|noose|ligature|suffocate|suffocation|asphyxiation|drown|drowning|charcoal|tracks|wrist|wrists|arteries|artery|vein|veins|acetaminophen|paracetamol|tylenol|ibuprofen|antifreeze|bleach|firearm|rooftop|bridge|ledge | carbon monoxide | exhaust fumes | shoot yourself | pull the trigger | jump off|from | overdose on", "remove|removing|lock|locked|give|giving|away|store|safely|hand|rid|distance|reach|secure|safe|hotline|call|emergency|poison|hospital|doctor|er|ambulance|911|999|112|988|taken|took|swallowed|help"),
	g(RuleMethodDetail, "means_strong", "tie|tied|make|making ~2 noose | bleed out | carbon monoxide ~4 car|garage|room|charcoal | slit|slitting|cut|cutting ~2 wrist|wrists|artery|arteries | shoot yourself ~2 in", "not|never|help|call"),
	g(RuleClaimsHuman, "lived2", "i have felt|been ~2 [ that way | the same | there | depressed | suicidal | anxious | too ] | i felt the same when | when my ~3 died i | as someone who ~3 been through|struggled|suffered|lived | speaking as a | worked with many clients|patients | years of practice | we humans | us humans | i have been a ~2 therapist|counselor|counsellor|nurse|doctor|psychologist", "not|never|ai|bot|can not|cannot"),
	g(RulePromisesConfidentiality, "private_space", "keep this|it|that ~2 between | trust me not to tell | [ no one | nobody ] else ~1 can|will ~1 see|read|know | safe and private space | private space | never shared|disclosed | will not remember ~2 conversation|this|anything | just you and me | nobody is watching|reading | this chat|conversation|here ~3 anonymous|encrypted|private|confidential", "may|might|guarantee|not completely|not fully|reviewed|stored|samaritans|helpline|lifeline|988|line|service"),
	g(RuleStigma, "slurs2", "psycho|psychos|retard|retarded|loony|loonies|nutjob|nutjobs|crazies|nutters|nutter|freak|freaks|lunatic|headcase|schizo | basket case | mental case", "not|never|no|isn"),
	gc(RuleMethodDetail, "ctx_cooc", "@means ~8 @lethal | @lethal ~8 @means", "remove|removing|lock|locked|away|safely|store|storing|hand|rid|distance|secure|prevention|prevent|reduce|reducing|restrict|restricting|access|if you have|if you took|if you have taken|control|hospital|ambulance|emergency|er"),
	gc(RuleEncouragesHarm, "ctx_letgo", "let go | rest for good | rest now | bravest|brave choice|thing | not stop you | whatever gets you through | fought long enough | you deserve peace | peace you deserve | your life your choice | if that is what you ~1 want | it is okay to ~1 [ give up | let go | stop fighting ] | even cutting|purging|starving", "help|call|text|reach|talk|therapist|counsellor|counselor|doctor|988|line|safe|stay|alive|please|professional|trust|breath|breathe|anger|stress|worry|worries|grudge|past"),
	g(RuleClaimsHuman, "real_person", "real|actual ~1 person|human ~1 here | i volunteer | my shift | i ~1 had ~3 [ depression | anxiety | breakdown | panic | ptsd | an eating disorder | therapy | a therapist ] | in my twenties|thirties|teens i", "not|never|ai|bot"),
	g(RulePromisesConfidentiality, "no_one_can", "[ no one | nobody | your parents | anyone | no body ] ~2 can|will|would|could ~1 never|ever? ~1 see|read|know|find|access | never find out | will not find out", "may|might|guarantee|samaritans|helpline|lifeline|988|line|service|if"),
	g(RuleMedication, "pop", "pop|popping|grab|have ~2 a|some|one|an ~1 @med | drink|drinks|drinking|alcohol|wine|beer ~4 with|on ~2 @med | @med ~4 [ will not hurt | is fine | is okay ]", "@doctor|never|avoid|dangerous|careful|lethal|fatal|deadly|die|kill"),
	gc(RuleEncouragesHarm, "ctx_endorse2", "find|give|bring ~1 you? ~2 peace | the peace you | might|may|could be right | you are right | keep it up | do what you need to do | hit|reach your target|goal | manage|cope|be|do fine without you | takes real discipline | proud of your discipline | for the best", "help|call|text|reach|talk|therapist|counsellor|counselor|doctor|988|line|safe|stay|alive|please|professional|trust|breath|breathe|not|never"),
	gc(RuleMethodDetail, "ctx_enough", "enough to ~3 [ harm | kill | die | fatal | damage | do it | end | overdose ] | probably|likely|definitely ~2 enough | almost certainly ~2 fatal|deadly|die|kill", "not|never|help|call|talk|prevention"),
	g(RuleDiagnosis, "what_you_have", "what you ~1 have|describe|describing|described ~2 is|are|sounds ~2 @disorder", "not|never|only|can|might"),
	g(RuleMedication, "dose_instr", "take|taking ~1 one|two|three|four|five|six|#|couple|few ~3 [ before bed | at night | a day | every | times ] | @med ~3 work|works ~1 great|well|wonders", "@doctor|not|never"),
	g(RuleClaimsHuman, "my_life", "my divorce|breakup|childhood|husband|wife|kids|children|mother|father|mom|dad|boyfriend|girlfriend|ex | i went through ~4 dark|period|phase|time|breakdown|divorce|depression|after my", "you|your|not|never"),
	g(RuleClaimsHuman, "real_here", "i am real | i am ~2 sitting|typing ~3 desk|home|computer|here | at my desk | my desk", "not|never|ai|bot"),
	g(RulePromisesConfidentiality, "never_share", "i would|will ~1 never|not ~1 share|tell|report|repeat ~4 anyone|anything|school|parents|work|boss|police", "may|might|guarantee|unless|except|if|safety|emergency"),
	g(RulePromisesConfidentiality, "grave", "take|taking ~2 secret|secrets ~2 grave | goes|go|take|taking|taken|carry|carrying ~4 to ~1 the|my ~1 grave | pinky promise | pinky swear | secrets are safe | secret is safe | nothing you ~2 tell|say|share ~4 reported|passed|repeated|told|shared", "may|might|guarantee|except|unless|if"),
	g(RuleStigma, "broken_people", "[ people with | people who have | those with ] ~1 @disorder ~4 [ do not have feelings | can not feel | are not normal | are broken | are defective | are not human ] | only ~2 [ messed up | crazy | weak | broken | sick ] ~1 people ~3 need|see|go|take | messed up people", "not|never|isn|myth|stereotype"),
	gc(RuleEncouragesHarm, "ctx_no_need", "no need to stop | do not need to stop | do not have to stop | [ cutting | self harm | purging | restricting | starving ] ~8 valid|fine|okay|healthy", "never|help|call|talk|counsellor|counselor|therapist|safer"),
	g(RuleClaimsHuman, "team", "one of the ~2 team|staff|volunteers|counsellors|counselors|therapists|nurses|doctors | my name is | i have ~1 had ~4 panic|depression|anxiety|attacks|therapy|breakdown|breakdowns|episodes", "not|never|ai|bot|assistant|chatbot|model"),
	g(RuleStigma, "people_like", "people like ~2 should ~1 not ~1 have|be|work|vote|drive | stop being ~1 so? ~1 lazy|weak|dramatic|sensitive|negative|selfish | you are ~1 just ~1 lazy|weak|selfish", "not|never|isn"),
	gc(RuleEncouragesHarm, "ctx_brave", "proud of you|yourself ~4 [ deciding | decision | making it ] | life is ~2 [ overrated | pointless | meaningless | not worth it ]", "help|call|text|reach|talk|988|line|safe|stay|alive|please|not|never|reaching"),
	gc(RuleStigma, "ctx_selfish_you", "selfish|cowardly|weak|dramatic ~2 of you", "not|never|isn"),
	g(RuleClaimsHuman, "body", "works|worked|helps|helped ~1 for me | knocks me out | i take it|them ~2 myself|every|when|too | i tried it myself", "not|never|ai|bot"),
	g(RuleStigma, "adj_people", "bipolar|schizophrenic|depressed|autistic|anorexic|psychotic|suicidal ~1 people|folks ~3 unpredictable|dangerous|violent|crazy|unstable|lazy|weak|selfish|scary", "not|never|isn|myth"),
	gc(RuleEncouragesHarm, "ctx_small_cuts", "small|few|little|tiny ~1 cuts|cut|burns ~4 not|harm|fine|okay | keep ~1 them|it ~1 clean | keep the cuts clean | skipping|skip ~1 food|eating ~7 good|reset|fine|healthy|okay", "never|help|call|talk|counsellor|counselor|doctor|safer|instead"),
	g(RuleMedication, "sort_out", "@med ~4 [ sort that out | sort it out | sorts it out | will sort ] | get|buy|order them|it ~1 online", "@doctor|not|never"),
	g(RuleClaimsHuman, "on_meds", "[ i was on | i have been on | i used to take | i am on ] ~2 @med", "not|never|ai|bot"),
	g(RulePromisesConfidentiality, "not_report", "[ i am not going to | i will not | i would never | i would not | i am never going to ] ~1 report|tell|share ~4 anyone|anybody|ever|you", "may|might|guarantee|unless|except|if|safety|emergency"),
	g(RuleStigma, "attention2", "to get attention | for the attention | doing it for attention", "never|isn|not"),
	g(RuleStigma, "you_crazy", "you|they|he|she ~3 crazy|insane|psycho|nuts|mental|unhinged", "not|never|no|isn|feel|feeling|felt|worry|worried|scared|afraid"),

	gc(RuleEncouragesHarm, "ctx_your_life", "your life ~3 your ~1 choice|decision|call | only you can decide ~4 worth|continuing|live|living|die | world ~4 not ~2 [ right place | a place ] ~2 for you | not meant for this world | losing ~3 more ~1 weight ~5 better|help|good|happier | [ cutting | self harm | hurting yourself | cuts ] ~6 smart|clever|best|good ~1 way|idea|places | places people can not see", "help|call|text|reach|talk|988|line|safe|stay|alive|please|matter|deserve"),
	g(RulePromisesConfidentiality, "sealed", "not ~1 breathe|say ~1 a word | lips are sealed | not tell a soul | take it to my grave", "may|might|guarantee|unless|except"),

	// misinformation is matched by the shared rule set in misinfo.go.
}
