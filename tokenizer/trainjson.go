// Writing a trained tokenizer as tokenizer.json in the exact shape of the
// model family chosen: GPT-2 (ByteLevel with its built-in regex), Llama 3
// (Split + ByteLevel, ignore_merges, BOS post-processor) or Qwen2 (NFC,
// Split + ByteLevel). The output loads in tend and in Hugging Face's library.
package tokenizer

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
)

// trained is a vocabulary under construction.
type trained struct {
	opts   TrainOptions
	tokens []string // id -> byte-level token
	ids    map[string]int32
	merges [][2]string
}

func (f *trained) add(tok string) int32 {
	if f.ids == nil {
		f.ids = map[string]int32{}
	}
	if id, ok := f.ids[tok]; ok {
		return id
	}
	id := int32(len(f.tokens))
	f.tokens = append(f.tokens, tok)
	f.ids[tok] = id
	return id
}

// addBytes adds the special tokens, then one token per byte.
func (f *trained) addBytes() {
	for _, s := range f.opts.Special {
		f.add(s)
	}
	for b := 0; b < 256; b++ {
		f.add(string(byteToRune[b]))
	}
}

// addMerge records a merge and returns the merged token's id (an existing
// id if another merge already produced the same string).
func (f *trained) addMerge(a, b int32) int32 {
	f.merges = append(f.merges, [2]string{f.tokens[a], f.tokens[b]})
	return f.add(f.tokens[a] + f.tokens[b])
}

func jsonStr(s string) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // encoding a string cannot fail
	return string(bytes.TrimRight(buf.Bytes(), "\n"))
}

func (f *trained) marshal() ([]byte, error) {
	o := f.opts
	var b bytes.Buffer
	b.WriteString("{\n  \"version\": \"1.0\",\n  \"truncation\": null,\n  \"padding\": null,\n  \"added_tokens\": [")
	for i, s := range o.Special {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, "\n    {\"id\": %d, \"content\": %s, \"single_word\": false, \"lstrip\": false, \"rstrip\": false, \"normalized\": false, \"special\": true}", i, jsonStr(s))
	}
	b.WriteString("\n  ],\n")
	byteLevel := `{"type": "ByteLevel", "add_prefix_space": false, "trim_offsets": true, "use_regex": %s}`
	var pattern string
	switch o.Pattern {
	case "gpt2":
		b.WriteString("  \"normalizer\": null,\n")
		fmt.Fprintf(&b, "  \"pre_tokenizer\": "+byteLevel+",\n", "true")
	case "llama3", "qwen2":
		pattern = PatternLlama3
		if o.Pattern == "qwen2" {
			pattern = PatternQwen2
			b.WriteString("  \"normalizer\": {\"type\": \"NFC\"},\n")
		} else {
			b.WriteString("  \"normalizer\": null,\n")
		}
		fmt.Fprintf(&b, "  \"pre_tokenizer\": {\"type\": \"Sequence\", \"pretokenizers\": [\n    {\"type\": \"Split\", \"pattern\": {\"Regex\": %s}, \"behavior\": \"Isolated\", \"invert\": false},\n    "+byteLevel+"\n  ]},\n", jsonStr(pattern), "false")
	default:
		return nil, fmt.Errorf("pattern %q: want gpt2, llama3 or qwen2", o.Pattern)
	}
	bl := `{"type": "ByteLevel", "add_prefix_space": true, "trim_offsets": false, "use_regex": true}`
	if o.BOS != "" {
		id := f.ids[o.BOS]
		fmt.Fprintf(&b, "  \"post_processor\": {\"type\": \"Sequence\", \"processors\": [\n    %s,\n    {\"type\": \"TemplateProcessing\", \"single\": [{\"SpecialToken\": {\"id\": %s, \"type_id\": 0}}, {\"Sequence\": {\"id\": \"A\", \"type_id\": 0}}], \"pair\": [{\"SpecialToken\": {\"id\": %s, \"type_id\": 0}}, {\"Sequence\": {\"id\": \"A\", \"type_id\": 0}}, {\"SpecialToken\": {\"id\": %s, \"type_id\": 1}}, {\"Sequence\": {\"id\": \"B\", \"type_id\": 1}}], \"special_tokens\": {%s: {\"id\": %s, \"ids\": [%d], \"tokens\": [%s]}}}\n  ]},\n",
			bl, jsonStr(o.BOS), jsonStr(o.BOS), jsonStr(o.BOS), jsonStr(o.BOS), jsonStr(o.BOS), id, jsonStr(o.BOS))
	} else {
		fmt.Fprintf(&b, "  \"post_processor\": %s,\n", bl)
	}
	fmt.Fprintf(&b, "  \"decoder\": %s,\n", bl)
	fmt.Fprintf(&b, "  \"model\": {\n    \"type\": \"BPE\",\n    \"dropout\": null,\n    \"unk_token\": null,\n    \"continuing_subword_prefix\": null,\n    \"end_of_word_suffix\": null,\n    \"fuse_unk\": false,\n    \"byte_fallback\": false,\n    \"ignore_merges\": %t,\n    \"vocab\": {", o.Pattern == "llama3")
	for id, tok := range f.tokens {
		if id > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n      " + jsonStr(tok) + ": " + strconv.Itoa(id))
	}
	b.WriteString("\n    },\n    \"merges\": [")
	for i, m := range f.merges {
		if i > 0 {
			b.WriteString(",")
		}
		if o.LegacyMerges {
			b.WriteString("\n      " + jsonStr(m[0]+" "+m[1]))
		} else {
			b.WriteString("\n      [" + jsonStr(m[0]) + ", " + jsonStr(m[1]) + "]")
		}
	}
	b.WriteString("\n    ]\n  }\n}\n")
	return b.Bytes(), nil
}
