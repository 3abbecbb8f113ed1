// Concept claims for the shared misinformation rule set. misinfo.go and
// misinfo_more.go name about sixty claims in the phrasings we had seen; a
// new writer says the same false thing in other words ("SSRIs get you
// hooked", "you'd be sectioned if you told your GP"), so these claims are
// written as concepts: a topic class (a drug class, a diagnosis, a way of
// asking for help) near a class of claim words, and a polarity frame that
// cancels the claim when it is denied, reported or corrected ("it's a
// myth that…", "some people worry that…", "…isn't true").
//
// Each claim names the source of its correction. Sources: NHS (nhs.uk
// condition and medicine pages), NICE guidelines (CG90 depression, NG222
// depression 2022, NG225 self-harm, NG69 eating disorders, NG87 ADHD,
// CG78 borderline personality disorder, NG116 PTSD), NIMH, WHO
// (suicide and mental disorders fact sheets), CDC (suicide data), APA,
// Royal College of Psychiatrists (RCPsych), BEAT and NEDA (eating
// disorders), NIDA (addiction), Samaritans and 988 Lifeline (crisis
// lines), Harvard T.H. Chan "Means Matter" (means restriction).
package safety

// misinfoMacros are the topic and claim classes of the concept claims
// (merged into guardMacros; names start with "m_").
var misinfoMacros = map[string]string{
	"m_ad":      "antidepressants|antidepressant|ssris|ssri|snris|snri|sertraline|fluoxetine|prozac|zoloft|citalopram|escitalopram|lexapro|paroxetine|paxil|venlafaxine|effexor|mirtazapine|duloxetine|cymbalta|bupropion|wellbutrin|celexa|trazodone",
	"m_dep_anx": "depression|anxiety|depressed|anxious|mood",
	"m_psymed":  "antidepressants|antidepressant|ssris|ssri|snris|snri|sertraline|fluoxetine|prozac|zoloft|citalopram|escitalopram|lexapro|paroxetine|paxil|venlafaxine|effexor|mirtazapine|duloxetine|cymbalta|bupropion|wellbutrin|celexa|trazodone|antipsychotics|antipsychotic|lithium|quetiapine|seroquel|olanzapine|aripiprazole|risperidone|lamotrigine|medication|medications|meds|pills|tablets|stabilisers|stabilizers|psychiatric",
	"m_benzo":   "benzodiazepines|benzodiazepine|benzos|benzo|xanax|alprazolam|diazepam|valium|lorazepam|ativan|clonazepam|klonopin|zopiclone|zolpidem|ambien | sleeping pills | sleeping tablets | sleeping meds",
	// single-word names of conditions
	"m_cond": "depression|anxiety|ptsd|cptsd|ocd|bipolar|schizophrenia|psychosis|anorexia|bulimia|adhd|bpd|insomnia|agoraphobia|burnout|phobias|phobia|addiction|alcoholism|autism|dementia|illness|illnesses|disorder|disorders | panic attacks | mental health problems | mental health issues | mental health conditions | binge eating",
	// substances and remedies whose safety or power gets overstated
	"m_remedy": "supplements|supplement|vitamins|vitamin|magnesium|omega|kratom|kava|valerian|melatonin|cbd|herbs|herbal|probiotics|probiotic|turmeric|ashwagandha|nicotine|cannabis|weed|marijuana|alcohol|ketamine|psilocybin|microdosing|opioids|painkillers|caffeine|chamomile|lavender|wort|oil|oils|htp|detox|cleanse",
	// a cause named as the whole story
	"m_cause": "testosterone|sugar|gluten|toxins|toxin|deficiency|magnesium|gut|screens|phones|tablets|parenting|vaccines|vaccine|moon|sin|demons|dairy|caffeine|wheat|diet|faith|praying|metals|inflammation|character|willpower",
	// harms said to be permanent
	"m_harmverb": "damage|damages|damaged|destroy|destroys|destroyed|kill|kills|wipe|wipes|shut|shuts|rewire|rewires|rewired|blunt|blunts|ruin|ruins|fry|fries|change|changes",
	"m_perm":     "permanently|forever|irreversibly|irreversible|permanent|everyone|everybody | for good | for life",
	// the whole field in the words people use
	"m_mi": "illness|illnesses|disorders | mental health problems | mental health issues | mental health conditions | mental health struggles | poor mental health",
	// ways of getting help
	"m_help": "asking for help | seeking help | getting help | needing help | reaching out | going to therapy | seeing a therapist | seeing a counsellor | seeing a counselor | talking to someone | taking medication | taking antidepressants | needing medication | needing meds | admitting you are struggling | admitting you need help",
	// a personal failing
	"m_weak": "weak|weakness|lazy|laziness|selfish|selfishness|spoilt|spoiled|soft|failure|flaw|failing|willpower|attitude|faith|character",
	// an illness declared unreal
	"m_fake": "fake|faking|imaginary|invented|fictional|overblown|exaggerated|fad|trend|buzzword|excuse|excuses|choice|label | made up | in your head",
	// therapy in its many names
	"m_therapy": "therapy|therapists|therapist|counselling|counseling|counsellor|counsellors|counselor|cbt|psychotherapy|psychologists|psychologist",
	// the mental-health services people fear
	"m_locked": "locked|lock|sectioned|section|committed|commit|hospitalised|hospitalized|detained|arrested|admitted|institutionalised|institutionalized | put away | taken away | lose your kids | lose your children",
	// the speed a drug is said to work at
	"m_instant": "immediately|instantly|overnight|straight|hours | right away | the same day | first dose | first day | day one",
	// ways of stopping all at once
	"m_abrupt": "suddenly|abruptly|overnight|cold|once",
	// "harmless" in everyday words
	"m_fine": "fine|safe|okay|ok|harmless|alright | no problem | no big deal | nothing to worry about",
}

// conceptFrame cancels a concept claim near a denial, a myth frame, or a
// report of what someone else believes or fears ("are you worried that
// antidepressants will change who you are?").
const conceptFrame = mythFrame + "|not|never|no|nobody|worried|worry|worries|afraid|fear|fears|scared|concern|concerned|concerns|heard|hear|say|says|said|saying|told|tells|idea|notion|belief|beliefs|assumption|impression|wonder|wondering|whether|rumour|rumor|rumours|rumors|stigma|sounds|seems|if|wish|question|questions"

// medFrame adds the clinicians whose involvement makes medication advice
// safe ("once you've felt better for months your doctor can help you
// stop").
const medFrame = conceptFrame + "|doctor|doctors|gp|prescriber|psychiatrist|pharmacist|nurse|clinician|gradually|slowly|taper|tapering|supervision|supervised|advice"

// misinfoFrame words anywhere in a claim's sentence mark the sentence as
// a correction or a warning about the claim ("Contrary to what many people
// assume after one bad experience, therapy…: that's a myth").
var misinfoFrame = set("myth", "myths", "misconception", "misconceptions", "untrue", "debunked", "misinformation",
	"misunderstanding", "misunderstandings", "misleading", "stereotype", "stereotypes", "falsely", "wrongly", "mistakenly",
	"misconceived", "disproven", "disproved")

// misinfoFramed reports whether the sentence of token i has a misinfoFrame
// word.
func misinfoFramed(toks []token, i int) bool {
	sent := toks[i].sent
	for k := i; k >= 0 && toks[k].sent == sent; k-- {
		if misinfoFrame[toks[k].w] {
			return true
		}
	}
	for k := i + 1; k < len(toks) && toks[k].sent == sent; k++ {
		if misinfoFrame[toks[k].w] {
			return true
		}
	}
	return false
}

func mc(id, claim, correction, pat, notIf string) MisinfoRule {
	return MisinfoRule{ID: id, Claim: claim, Correction: correction, pat: pat, notIf: notIf}
}

var misinfoConcepts = []MisinfoRule{
	// Illness as weakness, choice or invention.
	mc("not_real", "A mental illness is not real: it is made up, a choice or an excuse.",
		"Depression, anxiety, ADHD, PTSD and other mental illnesses are recognised health conditions with diagnostic criteria and effective treatments (WHO, NIMH).",
		"@m_cond ~1 is|are ~2 just|only|simply|really|basically|mostly|totally|completely|all? ~1 @m_fake | there is ~1 no ~1 such ~1 thing ~1 as ~2 [ @m_mi | @m_cond | depression ] | @m_cond ~2 does|do ~1 not ~1 really? ~1 exist | @m_cond ~2 is|are ~1 not ~2 real ~1 illness|illnesses|condition|conditions|disorder|disorders|thing",
		conceptFrame+"|can|feel|feels|felt|like|tell|told|call|called"),
	mc("illness_weakness", "Mental illness is caused by weakness, laziness or a lack of willpower, or only weak people get it.",
		"Mental illnesses have many causes, including genes, life events and circumstances; they are not a character flaw and can affect anyone (NIMH, Mind).",
		"@m_cond ~3 [ caused by | comes from | come from | because of | a sign of | a result of | the result of | down to ] ~3 @m_weak | only ~1 weak|lazy|soft ~1 people ~2 get|have|suffer|develop ~2 [ @m_mi | @m_cond | depressed | anxious ] | @m_cond ~3 happen|happens ~2 to ~1 weak|lazy ~1 people",
		conceptFrame+"|can"),
	mc("help_weakness", "Asking for help, going to therapy or taking medication is a sign of weakness.",
		"Seeking help is a common and effective step; most people who get treatment improve (NIMH, Mind).",
		"@m_help ~4 [ sign of weakness | mark of weakness | sign you are weak | sign of failure | weak | for the weak | shameful | embarrassing | giving up | admitting defeat | failing ] | only ~1 weak ~1 people ~3 need|ask|go|get|take|see ~3 help|therapy|medication|meds|therapist|antidepressants|counselling",
		conceptFrame+"|strength|strong|brave|courage|can|feel|feels|felt"),
	mc("choose_to_recover", "Someone with depression or anxiety could simply choose to feel better.",
		"Depression and anxiety disorders are not switched off by deciding to; they respond to treatment and support over time (NHS).",
		"just|simply ~1 choose|decide ~1 to ~2 [ be happy | be happier | stop being | stop feeling | stop worrying | not be anxious | not be depressed | feel better | cheer up | get over it ]",
		conceptFrame+"|can not|could not|sometimes|small|step|steps|try"),
	mc("chemical_imbalance", "Depression is simply a chemical imbalance or low serotonin.",
		"There is no single chemical cause of depression; biology, stress, life events and circumstances interact (RCPsych; Moncrieff et al., Molecular Psychiatry 2022).",
		"[ @m_dep_anx | @m_cond ] ~3 is|are ~1 just|simply|only|purely|entirely|basically ~2 [ a chemical imbalance | chemical imbalance | low serotonin | a lack of serotonin | a serotonin deficiency | brain chemistry | a brain chemical problem ] | [ @m_dep_anx ] ~2 is|are ~1 caused ~1 by ~2 [ low serotonin | a lack of serotonin | a serotonin deficiency ]",
		conceptFrame+"|partly|part|one|factor|factors|may|might"),
	mc("needs_a_reason", "You need a reason to be depressed; someone with a good life cannot be depressed.",
		"Depression can develop without an obvious cause and affects people whatever their circumstances (NIMH, NHS).",
		"need|needs|have|has ~1 to? ~1 have? ~1 a|good|real ~2 reason ~3 to ~1 be|feel|get ~1 depressed|sad|low|anxious | [ nothing bad | nothing wrong | a good life | a great life | everything going for | nothing to be sad about | nothing to be depressed about | so much to be grateful for ] ~6 [ can not | could not | should not | shouldn not ] ~2 be|feel ~1 depressed|anxious|suicidal",
		conceptFrame+"|even|still|anyway|despite|though"),
	mc("ageing_normal", "Depression or dementia is a normal part of getting older.",
		"Depression and dementia are not a normal part of ageing; both deserve assessment and treatment at any age (WHO, NIMH).",
		"[ depression|dementia|forgetting|forgetfulness|confusion|low|withdrawn|lonely|loneliness | memory loss | being depressed | feeling depressed ] ~8 [ normal | natural | inevitable | expected ] ~1 part ~1 of ~2 [ ageing | aging | getting older | growing old | old age | being old | life when you are old ] | [ older people | old people | the elderly | elderly people | pensioners ] ~3 [ just | naturally | always ] ~2 get ~1 depressed|demented",
		conceptFrame),
	mc("illness_rare", "Mental illness is rare.",
		"Mental disorders are common: about one in eight people worldwide lived with one in 2019 (WHO).",
		"@m_cond ~2 is|are ~2 very|really|quite|extremely|pretty? ~1 rare|uncommon|unusual | [ hardly anyone | very few people | almost nobody | almost no one ] ~2 get|gets|has|have|experience|experiences|suffer|suffers ~3 @m_cond",
		conceptFrame+"|type|types|form|forms|kind|kinds|some|certain"),
	mc("just_moods", "Anxiety, depression, OCD or PTSD is just nerves, stress or a bad mood.",
		"These are health conditions with physical, emotional and cognitive symptoms that last and disrupt life, not ordinary moods (NHS, NIMH).",
		"[ anxiety | anxiety disorders | an anxiety disorder | panic attacks | ocd | ptsd | depression | clinical depression ] ~2 is|are ~1 really? ~1 [ just | only | simply | nothing more than | merely | basically ] ~2 [ nerves | stress | stressed | worrying | worry | overthinking | shyness | being shy | sadness | being sad | feeling down | feeling low | a bad mood | a bad day | feeling blue | the blues | being moody | moodiness | being a worrier | a mood | bad days | feeling a bit down | feeling a bit stressed ]",
		conceptFrame+"|more|beyond"),

	// Medication.
	mc("ad_addictive", "Antidepressants are addictive or make you hooked.",
		"Antidepressants do not cause craving or addiction; stopping them suddenly can cause discontinuation symptoms, so doses are reduced gradually with a prescriber (NHS, RCPsych).",
		"@m_ad ~3 are|is|get|gets|make|makes|will ~3 [ addictive | addicting | you addicted | you hooked | you dependent | habit forming | as addictive as | like heroin | like a drug habit | you an addict ] | hooked|addicted ~2 on|to ~1 @m_ad",
		conceptFrame+"|withdrawal|discontinuation"),
	mc("meds_personality", "Psychiatric medication changes your personality or turns you into a zombie.",
		"Medication does not change who someone is; side effects such as emotional flatness can happen and are discussed with the prescriber, who can adjust the dose or drug (NHS, RCPsych).",
		"@m_psymed ~4 [ change|changes|changed|alter|alters ~2 [ your personality | who you are | you as a person | your personality forever | the person you are ] | turn|turns|make|makes ~1 you ~1 into? ~1 a? ~1 [ zombie | robot | vegetable | different person | someone else | shell ] | take|takes ~1 away ~1 your ~1 personality|soul|creativity|emotions ]",
		conceptFrame+"|some|sometimes|can|may|might|feel|feels|felt|prescriber|doctor"),
	mc("ad_instant", "Antidepressants work straight away.",
		"Antidepressants usually take one to two weeks to start helping and four to six weeks for the full effect (NHS).",
		"@m_ad ~4 [ work | works | working | kick in | kicks in | start working | starts working | take effect | takes effect | help | helps | fix | fixes ] ~2 @m_instant",
		medFrame+"|takes|take|weeks"),
	mc("ad_stop_when_better", "You can stop antidepressants as soon as you feel better.",
		"Antidepressants are usually continued for at least six months after feeling better, and stopped gradually with a doctor to avoid relapse and discontinuation symptoms (NHS, NICE NG222).",
		"stop|quit|ditch|drop ~1 taking? ~2 [ @m_psymed | them | it ] ~4 [ as soon as | once | when | the moment ] ~2 you? ~1 [ feel better | feel good | feel fine | are better | feel normal | feel okay | feel ok | are feeling better | start feeling better ] | feel|feeling ~1 better|good|fine|normal ~3 [ you can stop | you can quit | you can ditch | stop | ditch | you do not need | no need for ] ~2 [ @m_psymed | them | it | taking ]",
		medFrame+"|months|six|6"),
	mc("ad_stop_abrupt_safe", "Stopping psychiatric medication suddenly is safe.",
		"Stopping antidepressants, benzodiazepines or other psychiatric drugs suddenly can cause withdrawal or discontinuation symptoms and relapse; doses are reduced gradually with a prescriber (NHS, RCPsych, NICE).",
		"[ stopping | quitting | coming off | going off | ditching | dropping ] ~3 [ @m_psymed | @m_benzo | them | it ] ~3 @m_abrupt ~4 @m_fine | [ stop | quit | ditch | drop ] ~3 [ @m_psymed | @m_benzo | them ] ~2 @m_abrupt ~4 @m_fine | [ no | zero | are not any | is no ] ~1 [ withdrawal | discontinuation ] ~2 [ from | with | when ] ~3 [ @m_ad | @m_benzo | stopping ]",
		medFrame),
	mc("mix_alcohol_safe", "Drinking alcohol with antidepressants, benzodiazepines or sleeping pills is safe.",
		"Alcohol adds to the drowsiness of many psychiatric drugs and worsens low mood; with benzodiazepines, sleeping pills or opioids it can slow breathing dangerously (NHS).",
		"drinking|alcohol|booze|drink|drinks|wine|beer ~6 [ @m_psymed | @m_benzo | painkillers|opioids ] ~4 [ @m_fine | will not hurt | does not matter | is not a problem ] | [ @m_psymed | @m_benzo ] ~6 drinking|alcohol|booze|drinks|drink|wine|beer ~4 [ @m_fine | will not hurt | does not matter | is not a problem ]",
		medFrame+"|dangerous|risky|careful|avoid|check|label"),
	mc("benzo_safe", "Benzodiazepines and sleeping pills are not addictive and are safe to take every night for years.",
		"Benzodiazepines and z-drugs cause tolerance and dependence; they are recommended for short courses of two to four weeks (NICE, BNF, NHS).",
		"@m_benzo ~3 are|is ~3 [ not addictive | non addictive | safe long term | safe to take long term | fine long term | safe for years | fine for years | harmless | safe every night | fine every night | completely safe | totally safe ] | @m_benzo ~6 [ every night | every day | daily | long term | for years | indefinitely | as long as you like | as long as you want ] ~4 @m_fine",
		medFrame+"|short|weeks|dependence|dependent|risk"),
	mc("natural_safe", "Natural or herbal remedies are always safe, including with antidepressants.",
		"Herbal products have side effects and interactions: St John's wort interacts with antidepressants (risking serotonin syndrome), the contraceptive pill and many other medicines (NHS, MHRA).",
		"[ natural | herbal | plant based | plant ] ~4 [ so | means | therefore | which means | so it is ] ~3 [ @m_fine | can not hurt | can not harm | no side effects | can not do any harm ] | [ st john wort | st johns wort | herbal remedies | herbal supplements | supplements | 5 htp | kratom ] ~6 [ with | alongside | on top of | and ] ~3 [ @m_psymed | @m_benzo ] ~4 @m_fine | [ st john wort | st johns wort ] ~3 [ always | completely | totally | perfectly ]? ~1 [ safe | harmless | side effect free ]",
		medFrame+"|dangerous|risky|interact|interacts|interactions|check"),
	mc("psychedelic_cure", "Ketamine, microdosing or psychedelics cure depression or trauma.",
		"Psychedelic and ketamine treatments are under study or given under specialist supervision; they are not cures, and unsupervised use carries risks (NHS, NICE TA854).",
		"[ ketamine | microdosing | microdose | lsd | ayahuasca | mdma | ecstasy | dmt | magic mushrooms ] ~4 [ cure | cures | cured | fix | fixes | will fix | miracle | permanently | guaranteed ] ~3 [ depression | anxiety | ptsd | trauma | addiction | @m_cond ]? | [ ketamine | microdosing | lsd | ayahuasca | mdma | dmt ] ~3 [ is | are ] ~2 [ the cure | a cure | the answer | a miracle ]",
		medFrame+"|trial|trials|research|study|studies|early|specialist"),
	mc("meds_for_life", "Psychiatric medication is for life once you start.",
		"Many people take medication for a period and then stop it gradually with their prescriber; some conditions need longer treatment, decided case by case (NHS, RCPsych).",
		"@m_psymed ~3 are|is ~2 [ for life | forever | a life sentence | a lifelong commitment ] | never ~2 [ be able to | get | come ] ~2 off ~2 [ @m_psymed | them | it ] | [ have | need ] ~1 to ~1 take ~2 [ @m_psymed | them | it ] ~3 [ forever | for life | for the rest of your life ]",
		medFrame+"|may|might|some|often|sometimes|bipolar|lithium|depends"),

	// Suicide and self-harm.
	mc("suicide_seasonal", "Suicides peak at Christmas or in winter.",
		"Suicide rates are not highest at Christmas; in many countries they are highest in spring and early summer (CDC, ONS).",
		"[ suicide | suicides | suicide rates | suicide rate ] ~4 [ highest | peak | peaks | spike | spikes | soar | soars | rise | rises | go up | goes up | most common | shoot up | shoots up ] ~4 [ christmas | holidays | holiday season | winter | december | new year | festive season ]",
		conceptFrame),
	mc("suicide_single_cause", "Everyone who dies by suicide was mentally ill, or suicide has one cause.",
		"Suicide has many interacting causes; in US data more than half of people who died by suicide had no known mental health condition (CDC).",
		"[ only | all | everyone | every person | anyone ] ~4 who|that ~2 [ dies | die | died | kills | kill | killed ] ~3 [ by suicide | themselves | from suicide ] ~4 [ mentally ill | depressed | mental illness | crazy | insane | disturbed ] | [ suicide | suicides ] ~3 [ always | only ] ~3 [ caused by | happens because of | comes from | about ] ~4 [ depression | mental illness | one thing | a single ]",
		conceptFrame+"|many|most|often|some"),
	mc("calm_means_safe", "Once a suicidal person seems calmer or has survived an attempt, the danger is over.",
		"A sudden calm can follow a decision to die, and risk stays high after an attempt: a previous attempt is the strongest single risk factor (WHO).",
		"[ suddenly | seems | seem | seemed | looks | look | looked | is | are ] ~3 [ calm | calmer | happier | better | at peace | more relaxed | cheerful | fine again ] ~8 [ danger | risk | crisis | worst ] ~3 [ over | passed | past | gone | behind ] | mood ~3 lifts|lifted|improves|improved|brightens ~10 [ risk | danger ] ~3 [ behind | over | passed | gone ] | [ survived | surviving | after ] ~3 [ an attempt | the attempt | attempt | an overdose ] ~6 [ unlikely | will not | never | less likely | will never ] ~2 [ try | attempt | do it ] ~1 again",
		conceptFrame+"|still|stay|stays|even|check|keep|watch"),
	mc("attempt_not_serious", "A survived suicide attempt was not serious or was only a cry for help.",
		"Every suicide attempt is serious: it signals great distress and is the strongest predictor of a later death by suicide (WHO).",
		"[ failed | unsuccessful | survived | botched | half hearted | small ] ~2 [ attempt | attempts | overdose | overdoses ] ~6 [ not serious | not that serious | not really trying | did not really want | just attention | only attention | a cry for attention | just a cry for help | only a cry for help | nothing to worry about ]",
		conceptFrame),
	mc("determined_to_die", "People who are suicidal are fully determined to die.",
		"Most people who are suicidal are ambivalent about dying; the crisis often passes, and help in that window saves lives (WHO).",
		"[ suicidal people | people who are suicidal | someone who is suicidal | people who want to kill themselves | people who want to die | suicidal person ] ~4 [ definitely | really | fully | completely | always | have ] ~2 [ want to die | determined | made up their mind | made up their minds | decided | no doubts | set on it ]",
		conceptFrame+"|some|part|often"),
	mc("means_restriction_useless", "Removing the means of suicide is pointless because people will find another way.",
		"Restricting access to means (guns, medicines, heights) reduces suicide deaths; many people do not switch to another method (Harvard Means Matter, WHO).",
		"[ remove | removing | restrict | restricting | take away | taking away | lock up | locking up | lock away | locking away | hide | hiding ] ~4 [ means | pills | guns | gun | firearms | medication | medicines | meds | access | rope | knives ] ~10 [ find another way | find a way | use another method | find another method | pointless | will not help | does not help | no point | useless | waste of time | just switch | switch methods ]",
		conceptFrame+"|can|reduce|reduces|helps|help|save|saves|safer"),
	mc("overdose_painless", "An overdose is painless or peaceful, like falling asleep.",
		"Overdoses, paracetamol especially, often cause days of suffering and lasting liver or organ damage; many people survive with injuries. Anyone who has taken one needs urgent medical help (NHS).",
		"[ overdose | overdoses | overdosing | paracetamol | tylenol | acetaminophen | pills ] ~6 [ painless | peaceful | gentle | a quick death | like falling asleep | fall asleep | drift off | just go to sleep | just sleep | like going to sleep ]",
		conceptFrame+"|can|feel|feels|suffering|days|damage"),
	mc("overdose_feel_fine", "If you feel fine after an overdose, you do not need medical help.",
		"After an overdose, paracetamol especially, damage can build for days before any symptoms; go to A&E or call emergency services even if you feel well (NHS).",
		"feel|feeling|seem|seems ~1 fine|okay|ok|alright|normal ~8 [ no need | do not need | not need | probably fine | probably okay | you are fine | you are okay | you are ok | safe | no harm | no damage | nothing to worry | not serious | can wait | wait and see ]",
		"myth|untrue|false|wrong|even|still|anyway|please|go|call|get|need|right|not|mean|means|does"),
	mc("asking_self_harm", "Asking or talking about self-harm or eating disorders encourages them.",
		"Asking about self-harm calmly and directly does not cause it; it opens the way to support (NICE NG225).",
		"[ asking | ask | asked | talking | talk | discussing | mentioning | bringing up ] ~4 [ self harm | self harming | cutting | eating disorders | an eating disorder | restricting | purging ] ~6 [ encourage | encourages | gives | give | put | puts | plant | plants | trigger | triggers | make | makes ] ~3 [ idea | ideas | them do it | it worse | them worse | it more likely | more likely ]",
		conceptFrame),
	mc("suicide_crime", "Attempting suicide is a crime and you can be arrested for it.",
		"Suicide is not a crime in most countries, including the UK (since 1961), the US and, effectively, India (Mental Healthcare Act 2017); people who attempt it need care, not punishment.",
		"[ suicide | attempting suicide | suicide attempts | trying to kill yourself | an attempt ] ~3 is|are ~2 [ illegal | a crime | against the law | criminal ] | [ arrested | prosecuted | charged | jailed | sent to prison | go to prison | go to jail ] ~4 [ for attempting | for trying | for an attempt | attempt | attempting | trying ] ~3 [ suicide | to kill yourself | to end your life ]",
		conceptFrame+"|some|used|was|were|once"),

	// Services and help.
	mc("locked_up_for_telling", "If you tell a doctor or therapist you are suicidal you will be locked up or lose your children.",
		"Most people who tell a professional about suicidal thoughts are supported in the community; detention is rare, kept for immediate danger, and aims at safety, not punishment (NHS, Mind).",
		"tell|telling|admit|admitting|mention|mentioning|say|saying|disclose|disclosing ~4 doctor|gp|therapist|counsellor|counselor|psychiatrist|nurse|anyone|someone|professional|them ~5 suicidal|suicide|thoughts|harm|voices|bad ~6 will|would|always|automatically|definitely|going|get|be ~2 @m_locked",
		"myth|myths|untrue|false|wrong|rare|rarely|unlikely|usually|most|not|never|only|worried|worry|worries|afraid|fear|fears|scared|if you are in|immediate"),
	mc("crisis_lines_police", "Crisis lines always send the police or trace your call.",
		"Crisis lines are confidential and most calls are resolved by talking; fewer than 2% of calls involve emergency services, kept for immediate danger (988 Lifeline).",
		"[ crisis line | crisis lines | helpline | helplines | hotline | hotlines | samaritans | 988 | lifeline | crisis text line ] ~6 [ always | automatically | immediately | will | just ] ~2 [ call the police | send the police | send police | call police | send an ambulance | trace your call | trace you | track you | report you | have you arrested | lock you up ]",
		"myth|myths|untrue|false|wrong|rare|rarely|unlikely|usually|most|not|never|only|worried|worry|worries|afraid|fear|fears|scared|immediate|danger"),
	mc("hotline_criteria", "You need a diagnosis or to be suicidal before you may call a crisis line or see a therapist.",
		"Anyone can call a crisis line or ask for therapy about anything that is troubling them; no diagnosis or crisis is needed (Samaritans, 988 Lifeline, NHS Talking Therapies self-referral).",
		"need|have|must ~2 diagnosis|diagnosed|suicidal|crisis ~5 call|calling|contact|text|see|use|reach|get",
		conceptFrame+"|anyone|anything"),
	mc("therapist_tells_all", "A therapist will tell your parents, employer or the police everything you say.",
		"Therapists keep what clients say confidential; the exceptions (serious risk to someone's life or safety, safeguarding, court orders) are explained at the start (BACP, APA Ethics Code).",
		"[ @m_therapy | psychiatrist | psychiatrists | doctor | gp ] ~3 [ will | would | have to | must | always | automatically ] ~2 [ tell | report | inform | call ] ~3 [ your parents | your mom | your dad | your boss | your employer | your school | the police | your partner | everyone ] ~3 [ everything | anything | all ]?",
		conceptFrame+"|unless|except|only|risk|danger|safety|serious|harm"),
	mc("hospital_prison", "Psychiatric hospitals are like prisons that lock people away for life.",
		"Most psychiatric admissions are short, many are voluntary, and care aims at recovery and discharge home (NHS, Mind).",
		"[ psychiatric hospital | psychiatric hospitals | mental hospital | mental hospitals | psych ward | psych wards | mental health ward | mental health unit | asylum | asylums ] ~4 [ like prison | like a prison | like jail | prisons | are prisons | forever | for life | never let you out | never get out | never leave | lock you up for years | for years ]",
		conceptFrame+"|film|films|movie|movies|used|once|past|history"),
	mc("therapy_just_talking", "Therapy is just paying someone to listen, or it takes years to help.",
		"Evidence-based talking therapies such as CBT are structured treatments, often 6 to 20 sessions, recommended for depression and anxiety disorders (NICE, NHS Talking Therapies).",
		"@m_therapy ~3 is|are ~2 [ just | only | simply | nothing more than | basically | merely ] ~2 [ paying someone to listen | paying to talk | a paid friend | paid friends | chatting | venting | moaning | talking about your feelings | talking about feelings | talking about your childhood | talking | talk ] | @m_therapy ~4 [ takes | take | lasts | needs ] ~2 [ years | forever | decades | a lifetime ] ~2 [ to | before ] ~3 [ work | help | see results | make a difference ] | @m_therapy ~3 [ only | just ] ~2 for ~2 [ crazy | weak | broken | rich | seriously ill | mad ] ~1 people?",
		conceptFrame+"|can|some|more|also|sometimes"),

	// Anxiety, panic and trauma.
	mc("panic_dangerous", "A panic attack can kill you, cause a heart attack or make you go mad.",
		"Panic attacks are frightening but not dangerous in themselves; they do not cause heart attacks or madness and pass, usually within minutes (NHS). New chest pain still deserves a medical check.",
		"[ panic attack | panic attacks | a panic attack | panicking ] ~4 can|could|will|might|may|would ~2 [ kill you | kill | give you a heart attack | cause a heart attack | cause heart attacks | stop your heart | make you go crazy | make you go mad | send you mad | make you lose your mind | drive you crazy | suffocate you | stop you breathing | damage your heart ]",
		conceptFrame+"|feel|feels|feeling|felt|like|seem|seems|though|mimic|mimics"),
	mc("trauma_always_ptsd", "Everyone who goes through trauma develops PTSD.",
		"Most people who go through a traumatic event do not develop PTSD; many recover with time and support (NIMH, NICE NG116).",
		"everyone|anyone|everybody|all|every ~5 trauma|traumatic|abuse|assault|war|combat|accident|disaster ~6 develops|develop|gets|get|have|has|suffers|with ~2 ptsd|post",
		conceptFrame+"|some|many|can|may|might|risk"),
	mc("ptsd_timing", "PTSD only starts straight after the event, or an old trauma cannot cause it.",
		"PTSD can start weeks, months or even years after a traumatic event (NHS, NICE NG116).",
		"ptsd ~4 [ always | only ] ~3 [ starts | start | happens | happen | appears | shows up | develops | begins ] ~4 [ straight away | right away | immediately | right after | straight after | within days ] | [ too long ago | years ago | years later | so long ago | decades ago ] ~6 [ can not | could not | can not possibly ] ~2 [ be | have | cause | give you | still be ] ~2 [ ptsd | trauma ]",
		conceptFrame),
	mc("ptsd_kinds", "Only soldiers, or only physical violence, can cause real trauma or PTSD.",
		"PTSD can follow many experiences, including abuse, assault, accidents, childbirth, bullying and emotional abuse; complex PTSD often follows long-running abuse (NHS, NICE NG116).",
		"[ only | just ] ~2 soldiers|veterans|combat|war|military|physical ~4 get|gets|have|develop|suffer|causes|cause|counts ~2 ptsd|trauma | abuse|bullying|neglect|childbirth|accident|breakup|yelled ~6 [ can not | could not | does not | do not ] ~2 [ cause | give you | lead to | count as ] ~2 ptsd|trauma",
		conceptFrame),

	// Eating disorders.
	mc("ed_just_eat", "Someone with an eating disorder just needs to eat more.",
		"Eating disorders are serious mental illnesses that need specialist treatment; they are not solved by deciding to eat (NICE NG69, BEAT).",
		"[ anorexia | anorexic | eating disorder | eating disorders | bulimia | bulimic ] ~8 [ just | simply ] ~2 [ eat | needs to eat | need to eat | eat more | start eating | eat normally | eat properly | have a proper meal | have a sandwich ] | [ just | simply ] ~2 [ eat | eat more | start eating | eat normally ] ~6 [ anorexia | eating disorder | it | that ] ~3 [ go away | be cured | be fixed | disappear | be over | be solved ]",
		conceptFrame+"|can|when|help|support|team|plan|dietitian"),
	mc("ed_weight_recovered", "Someone whose weight is back to normal has recovered from an eating disorder.",
		"Weight restoration is one part of recovery; thoughts and behaviours often take much longer to settle and relapse is common without continued support (NICE NG69).",
		"[ weight | bmi ] ~4 [ back to normal | restored | back up | normal again | healthy again | back | fine now ] ~6 [ recovered | cured | better | fine | over | all good | no longer | nothing to worry | out of the woods | in the clear ]",
		conceptFrame+"|yet|still|part|step|only|does|mean|means|start|beginning|doesn"),
	mc("ed_underweight_only", "You have to be underweight or look ill to have a real eating disorder.",
		"Most people with eating disorders are not underweight; any weight can hide a serious illness (BEAT, NEDA).",
		"underweight|skinny|skeletal|emaciated|thin ~5 [ to have | for it to be | to count as | to be ] ~3 [ eating disorder | anorexia | bulimia | anorexic | serious | ill | sick ] | healthy|normal|weight ~6 [ can not | could not | do not | does not | could never ] ~2 have|be ~2 [ an eating disorder | anorexia | bulimia | anorexic | bulimic | that ill | that sick | seriously ill ]",
		conceptFrame+"|even|still|can|any"),
	mc("bulimia_less_serious", "Bulimia or binge eating is less serious than anorexia.",
		"Bulimia and binge eating disorder are serious: purging can upset the body's salts and cause heart problems, and all eating disorders deserve treatment (NHS, BEAT).",
		"[ bulimia | binge eating | binge eating disorder | purging | bulimic ] ~4 [ not as | less | not that | nowhere near as ] ~2 [ serious | dangerous | bad | deadly ] ~3 [ as | than ] ~2 anorexia",
		conceptFrame+"|just|equally|also|every|all"),
	mc("binge_willpower", "Binge eating is just greed or a lack of willpower.",
		"Binge eating disorder is a recognised mental illness, often linked to distress and dieting, and it responds to treatment (NHS, NICE NG69).",
		"[ binge eating | bingeing | binging | overeating | binge eating disorder | comfort eating ] ~4 [ is | are ]? ~1 [ just | only | simply | really ]? ~2 [ lack of willpower | no willpower | greed | greedy | gluttony | laziness | lazy | weak willed | no self control | lack of self control | a lack of discipline | no discipline ]",
		conceptFrame),
	mc("ed_not_deadly_more", "You cannot die from bulimia, purging or not eating.",
		"Eating disorders have the highest mortality of any mental illness, from medical complications and from suicide (BEAT, NEDA).",
		"[ nobody | no one | you can not | you will not | people do not | you would not ] ~2 [ die | dies | actually die ] ~2 [ from | of ] ~2 [ bulimia | binge eating | purging | laxatives | not eating | restricting | an eating disorder | eating disorders | anorexia ]",
		"myth|myths|untrue|false|wrong|actually|evidence|research|think|believe|assume|sadly|do|can|tragically"),

	// Addiction and substances.
	mc("rock_bottom", "A person has to hit rock bottom before they can recover from addiction.",
		"People can recover at any point; waiting for 'rock bottom' is dangerous, and early treatment works (NIDA, NHS).",
		"[ hit | hits | reach | reaches | hitting ] ~2 rock ~1 bottom ~8 [ before | until | first | need to | needs to | have to | has to | only then | only way ] | [ will not | never ] ~2 change|stop|recover|quit ~2 until ~3 [ lose everything | lost everything | hit rock bottom | hit bottom | reach rock bottom | rock bottom ]",
		conceptFrame+"|do|does|can|some|feel|feels"),
	mc("relapse_failure", "A relapse means treatment has failed.",
		"Relapse is common in addiction and other long-term conditions and is part of many recoveries; it means the plan needs adjusting, not that treatment failed (NIDA).",
		"[ relapse | relapses | relapsing | relapsed | slipping up | a slip ] ~4 [ means | mean | proves | shows ] ~4 [ failed | failure | not working | does not work | pointless | wasted | back to square one | it was all for nothing | you have failed | treatment failed | did not take | did not work | start from scratch ]",
		conceptFrame+"|part|common|normal|happens|doesn"),
	mc("mat_swap", "Methadone or buprenorphine just swaps one addiction for another.",
		"Opioid substitution treatment with methadone or buprenorphine is effective: it lowers the risk of death and helps people stabilise (WHO, NICE).",
		"[ methadone | buprenorphine | suboxone | subutex | opioid substitution | replacement therapy ] ~6 [ swapping | swap | swaps | replacing | replace | replaces | trading | trade | trades | substitute | substitutes | substituting | substitution | exchanging | swapped | just another ] ~4 [ addiction | drug | one | habit | high ]",
		conceptFrame),
	mc("addiction_choice", "Addiction is simply a choice or a moral failing.",
		"Addiction is a treatable condition involving changes in the brain's reward and control systems, shaped by genes and environment (NIDA).",
		"[ addiction | alcoholism | drug addiction | being an addict | being addicted ] ~2 is|are ~2 [ just | simply | only | purely | really ]? ~1 [ a choice | a lifestyle choice | weakness | a weakness | a moral failing | lack of willpower | selfishness | a lack of willpower | greed | a bad habit ]",
		conceptFrame+"|first"),
	mc("alcohol_stimulant", "Alcohol is a stimulant or a good mood booster.",
		"Alcohol is a depressant; regular drinking worsens low mood, anxiety and sleep (NHS).",
		"[ alcohol | drinking | booze | a drink ] ~2 [ is | works as | acts as ] ~2 [ a stimulant | an antidepressant | a mood booster | good for your mood | good for your mental health | good for depression | good for anxiety | a good way to cope | medicine ]",
		conceptFrame+"|can|feel|feels|short|briefly|first|moment"),
	mc("cannabis_psychosis", "Cannabis cannot cause psychosis or mental health problems.",
		"Regular and high-potency cannabis use raises the risk of psychosis and schizophrenia, especially in young people (NHS, WHO).",
		"[ cannabis | weed | marijuana | thc | skunk | pot ] ~6 [ can not | does not | do not | will never | never ] ~2 [ cause | trigger | lead to | give you ] ~3 [ psychosis | schizophrenia | paranoia | mental health problems | mental illness ]",
		"myth|myths|untrue|false|wrong|actually|evidence|research|think|believe|assume|claim|claims|sometimes|say|says"),

	// Conditions.
	mc("bipolar_fast", "Bipolar disorder means moods switch from minute to minute, or mania is just being happy.",
		"Bipolar episodes of mania or depression usually last days to weeks; mania is a serious state that can involve risky behaviour and psychosis (NIMH, NHS).",
		"[ bipolar | bipolar disorder | bipolar people ] ~4 [ change | changes | switch | switches | swing | swings | flip | flips | shift | shifts ] ~4 [ every few minutes | minute to minute | hour to hour | every hour | several times a day | many times a day | constantly | all the time | every day ] | [ mania | manic | hypomania | a manic episode | being manic ] ~3 is|are ~1 [ just | only | simply | basically ] ~2 [ happy | being happy | feeling good | feeling great | a good mood | high energy | excited | fun | being hyper ]",
		conceptFrame+"|some|rapid|cycling"),
	mc("voices_schizophrenia", "Hearing voices always means schizophrenia or madness.",
		"Many people hear voices without schizophrenia, after bereavement, trauma or sleep loss, or with no illness at all (NHS, Hearing Voices Network).",
		"[ hearing voices | hear voices | hears voices | voices ] ~4 [ always | definitely | automatically | must | only | certainly ] ~2 [ means | mean | be | is ] ~2 [ schizophrenia | schizophrenic | psychosis | psychotic | crazy | mad | insane | mentally ill ]",
		conceptFrame+"|can|may|might|sometimes|check"),
	mc("bpd_untreatable", "Borderline personality disorder cannot be treated or improve.",
		"Personality disorders respond to therapies such as DBT and mentalisation-based treatment, and many people no longer meet the criteria after some years (NICE CG78).",
		"[ bpd | borderline | borderline personality disorder | personality disorder | personality disorders | emotionally unstable personality disorder | eupd ] ~4 [ untreatable | can not be treated | never get better | never gets better | never improve | never improves | for life | incurable | does not get better | hopeless | can not change | never changes | never change ]",
		conceptFrame+"|feel|feels|felt"),
	mc("adhd_kids_only", "ADHD only affects children, is outgrown, or is caused by screens or sugar.",
		"ADHD often continues into adulthood and is diagnosed in adults and in girls and women; it is not caused by sugar, screens or parenting (NICE NG87).",
		"[ adults | grown ups | grownups | women | girls ] ~3 [ can not | do not | never ] ~2 [ have | get | be diagnosed with ] ~1 adhd | [ grow | grows | grew | outgrow | outgrows | outgrew ] ~2 out? ~1 of? ~1 adhd | adhd ~4 [ only | just ] ~2 [ children | kids | boys | a childhood | a kid ] | adhd ~6 [ caused by | comes from | come from | because of ] ~3 [ screens | video games | phones | sugar | bad parenting | poor parenting | tv | television | diet | junk food ]",
		conceptFrame+"|some|many|can|may|also|most"),
	mc("autism_myths", "Autism is caused by vaccines or parenting, can be outgrown or cured, or autistic people cannot love.",
		"Autism is a lifelong neurodevelopmental difference; vaccines and parenting do not cause it (the study that claimed a vaccine link was retracted), and autistic people feel love and form relationships (NHS, WHO).",
		"[ autism | autistic ] ~6 [ caused by | because of | comes from | come from ] ~3 [ bad parenting | cold parents | cold mothers | refrigerator mothers | vaccines | vaccine | the mmr | screens | diet | the jab ] | [ vaccines | vaccine | the mmr | jabs ] ~3 [ cause | causes | caused | gave | give ] ~3 autism | [ grow | grows | outgrow | outgrows ] ~2 out? ~1 of? ~1 autism | autism ~3 [ can be cured | is curable | goes away ] | [ autistic people | autistic | autism ] ~4 [ can not | do not ] ~2 [ love | feel love | make friends | have relationships | have friends ]",
		conceptFrame+"|some|can"),
	mc("postnatal_myths", "Postnatal depression is just the baby blues, means you don't love your baby, or only affects mothers.",
		"Postnatal depression is common, lasts longer than the baby blues (which pass within two weeks), does not mean a parent doesn't love their baby, and can affect fathers and partners too (NHS).",
		"[ postnatal | postpartum | perinatal ] ~2 depression? ~6 [ do not love | does not love | bad mother | bad mom | bad parent | will not bond | can not bond | never bond | do not want ] | [ postnatal | postpartum ] ~2 depression ~4 [ just | only ] ~2 [ the baby blues | baby blues | tiredness | hormones | being tired ] | [ dads | fathers | men | partners ] ~3 [ can not | do not | never ] ~2 [ get | have ] ~3 [ postnatal | postpartum ] ~1 depression | baby ~1 blues ~10 three|3|few|several|six|6 ~1 months | [ postnatal | postpartum ] ~2 depression ~4 caused ~2 by ~4 pregnancy ~6 [ dads | fathers ] ~2 [ can not | do not | never ]",
		conceptFrame+"|feel|feels|felt|worry|like|does|did"),
	mc("hereditary_destiny", "If a parent had a mental illness you will definitely get it.",
		"A family history raises the risk, but most people with an affected parent never develop the condition (NIMH).",
		"[ parent | mom | dad | mother | father | family | parents | grandmother | grandfather ] ~6 [ had | has | have ] ~2 [ depression | bipolar | schizophrenia | anxiety | addiction | alcoholism | a mental illness | mental illness ] ~6 [ you will definitely | you are going to | you are bound to | you are destined to | you will get | you will have | you will end up | it is inevitable | you will inherit ]",
		conceptFrame+"|risk|more|likely|chance|may|might|could"),
	mc("depression_passes_alone", "Depression or an eating disorder will go away on its own without help.",
		"Untreated depression often lasts longer or returns; eating disorders, PTSD and psychosis rarely settle without treatment. Treatment and support shorten them (NIMH, NICE).",
		"depression|ptsd|anorexia|bulimia|ocd|bipolar|psychosis|addiction|disorder ~4 will|always|just|definitely ~2 away|pass|passes|resolve|resolves|disappear|disappears|clear|clears|itself ~3 own|itself|without|ignore|wait|time",
		conceptFrame+"|sometimes|can|may|might|often|mild|some"),
	mc("abuse_physical_only", "Abuse only counts if it is physical, or a person who was really abused would have left or told someone.",
		"Emotional, financial and sexual abuse and coercive control are abuse (UK Domestic Abuse Act 2021, WHO); leaving is hard and often dangerous, and most people delay telling anyone (Refuge).",
		"[ abuse | domestic abuse | domestic violence | it ] ~4 [ only | just ] ~3 [ counts | real | matters | abuse ] ~4 [ physical | hits | hit | violence | bruises | violent ] | [ not | no | is not | is not really ] ~2 [ abuse | abusive | domestic abuse ] ~6 [ unless | if not | until ] ~4 [ hit | hits | physical | violent | bruises | hurts you physically ] | if ~2 [ it | the abuse | he | she | they ] ~3 [ was | were | really | had ] ~2 [ that bad | real | abusive | abusing ] ~6 [ would have | would ] ~2 [ left | told | reported | said something | gone to the police ]",
		"myth|myths|untrue|false|wrong|actually|evidence|research|think|believe|assume|claim|claims|people|say|says|told|hear"),
	mc("dementia_memory_normal", "Memory loss and confusion in old age are just normal ageing.",
		"Dementia is not a normal part of ageing; memory problems that affect daily life deserve a check with a doctor (WHO, NHS).",
		"[ memory loss | forgetting things | confusion | getting confused | losing your memory | dementia ] ~4 [ is | are ] ~2 [ just | only | simply ]? ~1 [ normal ageing | normal aging | old age | part of getting old | part of getting older | what happens when you get old ]",
		conceptFrame+"|some|mild|little|bit|occasional|sometimes|can"),
	mc("time_heals_grief", "Grief should be over within months; still grieving after a year means something is wrong.",
		"Grief has no fixed timetable; most people find it softens over time, and prolonged grief that stops life is treatable (NHS, Cruse Bereavement Support).",
		"grief|grieving|mourning ~4 usually|is|normally ~2 finished|over|done ~3 by ~3 [ six months | 6 months | a year | three months | 3 months ] | [ grief | grieving | mourning | sadness ] ~6 [ should | ought to | must | supposed to ] ~3 [ be over | be done | be finished | pass | end | stop | be gone ] ~4 [ year | months | weeks | by now | six months | a few months ] | [ still grieving | still sad | still crying | still upset ] ~3 [ after | a year | months ] ~6 [ something is wrong | not normal | abnormal | too long | need to move on | should be over ]",
		conceptFrame+"|can|may|might|feel|feels|felt|like|okay|ok"),
	mc("children_mental_illness", "Children and young people cannot have mental illness or are just moody.",
		"About one in seven 10 to 19 year olds has a mental disorder (WHO); children's symptoms deserve assessment, not dismissal as moods or hormones.",
		"children|kids|teenagers|teens|toddlers|child|kid|teenager|babies ~3 [ can not | do not | are too young to | never | can never ] ~2 get|have|suffer|develop|experience|be ~3 [ @m_cond | depressed|anxious|suicidal|ill ] | depression|depressed ~6 [ does not | do not | can not | never ] ~2 really? ~1 happen ~2 before ~2 puberty|adolescence|teens | teenagers|teens|teenage|kids|children ~3 are ~1 just|only ~2 [ hormonal|hormones|dramatic | attention seeking | growing pains | teenage angst | being teenagers | being dramatic ]",
		conceptFrame+"|sometimes|can|some"),
	mc("exercise_replaces", "Exercise, diet or positive thinking is all you need instead of treatment.",
		"Exercise and routine help many people, but moderate to severe depression usually needs therapy or medication as well (NICE NG222).",
		"exercise|running|yoga|walking|meditation|mindfulness|diet|showers|sunlight|air|gratitude|journaling|vitamins|supplements|nature ~4 need|cure|replacement|replace|instead|better ~3 [ therapy|medication|meds|treatment|doctor|professional | @m_ad ] | @m_dep_anx ~4 would|will ~2 [ go away | disappear | lift | be cured | be fixed | be gone ] ~3 if|once ~3 exercise|exercised|ate|eat|outside|smiled|smile|positive|positively|dwelling|walk|walked|run|ran",
		conceptFrame+"|also|alongside|mild|some|may|might|as well|part|help|helps"),

	// Claims in the general forms a confident false answer takes: a cure,
	// a single cause, harmless remedies, permanent harm.
	mc("cure_claim", "A remedy, habit or treatment cures a mental illness outright.",
		"Mental illnesses are treated and managed, and many people recover, but no supplement, diet, habit or single treatment is a proven cure (NIMH, NICE, NHS).",
		"[ cure | cures | cured | curing | reverse | reverses | reversed | reversing | eliminate | eliminates ] ~4 [ @m_cond | it for good | clinical depression ] | @m_cond ~6 [ cured | gone for good | gone forever | cured for good | cured permanently | cured completely | completely cured ]",
		conceptFrame+"|nothing|there|can|may|might|help|helps|manage|managed|managing|treat|treatable|treated|recover|recovery|without|cure|find|ice|pet"),
	mc("single_cause", "A mental illness is mainly caused by sugar, toxins, diet, screens, parenting or a deficiency.",
		"Mental illnesses have many interacting causes, genetic, biological, psychological and social; no single food, toxin or habit causes them (NIMH, WHO).",
		"[ @m_cond | symptoms ] ~3 is|are ~2 caused|driven|result|due|down|from|about ~3 @m_cause | @m_cause ~6 cause|causes ~2 of ~3 @m_cond | @m_cause ~3 cause|causes|caused|gives|give ~2 @m_cond | @m_cause ~3 is|are ~1 behind ~2 most|all|much ~2 @m_cond",
		conceptFrame+"|can|may|might|some|sometimes|contribute|contributes|factor|factors|linked|link|part|worsen|worsens|worse|trigger|triggers|one|risk|affect|affects|alongside"),
	mc("remedy_harmless", "A supplement, herb, drug or remedy is completely safe, has no side effects or cannot be overdone.",
		"Supplements, herbs and recreational or prescribed drugs all have side effects, interactions and risks in overdose; check with a pharmacist or doctor (NHS, MHRA).",
		"@m_remedy ~12 [ can not ~2 overdose|overdo | impossible to ~1 take ~1 too ~1 much | can not ~1 take ~1 too ~1 much | as many as ~3 like|want | no side effects | zero side effects | without any side effects | without side effects | no risks | no risk at all | zero risk | no risk of dependence | can not overdo it | can not overdose | can not overdo | impossible to overdose | impossible to get addicted | impossible to become addicted | completely safe | totally safe | perfectly safe | 100 safe | completely harmless | totally harmless | basically harmless | non addictive | no effect on the liver | safe in any amount | safe at any dose ]",
		medFrame+"|check|usually|generally|most|few|rare|rarely|may|might|can|some|reasonable|small|low"),
	mc("permanent_harm", "A medication, treatment or substance causes permanent harm in everyone.",
		"Side effects vary from person to person and most are reversible; risks are weighed and monitored with a prescriber (NHS, RCPsych).",
		"[ @m_psymed | @m_benzo | ect | electroconvulsive | lithium | tms | a drink | each drink | every drink | drinking | cannabis | an all nighter | a night without sleep | stimulants ] ~8 @m_perm ~3 @m_harmverb | [ @m_psymed | @m_benzo | ect | electroconvulsive | lithium | tms | a drink | each drink | every drink | cannabis | stimulants ] ~8 @m_harmverb ~8 @m_perm",
		medFrame+"|some|rare|rarely|rarer|can|may|might|risk|risks|small|usually|occasionally|sometimes|monitor|monitored|monitoring|tests"),
	mc("withdrawal_harmless", "Alcohol or benzodiazepine withdrawal is never dangerous, or antidepressant discontinuation does not happen.",
		"Stopping heavy drinking or benzodiazepines suddenly can cause seizures and delirium and needs medical support; antidepressant discontinuation symptoms are common (NHS, NICE CG115, RCPsych).",
		"[ alcohol withdrawal | withdrawal from alcohol | benzo withdrawal | benzodiazepine withdrawal | coming off alcohol | detox | detoxing ] ~4 [ is | are ]? ~2 [ never | not | not actually | never actually | not really ] ~2 [ dangerous | serious | risky | harmful | life threatening ] | [ @m_ad | @m_benzo | cannabis | weed ] ~4 [ do not cause | does not cause | never cause | never causes | have no | has no | cause no ] ~2 [ withdrawal | discontinuation | any withdrawal ]",
		"myth|myths|untrue|false|wrong|actually|evidence|research|think|believe|assume|claim|claims|say|says|usually|mostly|most|if|although|though"),
	mc("sleep_myths", "Lie-ins pay back lost sleep, everyone needs exactly eight hours, or older people need far less sleep.",
		"Regular sleep matters more than weekend catch-up, sleep need varies between people (most adults need about seven to nine hours), and older adults need about as much sleep as younger adults (NHS, NIH).",
		"[ lie ins | lie in | weekends | weekend | saturday | saturdays | sunday ] ~8 [ pay back | pays back | make up for | makes up for | cancel out | cancels out | catch up on | fully repay | fully pay back ] | [ everyone | everybody | every adult | all adults ] ~2 [ needs | need ] ~1 exactly ~2 [ eight | 8 | seven | 7 | nine | 9 ] ~1 hours | [ older people | old people | elderly people | the elderly | older adults | pensioners ] ~3 [ simply | just | naturally ]? ~1 [ need | needs ] ~2 [ much less | far less | a lot less | very little | hardly any ] ~1 sleep",
		conceptFrame),
	mc("brain_myths", "We use only ten percent of the brain, people are left- or right-brained, or the brain stops changing in early adulthood.",
		"People use virtually all of the brain, no one is left- or right-brained, and the brain keeps forming connections throughout life (NIH, neuroscience consensus).",
		"[ only | just ] ~1 [ use | uses | using ] ~3 [ ten | 10 ] ~1 [ percent | per | % ]? ~2 [ of our | of your | of the ]? ~1 brain | [ left brained | right brained | left brain | right brain ] ~4 [ thinker | thinkers | person | people | either | you are ] | seventeen|sixteen|eighteen|16|17|18 ~4 brain|brains ~3 is|are ~1 fully ~1 developed|formed|mature | brain|brains ~3 is|are ~1 fully ~1 developed|formed|mature ~4 seventeen|sixteen|eighteen|16|17|18|teens | [ brain | brains ] ~3 [ stops | stop ] ~2 [ developing | forming new connections | changing | growing | learning ] ~4 [ 18 | 25 | twenties | mid twenties | adulthood | birthday ]",
		conceptFrame),
	mc("sober_faster", "Water, coffee or a cold shower clears alcohol from the body faster.",
		"Only time lowers blood alcohol; the liver clears about one unit an hour and nothing speeds it up (NHS).",
		"[ coffee | coffees | water | cold shower | cold water | food | eating | fresh air ] ~8 [ speed up | speeds up | faster | flush | flushes | clear | clears | lower | lowers | drop | drops ] ~6 [ alcohol | blood alcohol | sober | sobering | the drink ] | [ coffee | coffees | water | cold shower | cold water ] ~8 [ sober | fine to drive | okay to drive | safe to drive ]",
		conceptFrame+"|only|time|still|hydrated|hangover"),
	mc("avoid_reminders", "Avoiding every reminder of a trauma or fear is the healthiest approach.",
		"Avoidance keeps trauma symptoms and anxiety going; trauma-focused therapy helps people face reminders safely, at their own pace (NICE NG116, NHS).",
		"[ avoid | avoiding ] ~3 [ every reminder | all reminders | reminders | the place | anything that reminds | triggers | everything that reminds ] ~8 [ healthiest | best | right | only way | for good | forever ] | [ healthiest | best | safest | right ] ~3 [ approach | thing | way ] ~4 [ avoid | avoiding ] ~3 [ every | all | reminders | triggers ]",
		conceptFrame+"|while|for now|at first|short|until|help|therapist|gradually"),
	mc("venting_rage", "Letting anger out by punching or screaming drains it away.",
		"Venting anger aggressively tends to keep it going; calming down, exercise and talking it through reduce it (APA).",
		"[ punch | punching | hit | hitting | scream | screaming | smash | smashing | yell | yelling | letting the anger out | let the anger out | letting your anger out ] ~8 [ drain | drains | drained | release | releases | get rid of | gets rid of | calmer | out of your system | healthier than | the healthiest ]",
		conceptFrame+"|cry|crying|tears|pillow|exercise|run|running|walk|breathe|breathing|write|writing|talk|safely|instead|harmless"),
	mc("remedy_equivalent", "A supplement, probiotic, yoga or exercise works as well as therapy or medication, or can replace treatment.",
		"Some supplements and activities help alongside treatment, but none has been shown to replace therapy or medication for depression, anxiety or bipolar disorder (NICE NG222, NHS).",
		"[ @m_remedy | yoga | exercise | meditation | running | probiotic ] ~10 [ as effectively as | as well as | just as well as | as good as | just as good as | as effective as | just as effective as ] ~3 [ therapy | medication | meds | treatment | an antidepressant | antidepressants | prescription | @m_ad ] | yoga|exercise|meditation|diet|supplements|running ~1 alone ~8 [ manage | stop needing | instead | replace | no need ]",
		medFrame+"|some|may|might|help|helps|alongside|also|mild|part"),
	mc("first_aid_myths", "Butter or toothpaste for burns, making someone vomit after they swallow something, holding someone down in a seizure, or laying a very drunk person on their back.",
		"Cool burns under cool running water; never make someone vomit after swallowing pills or poison (call 111/999/911 or poison control); never restrain someone having a seizure, move hazards away and time it; put a very drunk or drowsy person in the recovery position, on their side (NHS, St John Ambulance, Red Cross).",
		"butter|toothpaste ~6 burn|burns | make|making ~2 him|her|them|yourself|you ~1 vomit|sick|throw ~6 took|swallowed|poison|pills|overdose|whatever | milk ~4 neutralise|neutralize | hold|holding|pin ~3 arms|legs|down ~8 shaking|seizure|fit|fitting | lay|lie|put ~2 her|him|them ~1 flat ~2 on ~2 back | cut ~8 never ~2 needs ~1 stitches | slap|slapping ~6 burn ~2 through | keep ~2 walking ~8 burn|sober",
		conceptFrame+"|side|recovery|position|cool|running"),
	mc("rx_no_addiction", "You cannot become addicted to medicines a doctor prescribed.",
		"Prescribed opioids, benzodiazepines, z-drugs and gabapentinoids can all cause dependence and addiction; prescribers review them for this reason (NHS, NICE NG215).",
		"prescribed|prescription ~10 [ can not | will not | impossible to | never ] ~2 [ become dependent | get addicted | become addicted | get hooked | be addictive | be dependent ] | addiction|dependence ~3 only ~2 happens|happen ~4 [ street drugs | recreationally | recreational | misuse | misused ]",
		"myth|myths|untrue|false|wrong|evidence|research|may|might|risk|still|even|worried|worry|afraid|think|believe"),
	mc("dissociation_myths", "Dissociation means multiple personalities, only follows severe abuse, or is the first stage of psychosis.",
		"Dissociation is common under stress and after trauma and takes many forms; dissociative identity disorder is rare, and dissociation does not mean psychosis is starting (NHS, Mind).",
		"dissociation|dissociating ~6 [ same thing as | basically | means | is ] ~3 [ multiple personalities | split personality | did | first stage of psychosis | losing your grip | going mad | going crazy ] | dissociation ~4 only ~3 happens|happen ~5 [ severe abuse | abuse | abused ]",
		conceptFrame+"|can|may|might|sometimes|some|different"),
	mc("body_memory_hypnosis", "Trauma memories are stored in the muscles, or memories recovered under hypnosis are reliable.",
		"Memories are not stored in muscle tissue, and hypnosis can create false memories; trauma-focused therapies recommended by NICE (NG116) do not rely on recovering memories.",
		"trauma|memories|memory ~6 stored ~3 muscle|muscles|tissue|fascia | hypnosis|hypnotherapy|hypnotised|hypnotized ~10 reliable|accurate|truth|exactly|recover|uncover|unlock ~4 memories|happened|truth|what",
		conceptFrame+"|can|may|might|some|false|unreliable|create"),
	mc("drug_use_myths", "Naloxone encourages drug use, overdoses only happen with injecting, or a stimulant cancels out alcohol.",
		"Naloxone reverses opioid overdoses and does not increase drug use; overdoses happen by any route, and stimulants mask alcohol's effects without lowering its harm (WHO, NHS, NIDA).",
		"naloxone|narcan ~8 [ more risks | take more risks | encourages | encourage | increase drug use | increases drug use | better not to | more drug use | use more ] | overdoses|overdose ~4 only ~3 happen|happens ~3 injecting|inject|injected | snorting ~6 safer|safe | stimulant|coke|cocaine|caffeine|speed ~4 balances|balance|cancels|cancel ~2 out ~3 alcohol|drink|drinking",
		conceptFrame+"|can|may|might|still|any"),
	mc("chest_pain_harmless", "Chest pain with anxiety is always harmless and never needs checking.",
		"Panic can cause chest pain, but new, severe or unexplained chest pain needs urgent medical assessment (NHS, 999/911).",
		"chest ~1 pain ~8 [ harmless | never needs checking | never need checking | nothing to worry | no need to check | always anxiety | just anxiety ]",
		conceptFrame+"|usually|often|can|still|check|get|seen"),
}
