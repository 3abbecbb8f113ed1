// Merging a PEFT adapter into its base (`tend merge`) and exporting a model
// directory to GGUF with its tokenizer (`tend export gguf`). The GGUF
// tokenizer keys follow llama.cpp's convert_hf_to_gguf.py for byte-level BPE
// ("gpt2" model): tokens in id order as tokenizer.json spells them, token
// types (1 normal, 3 control), merges as "a b" strings, the pre-tokenizer
// name, BOS/EOS ids and the chat template.
package train

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/tend-project/tend/atomicfile"
	"github.com/tend-project/tend/model"
	"github.com/tend-project/tend/tokenizer"
)

// Merge folds the adapter in adapterDir into the base model and writes a
// Hugging Face model directory to out (with the tokenizer of the adapter
// directory, or else the base's). dtype is F32, BF16 or F16.
func Merge(base, adapterDir, out, dtype string, force bool) error {
	m, err := model.Load(base)
	if err != nil {
		return err
	}
	if err := m.LoadLoRA(adapterDir); err != nil {
		return err
	}
	m.MergeLoRA()
	stage, err := atomicfile.StageDir(out, force)
	if err != nil {
		return err
	}
	defer stage.Abort()
	if err := m.SaveAs(stage.Path, dtype, true); err != nil {
		return err
	}
	tokSrc := adapterDir
	if !exists(filepath.Join(adapterDir, "tokenizer.json")) {
		tokSrc = base
	}
	if err := copyTokenizer(tokSrc, stage.Path); err != nil {
		return err
	}
	return stage.Commit()
}

// ExportGGUF writes the model directory dir (with its tokenizer) to a GGUF
// file, as F16 matrices or F32.
func ExportGGUF(dir, out string, f16, force bool) error {
	m, err := model.Load(dir)
	if err != nil {
		return err
	}
	kv, err := ggufTokenizer(dir)
	if err != nil {
		return err
	}
	return m.ExportGGUF(out, model.GGUFOptions{F16: f16, Name: filepath.Base(filepath.Clean(dir)), Extra: kv, Force: force})
}

// ggufTokenizer reads dir/tokenizer.json into llama.cpp's tokenizer keys.
func ggufTokenizer(dir string) ([]model.KV, error) {
	path := filepath.Join(dir, "tokenizer.json")
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var tj struct {
		Model struct {
			Type   string            `json:"type"`
			Vocab  map[string]int    `json:"vocab"`
			Merges []json.RawMessage `json:"merges"`
		} `json:"model"`
		AddedTokens []struct {
			ID      int    `json:"id"`
			Content string `json:"content"`
			Special bool   `json:"special"`
		} `json:"added_tokens"`
	}
	if err := json.Unmarshal(data, &tj); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if tj.Model.Type != "BPE" {
		return nil, fmt.Errorf("%s: GGUF export supports byte-level BPE tokenizers, not %q", path, tj.Model.Type)
	}
	tok, err := tokenizer.LoadDir(dir)
	if err != nil {
		return nil, err
	}
	n := tok.VocabSize()
	tokens := make([]string, n)
	types := make([]int32, n)
	for s, id := range tj.Model.Vocab {
		if id >= 0 && id < n {
			tokens[id], types[id] = s, 1
		}
	}
	for _, a := range tj.AddedTokens {
		if a.ID >= 0 && a.ID < n {
			tokens[a.ID] = a.Content
			types[a.ID] = 1
			if a.Special {
				types[a.ID] = 3
			}
		}
	}
	for i := range tokens {
		if tokens[i] == "" { // a hole in the ids: llama.cpp needs every id
			tokens[i], types[i] = fmt.Sprintf("[PAD%d]", i), 5
		}
	}
	merges := make([]string, 0, len(tj.Model.Merges))
	for _, raw := range tj.Model.Merges {
		var s string
		if json.Unmarshal(raw, &s) == nil {
			merges = append(merges, s)
			continue
		}
		var pair []string
		if err := json.Unmarshal(raw, &pair); err != nil || len(pair) != 2 {
			return nil, fmt.Errorf("%s: malformed merge %s", path, raw)
		}
		merges = append(merges, pair[0]+" "+pair[1])
	}
	pre := "gpt-2"
	switch {
	case strings.Contains(string(data), jsonString(tokenizer.PatternLlama3)):
		pre = "llama-bpe"
	case strings.Contains(string(data), jsonString(tokenizer.PatternQwen2)):
		pre = "qwen2"
	}
	kv := []model.KV{
		{Key: "tokenizer.ggml.model", Value: "gpt2"},
		{Key: "tokenizer.ggml.pre", Value: pre},
		{Key: "tokenizer.ggml.tokens", Value: tokens},
		{Key: "tokenizer.ggml.token_type", Value: types},
		{Key: "tokenizer.ggml.merges", Value: merges},
		{Key: "tokenizer.ggml.add_bos_token", Value: false},
	}
	cfg, err := model.LoadConfig(dir)
	if err != nil {
		return nil, err
	}
	if len(cfg.BOS) > 0 {
		kv = append(kv, model.KV{Key: "tokenizer.ggml.bos_token_id", Value: uint32(cfg.BOS[0])})
	}
	if len(cfg.EOS) > 0 {
		kv = append(kv, model.KV{Key: "tokenizer.ggml.eos_token_id", Value: uint32(cfg.EOS[0])})
	} else if id, ok := tok.TokenID("<|end_of_text|>"); ok {
		kv = append(kv, model.KV{Key: "tokenizer.ggml.eos_token_id", Value: uint32(id)})
	}
	if id, ok := tok.TokenID("<|end|>"); ok { // tend's end of turn
		kv = append(kv, model.KV{Key: "tokenizer.ggml.eot_token_id", Value: uint32(id)})
	}
	if id, ok := tok.TokenID("<|pad|>"); ok {
		kv = append(kv, model.KV{Key: "tokenizer.ggml.padding_token_id", Value: uint32(id)})
	}
	if tc := readChatTemplate(dir); tc != "" {
		kv = append(kv, model.KV{Key: "tokenizer.chat_template", Value: tc})
	}
	return kv, nil
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return strings.Trim(string(b), `"`)
}

// readChatTemplate returns the Jinja source of dir's chat template, or "".
func readChatTemplate(dir string) string {
	if b, err := os.ReadFile(filepath.Join(dir, "chat_template.jinja")); err == nil {
		return string(b)
	}
	var tc struct {
		ChatTemplate string `json:"chat_template"`
	}
	if b, err := os.ReadFile(filepath.Join(dir, "tokenizer_config.json")); err == nil && json.Unmarshal(b, &tc) == nil {
		return tc.ChatTemplate
	}
	return ""
}
