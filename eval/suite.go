// Package eval measures tend models: coherence (perplexity, distinct-n,
// repetition, length, relevance), empathy (an EPITOME-style scorer),
// ethical alignment (guard violations, referrals, disclosure), crisis
// handling, over-refusal, bias across demographic counterfactuals, an
// optional reward-model score and an optional LLM judge. Every metric gets
// a bootstrap confidence interval, models are compared pairwise, and the
// results go to one self-contained HTML report plus JSON.
//
// This file defines suites: what a prompt to evaluate looks like and how
// the three suite formats (prompt cases, held-out conversations, bias
// templates) are read from JSONL. docs/eval.md documents the formats.
package eval

import (
	"bufio"
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/tend-project/tend/conv"
)

// ErrSuite marks a malformed suite file. Check with errors.Is.
var ErrSuite = errors.New("invalid suite")

//go:embed testdata/suites/*.jsonl
var bundled embed.FS

// Categories used by the bundled suites. Metrics key off a few of them:
// CatCrisis and CatSelfHarm prompts feed crisis handling, CatBenign feeds
// over-refusal, CatHeldOut carries references for perplexity.
const (
	CatCrisis        = "crisis"
	CatThirdParty    = "third_party"
	CatSelfHarm      = "self_harm"
	CatEating        = "eating_disorder"
	CatMedication    = "medication_request"
	CatDiagnosis     = "diagnosis_request"
	CatMisinfo       = "misinformation_bait"
	CatPretend       = "pretend_therapist"
	CatJailbreak     = "jailbreak"
	CatBenign        = "benign"
	CatSmallWorry    = "small_worry"
	CatHeldOut       = "held_out"
	CatBias          = "bias"
	mustNotRefer     = "refer"  // must_not entry: no crisis-line referral
	mustNotRefuse    = "refuse" // must_not entry: no refusal
	mustNotEscalate  = "escalate"
	defaultCaseLocal = "INTL"
)

// Expect is what a reply to a case must and must not do.
type Expect struct {
	// MustRefer: the reply points to professional or crisis help.
	MustRefer bool `json:"must_refer,omitempty"`
	// MustGiveResources: the reply names a crisis line of the case's locale.
	MustGiveResources bool `json:"must_give_resources,omitempty"`
	// MustNot lists guard rule names (diagnosis, medication, claims_human,
	// method_detail, misinformation, ...) and the behaviours "refer",
	// "refuse" and "escalate" that the reply must not show.
	MustNot []string `json:"must_not,omitempty"`
}

// Case is one prompt to evaluate.
type Case struct {
	ID       string `json:"id"`
	Suite    string `json:"suite"`
	Category string `json:"category"`
	// Messages is the context, ending with the user turn to answer.
	Messages []conv.Message `json:"messages"`
	// Reference is a reference reply (held-out conversations), if any.
	Reference string       `json:"reference,omitempty"`
	Concern   conv.Concern `json:"concern,omitempty"`
	Locale    string       `json:"locale,omitempty"`
	Expect    Expect       `json:"expect"`
	// Bias counterfactuals: the template, attribute and group they fill.
	Template  string `json:"template,omitempty"`
	Attribute string `json:"attribute,omitempty"`
	Group     string `json:"group,omitempty"`
}

// Prompt returns the last user message.
func (c *Case) Prompt() string {
	for i := len(c.Messages) - 1; i >= 0; i-- {
		if c.Messages[i].Role == conv.RoleUser {
			return c.Messages[i].Content
		}
	}
	return ""
}

// record is the union of every suite line shape; which fields are set
// decides the kind.
type record struct {
	ID        string         `json:"id"`
	Category  string         `json:"category"`
	Prompt    string         `json:"prompt"`
	Messages  []conv.Message `json:"messages"`
	Reference string         `json:"reference"`
	Concern   conv.Concern   `json:"concern"`
	Locale    string         `json:"locale"`
	Expect    *Expect        `json:"expect"`
	// conv.Conversation fields, so a held-out split reads unchanged.
	Labels  *conv.Labels `json:"labels"`
	Source  string       `json:"source"`
	License string       `json:"license"`
	Split   conv.Split   `json:"split"`
	// Bias templates.
	Template  string   `json:"template"`
	Attribute string   `json:"attribute"`
	Values    []string `json:"values"`
}

// BundledSuites lists the suite names shipped with tend.
func BundledSuites() []string {
	ents, _ := bundled.ReadDir("testdata/suites")
	var out []string
	for _, e := range ents {
		out = append(out, strings.TrimSuffix(e.Name(), ".jsonl"))
	}
	return out
}

// LoadSuite reads a bundled suite by name ("safety", "overrefusal",
// "bias") or a JSONL file by path.
func LoadSuite(nameOrPath string) ([]Case, error) {
	if !strings.ContainsAny(nameOrPath, `/\.`) {
		data, err := bundled.ReadFile("testdata/suites/" + nameOrPath + ".jsonl")
		if err != nil {
			return nil, fmt.Errorf("%w: no bundled suite %q (bundled: %s); give a path to a .jsonl file", ErrSuite, nameOrPath, strings.Join(BundledSuites(), ", "))
		}
		return ParseSuite(bytes.NewReader(data), nameOrPath, nameOrPath)
	}
	f, err := os.Open(nameOrPath)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	name := strings.TrimSuffix(filepath.Base(nameOrPath), filepath.Ext(nameOrPath))
	return ParseSuite(f, nameOrPath, name)
}

// ParseSuite reads JSONL suite records from r. file names the source in
// errors; suite is stored in every case. Lines may be prompt cases,
// conversations (held-out split: the last user turn is the prompt, the
// assistant reply after it the reference), bias attribute lists or bias
// templates; see docs/eval.md.
func ParseSuite(r io.Reader, file, suite string) ([]Case, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), conv.MaxLineBytes)
	var cases []Case
	attrs := map[string][]string{}
	var attrOrder []string
	type tmpl struct {
		rec  record
		line int
	}
	var templates []tmpl
	seen := map[string]int{}
	line := 0
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 || b[0] == '#' {
			continue
		}
		bad := func(format string, a ...any) error {
			return &conv.LineError{File: file, Line: line, Err: fmt.Errorf("%w: "+format, append([]any{ErrSuite}, a...)...)}
		}
		var rec record
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&rec); err != nil {
			return nil, bad("%v", err)
		}
		switch {
		case rec.Attribute != "" && len(rec.Values) > 0 && rec.Template == "":
			if len(rec.Values) < 2 {
				return nil, bad("values: attribute %q needs at least two groups", rec.Attribute)
			}
			if _, dup := attrs[rec.Attribute]; dup {
				return nil, bad("attribute: %q listed twice", rec.Attribute)
			}
			attrs[rec.Attribute] = rec.Values
			attrOrder = append(attrOrder, rec.Attribute)
			continue
		case rec.Template != "":
			if !strings.Contains(rec.Template, "{who}") {
				return nil, bad("template: no {who} slot")
			}
			if rec.ID == "" {
				return nil, bad("id: missing")
			}
			templates = append(templates, tmpl{rec, line})
			continue
		}
		c, err := caseOf(rec, suite)
		if err != nil {
			return nil, bad("%v", err)
		}
		if prev, dup := seen[c.ID]; dup {
			return nil, bad("id: %q already used on line %d", c.ID, prev)
		}
		seen[c.ID] = line
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if len(templates) > 0 && len(attrs) == 0 {
		return nil, &conv.LineError{File: file, Line: templates[0].line, Err: fmt.Errorf("%w: bias templates but no attribute lines", ErrSuite)}
	}
	for _, t := range templates {
		for _, a := range attrOrder {
			for _, v := range attrs[a] {
				c := Case{
					ID: t.rec.ID + "/" + a + "/" + slug(v), Suite: suite, Category: CatBias,
					Messages: []conv.Message{{Role: conv.RoleUser, Content: strings.ReplaceAll(t.rec.Template, "{who}", v)}},
					Concern:  t.rec.Concern, Locale: orDefault(t.rec.Locale, defaultCaseLocal),
					Template: t.rec.ID, Attribute: a, Group: v,
				}
				if t.rec.Expect != nil {
					c.Expect = *t.rec.Expect
				}
				cases = append(cases, c)
			}
		}
	}
	if len(cases) == 0 {
		return nil, fmt.Errorf("%s: %w: no cases", file, ErrSuite)
	}
	return cases, nil
}

func caseOf(rec record, suite string) (Case, error) {
	c := Case{ID: rec.ID, Suite: suite, Category: rec.Category, Reference: rec.Reference,
		Concern: rec.Concern, Locale: orDefault(rec.Locale, defaultCaseLocal)}
	if c.ID == "" {
		return c, errors.New("id: missing")
	}
	if rec.Expect != nil {
		c.Expect = *rec.Expect
	}
	if c.Concern != "" && !c.Concern.Valid() {
		return c, fmt.Errorf("concern: unknown %q", c.Concern)
	}
	switch {
	case rec.Prompt != "" && len(rec.Messages) > 0:
		return c, errors.New("prompt: give prompt or messages, not both")
	case rec.Prompt != "":
		c.Messages = []conv.Message{{Role: conv.RoleUser, Content: rec.Prompt}}
	case len(rec.Messages) > 0:
		for i, m := range rec.Messages {
			if !m.Role.Valid() {
				return c, fmt.Errorf("messages[%d].role: unknown %q", i, m.Role)
			}
		}
		msgs := rec.Messages
		if last := msgs[len(msgs)-1]; last.Role == conv.RoleAssistant {
			// A conversation: answer its last user turn, keep the
			// assistant reply that followed as the reference.
			u := len(msgs) - 1
			for u >= 0 && msgs[u].Role != conv.RoleUser {
				u--
			}
			if u < 0 {
				return c, errors.New("messages: no user turn before the assistant reply")
			}
			c.Reference = strings.Join(assistantAfter(msgs, u), "\n\n")
			msgs = msgs[:u+1]
			if c.Category == "" {
				c.Category = CatHeldOut
			}
			if c.Concern == "" && rec.Labels != nil && len(rec.Labels.Concerns) > 0 {
				c.Concern = rec.Labels.Concerns[0]
			}
		}
		c.Messages = msgs
	default:
		return c, errors.New("prompt: missing (give prompt, messages or template)")
	}
	if c.Messages[len(c.Messages)-1].Role != conv.RoleUser {
		return c, errors.New("messages: the last message must be the user turn to answer")
	}
	if strings.TrimSpace(c.Prompt()) == "" {
		return c, errors.New("prompt: empty")
	}
	if c.Category == "" {
		return c, errors.New("category: missing")
	}
	for i, r := range c.Expect.MustNot {
		if !knownMustNot(r) {
			return c, fmt.Errorf("expect.must_not[%d]: unknown %q", i, r)
		}
	}
	return c, nil
}

func assistantAfter(msgs []conv.Message, u int) []string {
	var out []string
	for _, m := range msgs[u+1:] {
		if m.Role == conv.RoleAssistant {
			out = append(out, m.Content)
		}
	}
	return out
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	return strings.Trim(b.String(), "-")
}
