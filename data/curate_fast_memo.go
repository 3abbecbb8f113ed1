// Bounded memo tables for the per-record filters, and the sentence memo of
// the three content filters (misinformation, harmful advice, stigma).
//
// The content filters judge each sentence on its own: a rule fires in a
// sentence when one of its keys is there and its pattern matches without
// its exception, and the classifier scores each sentence alone. The memo
// records, per sentence, whether any rule of a set can fire there (every
// rule whose key the sentence holds is tried, a superset of what a whole
// message tries) and the classifier's score. A message whose sentences are
// all known to be clean costs a hash per sentence; any other message goes
// through the full check, so every reject is what it was without the memo.
package data

import (
	"hash/maphash"
	"strings"
	"sync"
)

// memoEntries bounds a memo table: when one generation holds this many
// entries the previous one is dropped (entries still in use move to the
// new one), so a table holds at most twice this many: about 8 MB for the
// guard memo and 10 MB for the sentence memo. The 100k seed conversations
// need about 84,000 guard pieces and 74,000 sentences.
const memoEntries = 1 << 17

// pieceKey is a 128-bit hash of a text (two independent 64-bit hashes):
// the tables keep no text, and a collision among a million texts has
// odds of about one in 10^26.
type pieceKey [2]uint64

// memoTable is a bounded map from texts to V, split into shards by key so
// the workers rarely wait for one another's lock. Safe for concurrent use.
type memoTable[V any] struct {
	s1, s2 maphash.Seed
	shards [memoShards]memoShard[V]
}

const memoShards = 16

type memoShard[V any] struct {
	mu       sync.Mutex
	cur, old map[pieceKey]V
}

func newMemoTable[V any]() *memoTable[V] {
	t := &memoTable[V]{s1: maphash.MakeSeed(), s2: maphash.MakeSeed()}
	for i := range t.shards {
		t.shards[i].cur, t.shards[i].old = map[pieceKey]V{}, map[pieceKey]V{}
	}
	return t
}

func (t *memoTable[V]) key(s string) pieceKey {
	return pieceKey{maphash.String(t.s1, s), maphash.String(t.s2, s)}
}

// get returns the entry for k, moving it to the current generation.
func (t *memoTable[V]) get(k pieceKey) (V, bool) {
	sh := &t.shards[k[0]%memoShards]
	sh.mu.Lock()
	defer sh.mu.Unlock()
	v, ok := sh.cur[k]
	if !ok {
		if v, ok = sh.old[k]; ok {
			sh.putLocked(k, v)
		}
	}
	return v, ok
}

func (t *memoTable[V]) put(k pieceKey, v V) {
	sh := &t.shards[k[0]%memoShards]
	sh.mu.Lock()
	sh.putLocked(k, v)
	sh.mu.Unlock()
}

func (sh *memoShard[V]) putLocked(k pieceKey, v V) {
	if len(sh.cur) >= memoEntries/memoShards {
		sh.old, sh.cur = sh.cur, make(map[pieceKey]V, memoEntries/memoShards/4)
	}
	sh.cur[k] = v
}

// sentVerdict is what the sentence memo knows about one sentence: for
// each rule set (a bit of ruleSet.bit) whether it was tried and whether a
// rule fired, and the default misinformation classifier's score.
type sentVerdict struct {
	known, dirty uint8
	hasProb      bool
	prob         float64 // -1: not scored (a question or a restatement)
}

// contentMemo is the sentence memo shared by the content filters.
var contentMemo = newMemoTable[sentVerdict]()

// matchRulesMemo is matchRules for a set with a memo bit: nil straight
// away when every sentence of text is known to fire no rule of the set.
func matchRulesMemo(rs *ruleSet, text string) []hit {
	if rs.bit == 0 {
		return matchRules(rs, text)
	}
	for s := range eachSentence(text) {
		k := contentMemo.key(s)
		v, ok := contentMemo.get(k)
		if !ok || v.known&rs.bit == 0 {
			v.known |= rs.bit
			if !sentenceClean(rs, s) {
				v.dirty |= rs.bit
			}
			contentMemo.put(k, v)
		}
		if v.dirty&rs.bit != 0 {
			return matchRules(rs, text)
		}
	}
	return nil
}

// sentenceClean reports whether no rule of rs fires in sentence s, trying
// every rule whose key s holds (found in one indexed pass, as
// ruleSet.live finds them for a message). matchRules tries only those of
// them whose key also occurs in the raw message, so a clean sentence here
// has no hit there either.
func sentenceClean(rs *ruleSet, s string) bool {
	ns := foldQuotes(s)
	var buf [64]bool
	on := rs.liveIn(strings.ToLower(ns), &buf)
	for i, ok := range on {
		r := &rs.rules[i]
		if ok && r.re.MatchString(ns) && (r.unless == nil || !r.unless.MatchString(ns)) {
			return false
		}
	}
	return true
}

// claimScore is the misinformation classifier's score of one sentence as
// the filter uses it: -1 for a question or a restatement of the user's
// story, which assert nothing. The default model's scores are memoised.
func (m *misinfoModel) claimScore(s string) float64 {
	if !m.memo {
		return m.scoreSentence(s)
	}
	k := contentMemo.key(s)
	v, ok := contentMemo.get(k)
	if ok && v.hasProb {
		return v.prob
	}
	v.hasProb, v.prob = true, m.scoreSentence(s)
	contentMemo.put(k, v)
	return v.prob
}

func (m *misinfoModel) scoreSentence(s string) float64 {
	if strings.HasSuffix(strings.TrimSpace(s), "?") || restateFrame.MatchString(foldQuotes(s)) {
		return -1
	}
	return m.prob(s)
}
