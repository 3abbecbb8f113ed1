// Built-in chat templates for tokenizers that ship none: ChatML (Qwen and
// many others), Llama 3, and tend's own format. The turn layouts follow the
// published formats of those model families; the Jinja is tend's.
package tokenizer

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// TendSpecialTokens are the special tokens of tend's own tokenizer format,
// in id order; `tend tokenizer train` uses them by default.
var TendSpecialTokens = []string{
	"<|begin_of_text|>", "<|end_of_text|>", "<|system|>", "<|user|>", "<|assistant|>", "<|end|>", "<|pad|>",
}

// Role check shared by the built-ins: an unknown role is an error, not a
// silently mangled prompt.
const roleCheck = `{% if message['role'] not in ['system', 'user', 'assistant'] %}` +
	`{{ raise_exception('unknown role ' ~ message['role'] ~ '; want system, user or assistant') }}{% endif %}`

var builtins = map[string]struct {
	src, bos, eos string
	required      []string
}{
	// <|im_start|>role\ncontent<|im_end|>\n
	"chatml": {
		src: `{% for message in messages %}` + roleCheck +
			`{{ '<|im_start|>' ~ message['role'] ~ '\n' ~ message['content'] ~ '<|im_end|>\n' }}{% endfor %}` +
			`{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}`,
		eos:      "<|im_end|>",
		required: []string{"<|im_start|>", "<|im_end|>"},
	},
	// <|begin_of_text|><|start_header_id|>role<|end_header_id|>\n\ncontent<|eot_id|>
	"llama3": {
		src: `{{ bos_token }}{% for message in messages %}` + roleCheck +
			`{{ '<|start_header_id|>' ~ message['role'] ~ '<|end_header_id|>\n\n' ~ (message['content'] | trim) ~ '<|eot_id|>' }}{% endfor %}` +
			`{% if add_generation_prompt %}{{ '<|start_header_id|>assistant<|end_header_id|>\n\n' }}{% endif %}`,
		bos:      "<|begin_of_text|>",
		eos:      "<|eot_id|>",
		required: []string{"<|begin_of_text|>", "<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>"},
	},
	// <|begin_of_text|><|role|>\ncontent<|end|>\n
	"tend": {
		src: `{{ bos_token }}{% for message in messages %}` + roleCheck +
			`{{ '<|' ~ message['role'] ~ '|>\n' ~ message['content'] ~ '<|end|>\n' }}{% endfor %}` +
			`{% if add_generation_prompt %}{{ '<|assistant|>\n' }}{% endif %}`,
		bos:      "<|begin_of_text|>",
		eos:      "<|end|>",
		required: []string{"<|begin_of_text|>", "<|system|>", "<|user|>", "<|assistant|>", "<|end|>"},
	},
}

// BuiltinTemplateNames lists the names BuiltinTemplate accepts.
var BuiltinTemplateNames = []string{"chatml", "llama3", "tend"}

// BuiltinTemplate returns one of the built-in chat templates.
func BuiltinTemplate(name string) (*ChatTemplate, error) {
	b, ok := builtins[name]
	if !ok {
		return nil, fmt.Errorf("%w: no built-in template %q; have %v", ErrTemplate, name, BuiltinTemplateNames)
	}
	c, err := NewChatTemplate(name, b.src, b.bos, b.eos)
	if err != nil {
		return nil, err
	}
	c.required = b.required
	return c, nil
}

// ConfigJSON returns a tokenizer_config.json carrying tmpl, in the shape
// Hugging Face transformers and LoadDir read.
func ConfigJSON(tmpl *ChatTemplate) ([]byte, error) {
	cfg := struct {
		TokenizerClass string  `json:"tokenizer_class"`
		BOSToken       *string `json:"bos_token"`
		EOSToken       *string `json:"eos_token"`
		CleanUp        bool    `json:"clean_up_tokenization_spaces"`
		ChatTemplate   string  `json:"chat_template"`
	}{TokenizerClass: "PreTrainedTokenizerFast", ChatTemplate: tmpl.Source}
	if tmpl.BOS != "" {
		cfg.BOSToken = &tmpl.BOS
	}
	if tmpl.EOS != "" {
		cfg.EOSToken = &tmpl.EOS
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(cfg); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// TemplateFor picks the built-in template whose tokens are all among
// special, preferring tend's own; it returns "" if none fits.
func TemplateFor(special []string) string {
	have := map[string]bool{}
	for _, s := range special {
		have[s] = true
	}
	for _, name := range []string{"tend", "llama3", "chatml"} {
		ok := true
		for _, r := range builtins[name].required {
			ok = ok && have[r]
		}
		if ok {
			return name
		}
	}
	return ""
}

// ChatTemplateOrBuiltin returns the tokenizer's own chat template or, when
// it ships none, the built-in template its special tokens fit (tend, Llama 3
// or ChatML). It fails with ErrTemplate when neither exists.
func (t *Tokenizer) ChatTemplateOrBuiltin() (*ChatTemplate, error) {
	if t.chat != nil {
		return t.chat, nil
	}
	var special []string
	for _, a := range t.added {
		special = append(special, a.Content)
	}
	name := TemplateFor(special)
	if name == "" {
		return nil, fmt.Errorf("%w: the tokenizer has no chat template and its special tokens fit no built-in one", ErrTemplate)
	}
	return BuiltinTemplate(name)
}
