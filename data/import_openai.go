// Importer for OpenAI chat fine-tuning JSONL: one {"messages": [...]} object
// per line (a JSON array of such objects is accepted too). Content may be a
// string or a list of {"type": "text", "text": ...} parts. The "developer"
// role, OpenAI's newer name for system, becomes system; tool and function
// turns have no place in a supportive conversation and are rejected.
package data

import (
	"bufio"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/tend-project/tend/conv"
)

type openaiRecord struct {
	ID       *string         `json:"id"`
	Messages []openaiMessage `json:"messages"`
}

type openaiMessage struct {
	Role    string          `json:"role"`
	Content json.RawMessage `json:"content"`
}

func newOpenAIReader(br *bufio.Reader, file string, opt Options) Reader[conv.Conversation] {
	lic := opt.license()
	return &jsonReader[conv.Conversation]{file: file, src: newJSONSource(br, file), convert: func(raw []byte) (conv.Conversation, error) {
		var rec openaiRecord
		if err := decodeJSON(raw, &rec); err != nil {
			return conv.Conversation{}, err
		}
		if rec.Messages == nil {
			return conv.Conversation{}, invalidf(`messages: missing (an OpenAI chat record is {"messages": [...]})`)
		}
		msgs := make([]conv.Message, 0, len(rec.Messages))
		for i, m := range rec.Messages {
			role, err := openaiRole(m.Role)
			if err != nil {
				return conv.Conversation{}, invalidf("messages[%d].role: %v", i, err)
			}
			text, err := contentText(m.Content)
			if err != nil {
				return conv.Conversation{}, invalidf("messages[%d].content: %v", i, err)
			}
			msgs = append(msgs, conv.Message{Role: role, Content: text})
		}
		c := conv.Conversation{Messages: msgs, Source: FormatOpenAI.Source(), License: lic}
		c.ID = recordID(FormatOpenAI, rec.ID, msgs)
		return c, c.Validate()
	}}
}

// recordID uses the source's id when it has a non-empty one.
func recordID(f Format, id *string, msgs []conv.Message) string {
	if id != nil && strings.TrimSpace(*id) != "" {
		return sourceID(f, strings.TrimSpace(*id))
	}
	return deriveID(f, msgs)
}

func openaiRole(r string) (conv.Role, error) {
	switch r {
	case "system", "developer":
		return conv.RoleSystem, nil
	case "user":
		return conv.RoleUser, nil
	case "assistant":
		return conv.RoleAssistant, nil
	}
	return "", fmt.Errorf("unsupported role %q (want system, developer, user or assistant)", r)
}

// contentText accepts a string or a list of text parts, joined with blank
// lines. Image and audio parts are refused rather than silently dropped.
func contentText(raw json.RawMessage) (string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return "", fmt.Errorf("missing")
	}
	if raw[0] == '"' {
		var s string
		err := json.Unmarshal(raw, &s)
		return s, err
	}
	var parts []struct {
		Type string  `json:"type"`
		Text *string `json:"text"`
	}
	if err := json.Unmarshal(raw, &parts); err != nil {
		return "", fmt.Errorf("want a string or a list of text parts: %v", err)
	}
	var texts []string
	for i, p := range parts {
		if p.Type != "text" || p.Text == nil {
			return "", fmt.Errorf("part %d has type %q; only text parts are supported", i, p.Type)
		}
		texts = append(texts, *p.Text)
	}
	return strings.Join(texts, "\n\n"), nil
}
