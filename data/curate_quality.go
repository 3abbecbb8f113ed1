// The quality filter: empty or very short turns, broken role order,
// truncated endings, degenerate repetition and non-English text. The
// language check is a heuristic, not a model: English text is dense with a
// small set of function words, and text in Latin script without them, or
// mostly in another script, is not English.
package data

import (
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/tend-project/tend/conv"
)

// QualityConfig tunes the quality filter.
type QualityConfig struct {
	Enabled bool `yaml:"enabled" json:"enabled"`
	// MinAssistantWords is the fewest words an assistant turn may have.
	MinAssistantWords int `yaml:"min_assistant_words" json:"min_assistant_words"`
	// MinWords is the fewest words the whole conversation may have.
	MinWords int `yaml:"min_words" json:"min_words"`
	// MinEnglish is the lowest share of English function words among the
	// words of a conversation of at least 12 words.
	MinEnglish float64 `yaml:"min_english" json:"min_english"`
	// MaxRepeat is the highest share of repeated word trigrams in one turn
	// of at least 24 words.
	MaxRepeat float64 `yaml:"max_repeat" json:"max_repeat"`
}

// DefaultQualityConfig returns the quality filter's defaults.
func DefaultQualityConfig() QualityConfig {
	return QualityConfig{Enabled: true, MinAssistantWords: 3, MinWords: 8, MinEnglish: 0.12, MaxRepeat: 0.5}
}

func (c *QualityConfig) validate() error {
	switch {
	case c.MinAssistantWords < 0:
		return fmt.Errorf("min_assistant_words: %d is negative", c.MinAssistantWords)
	case c.MinWords < 0:
		return fmt.Errorf("min_words: %d is negative", c.MinWords)
	case c.MinEnglish < 0 || c.MinEnglish > 1:
		return fmt.Errorf("min_english: %g is outside 0..1", c.MinEnglish)
	case c.MaxRepeat <= 0 || c.MaxRepeat > 1:
		return fmt.Errorf("max_repeat: %g is outside (0, 1]", c.MaxRepeat)
	}
	return nil
}

// QualityFilter implements Filter.
type QualityFilter struct{ cfg QualityConfig }

// NewQualityFilter returns a quality filter.
func NewQualityFilter(cfg QualityConfig) *QualityFilter { return &QualityFilter{cfg} }

var _ Filter = (*QualityFilter)(nil)

// Name is "quality".
func (*QualityFilter) Name() string { return "quality" }

// englishWords are frequent English function words.
var englishWords = wordSet(`the a an and or but to of in on at for with from by about as is are was were be been being am i
you he she it we they me my your our their him her them this that these those what how why when where who not no do does did
have has had can could would should will just so if than then there here it's i'm don't can't i've you're that's feel
really very all some any more much too also like`)

// englishHashes holds englishWords as normWords hashes them, so counting
// needs no lower-casing or allocation.
var englishHashes = func() map[uint64]bool {
	m := map[uint64]bool{}
	for w := range englishWords {
		for _, h := range normWords(w, nil) {
			m[h] = true
		}
	}
	return m
}()

// truncEnds are words a complete English sentence does not end with.
var truncEnds = wordSet(`the a an and or but to of in on at for with from by my your our their because that which who is
are was were be`)

// Check implements Filter.
func (f *QualityFilter) Check(c *conv.Conversation) []Reject {
	if !f.cfg.Enabled {
		return nil
	}
	var out []Reject
	total, normTotal, english, latin, letters := 0, 0, 0, 0, 0
	sc := qualityScratch.Get().(*qualityBufs)
	defer qualityScratch.Put(sc)
	hs := sc.hs[:0]
	defer func() { sc.hs = hs }()
	sawUser, sawAssistant := false, false
	for i, m := range c.Messages {
		text := strings.TrimSpace(m.Content)
		nw := countFields(text)
		if nw == 0 {
			out = append(out, Reject{Code: "quality_empty_turn", Message: i, Reason: "the message is empty or only whitespace"})
			continue
		}
		total += nw
		hs = normWords(text, hs[:0])
		normTotal += len(hs)
		for _, h := range hs {
			if englishHashes[h] {
				english++
			}
		}
		for k := 0; k < len(text); k++ {
			if c := text[k]; c < utf8.RuneSelf {
				if isASCIILetter(c) {
					letters++
					latin++
				}
				continue
			}
			r, n := utf8.DecodeRuneInString(text[k:])
			k += n - 1
			if unicode.IsLetter(r) {
				letters++
				if r < 0x250 {
					latin++
				}
			}
		}
		switch m.Role {
		case conv.RoleSystem:
			if i != 0 {
				out = append(out, Reject{Code: "quality_role_order", Message: i, Span: clip(text), Reason: "a system message after the first position"})
			}
		case conv.RoleUser:
			sawUser = true
		case conv.RoleAssistant:
			sawAssistant = true
			if !sawUser {
				out = append(out, Reject{Code: "quality_role_order", Message: i, Span: clip(text), Reason: "the assistant speaks before any user message"})
			}
			if nw < f.cfg.MinAssistantWords {
				out = append(out, Reject{Code: "quality_short_turn", Message: i, Span: clip(text), Reason: fmt.Sprintf("assistant turn has %d words (minimum %d)", nw, f.cfg.MinAssistantWords)})
			}
			if r, ok := repeated(text, hs, f.cfg.MaxRepeat, sc.seen); ok {
				out = append(out, Reject{Code: "quality_repetition", Message: i, Span: r, Reason: "the turn repeats itself"})
			}
		}
		if i > 0 && m.Role != conv.RoleSystem && c.Messages[i-1].Role == m.Role && m.Role == conv.RoleAssistant {
			out = append(out, Reject{Code: "quality_role_order", Message: i, Span: clip(text), Reason: "two assistant turns in a row"})
		}
		if i > 0 && m.Role == conv.RoleAssistant && c.Messages[i-1].Role == conv.RoleAssistant && m.Content == c.Messages[i-1].Content {
			out = append(out, Reject{Code: "quality_repetition", Message: i, Span: clip(text), Reason: "the same reply twice"})
		}
	}
	if !sawAssistant {
		out = append(out, Reject{Code: "quality_role_order", Message: -1, Reason: "no assistant turn"})
	}
	if total < f.cfg.MinWords {
		out = append(out, Reject{Code: "quality_short_conversation", Message: -1, Reason: fmt.Sprintf("%d words in all (minimum %d)", total, f.cfg.MinWords)})
	}
	if letters > 20 && float64(latin) < 0.7*float64(letters) {
		out = append(out, Reject{Code: "quality_language", Message: -1, Reason: fmt.Sprintf("%.0f%% of letters are outside Latin script", 100-100*float64(latin)/float64(letters))})
	} else if normTotal >= 12 && float64(english) < f.cfg.MinEnglish*float64(normTotal) {
		out = append(out, Reject{Code: "quality_language", Message: -1, Reason: fmt.Sprintf("%.0f%% English function words (minimum %.0f%%): probably not English", 100*float64(english)/float64(normTotal), 100*f.cfg.MinEnglish)})
	}
	if last := lastAssistant(c); last >= 0 {
		if w, ok := truncated(c.Messages[last].Content); ok {
			out = append(out, Reject{Code: "quality_truncated", Message: last, Span: w, Reason: "the last reply stops mid-sentence"})
		}
	}
	return out
}

func lastAssistant(c *conv.Conversation) int {
	for i := len(c.Messages) - 1; i >= 0; i-- {
		if c.Messages[i].Role == conv.RoleAssistant {
			return i
		}
	}
	return -1
}

// truncated reports a reply that ends without closing punctuation on a
// word no sentence ends with, or on a comma, colon or dash.
func truncated(text string) (string, bool) {
	t := strings.TrimSpace(text)
	if t == "" {
		return "", false
	}
	switch t[len(t)-1] {
	case ',', ':', ';', '-', '(':
		return tail(t), true
	}
	last := t[strings.LastIndexAny(t, " \n\t")+1:]
	if last != "" && unicode.IsLetter(rune(last[len(last)-1])) && truncEnds[strings.ToLower(last)] {
		return tail(t), true
	}
	return "", false
}

func tail(t string) string {
	if len(t) > 40 {
		i := len(t) - 40
		for i < len(t) && t[i]&0xC0 == 0x80 {
			i++
		}
		return "…" + t[i:]
	}
	return t
}

func clip(t string) string {
	if len(t) > 80 {
		i := 80
		for i > 0 && t[i]&0xC0 == 0x80 {
			i--
		}
		return t[:i] + "…"
	}
	return t
}

// repeated reports a turn whose word trigrams are mostly repeats, or that
// has one word five times in a row. hs are the turn's normalised word
// hashes; spans are reported from its white-space fields (the two may
// differ in length around punctuation-only tokens). seen is scratch.
func repeated(text string, hs []uint64, maxShare float64, seen map[uint64]struct{}) (string, bool) {
	run := 1
	for i := 1; i < len(hs); i++ {
		if hs[i] == hs[i-1] {
			run++
			if run >= 5 {
				ws := strings.Fields(text)
				j := min(i, len(ws)-1)
				return strings.Join(ws[max(j-4, 0):j+1], " "), true
			}
		} else {
			run = 1
		}
	}
	if len(hs) < 24 {
		return "", false
	}
	clear(seen)
	dup, first := 0, -1
	for i := 0; i+3 <= len(hs); i++ {
		k := (hs[i]*fnvPrime^hs[i+1])*fnvPrime ^ hs[i+2]
		if _, ok := seen[k]; ok {
			if dup == 0 {
				first = i
			}
			dup++
		}
		seen[k] = struct{}{}
	}
	if float64(dup) > maxShare*float64(len(hs)-2) {
		ws := strings.Fields(text)
		j := min(first, max(len(ws)-3, 0))
		return strings.Join(ws[j:min(j+3, len(ws))], " "), true
	}
	return "", false
}

// qualityBufs is a Check call's scratch, recycled across calls.
type qualityBufs struct {
	hs   []uint64
	seen map[uint64]struct{}
}

var qualityScratch = sync.Pool{New: func() any { return &qualityBufs{seen: map[uint64]struct{}{}} }}

// countFields is len(strings.Fields(s)) without the slice.
func countFields(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); {
		c := s[i]
		sp, w := asciiSpace[c] != 0, 1
		if c >= utf8.RuneSelf {
			var r rune
			r, w = utf8.DecodeRuneInString(s[i:])
			sp = unicode.IsSpace(r)
		}
		if !sp && !in {
			n++
		}
		in = !sp
		i += w
	}
	return n
}

var asciiSpace = [256]uint8{'\t': 1, '\n': 1, '\v': 1, '\f': 1, '\r': 1, ' ': 1}
