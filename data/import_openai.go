// Importer for OpenAI chat fine-tuning JSONL: one {"messages": [...]} object
// per line (a JSON array of such objects is accepted too). Content may be a
// string or a list of {"type": "text", "text": ...} parts. The "developer"
// role, OpenAI's newer name for system, becomes system; tool and function
// turns have no place in a supportive conversation and are rejected.
package data

import (
	"bufio"
	"fmt"
	"strings"

	"github.com/tend-project/tend/conv"
)

type openaiRecord struct {
	ID       *string         `json:"id"`
	Messages []openaiMessage `json:"messages"`
}

type openaiMessage struct {
	Role    string `json:"role"`
	Content any    `json:"content"`
}

func newOpenAIReader(br *bufio.Reader, file string, opt Options) Reader[conv.Conversation] {
	lic := opt.license()
	return newJSONReader(br, file, func(rec *openaiRecord) (conv.Conversation, error) {
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
	})
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
// Content is decoded as `any` so strings, the common case, are parsed once.
func contentText(v any) (string, error) {
	switch c := v.(type) {
	case string:
		return c, nil
	case nil:
		return "", fmt.Errorf("missing")
	case []any:
		texts := make([]string, 0, len(c))
		for i, p := range c {
			part, _ := p.(map[string]any)
			text, ok := part["text"].(string)
			if typ, _ := part["type"].(string); typ != "text" || !ok {
				return "", fmt.Errorf("part %d has type %q; only text parts are supported", i, part["type"])
			}
			texts = append(texts, text)
		}
		return strings.Join(texts, "\n\n"), nil
	}
	return "", fmt.Errorf("want a string or a list of text parts, got %s", jsonKind(v))
}

// jsonKind names the JSON type of a value decoded into any.
func jsonKind(v any) string {
	switch v.(type) {
	case float64:
		return "a number"
	case bool:
		return "a boolean"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}
