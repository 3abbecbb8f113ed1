// Chat templates: rendering a conversation with a Jinja chat_template (from
// tokenizer_config.json or built in) and tokenizing it into ids plus a loss
// mask. The mask marks exactly each assistant message's content and its
// end-of-turn token. It needs no {% generation %} markers: each assistant
// span is found by rendering the conversation up to that turn with and
// without the turn, and taking the difference.
package tokenizer

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/ardanlabs/jinja"

	"github.com/tend-project/tend/conv"
)

// ErrTemplate marks a chat template that cannot be rendered or that breaks
// the prefix property the loss mask relies on. Check with errors.Is.
var ErrTemplate = errors.New("chat template")

// ChatTemplate is a compiled Jinja chat template with the BOS and EOS token
// strings it is rendered with.
type ChatTemplate struct {
	Name     string // "chatml", "llama3", "tend", or the file it came from
	Source   string
	BOS, EOS string
	// Vars are extra template variables, such as date_string or
	// enable_thinking, that some shipped templates read.
	Vars     map[string]any
	tmpl     *jinja.Template
	required []string // added tokens the template writes; checked by RenderChat
}

// NewChatTemplate compiles a Jinja chat template.
func NewChatTemplate(name, source, bos, eos string) (*ChatTemplate, error) {
	tm, err := jinja.Compile(source)
	if err != nil {
		return nil, fmt.Errorf("%w %s: %v", ErrTemplate, name, err)
	}
	return &ChatTemplate{Name: name, Source: source, BOS: bos, EOS: eos, tmpl: tm}, nil
}

// Render returns the template's text for msgs. With addGen the template
// appends the header that prompts the assistant's next reply.
func (c *ChatTemplate) Render(msgs []conv.Message, addGen bool) (string, error) {
	list := make([]any, len(msgs))
	for i, m := range msgs {
		list[i] = map[string]any{"role": string(m.Role), "content": m.Content}
	}
	data := map[string]any{}
	for k, v := range c.Vars {
		data[k] = v
	}
	data["messages"] = list
	data["add_generation_prompt"] = addGen
	data["bos_token"] = c.BOS
	data["eos_token"] = c.EOS
	out, err := c.tmpl.Render(data)
	if err != nil {
		return "", fmt.Errorf("%w %s: %v", ErrTemplate, c.Name, err)
	}
	return out, nil
}

// ChatTemplate returns the template loaded by LoadDir, or nil.
func (t *Tokenizer) ChatTemplate() *ChatTemplate { return t.chat }

// SetChatTemplate sets the template ChatTemplate returns.
func (t *Tokenizer) SetChatTemplate(c *ChatTemplate) { t.chat = c }

// RenderChat renders msgs with tmpl and tokenizes the text (without adding
// post-processor tokens, since templates write BOS themselves). mask[i] is
// true for the tokens of each assistant message's content and its
// end-of-turn token: the tokens a fine-tune should learn to produce.
func (t *Tokenizer) RenderChat(tmpl *ChatTemplate, msgs []conv.Message, addGen bool) (ids []int, mask []bool, err error) {
	if tmpl == nil {
		return nil, nil, fmt.Errorf("%w: none given and the tokenizer has none", ErrTemplate)
	}
	for _, r := range tmpl.required {
		if !t.isAdded(r) {
			return nil, nil, fmt.Errorf("%w %s: the tokenizer has no added token %q", ErrTemplate, tmpl.Name, r)
		}
	}
	// Normalize contents first so that normalizing the rendered text is the
	// identity and token offsets line up with the spans found below.
	if t.norm != nil {
		msgs = append([]conv.Message(nil), msgs...)
		for i := range msgs {
			msgs[i].Content = t.norm(msgs[i].Content)
		}
	}
	full, err := tmpl.Render(msgs, addGen)
	if err != nil {
		return nil, nil, err
	}
	var spans [][2]int
	for i, m := range msgs {
		if m.Role != conv.RoleAssistant {
			continue
		}
		s, err := t.assistantSpan(tmpl, msgs, i, full)
		if err != nil {
			return nil, nil, err
		}
		spans = append(spans, s)
	}
	ids, offs := t.EncodeOffsets(full)
	mask = make([]bool, len(ids))
	for k, o := range offs {
		for _, s := range spans {
			if o[0] < s[1] && (o[1] > s[0] || (o[0] == o[1] && o[0] >= s[0])) {
				mask[k] = true
				break
			}
		}
	}
	return ids, mask, nil
}

// assistantSpan returns the byte range of full holding messages[i]'s
// content and end-of-turn token.
func (t *Tokenizer) assistantSpan(tmpl *ChatTemplate, msgs []conv.Message, i int, full string) ([2]int, error) {
	pre, err := tmpl.Render(msgs[:i], true)
	if err != nil {
		return [2]int{}, err
	}
	upto, err := tmpl.Render(msgs[:i+1], false)
	if err != nil {
		return [2]int{}, err
	}
	if !strings.HasPrefix(upto, pre) {
		return [2]int{}, fmt.Errorf("%w %s: rendering messages[:%d] with the generation prompt is not a prefix of rendering messages[:%d]; "+
			"the loss mask cannot be derived from this template (it rewrites earlier turns)", ErrTemplate, tmpl.Name, i, i+1)
	}
	if !strings.HasPrefix(full, upto) {
		return [2]int{}, fmt.Errorf("%w %s: rendering messages[:%d] is not a prefix of rendering the whole conversation; "+
			"the loss mask cannot be derived from this template (it renders turns differently depending on what follows)", ErrTemplate, tmpl.Name, i+1)
	}
	d := upto[len(pre):]
	// The span starts at the content (skipping any header the generation
	// prompt did not include) and ends at the first special token after it.
	start, from := 0, 0
	if c := strings.TrimSpace(msgs[i].Content); c != "" {
		if k := t.indexOutsideAdded(d, c); k >= 0 {
			start, from = k, k+len(c)
		}
	}
	end := -1
	for _, at := range t.added {
		if !at.Special {
			continue
		}
		if k := strings.Index(d[from:], at.Content); k >= 0 && (end < 0 || from+k+len(at.Content) < end) {
			end = from + k + len(at.Content)
		}
	}
	if end < 0 {
		end = len(strings.TrimRightFunc(d, unicode.IsSpace))
	}
	return [2]int{len(pre) + start, len(pre) + end}, nil
}

// indexOutsideAdded is strings.Index(d, c) skipping matches that start
// inside an added token, so a reply "assistant" is not found in the header
// "<|assistant|>".
func (t *Tokenizer) indexOutsideAdded(d, c string) int {
	segs := t.rawMatch.split(d, 0, nil)
	for from := 0; from <= len(d)-len(c); {
		k := strings.Index(d[from:], c)
		if k < 0 {
			return -1
		}
		k += from
		inside := false
		for _, s := range segs {
			if s.id >= 0 && k > s.off && k < s.off+len(s.text) {
				inside = true
				break
			}
		}
		if !inside {
			return k
		}
		from = k + 1
	}
	return -1
}

func (t *Tokenizer) isAdded(s string) bool {
	_, ok := t.addedIDs[s]
	return ok
}

type configJSON struct {
	ChatTemplate json.RawMessage `json:"chat_template"`
	BOSToken     json.RawMessage `json:"bos_token"`
	EOSToken     json.RawMessage `json:"eos_token"`
}

// tokenString reads a token given as "text", null, or {"content": "text"}.
func tokenString(raw json.RawMessage) (string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return s, nil
	}
	var obj struct {
		Content string `json:"content"`
	}
	if err := json.Unmarshal(raw, &obj); err != nil {
		return "", err
	}
	return obj.Content, nil
}

// LoadDir loads dir/tokenizer.json and, if present, the chat template and
// BOS/EOS tokens of dir/tokenizer_config.json (or dir/chat_template.jinja).
func LoadDir(dir string) (*Tokenizer, error) {
	t, err := Load(filepath.Join(dir, "tokenizer.json"))
	if err != nil {
		return nil, err
	}
	cfgPath := filepath.Join(dir, "tokenizer_config.json")
	data, err := os.ReadFile(cfgPath)
	if errors.Is(err, os.ErrNotExist) {
		return t, nil
	}
	if err != nil {
		return nil, err
	}
	var cfg configJSON
	if err := json.Unmarshal(data, &cfg); err != nil {
		return nil, fmt.Errorf("%s: %w: %v", cfgPath, ErrInvalid, err)
	}
	bos, err := tokenString(cfg.BOSToken)
	if err != nil {
		return nil, fmt.Errorf("%s: bos_token: %w: %v", cfgPath, ErrInvalid, err)
	}
	eos, err := tokenString(cfg.EOSToken)
	if err != nil {
		return nil, fmt.Errorf("%s: eos_token: %w: %v", cfgPath, ErrInvalid, err)
	}
	src, name := "", cfgPath
	if len(cfg.ChatTemplate) > 0 && string(cfg.ChatTemplate) != "null" {
		if err := json.Unmarshal(cfg.ChatTemplate, &src); err != nil {
			// Some configs list named templates; use the default one.
			var named []struct{ Name, Template string }
			if json.Unmarshal(cfg.ChatTemplate, &named) != nil {
				return nil, fmt.Errorf("%s: chat_template: want a string or a list of {name, template}: %w", cfgPath, ErrInvalid)
			}
			for _, n := range named {
				if n.Name == "default" {
					src = n.Template
				}
			}
		}
	}
	if src == "" {
		jp := filepath.Join(dir, "chat_template.jinja")
		if b, err := os.ReadFile(jp); err == nil {
			src, name = string(b), jp
		}
	}
	if src != "" {
		c, err := NewChatTemplate(name, src, bos, eos)
		if err != nil {
			return nil, err
		}
		t.chat = c
	}
	return t, nil
}
