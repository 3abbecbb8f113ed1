// The harmful-advice filter: text that could hurt someone who acts on it.
// It reuses the safety package's output-guard rules for suicide and
// self-harm method details and for encouragement of harm (code
// "harm_<guard pattern>"), and adds its own rules for pro-eating-disorder
// tips, drug doses and dose changes, and encouragement to withdraw from
// other people. Each rule has a hard negative in filter_harm_test.go and
// an entry in docs/data-filters.md.
package data

import (
	"regexp"

	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/safety"
)

// HarmConfig tunes the harmful-advice filter.
type HarmConfig struct {
	Enabled bool `yaml:"enabled" json:"enabled"`
	TurnScope
	// Guard also runs the output guard's method-detail and
	// encourages-harm rules. Off by default: written for live replies in
	// a risk context, they also fire on good crisis replies in training
	// data (means-safety questions such as "is there anything you could
	// use to hurt yourself?", "keep going"); on the 5,000 seed
	// conversations they flagged 380 turns, against 0 for this filter's
	// own rules (docs/data-filters.md).
	Guard bool `yaml:"guard" json:"guard"`
}

// DefaultHarmConfig checks assistant and system turns with the filter's
// own rules.
func DefaultHarmConfig() HarmConfig { return HarmConfig{Enabled: true} }

// drugNames are medicines and drugs whose doses a support reply must not
// give.
const drugNames = `(sertraline|zoloft|fluoxetine|prozac|citalopram|escitalopram|lexapro|paroxetine|venlafaxine|effexor|mirtazapine|amitriptyline|bupropion|wellbutrin|lithium|quetiapine|seroquel|olanzapine|risperidone|aripiprazole|lamotrigine|diazepam|valium|alprazolam|xanax|lorazepam|ativan|clonazepam|klonopin|benzos?|zolpidem|ambien|zopiclone|pregabalin|gabapentin|propranolol|paracetamol|acetaminophen|tylenol|ibuprofen|aspirin|codeine|tramadol|oxycodone|morphine|fentanyl|methadone|melatonin|adderall|ritalin|methylphenidate|ketamine|mdma|lsd|psilocybin|mushrooms|sleeping pills|painkillers|antidepressants?|meds|pills|tablets)`

// harmGuardUnless excuses a guard hit in a sentence that warns against
// the act it names ("mixing alcohol with pills can be dangerous").
var harmGuardUnless = regexp.MustCompile(`(?i)\b(can be|is|are|it's|could be) (really |very |so |extremely )?(dangerous|unsafe|risky|harmful)\b|\bplease (don't|do not)\b|\b(can|might|may) feel like\b`)

// harmRules are the filter's own rules; the guard's come first.
var harmRules = []sentRule{
	rule("harm_method", "how +to way +to ways +to trick +is", "explains how to carry out suicide or self-harm",
		`\b(how to|ways to|way to|best way to|easiest way to|quickest way to|the trick is to)\s+(kill yourself|end your life|end it all|hang yourself|overdose|od\b|cut (deeper|yourself)|hurt yourself|self.harm without|hide (your )?(cuts|scars|self.harm))`,
		`\b(if you('re| are)|searching|looked up|looking up|thinking about|urges?|please|reach out|call|text|crisis|never)\b`),
	rule("harm_method", "hide cover cut +deeper cut +where clean", "advises hiding self-harm or how to make it worse",
		`\b(hide|cover) (the |your )?(cuts|scars|burns|marks) (with|under|so)\b|\bcut (deeper|where no one)\b|\bclean (the )?(blade|razor)\b`,
		`\b(don't have to|no need to|feel you have to|if you feel|ashamed|shame|might want to hide|urge to hide)\b`),
	rule("harm_method", "fatal lethal deadly kill +you to +die be +enough quickest fastest easiest painless surest", "gives the quantity or means that would make an act fatal",
		`\b(lethal|fatal|deadly) (dose|amount|quantity)\b.{0,40}\b(is|of|would be|around|about|lower|higher)\b|\b(quickest|fastest|easiest|surest|most painless|least painful) (way|method)\b.{0,20}\b(to die|to end it|to end your life|to kill yourself|is to|would be)\b|\b\d+\s*(tablets|pills|capsules|mg|g|grams|floors|storeys|stories|metres|meters|feet)\b.{0,40}\b(fatal|lethal|deadly|kill you|to die|be enough)\b|\b(fatal|lethal|deadly|kill you)\b.{0,30}\b\d+\s*(tablets|pills|capsules|mg|g|grams)\b`,
		`\b(if you('re| are)|thinking about|please|call|text|crisis|don't|never)\b`),
	rule("harm_encourage", "give +up stop +trying stop +fighting worth miss +you better +off burden deserve kill +yourself end +it", "tells someone to give up, that they would not be missed, or to end their life",
		`\b(you should|you might as well|you could|just)\s+(just\s+)?(give up|stop trying|stop fighting|end it|kill yourself|do it)\b|\byour life (isn't|is not) worth\b|\b(nobody|no one|no-one) (would|will|is going to) (miss|notice|care about) you\b|\b(everyone|everybody|they|your family|the world)('d| would)? (all )?be better off without you\b|\byou('re| are) (just )?a burden\b|\byou deserve (to die|to suffer|this pain|to be hurt)\b|^\s*(go )?kill yourself\b`,
		`\b(don't|never|won't|not going to|feel like|feels like|might feel|tempting|urge|thinking|think|thought|believe|believing|convinced|says|said|told|tells|voice|that's not true|isn't true|not true|worry|worried|afraid|scared)\b`),
	rule("harm_pro_ed", "calorie cals kcal thinspo meanspo ana mia purg throw +up sick vomit laxative diet +pill fast chew skip ice +cubes ice +chips hunger appetite water coffee coke hide hiding baggy weigh", "gives tips that promote disordered eating",
		`\b(eat|eating|stay|keep it)\s+(less than|under|below|only|no more than)\s+\d{2,4}\s*(calories|cals?|kcal)\b|\b(thinspo|thinspiration|meanspo|pro.?ana|pro.?mia|ana tips|mia tips)\b|\b(purg\w*|throw(ing)? up|make yourself sick|vomit\w*|laxatives?|diet pills|water fast\w*|dry fast\w*|chew and spit|skip(ping)? (meals|breakfast|lunch|dinner)|fasting|ice (cubes|chips))\b.{0,50}\b(lose weight|lose the weight|weight loss|(lose|drop|shed) (\w+ )?weight|stay thin|get thin\w*|thinner|works (well|great|best)|helps you|burn|drop (a few )?(pounds|kilos|kg|lbs)|curb|suppress|fill up|feel full)\b|\b(ignore|fight|suppress|trick) (your |the )?(hunger|appetite|hunger pangs)\b|\bdrink (lots of |loads of )?(water|coffee|diet coke|black coffee) (to|so you) (fill|feel full|suppress|curb|don't feel hungry)|\b(hide|hiding) (your |the )?(eating|not eating|weight loss|purging|bones)\b.{0,30}\b(from|so)\b|\b(baggy clothes|weigh yourself (every|after|several))\b`,
		`\b(don't|do not|never|please don't) (do this|do that|try|skip|purge|restrict|use|take|starve|make yourself|go without|cut)|\b(dangerous|unsafe|harmful|risk\w*|worr\w*|concern\w*|signs? of|symptoms?|doctor|gp|dietitian|eating disorder (service|charity|team|helpline|support)|beat|neda|urges?|recovery|if you('ve| have)? (been|noticed)|you mentioned|you said|not safe|isn't safe|can damage|harm)\b`),
	rule("harm_dose", "mg millig mcg microg ml gram take taking swallow", "gives a dose or quantity of a medicine or drug",
		`\b\d+(\.\d+)?\s*(mg|milligrams?|mcg|micrograms?|g|grams?|ml)\s+(of\s+)?`+drugNames+`\b|\b`+drugNames+`\b.{0,30}\b\d+(\.\d+)?\s*(mg|milligrams?|mcg|micrograms?|ml)\b|\b(take|taking|swallow)\s+(\d+|two|three|four|five|six|ten|a handful of|a few|a couple of)\s+(more\s+)?(of (your|the|those) )?`+drugNames+`\b`,
		`\b(you mentioned|you said|you told me|prescribed you|your doctor prescribed|your prescriber)\b`),
	rule("harm_dose", "dose dosage meds medication extra more +pills more +tablets more +meds more +of alcohol drink booze wine beer vodka", "tells someone to change their dose or take extra",
		`\b(double|triple|up|increase|raise|skip)\s+(up\s+)?(your|the)\s+(dose|dosage|meds|medication)\b|\btake (a few |a couple |some )?(extra|more) (pills|tablets|meds|of (your|them|those))\b|\b(mix|mixing|combine|combining|take)\w*\s+`+drugNames+`\b.{0,20}\b(with|and)\s+(alcohol|drink|booze|wine|beer|vodka|each other)\b`,
		`\b(don't|do not|never|not to|shouldn't|should not|doctor|gp|prescriber|pharmacist|psychiatrist|dangerous|unsafe|risky|can be)\b`),
	rule("harm_isolation", "cut +off cut +out cutting better +off don't +need don't +tell not +tell never +tell never +talk don't +talk not +talk don't +trust not +trust never +trust confide stay +away keep +away to +yourself isolat understand +you secret other +people", "encourages someone to withdraw from the people and help around them",
		`\b(cut|cutting)\s+(off|out)\s+(everyone|everybody|all your friends|your (whole )?(family|friends)|all of them|the people who care)\b|\byou('re| are)? better off (alone|on your own|by yourself|without (anyone|anybody|them all|your friends|your family|people))\b|\byou don't need (anyone|anybody|other people|friends|your friends|your family)\b|\b(don't|do not|never)\s+(tell|talk to|trust|confide in)\s+(anyone|anybody|your (parents|family|mum|mom|dad|friends|doctor|gp|therapist|counsellor|counselor|teacher|partner))\b|\b(stay|keep) (away from|to yourself,? (and )?away from) (everyone|people|your friends|your family)\b|\bisolat(e|ing) yourself\b.{0,30}\b(best|better|good|help|fine)\b|\b(no one|nobody) (else )?(will|would|could|can) (ever )?understand you\b|\bonly i (can )?understand you\b|\bkeep (this|it) (a )?secret from (everyone|your)\b|\bother people will only (hurt|let you down|judge)\b`,
		`\b(feel like|it can feel|might feel|may feel|feels like|feeling that|when you|toxic|abusive|unsafe|hurting you|harm(s|ing)? you|boundar\w*|if (they|someone|he|she)|are you|do you|don't have to|isn't true|not true|you said|you mentioned|tempting|urge)\b`),
}

// HarmFilter implements Filter.
type HarmFilter struct {
	cfg   HarmConfig
	guard *guardRules
}

var _ Filter = (*HarmFilter)(nil)

// NewHarmFilter builds the filter.
func NewHarmFilter(cfg HarmConfig) (*HarmFilter, error) {
	f := &HarmFilter{cfg: cfg}
	if cfg.Guard {
		g, err := newGuardRules(safety.RuleMethodDetail, safety.RuleEncouragesHarm)
		if err != nil {
			return nil, err
		}
		f.guard = g
	}
	return f, nil
}

// Name is "harmful_advice".
func (*HarmFilter) Name() string { return "harmful_advice" }

// Check implements Filter.
func (f *HarmFilter) Check(c *conv.Conversation) []Reject {
	if !f.cfg.Enabled {
		return nil
	}
	return checkTurns(f, f.cfg.TurnScope, c)
}

// CheckText returns the harmful advice in one message.
func (f *HarmFilter) CheckText(text string) []Reject {
	var hs []hit
	if f.guard != nil {
		hs = f.guard.check(text, "harm_", harmGuardUnless)
	}
	return hitsToRejects(append(hs, matchRulesMemo(harmSet, text)...))
}
