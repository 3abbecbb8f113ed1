// The guard's tokeniser: tokenize (normalize.go) with its working memory
// reused. tokenize allocates a token slice per call and a one-word slice per
// word; the guard tokenises every sentence of every reply, so here tokens go
// into the scratch's buffer and each raw word's normal form is remembered in
// a per-scratch memo (normWord depends on the word alone). The loop below
// must stay a copy of tokenize's: TestGuardTokensMatchTokenize and
// FuzzGuardTokens compare the two on every suite text and on random input,
// so a change to tokenize that is not copied here fails them.
package safety

import (
	"strings"
	"unicode/utf8"
)

// memoLimit bounds the memo; past it the memo starts again.
const memoLimit = 1 << 14

// normWord is normWord through the memo.
func (sc *scanScratch) normWord(raw string) []string {
	if ws, ok := sc.memo[raw]; ok {
		return ws
	}
	ws := normWord(raw)
	if sc.memo == nil || len(sc.memo) >= memoLimit {
		sc.memo = make(map[string][]string, 1024)
	}
	sc.memo[strings.Clone(raw)] = ws
	return ws
}

// tokenize is tokenize(text) into sc.toks; the result is valid until the
// next call.
func (sc *scanScratch) tokenize(text string) []token {
	toks := sc.toks[:0]
	sent, clause := 0, 0
	quoted := false
	sentStart := 0
	i := 0
	for i < len(text) {
		r, sz := utf8.DecodeRuneInString(text[i:])
		if isWordRune(r) || ((r == '@' || r == '$' || r == '!') && i+sz < len(text) && isLetterAt(text, i+sz) && i > 0 && isLetterBefore(text, i)) {
			j := i
			for j < len(text) {
				r2, sz2 := utf8.DecodeRuneInString(text[j:])
				if isWordRune(r2) || r2 == '\'' || r2 == '’' || ((r2 == '@' || r2 == '$' || r2 == '!') && j+sz2 < len(text) && isLetterAt(text, j+sz2)) {
					j += sz2
					continue
				}
				break
			}
			ws := sc.normWord(text[i:j])
			for _, w := range ws {
				if w == "2" && len(toks) > 0 && toVerbs[toks[len(toks)-1].w] {
					w = "to"
				}
				toks = append(toks, token{w: w, start: i, end: j, sent: sent, clause: clause, quoted: quoted, expanded: len(ws) > 1 && slang[strings.ToLower(text[i:j])]})
			}
			i = j
			continue
		}
		if r == '.' && len(toks) > 0 && toks[len(toks)-1].end == i && abbreviations[toks[len(toks)-1].w] {
			i += sz
			continue
		}
		switch r {
		case '.', '!', '?', ';', '\n':
			if r == '?' {
				for k := sentStart; k < len(toks); k++ {
					toks[k].question = true
				}
			}
			if len(toks) > sentStart || r == '\n' {
				sent++
				clause++
				sentStart = len(toks)
			}
		case ',', ':', '(', ')', '–', '—':
			clause++
		case '"', '“', '”':
			quoted = !quoted
			if r == '“' {
				quoted = true
			} else if r == '”' {
				quoted = false
			}
		}
		i += sz
	}
	// "my self" is a common spelling of "myself" ("killed my self").
	for k := 0; k+1 < len(toks); k++ {
		if toks[k].w == "my" && toks[k+1].w == "self" && toks[k].sent == toks[k+1].sent {
			toks[k].w, toks[k].end = "myself", toks[k+1].end
			toks = append(toks[:k+1], toks[k+2:]...)
		}
	}
	// "but" starts a new clause: negation before it does not reach after it.
	for k := range toks {
		if toks[k].w == "but" || toks[k].w == "though" || toks[k].w == "although" {
			for m := k; m < len(toks) && toks[m].sent == toks[k].sent; m++ {
				toks[m].clause += 1000
			}
		}
	}
	sc.toks = toks
	return toks
}
