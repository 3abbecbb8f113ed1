// Evaluation of Assess against a labelled JSONL suite: per-category
// precision and recall, recall of high-and-imminent risk, the false-positive
// rate on cases labelled none, and level accuracy. Tests, `tend safety eval`
// and the data pipeline all call the same code, so a figure in a report is
// always the figure the test asserted.
package safety

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/tend-project/tend/conv"
)

// Case is one labelled assessment case. Exactly one of Text and Messages is
// set; Text is shorthand for a single user message.
type Case struct {
	ID         string         `json:"id"`
	Text       string         `json:"text,omitempty"`
	Messages   []conv.Message `json:"messages,omitempty"`
	Level      Level          `json:"level"`
	Categories []Category     `json:"categories"`
	Subject    Subject        `json:"subject"`
	Note       string         `json:"note,omitempty"`
}

// Conversation returns the case as a conversation.
func (c *Case) Conversation() *conv.Conversation {
	if len(c.Messages) > 0 {
		return &conv.Conversation{ID: c.ID, Messages: c.Messages}
	}
	return &conv.Conversation{ID: c.ID, Messages: []conv.Message{{Role: conv.RoleUser, Content: c.Text}}}
}

// ErrBadCase marks an invalid suite record. Check with errors.Is.
var ErrBadCase = errors.New("invalid case")

// ReadCases reads assessment cases from JSONL; name is used in errors.
func ReadCases(r io.Reader, name string) ([]Case, error) {
	var out []Case
	err := readJSONL(r, name, func(line int, b []byte) error {
		var c Case
		if err := strictJSON(b, &c); err != nil {
			return err
		}
		switch {
		case c.ID == "":
			return fmt.Errorf("%w: id: missing", ErrBadCase)
		case (c.Text == "") == (len(c.Messages) == 0):
			return fmt.Errorf("%w: want exactly one of text and messages", ErrBadCase)
		case !c.Subject.Valid():
			return fmt.Errorf("%w: subject: unknown %q", ErrBadCase, c.Subject)
		}
		for i, m := range c.Messages {
			if !m.Role.Valid() {
				return fmt.Errorf("%w: messages[%d].role: unknown %q", ErrBadCase, i, m.Role)
			}
		}
		for i, k := range c.Categories {
			if !k.Valid() {
				return fmt.Errorf("%w: categories[%d]: unknown %q", ErrBadCase, i, k)
			}
		}
		out = append(out, c)
		return nil
	})
	return out, err
}

// ReadCasesFile reads cases from a file.
func ReadCasesFile(path string) ([]Case, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadCases(f, path)
}

func readJSONL(r io.Reader, name string, fn func(line int, b []byte) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), conv.MaxLineBytes)
	line := 0
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		if err := fn(line, b); err != nil {
			return &conv.LineError{File: name, Line: line, Err: err}
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

func strictJSON(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("%w: %v", conv.ErrMalformed, err)
	}
	if dec.More() {
		return fmt.Errorf("%w: more than one JSON value on the line", conv.ErrMalformed)
	}
	return nil
}

// SplitOf assigns a case id to "train" (60%), "dev" (20%) or "test" (20%)
// by hash, so the classifier never trains on the cases its figures are
// reported on.
func SplitOf(id string) string {
	h := fnv.New32a()
	h.Write([]byte(id))
	switch v := h.Sum32() % 10; {
	case v < 6:
		return "train"
	case v < 8:
		return "dev"
	}
	return "test"
}

// PR holds counts for one binary decision.
type PR struct{ TP, FP, FN, TN int }

// Precision returns TP/(TP+FP), or 1 when nothing was predicted.
func (p PR) Precision() float64 {
	if p.TP+p.FP == 0 {
		return 1
	}
	return float64(p.TP) / float64(p.TP+p.FP)
}

// Recall returns TP/(TP+FN), or 1 when there were no positives.
func (p PR) Recall() float64 {
	if p.TP+p.FN == 0 {
		return 1
	}
	return float64(p.TP) / float64(p.TP+p.FN)
}

func (p *PR) add(gold, pred bool) {
	switch {
	case gold && pred:
		p.TP++
	case gold:
		p.FN++
	case pred:
		p.FP++
	default:
		p.TN++
	}
}

// Miss records one disagreement for inspection.
type Miss struct {
	ID   string
	Want string
	Got  string
	Text string
}

// Report is the result of Evaluate.
type Report struct {
	N           int
	Categories  map[Category]*PR
	HighPlus    PR // gold ≥ high vs predicted ≥ high
	AnyRisk     PR // gold ≥ moderate vs predicted ≥ moderate
	Negatives   int
	FPLow       int // gold none, predicted ≥ low
	FPModerate  int // gold none, predicted ≥ moderate
	LevelExact  int
	LevelWithin int // within one level
	SubjectOK   int
	SubjectN    int // cases with gold level ≥ low
	Confusion   [5][5]int
	Misses      []Miss
}

// FPR returns the false-positive rate on cases labelled none: the share
// predicted at low or above.
func (r *Report) FPR() float64 {
	if r.Negatives == 0 {
		return 0
	}
	return float64(r.FPLow) / float64(r.Negatives)
}

// FPRModerate is the share of none cases predicted at moderate or above.
func (r *Report) FPRModerate() float64 {
	if r.Negatives == 0 {
		return 0
	}
	return float64(r.FPModerate) / float64(r.Negatives)
}

// Evaluate runs a over cases.
func Evaluate(a *Assessor, cases []Case) *Report {
	r := &Report{Categories: map[Category]*PR{}}
	for _, k := range Categories {
		r.Categories[k] = &PR{}
	}
	for i := range cases {
		c := &cases[i]
		got := a.Assess(c.Conversation())
		r.N++
		gl, pl := clampLevel(c.Level), clampLevel(got.Level)
		r.Confusion[gl][pl]++
		if gl == pl {
			r.LevelExact++
		}
		if d := int(gl) - int(pl); d >= -1 && d <= 1 {
			r.LevelWithin++
		}
		r.HighPlus.add(gl >= LevelHigh, pl >= LevelHigh)
		r.AnyRisk.add(gl >= LevelModerate, pl >= LevelModerate)
		if gl == LevelNone {
			r.Negatives++
			if pl >= LevelLow {
				r.FPLow++
			}
			if pl >= LevelModerate {
				r.FPModerate++
			}
		} else {
			r.SubjectN++
			if c.Subject == "" || c.Subject == got.Subject {
				r.SubjectOK++
			}
		}
		gc := map[Category]bool{}
		for _, k := range c.Categories {
			gc[k] = true
		}
		for _, k := range Categories {
			r.Categories[k].add(gc[k], got.Has(k))
		}
		catsOK := len(c.Categories) == len(got.Categories)
		for _, k := range got.Categories {
			catsOK = catsOK && gc[k]
		}
		if gl != pl || !catsOK || (gl != LevelNone && c.Subject != "" && c.Subject != got.Subject) {
			r.Misses = append(r.Misses, Miss{ID: c.ID, Want: describe(c.Level, c.Categories, c.Subject), Got: describe(got.Level, got.Categories, got.Subject), Text: caseText(c)})
		}
	}
	return r
}

func clampLevel(l Level) Level {
	if l < LevelNone {
		return LevelNone
	}
	if l > LevelImminent {
		return LevelImminent
	}
	return l
}

func describe(l Level, cs []Category, s Subject) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = string(c)
	}
	return fmt.Sprintf("%s/%s/[%s]", l, s, strings.Join(parts, ","))
}

func caseText(c *Case) string {
	if c.Text != "" {
		return c.Text
	}
	var b []string
	for _, m := range c.Messages {
		b = append(b, string(m.Role)+": "+m.Content)
	}
	return strings.Join(b, " | ")
}

// WriteTable prints the report as aligned text.
func (r *Report) WriteTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "category\tprecision\trecall\tsupport\t\n")
	for _, k := range Categories {
		p := r.Categories[k]
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%d\t\n", k, p.Precision(), p.Recall(), p.TP+p.FN)
	}
	fmt.Fprintf(tw, "high+imminent\t%.3f\t%.3f\t%d\t\n", r.HighPlus.Precision(), r.HighPlus.Recall(), r.HighPlus.TP+r.HighPlus.FN)
	fmt.Fprintf(tw, "moderate+\t%.3f\t%.3f\t%d\t\n", r.AnyRisk.Precision(), r.AnyRisk.Recall(), r.AnyRisk.TP+r.AnyRisk.FN)
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "cases %d; level exact %.3f, within one %.3f; subject %.3f (%d)\n", r.N,
		ratio(r.LevelExact, r.N), ratio(r.LevelWithin, r.N), ratio(r.SubjectOK, r.SubjectN), r.SubjectN)
	fmt.Fprintf(w, "false positives on %d none cases: %.3f at >= low, %.3f at >= moderate\n", r.Negatives, r.FPR(), r.FPRModerate())
	fmt.Fprintf(w, "confusion (rows gold, columns predicted: none low moderate high imminent)\n")
	for g := range 5 {
		fmt.Fprintf(w, "  %-9s %v\n", Level(g), r.Confusion[g])
	}
	return nil
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
