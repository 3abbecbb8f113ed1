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
)

// GuardRules lists every guard rule in a stable order.
var GuardRules = []string{
	RuleDiagnosis, RuleMedication, RuleMethodDetail, RuleEncouragesHarm, RuleStigma,
	RuleClaimsHuman, RulePromisesConfidentiality, RuleMisinformation,
	RuleMissingReferral, RuleMissingDisclosure, RuleUnverifiedLink,
}

// crisisRules may be set to block or rewrite but never to flag or off.
var crisisRules = map[string]bool{RuleMethodDetail: true, RuleEncouragesHarm: true, RuleMissingReferral: true}

var guardMacros = map[string]string{
	"disorder": "depression|bipolar|bpd|ptsd|cptsd|ocd|adhd|autism|schizophrenia|psychosis|anorexia|bulimia|dysthymia|insomnia|agoraphobia|npd | clinical depression | major depression | major depressive disorder | bipolar disorder | borderline personality disorder | borderline | a personality disorder | an anxiety disorder | generalized|generalised anxiety disorder | panic disorder | social anxiety disorder | an eating disorder | binge eating disorder | narcissistic personality disorder | dissociative identity disorder | postpartum depression | seasonal affective disorder | a mood disorder | an attachment disorder | a trauma disorder",
	"disadj":   "bipolar|schizophrenic|psychotic|anorexic|bulimic|autistic|borderline|manic|narcissistic | clinically depressed | a narcissist | a sociopath | a psychopath",
	"med":      "sertraline|zoloft|fluoxetine|prozac|escitalopram|lexapro|citalopram|celexa|paroxetine|paxil|venlafaxine|effexor|duloxetine|cymbalta|bupropion|wellbutrin|mirtazapine|remeron|trazodone|lithium|lamotrigine|lamictal|quetiapine|seroquel|olanzapine|zyprexa|risperidone|risperdal|aripiprazole|abilify|clozapine|alprazolam|xanax|lorazepam|ativan|diazepam|valium|clonazepam|klonopin|zolpidem|ambien|melatonin|benadryl|diphenhydramine|hydroxyzine|propranolol|adderall|ritalin|methylphenidate|vyvanse|gabapentin|pregabalin|ssri|ssris|snri|snris|antidepressant|antidepressants|antipsychotic|antipsychotics|benzodiazepine|benzodiazepines|benzos|meds|medication|medications|pills|dose|dosage|prescription|ketamine|psilocybin|microdosing|microdose | mood stabilizer|stabilizers | sleeping pills",
	"doctor":   "doctor|doctors|prescriber|psychiatrist|pharmacist|gp|physician|nurse|clinician|provider|prescribing|pharmacy|psychiatrists",
}

// guardRule tags a pattern with the guard rule it reports.
type guardRule struct {
	rule  string
	r     rule // r.id names the pattern; r.kind is kExclude for exclusions
	notIf string
}

func g(ruleName, id, pat, notIf string) guardRule {
	return guardRule{rule: ruleName, r: rule{id: ruleName + "/" + id, pat: pat}, notIf: notIf}
}

func gx(ruleName, id, pat string) guardRule {
	return guardRule{rule: ruleName, r: rule{id: ruleName + "/" + id, pat: pat, kind: kExclude}}
}

const negWords = "not|never|no|nothing|nobody|neither|without"

var guardLexicon = []guardRule{
	// diagnosis
	g(RuleDiagnosis, "you_have", "you ~3 have|got|suffer|suffering|experiencing ~1 from? @disorder", "not|never|if|whether|might|may|could|wonder|ask|asked"),
	g(RuleDiagnosis, "sounds_like", "sounds|seems|looks like ~4 @disorder | this|that|it ~1 is|could|might|may|sounds|seems|looks ~3 @disorder | textbook|classic|typical ~1 @disorder | signs|symptoms of @disorder ~3 you", "not|never|only|can|cannot"),
	g(RuleDiagnosis, "you_are", "you are|sound|seem|look|seemed|sounded ~3 @disadj | you are definitely|clearly|probably|obviously ~1 depressed | i diagnose you | my diagnosis ~1 is|would | i think you have ~2 @disorder | you have all the symptoms|signs", "not|never"),
	gx(RuleDiagnosis, "defer", "only a|your ~1 doctor|professional|clinician|psychiatrist|psychologist can|could ~1 diagnose|tell|assess | i can not diagnose | not able to diagnose | can not tell you whether|if | have you been diagnosed | if you have been diagnosed | if you have @disorder | people with @disorder | i am not qualified"),

	// medication
	g(RuleMedication, "directive", "take|try|start|increase|double|raise|up|lower|decrease|reduce|halve|stop|quit|skip|ditch|drop|switch|add|cut ~4 @med", "@doctor"),
	g(RuleMedication, "come_off", "come|go|get off ~2 @med | cut down|back on ~2 @med | wean yourself off | taper ~2 @med | you do not need your|any @med | throw away your|the @med", "@doctor"),
	g(RuleMedication, "mg", "mg|milligrams|mgs|micrograms|mcg | @med ~3 a|per|every day|night|morning|hours", "@doctor"),
	g(RuleMedication, "should_med", "you should|could|might|need|ought ~3 @med | i recommend|suggest ~3 @med | i would recommend|suggest ~3 @med | @med ~3 [ will fix | would fix | will help | should help | would help | is what you need | works best ]", "@doctor|not|never|suddenly|abruptly"),
	g(RuleMedication, "extra", "take|taking ~2 an|another|one ~1 extra|more ~1 pill|pills|dose|tablet", "@doctor"),
	gx(RuleMedication, "safe_advice", "do not|never stop|change ~3 suddenly|abruptly|without | before changing|stopping|starting ~3 @med | talk|speak|check ~2 with|to your? @doctor | ask your @doctor"),

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
	g(RuleStigma, "crazy", "you|they|he|she|people ~2 are|sound|seem|look|acting|act|is|being ~2 crazy|insane|psycho|nuts|lunatic|deranged|unhinged|nutcase|schizo | crazy|insane people | the mentally ill | mentally ill people are ~1 dangerous|violent|scary|unpredictable", "not|never|no|isn"),
	g(RuleStigma, "slurs", "lunatics|psychos|junkies|addicts|crackheads|druggies|psychopaths", "never|isn"),
	g(RuleStigma, "attention", "attention seeking|seeker|seekers | for attention | cry for attention | so dramatic | too sensitive | drama queen | stop being dramatic", "not|never|isn|no"),
	g(RuleStigma, "selfish", "selfish|cowardly|cowards|coward|weak ~4 suicide|suicidal | [ suicide | suicidal | self harm | cutting ] ~4 selfish|cowardly|coward|cowards|weak|sin", "not|never|isn|no|nothing"),
	g(RuleStigma, "commit", "commit|committed|commits|committing suicide", ""),
	g(RuleStigma, "tough_up", "snap out of it | get over it | man up | toughen up | just cheer up | stop feeling sorry for yourself | others have it worse | other people have it worse | all in your head | real men do not ~1 cry|get depressed | just think positive | stop being so negative | pull yourself together", "not|never|isn|can|no"),

	// claims to be human or a licensed professional
	g(RuleClaimsHuman, "i_am", "i am ~2 a|an|your? ~1 real|licensed|certified|trained|qualified? ~1 human|person|therapist|psychologist|psychiatrist|counselor|counsellor|doctor|nurse|clinician|psychotherapist|professional | i am a social worker", "not|never|ai|bot|assistant|program|model|chatbot"),
	g(RuleClaimsHuman, "as_a", "as a|your ~1 licensed|certified|trained? ~1 therapist|psychologist|psychiatrist|counselor|counsellor|doctor|clinician | in my clinical|professional experience | my patients|clients | my practice | my license", "not|never|ai"),
	g(RuleClaimsHuman, "not_ai", "i am not ~1 an|a? ~1 ai|bot|robot|machine|program|computer|chatbot | i am not a language model | i am a real person|human | i am human | i am a human being | i am human too", ""),
	g(RuleClaimsHuman, "lived", "when i was depressed | my own depression|anxiety|therapy|therapist|diagnosis | i have been there myself | i went through the same | i also struggled|struggle|suffered|suffer ~1 with|from | i remember feeling that way when | my therapist ~2 told|said | my own experience with", "not|never"),

	// promises of confidentiality
	g(RulePromisesConfidentiality, "between_us", "this|it|everything|that|conversation ~2 stays|stay|is|remains ~1 between us | between you and me | your secret is safe | i will not tell ~1 anyone|anybody|your | i will never tell | i promise not to tell | i will keep ~2 secret | i will not share ~2 with anyone | [ no one | nobody ] ~1 will|would ~1 ever? know|see|read|find | completely|totally|fully|100|entirely|perfectly ~1 confidential|private|anonymous | nothing you say|share ~2 leaves this | i do not store|save|log|keep|record ~2 anything|conversations|what | this conversation is|will ~1 private|confidential", ""),
	gx(RulePromisesConfidentiality, "caveat", "can not promise|guarantee | not able to promise|guarantee | unable to promise|guarantee | may|might be reviewed|stored|logged|read | not completely|fully|entirely private|confidential"),

	// misinformation is matched by the shared rule set in misinfo.go.
}
