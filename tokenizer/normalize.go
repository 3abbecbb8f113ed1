// Normalizers from tokenizer.json that byte-level models use: Unicode
// normal forms (Qwen2 uses NFC), Lowercase, Strip, Prepend, Replace with a
// literal string, and Sequence. Anything else is reported as unsupported.
package tokenizer

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

type normalizerFunc func(string) string

type normalizerJSON struct {
	Type        string            `json:"type"`
	Normalizers []json.RawMessage `json:"normalizers"`
	Prepend     string            `json:"prepend"`
	Content     string            `json:"content"`
	Pattern     *patternJSON      `json:"pattern"`
	StripLeft   bool              `json:"strip_left"`
	StripRight  bool              `json:"strip_right"`
}

// patternJSON is {"String": "..."} or {"Regex": "..."}.
type patternJSON struct {
	String *string `json:"String"`
	Regex  *string `json:"Regex"`
}

// parseNormalizer returns nil for a null normalizer.
func parseNormalizer(raw json.RawMessage, field string) (normalizerFunc, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	var n normalizerJSON
	if err := json.Unmarshal(raw, &n); err != nil {
		return nil, fmt.Errorf("%s: %w", field, err)
	}
	switch n.Type {
	case "NFC":
		return norm.NFC.String, nil
	case "NFD":
		return norm.NFD.String, nil
	case "NFKC":
		return norm.NFKC.String, nil
	case "NFKD":
		return norm.NFKD.String, nil
	case "Lowercase":
		return strings.ToLower, nil
	case "Prepend":
		p := n.Prepend
		return func(s string) string {
			if s == "" {
				return s
			}
			return p + s
		}, nil
	case "Strip":
		l, r := n.StripLeft, n.StripRight
		return func(s string) string {
			if l {
				s = strings.TrimLeftFunc(s, unicode.IsSpace)
			}
			if r {
				s = strings.TrimRightFunc(s, unicode.IsSpace)
			}
			return s
		}, nil
	case "Replace":
		if n.Pattern == nil || n.Pattern.String == nil {
			return nil, fmt.Errorf("%s: Replace with a regex pattern: %w", field, ErrUnsupported)
		}
		old, repl := *n.Pattern.String, n.Content
		return func(s string) string { return strings.ReplaceAll(s, old, repl) }, nil
	case "Sequence":
		var fs []normalizerFunc
		for i, sub := range n.Normalizers {
			f, err := parseNormalizer(sub, fmt.Sprintf("%s.normalizers[%d]", field, i))
			if err != nil {
				return nil, err
			}
			if f != nil {
				fs = append(fs, f)
			}
		}
		return func(s string) string {
			for _, f := range fs {
				s = f(s)
			}
			return s
		}, nil
	}
	return nil, fmt.Errorf("%s: normalizer type %q: %w", field, n.Type, ErrUnsupported)
}
