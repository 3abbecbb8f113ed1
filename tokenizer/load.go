// Loading a Hugging Face tokenizer.json into a Tokenizer. Every component
// tend does not implement is reported with ErrUnsupported and the JSON field
// that holds it, rather than silently tokenizing differently.
package tokenizer

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
)

var (
	// ErrUnsupported marks a tokenizer.json component tend cannot reproduce
	// exactly. Check with errors.Is.
	ErrUnsupported = errors.New("unsupported tokenizer component")
	// ErrInvalid marks a malformed tokenizer.json or tokenizer_config.json.
	ErrInvalid = errors.New("invalid tokenizer file")
)

type fileJSON struct {
	AddedTokens   []AddedToken    `json:"added_tokens"`
	Normalizer    json.RawMessage `json:"normalizer"`
	PreTokenizer  json.RawMessage `json:"pre_tokenizer"`
	PostProcessor json.RawMessage `json:"post_processor"`
	Decoder       json.RawMessage `json:"decoder"`
	Model         modelJSON       `json:"model"`
}

type modelJSON struct {
	Type                    string            `json:"type"`
	Vocab                   map[string]int    `json:"vocab"`
	Merges                  []json.RawMessage `json:"merges"`
	UnkToken                *string           `json:"unk_token"`
	FuseUnk                 bool              `json:"fuse_unk"`
	ByteFallback            bool              `json:"byte_fallback"`
	IgnoreMerges            bool              `json:"ignore_merges"`
	Dropout                 *float64          `json:"dropout"`
	ContinuingSubwordPrefix *string           `json:"continuing_subword_prefix"`
	EndOfWordSuffix         *string           `json:"end_of_word_suffix"`
}

type preTokJSON struct {
	Type           string            `json:"type"`
	Pretokenizers  []json.RawMessage `json:"pretokenizers"`
	AddPrefixSpace bool              `json:"add_prefix_space"`
	UseRegex       *bool             `json:"use_regex"`
	Pattern        *patternJSON      `json:"pattern"`
	Behavior       string            `json:"behavior"`
	Invert         bool              `json:"invert"`
}

type postJSON struct {
	Type          string            `json:"type"`
	Processors    []json.RawMessage `json:"processors"`
	Single        []json.RawMessage `json:"single"`
	SpecialTokens map[string]struct {
		IDs []int `json:"ids"`
	} `json:"special_tokens"`
}

// Load reads a tokenizer.json file.
func Load(path string) (*Tokenizer, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(data, path)
}

// Parse builds a Tokenizer from the contents of a tokenizer.json; name is
// used in error messages.
func Parse(data []byte, name string) (*Tokenizer, error) {
	var f fileJSON
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("%s: %w: %v", name, ErrInvalid, err)
	}
	t, err := build(&f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return t, nil
}

func build(f *fileJSON) (*Tokenizer, error) {
	m := &f.Model
	if m.Type != "BPE" && m.Type != "" {
		return nil, fmt.Errorf("model.type %q: only BPE is implemented: %w", m.Type, ErrUnsupported)
	}
	switch {
	case m.ByteFallback:
		return nil, fmt.Errorf("model.byte_fallback: %w", ErrUnsupported)
	case m.ContinuingSubwordPrefix != nil && *m.ContinuingSubwordPrefix != "":
		return nil, fmt.Errorf("model.continuing_subword_prefix: %w", ErrUnsupported)
	case m.EndOfWordSuffix != nil && *m.EndOfWordSuffix != "":
		return nil, fmt.Errorf("model.end_of_word_suffix: %w", ErrUnsupported)
	case m.Dropout != nil && *m.Dropout > 0:
		return nil, fmt.Errorf("model.dropout: BPE dropout is random: %w", ErrUnsupported)
	}
	bm := &bpeModel{
		vocab:        m.Vocab,
		merges:       make(map[uint64]mergeRule, len(m.Merges)),
		ignoreMerges: m.IgnoreMerges,
		unkID:        -1,
		fuseUnk:      m.FuseUnk,
		cacheSize:    1 << 16,
		cache:        make(map[string][]int32),
	}
	if bm.vocab == nil {
		bm.vocab = map[string]int{}
	}
	if m.UnkToken != nil {
		id, ok := bm.vocab[*m.UnkToken]
		if !ok {
			return nil, fmt.Errorf("model.unk_token %q is not in the vocab: %w", *m.UnkToken, ErrInvalid)
		}
		bm.unkID = int32(id)
	}
	for b := 0; b < 256; b++ {
		bm.byteID[b] = -1
		if id, ok := bm.vocab[string(byteToRune[b])]; ok {
			bm.byteID[b] = int32(id)
		}
	}
	for i, raw := range m.Merges {
		a, b, err := parseMerge(raw)
		if err != nil {
			return nil, fmt.Errorf("model.merges[%d]: %w", i, err)
		}
		ia, oka := bm.vocab[a]
		ib, okb := bm.vocab[b]
		im, okm := bm.vocab[a+b]
		if !oka || !okb || !okm {
			return nil, fmt.Errorf("model.merges[%d]: %q + %q: token not in the vocab: %w", i, a, b, ErrInvalid)
		}
		bm.merges[pairKey(int32(ia), int32(ib))] = mergeRule{rank: int32(i), id: int32(im)}
	}

	t := &Tokenizer{model: bm, addedByID: map[int]int{}, addedIDs: map[string]int{}}
	var err error
	if t.norm, err = parseNormalizer(f.Normalizer, "normalizer"); err != nil {
		return nil, err
	}
	if t.steps, err = parsePreTokenizer(f.PreTokenizer, "pre_tokenizer"); err != nil {
		return nil, err
	}
	if n := len(t.steps); n == 0 || !t.steps[n-1].byteLevel {
		return nil, fmt.Errorf("pre_tokenizer: must end with ByteLevel (only byte-level BPE is implemented): %w", ErrUnsupported)
	}
	for k, s := range t.steps[:len(t.steps)-1] {
		if s.byteLevel {
			return nil, fmt.Errorf("pre_tokenizer: ByteLevel at position %d is not last: %w", k, ErrUnsupported)
		}
	}
	t.fast = fastFamily(t.steps)
	if t.bos, err = parsePostProcessor(f.PostProcessor, "post_processor"); err != nil {
		return nil, err
	}
	if err := checkDecoder(f.Decoder); err != nil {
		return nil, err
	}

	maxID := -1
	for _, id := range bm.vocab {
		maxID = max(maxID, id)
	}
	for i, at := range f.AddedTokens {
		if at.ID < 0 || at.Content == "" {
			return nil, fmt.Errorf("added_tokens[%d]: needs an id >= 0 and non-empty content: %w", i, ErrInvalid)
		}
		maxID = max(maxID, at.ID)
	}
	t.tokens = make([]string, maxID+1)
	t.bytes = make([][]byte, maxID+1)
	for s, id := range bm.vocab {
		if id < 0 {
			return nil, fmt.Errorf("model.vocab[%q]: negative id: %w", s, ErrInvalid)
		}
		t.tokens[id] = s
		t.bytes[id] = byteLevelDecodeToken(s)
	}
	var raw, normd []AddedToken
	for i, at := range f.AddedTokens {
		t.added = append(t.added, at)
		t.addedByID[at.ID] = i
		t.addedIDs[at.Content] = at.ID
		// Hugging Face stores a normalized token's content normalized, and
		// decodes that form (so "cafe\u0301" under NFC decodes as "café"
		// passed through the ByteLevel decoder).
		content := at.Content
		if at.Normalized && t.norm != nil {
			content = t.norm(content)
		}
		t.tokens[at.ID] = content
		t.bytes[at.ID] = byteLevelDecodeToken(content)
		if at.Normalized && t.norm != nil {
			normd = append(normd, at)
		} else {
			raw = append(raw, at)
		}
	}
	t.rawMatch = newAddedMatcher(raw, nil)
	t.normMatch = newAddedMatcher(normd, t.norm)
	return t, nil
}

// fastFamily reports the scanner family when pre-tokenizing is a single
// Isolated family scan (GPT-2's ByteLevel, or Split then a plain ByteLevel).
func fastFamily(steps []preStep) int {
	var sp *splitter
	for _, s := range steps {
		if s.prefixSpace {
			return 0
		}
		if s.split != nil {
			if sp != nil {
				return 0
			}
			sp = s.split
		}
	}
	if sp == nil || sp.family == 0 || sp.behavior != behaviorIsolated || sp.invert {
		return 0
	}
	return sp.family
}

// parseMerge accepts both "a b" and ["a", "b"].
func parseMerge(raw json.RawMessage) (string, string, error) {
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		a, b, ok := strings.Cut(s, " ")
		if !ok || a == "" || b == "" || strings.Contains(b, " ") {
			return "", "", fmt.Errorf("%q is not two tokens separated by one space: %w", s, ErrInvalid)
		}
		return a, b, nil
	}
	var pair []string
	if err := json.Unmarshal(raw, &pair); err != nil || len(pair) != 2 {
		return "", "", fmt.Errorf("%s is neither \"a b\" nor [\"a\", \"b\"]: %w", raw, ErrInvalid)
	}
	return pair[0], pair[1], nil
}

func parsePreTokenizer(raw json.RawMessage, field string) ([]preStep, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	var p preTokJSON
	if err := json.Unmarshal(raw, &p); err != nil {
		return nil, fmt.Errorf("%s: %w: %v", field, ErrInvalid, err)
	}
	switch p.Type {
	case "Sequence":
		var steps []preStep
		for i, sub := range p.Pretokenizers {
			s, err := parsePreTokenizer(sub, fmt.Sprintf("%s.pretokenizers[%d]", field, i))
			if err != nil {
				return nil, err
			}
			steps = append(steps, s...)
		}
		return steps, nil
	case "ByteLevel":
		st := preStep{byteLevel: true, prefixSpace: p.AddPrefixSpace}
		if p.UseRegex == nil || *p.UseRegex {
			st.split, _ = newRegexSplitter(PatternGPT2, behaviorIsolated, false)
		}
		return []preStep{st}, nil
	case "Split":
		if p.Pattern == nil {
			return nil, fmt.Errorf("%s.pattern: missing: %w", field, ErrInvalid)
		}
		var sp *splitter
		var err error
		switch {
		case p.Pattern.Regex != nil:
			sp, err = newRegexSplitter(*p.Pattern.Regex, p.Behavior, p.Invert)
		case p.Pattern.String != nil && *p.Pattern.String != "":
			sp = &splitter{literal: *p.Pattern.String, behavior: p.Behavior, invert: p.Invert}
			err = checkBehavior(p.Behavior)
		default:
			err = fmt.Errorf("pattern needs String or Regex: %w", ErrInvalid)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", field, err)
		}
		return []preStep{{split: sp}}, nil
	}
	return nil, fmt.Errorf("%s: pre-tokenizer type %q: %w", field, p.Type, ErrUnsupported)
}

// parsePostProcessor returns the ids TemplateProcessing puts before and
// after a single sequence; ByteLevel post-processing only adjusts offsets.
func parsePostProcessor(raw json.RawMessage, field string) (tmpl *template, err error) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	var p postJSON
	if err := json.Unmarshal(raw, &p); err != nil {
		return nil, fmt.Errorf("%s: %w: %v", field, ErrInvalid, err)
	}
	switch p.Type {
	case "ByteLevel":
		return nil, nil
	case "Sequence":
		for i, sub := range p.Processors {
			t, err := parsePostProcessor(sub, fmt.Sprintf("%s.processors[%d]", field, i))
			if err != nil {
				return nil, err
			}
			if t != nil {
				if tmpl != nil {
					return nil, fmt.Errorf("%s: two TemplateProcessing steps: %w", field, ErrUnsupported)
				}
				tmpl = t
			}
		}
		return tmpl, nil
	case "TemplateProcessing":
		tmpl = &template{}
		seen := false
		for i, it := range p.Single {
			var item struct {
				SpecialToken *struct{ ID string } `json:"SpecialToken"`
				Sequence     *struct{ ID string } `json:"Sequence"`
			}
			if err := json.Unmarshal(it, &item); err != nil {
				return nil, fmt.Errorf("%s.single[%d]: %w: %v", field, i, ErrInvalid, err)
			}
			switch {
			case item.Sequence != nil:
				if seen {
					return nil, fmt.Errorf("%s.single: two sequences: %w", field, ErrInvalid)
				}
				seen = true
			case item.SpecialToken != nil:
				st, ok := p.SpecialTokens[item.SpecialToken.ID]
				if !ok {
					return nil, fmt.Errorf("%s.single[%d]: %q missing from special_tokens: %w", field, i, item.SpecialToken.ID, ErrInvalid)
				}
				if seen {
					tmpl.after = append(tmpl.after, st.IDs...)
				} else {
					tmpl.before = append(tmpl.before, st.IDs...)
				}
			default:
				return nil, fmt.Errorf("%s.single[%d]: neither SpecialToken nor Sequence: %w", field, i, ErrInvalid)
			}
		}
		if !seen {
			return nil, fmt.Errorf("%s.single: no Sequence item: %w", field, ErrInvalid)
		}
		return tmpl, nil
	}
	return nil, fmt.Errorf("%s: post-processor type %q: %w", field, p.Type, ErrUnsupported)
}

func checkDecoder(raw json.RawMessage) error {
	var d struct{ Type string }
	if len(raw) == 0 || string(raw) == "null" {
		return fmt.Errorf("decoder: missing; byte-level BPE needs the ByteLevel decoder: %w", ErrUnsupported)
	}
	if err := json.Unmarshal(raw, &d); err != nil {
		return fmt.Errorf("decoder: %w: %v", ErrInvalid, err)
	}
	if d.Type != "ByteLevel" {
		return fmt.Errorf("decoder: type %q: %w", d.Type, ErrUnsupported)
	}
	return nil
}
