// Pre-tokenization: cutting normalized text into the words that BPE merges
// within. The GPT-2, Llama-3 and Qwen2 split regexes use a negative lookahead
// (`\s+(?!\S)`) that Go's regexp lacks, so each family has a hand-written
// scanner that returns exactly the matches Oniguruma (used by Hugging Face
// tokenizers) returns; the golden tests compare them on tricky and random text.
// Other lookahead-free patterns fall back to Go's regexp.
package tokenizer

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The split patterns of the three families, exactly as they appear in
// tokenizer.json files (GPT-2's is also built into the ByteLevel step).
const (
	PatternGPT2   = `'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+`
	PatternLlama3 = `(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+`
	PatternQwen2  = `(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+`
)

type charClass uint8

const (
	clsOther charClass = iota
	clsLetter
	clsNumber
	clsSpace
)

var asciiClass = func() (t [utf8.RuneSelf]charClass) {
	for r := rune(0); r < utf8.RuneSelf; r++ {
		t[r] = slowClass(r)
	}
	return t
}()

// slowClass follows Oniguruma's Unicode classes: \s is the White_Space
// property (which unicode.IsSpace implements), \p{L} and \p{N} the categories.
func slowClass(r rune) charClass {
	switch {
	case unicode.IsLetter(r):
		return clsLetter
	case unicode.IsNumber(r):
		return clsNumber
	case unicode.IsSpace(r):
		return clsSpace
	}
	return clsOther
}

func runeAt(s string, i int) (rune, charClass, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), asciiClass[c], 1
	}
	r, w := utf8.DecodeRuneInString(s[i:])
	return r, slowClass(r), w
}

// runEnd returns the end of the run of class c starting at i.
func runEnd(s string, i int, c charClass) int {
	for i < len(s) {
		_, c2, w := runeAt(s, i)
		if c2 != c {
			break
		}
		i += w
	}
	return i
}

// contraction returns the length of 's 't 're 've 'm 'll 'd at the start of
// s (which begins after the apostrophe), or 0. With fold, letters match
// case-insensitively, including U+017F LATIN SMALL LETTER LONG S for s as
// Unicode case folding does.
func contraction(s string, fold bool) int {
	at := func(i int, want byte) int {
		if i >= len(s) {
			return 0
		}
		c := s[i]
		if c == want || (fold && c == want-'a'+'A') {
			return 1
		}
		if fold && want == 's' && strings.HasPrefix(s[i:], "\u017f") {
			return 2
		}
		return 0
	}
	for _, alt := range [...]string{"s", "t", "re", "ve", "m", "ll", "d"} {
		n := 0
		for k := 0; k < len(alt); k++ {
			w := at(n, alt[k])
			if w == 0 {
				n = -1
				break
			}
			n += w
		}
		if n > 0 {
			return n
		}
	}
	return 0
}

// whitespaceTail handles `\s+(?!\S)|\s+` for the whitespace run [i, j).
func whitespaceTail(s string, i, j int) int {
	if j == len(s) {
		return j
	}
	_, lw := utf8.DecodeLastRuneInString(s[i:j])
	if j-lw > i {
		return j - lw
	}
	return j
}

// nextGPT2 returns the end of the GPT-2 pattern's match starting at i.
func nextGPT2(s string, i int) int {
	r, c, w := runeAt(s, i)
	if r == '\'' {
		if n := contraction(s[i+1:], false); n > 0 {
			return i + 1 + n
		}
	}
	if r == ' ' && i+w < len(s) {
		if _, c2, w2 := runeAt(s, i+w); c2 != clsSpace {
			return runEnd(s, i+w+w2, c2)
		}
	}
	if c != clsSpace {
		return runEnd(s, i+w, c)
	}
	return whitespaceTail(s, i, runEnd(s, i+w, clsSpace))
}

// nextLlama returns the end of the Llama-3 (maxDigits 3) or Qwen2
// (maxDigits 1) pattern's match starting at i.
func nextLlama(s string, i, maxDigits int) int {
	r, c, w := runeAt(s, i)
	if r == '\'' {
		if n := contraction(s[i+1:], true); n > 0 {
			return i + 1 + n
		}
	}
	// [^\r\n\p{L}\p{N}]?\p{L}+
	if c == clsLetter {
		return runEnd(s, i+w, clsLetter)
	}
	if c != clsNumber && r != '\r' && r != '\n' && i+w < len(s) {
		if _, c2, w2 := runeAt(s, i+w); c2 == clsLetter {
			return runEnd(s, i+w+w2, clsLetter)
		}
	}
	// \p{N}{1,maxDigits}
	if c == clsNumber {
		j := i + w
		for n := 1; n < maxDigits && j < len(s); n++ {
			_, c2, w2 := runeAt(s, j)
			if c2 != clsNumber {
				break
			}
			j += w2
		}
		return j
	}
	// ` ?[^\s\p{L}\p{N}]+[\r\n]*`
	crlf := func(j int) int {
		for j < len(s) && (s[j] == '\r' || s[j] == '\n') {
			j++
		}
		return j
	}
	if r == ' ' && i+w < len(s) {
		if _, c2, w2 := runeAt(s, i+w); c2 == clsOther {
			return crlf(runEnd(s, i+w+w2, clsOther))
		}
	}
	if c == clsOther {
		return crlf(runEnd(s, i+w, clsOther))
	}
	// \s*[\r\n]+ ends after the run's last line break (backtracking from the
	// greedy \s* finds it first); \r and \n are ASCII, so scanning bytes
	// backwards cannot land inside a multi-byte character.
	j := runEnd(s, i+w, clsSpace)
	for k := j - 1; k >= i; k-- {
		if s[k] == '\r' || s[k] == '\n' {
			return k + 1
		}
	}
	return whitespaceTail(s, i, j)
}

// nextMatch returns the end of the family's match starting at i.
func nextMatch(family int, s string, i int) int {
	switch family {
	case 1:
		return nextGPT2(s, i)
	case 2:
		return nextLlama(s, i, 1)
	}
	return nextLlama(s, i, 3)
}

// Split behaviours, named as in tokenizer.json.
const (
	behaviorIsolated           = "Isolated"
	behaviorRemoved            = "Removed"
	behaviorMergedWithPrevious = "MergedWithPrevious"
	behaviorMergedWithNext     = "MergedWithNext"
	behaviorContiguous         = "Contiguous"
)

// splitter cuts a piece by a pattern. family is 1 (GPT-2), 3 (Llama-3) or
// 2 (Qwen2) for the hand-written scanners; otherwise re or literal is used.
type splitter struct {
	family   int
	re       *regexp.Regexp
	literal  string
	behavior string
	invert   bool
}

func newRegexSplitter(pattern, behavior string, invert bool) (*splitter, error) {
	sp := &splitter{behavior: behavior, invert: invert}
	switch pattern {
	case PatternGPT2:
		sp.family = 1
	case PatternQwen2:
		sp.family = 2
	case PatternLlama3:
		sp.family = 3
	default:
		if strings.Contains(pattern, "(?!") || strings.Contains(pattern, "(?=") || strings.Contains(pattern, "(?<") {
			return nil, fmt.Errorf("split regex %q uses lookaround, which only the GPT-2, Llama-3 and Qwen2 patterns support: %w", pattern, ErrUnsupported)
		}
		re, err := regexp.Compile(pattern)
		if err != nil {
			return nil, fmt.Errorf("split regex %q: %w", pattern, err)
		}
		sp.re = re
	}
	return sp, checkBehavior(behavior)
}

func checkBehavior(b string) error {
	switch b {
	case behaviorIsolated, behaviorRemoved, behaviorMergedWithPrevious, behaviorMergedWithNext, behaviorContiguous:
		return nil
	}
	return fmt.Errorf("unknown split behavior %q", b)
}

// matches appends the [start, end) pairs of the pattern's matches in s.
func (sp *splitter) matches(s string, dst [][2]int) [][2]int {
	switch {
	case sp.family != 0:
		for i := 0; i < len(s); {
			j := nextMatch(sp.family, s, i)
			dst = append(dst, [2]int{i, j})
			i = j
		}
	case sp.re != nil:
		for _, m := range sp.re.FindAllStringIndex(s, -1) {
			if m[1] > m[0] {
				dst = append(dst, [2]int{m[0], m[1]})
			}
		}
	case sp.literal != "":
		for i := 0; ; {
			k := strings.Index(s[i:], sp.literal)
			if k < 0 {
				break
			}
			dst = append(dst, [2]int{i + k, i + k + len(sp.literal)})
			i += k + len(sp.literal)
		}
	}
	return dst
}

// piece is a pre-token and its byte offset in the text being split. The
// offset is one less than the text's position when ByteLevel prepended a
// space that the text does not contain.
type piece struct {
	s   string
	off int
}

// split appends the pieces of p to dst following the behaviour, as Hugging
// Face's NormalizedString::split does.
func (sp *splitter) split(p piece, dst []piece, scratch [][2]int) ([]piece, [][2]int) {
	s := p.s
	m := sp.matches(s, scratch[:0])
	if sp.family != 0 && sp.behavior == behaviorIsolated && !sp.invert {
		for _, r := range m {
			dst = append(dst, piece{s[r[0]:r[1]], p.off + r[0]})
		}
		return dst, m
	}
	emit := func(a, b int) { dst = append(dst, piece{s[a:b], p.off + a}) }
	// Build the alternating list of (span, isMatch).
	type span struct {
		a, b  int
		match bool
	}
	var spans []span
	prev := 0
	for _, r := range m {
		if r[0] > prev {
			spans = append(spans, span{prev, r[0], false})
		}
		spans = append(spans, span{r[0], r[1], true})
		prev = r[1]
	}
	if prev < len(s) {
		spans = append(spans, span{prev, len(s), false})
	}
	if sp.invert {
		for k := range spans {
			spans[k].match = !spans[k].match
		}
	}
	switch sp.behavior {
	case behaviorIsolated:
		for _, x := range spans {
			emit(x.a, x.b)
		}
	case behaviorRemoved:
		for _, x := range spans {
			if !x.match {
				emit(x.a, x.b)
			}
		}
	case behaviorMergedWithPrevious:
		// A gap followed by a match is glued to it: "the-final" -> "the-", "final".
		start := -1
		for k, x := range spans {
			if !x.match && k+1 < len(spans) && spans[k+1].match {
				start = x.a
				continue
			}
			a := x.a
			if x.match && start >= 0 {
				a = start
			}
			start = -1
			emit(a, x.b)
		}
	case behaviorMergedWithNext:
		// A match followed by a gap is glued to it: "the-final" -> "the", "-final".
		start := -1
		for k, x := range spans {
			if x.match && k+1 < len(spans) && !spans[k+1].match {
				start = x.a
				continue
			}
			a := x.a
			if !x.match && start >= 0 {
				a = start
			}
			start = -1
			emit(a, x.b)
		}
	case behaviorContiguous:
		for k := 0; k < len(spans); {
			e := k + 1
			for spans[k].match && e < len(spans) && spans[e].match {
				e++
			}
			emit(spans[k].a, spans[e-1].b)
			k = e
		}
	}
	return dst, m
}
