// A tiny phrase-pattern language over normalised tokens, compiled once and
// matched with a first-word index so a message costs a few map look-ups per
// token rather than one regular expression per rule.
//
// Syntax (words are separated by spaces):
//
//	a|b|c      one word out of several
//	x?         an optional element (x may be "a|b")
//	suicid*    a word prefix
//	~3         skip up to three words (within the sentence)
//	#          any number ("took # pills")
//	#many      a number of eight or more
//	a b | c d  phrase alternatives (a pipe with spaces either side)
//	[p q | r]  a group of phrase alternatives, expanded at compile time
//	@name      a macro from the macros table, substituted before parsing
//
// The one trap: "a|b c" means (a or b) followed by c, never "a" or "b c".
// Multi-word alternatives always need " | " or a [ … ] group:
// "[ passed out | fainted ] ~3 okay", not "fainted|passed out ~3 okay".
package safety

import (
	"fmt"
	"strconv"
	"strings"
)

type elem struct {
	words  []string // exact words
	prefix []string // word prefixes (written "word*")
	opt    bool
	gap    int // >0: skip 0..gap tokens; words unused
	// set holds words when there are many (a concept class such as @drug
	// expands to dozens): a map look-up instead of a scan.
	set          map[string]bool
	anyNum, many bool // "#" or "#many" is among the words
}

func (e *elem) matches(w string) bool {
	if e.set != nil {
		if e.set[w] || e.anyNum && isNumber(w) || e.many && isMany(w) {
			return true
		}
	} else {
		for _, x := range e.words {
			if x == w || x == "#" && isNumber(w) || x == "#many" && isMany(w) {
				return true
			}
		}
	}
	for _, p := range e.prefix {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// isMany reports whether w is a number of eight or more ("#many"): "took
// 30 paracetamol" is an overdose, "took 2 paracetamol" is not.
func isMany(w string) bool {
	if !isNumber(w) {
		return false
	}
	return len(w) > 1 || w[0] >= '8'
}

// isNumber reports whether w is all digits (matched by the word "#").
func isNumber(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// seq is one expanded pattern.
type seq struct {
	elems []elem
	rule  *rule
	crule *crule
}

// matchAt tries seq at token i; it returns the end index (exclusive) or -1.
func (s *seq) matchAt(toks []token, i int) int {
	return matchElems(s.elems, toks, i, toks[i].sent)
}

func matchElems(es []elem, toks []token, i, sent int) int {
	if len(es) == 0 {
		return i
	}
	e := &es[0]
	if e.gap > 0 {
		for k := 0; k <= e.gap && i+k <= len(toks); k++ {
			if i+k < len(toks) && toks[i+k].sent != sent {
				break
			}
			if end := matchElems(es[1:], toks, i+k, sent); end >= 0 {
				return end
			}
		}
		return -1
	}
	if i < len(toks) && toks[i].sent == sent && e.matches(toks[i].w) {
		if end := matchElems(es[1:], toks, i+1, sent); end >= 0 {
			return end
		}
	}
	if e.opt {
		return matchElems(es[1:], toks, i, sent)
	}
	return -1
}

// compilePattern expands macros and groups and returns the flat sequences.
func compilePattern(p string, macros map[string]string) ([][]elem, error) {
	for range 4 { // macros may use macros
		if !strings.Contains(p, "@") {
			break
		}
		var b strings.Builder
		for _, f := range strings.Fields(p) {
			lead := ""
			for strings.HasPrefix(f, "[") {
				lead += "["
				f = f[1:]
			}
			b.WriteString(lead)
			if name, ok := strings.CutPrefix(strings.TrimRight(f, "?]"), "@"); ok {
				body, found := macros[name]
				if !found {
					return nil, fmt.Errorf("pattern %q: unknown macro @%s", p, name)
				}
				suffix := f[len(name)+1:]
				opt := strings.HasPrefix(suffix, "?")
				if opt {
					suffix = suffix[1:]
				}
				b.WriteString("[ " + body + " ]")
				if opt {
					b.WriteString("?")
				}
				b.WriteString(suffix + " ")
				continue
			}
			if strings.Contains(f, "@") {
				return nil, fmt.Errorf("pattern %q: macro inside a word: %q", p, f)
			}
			b.WriteString(f + " ")
		}
		p = b.String()
	}
	alts, err := expand("[" + p + "]")
	if err != nil {
		return nil, fmt.Errorf("pattern %q: %w", p, err)
	}
	var out [][]elem
	for _, a := range alts {
		var es []elem
		for _, f := range strings.Fields(a) {
			e, err := parseElem(f)
			if err != nil {
				return nil, fmt.Errorf("pattern %q: %w", p, err)
			}
			es = append(es, e)
		}
		// A pattern must begin with a required word so it can be indexed.
		for len(es) > 0 && (es[0].opt || es[0].gap > 0) {
			if es[0].opt {
				rest := append([]elem(nil), es[1:]...)
				first := es[0]
				first.opt = false
				out = append(out, rest) // variant without the optional word
				es = append([]elem{first}, es[1:]...)
				continue
			}
			es = es[1:]
		}
		if len(es) == 0 {
			return nil, fmt.Errorf("pattern %q: empty alternative", p)
		}
		out = append(out, es)
	}
	// Variants produced by dropping a leading optional may themselves begin
	// with an optional or gap; normalise them.
	var clean [][]elem
	for _, es := range out {
		for len(es) > 0 && es[0].gap > 0 {
			es = es[1:]
		}
		if len(es) == 0 {
			continue
		}
		if es[0].opt {
			es0 := append([]elem(nil), es...)
			es0[0].opt = false
			clean = append(clean, es0, es[1:])
			continue
		}
		clean = append(clean, es)
	}
	return clean, nil
}

func parseElem(f string) (elem, error) {
	if n, ok := strings.CutPrefix(f, "~"); ok {
		k, err := strconv.Atoi(n)
		if err != nil || k <= 0 {
			return elem{}, fmt.Errorf("bad gap %q", f)
		}
		return elem{gap: k}, nil
	}
	var e elem
	if s, ok := strings.CutSuffix(f, "?"); ok {
		e.opt = true
		f = s
	}
	for _, w := range strings.Split(f, "|") {
		if w == "" {
			return elem{}, fmt.Errorf("empty alternative in %q", f)
		}
		if p, ok := strings.CutSuffix(w, "*"); ok {
			e.prefix = append(e.prefix, p)
		} else {
			e.words = append(e.words, w)
		}
	}
	if len(e.words) > 6 {
		e.set = make(map[string]bool, len(e.words))
		for _, w := range e.words {
			e.set[w] = true
			e.anyNum = e.anyNum || w == "#"
			e.many = e.many || w == "#many"
		}
	}
	return e, nil
}

// expand rewrites "[a b|c] d" groups into plain alternatives.
func expand(p string) ([]string, error) {
	open := strings.IndexByte(p, '[')
	if open < 0 {
		if strings.IndexByte(p, ']') >= 0 {
			return nil, fmt.Errorf("unbalanced ]")
		}
		return []string{p}, nil
	}
	depth, close := 0, -1
	for i := open; i < len(p); i++ {
		if p[i] == '[' {
			depth++
		} else if p[i] == ']' {
			depth--
			if depth == 0 {
				close = i
				break
			}
		}
	}
	if close < 0 {
		return nil, fmt.Errorf("unbalanced [")
	}
	inner := p[open+1 : close]
	rest := p[close+1:]
	opt := strings.HasPrefix(rest, "?")
	if opt {
		rest = rest[1:]
	}
	// Phrase alternatives are separated by " | " (a pipe with spaces);
	// a bare "a|b" inside a phrase is a one-word alternation.
	var parts []string
	depth = 0
	last := 0
	for i := 0; i < len(inner); i++ {
		switch inner[i] {
		case '[':
			depth++
		case ']':
			depth--
		case '|':
			if depth == 0 && i > 0 && i+1 < len(inner) && inner[i-1] == ' ' && inner[i+1] == ' ' {
				parts = append(parts, inner[last:i])
				last = i + 1
			}
		}
	}
	parts = append(parts, inner[last:])
	if opt {
		parts = append(parts, "")
	}
	var out []string
	for _, part := range parts {
		subs, err := expand(p[:open] + " " + part + " " + rest)
		if err != nil {
			return nil, err
		}
		out = append(out, subs...)
	}
	return out, nil
}
