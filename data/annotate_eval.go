// Measuring the annotator: per-label precision, recall and F1 for each
// head (concerns, severity, emotions, strategies), macro-F1 over the
// labels that occur in the gold set, and expected calibration error of
// the calibrated confidences. `tend data annotate --eval` and
// TestAnnotateEval print the same report for the seed corpus's test part
// and for the hand-written conversations.
package data

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"text/tabwriter"

	"github.com/tend-project/tend/conv"
)

// LabelScore counts one label's decisions.
type LabelScore struct {
	Label      string
	TP, FP, FN int
}

// Precision is TP/(TP+FP).
func (s LabelScore) Precision() float64 { return ratio(s.TP, s.TP+s.FP) }

// Recall is TP/(TP+FN).
func (s LabelScore) Recall() float64 { return ratio(s.TP, s.TP+s.FN) }

// F1 is the harmonic mean of precision and recall (0 when both are 0).
func (s LabelScore) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// HeadReport is one head's scores.
type HeadReport struct {
	Head   string
	Labels []LabelScore
	// Items is the number of decisions scored: conversations, or turns
	// for strategies.
	Items int
	// ECE is the expected calibration error of the calibrated
	// confidences (top class for softmax heads, every label's yes/no for
	// multi-label heads).
	ECE float64
}

// MacroF1 averages F1 over labels that occur in the gold set.
func (h HeadReport) MacroF1() float64 {
	sum, n := 0.0, 0
	for _, s := range h.Labels {
		if s.TP+s.FN > 0 {
			sum += s.F1()
			n++
		}
	}
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}

// AnnotReport is the annotator's score on one labelled set.
type AnnotReport struct {
	Set           string
	Conversations int
	Heads         []HeadReport // concerns, severity, emotions, strategy
	// Review routing at confidence 0.5, with the gold labels removed:
	// records sent to review, how many of those had a wrong severity or
	// first concern, and how many wrong ones passed without review.
	ToReview, ToReviewWrong, PassedWrong int
}

// scorer accumulates label decisions for one head.
type scorer struct {
	idx   map[string]int
	s     []LabelScore
	items int
	cal   calibration
}

func newScorer(labels []string) *scorer {
	sc := &scorer{idx: map[string]int{}}
	for i, l := range labels {
		sc.idx[l] = i
		sc.s = append(sc.s, LabelScore{Label: l})
	}
	return sc
}

// set scores one multi-label decision.
func (sc *scorer) set(gold, pred []string) {
	sc.items++
	for _, g := range gold {
		if i, ok := sc.idx[g]; ok {
			if slices.Contains(pred, g) {
				sc.s[i].TP++
			} else {
				sc.s[i].FN++
			}
		}
	}
	for _, p := range pred {
		if i, ok := sc.idx[p]; ok && !slices.Contains(gold, p) {
			sc.s[i].FP++
		}
	}
}

// one scores a single-label decision.
func (sc *scorer) one(gold, pred string, conf float64) {
	sc.items++
	sc.cal.add(conf, gold == pred)
	if gold == pred {
		sc.s[sc.idx[gold]].TP++
		return
	}
	if i, ok := sc.idx[gold]; ok {
		sc.s[i].FN++
	}
	if i, ok := sc.idx[pred]; ok {
		sc.s[i].FP++
	}
}

func (sc *scorer) report(head string) HeadReport {
	return HeadReport{Head: head, Labels: sc.s, Items: sc.items, ECE: sc.cal.ECE()}
}

func strs[T ~string](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}

// EvaluateAnnotator scores m on labelled conversations. A head is scored
// only on conversations that carry its gold label.
func EvaluateAnnotator(m *AnnotModel, set string, cs []*conv.Conversation) AnnotReport {
	con := newScorer(strs(concernOrder))
	sev := newScorer([]string{"0", "1", "2", "3", "4"})
	emo := newScorer(m.Emotions)
	str := newScorer(strs(conv.Strategies))
	a := &ModelAnnotator{model: m}
	var rep AnnotReport
	for _, c := range cs {
		p := m.Predict(c)
		if len(c.Labels.Concerns) > 0 && c.Labels.Severity != nil {
			bare := *c
			bare.Labels = conv.Labels{}
			l, conf := a.Annotate(&bare)
			wrong := *l.Severity != *c.Labels.Severity || l.Concerns[0] != c.Labels.Concerns[0]
			switch {
			case conf < 0.5:
				rep.ToReview++
				if wrong {
					rep.ToReviewWrong++
				}
			case wrong:
				rep.PassedWrong++
			}
		}
		if len(c.Labels.Concerns) > 0 {
			con.set(strs(c.Labels.Concerns), strs(p.Concerns))
			for i, k := range concernOrder {
				q := p.ConcernProb[i]
				yes := slices.Contains(c.Labels.Concerns, k)
				con.cal.add(max(q, 1-q), yes == (q >= 0.5))
			}
		}
		if c.Labels.Severity != nil {
			sev.one(fmt.Sprint(int(*c.Labels.Severity)), fmt.Sprint(int(p.Severity)), p.SeverityP[p.Severity])
		}
		if len(c.Labels.Emotions) > 0 {
			emo.set(c.Labels.Emotions, p.Emotions)
			for i, e := range m.Emotions {
				q := p.EmotionProb[i]
				emo.cal.add(max(q, 1-q), slices.Contains(c.Labels.Emotions, e) == (q >= 0.5))
			}
		}
		for _, t := range c.Labels.Turns {
			if t.Strategy == "" || t.Turn >= len(c.Messages) {
				continue
			}
			s, conf := m.ClassifyStrategy(c.Messages[t.Turn].Content)
			str.one(string(t.Strategy), string(s), conf)
		}
	}
	rep.Set, rep.Conversations = set, len(cs)
	rep.Heads = []HeadReport{con.report("concerns"), sev.report("severity"), emo.report("emotions"), str.report("strategy")}
	return rep
}

// Write prints the summary and per-label tables.
func (r AnnotReport) Write(w io.Writer, perLabel bool) error {
	fmt.Fprintf(w, "%s: %d conversations\n", r.Set, r.Conversations)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "head\titems\tmacro-F1\tECE")
	for _, h := range r.Heads {
		fmt.Fprintf(tw, "%s\t%d\t%.3f\t%.3f\n", h.Head, h.Items, h.MacroF1(), h.ECE)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "review at confidence < 0.5: %d records (%d with a wrong severity or first concern); %d wrong ones passed\n",
		r.ToReview, r.ToReviewWrong, r.PassedWrong)
	if !perLabel {
		return nil
	}
	for _, h := range r.Heads {
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintf(tw, "\n%s\tsupport\tP\tR\tF1\n", h.Head)
		for _, s := range h.Labels {
			if s.TP+s.FN+s.FP == 0 {
				continue
			}
			fmt.Fprintf(tw, "  %s\t%d\t%.3f\t%.3f\t%.3f\n", s.Label, s.TP+s.FN, s.Precision(), s.Recall(), s.F1())
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	return nil
}

// ReadLabelled reads tend conversations (strictly, with file:line errors)
// for evaluation.
func ReadLabelled(r io.Reader, name string) ([]*conv.Conversation, error) {
	cr := conv.NewReader[conv.Conversation](r, name)
	var out []*conv.Conversation
	for {
		c, err := cr.Next()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		out = append(out, &c)
	}
}

// SeedTestConversations returns the seed corpus's test part.
func SeedTestConversations() ([]*conv.Conversation, error) {
	d, err := loadSeed()
	if err != nil {
		return nil, err
	}
	return d.test, nil
}

// EvaluateSeedTest scores m on the seed corpus's test part (the part the
// model never trains on).
func EvaluateSeedTest(m *AnnotModel) (AnnotReport, error) {
	d, err := loadSeed()
	if err != nil {
		return AnnotReport{}, err
	}
	return EvaluateAnnotator(m, "seed test split", d.test), nil
}

// EvaluateDetectConcerns scores DetectConcerns and LexiconConcerns on the
// user turns of labelled conversations.
func EvaluateDetectConcerns(cs []*conv.Conversation) (detect, lexicon HeadReport) {
	sd, sl := newScorer(strs(concernOrder)), newScorer(strs(concernOrder))
	for _, c := range cs {
		if len(c.Labels.Concerns) > 0 {
			u := userText(c)
			sd.set(strs(c.Labels.Concerns), strs(DetectConcerns(u)))
			sl.set(strs(c.Labels.Concerns), strs(LexiconConcerns(u)))
		}
	}
	return sd.report("DetectConcerns"), sl.report("LexiconConcerns")
}
