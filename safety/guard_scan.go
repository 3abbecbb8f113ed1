// The guard's sentence scan, compiled for speed. Data curation runs the
// guard over every conversation, so the scan avoids per-sentence maps:
//
//   - every word the guard and misinformation patterns use gets a small
//     integer id, and a reply's tokens are looked up once;
//   - a pooled scratch keeps a "present in this sentence" stamp per word id,
//     which replaces the per-sentence word set and the seen/cancelled maps;
//   - each pattern keeps a key: the ids of its most selective required word
//     after the first (a disorder name, a drug, "lethal"). A pattern is only
//     tried when a key word is in the sentence, and a sentence with no key
//     word of any rule (most sentences of a clean reply) skips the rule scan
//     altogether.
//
// The filters are exact, not heuristic: a pattern cannot match unless each
// of its required words is in the sentence, so skipping it changes nothing.
// TestGuardScanMatchesReference checks the scan against the plain
// algorithm on every suite, and FuzzGuardScan on random text.
package safety

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
)

// scanSeq is one compiled alternative of a guard pattern, a guard
// exclusion or a misinformation claim.
type scanSeq struct {
	seq
	gr       *guardRule   // guard patterns and exclusions
	mi       *MisinfoRule // misinformation claims
	ri       int          // index into GuardRules (guard only)
	notIf    map[string]bool
	notIfIDs []int32
	lit      map[string]bool
	// keys are the word ids of up to three of the most selective
	// required elements after the first: the pattern is tried only when
	// each has a word in the sentence. key is the first of them.
	keys [][]int32
	key  []int32
	more [][]int32 // keys[1:]
}

// scanLex is the compiled guard and misinformation lexicon.
type scanLex struct {
	vocab   map[string]int32
	rules   liveIndex // guard patterns
	excl    liveIndex // guard exclusions
	misinfo liveIndex // misinformation claims
}

// liveIndex holds patterns by the id of their first word. Expansions of
// one pattern sit next to each other and usually share their key, so runs
// of entries with the same key are skipped in one step when it is absent.
type liveIndex struct {
	lists [][]*scanSeq // by first word id
	skip  [][]int32    // per list position: end of the run with the same key
}

func (li *liveIndex) build() {
	li.skip = make([][]int32, len(li.lists))
	for w, list := range li.lists {
		sk := make([]int32, len(list))
		for p := len(list) - 1; p >= 0; p-- {
			sk[p] = int32(p + 1)
			if p+1 < len(list) && slices.Equal(list[p].key, list[p+1].key) {
				sk[p] = sk[p+1]
			}
		}
		li.skip[w] = sk
	}
}

// ruleIndex maps a guard rule name to its position in GuardRules.
var ruleIndex = func() map[string]int {
	m := make(map[string]int, len(GuardRules))
	for i, r := range GuardRules {
		m[r] = i
	}
	return m
}()

// commonWords are too frequent to make a good key: a pattern keyed on
// "you" would be tried in nearly every sentence.
var commonWords = set("i", "you", "your", "yourself", "me", "my", "we", "they", "them", "he", "she", "it", "is", "are", "am", "was",
	"be", "been", "the", "a", "an", "to", "of", "and", "or", "that", "this", "not", "do", "does", "can", "will", "would",
	"could", "should", "have", "has", "had", "just", "so", "if", "what", "how", "for", "in", "on", "with", "at", "as",
	"about", "all", "more", "some", "one", "get", "go", "feel", "like", "know", "think", "really", "there", "up", "out",
	"no", "any", "when", "people", "way", "make", "help", "talk", "want", "need", "sounds", "seems", "may", "might",
	"from", "by", "but", "here", "now", "right", "time", "take", "try", "off", "then", "than", "too", "very", "much",
	"good", "okay", "fine", "it", "its", "who", "why", "where", "let", "say", "said", "see", "look", "things", "thing",
	"going", "been", "being", "got", "had", "did", "done", "doing", "well", "many", "still", "even", "also", "because",
	"into", "over", "after", "before", "other", "others", "day", "days", "week", "night", "life", "lot", "bit", "little",
	"hard", "someone", "anyone", "something", "anything", "everything", "nothing", "part", "mean", "means", "give",
	"keep", "tell", "find", "come", "back", "never", "ever", "always", "again", "only", "kind", "sure", "away", "down",
	"their", "our", "us", "his", "her", "him", "these", "those", "which", "while", "until", "through", "each", "every")

var scanCompiled = sync.OnceValues(func() (*scanLex, error) {
	lx := &scanLex{vocab: map[string]int32{}}
	id := func(w string) int32 {
		if n, ok := lx.vocab[w]; ok {
			return n
		}
		n := int32(len(lx.vocab))
		lx.vocab[w] = n
		return n
	}
	type entry struct {
		s     *scanSeq
		first []string
		to    *[][]*scanSeq
	}
	var entries []entry
	var errs []string
	for i := range allGuardRules {
		gr := &allGuardRules[i]
		pat, macros := gr.r.pat, guardMacros
		if gr.compact {
			pat, macros = compactGroups(pat), misinfoCompiledMacros
		}
		alts, err := compilePattern(pat, macros)
		if err != nil {
			errs = append(errs, fmt.Sprintf("%s: %v", gr.r.id, err))
			continue
		}
		notIf := map[string]bool{}
		for _, w := range splitBar(gr.notIf) {
			if name, ok := strings.CutPrefix(w, "@"); ok {
				for _, x := range splitBar(guardMacros[name]) {
					notIf[strings.TrimSpace(x)] = true
				}
				continue
			}
			notIf[w] = true
		}
		lit := litWords(alts)
		ri, ok := ruleIndex[gr.rule]
		if !ok {
			errs = append(errs, fmt.Sprintf("%s: unknown rule %q", gr.r.id, gr.rule))
			continue
		}
		for _, es := range alts {
			if err := checkWords(es); err != nil {
				errs = append(errs, fmt.Sprintf("%s: %v", gr.r.id, err))
				continue
			}
			s := &scanSeq{seq: seq{elems: es, rule: &gr.r}, gr: gr, ri: ri, notIf: notIf, lit: lit}
			e := entry{s: s, first: es[0].words, to: &lx.rules.lists}
			if gr.r.kind == kExclude {
				e.to = &lx.excl.lists
			}
			entries = append(entries, e)
		}
	}
	for i := range misinfoAll {
		m := &misinfoAll[i]
		alts, err := compilePattern(compactGroups(m.pat), misinfoCompiledMacros)
		if err != nil {
			errs = append(errs, fmt.Sprintf("misinformation rule %s: %v", m.ID, err))
			continue
		}
		r := &rule{id: m.ID}
		notIf := set(splitBar(m.notIf)...)
		for _, es := range alts {
			// A claim's own words are exempt from its notIf list only in
			// the alternative that spells them: "not" in "adhd is not
			// real" must not also excuse "adhd is not made up".
			lit := litWords([][]elem{es})
			if err := checkWords(es); err != nil {
				errs = append(errs, fmt.Sprintf("misinformation rule %s: %v", m.ID, err))
				continue
			}
			s := &scanSeq{seq: seq{elems: es, rule: r, crule: &crule{rule: r}}, mi: m, notIf: notIf, lit: lit}
			entries = append(entries, entry{s: s, first: es[0].words, to: &lx.misinfo.lists})
		}
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("guard lexicon: %s", strings.Join(errs, "; "))
	}
	// Ids for every word a pattern spells out or a notIf list names.
	for _, e := range entries {
		for _, el := range e.s.elems {
			for _, w := range el.words {
				id(w)
			}
		}
		for w := range e.s.notIf {
			id(w)
		}
	}
	n := len(lx.vocab)
	lx.rules.lists, lx.excl.lists, lx.misinfo.lists = make([][]*scanSeq, n), make([][]*scanSeq, n), make([][]*scanSeq, n)
	for _, e := range entries {
		s := e.s
		for w := range s.notIf {
			s.notIfIDs = append(s.notIfIDs, lx.vocab[w])
		}
		s.keys = keysOf(s.elems, lx.vocab, 3)
		if len(s.keys) > 0 {
			s.key, s.more = s.keys[0], s.keys[1:]
		}
		// Patterns are indexed by their first element's exact words only
		// (a leading prefix or "#" is never indexed, as before).
		for _, w := range e.first {
			wid := lx.vocab[w]
			(*e.to)[wid] = append((*e.to)[wid], s)
		}
	}
	lx.rules.build()
	lx.excl.build()
	lx.misinfo.build()
	return lx, nil
})

// keysOf picks up to n of the most selective required elements after the
// first (exact words only, no prefix or "#"), by a cost that counts common
// words heavily, cheapest first, and returns their word ids.
func keysOf(es []elem, vocab map[string]int32, n int) [][]int32 {
	type cand struct{ i, cost int }
	var cs []cand
	for i := 1; i < len(es); i++ {
		e := &es[i]
		if e.opt || e.gap > 0 || len(e.prefix) > 0 || len(e.words) == 0 {
			continue
		}
		cost := 0
		for _, w := range e.words {
			if w == "#" {
				cost = -1
				break
			}
			if commonWords[w] {
				cost += 50
			} else {
				cost++
			}
		}
		if cost >= 0 {
			cs = append(cs, cand{i, cost})
		}
	}
	sort.SliceStable(cs, func(a, b int) bool { return cs[a].cost < cs[b].cost })
	var out [][]int32
	for _, c := range cs[:min(n, len(cs))] {
		ids := make([]int32, len(es[c.i].words))
		for j, w := range es[c.i].words {
			ids[j] = vocab[w]
		}
		out = append(out, ids)
	}
	return out
}

// allKeys reports whether every key has a word in the current sentence.
func (sc *scanScratch) allKeys(keys [][]int32) bool {
	for _, k := range keys {
		if !sc.any(k) {
			return false
		}
	}
	return true
}

// scanScratch is the per-call working memory of a scan; get one from
// scratchPool and put it back when done.
type scanScratch struct {
	present []uint32 // by word id: stamp of the last sentence that had the word
	stamp   uint32
	ids     []int32 // token ids of the text being scanned
	toks    []token // tokens of the text being scanned
	memo    map[string][]string
}

var scratchPool = sync.Pool{New: func() any { return &scanScratch{} }}

func getScratch(n int) *scanScratch {
	sc := scratchPool.Get().(*scanScratch)
	if len(sc.present) < n {
		sc.present = make([]uint32, n)
		sc.stamp = 0
	}
	return sc
}

func putScratch(sc *scanScratch) { scratchPool.Put(sc) }

// tokenIDs returns the word id of every token (-1 for words no pattern
// uses), in sc.ids.
func (lx *scanLex) tokenIDs(sc *scanScratch, toks []token) []int32 {
	ids := sc.ids[:0]
	for i := range toks {
		n, ok := lx.vocab[toks[i].w]
		if !ok {
			n = -1
		}
		ids = append(ids, n)
	}
	sc.ids = ids
	return ids
}

// mark starts a new sentence and records the words present in it.
func (sc *scanScratch) mark(ids []int32) {
	sc.stamp++
	if sc.stamp == 0 { // wrapped: old stamps could alias
		clear(sc.present)
		sc.stamp = 1
	}
	for _, n := range ids {
		if n >= 0 {
			sc.present[n] = sc.stamp
		}
	}
}

// any reports whether one of ids is in the current sentence.
func (sc *scanScratch) any(ids []int32) bool {
	for _, n := range ids {
		if sc.present[n] == sc.stamp {
			return true
		}
	}
	return false
}

// matchMisinfo returns the false claims asserted in one sentence (or text)
// whose tokens are toks with ids, already marked in sc. With first it stops
// at the first claim.
func (lx *scanLex) matchMisinfo(sc *scanScratch, text string, toks []token, ids []int32, first bool) []Match {
	var out []Match
	for i, n := range ids {
		if n < 0 {
			continue
		}
		list, skip := lx.misinfo.lists[n], lx.misinfo.skip[n]
		for p := 0; p < len(list); p++ {
			s := list[p]
			if s.key != nil && !sc.any(s.key) {
				p = int(skip[p]) - 1
				continue
			}
			if !sc.allKeys(s.more) {
				continue
			}
			end := s.matchAt(toks, i)
			if end <= i || seenClaim(out, s.mi.ID) {
				continue
			}
			// A correction in the next clause does not cancel a claim
			// ("anxiety is only in your head, it can't affect your body").
			if windowHasExceptClause(toks, i, end, s.notIf, s.lit) || misinfoFramed(toks, i) {
				continue
			}
			st, en := toks[i].start, toks[end-1].end
			out = append(out, Match{Rule: s.mi.ID, Claim: s.mi.Claim, Start: st, End: en, Text: text[st:en]})
			if first {
				return out
			}
		}
	}
	return out
}

func seenClaim(ms []Match, id string) bool {
	for i := range ms {
		if ms[i].Rule == id {
			return true
		}
	}
	return false
}

// scanFlags are the conversation facts that switch guard patterns on or
// off (see guardRule).
type scanFlags struct {
	risk, medCtx, helpCtx bool
}

// checkSentence returns the sentence-rule violations in one sentence s,
// which starts at byte base of the reply. Each sentence is tokenised on its
// own, as a stream sees it (tokenising the whole reply at once would let a
// few cases reach across a sentence end: "my" and "self", "want" and "2").
func (g *Guard) checkSentence(sc *scanScratch, s string, base int, f scanFlags) []Violation {
	lx := g.lex
	toks := sc.tokenize(s)
	ids := lx.tokenIDs(sc, toks)
	sc.mark(ids)
	var out []Violation
	{
		var seen, cancelled [maxGuardRules]bool
		for i, n := range ids {
			if n < 0 {
				continue
			}
			list, skip := lx.excl.lists[n], lx.excl.skip[n]
			for p := 0; p < len(list); p++ {
				x := list[p]
				if x.key != nil && !sc.any(x.key) {
					p = int(skip[p]) - 1
					continue
				}
				// An exclusion's notIf words keep the rule live ("you do not
				// have to do it alone" is support; with "pills" it is not).
				if cancelled[x.ri] || !sc.allKeys(x.more) {
					continue
				}
				if x.matchAt(toks, i) > i && !sc.any(x.notIfIDs) {
					cancelled[x.ri] = true
				}
			}
		}
		for i, n := range ids {
			if n < 0 {
				continue
			}
			list, skip := lx.rules.lists[n], lx.rules.skip[n]
			for p := 0; p < len(list); p++ {
				x := list[p]
				if x.key != nil && !sc.any(x.key) {
					p = int(skip[p]) - 1
					continue
				}
				r := x.ri
				if seen[r] || cancelled[r] || g.acts[r] == ActionOff || x.gr.ctx && !f.risk || x.gr.medCtx && !f.medCtx || x.gr.choice && f.helpCtx {
					continue
				}
				if !sc.allKeys(x.more) {
					continue
				}
				end := x.matchAt(toks, i)
				if end <= i {
					continue
				}
				// Broad context patterns look at the whole sentence for a
				// safety frame; the others only near the match.
				sentenceWide := (x.gr.ctx || x.gr.rule == RuleMedication || x.gr.rule == RuleEncouragesHarm) && !x.gr.near
				if sentenceWide && sc.any(x.notIfIDs) || !sentenceWide && x.nearNotIf(toks, i, end) {
					continue
				}
				seen[r] = true
				st, en := toks[i].start, toks[end-1].end
				out = append(out, Violation{Rule: x.gr.rule, Pattern: x.rule.id, Span: Span{Start: base + st, End: base + en, Text: s[st:en], Rule: x.rule.id}, Sentence: strings.TrimSpace(s), Action: g.acts[r]})
			}
		}
	}
	if a := g.acts[ruleIndex[RuleMisinformation]]; a != ActionOff {
		for _, m := range lx.matchMisinfo(sc, s, toks, ids, true) {
			out = append(out, Violation{Rule: RuleMisinformation, Pattern: m.Rule, Span: Span{Start: base + m.Start, End: base + m.End, Text: m.Text, Rule: m.Rule}, Sentence: strings.TrimSpace(s), Action: a})
		}
	}
	if a := g.acts[ruleIndex[RuleUnverifiedLink]]; len(g.allow) > 0 && a != ActionOff && mayHaveURL(s) {
		for _, u := range findURLs(s) {
			if !g.allowed(s[u[0]:u[1]]) {
				out = append(out, Violation{Rule: RuleUnverifiedLink, Span: Span{Start: base + u[0], End: base + u[1], Text: s[u[0]:u[1]], Rule: RuleUnverifiedLink}, Sentence: strings.TrimSpace(s), Action: a})
			}
		}
	}
	if a := g.acts[ruleIndex[RuleUnverifiedNumber]]; a != ActionOff {
		for _, n := range unverifiedNumbersIn(s, g.numbers) {
			out = append(out, Violation{Rule: RuleUnverifiedNumber, Span: Span{Start: base + n[0], End: base + n[1], Text: s[n[0]:n[1]], Rule: RuleUnverifiedNumber}, Sentence: strings.TrimSpace(s), Action: a})
		}
	}
	return out
}

// nearNotIf reports whether one of the pattern's notIf words is near its
// match (windowHasExcept), within the match's own clauses for the concept
// rules.
func (x *scanSeq) nearNotIf(toks []token, s, e int) bool {
	if x.gr.clause {
		return windowHasExceptClause(toks, s, e, x.notIf, x.lit)
	}
	return windowHasExcept(toks, s, e, x.notIf, x.lit)
}

// windowHasExceptClause is windowHasExcept limited to the clauses the match
// starts and ends in: the "not" of a following clause ("…can be really
// manipulative, so don't let him guilt you") does not cancel it.
func windowHasExceptClause(toks []token, s, e int, set, lit map[string]bool) bool {
	if len(set) == 0 {
		return false
	}
	sent, first, last := toks[s].sent, toks[s].clause, toks[e-1].clause
	for k := max(0, s-6); k < min(len(toks), e+3); k++ {
		if toks[k].sent != sent || !set[toks[k].w] {
			continue
		}
		if k < s && toks[k].clause != first || k >= e && toks[k].clause != last {
			continue
		}
		if k >= s && k < e && lit[toks[k].w] {
			continue
		}
		return true
	}
	return false
}

// mayHaveURL is a cheap test that findURLs would find nothing without.
func mayHaveURL(s string) bool {
	if strings.Contains(s, "://") {
		return true
	}
	for i := 0; i+3 < len(s); i++ {
		if s[i]|0x20 == 'w' && s[i+1]|0x20 == 'w' && s[i+2]|0x20 == 'w' && s[i+3] == '.' {
			return true
		}
	}
	return false
}
