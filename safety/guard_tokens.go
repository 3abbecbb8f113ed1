// The guard's tokeniser: tokenize (normalize.go) with its working memory
// reused. tokenize allocates a token slice per call and a one-word slice per
// word; the guard tokenises every sentence of every reply, so here tokens go
// into the scratch's buffer and each raw word's normal form is remembered in
// a per-scratch memo (normWord depends on the word alone). Both run the one
// loop, tokenizeInto; TestGuardTokensMatchTokenize and FuzzGuardTokens
// check that the memo changes nothing.
package safety

import (
	"strings"
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
	sc.toks = tokenizeInto(sc.toks[:0], text, sc.normWord)
	return sc.toks
}
