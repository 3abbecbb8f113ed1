// Importer for ESConv (Liu et al., 2021, "Towards Emotional Support Dialog
// Systems"): a JSON array of sessions, each with emotion_type,
// problem_type, situation and a dialog of {speaker, content, annotation}.
// The seeker is the user and the supporter the assistant; each supporter
// turn's annotation.strategy becomes that turn's TurnLabel, problem_type
// becomes concerns and emotion_type an emotion. JSONL is accepted too.
package data

import (
	"bufio"

	"github.com/tend-project/tend/conv"
)

type esconvRecord struct {
	ID          *string `json:"id"`
	EmotionType string  `json:"emotion_type"`
	ProblemType string  `json:"problem_type"`
	Situation   string  `json:"situation"`
	Dialog      []struct {
		Speaker    string `json:"speaker"`
		Content    string `json:"content"`
		Annotation struct {
			Strategy string `json:"strategy"`
		} `json:"annotation"`
	} `json:"dialog"`
}

func newESConvReader(br *bufio.Reader, file string, opt Options) Reader[conv.Conversation] {
	lic := opt.license()
	return newJSONReader(br, file, func(rec *esconvRecord) (conv.Conversation, error) {
		if rec.Dialog == nil {
			return conv.Conversation{}, invalidf("dialog: missing")
		}
		c := conv.Conversation{Source: FormatESConv.Source(), License: lic}
		if opt.Situation && rec.Situation != "" {
			c.Messages = append(c.Messages, conv.Message{Role: conv.RoleSystem, Content: situationPrefix + rec.Situation})
		}
		for i, t := range rec.Dialog {
			var role conv.Role
			switch normaliseName(t.Speaker) {
			case "seeker", "usr", "user":
				role = conv.RoleUser
			case "supporter", "sys", "assistant":
				role = conv.RoleAssistant
			default:
				return conv.Conversation{}, invalidf("dialog[%d].speaker: %q is not seeker or supporter", i, t.Speaker)
			}
			c.Messages = append(c.Messages, conv.Message{Role: role, Content: t.Content})
			if role == conv.RoleAssistant && t.Annotation.Strategy != "" {
				s, err := strategyFor(t.Annotation.Strategy)
				if err != nil {
					return conv.Conversation{}, invalidf("dialog[%d].annotation.strategy: %v", i, err)
				}
				c.Labels.Turns = append(c.Labels.Turns, conv.TurnLabel{Turn: len(c.Messages) - 1, Strategy: s})
			}
		}
		c.Labels.Concerns = concernsFor(rec.ProblemType)
		if e := emotionFor(rec.EmotionType); e != "" {
			c.Labels.Emotions = []string{e}
		}
		c.ID = recordID(FormatESConv, rec.ID, c.Messages)
		return c, c.Validate()
	})
}
