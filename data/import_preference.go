// Importer for preference pairs in TRL's shape: {"prompt", "chosen",
// "rejected"}, each a string or a list of {role, content} messages. With no
// prompt (TRL's "implicit prompt" form) the prompt is the longest shared
// leading run of chosen and rejected; Anthropic HH-RLHF transcripts
// ("\n\nHuman: ...\n\nAssistant: ...") are split into messages first. A
// prompt repeated at the start of both replies is removed from them. tend's
// own fields (id, reasons, annotator, concerns, split, license) are kept
// when present.
package data

import (
	"bufio"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/tend-project/tend/conv"
)

type preferenceRecord struct {
	ID        json.RawMessage `json:"id"`
	Prompt    json.RawMessage `json:"prompt"`
	Chosen    json.RawMessage `json:"chosen"`
	Rejected  json.RawMessage `json:"rejected"`
	Reasons   []string        `json:"reasons"`
	Annotator string          `json:"annotator"`
	Concerns  []conv.Concern  `json:"concerns"`
	Split     conv.Split      `json:"split"`
	License   string          `json:"license"`
}

func newPreferenceReader(br *bufio.Reader, file string, opt Options) Reader[conv.PreferencePair] {
	lic := opt.license()
	return newJSONReader(br, file, func(rec *preferenceRecord) (conv.PreferencePair, error) {
		if len(rec.Reasons) == 0 {
			rec.Reasons = nil
		}
		if len(rec.Concerns) == 0 {
			rec.Concerns = nil
		}
		p := conv.PreferencePair{Reasons: rec.Reasons, Annotator: rec.Annotator, Concerns: rec.Concerns,
			Split: rec.Split, Source: FormatPreference.Source(), License: lic}
		if rec.License != "" {
			p.License = rec.License
		}
		var err error
		if p.Chosen, err = prefSide("chosen", rec.Chosen, conv.RoleAssistant); err != nil {
			return p, err
		}
		if p.Rejected, err = prefSide("rejected", rec.Rejected, conv.RoleAssistant); err != nil {
			return p, err
		}
		if len(rec.Prompt) == 0 || string(rec.Prompt) == "null" {
			// Anthropic HH-RLHF style: whole transcripts as strings.
			if c, ok := parseTranscript(p.Chosen); ok && rec.Chosen[0] == '"' && rec.Rejected[0] == '"' {
				if r, ok := parseTranscript(p.Rejected); ok {
					p.Chosen, p.Rejected = c, r
				}
			}
			p.Prompt, p.Chosen, p.Rejected = splitImplicitPrompt(p.Chosen, p.Rejected)
		} else {
			if p.Prompt, err = prefSide("prompt", rec.Prompt, conv.RoleUser); err != nil {
				return p, err
			}
			// Some datasets (UltraFeedback's binarised release among them)
			// repeat the prompt at the start of both replies.
			if hasPrefix(p.Chosen, p.Prompt) && hasPrefix(p.Rejected, p.Prompt) {
				p.Chosen, p.Rejected = p.Chosen[len(p.Prompt):], p.Rejected[len(p.Prompt):]
			}
		}
		id, err := flexibleID(rec.ID)
		if err != nil {
			return p, invalidf("id: %v", err)
		}
		if id != nil && *id != "" {
			p.ID = sourceID(FormatPreference, *id)
		} else {
			all := append(append(append([]conv.Message{}, p.Prompt...), conv.Message{Role: "chosen"}), p.Chosen...)
			all = append(append(all, conv.Message{Role: "rejected"}), p.Rejected...)
			p.ID = deriveID(FormatPreference, all)
		}
		return p, p.Validate()
	})
}

// prefSide decodes one side: a plain string becomes a single message with
// role def; a list is read as OpenAI-style messages.
func prefSide(field string, raw json.RawMessage, def conv.Role) ([]conv.Message, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, invalidf("%s: missing", field)
	}
	if raw[0] == '"' {
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return nil, fmt.Errorf("%w: %s: %v", conv.ErrMalformed, field, err)
		}
		return []conv.Message{{Role: def, Content: s}}, nil
	}
	var msgs []openaiMessage
	if err := json.Unmarshal(raw, &msgs); err != nil {
		return nil, invalidf("%s: want a string or a list of messages: %v", field, err)
	}
	out := make([]conv.Message, 0, len(msgs))
	for i, m := range msgs {
		role, err := openaiRole(m.Role)
		if err != nil {
			return nil, invalidf("%s[%d].role: %v", field, i, err)
		}
		text, err := contentText(m.Content)
		if err != nil {
			return nil, invalidf("%s[%d].content: %v", field, i, err)
		}
		out = append(out, conv.Message{Role: role, Content: text})
	}
	return out, nil
}

// splitImplicitPrompt moves the messages chosen and rejected share at the
// start into the prompt, as TRL's extract_prompt does.
func splitImplicitPrompt(chosen, rejected []conv.Message) (prompt, c, r []conv.Message) {
	n := 0
	for n < len(chosen) && n < len(rejected) && chosen[n] == rejected[n] {
		n++
	}
	// Keep the prompt ending at a user turn, so a shared assistant opening
	// of the replies stays part of both replies.
	for n > 0 && chosen[n-1].Role != conv.RoleUser {
		n--
	}
	return chosen[:n:n], chosen[n:], rejected[n:]
}

func hasPrefix(msgs, prefix []conv.Message) bool {
	if len(msgs) <= len(prefix) {
		return false
	}
	for i := range prefix {
		if msgs[i] != prefix[i] {
			return false
		}
	}
	return true
}

// parseTranscript reads a single-string transcript in Anthropic's HH-RLHF
// shape, "\n\nHuman: ...\n\nAssistant: ...", as messages. It reports false
// unless side is one message that is such a transcript.
func parseTranscript(side []conv.Message) ([]conv.Message, bool) {
	if len(side) != 1 {
		return nil, false
	}
	text := side[0].Content
	const human, assistant = "\n\nHuman:", "\n\nAssistant:"
	var msgs []conv.Message
	for {
		h, a := strings.Index(text, human), strings.Index(text, assistant)
		if h < 0 && a < 0 {
			break
		}
		role, at, skip := conv.RoleUser, h, len(human)
		if h < 0 || (a >= 0 && a < h) {
			role, at, skip = conv.RoleAssistant, a, len(assistant)
		}
		if len(msgs) == 0 {
			if strings.TrimSpace(text[:at]) != "" {
				return nil, false // text before the first speaker
			}
		} else {
			msgs[len(msgs)-1].Content = strings.TrimSpace(text[:at])
		}
		msgs = append(msgs, conv.Message{Role: role})
		text = text[at+skip:]
	}
	if len(msgs) == 0 {
		return nil, false
	}
	msgs[len(msgs)-1].Content = strings.TrimSpace(text)
	return msgs, true
}
