// Exporters write tend records back out in each external format, so data
// can go to other tools (TRL, Axolotl, LLaMA-Factory, OpenAI fine-tuning)
// and every importer can be tested by a round trip. Labels a format cannot
// hold (severity, empathy, confidence, split) are not written; a
// conversation whose shape the format cannot hold at all is refused with
// ErrNotRepresentable.
package data

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/tend-project/tend/conv"
)

// ErrNotRepresentable marks a record the target format cannot hold, such as
// a multi-turn conversation written as question-and-answer CSV. Check with
// errors.Is.
var ErrNotRepresentable = errors.New("cannot be written in this format")

// ExportOptions tune an export.
type ExportOptions struct {
	// Array writes JSON formats as one JSON array instead of JSONL.
	Array bool
	// Columns names the CSV header; zero means DefaultColumns.
	Columns Columns
}

// Exporter writes conversations in one format. Close flushes buffered output
// and ends a JSON array; it does not close the underlying writer.
type Exporter interface {
	Write(c *conv.Conversation) error
	Close() error
}

// NewExporter returns an exporter for a conversation format.
func NewExporter(w io.Writer, f Format, opt ExportOptions) (Exporter, error) {
	switch f {
	case FormatOpenAI:
		return newJSONExporter(w, opt.Array, openaiOut), nil
	case FormatShareGPT:
		return newJSONExporter(w, opt.Array, sharegptOut), nil
	case FormatAlpaca:
		return newJSONExporter(w, opt.Array, alpacaOut), nil
	case FormatESConv:
		return newJSONExporter(w, opt.Array, esconvOut), nil
	case FormatCSV:
		return newCSVExporter(w, opt.Columns.orDefault()), nil
	case FormatEmpathetic:
		return newEDExporter(w), nil
	case FormatPreference:
		return nil, fmt.Errorf("format %s holds preference pairs; use NewPairExporter", f)
	}
	return nil, fmt.Errorf("%w %q", ErrUnknownFormat, f)
}

// PairExporter writes preference pairs as TRL-shaped JSONL (or an array).
type PairExporter struct {
	j *jsonExporter[conv.PreferencePair]
}

// NewPairExporter returns an exporter for preference pairs.
func NewPairExporter(w io.Writer, opt ExportOptions) *PairExporter {
	return &PairExporter{newJSONExporter(w, opt.Array, preferenceOut)}
}

// Write writes one pair.
func (p *PairExporter) Write(pp *conv.PreferencePair) error { return p.j.Write(pp) }

// Close flushes the output.
func (p *PairExporter) Close() error { return p.j.Close() }

// jsonExporter writes one JSON object per record, as JSONL or an array.
type jsonExporter[T any] struct {
	bw      *bufio.Writer
	array   bool
	n       int
	scratch bytes.Buffer
	enc     *json.Encoder
	shape   func(*T) (any, error)
}

func newJSONExporter[T any](w io.Writer, array bool, shape func(*T) (any, error)) *jsonExporter[T] {
	e := &jsonExporter[T]{bw: bufio.NewWriterSize(w, 1<<16), array: array, shape: shape}
	e.enc = json.NewEncoder(&e.scratch)
	e.enc.SetEscapeHTML(false)
	return e
}

func (e *jsonExporter[T]) Write(rec *T) error {
	v, err := e.shape(rec)
	if err != nil {
		return err
	}
	e.scratch.Reset()
	if err := e.enc.Encode(v); err != nil {
		return err
	}
	if e.array {
		sep := ",\n"
		if e.n == 0 {
			sep = "[\n"
		}
		e.bw.WriteString(sep)
		e.bw.Write(bytes.TrimSuffix(e.scratch.Bytes(), []byte("\n")))
	} else {
		e.bw.Write(e.scratch.Bytes())
	}
	e.n++
	return nil
}

func (e *jsonExporter[T]) Close() error {
	if e.array {
		if e.n == 0 {
			e.bw.WriteString("[")
		}
		e.bw.WriteString("\n]\n")
	}
	return e.bw.Flush()
}

func notRepresentable(c *conv.Conversation, f Format, format string, args ...any) error {
	return fmt.Errorf("%s: %w as %s: %s", c.ID, ErrNotRepresentable, f, fmt.Sprintf(format, args...))
}

func openaiOut(c *conv.Conversation) (any, error) {
	return struct {
		ID       string         `json:"id"`
		Messages []conv.Message `json:"messages"`
	}{exportID(FormatOpenAI, c.ID), c.Messages}, nil
}

type sharegptTurn struct {
	From  string `json:"from"`
	Value string `json:"value"`
}

func sharegptOut(c *conv.Conversation) (any, error) {
	turns := make([]sharegptTurn, len(c.Messages))
	for i, m := range c.Messages {
		from := map[conv.Role]string{conv.RoleSystem: "system", conv.RoleUser: "human", conv.RoleAssistant: "gpt"}[m.Role]
		turns[i] = sharegptTurn{from, m.Content}
	}
	return struct {
		ID            string         `json:"id"`
		Conversations []sharegptTurn `json:"conversations"`
	}{exportID(FormatShareGPT, c.ID), turns}, nil
}

// alpacaOut needs an optional system message, then user/assistant pairs;
// all but the last pair go to history.
func alpacaOut(c *conv.Conversation) (any, error) {
	msgs := c.Messages
	var system string
	if len(msgs) > 0 && msgs[0].Role == conv.RoleSystem {
		system, msgs = msgs[0].Content, msgs[1:]
	}
	if len(msgs) == 0 || len(msgs)%2 != 0 {
		return nil, notRepresentable(c, FormatAlpaca, "want user/assistant pairs after an optional system message")
	}
	for i, m := range msgs {
		want := conv.RoleUser
		if i%2 == 1 {
			want = conv.RoleAssistant
		}
		if m.Role != want {
			return nil, notRepresentable(c, FormatAlpaca, "message %d is %s, want %s (turns must alternate)", i, m.Role, want)
		}
	}
	history := make([][]string, 0, len(msgs)/2-1)
	for i := 0; i+2 < len(msgs); i += 2 {
		history = append(history, []string{msgs[i].Content, msgs[i+1].Content})
	}
	last := msgs[len(msgs)-2:]
	return struct {
		ID          string     `json:"id"`
		Instruction string     `json:"instruction"`
		Input       string     `json:"input"`
		Output      string     `json:"output"`
		System      string     `json:"system,omitempty"`
		History     [][]string `json:"history,omitempty"`
	}{exportID(FormatAlpaca, c.ID), last[0].Content, "", last[1].Content, system, history}, nil
}

type esconvTurn struct {
	Speaker    string `json:"speaker"`
	Annotation struct {
		Strategy string `json:"strategy,omitempty"`
	} `json:"annotation"`
	Content string `json:"content"`
}

func esconvOut(c *conv.Conversation) (any, error) {
	msgs, sit, err := splitSituation(c, FormatESConv)
	if err != nil {
		return nil, err
	}
	offset := len(c.Messages) - len(msgs)
	strategies := map[int]conv.Strategy{}
	for _, t := range c.Labels.Turns {
		strategies[t.Turn] = t.Strategy
	}
	dialog := make([]esconvTurn, len(msgs))
	for i, m := range msgs {
		switch m.Role {
		case conv.RoleUser:
			dialog[i].Speaker = "seeker"
		case conv.RoleAssistant:
			dialog[i].Speaker = "supporter"
			dialog[i].Annotation.Strategy = string(strategies[i+offset])
		default:
			return nil, notRepresentable(c, FormatESConv, "message %d is a system turn inside the dialog", i+offset)
		}
		dialog[i].Content = m.Content
	}
	var emotion string
	if len(c.Labels.Emotions) > 0 {
		emotion = c.Labels.Emotions[0]
	}
	return struct {
		ID          string       `json:"id"`
		EmotionType string       `json:"emotion_type"`
		ProblemType string       `json:"problem_type"`
		Situation   string       `json:"situation"`
		Dialog      []esconvTurn `json:"dialog"`
	}{exportID(FormatESConv, c.ID), emotion, topicFor(c.Labels.Concerns, true), sit, dialog}, nil
}

// splitSituation peels off a leading "Situation: " system message, as
// written by an import with Options.Situation; any other system message
// cannot be exported.
func splitSituation(c *conv.Conversation, f Format) ([]conv.Message, string, error) {
	msgs := c.Messages
	if len(msgs) > 0 && msgs[0].Role == conv.RoleSystem {
		if rest, ok := cutPrefix(msgs[0].Content, situationPrefix); ok {
			return msgs[1:], rest, nil
		}
	}
	for i, m := range msgs {
		if m.Role == conv.RoleSystem {
			return nil, "", notRepresentable(c, f, "message %d is a system message, which %s has no place for", i, f)
		}
	}
	return msgs, "", nil
}

func cutPrefix(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && s[:len(prefix)] == prefix {
		return s[len(prefix):], true
	}
	return s, false
}

func preferenceOut(p *conv.PreferencePair) (any, error) {
	return struct {
		ID        string         `json:"id,omitempty"`
		Prompt    []conv.Message `json:"prompt"`
		Chosen    []conv.Message `json:"chosen"`
		Rejected  []conv.Message `json:"rejected"`
		Reasons   []string       `json:"reasons,omitempty"`
		Annotator string         `json:"annotator,omitempty"`
		Concerns  []conv.Concern `json:"concerns,omitempty"`
		Split     conv.Split     `json:"split,omitempty"`
		License   string         `json:"license,omitempty"`
	}{exportID(FormatPreference, p.ID), p.Prompt, p.Chosen, p.Rejected, p.Reasons, p.Annotator, p.Concerns, p.Split, p.License}, nil
}
