// Built-in chat templates for tokenizers that ship none: ChatML (Qwen and
// many others), Llama 3, and tend's own format. The turn layouts follow the
// published formats of those model families; the Jinja is tend's.
package tokenizer

import "fmt"

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
