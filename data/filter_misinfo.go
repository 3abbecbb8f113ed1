// The medical-misinformation filter, in three layers:
//  1. the safety package's shared misinformation rule set
//     (safety.MatchMisinformation: the same rules the output guard applies
//     to live replies), code "misinfo_<rule id>";
//  2. rules for claims that set does not cover (vaccines and autism,
//     stopping medication, faith instead of care, conversion therapy, ADHD
//     denial), code "misinfo_<name>";
//  3. a logistic-regression classifier over word 1–3-grams, trained at
//     first use from the embedded labelled sentences
//     (testdata/filters/misinfo_sentences.jsonl, train split only), for
//     phrasings no rule spells out, code "misinfo_classifier".
//
// docs/data-filters.md documents every rule with examples.
package data

import (
	"bytes"
	_ "embed"
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/safety"
)

//go:embed testdata/filters/misinfo_sentences.jsonl
var misinfoSentences []byte

// MisinfoConfig tunes the misinformation filter.
type MisinfoConfig struct {
	Enabled bool `yaml:"enabled" json:"enabled"`
	TurnScope
	// Shared applies the safety package's misinformation rule set.
	// ContentFiltersFor switches it off when the pipeline's guard filter
	// already applies it to the same turns.
	Shared bool `yaml:"shared" json:"shared"`
	// Classifier adds the trained classifier to the rules.
	Classifier bool `yaml:"classifier" json:"classifier"`
	// Threshold is the classifier probability at or above which a
	// sentence is dropped. Default 0.7, chosen by 4-fold cross-validation on
	// the training sentences (precision 0.93, recall 0.47 there): the
	// classifier backs up the rules and must rarely drop good data.
	Threshold float64 `yaml:"threshold" json:"threshold"`
}

// DefaultMisinfoConfig checks assistant and system turns with rules and
// the classifier at 0.7.
func DefaultMisinfoConfig() MisinfoConfig {
	return MisinfoConfig{Enabled: true, Shared: true, Classifier: true, Threshold: 0.7}
}

// negStop matches a negated instruction about medication ("don't stop",
// "never come off"), which is advice against the claim.
const negStop = `\b(don't|do not|never|shouldn't|should not|please don't|not to)\s+(just\s+)?(suddenly\s+)?(stop|quit|change|come off|drop|ditch|throw)`

// misinfoExtra are the claims the safety rule set leaves to data curation.
var misinfoExtra = []sentRule{
	rule("misinfo_vaccines_autism", "vaccin jab mmr immuni", "claims vaccines cause autism (they do not; the study that claimed so was retracted)",
		`\b(vaccin\w*|jabs?|mmr|immuni[sz]\w*)\b.{0,60}\b(causes?|caused|causing|gave|gives?|given|leads? to|triggers?|triggered|damages?|reason|more likely)\b.{0,50}\b(autis\w*|adhd)|\bautis\w*\b.{0,40}\b(caused|comes?|came)\b.{0,30}\b(vaccin\w*|jabs?|mmr)|\b(skip|avoid|refuse)\w*\s+(the\s+|all\s+)?(vaccin\w*|jabs?)\b.{0,60}\bautis`,
		`\b(no link|not cause|don't cause|do not cause|doesn't cause|does not cause|didn't cause|no connection|myth|retracted|no evidence|isn't true|not true|debunked|worry|worried|worries|questions|told me|said that|heard that|read that)\b`),
	rule("misinfo_medication_myth", "zombie robot personality who +you +are for +life forever never +come never +get", "repeats a myth about psychiatric medication (zombie, personality change, for life)",
		`\b(antidepressants?|ssris?|meds|medications?|pills|lithium|antipsychotics?)\b.{0,40}\b(zombie|robot|change your personality|changes? who you are|on them for life|on them forever|never (come|get) off)\b`,
		`\b(not|don't|doesn't|won't|isn't|never|myth|worr\w*|afraid|scared|fear)\b`),
	rule("misinfo_lifestyle_cure", "cured gone disappear go +away fixed vanish", "claims exercise, diet or positive thinking alone cures a mental illness",
		`\b(run|ran|running|exercise\w*|yoga|walk\w*|diet|positive thinking|cold showers?|sunlight)\b.{0,50}\b(depression|anxiety|bipolar|ptsd|ocd)\b.{0,20}\b(would|will|'d|'ll) (be )?(cured|gone|disappear|go away|fixed|vanish)`,
		`\b(not|won't|isn't|alongside|as well|also|might help|can help)\b`),
	rule("misinfo_stop_medication", "stop quit ditch drop flush throw bin come +off get +off", "tells someone to stop or change psychiatric medication on their own",
		`\b(stop|stopping|quit|quitting|ditch|drop|flush|throw|bin|come off|get off)\b(\s+taking)?\s+(your|the|all|those|these|them|everything)?\s*(meds|medications?|medicines?|pills|tablets|antidepressants?|ssris?|lithium|antipsychotics?|everything)\b|\b(quit|stop|come off)\b.{0,30}\bcold turkey\b|\bjust (stop|quit) (them|it)\b`,
		negStop+`|\b(doctor|gp|prescriber|psychiatrist|pharmacist|nurse|with support|medical advice|medical help|safest|safely|gradual\w*|taper\w*|slowly|want to|wanting to|if you have already|side effects)\b`),
	rule("misinfo_stop_medication", "stopping quitting coming dropping drop cut", "claims stopping psychiatric medication abruptly is safe",
		`\b(stopping|quitting|coming off|dropping)\b.{0,50}\b(completely|totally|perfectly|100%)\s+(safe|harmless|fine)\b|\b(drop|cut)\w*\s+(your\s+)?dose\b.{0,30}\b(zero|overnight|nothing)\b`,
		`\b(not|isn't|never|doctor|prescriber)\b`),
	rule("misinfo_distrust_care", "stop +listening don't +listen ignore don't +trust don't +need", "tells someone to ignore their doctor or that they need no medical care",
		`\b(stop listening to|ignore|don't listen to|don't trust)\s+(your\s+)?(doctors?|psychiatrists?|gp|prescribers?|therapists?)\b|\byou don't need (a|any|your)\s+(doctors?|meds|medication|therapists?|psychiatrists?)\b`,
		`\b(if you feel (dismissed|unheard)|second opinion)\b`),
	rule("misinfo_faith_cure", "pray god demon possess devil exorcis sin faith spiritual church repent", "presents prayer or faith as a cure for mental illness, or illness as sin or possession",
		`\bpray\w*\b.{0,40}\b(away|cures?|heal|fix|disappear|lift)\b|\bgod will (heal|cure|fix|take)\b|\b(demons?|demonic|possess(ed|ion)|the devil|exorcis\w*)\b|\bis a sin\b|\b(punishment for|because of) (your |their |his |her |our )?sins?\b|\black of faith\b|\bspiritual problem\b|\bstopped (going to church|praying)\b|\b(repent\w*|faith|prayer)\b.{0,20}\b(only|real) (cure|answer|treatment)\b`,
		`\b(not|isn't|alongside|as well as|and still|part of how|comfort|no shame|doesn't mean)\b`),
	rule("misinfo_conversion", "gay straight homosexual lesbian bisexual trans same +sex same-sex dysphoria orientation sexuality reparative conversion", "treats sexual orientation or gender identity as an illness to cure (conversion therapy)",
		`\b(pray the gay away|reparative therapy|conversion therapy (works|can|will|helps|cured))\b|\b(make|makes|turn|turns) you straight\b|\b(being\s+)?(gay|homosexual\w*|lesbian|bisexual\w*|transgender|trans|same.sex attraction|gender dysphoria|sexual orientation|sexuality)\b.{0,40}\b(mental (illness|disorder)|a disorder|disease|cured?|curable|fixed|reversed?|confusion)\b|\b(cure|fix|treat)\w*\s+(being\s+)?(gay|homosexual\w*|trans\w*)\b`,
		`\b(not|isn't|doesn't work|harmful|condemned|removed|no need|nothing to|without trying|doesn't need|accept\w*|stigma|banned|myth)\b`),
	rule("misinfo_adhd", "adhd", "denies that ADHD is real or blames it on parenting, sugar or willpower",
		`\badhd (isn't|is not|ain't) real\b|\bno such thing as adhd\b|\badhd\b.{0,30}\b(made up|invented|an excuse|excuse for|a myth|caused by (bad )?parenting|bad parents|sugar)\b|\badults (can't|cannot|don't) (have|get) adhd\b|\bgirls (don't|can't) (get|have) adhd\b|\badhd (meds|medications?|pills) (are|is) (just )?speed\b`,
		`\b(not true|myth that|some people (think|say)|doesn't cause|isn't caused|not caused|isn't an excuse|is not an excuse|diagnosed later)\b`),
}

// MisinfoFilter implements Filter.
type MisinfoFilter struct {
	cfg MisinfoConfig
	clf *misinfoModel
}

var _ Filter = (*MisinfoFilter)(nil)

// NewMisinfoFilter builds the filter, training the classifier on first use
// (about 20 ms; shared by every filter in the process).
func NewMisinfoFilter(cfg MisinfoConfig) (*MisinfoFilter, error) {
	f := &MisinfoFilter{cfg: cfg}
	if cfg.Threshold == 0 {
		f.cfg.Threshold = 0.7
	}
	if f.cfg.Threshold < 0 || f.cfg.Threshold > 1 {
		return nil, fmt.Errorf("%w: filter.misinfo.threshold: %g is outside 0..1", ErrConfig, cfg.Threshold)
	}
	if cfg.Classifier {
		m, err := defaultMisinfoModel()
		if err != nil {
			return nil, err
		}
		f.clf = m
	}
	return f, nil
}

// Name is "misinformation".
func (*MisinfoFilter) Name() string { return "misinformation" }

// Check implements Filter.
func (f *MisinfoFilter) Check(c *conv.Conversation) []Reject {
	if !f.cfg.Enabled {
		return nil
	}
	return checkTurns(f, f.cfg.TurnScope, c)
}

// CheckText returns the misinformation in one message: shared safety
// rules first, then the extra rules, then the classifier on sentences no
// rule caught.
func (f *MisinfoFilter) CheckText(text string) []Reject {
	var out []Reject
	var shared []safety.Match
	if f.cfg.Shared {
		shared = safety.MatchMisinformation(text)
	}
	for _, m := range shared {
		if negatedClaim.MatchString(foldQuotes(m.Text)) || reportedClaim.MatchString(foldQuotes(sentenceAt(text, m.Start))) {
			continue
		}
		out = append(out, Reject{Code: "misinfo_" + m.Rule, Span: m.Text, Message: -1,
			Reason: "asserts a false claim (safety rule " + m.Rule + "): " + m.Claim})
	}
	out = append(out, hitsToRejects(matchRulesMemo(misinfoSet, text))...)
	if f.clf == nil || len(out) > 0 {
		return out
	}
	for s := range eachSentence(text) {
		// A question or a restatement of the user's story asserts
		// nothing: claimScore gives it -1.
		if p := f.clf.claimScore(s); p >= f.cfg.Threshold {
			out = append(out, Reject{Code: "misinfo_classifier", Span: clip(s), Message: -1,
				Reason: fmt.Sprintf("the misinformation classifier gives %.2f (threshold %.2f)", p, f.cfg.Threshold)})
			break
		}
	}
	return out
}

// negatedClaim catches a shared rule matching a denial of its own claim
// ("depression isn't a choice"): the safety tokenizer's negation check
// misses some contractions, so the span itself is checked here too.
var negatedClaim = regexp.MustCompile(`(?i)n't\b|\b(not|never|no)\b`)

// reportedClaim excuses a claim someone else made, quoted by the writer
// ("my friend told me vaccines cause autism").
var reportedClaim = regexp.MustCompile(`(?i)\b(told me|tells me|told us|says that|said that|keeps saying|heard that|read that|claims? that|people say|they say|someone said)\b`)

// restateFrame opens a sentence that restates what the user said ("Just
// so I'm clear: you drink before social events..."): a report of their
// situation, not a medical claim. Without it the classifier flagged 16 of
// 10,000 seed records, all of this shape.
var restateFrame = regexp.MustCompile(`(?i)^\s*(just so i'm clear|if i've got this right|if i understand (you )?(right|correctly)|so,? (you|your)\b|it sounds like (you|your)\b|what i'm hearing is|you mentioned|you said)`)

// healthStems gate the classifier: a sentence with no word starting with
// one of these names no health topic, so it is not a medical claim,
// whatever its wording.
var healthStems = strings.Fields(`depress anxi panic adhd autis schizo bipolar ocd ptsd trauma psych mental therap counsel
meds medic pill antidepress ssri lithium dose vaccin jab suicid self-harm harm cutting anorexi bulimi eating illness disorder
gay trans straight pray cure heal treat recover diagnos voices grief alcohol drink weed cannabis cbd drug`)

func healthTopic(words []string) bool {
	for _, w := range words {
		for _, s := range healthStems {
			if strings.HasPrefix(w, s) {
				return true
			}
		}
	}
	return false
}

// misinfoModel is the trained sentence classifier. memo marks the
// default model, whose sentence scores the sentence memo keeps.
type misinfoModel struct {
	lin  *linear
	memo bool
}

func (m *misinfoModel) prob(sentence string) float64 {
	words := textWords(foldQuotes(sentence), nil)
	if !healthTopic(words) {
		return 0
	}
	z := []float64{0}
	m.lin.probs(ngrams('m', words, true, nil), z)
	return z[0]
}

func misinfoFeatures(s string) []uint32 {
	return ngrams('m', textWords(foldQuotes(s), nil), true, nil)
}

// misinfoExample is one line of misinfo_sentences.jsonl.
type misinfoExample struct {
	Text    string `json:"text"`
	Misinfo bool   `json:"misinfo"`
	Topic   string `json:"topic"`
	Split   string `json:"split"` // "train" or "heldout"
}

func readMisinfoExamples() ([]misinfoExample, error) {
	return readJSONL[misinfoExample](bytes.NewReader(misinfoSentences), "testdata/filters/misinfo_sentences.jsonl", nil)
}

// trainMisinfo fits the classifier on the examples of the given split.
func trainMisinfo(ex []misinfoExample, split string) *misinfoModel {
	var rows []example
	for _, e := range ex {
		if e.Split != split {
			continue
		}
		rows = append(rows, example{x: misinfoFeatures(e.Text), set: []bool{e.Misinfo}})
	}
	lin := newLinear(1, 16, true)
	lin.train(rows, trainOpts{epochs: 100, lr: 2, l2: 1e-3, seed: 1})
	return &misinfoModel{lin: lin}
}

var defaultMisinfoModel = sync.OnceValues(func() (*misinfoModel, error) {
	ex, err := readMisinfoExamples()
	if err != nil {
		return nil, fmt.Errorf("misinformation classifier: %w", err)
	}
	m := trainMisinfo(ex, "train")
	m.memo = true
	return m, nil
})

// MisinfoReport is the classifier's held-out measurement.
type MisinfoReport struct {
	HeldOut, HeldOutPositive int
	Threshold                float64
	// Classifier scores the classifier alone (trained on the train
	// split); Filter scores the whole filter (shared rules, extra rules
	// and classifier) on the same held-out sentences.
	Classifier, Filter FilterScore
}

// MeasureMisinfoClassifier trains on the train split of ex and scores the
// held-out split.
func MeasureMisinfoClassifier(ex []misinfoExample) MisinfoReport {
	cfg := DefaultMisinfoConfig()
	m := trainMisinfo(ex, "train")
	f := &MisinfoFilter{cfg: cfg, clf: m}
	r := MisinfoReport{Threshold: cfg.Threshold}
	count := func(s *FilterScore, got, want bool, text string) {
		s.Cases++
		switch {
		case got && want:
			s.TP++
		case got:
			s.FP++
			s.FalseAlarms = append(s.FalseAlarms, text)
		case want:
			s.FN++
			s.Misses = append(s.Misses, text)
		default:
			s.TN++
		}
	}
	for _, e := range ex {
		if e.Split != "heldout" {
			continue
		}
		r.HeldOut++
		if e.Misinfo {
			r.HeldOutPositive++
		}
		count(&r.Classifier, m.prob(e.Text) >= cfg.Threshold, e.Misinfo, e.Text)
		count(&r.Filter, len(f.CheckText(e.Text)) > 0, e.Misinfo, e.Text)
	}
	return r
}

// MisinfoHeldOut measures the embedded classifier's sentences: trained on
// their train split, scored on the held-out split.
func MisinfoHeldOut() (MisinfoReport, error) {
	ex, err := readMisinfoExamples()
	if err != nil {
		return MisinfoReport{}, err
	}
	return MeasureMisinfoClassifier(ex), nil
}
