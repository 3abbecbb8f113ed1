// The misinformation rule set: common false claims about mental health,
// each with the correction a reviewer can cite. Data curation uses it to
// drop or flag training replies, and the output guard uses it on model
// replies, so both stages agree on what counts as misinformation.
// A claim framed as a myth ("it's a myth that…", "some people think…, but")
// is not matched.
package safety

// MisinfoRule is one false claim.
type MisinfoRule struct {
	ID         string
	Claim      string // the false claim, in plain words
	Correction string // what the evidence says
	pat        string
	notIf      string
}

// Match is one occurrence of a false claim in a text.
type Match struct {
	Rule  string // MisinfoRule.ID
	Claim string
	Start int // byte offsets into the text
	End   int
	Text  string
}

const mythFrame = "worried|worry|worries|afraid|scared|fear|fears|true|myth|myths|misconception|misconceptions|untrue|false|contrary|actually|fact|evidence|research|studies|incorrect|wrong|outdated|stereotype|stereotypes|believe|think|assume|claim|claims"

// mythFrameCorrect names only a correction, not the evidence words a
// false claim can cite itself ("it's mostly placebo, the studies show").
const mythFrameCorrect = "myth|myths|misconception|misconceptions|untrue|false|incorrect|wrong|outdated|stereotype|stereotypes|contrary|believe|think|assume|claim|claims|not|never"

// mythFrameStrict is mythFrame without "actually", which also appears in the
// false claim itself ("they won't actually do it").
const mythFrameStrict = "worried|worry|worries|afraid|scared|fear|fears|true|myth|myths|misconception|misconceptions|untrue|false|contrary|fact|evidence|research|studies|incorrect|wrong|outdated|stereotype|stereotypes|believe|think|assume|claim|claims"

var misinfoRules = []MisinfoRule{
	{ID: "asking_plants_idea", Claim: "Asking someone about suicide puts the idea in their head.", Correction: "Asking directly about suicide does not increase risk and can open the door to help.",
		pat: "ask|asking|talk|talking|mention|mentioning ~4 suicide ~6 plant|plants|put|puts|give|gives|increase|increases|encourage|encourages ~3 idea|ideas|risk|them | put|plant the idea in their|someone|his|her head | [ asking | ask | talking about it | asking about it ] ~4 give|put|plant ~2 the|them|her|him ~1 idea | [ bringing it up | bringing up suicide | mentioning it | raising it ] ~3 plant|plants|put|puts|give|gives ~2 the|them ~1 idea | [ asking | ask | asking him | asking her | asking them ] ~4 push|pushes|pushing|make|makes ~3 [ do it | doing it | suicide | over the edge ]", notIf: mythFrame + "|not|never|no"},
	{ID: "talkers_dont_act", Claim: "People who talk about suicide won't act on it.", Correction: "Most people who die by suicide gave some warning; every mention deserves to be taken seriously.",
		pat: "people|those|someone|anyone ~2 talk|talks|talking ~14 not|never|rarely|seldom ~3 [ do it | act | mean | follow | serious | go through ] | if they really wanted to die ~3 they would | people|those|someone|anyone ~2 who? ~1 really|truly|actually|genuinely? ~1 want|wants|mean|means ~2 to? ~1 die|it|kill ~4 [ do not | never | rarely | will not | would not ] ~1 talk|tell|say|announce|warn|mention | serious|really|truly|genuinely ~4 suicide|die|it ~6 [ keep quiet | stay quiet | keep it to themselves | do not talk | never talk | never say | do not say | tend to keep ]", notIf: mythFrameStrict},
	{ID: "self_harm_attention", Claim: "Self-harm is just attention seeking.", Correction: "Self-harm is usually a way of coping with overwhelming distress and is often hidden.",
		pat: "[ self harm | self harming | cutting | hurt themselves | hurting themselves | self injure ] ~6 [ attention | a reaction | sympathy ] | doing it ~2 to get attention | doing it for attention | [ self harm | cutting | self injury | suicide attempts ] ~3 is|are ~2 attention seeking | [ cut | cuts | self harm ] ~2 for attention", notIf: mythFrame + "|not|never|no|rarely"},
	{ID: "depression_choice", Claim: "Depression is a choice, a weakness, or just sadness.", Correction: "Depression is a common, treatable health condition, not a choice or a character flaw.",
		pat: "[ depression | anxiety | mental illness ] ~2 is|are ~3 [ choice | weakness | laziness | sadness | character flaw | phase | mindset | made up | in your head ] | think|talk|snap|will|positive ~1 your ~1 way ~1 out of ~1 it|depression|anxiety | you can|could ~2 snap out of ~1 depression|it | depression is not a real illness", notIf: mythFrame + "|not|never|no"},
	{ID: "antidepressant_myths", Claim: "Antidepressants are addictive, turn you into a zombie or change your personality.", Correction: "Antidepressants are not addictive in the way drugs of abuse are; side effects vary and are managed with a prescriber.",
		pat: "antidepressants|ssris|antidepressant|medication|meds ~3 are|is|will|make|makes ~2 [ addictive | happy pills | zombie | change your personality | crutch | for weak people | placebos | placebo ] | antidepressants|ssris|antidepressant|medication|meds|pills ~3 just|only|simply ~1 mask|hide|numb|cover ~3 problem|problems|feelings|symptoms|pain", notIf: mythFrame + "|not|never|no"},
	{ID: "therapy_useless", Claim: "Therapy is for crazy or weak people, or doesn't work.", Correction: "Psychological therapies are effective for many conditions and are used by all kinds of people.",
		pat: "therapy|therapists|counselling|counseling ~2 is|are ~1 for weak|crazy|broken people | therapy|counselling|counseling ~2 does not|never ~1 work|help | therapy is a waste of | talking ~2 [ does not | will not | never ] ~1 help | only ~1 pills|medication|meds ~2 can ~1 fix|help|cure", notIf: mythFrame},
	{ID: "schizophrenia_split", Claim: "Schizophrenia means a split or multiple personality.", Correction: "Schizophrenia involves psychosis; dissociative identity disorder is a different condition.",
		pat: "schizophrenia|schizophrenic ~5 split|multiple|two|dual ~1 personality|personalities", notIf: mythFrame + "|not|never|no"},
	{ID: "eating_disorder_choice", Claim: "Eating disorders are a choice, about vanity, or only affect young women.", Correction: "Eating disorders are serious illnesses with the highest mortality of mental illnesses and affect people of every gender and age.",
		pat: "[ eating disorders | anorexia | bulimia ] ~2 is|are ~2 [ choice | vanity | just a diet | attention | girl thing | female thing | for girls | for women ] | [ eating disorders | anorexia | bulimia ] ~3 only ~1 affect|affects|happen|happens ~3 girls|women|teenagers|rich", notIf: mythFrame + "|not|never|no"},
	{ID: "adhd_not_real", Claim: "ADHD isn't real or is caused by bad parenting.", Correction: "ADHD is a well-studied neurodevelopmental condition.",
		pat: "adhd ~2 is not real | adhd ~2 is|are ~3 [ made up | just laziness | bad parenting | an excuse | a myth ] | adhd ~6 [ bad parenting | too much sugar ]", notIf: mythFrame + "|say|says|said|people"},
	{ID: "bipolar_mood_swings", Claim: "Bipolar disorder is just mood swings.", Correction: "Bipolar disorder involves episodes of mania or hypomania and depression lasting days to weeks.",
		pat: "bipolar ~3 is|means ~3 [ mood swings | moody | being moody | a bad mood | just moods ]", notIf: mythFrame + "|not|never|no|more|beyond"},
	{ID: "ocd_tidiness", Claim: "OCD is just liking things neat.", Correction: "OCD involves distressing obsessions and compulsions that take up time and cause suffering.",
		pat: "ocd ~3 is|means ~3 neat|tidy|clean|organised|organized|perfectionist", notIf: mythFrame + "|not|never|no"},
	{ID: "ptsd_only_soldiers", Claim: "PTSD only affects soldiers.", Correction: "PTSD can follow any traumatic event.",
		pat: "ptsd ~3 only ~2 soldiers|veterans|military|war", notIf: mythFrame + "|not|never|no"},
	{ID: "mentally_ill_violent", Claim: "People with mental illness are violent or dangerous.", Correction: "People with mental illness are more often victims of violence than perpetrators.",
		pat: "[ mentally ill people | people with mental illness | people with schizophrenia | schizophrenics | people with psychosis ] ~3 dangerous|violent|danger", notIf: mythFrame + "|not|never|no|rarely"},
	{ID: "suicide_no_warning", Claim: "Suicide always happens without warning.", Correction: "Most suicides are preceded by warning signs.",
		pat: "suicide|suicides ~2 always|usually ~1 happen|happens|comes ~1 without ~1 any? warning | there are no warning signs", notIf: mythFrame + "|not|never|no"},
	{ID: "once_suicidal_always", Claim: "Once someone is suicidal they always will be.", Correction: "Suicidal crises are often temporary; most people who survive do not go on to die by suicide.",
		pat: "once ~3 suicidal ~5 [ always | forever | never stop | never recover | for life | rest of your life ]", notIf: mythFrame},
	{ID: "substance_cures", Claim: "Alcohol, cannabis or supplements cure depression or anxiety.", Correction: "Alcohol and drugs tend to worsen depression and anxiety; supplements are not a cure.",
		pat: "[ alcohol | drinking | weed | cannabis | marijuana | cbd | essential oils | supplements | vitamins ] ~3 cure|cures|treat|treats|fix|fixes|helps|help|good ~2 depression|anxiety|ptsd|bipolar|schizophrenia|insomnia | @substance ~6 cure|cures|treat|treats|fix|fixes|medicine|remedy ~3 @condition | @substance ~4 great|best|good ~1 way ~2 to ~1 treat|fix|cure|manage|handle ~3 @condition | @substance ~6 good|great|helpful|best ~1 for ~1 your? ~1 @condition", notIf: mythFrameStrict + "|not|never|no|worsen|worse"},
	{ID: "no_recovery", Claim: "You can't recover from depression, an eating disorder or PTSD.", Correction: "Recovery is common, especially with support and treatment.",
		pat: "can not|never ~1 recover|get ~3 depression|anorexia|bulimia|disorder|ptsd|bipolar|illness | [ depression | mental illness | schizophrenia | ptsd ] ~2 is ~1 permanent|incurable|untreatable | a life sentence", notIf: mythFrame + "|sometimes|feel|feels|feeling|like"},
	{ID: "kids_no_depression", Claim: "Children can't get depressed.", Correction: "Children and teenagers can have depression and deserve assessment and support.",
		pat: "children|kids|teenagers|teens ~1 can|do ~1 not|never ~1 get|have ~1 depressed|depression | kids are just|only ~2 moody | children|kids|teenagers|teens|toddlers|young ~3 [ do not | can not | never | are too young to ] ~1 get|have|be|suffer ~2 depressed|depression|anxiety|anxious", notIf: mythFrame},
	{ID: "meds_forever", Claim: "Once you start psychiatric medication you can never stop.", Correction: "Many people stop medication safely with their prescriber's help.",
		pat: "once you start ~3 @med ~4 [ never stop | forever | for life ] | @med ~3 for the rest of your life", notIf: mythFrame},
	{ID: "sadness_worry", Claim: "Depression is just feeling sad, or anxiety is just worrying too much.", Correction: "Depression and anxiety disorders are health conditions with physical and cognitive symptoms, not ordinary moods.",
		pat: "depression ~2 is|means ~2 just|only|simply ~2 [ feeling sad | being sad | sadness | a bad mood ] | anxiety ~2 is ~2 just|only|simply|mostly ~2 worrying|stress|nerves|overthinking", notIf: mythFrame + "|not|never|no|more|beyond"},
	{ID: "lifestyle_cure", Claim: "Exercise, diet or positive thinking alone will cure depression.", Correction: "Lifestyle changes can help, but depression often needs professional treatment too.",
		pat: "just|only|simply ~2 [ exercise | eat | think | smile | go outside | get out ] ~6 [ go away | cure | fix | disappear | be fine | be cured ] | [ exercise | yoga | diet | positive thinking ] ~3 cure|cures|fix|fixes ~2 depression|anxiety|bipolar", notIf: mythFrame + "|not|never|no|also|alongside|help|helps"},
	{ID: "smiling_not_depressed", Claim: "People who smile or function well can't be depressed.", Correction: "Many people with depression keep working and smiling; functioning is not a sign of being well.",
		pat: "smile|smiling|smiles|laugh|laughing|functioning|successful ~4 [ can not be | could not be | are not | is not ] ~1 depressed|suicidal", notIf: mythFrame},
	{ID: "self_harm_is_suicide", Claim: "Self-harm always means someone is trying to kill themselves.", Correction: "Self-harm is often a way of coping without suicidal intent, although it raises suicide risk and needs care.",
		pat: "[ self harm | cutting ] ~3 always ~2 [ suicide attempt | suicide attempts | trying to die | trying to kill ]", notIf: mythFrame + "|not|never|no"},
	{ID: "talking_worse", Claim: "Talking about feelings or trauma makes it worse.", Correction: "Talking with support usually helps; trauma-focused therapy is effective when paced well.",
		pat: "talking ~3 feelings|it|trauma|problems ~3 makes|make ~1 it|them|things ~1 worse", notIf: mythFrame + "|not|never|no|sometimes|at first"},
	{ID: "men_no_ed", Claim: "Men and boys don't get eating disorders or depression.", Correction: "People of every gender get eating disorders and depression.",
		pat: "men|boys|guys ~1 [ do not | can not | never ] ~1 get|have ~3 eating disorders|anorexia|bulimia|depression|depressed", notIf: mythFrame},
	{ID: "placebo", Claim: "Antidepressants don't work; they're just placebo.", Correction: "Antidepressants help many people with moderate to severe depression; effects vary and are reviewed with a prescriber.",
		pat: "just|mostly|only|all ~1 a? placebo | antidepressants|ssris|medication|meds ~3 do not ~1 really? work", notIf: mythFrameCorrect + "|straight|immediately|overnight|instantly|yet|everyone|always|quickly|alone|same|right"},
	{ID: "untreatable", Claim: "Mental illnesses like bipolar disorder can't be treated.", Correction: "Most mental illnesses, including bipolar disorder, respond to treatment and support.",
		pat: "[ @disorder | illness | illnesses | mental illness ] ~3 can not|never ~1 be ~1 treated|cured|helped|managed", notIf: mythFrame},
	{ID: "autism_feelings", Claim: "Autistic people don't have feelings or empathy.", Correction: "Autistic people have feelings and empathy; they may express them differently.",
		pat: "autism|autistic ~4 [ not have | lack | without ] ~1 feelings|empathy|emotions", notIf: mythFrame},
	{ID: "different_person", Claim: "Antidepressants make you a different person or a zombie.", Correction: "Antidepressants do not change who someone is; side effects such as flatness can be discussed with a prescriber.",
		pat: "make|makes|turn|turns ~1 you ~1 into? ~1 a ~1 [ different person | zombie | robot | vegetable ]", notIf: mythFrame + "|not|never|no"},
	{ID: "suicide_not_preventable", Claim: "Suicide can't be prevented: someone who wants to die will find a way.", Correction: "Suicide is often preventable; crises pass, and support and means safety save lives.",
		pat: "want|wants|wanted ~1 to die ~4 find a way | want|wants|wanted ~1 to ~1 go|die ~4 always ~1 find a way | will find a way ~3 anyway | suicide ~3 not|never ~2 preventable | can not ~1 be prevented | can not stop someone|them|people ~3 [ who want | if they want ]", notIf: mythFrame},
	{ID: "caused_by_choices", Claim: "Depression is caused by bad choices, weakness or a lack of willpower.", Correction: "Depression has many causes, including biology, life events and circumstances; it is not a personal failing.",
		pat: "[ depression | anxiety | mental illness | addiction ] ~3 caused by ~3 choices|weakness|laziness|parenting|willpower|attitude|weak", notIf: mythFrame + "|not|never|no"},
	{ID: "ed_not_deadly", Claim: "Nobody dies from anorexia or eating disorders.", Correction: "Anorexia has one of the highest mortality rates of any mental illness.",
		pat: "[ nobody | no one ] ~2 dies|die ~2 from|of ~1 anorexia|bulimia|depression | eating disorders|anorexia ~3 not ~1 dangerous|deadly|serious", notIf: "myth|misconception|untrue|false|wrong"},
	{ID: "no_normal_life", Claim: "A diagnosis like schizophrenia means you'll never have a normal life.", Correction: "Many people with serious mental illness work, have relationships and live full lives with treatment and support.",
		pat: "[ @disorder | mental illness ] ~4 never ~4 [ normal life | a normal life | recover | get better | work | have a life | be happy | hold down a job | have a job | keep a job | have relationships | have kids | live alone | be independent ]", notIf: mythFrame},
	{ID: "ect_barbaric", Claim: "ECT is electrocution or torture and destroys your memory.", Correction: "Modern ECT is given under anaesthesia and is an effective treatment for severe depression; memory effects are usually temporary.",
		pat: "[ ect | electroconvulsive | shock therapy ] ~4 electrocution|electrocuting|electrocutes|torture|torturing|barbaric|destroys|fries|frying|erases|wipes|wiping|damages ~3 brain|memory|memories|you | [ ect | electroconvulsive | shock therapy ] ~10 wipes|erases|destroys ~2 your? ~1 memory|memories|brain ~2 permanently|forever", notIf: mythFrame + "|not|never|no"},
	{ID: "phase", Claim: "It's just a phase teenagers grow out of.", Correction: "Symptoms in young people deserve to be taken seriously and assessed.",
		pat: "just|only ~1 a phase | will|they ~2 grow out of it", notIf: mythFrame + "|not|never|no"},
}

// MisinformationRules returns the shared misinformation rule set.
func MisinformationRules() []MisinfoRule {
	out := make([]MisinfoRule, len(misinfoAll))
	copy(out, misinfoAll)
	return out
}

// MatchMisinformation returns the false claims asserted in text.
func MatchMisinformation(text string) []Match {
	lx, err := scanCompiled()
	if err != nil {
		return nil
	}
	sc := getScratch(len(lx.vocab))
	defer putScratch(sc)
	toks := sc.tokenize(text)
	ids := lx.tokenIDs(sc, toks)
	sc.mark(ids)
	return lx.matchMisinfo(sc, text, toks, ids, false)
}

// windowHasExcept reports whether any word of set occurs near a match: up
// to six tokens before it (in its clause), inside it, or three after. A
// negation or myth frame belongs to the claim it sits next to, not to a
// distant clause ("anxiety is all in your head, you can choose not to feel
// it" is still the claim). Inside the match, words the pattern spells out
// itself do not count ("do not have feelings" is the claim).
func windowHasExcept(toks []token, s, e int, set, lit map[string]bool) bool {
	if len(set) == 0 {
		return false
	}
	sent, clause := toks[s].sent, toks[s].clause
	for k := max(0, s-6); k < min(len(toks), e+3); k++ {
		if toks[k].sent != sent || !set[toks[k].w] {
			continue
		}
		if k < s && toks[k].clause != clause {
			continue // "Not really, eating disorders are…": another clause
		}
		if k >= s && k < e && lit[toks[k].w] {
			continue
		}
		return true
	}
	return false
}

// litWords collects the words a compiled pattern spells out.
func litWords(alts [][]elem) map[string]bool {
	lit := map[string]bool{}
	for _, es := range alts {
		for _, e := range es {
			for _, w := range e.words {
				lit[w] = true
			}
		}
	}
	return lit
}
