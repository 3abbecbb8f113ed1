// Importer for ShareGPT: {"id", "conversations": [{"from", "value"}]}, as a
// JSON array file or JSONL. Speakers human/user become user, gpt/chatgpt/
// assistant/model/bard/bing become assistant, system stays system. An
// optional top-level "system" string (LLaMA-Factory's variant) becomes a
// leading system message.
package data

import (
	"bufio"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/tend-project/tend/conv"
)

type sharegptRecord struct {
	ID            json.RawMessage `json:"id"`
	System        string          `json:"system"`
	Conversations []struct {
		From  string  `json:"from"`
		Value *string `json:"value"`
	} `json:"conversations"`
}

func newShareGPTReader(br *bufio.Reader, file string, opt Options) Reader[conv.Conversation] {
	lic := opt.license()
	return newJSONReader(br, file, func(rec *sharegptRecord) (conv.Conversation, error) {
		if rec.Conversations == nil {
			return conv.Conversation{}, invalidf(`conversations: missing (a ShareGPT record is {"conversations": [{"from", "value"}]})`)
		}
		msgs := make([]conv.Message, 0, len(rec.Conversations)+1)
		if rec.System != "" {
			msgs = append(msgs, conv.Message{Role: conv.RoleSystem, Content: rec.System})
		}
		for i, t := range rec.Conversations {
			role, err := sharegptRole(t.From)
			if err != nil {
				return conv.Conversation{}, invalidf("conversations[%d].from: %v", i, err)
			}
			if t.Value == nil {
				return conv.Conversation{}, invalidf("conversations[%d].value: missing", i)
			}
			msgs = append(msgs, conv.Message{Role: role, Content: *t.Value})
		}
		id, err := flexibleID(rec.ID)
		if err != nil {
			return conv.Conversation{}, invalidf("id: %v", err)
		}
		c := conv.Conversation{Messages: msgs, Source: FormatShareGPT.Source(), License: lic}
		c.ID = recordID(FormatShareGPT, id, msgs)
		return c, c.Validate()
	})
}

func sharegptRole(from string) (conv.Role, error) {
	switch strings.ToLower(from) {
	case "system":
		return conv.RoleSystem, nil
	case "human", "user":
		return conv.RoleUser, nil
	case "gpt", "chatgpt", "assistant", "model", "bard", "bing":
		return conv.RoleAssistant, nil
	}
	return "", fmt.Errorf("unsupported speaker %q (want human, gpt or system)", from)
}

// flexibleID accepts a string or a number, since ShareGPT dumps use both.
func flexibleID(raw json.RawMessage) (*string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	if raw[0] == '"' {
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return nil, err
		}
		return &s, nil
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err != nil {
		return nil, fmt.Errorf("want a string or a number, got %s", truncateRaw(raw))
	}
	s := n.String()
	return &s, nil
}

func truncateRaw(b []byte) string {
	if len(b) > 40 {
		return string(b[:40]) + "..."
	}
	return string(b)
}
