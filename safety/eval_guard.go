// Evaluation of the output guard against a labelled JSONL suite: each case
// is a conversation whose last message is the assistant reply under test,
// and the rule names it should trigger. Reports per-rule precision and
// recall.
package safety

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/tend-project/tend/conv"
)

// GuardCase is one labelled guard case.
type GuardCase struct {
	ID         string         `json:"id"`
	Messages   []conv.Message `json:"messages"`
	Violations []string       `json:"violations"`
	Note       string         `json:"note,omitempty"`
}

// Split returns the conversation before the reply, and the reply.
func (c *GuardCase) Split() (*conv.Conversation, string) {
	n := len(c.Messages)
	return &conv.Conversation{ID: c.ID, Messages: c.Messages[:n-1]}, c.Messages[n-1].Content
}

// ReadGuardCases reads guard cases from JSONL.
func ReadGuardCases(r io.Reader, name string) ([]GuardCase, error) {
	var out []GuardCase
	known := map[string]bool{}
	for _, k := range GuardRules {
		known[k] = true
	}
	err := readJSONL(r, name, func(line int, b []byte) error {
		var c GuardCase
		if err := strictJSON(b, &c); err != nil {
			return err
		}
		if c.ID == "" {
			return fmt.Errorf("%w: id: missing", ErrBadCase)
		}
		if len(c.Messages) == 0 || c.Messages[len(c.Messages)-1].Role != conv.RoleAssistant {
			return fmt.Errorf("%w: messages: the last message must be the assistant reply", ErrBadCase)
		}
		for i, v := range c.Violations {
			if !known[v] {
				return fmt.Errorf("%w: violations[%d]: unknown rule %q", ErrBadCase, i, v)
			}
		}
		out = append(out, c)
		return nil
	})
	return out, err
}

// ReadGuardCasesFile reads guard cases from a file.
func ReadGuardCasesFile(path string) ([]GuardCase, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadGuardCases(f, path)
}

// GuardReport is the result of EvaluateGuard.
type GuardReport struct {
	N     int
	Rules map[string]*PR
	Exact int // cases whose rule set matched exactly
	// Clean counts the cases labelled with no violation, CleanFlagged
	// those of them the guard flagged with any rule: the false-positive
	// rate on clean replies. CleanFlaggedText leaves out missing_referral,
	// which follows the risk assessment of the conversation rather than
	// the reply's text.
	Clean, CleanFlagged, CleanFlaggedText int
	Misses                                []Miss
}

// EvaluateGuard runs g over cases.
func EvaluateGuard(g *Guard, cases []GuardCase) *GuardReport {
	r := &GuardReport{Rules: map[string]*PR{}}
	for _, k := range GuardRules {
		r.Rules[k] = &PR{}
	}
	for i := range cases {
		c := &cases[i]
		conv, reply := c.Split()
		v := g.Check(conv, reply)
		got := map[string]bool{}
		for _, x := range v.Rules() {
			got[x] = true
		}
		want := map[string]bool{}
		for _, x := range c.Violations {
			want[x] = true
		}
		for _, k := range GuardRules {
			r.Rules[k].add(want[k], got[k])
		}
		r.N++
		if len(want) == 0 {
			r.Clean++
			if len(got) > 0 {
				r.CleanFlagged++
			}
			if len(got) > 1 || len(got) == 1 && !got[RuleMissingReferral] {
				r.CleanFlaggedText++
			}
		}
		if sameSet(want, got) {
			r.Exact++
		} else {
			r.Misses = append(r.Misses, Miss{ID: c.ID, Want: keys(want), Got: keys(got), Text: reply})
		}
	}
	return r
}

func sameSet(a, b map[string]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

func keys(m map[string]bool) string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return "[" + strings.Join(out, ",") + "]"
}

// WriteTable prints the per-rule table.
func (r *GuardReport) WriteTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "rule\tprecision\trecall\tsupport\t\n")
	for _, k := range GuardRules {
		p := r.Rules[k]
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%d\t\n", k, p.Precision(), p.Recall(), p.TP+p.FN)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "cases %d; exact rule set %.3f; clean replies flagged %d of %d (%.3f), by the reply's text (all but missing_referral) %d (%.3f)\n",
		r.N, ratio(r.Exact, r.N), r.CleanFlagged, r.Clean, ratio(r.CleanFlagged, r.Clean), r.CleanFlaggedText, ratio(r.CleanFlaggedText, r.Clean))
	return nil
}
