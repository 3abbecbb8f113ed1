// Measuring the content filters: a labelled set of texts (JSONL, one
// {"filter", "text", "flag"} per line) is run through each filter's
// CheckText, and precision and recall are counted per filter. `tend data
// filter --eval FILE` and TestFilterEval print the same table.
package data

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"text/tabwriter"

	"github.com/tend-project/tend/safety"
)

// FilterCase is one labelled text for a content filter.
type FilterCase struct {
	// Filter is "misinformation", "harmful_advice" or "stigma".
	Filter string `json:"filter"`
	Text   string `json:"text"`
	// Flag says whether the filter should drop the text.
	Flag bool `json:"flag"`
	// Note says what the case tests (a hard negative, a paraphrase...).
	Note string `json:"note,omitempty"`
}

// ReadFilterCases reads a labelled filter set and checks each case.
func ReadFilterCases(path string) ([]FilterCase, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readJSONL(f, path, func(c *FilterCase, _ int) error {
		if !slices.Contains(ContentFilterNames, c.Filter) {
			return fmt.Errorf("filter: unknown filter %q (want one of %v)", c.Filter, ContentFilterNames)
		}
		if c.Text == "" {
			return errors.New("text: empty")
		}
		return nil
	})
}

// ContentFilterNames are the filters a FilterCase can name.
var ContentFilterNames = []string{"misinformation", "harmful_advice", "stigma"}

// FilterScore is precision and recall for one filter.
type FilterScore struct {
	Filter         string
	Cases          int
	TP, FP, FN, TN int
	// Misses and FalseAlarms list the texts got wrong, for review.
	Misses, FalseAlarms []string
}

// Precision is TP/(TP+FP), 1 when nothing was flagged.
func (s FilterScore) Precision() float64 { return ratio(s.TP, s.TP+s.FP) }

// Recall is TP/(TP+FN), 1 when nothing should have been flagged.
func (s FilterScore) Recall() float64 { return ratio(s.TP, s.TP+s.FN) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// ContentFilters builds the three content filters with default settings,
// keyed by name.
func ContentFilters() (map[string]textChecker, error) {
	m, err := NewMisinfoFilter(DefaultMisinfoConfig())
	if err != nil {
		return nil, err
	}
	h, err := NewHarmFilter(DefaultHarmConfig())
	if err != nil {
		return nil, err
	}
	s, err := NewStigmaFilter(DefaultStigmaConfig())
	if err != nil {
		return nil, err
	}
	return map[string]textChecker{"misinformation": m, "harmful_advice": h, "stigma": s}, nil
}

// ContentFiltersFor returns the three content filters for a curation run.
// Where the guard filter (configured by guard) already applies a safety
// rule to the same turns (misinformation, stigma), the content filter
// leaves that rule to it, so a record is not rejected twice for one span.
func ContentFiltersFor(guard GuardConfig) ([]Filter, error) {
	on := func(rule string) bool { return guard.Enabled && slices.Contains(guard.Rules, rule) }
	mc := DefaultMisinfoConfig()
	mc.Shared = !on(safety.RuleMisinformation)
	m, err := NewMisinfoFilter(mc)
	if err != nil {
		return nil, err
	}
	h, err := NewHarmFilter(DefaultHarmConfig())
	if err != nil {
		return nil, err
	}
	sc := DefaultStigmaConfig()
	sc.Guard = !on(safety.RuleStigma)
	s, err := NewStigmaFilter(sc)
	if err != nil {
		return nil, err
	}
	return []Filter{m, h, s}, nil
}

// EvaluateFilters scores each filter on its cases, in ContentFilterNames
// order.
func EvaluateFilters(cases []FilterCase) ([]FilterScore, error) {
	fs, err := ContentFilters()
	if err != nil {
		return nil, err
	}
	var out []FilterScore
	for _, name := range ContentFilterNames {
		s := FilterScore{Filter: name}
		for _, c := range cases {
			if c.Filter != name {
				continue
			}
			s.Cases++
			got := len(fs[name].CheckText(c.Text)) > 0
			switch {
			case got && c.Flag:
				s.TP++
			case got:
				s.FP++
				s.FalseAlarms = append(s.FalseAlarms, c.Text)
			case c.Flag:
				s.FN++
				s.Misses = append(s.Misses, c.Text)
			default:
				s.TN++
			}
		}
		if s.Cases > 0 {
			out = append(out, s)
		}
	}
	return out, nil
}

// WriteFilterScores prints a table of scores, then the errors.
func WriteFilterScores(w io.Writer, scores []FilterScore, errors bool) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "filter\tcases\tTP\tFP\tFN\tTN\tprecision\trecall")
	for _, s := range scores {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%.3f\t%.3f\n", s.Filter, s.Cases, s.TP, s.FP, s.FN, s.TN, s.Precision(), s.Recall())
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if errors {
		for _, s := range scores {
			for _, t := range s.Misses {
				fmt.Fprintf(w, "missed      %-15s %s\n", s.Filter, t)
			}
			for _, t := range s.FalseAlarms {
				fmt.Fprintf(w, "false alarm %-15s %s\n", s.Filter, t)
			}
		}
	}
	return nil
}
