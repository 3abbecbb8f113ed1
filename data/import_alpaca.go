// Importer for Alpaca instruction data: {"instruction", "input", "output"},
// as a JSON array (alpaca_data.json) or JSONL. The user turn is the
// instruction followed by the input after a blank line; the output is the
// assistant turn. LLaMA-Factory's optional "system" string and "history"
// list of [user, assistant] pairs become earlier turns.
package data

import (
	"bufio"
	"encoding/json"

	"github.com/tend-project/tend/conv"
)

type alpacaRecord struct {
	ID          json.RawMessage `json:"id"`
	Instruction *string         `json:"instruction"`
	Input       string          `json:"input"`
	Output      *string         `json:"output"`
	System      string          `json:"system"`
	History     [][]string      `json:"history"`
}

func newAlpacaReader(br *bufio.Reader, file string, opt Options) Reader[conv.Conversation] {
	lic := opt.license()
	return newJSONReader(br, file, func(rec *alpacaRecord) (conv.Conversation, error) {
		if rec.Instruction == nil {
			return conv.Conversation{}, invalidf("instruction: missing")
		}
		if rec.Output == nil {
			return conv.Conversation{}, invalidf("output: missing")
		}
		var msgs []conv.Message
		if rec.System != "" {
			msgs = append(msgs, conv.Message{Role: conv.RoleSystem, Content: rec.System})
		}
		for i, h := range rec.History {
			if len(h) != 2 {
				return conv.Conversation{}, invalidf("history[%d]: has %d items, want [user, assistant]", i, len(h))
			}
			msgs = append(msgs, conv.Message{Role: conv.RoleUser, Content: h[0]}, conv.Message{Role: conv.RoleAssistant, Content: h[1]})
		}
		user := *rec.Instruction
		if rec.Input != "" {
			if user != "" {
				user += "\n\n"
			}
			user += rec.Input
		}
		msgs = append(msgs, conv.Message{Role: conv.RoleUser, Content: user}, conv.Message{Role: conv.RoleAssistant, Content: *rec.Output})
		id, err := flexibleID(rec.ID)
		if err != nil {
			return conv.Conversation{}, invalidf("id: %v", err)
		}
		c := conv.Conversation{Messages: msgs, Source: FormatAlpaca.Source(), License: lic}
		c.ID = recordID(FormatAlpaca, id, msgs)
		return c, c.Validate()
	})
}
