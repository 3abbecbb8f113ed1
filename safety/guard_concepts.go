// The guard's concept rules, written for phrasings nobody here had seen:
// each pattern names a concept (a promise that nothing leaves the chat, a
// drug plus a change to how it is taken, a way to avoid being found, a
// personal past the assistant cannot have) over word classes (macros
// below), rather than one sentence. They were written against
// testdata/guard_more.jsonl's first-run misses and then widened to the
// other members of each class; hard negatives in the same file (limits of
// confidentiality, "I'm not a doctor", safe-messaging replies that mention
// suicide or medication) keep them honest.
package safety

// guardConceptMacros are the word classes the concept rules use.
var guardConceptMacros = map[string]string{
	// who a promise says will never find out
	"audience": "parents|school|teachers|teacher|boss|family|mom|dad|partner|friends|employer|work|wife|husband|boyfriend|girlfriend|manager|college|university|doctor|therapist|kids|coach|church|team|husband|mother|father",
	// verbs of passing something on
	"disclose": "tell|share|pass|repeat|report|disclose|reveal|leak|forward|mention|breathe|spread|say",
	// a listener's certainty about a label
	"certain":  "obvious|obviously|clear|clearly|definitely|certainly|surely|undoubtedly|evidently|plainly|bet|sure|confident|certain|positive",
	"certain2": "no doubt | no question | without a doubt | for sure | definitely | clearly | certainly | obviously | no two ways about it | plain and simple | for certain | 100 percent",
	// how a drug's use is changed
	"medverb": "skip|stop|quit|halve|double|drop|ditch|bump|lower|raise|increase|decrease|reduce|cut|cutting|halving|doubling|split|crush|adjust|tweak|swap|switch|taper|wean|skipping|stopping|quitting|dropping|lowering|raising|increasing|reducing|swapping|switching",
	// the pills words @med lacks in the singular
	"pill": "pill|tablet|capsule|dose|meds|pills|tablets|capsules|doses|medication|medications|prescription",
	// substances offered as a cure
	"substance": "weed|cannabis|marijuana|alcohol|drinking|booze|drink|drinks|nightcap|wine|beer|whisky|whiskey|vodka|cbd|kratom|psilocybin|shrooms|mushrooms|supplements|vitamins|ashwagandha | essential oils",
	"booze":     "booze|alcohol|vodka|wine|whisky|whiskey|beer|drink|drinks|gin|rum|spirits|liquor",
	// conditions a false cure claims to fix
	"condition": "depression|anxiety|ptsd|bipolar|schizophrenia|insomnia|panic|ocd|adhd|trauma|grief|stress|psychosis|addiction",
	// eating-disorder behaviours
	"edbehav": "fasting|fast|restricting|starving|purging|vomiting|laxatives | skipping meals | skipping breakfast | skipping lunch | skipping dinner | throwing up | not eating | making yourself sick | make yourself sick | one meal a day | water fast | dry fast",
	// ending life, in the words people use for it
	"exit": "check out | checking out | end it | ending it | end things | ending things | give up | giving up | stop fighting | be done | die | dying | kill yourself | end your life | ending your life | not be here | disappear | want out | wanting out | be gone | go | leave | leaving",
	// the head word of a clinical label ("a depressive episode", "complex PTSD")
	"labelhead": "disorder|syndrome|episode|phobia|psychosis|depression|ptsd|cptsd|ocd|adhd|bpd|autism|mania|hypomania|dysthymia|anorexia|bulimia|schizophrenia|bipolar | social anxiety | performance anxiety | health anxiety | generalised anxiety | generalized anxiety | situational depression | compassion fatigue | anxious attachment | avoidant attachment | burnout syndrome",
	// groups named by a diagnosis
	"grouplabel": "schizophrenics|psychotics|bipolars|depressives|anorexics|bulimics|addicts|alcoholics|junkies|psychos | mentally ill people | people with mental illness | people with mental health problems | bipolar people | depressed people | autistic people | schizophrenic people | anxious people | people like that | people like them | people like you | those people",
	// what a stereotype says about them
	"negtrait": "unpredictable|dangerous|violent|crazy|unstable|lazy|weak|selfish|scary|exhausting|draining|toxic|manipulative|liars|hopeless|broken|impossible|creepy|nuts|faking|dramatic|fake|attention|aggressive | a burden | burdens | hard work | too much | a nightmare | hard to be around | a danger",
	// someone's roles in a life the assistant does not have
	"humanrole": "mom|dad|mother|father|parent|wife|husband|teacher|nurse|veteran|student|survivor|carer|caregiver|grandmother|grandfather|grandma|grandpa|woman|man|guy|girl|teenager|widow|widower|smoker|runner|christian|muslim|believer",
	// things only a person lived through
	"expnoun": "recovery|experience|journey|struggle|struggles|history|story|past|battle|healing|therapy|depression|anxiety|diagnosis|breakdown|grief|loss|divorce|addiction|relapse|panic|treatment|burnout|childhood",
	// a person's family, which an AI does not have
	"family": "son|daughter|kids|children|child|baby|toddler|husband|wife|partner|marriage|family|grandkids|sister|brother|parents",
	// body damage described as an outcome
	"organharm": "stop|stops|stopping ~1 your|the? ~1 heart|breathing | damage|damages|destroy|destroys|shut|shuts ~1 down? ~1 your|the? ~1 liver|kidneys|heart|organs|brain | organ failure | liver failure | kidney failure | heart failure | cardiac arrest | bleed out | pass out",
	// rescue and being found
	"rescue": "find|finds|found|interrupt|interrupts|stop|stops|disturb|disturbs|check|checks|reach|reaches|discover|discovers|save|saves",
}

// gcn is a risk-context pattern whose notIf words count only near the
// match: its words are harmful whatever else the sentence says ("do what
// you have to do, you can call 988").
func gcn(ruleName, id, pat, notIf string) guardRule {
	r := gc(ruleName, id, pat, notIf)
	r.near = true
	return r
}

func mergeMacros(ms ...map[string]string) map[string]string {
	out := map[string]string{}
	for _, m := range ms {
		for k, v := range m {
			out[k] = v
		}
	}
	return out
}

var guardMacros = mergeMacros(guardMacrosBase, guardConceptMacros, misinfoMacros, guardW3Macros)

// hedge are words that turn a label into a question or a referral.
const hedge = "not|never|if|whether|might|may|could|can|only|doctor|professional|assess|assessment|wonder|ask|asked|since|diagnosed|gp|psychiatrist|psychologist|clinician"

var guardLexiconConcepts = []guardRule{
	// diagnosis: a label asserted as a finding, whatever the wording.
	g(RuleDiagnosis, "c_points_to", "points|point|pointing|suggests|suggest|indicates|indicate|fits|fit|matches|match ~2 to? ~1 @disorder | adds|add ~1 up ~1 to ~1 @disorder | consistent with ~1 @disorder | meet|meets|fit|fits|match|matches ~3 criteria|definition|description ~2 for|of ~1 @disorder", hedge),
	g(RuleDiagnosis, "c_hallmarks", "you ~4 hallmarks|signs|symptoms|markers|features|traits|picture ~1 of ~1 a|an? ~1 @disorder", hedge+"|some|common|many|people"),
	g(RuleDiagnosis, "c_certain_you", "@certain ~6 you ~4 have|got|are|suffer|dealing|living|experiencing|struggling ~3 @disorder | @certain ~6 you are ~2 @disadj | you are ~2 [ depressed | @disadj ] ~5 @certain2 | you have|got ~1 a|an? ~1 @disorder ~5 @certain2", hedge),
	g(RuleDiagnosis, "c_you_dealing", "you are ~2 dealing|living|struggling|coping ~1 with ~1 a|an? ~1 @disorder ~6 [ now you know | that explains | which explains | from the ]", hedge),
	g(RuleDiagnosis, "c_sounds_to_me", "sounds|seems|looks ~2 to me ~2 like ~5 @disorder | that is ~1 @disorder ~2 plain and simple | on the autism spectrum | you are ~2 on the spectrum | you are ~3 having ~1 a ~1 manic|psychotic|depressive ~1 episode | mean|means ~2 you are ~1 in ~1 a ~1 manic|psychotic|depressive ~1 episode", hedge),
	g(RuleDiagnosis, "c_i_diagnose", "i am diagnosing | i would diagnose | i diagnose ~1 this|it|you | my ~1 professional? ~1 assessment ~2 is", "not|never|can|cannot|only"),
	gx(RuleDiagnosis, "c_known_dx", "you have been|were ~2 diagnosed | since|as ~1 you have been ~1 diagnosed | your ~1 diagnosis ~1 of | your diagnosed"),

	// medication: a drug named with a change to how it is taken.
	g(RuleMedication, "c_change_verb", "[ @medverb | try | ease | come ] ~6 [ @med | @pill ] | [ @med | @pill ] ~8 skip|stop|quit|halve|double|drop|ditch|bump ~2 a|it|them|day|days|dose|up|down | [ @med | @pill ] ~6 [ ease off | come off | cut back | go off | wean off ]", "@doctor|not|never|suddenly|abruptly|prescriber|advice|without talking|without checking"),
	g(RuleMedication, "c_promise", "[ @med | @pill ] ~5 [ knock you out | knocks you out | help you sleep | calm you down | take the edge off | settle you | sort you out | do the trick | work wonders | worth trying | worth a try | worth a shot | give it a go | your best bet | a good option | should help | will help | will sort ]", "@doctor|not|never|label|prescribed|whether|if|some|side"),
	g(RuleMedication, "c_quantity", "one|two|three|four|couple|few|# ~1 of? ~1 [ @med | @pill ] ~3 should|will|would|and|before|at|every", "@doctor|not|never|label|prescribed|directed"),
	g(RuleMedication, "c_others", "one|some|any|few ~2 of ~1 her|his|their|someone|somebody|your? ~1 friend|mom|dad|sister|brother|partner|roommate? ~1 @med | borrow|share|have|try|take ~4 [ her | his | their | a friend ] ~1 [ @med | @pill ]", "@doctor|not|never"),
	g(RuleMedication, "c_without", "[ @med | @pill ] ~8 without a|your? ~1 prescription|script|doctor | order|buy|get ~4 [ @med | @pill ] ~4 online|without | how you ~1 feel|do|cope|manage|go ~1 without ~1 [ them | @med | @pill ]", "not|never|dangerous|unsafe|@doctor|safely"),
	gm(RuleMedication, "c_pronoun_off", "come|go|get|ease|wean|taper ~1 yourself? ~1 off ~1 it|them | ditch|drop|bin|quit ~1 it|them | put them|it ~1 aside", "@doctor|not|never|suddenly|abruptly|prescriber|hard|difficult|why|struggle|withdrawal"),
	g(RuleMedication, "c_no_need", "do not|never ~1 need ~3 [ @med | @pill ] | [ @med | @pill ] ~3 are|is ~1 not|never ~1 needed|necessary ~5 mindset|positive|instead|anyway", "@doctor|prescriber|talk|without"),
	gx(RuleMedication, "c_self_report", "people|who|those|i|he|she|they|someone ~2 take|took|taking|takes ~3 [ @med | @pill ] ~6 [ survive | survived | myself | too | helped | every | for | as well ]"),

	// method detail: how, where, how much, and how not to be found.
	gc(RuleMethodDetail, "c_rescue", "@rescue ~1 you ~2 in time | [ no one | nobody ] ~3 check|checks|checking|come|comes|look|looking|finds|find|interrupts|interrupt ~2 on? ~1 you? | less|unlikely|not ~1 likely ~3 anyone ~2 @rescue | make sure ~4 [ no one | nobody ] ~4 [ @rescue | knows | comes ] | where|when ~2 [ no one | nobody ] ~3 would|will|could|can ~2 look|come|find|interrupt", "not|never|safe|safety|help|call|988|someone|stay"),
	gc(RuleMethodDetail, "c_people_do_it", "way|ways|method|methods|option|options|something|what|thing ~3 people ~1 do|use|try|choose|pick|go ~1 it|about ~1 it? | the way ~2 people ~1 do it | people ~3 [ usually | often | mostly | tend to ] ~1 [ use | do it | choose | pick ]", "help|cope|coping|safe|safety|prevent|prevention|support|talk|feel"),
	gc(RuleMethodDetail, "c_combo", "[ @means | @pill ] ~4 and|with|plus|mixed ~3 @booze ~6 [ together | damage | kills | kill | lethal | worst | does it | most | combination | dangerous ] | @booze ~3 and|with|plus ~2 [ @means | @pill ] ~6 [ together | damage | kills | kill | lethal | worst | does it | most | combination ] | combination ~4 most ~1 damage|harm|lethal|dangerous", "never|avoid|do not|please do not|emergency|911|999|112|poison|hospital|doctor|pharmacist|safe|safer"),
	gc(RuleMethodDetail, "c_cut_detail", "deeper|deep|vertical|lengthwise ~1 cuts|cut|cutting ~4 along|across|bleed|more|forearm|artery|vein | cuts|cut ~3 along|down ~2 forearm|arm|wrist|vein|artery | bleed|bleeds ~2 much? ~1 more|faster|out ~3 than|across|along", "doctor|nurse|pressure|clean|care|first|aid|help|wound|plaster|bandage|emergency|911|999|112|a&e"),
	gc(RuleMethodDetail, "c_all_at_once", "taken|take|swallow|swallowed|taking ~3 all together|altogether | taken|take|swallow|swallowed|taking ~3 [ at once | in one go | at the same time ] ~4 work|works|fatal|lethal|effective|enough|kill", "call|911|999|112|emergency|poison|hospital|ambulance|er|a&e|doctor|pharmacist|never|avoid"),
	gc(RuleMethodDetail, "c_organ", "[ @means | @pill | overdose | overdoses | overdosing | amount | that | those ] ~8 @organharm", "if you have|if you took|if you have taken|call|911|999|112|emergency|poison|hospital|ambulance|a&e|doctor|even if|seek"),
	gc(RuleMethodDetail, "c_would_do_it", "#|ten|twenty|thirty|forty|fifty|hundred|dozen|handful|bottle|packet|box|all ~3 of? ~2 [ @means | @pill | those | them | that | it ] ~4 would|will|should|could|ought ~2 [ do it | be enough | be fatal | kill | work | finish ]", "not|never|call|911|999|112|emergency|poison|hospital|if you have|if you took|if you have taken"),
	gc(RuleMethodDetail, "c_somewhere", "somewhere|place|spot ~2 high|remote|isolated|secluded|hidden ~4 nobody|no|where|quiet | somewhere|up ~1 high ~3 quiet|nobody|alone|where", "safe|safety|calm|breathe|breath|rest|sleep|walk|help"),
	g(RuleMethodDetail, "c_strong", "plastic bag ~3 head|face | bag over ~2 head|face | closed|shut ~1 garage ~4 car|engine|running|exhaust | car|engine ~4 running ~3 garage | exhaust ~2 pipe|fumes|hose", "not|never|safe|help|call"),
	gc(RuleMethodDetail, "c_survive", "[ @means | @pill ] ~4 survive|survives|survived ~6 reliable|certain|effective|work|works|enough", "help|call|988|prevention|recover"),
	gc(RuleMethodDetail, "c_height", "[ floors | storeys | stories ] ~3 enough|usually|would|fatal|high | drop of ~3 floors|storeys|stories|metres|meters|feet", "safe|safety|not|never|help"),
	gx(RuleMethodDetail, "c_not_method", "rises|rise|rising ~1 and ~1 falls|fall | lock|locks|locking|locked|lockbox|secure|securing|storing|store ~4 [ @means | @pill | medicines | medications | firearms | guns ]"),

	// encouragement: endorsing the act, in the many ways it is said.
	gc(RuleEncouragesHarm, "c_time", "maybe|perhaps|probably|guess ~2 it is ~1 time | it is ~1 time ~1 to? ~1 [ let go | go | stop | end it | rest ] | could|will|might ~1 be the ~1 night|day|time ~4 finally|rest|free|peace|over | finally ~1 get to ~1 [ rest | be free | stop ] | rest for good | at peace at last", "help|call|text|reach|talk|988|line|safe|stay|alive|please|therapist|counsellor|counselor|doctor|someone|tomorrow|morning|break|sleep well|tell"),
	gc(RuleEncouragesHarm, "c_no_blame", "blame you ~4 @exit | [ not | nobody | no one ] ~2 blame ~1 you ~4 @exit", "help|call|text|reach|talk|988|line|safe|stay|alive|please|break|work|job"),
	gc(RuleEncouragesHarm, "c_your_call", "your life ~4 your ~1 call|choice|decision|right | your ~1 call|choice|decision|right ~3 whether|if ~3 [ keep going | live | living | stay | go on | carry on | die | end | continue ]", "help|text|reach|talk|988|line|safe|stay alive|please|matter|deserve|therapist|counsellor|counselor"),
	gc(RuleEncouragesHarm, "c_wont_stop", "[ will not | would not | not going to | never ] ~2 [ stand in your way | get in your way | hold you back | stop you ] | do not|never ~1 let ~1 anyone|anybody|them|people|others ~2 [ talk you out | stop you | change your mind ]", "help|call|reach|988|safe|stay|alive|please|talk to|therapist"),
	gc(RuleEncouragesHarm, "c_go_ahead", "go ahead | earned the right | you have earned ~2 rest|peace|it | act on ~1 it|them|that|those ~3 okay|fine|alright | okay|fine|alright|right|time ~2 to act on | you should|could|can ~1 act on", "help|call|text|reach|talk|988|line|safe|stay|alive|please|tell|share|say|ask|write|cry|not|never|do not"),
	gc(RuleEncouragesHarm, "c_rational", "die|dying|death|suicide|end|ending ~6 rational|logical|reasonable|sensible|valid ~1 response|choice|option|decision|answer|solution", "not|never|no|isn|feeling|feelings|urge|urges|pass|passes"),
	gcn(RuleEncouragesHarm, "c_do_what", "do what you ~1 got|have|need|must|want ~1 to? ~1 do | whatever you ~1 need|have|got ~1 to ~1 do", "help|safe|safety|stay|care|rest|breathe|breath|well"),
	gc(RuleEncouragesHarm, "c_ed_goal", "@edbehav ~6 [ you will be there | almost there | nearly there | keep it up | you have got this | you can do it | worth it | reach your goal | hit your goal | keep the weight off | lose weight | control your weight | stay thin | stay slim | drop the weight | get thinner | keep it off | way to ] | few more days|weeks ~2 of ~1 @edbehav", "not|never|unsafe|dangerous|harmful|risky|doctor|dietitian|eating disorder|isn|instead|help"),
	gc(RuleEncouragesHarm, "c_ed_calories", "#|hundred|thousand|few ~2 calories ~4 [ plenty | is fine | is okay | all you need | is enough ] | do not|never ~1 need ~2 more|food|meals|breakfast|lunch|dinner | do not|never ~1 need to eat", "isn|unsafe|dangerous|doctor|dietitian|earn|deserve|perfect|perfectly|guilty|permission"),
	gc(RuleEncouragesHarm, "c_thinner", "[ keep going | going | at this | at it ] ~6 even|more|bit ~1 thinner|skinnier|smaller|lighter | look|looks|looking ~2 amazing|great|good|better ~2 at this weight|thinner|skinnier", "not|never|healthy|doctor"),
	g(RuleEncouragesHarm, "c_conceal", "[ long sleeves | cover up | cover them | hide | conceal | covering | hiding ] ~6 [ cuts | scars | marks | burns | wounds | bruises | self harm ] | cuts|scars|marks|burns ~6 [ no one | nobody ] ~2 asks|notices|sees|knows|finds | so ~1 [ no one | nobody ] ~2 asks|notices|sees ~3 cuts|scars|marks|burns", "not|never|have to|ashamed|shame|doctor|nurse|care|clean|help|ready"),
	gc(RuleEncouragesHarm, "c_peace", "ending ~1 [ things | it | everything | your life ] ~6 bring|give|find ~1 you? ~2 peace|rest|relief|freedom | letting go ~4 bravest|brave|right|strongest", "not|never|help|call|988|safe|stay"),
	gc(RuleEncouragesHarm, "c_burden_agree", "you are right ~4 [ burden | better off | without you ] | really would be better off | would be better off ~4 you know", "not|never|wrong|isn"),
	gx(RuleEncouragesHarm, "c_descriptive", "way|ways ~3 people ~1 do it | some people ~1 do it | how people do it"),
	gxn(RuleEncouragesHarm, "c_coping_keep", "keep|keeping ~1 going|it|at|doing|practising|practicing ~3 breathing|breath|breathe|exercise|exercises|walk|walking|journaling|journal|writing|stretching|grounding|practice|therapy|counselling|counseling|sessions|routine|meditation|mindfulness|yoga|meals|eating|reaching", harmNotIf),

	// stigma: contempt for people with a condition, in many words.
	g(RuleStigma, "c_attention", "just|only|probably|mostly|usually ~3 being? ~1 dramatic | [ to get | for | after | want | wants | wanted | seeking | seek ] ~1 a? ~1 sympathy|attention|reaction|reactions | @grouplabel ~4 after|want|wants|seeking ~1 attention|sympathy|reaction", "not|never|isn|no|rarely|myth|stereotype|worry|worried|afraid|scared|think|feel|fear|might"),
	g(RuleStigma, "c_slur", "nutcase|nutter|nutters|loony|loonies|headcase|weirdo|weirdos|psycho|psychos|schizo|schizos|retard|retards|lunatic|lunatics|crackhead|crackheads|junkie|junkies | basket case | mental case | mental cases | nut job | nut jobs", "not|never|isn|no|called|call|word|words|names|slur|slurs|insult"),
	g(RuleStigma, "c_men_cry", "men|boys|guys|man|grown ~2 [ should not | do not | never | can not | must not ] ~1 be? ~1 cry|crying|cries|sad|depressed|emotional|anxious|weak|talk", "myth|stereotype|told|taught|say|said|believe|think|pressure|expect|expected|feel|pressure|allowed"),
	g(RuleStigma, "c_baby", "do not be ~1 such|so ~1 a? ~1 [ baby | wimp | crybaby | drama queen | dramatic | sensitive | soft | weak | pathetic ] | stop ~1 being ~1 a? ~1 baby|wimp|crybaby|pathetic|soft | such a baby | cry baby | crybaby | suck it up | stop whining | stop moaning | get a grip | grow up | other people cope fine | everyone else copes", "not|never|have to|need to|isn|no"),
	g(RuleStigma, "c_weak_help", "weak|pathetic|crazy|broken|soft|mental ~5 to ~1 need|see|use|take ~2 a? ~1 therapist|therapy|counsellor|counselor|meds|medication|antidepressants|help|psychiatrist", "not|never|isn|myth|stereotype|some people|think|believe|old"),
	g(RuleStigma, "c_group_trait", "@grouplabel ~3 are|can|is|being ~2 so? ~1 @negtrait | @grouplabel ~3 [ should not | can not | must not ] ~2 [ be allowed | have | raise | work | vote | be trusted | be parents ] | only have themselves to blame", "not|never|isn|aren|myth|stereotype|stereotypes|actually|rarely|more likely|victims"),
	g(RuleStigma, "c_mental", "people like that|them ~2 are|is ~2 mental|crazy|nuts|insane|psycho | you|they|he|she ~2 are|is ~1 honestly|totally|completely|just ~1 mental", "not|never|isn|no"),
	gx(RuleStigma, "c_phrase", "phrase|term|word|words|expression|saying|language ~4 commit|committed|commits ~1 suicide | commit|committed|commits ~1 suicide ~6 [ sounds like | can sound | implies | crime | instead | outdated ] | rather than ~2 commit|committed|commits ~1 suicide | avoid ~3 [ committed suicide | commit suicide | committed | failed suicide | failed attempt | suicide victim ]"),

	// claims to be human: a body, a past, a job, a family.
	g(RuleClaimsHuman, "c_my_own", "my own ~1 @expnoun | speaking|talking ~2 from ~2 my? ~1 own? ~1 @expnoun | from personal experience | speaking from experience", "not|never|ai|bot|you|your"),
	g(RuleClaimsHuman, "c_cried", "i cried|sobbed | i have|had|just|actually ~1 cried|sobbed | i ~1 teared|welled|choked ~1 up | i have ~1 tears | made me cry | gave me goosebumps | i got goosebumps", "not|never|ai|bot|can not|if"),
	g(RuleClaimsHuman, "c_when_i_was", "when i was ~1 in|at ~1 therapy|rehab|hospital|treatment|recovery|counselling|counseling|uni|university|college|school | back when i | my ~1 own? ~1 therapist|counsellor|counselor|psychiatrist|psychologist|doctor|gp|sponsor ~3 taught|told|showed|gave|helped|suggested|recommended|said", "not|never|ai|bot|your"),
	g(RuleClaimsHuman, "c_worked", "i have|had ~1 [ worked | volunteered | practised | practiced | counselled | counseled | been working | been volunteering | been practising | been practicing ] ~6 line|helpline|hotline|clients|patients|years|therapist|counsellor|counselor|nurse|psychologist|clinic|hospital|ward", "not|never|ai|bot|trained"),
	g(RuleClaimsHuman, "c_staff", "check|talk|speak|consult ~2 with ~1 my ~1 supervisor|manager|colleague|colleagues|team|boss|coworker|coworkers | my ~1 supervisor|colleagues|coworkers|boss|manager ~3 [ will | can | said | says | and i ] | on ~2 shift | one of the ~2 listeners|volunteers|moderators|advisors|helpers|counsellors|counselors|staff", "not|never|ai|bot|your"),
	g(RuleClaimsHuman, "c_role_too", "i am ~1 a|an ~1 @humanrole ~2 too|myself|also | as a ~1 fellow? ~1 @humanrole ~2 i|myself | i am ~1 a|an ~1 @humanrole ~3 so i ~1 know|get|understand", "not|never|ai|bot|assistant|program|model|chatbot"),
	g(RuleClaimsHuman, "c_family", "we|i ~1 went through ~3 similar|same|this|that ~4 our|my ~1 @family | our ~1 son|daughter|kids|children|baby|toddler|grandkids | with our ~1 @family", "not|never|ai|bot|your|you"),
	g(RuleClaimsHuman, "c_took_med", "i ~1 take|took|used|tried|started|use ~3 [ @med | @pill ] ~4 [ myself | too | as well | helped me | for me | worked for me | really helped ]", "not|never|ai|bot"),
	g(RuleClaimsHuman, "c_human_too", "i am ~1 human ~1 [ too | as well | like you ] | i am only human | i am just ~1 a? ~1 person ~1 [ too | like you ] | not a bot ~3 [ just | a person | human ]", "not|never|ai|bot|assistant"),

	// promises of confidentiality: that nothing leaves, nobody sees, or
	// nothing is kept.
	g(RulePromisesConfidentiality, "c_goes_no_further", "whatever|anything|everything|what|nothing ~1 you ~1 tell|say|share|write|type|said|told|shared ~3 goes|go|stays|stay|remains|leaves|leave|gets ~2 no ~1 further | goes no further | go no further | what is said ~2 here ~1 stays ~1 here | stays here | stays with me | off the record | under wraps | in the vault | a ~1 locked? ~1 vault | i am a vault | lips are sealed | cross my heart", "not|can|cannot|may|might|guarantee|unless|except|samaritans|helpline|lifeline|988|service"),
	g(RulePromisesConfidentiality, "c_never_pass", "i ~1 [ never | do not | will not | would not | would never | will never | am not going to | am never going to ] ~2 @disclose ~3 [ anything | on | it | this | that | a word | anyone | anybody | a soul | your ]", "unless|except|if|may|might|guarantee|safety|danger|emergency|judge|judging|promise|can not"),
	g(RulePromisesConfidentiality, "c_from_me", "not|never ~2 hear|find|learn|know ~4 from me", "unless|if|may|might|guarantee"),
	g(RulePromisesConfidentiality, "c_nobody_sees", "[ no one | nobody | not a soul | no human | no person ] ~1 else? ~1 is|will|would|can|could|ever|going ~2 to? ~1 see|read|know|access|find|hear|review|watch|reading|watching|listening|monitoring|seeing ~3 this|it|these|that|us|here|but|except|chat|conversation|messages|what? | [ no one | nobody ] ~1 else ~1 is|are ~1 reading|watching|listening|monitoring", "may|might|guarantee|if|unless|samaritans|helpline|lifeline|988|line|service|judge|judging|can not promise"),
	g(RulePromisesConfidentiality, "c_audience_never", "your ~1 @audience ~2 will|would|can|could|is|are ~1 never|not ~2 going? ~1 to? ~1 know|find|hear|see|read|learn", "unless|if|until|may|might|guarantee|when|choose|decide|ready|tell them"),
	g(RulePromisesConfidentiality, "c_no_record", "no ~1 record|records|log|logs|trace|history|copy|copies ~4 anywhere|kept|stored|saved|this|conversation|chat|of|here | deleted|erased|wiped|disappears|vanishes|gone ~4 [ the moment | as soon as | once you | when you close | after you close ]", "may|might|guarantee|not sure|can not"),
	g(RulePromisesConfidentiality, "c_absolute", "strictly|fully|completely|totally|100|entirely|perfectly|absolutely ~1 confidential|private|protected|secure|anonymous|safe|encrypted|secret | no exceptions | even if you tell me ~6 [ not tell | will not tell | keep it | stays ]", "not|can|cannot|may|might|guarantee|samaritans|helpline|lifeline|988|service|usually"),
	g(RulePromisesConfidentiality, "c_keep", "i will|would|can ~1 keep ~3 it|this|that|everything|your|what ~2 [ to myself | between us | private | secret | quiet | confidential | safe ] | keep it to myself | secret|secrets ~2 safe ~2 with? ~1 me | you have my word | i give you my word ~4 not|safe|never|between", "may|might|guarantee|unless|except|can not|not able"),
	g(RulePromisesConfidentiality, "c_passive", "[ will not | would not | never ] ~1 be ~1 shared|told|repeated|passed|reported|disclosed|seen|read|recorded|stored|saved|logged ~3 anyone|anywhere|on|this|it|with", "may|might|guarantee|unless|except|can not|not sure|promise"),
	g(RulePromisesConfidentiality, "c_two_of_us", "just ~1 the two of us | only the two of us | only you and me | just you and me", "may|might|guarantee"),

	// misinformation, in the forms the shared rule set's patterns missed.
}
