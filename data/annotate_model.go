// The annotation model: four logistic-regression heads over hashed word
// n-grams plus lexicon hits. Concerns and emotions are multi-label (one
// sigmoid per label), severity (0–4) and the ESConv strategy of an
// assistant turn are softmax heads. The model is trained deterministically
// from the bundled seed corpus (seed.Generate with the default config:
// 5,000 labelled conversations). Each conversation goes to train, val or
// test by a hash of its id and the split seed; training never sees test,
// and val is used only to fit each head's temperature.
package data

import (
	"context"
	"fmt"
	"hash/fnv"
	"slices"
	"sync"

	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/data/seed"
)

// annotBits sizes each head's hashed feature table (2^16 buckets).
const annotBits = 16

// seedSplitSeed keys the train/val/test assignment of seed conversations.
const seedSplitSeed = 20261126

// seedPart returns "train", "val" or "test" for a seed conversation id:
// 80/10/10 by FNV-1a of the id and the split seed.
func seedPart(id string) string {
	h := fnv.New32a()
	fmt.Fprintf(h, "%d:%s", seedSplitSeed, id)
	switch h.Sum32() % 10 {
	case 0:
		return "test"
	case 1:
		return "val"
	}
	return "train"
}

// AnnotModel holds the four trained heads.
type AnnotModel struct {
	concerns *linear // multi-label over concernOrder
	severity *linear // softmax over 0..4
	emotions *linear // multi-label over Emotions
	strategy *linear // softmax over conv.Strategies
	// Emotions is the emotion vocabulary, in head order (the seed
	// corpus's emotion labels, sorted).
	Emotions []string
	emoPhr   *phraseSet
	// Temperatures fitted on the validation part, per head.
	Temps map[string]float64
	// Rules adds the rule layer (lexicon_rules.go) to the classifier:
	// strategy cue phrases take precedence, emotions the user names are
	// added, and the safety assessment sets a severity floor. On by
	// default; off measures the classifier alone.
	Rules bool
}

// convFeatures are the conversation-level features: n-grams of user
// turns and of assistant turns in separate namespaces, and the concern
// and emotion lexicon hits of the user turns.
func (m *AnnotModel) convFeatures(c *conv.Conversation) []uint32 {
	var user, asst []string
	for _, msg := range c.Messages {
		switch msg.Role {
		case conv.RoleUser:
			user = textWords(msg.Content, append(user, "<turn>"))
		case conv.RoleAssistant:
			asst = textWords(msg.Content, append(asst, "<turn>"))
		}
	}
	x := ngrams('u', user, false, nil)
	x = ngrams('a', asst, false, x)
	counts := make([]int, len(concernOrder))
	concernPhrase.match(user, counts)
	for i, n := range counts {
		for k := 0; k < min(n, 3); k++ {
			x = append(x, fnv32('L', string(concernOrder[i]), string(rune('0'+k)), ""))
		}
	}
	ec := make([]int, len(m.Emotions))
	m.emoPhr.match(user, ec)
	for i, n := range ec {
		if n > 0 {
			x = append(x, fnv32('E', m.Emotions[i], "", ""))
		}
	}
	return x
}

// strategyFeatures are the features of one assistant reply: its n-grams
// up to trigrams, its first three words, whether it asks a question, and
// its length band.
func strategyFeatures(reply string) []uint32 {
	w := textWords(reply, nil)
	x := ngrams('s', w, true, nil)
	for i := 0; i < min(3, len(w)); i++ {
		x = append(x, fnv32('f', w[i], string(rune('0'+i)), ""))
	}
	q := "noq"
	for i := len(reply) - 1; i >= 0; i-- {
		if reply[i] == '?' {
			q = "q"
			if i >= len(reply)-3 {
				q = "endq"
			}
			break
		}
	}
	x = append(x, fnv32('q', q, "", ""))
	band := "short"
	switch {
	case len(w) > 60:
		band = "long"
	case len(w) > 25:
		band = "mid"
	}
	return append(x, fnv32('n', band, "", ""))
}

// seedData is the annotator's training material: the seed corpus split
// into its three parts, with the hand-written conversations (see
// annotate_written.go) added to train and val. test is seed-only.
type seedData struct {
	train, val, test []*conv.Conversation
}

func loadSeed() (*seedData, error) {
	d := &seedData{}
	cfg := seed.DefaultConfig()
	cfg.Pairs = 0
	_, err := seed.GenerateContext(context.Background(), cfg, func(c *conv.Conversation) error {
		switch seedPart(c.ID) {
		case "train":
			d.train = append(d.train, c)
		case "val":
			d.val = append(d.val, c)
		default:
			d.test = append(d.test, c)
		}
		return nil
	}, func(*conv.PreferencePair) error { return nil })
	if err != nil {
		return nil, err
	}
	train, val, err := loadWritten()
	if err != nil {
		return nil, err
	}
	for range writtenWeight {
		d.train = append(d.train, train...)
	}
	d.val = append(d.val, val...)
	return d, nil
}

// labelIndex returns the index of v in list, or -1.
func labelIndex[T comparable](list []T, v T) int { return slices.Index(list, v) }

// rows builds the training rows of each head from labelled conversations.
func (m *AnnotModel) rows(cs []*conv.Conversation) (con, sev, emo, str []example) {
	for _, c := range cs {
		x := m.convFeatures(c)
		set := make([]bool, len(concernOrder))
		for _, k := range c.Labels.Concerns {
			if i := labelIndex(concernOrder, k); i >= 0 {
				set[i] = true
			}
		}
		con = append(con, example{x: x, set: set})
		if c.Labels.Severity != nil {
			sev = append(sev, example{x: x, class: int(*c.Labels.Severity)})
		}
		es := make([]bool, len(m.Emotions))
		for _, e := range c.Labels.Emotions {
			if i := labelIndex(m.Emotions, e); i >= 0 {
				es[i] = true
			}
		}
		emo = append(emo, example{x: x, set: es})
		for _, t := range c.Labels.Turns {
			if i := labelIndex(conv.Strategies, t.Strategy); i >= 0 && t.Turn < len(c.Messages) {
				str = append(str, example{x: strategyFeatures(c.Messages[t.Turn].Content), class: i})
			}
		}
	}
	return
}

// TrainAnnotModel trains the four heads on d.train and fits their
// temperatures on d.val.
func trainAnnotModel(d *seedData) *AnnotModel {
	var emos []string
	for _, c := range d.train {
		for _, e := range c.Labels.Emotions {
			if !slices.Contains(emos, e) {
				emos = append(emos, e)
			}
		}
	}
	slices.Sort(emos)
	m := &AnnotModel{Emotions: emos, Temps: map[string]float64{}, Rules: true}
	lists := make([]string, len(emos))
	for i, e := range emos {
		lists[i] = emotionLexicon[e]
	}
	m.emoPhr = compilePhrases(lists)
	con, sev, emo, str := m.rows(d.train)
	vcon, vsev, vemo, vstr := m.rows(d.val)
	m.concerns = newLinear(len(concernOrder), annotBits, true)
	m.severity = newLinear(5, annotBits, false)
	m.emotions = newLinear(len(emos), annotBits, true)
	m.strategy = newLinear(len(conv.Strategies), annotBits, false)
	var wg sync.WaitGroup
	for _, h := range []struct {
		lin *linear
		ex  []example
		o   trainOpts
	}{
		{m.concerns, con, trainOpts{epochs: 8, lr: 0.5, l2: 1e-5, seed: 11, posWeight: 3}},
		{m.severity, sev, trainOpts{epochs: 10, lr: 0.5, l2: 1e-5, seed: 12}},
		{m.emotions, emo, trainOpts{epochs: 15, lr: 1, seed: 13, posWeight: 4}},
		{m.strategy, str, trainOpts{epochs: 8, lr: 0.5, l2: 1e-5, seed: 14}},
	} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			h.lin.train(h.ex, h.o)
		}()
	}
	wg.Wait()
	m.Temps["concerns"] = m.concerns.fitTemperature(vcon)
	m.Temps["severity"] = m.severity.fitTemperature(vsev)
	m.Temps["emotions"] = m.emotions.fitTemperature(vemo)
	m.Temps["strategy"] = m.strategy.fitTemperature(vstr)
	return m
}

// defaultAnnot trains once per process, on first use (see
// BenchmarkTrainAnnotModel for the cost).
var defaultAnnot = sync.OnceValues(func() (*AnnotModel, error) {
	d, err := loadSeed()
	if err != nil {
		return nil, err
	}
	return trainAnnotModel(d), nil
})

// DefaultAnnotModel returns the model trained on the seed corpus's train
// part; the first call trains it.
func DefaultAnnotModel() (*AnnotModel, error) { return defaultAnnot() }

// Prediction is everything the model says about one conversation, with
// calibrated probabilities.
type Prediction struct {
	Concerns    []conv.Concern
	ConcernProb []float64 // per concernOrder entry
	Severity    conv.Severity
	SeverityP   []float64 // per level 0..4
	Emotions    []string
	EmotionProb []float64 // per Emotions entry of the model
	Turns       []conv.TurnLabel
	TurnConf    []float64 // per entry of Turns
}

// Predict labels a conversation. Concerns with probability ≥ 0.5 are
// kept (the most likely one when none reaches it); emotions ≥ 0.4, at
// most four (the threshold and training settings were chosen on the
// validation part); severity and strategies take the most likely class.
func (m *AnnotModel) Predict(c *conv.Conversation) Prediction {
	p := m.predictConv(c)
	p.Turns, p.TurnConf = m.predictTurns(c, nil)
	return p
}

// predictConv fills the conversation-level fields of a Prediction.
func (m *AnnotModel) predictConv(c *conv.Conversation) Prediction {
	x := m.convFeatures(c)
	p := Prediction{ConcernProb: make([]float64, len(concernOrder)), SeverityP: make([]float64, 5)}
	m.concerns.probs(x, p.ConcernProb)
	best := 0
	for i, q := range p.ConcernProb {
		if q >= 0.5 {
			p.Concerns = append(p.Concerns, concernOrder[i])
		}
		if q > p.ConcernProb[best] {
			best = i
		}
	}
	if len(p.Concerns) == 0 {
		p.Concerns = []conv.Concern{concernOrder[best]}
	}
	m.severity.probs(x, p.SeverityP)
	p.Severity = conv.Severity(argmax(p.SeverityP))
	if m.Rules {
		if f := severityFloor(c); f > p.Severity {
			p.Severity = f
		}
	}
	ep := make([]float64, len(m.Emotions))
	m.emotions.probs(x, ep)
	p.EmotionProb = ep
	order := make([]int, len(ep))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		switch {
		case ep[a] > ep[b]:
			return -1
		case ep[a] < ep[b]:
			return 1
		}
		return 0
	})
	for _, i := range order {
		if len(p.Emotions) >= 4 || ep[i] < 0.4 {
			break
		}
		if !slices.Contains(p.Emotions, m.Emotions[i]) {
			p.Emotions = append(p.Emotions, m.Emotions[i])
		}
	}
	if m.Rules && len(p.Emotions) == 0 {
		p.Emotions = m.emotionWords(textWords(userText(c), nil))
		p.Emotions = p.Emotions[:min(4, len(p.Emotions))]
	}
	return p
}

// predictTurns labels the strategy of each assistant turn for which skip
// (if not nil) returns false.
func (m *AnnotModel) predictTurns(c *conv.Conversation, skip func(turn int) bool) (ts []conv.TurnLabel, conf []float64) {
	for i, msg := range c.Messages {
		if msg.Role != conv.RoleAssistant || skip != nil && skip(i) {
			continue
		}
		s, q := m.ClassifyStrategy(msg.Content)
		ts = append(ts, conv.TurnLabel{Turn: i, Strategy: s})
		conf = append(conf, q)
	}
	return ts, conf
}

// ruleBelow is the classifier confidence under which a strategy cue
// phrase, when one matches, overrides the classifier.
const ruleBelow = 0.6

// ClassifyStrategy returns the ESConv strategy of one reply and its
// confidence: the classifier's most likely strategy and its calibrated
// probability, unless Rules is on, that probability is below ruleBelow
// and a cue phrase matches, in which case the cue decides.
func (m *AnnotModel) ClassifyStrategy(reply string) (conv.Strategy, float64) {
	z := make([]float64, len(conv.Strategies))
	m.strategy.probs(strategyFeatures(reply), z)
	i := argmax(z)
	if m.Rules && z[i] < ruleBelow {
		if s, ok := ruleStrategy(reply); ok {
			return s, max(z[labelIndex(conv.Strategies, s)], z[i])
		}
	}
	return conv.Strategies[i], z[i]
}

func argmax(z []float64) int {
	best := 0
	for i, v := range z {
		if v > z[best] {
			best = i
		}
	}
	return best
}
