// The safety pipeline, applied to every chat turn:
//
//  1. assess risk on the whole conversation;
//  2. at high or imminent risk, answer at once with the crisis response and
//     local resources, without calling the model, and keep the conversation
//     open;
//  3. otherwise generate with a boundary-setting system prompt;
//  4. pass the output through the guard sentence by sentence while it
//     streams, so a violating sentence is never sent;
//  5. add the AI disclosure on the first turn, a referral when needed, and
//     "Learn more" links from the authoritative library.
package serve

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"strings"
	"time"

	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/llm"
	"github.com/tend-project/tend/safety"
	"github.com/tend-project/tend/sources"
)

// DefaultSystemPrompt sets the model's boundaries.
const DefaultSystemPrompt = `You are tend, an AI that offers supportive, non-judgemental conversation about everyday mental-health concerns. You are not a therapist, doctor or person. Listen, reflect feelings, ask gentle open questions and suggest simple coping ideas. Never diagnose, never recommend, change or dose medication, and never describe ways to harm oneself. Encourage reaching out to trusted people and to professionals when things are hard.`

// Meta is tend's safety metadata for one reply, sent in the tend_safety
// extension field.
type Meta struct {
	RiskLevel      string             `json:"risk_level"`
	Categories     []string           `json:"categories,omitempty"`
	Subject        string             `json:"subject,omitempty"`
	Path           string             `json:"path"` // "crisis" or "model"
	Locale         string             `json:"locale"`
	ResourcesShown []string           `json:"resources_shown,omitempty"`
	GuardAction    string             `json:"guard_action,omitempty"`
	GuardRules     []string           `json:"guard_rules,omitempty"`
	Sources        []sources.Citation `json:"sources,omitempty"`
	Concerns       []conv.Concern     `json:"concerns,omitempty"`
}

type pipeline struct {
	cfg    Config
	gen    llm.Generator
	policy *safety.Policy
	guard  *safety.Guard
	lib    *sources.Library
}

func newPipeline(cfg Config, d Deps) (*pipeline, error) {
	allow := append(safety.ResourceURLs(), d.Policy.AllowLinks...)
	if d.Library != nil {
		allow = append(allow, d.Library.URLs()...)
	}
	guard, err := safety.NewGuard(*d.Policy, allow)
	if err != nil {
		return nil, err
	}
	return &pipeline{cfg: cfg, gen: d.Gen, policy: d.Policy, guard: guard, lib: d.Library}, nil
}

// turnResult is what a finished turn reports to the handler.
type turnResult struct {
	Meta         Meta
	Text         string // the full text sent
	FinishReason string
	Usage        llm.Usage
	GenDuration  time.Duration
}

// emitFunc receives text as it becomes safe to send. last is true for the
// turn's final text, which a stream can then send together with its end.
type emitFunc func(text string, last bool) error

// run performs one turn.
func (p *pipeline) run(ctx context.Context, req *llm.ChatRequest, locale string, emit emitFunc) (turnResult, error) {
	c := &conv.Conversation{ID: "request", Messages: req.Messages}
	// The stream guard assesses the conversation when it starts (with the
	// same default assessor); using its assessment saves a second Assess,
	// a tenth of a busy server's CPU.
	sg := p.guard.NewStream(c)
	a := sg.Assessment()
	res := turnResult{Meta: Meta{
		RiskLevel: a.Level.String(), Subject: string(a.Subject), Locale: locale,
	}}
	for _, cat := range a.Categories {
		res.Meta.Categories = append(res.Meta.Categories, string(cat))
	}
	var sent strings.Builder
	send := func(s string, last bool) error {
		if s == "" {
			return nil
		}
		sent.WriteString(s)
		return emit(s, last)
	}

	if a.Level >= p.crisisLevel() {
		// The crisis path: no model, no waiting.
		res.Meta.Path = "crisis"
		text := safety.CrisisResponse(a, locale, variantOf(c))
		res.Meta.ResourcesShown = p.resourceNames(locale)
		if firstAssistantTurn(c) {
			text += "\n\n" + disclosureLine
		}
		if err := send(text, true); err != nil {
			return res, err
		}
		res.Text, res.FinishReason = sent.String(), "stop"
		return res, nil
	}

	res.Meta.Path = "model"
	gc := p.withSystemPrompt(req.Messages)
	start := time.Now()
	resp, err := p.gen.Generate(ctx, llm.Request{
		Messages: gc, Temperature: req.Temperature, TopP: req.TopP,
		MaxTokens: req.MaxTokens, Stop: req.Stop, Seed: req.Seed, User: req.User,
	}, func(delta string) error {
		safe, _ := sg.Write(delta)
		return send(safe, false)
	})
	res.GenDuration = time.Since(start)
	if err != nil {
		if sent.Len() > 0 || errors.Is(err, context.Canceled) {
			return res, err
		}
		// The backend failed before saying anything: answer with a safe
		// fallback rather than an error, so nobody is left with nothing.
		res.Meta.GuardAction = "backend_unavailable"
		if ferr := send(p.fallbackReply(locale, c), true); ferr != nil {
			return res, ferr
		}
		res.Text, res.FinishReason = sent.String(), "stop"
		return res, nil
	}
	res.Usage, res.FinishReason = resp.Usage, resp.FinishReason
	tail, verdict := sg.Close()
	res.Meta.GuardAction = string(verdict.Action)
	res.Meta.GuardRules = verdict.Rules()
	if verdict.Action != safety.ActionBlock {
		if links := p.citations(c, verdict.Reply, locale); len(links) > 0 {
			res.Meta.Sources = links
			tail += renderCitations(links) // one event, not two
		}
	}
	if err := send(tail, true); err != nil {
		return res, err
	}
	if a.Level >= safety.LevelModerate {
		res.Meta.ResourcesShown = p.resourceNames(locale)
	}
	res.Text = sent.String()
	return res, nil
}

// disclosureLine is appended to a crisis reply on the first turn.
const disclosureLine = "(I'm an AI, not a person or a therapist, but I'm here with you right now.)"

// crisisLevel is the level from which the model is bypassed. A policy can
// lower it but never raise it above high: imminent-only would let high-risk
// messages reach the model.
func (p *pipeline) crisisLevel() safety.Level {
	if l := p.policy.Thresholds.CrisisResponse; l > safety.LevelNone && l < safety.LevelHigh {
		return l
	}
	return safety.LevelHigh
}

func (p *pipeline) withSystemPrompt(msgs []conv.Message) []conv.Message {
	out := make([]conv.Message, 0, len(msgs)+1)
	out = append(out, conv.Message{Role: conv.RoleSystem, Content: p.cfg.SystemPrompt})
	return append(out, msgs...)
}

func (p *pipeline) citations(c *conv.Conversation, reply, locale string) []sources.Citation {
	if p.lib == nil || !p.cfg.Citations.Applies(looksInformational(reply)) {
		return nil
	}
	var concerns []conv.Concern
	if p.cfg.DetectConcerns != nil {
		concerns = p.cfg.DetectConcerns(c.LastUser())
	}
	links := p.lib.CiteLocale(libraryLocale(locale), concerns, c.LastUser()+" "+reply, 2)
	// A model trained on tend's corpus may already name a library page;
	// don't list it twice.
	kept := links[:0]
	for _, l := range links {
		if !strings.Contains(reply, l.URL) {
			kept = append(kept, l)
		}
	}
	return kept
}

// libraryLocale turns a resource country code ("GB") into the library's
// language-region form ("en-GB"); other locales see global pages.
func libraryLocale(country string) string {
	switch country {
	case "US", "GB", "IE", "CA", "AU", "NZ", "IN":
		return "en-" + country
	case "FR":
		return "fr-FR"
	case "DE":
		return "de-DE"
	}
	return "global"
}

// looksInformational is a light stand-in for the strategy classifier: a
// reply that explains rather than only reflects.
func looksInformational(reply string) bool {
	l := strings.ToLower(reply)
	for _, cue := range []string{"can help", "is common", "are common", "it's normal", "research", "often", "many people", "a way to", "technique"} {
		if strings.Contains(l, cue) {
			return true
		}
	}
	return false
}

func renderCitations(links []sources.Citation) string {
	var b strings.Builder
	b.WriteString("\n\nLearn more:")
	for _, l := range links {
		fmt.Fprintf(&b, "\n- %s (%s): %s", l.Title, l.Organisation, l.URL)
	}
	return b.String()
}

func (p *pipeline) fallbackReply(locale string, c *conv.Conversation) string {
	text := "I'm sorry, I can't reply properly right now. If you'd like to talk to someone, a trusted person or a professional can help."
	if names := p.resourceNames(locale); len(names) > 0 {
		text += " If things feel urgent, you can contact " + names[0] + "."
	}
	if firstAssistantTurn(c) {
		text += " " + disclosureLine
	}
	return text
}

func firstAssistantTurn(c *conv.Conversation) bool { return len(c.AssistantTurns()) == 0 }

// variantOf picks a crisis-response variant deterministically per
// conversation, so the same conversation reads the same on a retry.
func variantOf(c *conv.Conversation) int {
	h := fnv.New32a()
	for _, m := range c.Messages {
		h.Write([]byte(m.Content))
	}
	return int(h.Sum32() & 0x7fffffff)
}
