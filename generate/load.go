// Loading an Engine from a model directory on disk: a Hugging Face or tend
// directory with config.json, safetensors weights, tokenizer.json and,
// ideally, tokenizer_config.json with a chat template.
package generate

import (
	"fmt"

	"github.com/tend-project/tend/model"
	"github.com/tend-project/tend/tokenizer"
)

// LoadDir loads the model and tokenizer in dir. A tokenizer without a chat
// template gets the built-in template that its special tokens fit (tend,
// Llama 3 or ChatML).
func LoadDir(dir string, maxCtx int) (*Engine, error) {
	m, err := model.Load(dir)
	if err != nil {
		return nil, err
	}
	tok, err := tokenizer.LoadDir(dir)
	if err != nil {
		return nil, err
	}
	tmpl, err := tok.ChatTemplateOrBuiltin()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", dir, err)
	}
	if maxCtx <= 0 || (m.Config.MaxPos > 0 && maxCtx > m.Config.MaxPos) {
		maxCtx = m.Config.MaxPos
	}
	return New(m, tok, tmpl, maxCtx)
}
