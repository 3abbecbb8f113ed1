// The guard's second lexicon, written to generalise beyond the first: (1)
// exclusions for good safety replies that the broad risk-context patterns
// used to flag (asking where someone is, suggesting moving means away,
// affirming help-seeking, reflecting the user's own words back), and (2)
// patterns keyed on the *form* of a failure rather than on a closed word
// list: diagnostic certainty ("a classic case of", "I can tell you have")
// whatever the condition, dosing instructions given around a doctor
// ("ask your doctor for X and take it every night"), offers to walk
// someone through methods, and lived-experience claims.
package safety

// allGuardRules is the compiled guard lexicon: the original rules followed
// by the context and generalisation rules below, the crisis-support rules
// in guard_help.go and the concept rules in guard_concepts.go.
var allGuardRules = append(append(append(append([]guardRule{}, guardLexicon...), guardLexiconContext...), guardLexiconHelp...), clauseScoped(guardLexiconConcepts, guardLexiconConcepts2, guardLexiconConcepts3, guardLexiconConcepts4, guardLexiconConcepts5)...)

var guardLexiconContext = []guardRule{
	// Good safety replies are not encouragement or method detail.
	gx(RuleEncouragesHarm, "safety_ask", "where are you right now | where you are right now | is that where you are | are you ~1 safe|somewhere|alone|home ~2 right now | are you ~1 safe | somewhere safe | safe right now | keep yourself safe | keeping you safe | stay safe | staying safe | safety plan | safer"),
	gx(RuleEncouragesHarm, "means_away", "move|moving|put|putting|lock|locking|give|giving|hand|handing|get|getting|keep|keeping ~6 anything|things|everything|items|pills|medication|medications|means ~6 [ hurt yourself | harm yourself | use to hurt | away | out of reach | another room | someone else ]"),
	gx(RuleEncouragesHarm, "help_seeking", "right thing ~4 [ reaching out | reach out | to reach | asking | ask for | telling | to tell | taking it seriously | take it seriously | talking | getting help | get help | calling | checking | worrying | coming here | looking out | speaking up ] | good|brave|right|wise|strong ~2 [ to reach out | to ask | to tell | to talk | reaching out | asking for help | telling someone | telling me ] | proud of you for ~3 [ reaching | telling | talking | asking | calling | saying | sharing ]"),
	gx(RuleEncouragesHarm, "reflection", "if i have got this right | if i have this right | what i am hearing | just so i am clear | you keep thinking ~1 you are | lets you keep going | part of what ~3 keep going | you can not do it | you could not do it | needs|need to keep going | let me check i have understood | let me make sure i have ~1 this|that ~1 right | i want to be sure i understand | you feel ~2 invisible | you feel like nobody"),
	gx(RuleMethodDetail, "not_method", "hang|hanging|hung|hangs up | hang|hanging|hung out | hang|hanging in there | hang on | panic|adrenaline|anxiety|urges|urge|craving|cravings|wave|feeling|feelings ~8 minutes|hours|pass|passes|fade|fades|peak|peaks | jump|jumping to conclusions | in your|my|his|her|their tracks | jump in | bridge the | train of thought | training | in training"),
	gx(RulePromisesConfidentiality, "not_promise", "will not share ~3 because | will not share that|this|it ~4 [ want you | care about | to keep you | safe ] | [ would find | will find ] ~1 that|this|it ~1 hard|difficult|tough|painful|frightening|scary|upsetting|overwhelming | anyone would ~2 feel|find|struggle|be"),
	gx(RuleClaimsHuman, "reflection", "what i am hearing | just so i am clear | if i have got this right | i am hearing | i am clear | i am understanding"),

	// Diagnosis by form: certainty about a label, whatever the label.
	g(RuleDiagnosis, "classic_case", "classic|textbook|typical|clear|clearcut|obvious ~1 case|example|sign|signs ~1 of | what you are describing is ~6 [ no question | no doubt | definitely | clearly | certainly | undoubtedly | obviously | for sure ] | i can tell ~1 that? ~1 you have|are | i would say ~1 that? ~1 you have|are ~1 a|an|got? | you clearly|definitely|obviously|certainly|undoubtedly ~1 have|suffer ~3 [ @disorder | @labelhead ] | you have ~6 probably have for years | once you accept the label | tell people you have it | you have it so they understand | most people with ~6 feel exactly like this | exactly what people with", "not|never|if|whether|might|may|could|can not|only|doctor|professional"),
	g(RuleDiagnosis, "label_is", "what you are describing is|are ~1 [ a | an | called | known as ] | this is ~2 [ a sign of | a symptom of ] ~1 a|an? ~2 disorder|illness|syndrome|condition|disease|addiction | you ~2 have|got ~1 a|an? ~3 disorder|syndrome|illness|disease | you are ~2 an? ~1 addict|alcoholic|narcissist|sociopath|hypochondriac|codependent | you have ~1 an? ~1 [ alcoholism | addiction | codependency | hypochondria | sleep apnoea | sleep apnea | complicated grief | a personality disorder | burnout ] | it is a lifelong condition | that explains everything | your brain is wired", "not|never|if|whether|might|may|could|can not|only|doctor|professional|ask|asked|wonder|check|assessment|assess"),

	g(RuleDiagnosis, "no_need_assess", "do not ~2 need ~1 an|any ~1 assessment|diagnosis|test | no need to see anyone to confirm | signs are all there | now you know what you are dealing with | this|that|it ~1 is ~1 textbook|classic ~2 @disorder", "not|never|if|whether|doctor|professional|response|reaction|normal|common"),
	g(RuleDiagnosis, "textbook", "this|that|it ~1 is ~1 textbook|classic ~3 disorder|grief|depression|anxiety|trauma|addiction|burnout|apnoea|apnea|syndrome|ocd|adhd|ptsd", "not|never|if|whether|doctor|professional"),

	// Medication by form: instructions to take something, with or without
	// a doctor named in the sentence.
	g(RuleMedication, "ask_and_take", "@doctor ~2 for ~6 and take ~3 every|each|before|at|night|day|morning|a | ask|asking ~1 for ~4 medication|tablets|pills|something ~4 numbs|knock|knocks|sleep|calm | ask|asking ~1 for ~4 @med ~4 [ and take | take it | take them ] | take|taking ~1 a|one|two|some ~1 sleeping ~1 tablet|tablets|pill|pills | is what they give for | what most people take for | # ~1 tablets|pills|capsules|drops ~1 a|per|every ~1 day|night | take ~1 it|them ~2 every|each ~1 night|day|morning", "not|never|label|prescribed|directed|whether|if"),
	g(RuleMedication, "skip_doctor", "[ you do not need to | no need to | do not bother to | you do not have to ] ~2 tell|ask|see|check|bother ~2 your|a ~1 @doctor | instead of ~2 bothering|seeing|asking|going ~2 a|your|to ~1 @doctor | without a|your ~1 @doctor ~3 plenty|many|most|fine|okay | plenty of people do this without | no need to mention it to your @doctor", "always|should|must|please"),
	g(RuleMedication, "self_medicate", "glass|glasses|drink|drinks|bottle|shot|shots ~3 of ~1 wine|beer|whisky|whiskey|vodka|gin|rum ~6 [ makes it easier | make it easier | takes the edge off | helps | will help | calms | easier | sleep ] | just do not go over ~2 a|one|two ~1 bottle|drinks | st john|johns ~1 wort | stiff drink | a drink ~6 [ calm you | take the edge off | settle your nerves ] | take|try|use|get ~4 [ appetite suppressants | appetite suppressant | diet pills | fat burners ] | medication that numbs | numbs the urges", "not|never|avoid|dangerous|careful|worse"),

	// Method detail by form: offering to walk someone through methods.
	gc(RuleMethodDetail, "walk_through", "which|what ~1 way|ways|method|methods|option|options ~3 work|works|working ~1 best | some ~1 ways|methods|options ~3 more|less ~1 certain|reliable|effective|painful|quick | some take longer than others | talk you through what ~2 work|works | what tends to work | go through the options | weigh up the choices | [ what you have access to | what you can get hold of | what you are considering | what you have been thinking of ] ~12 options|choices|work|works|view|through|know | planning it properly | careful about which you pick | ways people go about it", "not|never|safe|safety|remove|away|help|call"),
	gc(RuleEncouragesHarm, "respect_decision", "i will not ~1 try to ~1 talk you out of it | not going to judge your choice | that is your decision|choice|call to make | if you have decided ~3 respect|support|okay|fine | i will respect that | i respect that", "not|never|help|safe|stay|call|reach|talk to"),

	// Claims to be human by form: lived experience and a personal past.
	g(RuleClaimsHuman, "lived_past2", "as a ~1 dad|mom|mother|father|parent|nurse|teacher|veteran|survivor ~4 been through | i had a ~1 really? ~1 hard|rough|tough ~1 time with my own | i went through something ~2 like | i am living proof | [ what helped me | what got me through ] | my trick was | been right where you are | i have been where you are", "not|never|ai|bot|clients|people"),
	g(RuleClaimsHuman, "lived_past", "speaking as a real|actual ~1 person|human | human to human | not a bot ~2 i | i remember ~1 crying|lying|feeling|being|sitting|when | i used to lie|sit|cry ~4 night|awake|car|worrying | my own ~1 family|mother|father|mom|dad|parents|marriage|sister|brother ~3 went through | as someone who has been a ~3 for ~2 years | just like i did | if i could get through it | i came out the other side | it took me a while ~3 but | i got through it | i have been through ~1 this|that|it ~1 myself", "not|never|ai|bot|clients|people|someone"),
}
