// The small template language the building blocks are written in, and the
// text clean-up applied to every generated message.
//
// A template is plain text with braces: {name} is replaced by a slot value
// (the topic, a feeling, the locale's word for a family doctor, ...), and
// {a|b|c} picks one alternative with the record's random source.
// Alternatives may contain slots and further alternatives. Writing variation
// inline keeps each building block readable while multiplying the distinct
// sentences the generator can produce.
package seed

import (
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"
)

// slots holds the values a template may refer to by name. Lookups only, so
// map iteration order never reaches the output.
type slots map[string]string

// expand fills tmpl. An unknown slot is left as "{name}" so tests that scan
// the output for braces catch it.
func expand(r *rand.Rand, tmpl string, s slots) string {
	if !strings.Contains(tmpl, "{") {
		return tmpl
	}
	var b strings.Builder
	expandInto(&b, r, tmpl, s)
	return b.String()
}

func expandInto(b *strings.Builder, r *rand.Rand, tmpl string, s slots) {
	for i := 0; i < len(tmpl); {
		c := tmpl[i]
		if c != '{' {
			b.WriteByte(c)
			i++
			continue
		}
		end := matchBrace(tmpl, i)
		if end < 0 { // unbalanced: emit the rest verbatim
			b.WriteString(tmpl[i:])
			return
		}
		inner := tmpl[i+1 : end]
		if alts := splitTop(inner); len(alts) > 1 {
			expandInto(b, r, alts[r.IntN(len(alts))], s)
		} else if v, ok := s[inner]; ok {
			expandInto(b, r, v, s)
		} else {
			b.WriteString(tmpl[i : end+1])
		}
		i = end + 1
	}
}

// matchBrace returns the index of the '}' closing the '{' at open, or -1.
func matchBrace(t string, open int) int {
	depth := 0
	for i := open; i < len(t); i++ {
		switch t[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// splitTop splits s on '|' characters that are not inside nested braces.
func splitTop(s string) []string {
	var parts []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			depth--
		case '|':
			if depth == 0 {
				parts = append(parts, s[start:i])
				start = i + 1
			}
		}
	}
	return append(parts, s[start:])
}

// pick returns one element of xs.
func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// pickN returns n distinct elements of xs (fewer if xs is shorter), in a
// random order, without modifying xs.
func pickN[T any](r *rand.Rand, xs []T, n int) []T {
	if n > len(xs) {
		n = len(xs)
	}
	idx := r.Perm(len(xs))[:n]
	out := make([]T, n)
	for i, j := range idx {
		out[i] = xs[j]
	}
	return out
}

// chance reports true with probability p.
func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }

// tidy joins sentences into one message: collapses spaces, fixes spacing
// before punctuation and capitalises the start of every sentence.
func tidy(parts ...string) string {
	var b strings.Builder
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(p)
	}
	s := strings.Join(strings.Fields(b.String()), " ")
	s = strings.NewReplacer(" ,", ",", " .", ".", " ?", "?", " !", "!", "..", ".", ",.", ".").Replace(s)
	return capSentences(s)
}

// capSentences upper-cases the first letter of the text and of every
// sentence that follows ". ", "? " or "! ".
func capSentences(s string) string {
	out := []byte(s)
	start := true
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if start && unicode.IsLetter(r) {
			if up := unicode.ToUpper(r); up != r && n == 1 {
				out[i] = byte(up)
			}
			start = false
		} else if start && !unicode.IsSpace(r) && r != '"' && r != '\'' && r != '(' {
			start = false
		}
		if (r == '.' || r == '?' || r == '!') && i+1 < len(s) && s[i+1] == ' ' {
			start = true
		}
		i += n
	}
	return string(out)
}

// youWords turns a first-person account into the second person, so the
// listener can restate what the user said. The situations are written to
// avoid the words this cannot handle ("we", "us", "our", "you").
var youWords = map[string]string{
	"i": "you", "i'm": "you're", "i've": "you've", "i'd": "you'd", "i'll": "you'll",
	"me": "you", "my": "your", "mine": "yours", "myself": "yourself",
}

// youify rewrites s from the speaker's first person into the second person.
func youify(s string) string {
	words := strings.Split(s, " ")
	prevI := false
	for i, w := range words {
		core, pre, post := trimPunct(w)
		lower := strings.ToLower(core)
		switch {
		case prevI && lower == "am":
			core = "are"
		case prevI && lower == "was":
			core = "were"
		case prevI && lower == "wasn't":
			core = "weren't"
		case youWords[lower] != "":
			core = youWords[lower]
		}
		prevI = lower == "i"
		words[i] = pre + core + post
	}
	return strings.Join(words, " ")
}

func trimPunct(w string) (core, pre, post string) {
	start, end := 0, len(w)
	for start < end && strings.ContainsRune("\"'(", rune(w[start])) {
		start++
	}
	for end > start && strings.ContainsRune(".,;:!?\")", rune(w[end-1])) {
		end--
	}
	return w[start:end], w[:start], w[end:]
}

// lowerFirst lower-cases the first letter, for splicing a sentence into
// another ("So your manager ...").
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == 'I' && (len(s) == 1 || s[1] == ' ' || s[1] == '\'') {
		return s
	}
	for _, proper := range properNouns {
		if strings.HasPrefix(s, proper+" ") {
			return s
		}
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// properNouns keep their capital when a sentence starting with them is
// spliced into another.
var properNouns = []string{"Christmas", "Gran's", "Sunday", "Monday", "Instagram"}

// trimEnd removes a final full stop so a sentence can be continued.
func trimEnd(s string) string { return strings.TrimRight(strings.TrimSpace(s), ".") }
