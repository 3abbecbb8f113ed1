// Measuring the scrubber: a labelled file holds texts with their gold PII
// spans ({"text", "spans": [{"type", "text"}]}, each span's text found in
// order of occurrence), and EvalScrub reports precision, recall and F1 per
// placeholder type. A predicted span counts as correct when it overlaps a
// gold span of the same type; "redaction recall" counts a gold span as
// covered when any prediction overlaps it, whatever its type, which is
// what matters for privacy.
package data

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// ScrubCase is one labelled text.
type ScrubCase struct {
	Text  string     `json:"text"`
	Spans []GoldSpan `json:"spans"`
	Note  string     `json:"note,omitempty"`
	gold  []goldAt
	line  int
}

// GoldSpan is one labelled piece of personal data.
type GoldSpan struct {
	Type PIIType `json:"type"`
	Text string  `json:"text"`
}

type goldAt struct {
	start, end int
	typ        PIIType
}

// ReadScrubLabelled reads a labelled file; errors name the file and line.
func ReadScrubLabelled(r io.Reader, name string) ([]ScrubCase, error) {
	return readJSONL(r, name, func(c *ScrubCase, line int) error {
		from := map[string]int{}
		for i, s := range c.Spans {
			if !validPIIType(s.Type) {
				return fmt.Errorf("spans[%d].type: unknown type %q", i, s.Type)
			}
			k := strings.Index(c.Text[from[s.Text]:], s.Text)
			if s.Text == "" || k < 0 {
				return fmt.Errorf("spans[%d].text: %q not found in text", i, s.Text)
			}
			st := from[s.Text] + k
			from[s.Text] = st + len(s.Text)
			c.gold = append(c.gold, goldAt{st, st + len(s.Text), s.Type})
		}
		c.line = line
		return nil
	})
}

// PRF holds counts for precision and recall.
type PRF struct{ TP, FP, FN int }

// Precision is TP/(TP+FP), 1 when nothing was predicted.
func (p PRF) Precision() float64 {
	if p.TP+p.FP == 0 {
		return 1
	}
	return float64(p.TP) / float64(p.TP+p.FP)
}

// Recall is TP/(TP+FN), 1 when there was nothing to find.
func (p PRF) Recall() float64 {
	if p.TP+p.FN == 0 {
		return 1
	}
	return float64(p.TP) / float64(p.TP+p.FN)
}

// F1 is the harmonic mean of precision and recall.
func (p PRF) F1() float64 {
	pr, rc := p.Precision(), p.Recall()
	if pr+rc == 0 {
		return 0
	}
	return 2 * pr * rc / (pr + rc)
}

// ScrubMiss is one error, for inspection.
type ScrubMiss struct {
	Line int
	Kind string // "missed" or "spurious"
	Type PIIType
	Text string
}

// ScrubReport is the result of EvalScrub.
type ScrubReport struct {
	Cases, GoldSpans int
	ByType           map[PIIType]*PRF
	Overall          PRF
	// Redacted counts gold spans overlapped by any prediction.
	Redacted int
	Misses   []ScrubMiss
}

// RedactionRecall is the share of gold spans hidden by some placeholder.
func (r *ScrubReport) RedactionRecall() float64 {
	if r.GoldSpans == 0 {
		return 1
	}
	return float64(r.Redacted) / float64(r.GoldSpans)
}

// EvalScrub runs the scrubber over the labelled cases.
func EvalScrub(s *Scrubber, cases []ScrubCase) *ScrubReport {
	rep := &ScrubReport{Cases: len(cases), ByType: map[PIIType]*PRF{}}
	for _, t := range PIITypes {
		rep.ByType[t] = &PRF{}
	}
	for _, c := range cases {
		pred := s.Find(c.Text)
		usedGold := make([]bool, len(c.gold))
		rep.GoldSpans += len(c.gold)
		for _, g := range c.gold {
			for _, p := range pred {
				if p.Start < g.end && g.start < p.End {
					rep.Redacted++
					break
				}
			}
		}
		for _, p := range pred {
			t := p.Kind.Type()
			hit := false
			for gi, g := range c.gold {
				if !usedGold[gi] && g.typ == t && p.Start < g.end && g.start < p.End {
					usedGold[gi], hit = true, true
					break
				}
			}
			if hit {
				rep.ByType[t].TP++
			} else {
				rep.ByType[t].FP++
				rep.Misses = append(rep.Misses, ScrubMiss{c.line, "spurious", t, c.Text[p.Start:p.End]})
			}
		}
		for gi, g := range c.gold {
			if !usedGold[gi] {
				rep.ByType[g.typ].FN++
				rep.Misses = append(rep.Misses, ScrubMiss{c.line, "missed", g.typ, c.Text[g.start:g.end]})
			}
		}
	}
	for _, t := range PIITypes {
		p := rep.ByType[t]
		rep.Overall.TP += p.TP
		rep.Overall.FP += p.FP
		rep.Overall.FN += p.FN
	}
	return rep
}

// WriteTable prints the report.
func (r *ScrubReport) WriteTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "type\tgold\tpredicted\tprecision\trecall\tF1\t\n")
	row := func(name string, p PRF) {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.3f\t%.3f\t%.3f\t\n", name, p.TP+p.FN, p.TP+p.FP, p.Precision(), p.Recall(), p.F1())
	}
	for _, t := range PIITypes {
		row(string(t), *r.ByType[t])
	}
	row("all", r.Overall)
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "%d texts, %d gold spans; redaction recall (any placeholder) %.3f\n", r.Cases, r.GoldSpans, r.RedactionRecall())
	for _, m := range r.Misses {
		fmt.Fprintf(w, "  line %d: %s %s %q\n", m.Line, m.Kind, m.Type, m.Text)
	}
	return err
}
