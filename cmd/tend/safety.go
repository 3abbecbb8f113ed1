// tend safety: crisis risk assessment, the output guard, evaluation against
// labelled suites, and the crisis resource directory, all over JSONL on
// stdin/stdout so they compose with the rest of the pipeline.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/safety"
)

func newSafetyCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "safety",
		Short: "Assess crisis risk, guard model replies, evaluate against labelled suites",
		Long: `Crisis risk assessment and the output guard. Neither depends on a language
model: when someone writes that they want to die, the answer comes at once.

  tend safety check       assess conversations (JSONL on stdin)
  tend safety guard       check assistant replies (JSONL on stdin)
  tend safety eval FILE   precision/recall on a labelled suite
  tend safety resources   show the crisis lines for a locale`,
	}
	cmd.AddCommand(newSafetyCheckCmd(), newSafetyGuardCmd(), newSafetyEvalCmd(), newSafetyResourcesCmd())
	return cmd
}

// safetyInput is one stdin record: a bare message or a conversation. Other
// fields (labels, source, ...) are ignored so dataset records can be piped
// straight in.
type safetyInput struct {
	ID       string         `json:"id,omitempty"`
	Text     string         `json:"text,omitempty"`
	Messages []conv.Message `json:"messages,omitempty"`
	Locale   string         `json:"locale,omitempty"`
}

// readInputs calls fn for each record on r. With plain, each non-empty line
// is one user message.
func readInputs(r io.Reader, name string, plain bool, fn func(line int, in safetyInput) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), conv.MaxLineBytes)
	line := 0
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		var in safetyInput
		if plain {
			in.Text = string(b)
		} else {
			if err := json.Unmarshal(b, &in); err != nil {
				return &conv.LineError{File: name, Line: line, Err: fmt.Errorf("%w: %v (use --text for plain lines)", conv.ErrMalformed, err)}
			}
			if in.Text == "" && len(in.Messages) == 0 {
				return &conv.LineError{File: name, Line: line, Err: fmt.Errorf("%w: want a \"text\" or a \"messages\" field", conv.ErrInvalid)}
			}
			for i, m := range in.Messages {
				if !m.Role.Valid() {
					return &conv.LineError{File: name, Line: line, Err: fmt.Errorf("%w: messages[%d].role: unknown role %q", conv.ErrInvalid, i, m.Role)}
				}
			}
		}
		if err := fn(line, in); err != nil {
			return &conv.LineError{File: name, Line: line, Err: err}
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

func (in safetyInput) conversation() *conv.Conversation {
	c := &conv.Conversation{ID: in.ID, Messages: in.Messages}
	if in.Text != "" {
		c.Messages = append(c.Messages, conv.Message{Role: conv.RoleUser, Content: in.Text})
	}
	return c
}

func loadSafetyPolicy(path, locale string) (safety.Policy, error) {
	p := safety.DefaultPolicy()
	if path != "" {
		var err error
		if p, err = safety.LoadPolicy(path); err != nil {
			return p, err
		}
	}
	if locale != "" {
		p.Locale = locale
		if err := p.Validate(); err != nil {
			return p, fmt.Errorf("--locale: %w", err)
		}
	}
	return p, nil
}

type stats struct {
	n     int
	start time.Time
}

func (s *stats) report(w io.Writer, what string) {
	el := time.Since(s.start)
	rate := 0.0
	if el > 0 {
		rate = float64(s.n) / el.Seconds()
	}
	fmt.Fprintf(w, "%d %s in %s (%.0f/s)\n", s.n, what, el.Round(time.Millisecond), rate)
}

func newSafetyCheckCmd() *cobra.Command {
	var plain, showStats, respond bool
	var locale, policyPath string
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Assess crisis risk for each JSONL record on stdin",
		Long: `Reads JSONL on stdin, one record per line: {"text": "..."} or
{"messages": [{"role": "user", "content": "..."}, ...]}. With --text each line
is a plain user message. Writes one JSON line per input with level,
categories, subject, confidence and evidence. --respond adds the crisis
response serving would send when the level reaches the policy's
crisis_response threshold.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			p, err := loadSafetyPolicy(policyPath, locale)
			if err != nil {
				return err
			}
			a, err := safety.NewAssessor()
			if err != nil {
				return err
			}
			out := bufio.NewWriter(cmd.OutOrStdout())
			defer out.Flush()
			enc := json.NewEncoder(out)
			enc.SetEscapeHTML(false)
			st := stats{start: time.Now()}
			err = readInputs(cmd.InOrStdin(), "stdin", plain, func(line int, in safetyInput) error {
				c := in.conversation()
				res := a.Assess(c)
				rec := struct {
					ID string `json:"id,omitempty"`
					safety.Assessment
					Response string `json:"response,omitempty"`
				}{ID: in.ID, Assessment: res}
				if respond && res.Level >= p.Thresholds.CrisisResponse {
					loc := p.Locale
					if in.Locale != "" {
						loc = in.Locale
					}
					rec.Response = safety.CrisisResponse(res, loc, line)
				}
				st.n++
				return enc.Encode(rec)
			})
			if showStats {
				st.report(cmd.ErrOrStderr(), "messages assessed")
			}
			return err
		},
	}
	cmd.Flags().BoolVar(&plain, "text", false, "treat each input line as a plain user message")
	cmd.Flags().BoolVar(&showStats, "stats", false, "print throughput to stderr")
	cmd.Flags().BoolVar(&respond, "respond", false, "include the crisis response for records at or above the crisis_response threshold")
	cmd.Flags().StringVar(&locale, "locale", "", "locale for resources (US, GB, en-AU, ...); overrides the policy")
	cmd.Flags().StringVar(&policyPath, "policy", "", "safety policy YAML file")
	return cmd
}

func newSafetyGuardCmd() *cobra.Command {
	var showStats bool
	var locale, policyPath, allowFile string
	var allow []string
	cmd := &cobra.Command{
		Use:   "guard",
		Short: "Check assistant replies: each JSONL record's last message is the reply",
		Long: `Reads JSONL on stdin: {"messages": [...]} where the last message is the
assistant reply to check. Writes one JSON line per input with violations
(rule names), details, the action (allow, rewrite, block) and the reply to
show. Links are checked against --allow-link/--allow-links-file, or by
default against the resource directory's URLs.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			p, err := loadSafetyPolicy(policyPath, locale)
			if err != nil {
				return err
			}
			links := append(append([]string{}, p.AllowLinks...), allow...)
			if allowFile != "" {
				b, err := os.ReadFile(allowFile)
				if err != nil {
					return err
				}
				for _, l := range strings.Split(string(b), "\n") {
					if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
						links = append(links, l)
					}
				}
			}
			if len(links) == 0 {
				links = safety.ResourceURLs()
			}
			g, err := safety.NewGuard(p, links)
			if err != nil {
				return err
			}
			out := bufio.NewWriter(cmd.OutOrStdout())
			defer out.Flush()
			enc := json.NewEncoder(out)
			enc.SetEscapeHTML(false)
			st := stats{start: time.Now()}
			err = readInputs(cmd.InOrStdin(), "stdin", false, func(line int, in safetyInput) error {
				n := len(in.Messages)
				if in.Text != "" || n == 0 || in.Messages[n-1].Role != conv.RoleAssistant {
					return errors.New("messages: the last message must be the assistant reply to check")
				}
				c := &conv.Conversation{ID: in.ID, Messages: in.Messages[:n-1]}
				v := g.Check(c, in.Messages[n-1].Content)
				st.n++
				return enc.Encode(struct {
					ID         string             `json:"id,omitempty"`
					Violations []string           `json:"violations"`
					Details    []safety.Violation `json:"details"`
					Action     safety.Action      `json:"action"`
					Reply      string             `json:"reply"`
					Level      safety.Level       `json:"level"`
				}{in.ID, nonNil(v.Rules()), v.Violations, v.Action, v.Reply, v.Assessment.Level})
			})
			if showStats {
				st.report(cmd.ErrOrStderr(), "replies checked")
			}
			return err
		},
	}
	cmd.Flags().BoolVar(&showStats, "stats", false, "print throughput to stderr")
	cmd.Flags().StringVar(&locale, "locale", "", "locale for referrals and crisis responses; overrides the policy")
	cmd.Flags().StringVar(&policyPath, "policy", "", "safety policy YAML file")
	cmd.Flags().StringArrayVar(&allow, "allow-link", nil, "URL, URL prefix or host a reply may link to (repeatable)")
	cmd.Flags().StringVar(&allowFile, "allow-links-file", "", "file with one allowed URL per line")
	return cmd
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func newSafetyEvalCmd() *cobra.Command {
	var policyPath string
	var misses bool
	cmd := &cobra.Command{
		Use:   "eval FILE",
		Short: "Print precision/recall for a labelled assessment or guard suite",
		Long: `Evaluates an assessment suite ({"id","text" or "messages","level",
"categories","subject"}) or a guard suite ({"id","messages","violations"}),
detected from the file, and prints per-category or per-rule precision and
recall, high+imminent recall and the false-positive rate on none cases.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			w := cmd.OutOrStdout()
			cases, err := safety.ReadCasesFile(args[0])
			if err == nil {
				a, err := safety.NewAssessor()
				if err != nil {
					return err
				}
				r := safety.Evaluate(a, cases)
				if err := r.WriteTable(w); err != nil {
					return err
				}
				if misses {
					for _, m := range r.Misses {
						fmt.Fprintf(w, "miss %s: want %s got %s: %q\n", m.ID, m.Want, m.Got, m.Text)
					}
				}
				return nil
			}
			gcases, gerr := safety.ReadGuardCasesFile(args[0])
			if gerr != nil {
				return fmt.Errorf("%s is neither an assessment suite (%v) nor a guard suite (%v)", args[0], err, gerr)
			}
			p, err := loadSafetyPolicy(policyPath, "")
			if err != nil {
				return err
			}
			g, err := safety.NewGuard(p, append(p.AllowLinks, safety.ResourceURLs()...))
			if err != nil {
				return err
			}
			r := safety.EvaluateGuard(g, gcases)
			if err := r.WriteTable(w); err != nil {
				return err
			}
			if misses {
				for _, m := range r.Misses {
					fmt.Fprintf(w, "miss %s: want %s got %s: %q\n", m.ID, m.Want, m.Got, m.Text)
				}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&policyPath, "policy", "", "safety policy YAML file (guard suites)")
	cmd.Flags().BoolVar(&misses, "misses", false, "list the cases that disagree with their labels")
	return cmd
}

func newSafetyResourcesCmd() *cobra.Command {
	var locale string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "resources",
		Short: "Show crisis lines and emergency numbers for a locale",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			d := safety.Resources(locale)
			w := cmd.OutOrStdout()
			if asJSON {
				enc := json.NewEncoder(w)
				enc.SetIndent("", "  ")
				return enc.Encode(d)
			}
			fmt.Fprintf(w, "%s (%s)\n", d.Country, d.Locale)
			for _, r := range append([]safety.Resource{d.Emergency}, d.Lines...) {
				status := "verified " + r.LastVerified + " on the service's own page"
				switch r.SourceKind {
				case safety.SourceGovernment:
					status = "verified " + r.LastVerified + " on a government page"
				case safety.SourceOther:
					status = "verified " + r.LastVerified + " on a secondary page; re-check on the service's own site"
				}
				if !r.Verified {
					status = "NOT verified: " + r.Note
				}
				fmt.Fprintf(w, "  %s: %s\n    source %s (%s)\n", r.Name, r.How, r.Source, status)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&locale, "locale", "", "locale (US, GB, en-IE, ...); unknown locales show the international entry")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}
