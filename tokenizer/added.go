// Added tokens (special tokens such as <|im_start|> and any extra tokens a
// tokenizer.json lists) are cut out of the text before normalization and
// BPE, matching leftmost-longest like Hugging Face's Aho-Corasick matcher,
// and honouring the single_word, lstrip and rstrip flags.
package tokenizer

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// AddedToken is one entry of tokenizer.json's added_tokens list.
type AddedToken struct {
	ID         int    `json:"id"`
	Content    string `json:"content"`
	SingleWord bool   `json:"single_word"`
	LStrip     bool   `json:"lstrip"`
	RStrip     bool   `json:"rstrip"`
	Normalized bool   `json:"normalized"`
	Special    bool   `json:"special"`
}

// addedMatcher finds added tokens in text.
type addedMatcher struct {
	toks    []AddedToken
	pattern []string // what is matched: the content, normalized if the token is
	byFirst [256][]int32
}

func newAddedMatcher(toks []AddedToken, norm func(string) string) *addedMatcher {
	if len(toks) == 0 {
		return nil
	}
	am := &addedMatcher{toks: toks, pattern: make([]string, len(toks))}
	for i, t := range toks {
		p := t.Content
		if norm != nil {
			p = norm(p)
		}
		am.pattern[i] = p
		if p != "" {
			am.byFirst[p[0]] = append(am.byFirst[p[0]], int32(i))
		}
	}
	for b := range am.byFirst {
		l := am.byFirst[b]
		sort.SliceStable(l, func(x, y int) bool { return len(am.pattern[l[x]]) > len(am.pattern[l[y]]) })
	}
	return am
}

// segment is a run of plain text or one added token, with its byte offset.
type segment struct {
	text string
	off  int
	id   int // -1 for plain text
}

func isWordChar(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_' }

// split appends the segments of s (which starts at byte offset base of the
// original text) to dst.
func (am *addedMatcher) split(s string, base int, dst []segment) []segment {
	if am == nil {
		return append(dst, segment{s, base, -1})
	}
	prev := 0
	for i := 0; i < len(s); {
		cands := am.byFirst[s[i]]
		hit := -1
		for _, k := range cands {
			if strings.HasPrefix(s[i:], am.pattern[k]) {
				hit = int(k)
				break
			}
		}
		if hit < 0 {
			i++
			continue
		}
		t := &am.toks[hit]
		start, stop := i, i+len(am.pattern[hit])
		if t.SingleWord {
			before, _ := utf8.DecodeLastRuneInString(s[:start])
			after, _ := utf8.DecodeRuneInString(s[stop:])
			if (start > 0 && isWordChar(before)) || (stop < len(s) && isWordChar(after)) {
				i++
				continue
			}
		}
		if t.LStrip {
			for start > prev {
				r, w := utf8.DecodeLastRuneInString(s[prev:start])
				if !unicode.IsSpace(r) {
					break
				}
				start -= w
			}
		}
		if t.RStrip {
			for stop < len(s) {
				r, w := utf8.DecodeRuneInString(s[stop:])
				if !unicode.IsSpace(r) {
					break
				}
				stop += w
			}
		}
		if start > prev {
			dst = append(dst, segment{s[prev:start], base + prev, -1})
		}
		dst = append(dst, segment{s[start:stop], base + start, t.ID})
		prev, i = stop, stop
	}
	if prev < len(s) {
		dst = append(dst, segment{s[prev:], base + prev, -1})
	}
	return dst
}
