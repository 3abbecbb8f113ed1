// A memo that lets the guard and stigma filters skip most calls to the
// safety output guard without changing a verdict. It records, for each
// piece of text (one or more whole guard sentences), which sentence rules
// the piece breaks in the most permissive context the guard knows. The
// guard judges each sentence alone, and its context only switches
// patterns on (risk of self-harm enables the broad patterns, a medication
// in the user's last turn enables the pronoun patterns) or off (a user
// taking up help disables the choice-praise patterns). So a piece that
// breaks no rule with risk on, a medication named and no help taken up
// breaks none in any context, and a conversation made only of such pieces
// needs no guard call: the call would report nothing. Conversations with
// any other piece get the full call, exactly as before. Seed and imported
// corpora repeat sentences heavily (the 100k seed conversations share
// about nine in ten sentences), so most conversations skip the guard.
//
// The context flags are confirmed at start-up with witness sentences
// (calibrate); if a witness stops behaving as expected, the memo switches
// itself off and every conversation gets the full call. TestGuardMemoExact
// compares the filters with and without the memo on seed conversations
// and on the guard's labelled cases, each reply also after other user
// turns. The memo is exact only while the guard's sentence verdict
// depends on the conversation through those three flags alone: a guard
// that also read, say, the words of the user's last turn would need the
// memo keyed by them or switched off.
package data

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/safety"
)

// guardMemo maps pieces to the sentence rules they break at most
// permissive context (a bit per entry of sentenceRules). Safe for
// concurrent use.
type guardMemo struct {
	probe    *safety.Guard
	probeCtx *conv.Conversation
	table    *memoTable[uint16]
	streams  sync.Pool // *probeStream
}

// ruleBit is the memo bit of a guard rule; 0 for reply-level rules.
func ruleBit(rule string) uint16 {
	if i := slices.Index(sentenceRules, rule); i >= 0 {
		return 1 << i
	}
	return 0
}

// rulesMask is the union of the bits of rules.
func rulesMask(rules []string) uint16 {
	var m uint16
	for _, r := range rules {
		m |= ruleBit(r)
	}
	return m
}

// probeUser is the last user turn of the probe context: it names a
// medication and a risk topic ("pills"), and takes up no help.
const probeUser = "I keep thinking about the pills."

// probeNoUser is the probe context of the no-user memo: no user turn, and
// an assistant turn that sets the risk context.
const probeNoUser = "If you are having thoughts of suicide, please call a crisis line."

// curationPolicy is the safety policy of every guard curation runs: the
// default with the guard classifier off. The classifier is a second opinion
// tuned for serving, where a find is only flagged by default; on the seed
// corpus it fired on 3,736 of 100,000 clean conversations ("Remember to look
// after yourself too." as claims_human), too many to drop training data on.
// Curation filters by the guard's rules, whose findings are exact.
func curationPolicy() safety.Policy {
	p := safety.DefaultPolicy()
	off := false
	p.GuardClassifier = &off
	return p
}

// newGuardMemo builds the memo's probe guard (every sentence rule on) and
// checks that its context has every flag set the permissive way. The
// probe guard never blocks (its rules flag or rewrite), so its stream
// checks every sentence written to it.
//
// With noUser false the memo serves guard calls after any conversation
// (the guard filter): its probe context names a medication, a risk topic
// and no help taken up. It is exact because curation's guards run without
// the guard classifier (curationPolicy; TestGuardMemoCalibrated checks).
// With noUser true it serves guard calls with an empty conversation (the
// stigma filter): no user turn, and the probe only needs the risk context
// on; its bits other than stigma are not used.
func newGuardMemo(noUser bool) (*guardMemo, error) {
	p := curationPolicy()
	p.Rules = map[string]safety.Action{}
	for _, r := range safety.GuardRules {
		switch {
		case r == safety.RuleMethodDetail || r == safety.RuleEncouragesHarm || r == safety.RuleMissingReferral:
			p.Rules[r] = safety.ActionRewrite // crisis rules cannot be flagged
		case ruleBit(r) != 0:
			p.Rules[r] = safety.ActionFlag
		default:
			p.Rules[r] = safety.ActionOff
		}
	}
	g, err := safety.NewGuard(p, nil)
	if err != nil {
		return nil, fmt.Errorf("guard memo: %w", err)
	}
	m := &guardMemo{probe: g, table: newMemoTable[uint16](),
		probeCtx: &conv.Conversation{Messages: []conv.Message{{Role: conv.RoleUser, Content: probeUser}}}}
	if noUser {
		m.probeCtx = &conv.Conversation{Messages: []conv.Message{{Role: conv.RoleAssistant, Content: probeNoUser}}}
		return m, m.calibrateNoUser()
	}
	if err := m.calibrate(); err != nil {
		return nil, err
	}
	return m, nil
}

// calibrateNoUser checks that the no-user probe has the risk context on.
func (m *guardMemo) calibrateNoUser() error {
	w := memoWitnesses[0]
	with := m.probePieces([]string{w.reply}, []int{0})[0]&ruleBit(w.rule) != 0
	without := slices.ContainsFunc(m.probe.Check(&conv.Conversation{}, w.reply).Violations, func(x safety.Violation) bool { return x.Rule == w.rule })
	if !with || without {
		return fmt.Errorf("%w: %q (%s): %s flagged with the no-user probe context %v, without %v", errMemoUncalibrated, w.reply, w.flag, w.rule, with, without)
	}
	return nil
}

// memoWitnesses are sentences each flagged only with one context flag
// set: by a broad pattern (risk), the medication pronoun pattern
// (medication named), and choice praise (no help taken up). Each is
// checked with the probe context, where it must be flagged, and with a
// context lacking that one flag, where it must not.
var memoWitnesses = []struct {
	flag, reply, rule string
	without           []conv.Message
}{
	{"risk", "Go for it.", safety.RuleEncouragesHarm, nil},
	{"medication", "You could double it.", safety.RuleMedication,
		[]conv.Message{{Role: conv.RoleUser, Content: "I want to die."}}},
	{"no help taken up", "That's a wise choice.", safety.RuleEncouragesHarm,
		[]conv.Message{{Role: conv.RoleUser, Content: "I want to kill myself."}, {Role: conv.RoleAssistant, Content: "I'm here with you."},
			{Role: conv.RoleUser, Content: "I'll talk to my doctor tomorrow."}}},
}

// errMemoUncalibrated reports a witness that no longer behaves as the memo
// assumes; the filters then call the guard for every conversation.
var errMemoUncalibrated = fmt.Errorf("guard memo: context witnesses disagree")

// sameFlagUsers are last user turns with the probe's flags (a risk topic
// and a medication named, no help taken up) in other words, and
// memoProbes are replies, several of them borderline, whose verdicts must
// not change between them: a guard that read more of the user's words
// than the flags (a classifier over them, say) would make the memo
// inexact, so calibration switches it off when any verdict moves.
var sameFlagUsers = []string{"My pills are on the table and I feel numb.", "The sertraline isn't working and I want to die.",
	"I've been staring at my medication all night and everything feels dead."}

var memoProbes = []string{"That sounds really hard.", "It might help to ask your doctor about the dose.", "You could take a couple more if it helps.",
	"Some people find it easier to just stop.", "I understand why you'd want that.", "It's okay to feel this way.", "You don't need anyone else.",
	"Have you eaten anything today?", "It sounds like depression to me.", "I'm a person too, so I get it.", "Nobody will ever see what you tell me.",
	"Maybe it's time to cut back a little.", "You deserve to rest.", "You've clearly got anxiety.", "Take one tonight and see how you feel.",
	"Everyone would understand.", "It's a brave choice.", "You could try skipping dinner.", "What's within reach right now?",
	"People like that are dangerous.", "Stopping them suddenly is fine.", "I've been through the same thing myself.", "You could double it.",
	"That's a wise choice.", "Go for it.", "Keep going.", "Whatever you decide is okay with me.", "A few won't hurt.",
	"Nobody would blame you.", "It will all be over soon."}

func (m *guardMemo) calibrate() error {
	has := func(v safety.Verdict, rule string) bool {
		return slices.ContainsFunc(v.Violations, func(x safety.Violation) bool { return x.Rule == rule })
	}
	bits := func(c *conv.Conversation, reply string) uint16 {
		var b uint16
		for _, v := range m.probe.Check(c, reply).Violations {
			b |= ruleBit(v.Rule)
		}
		return b
	}
	for _, u := range sameFlagUsers {
		c := &conv.Conversation{Messages: []conv.Message{{Role: conv.RoleUser, Content: u}}}
		for _, r := range memoProbes {
			if a, b := bits(m.probeCtx, r), bits(c, r); a != b {
				return fmt.Errorf("%w: %q breaks rules %b after %q but %b after %q", errMemoUncalibrated, r, a, probeUser, b, u)
			}
		}
	}
	for _, w := range memoWitnesses {
		with := m.probePieces([]string{w.reply}, []int{0})[0]&ruleBit(w.rule) != 0
		without := has(m.probe.Check(&conv.Conversation{Messages: w.without}, w.reply), w.rule)
		if !with || without {
			return fmt.Errorf("%w: %q (%s): %s flagged with the probe context %v, without %v", errMemoUncalibrated, w.reply, w.flag, w.rule, with, without)
		}
	}
	return nil
}

// defaultGuardMemo serves the guard filter and defaultStigmaMemo the
// stigma filter, each shared by every filter in the process; nil when
// refused or when calibration failed.
var (
	defaultGuardMemo  = sync.OnceValue(func() *guardMemo { m, _ := newGuardMemo(false); return m })
	defaultStigmaMemo = sync.OnceValue(func() *guardMemo {
		m, err := newGuardMemo(true)
		if err != nil {
			return nil
		}
		return m
	})
)

// guardPieces appends the pieces of text to out. It cuts only where the
// guard's sentence splitter (safety's completeSentenceEnd) certainly
// ends a sentence: after a newline, and after . ! or ? (and any closing
// marks) followed by white space, except after a full stop that might end
// an abbreviation. Every cut is one the guard makes, so each piece is
// one or more whole guard sentences. White-space pieces are left out.
func guardPieces(text string, out []string) []string {
	start := 0
	emit := func(end int) {
		if strings.TrimSpace(text[start:end]) != "" {
			out = append(out, text[start:end])
		}
		start = end
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == '\n' {
			emit(i + 1)
			continue
		}
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(text) && strings.IndexByte(".!?\"')", text[j]) >= 0 {
			j++
		}
		if j < len(text) && (text[j] == ' ' || text[j] == '\n' || text[j] == '\t') && !(c == '.' && mayAbbreviate(text[start:i])) {
			emit(j + 1)
			i = j
			continue
		}
		i = j - 1
	}
	emit(len(text))
	return out
}

// mayAbbreviate reports whether the word ending s could be an
// abbreviation whose full stop the guard does not take as a sentence end.
// abbrevWords is a superset of the guard's list (safety's abbreviations:
// dr, mr, mrs, ms, prof, st, vs, etc, eg, ie, jr, sr, approx, dept), so
// the memo never cuts where the guard does not; a word missing here would
// only make pieces longer.
func mayAbbreviate(s string) bool {
	j := len(s)
	for j > 0 && (s[j-1] >= 'a' && s[j-1] <= 'z' || s[j-1] >= 'A' && s[j-1] <= 'Z' || s[j-1] == '.') {
		j--
	}
	w := strings.ToLower(strings.ReplaceAll(s[j:], ".", ""))
	return len(w) <= 1 || abbrevWords[w]
}

var abbrevWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`dr mr mrs ms mx prof st vs etc eg ie jr sr approx dept
		no nos co mt ft rd ave pp ph phd al cf ca lb lbs oz kg km cm mm ml mg am pm bc ad
		inc ltd corp vol fig hrs hr min mins sec secs govt univ est misc apt appt tel ext ref
		jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
		rev gen col sgt capt cpl lt hon mgr asst nr op ed eds dir rep sen gov pres supt det insp`) {
		m[w] = true
	}
	return m
}()

// memoScratch is reusable per-call state.
type memoScratch struct {
	pieces []string
	keys   []pieceKey
	miss   []int
}

var memoScratchPool = sync.Pool{New: func() any { return new(memoScratch) }}

// rules returns the union of the rule bits of every piece of texts,
// probing the guard once for the pieces it has not seen.
func (m *guardMemo) rules(texts ...string) uint16 {
	sc := memoScratchPool.Get().(*memoScratch)
	defer memoScratchPool.Put(sc)
	sc.pieces = sc.pieces[:0]
	for _, t := range texts {
		sc.pieces = guardPieces(t, sc.pieces)
	}
	sc.keys, sc.miss = sc.keys[:0], sc.miss[:0]
	var bits uint16
	for i, p := range sc.pieces {
		k := m.table.key(p)
		sc.keys = append(sc.keys, k)
		b, ok := m.table.get(k)
		if !ok {
			sc.miss = append(sc.miss, i)
		}
		bits |= b
	}
	if len(sc.miss) == 0 {
		return bits
	}
	for n, b := range m.probePieces(sc.pieces, sc.miss) {
		m.table.put(sc.keys[sc.miss[n]], b)
		bits |= b
	}
	return bits
}

// probeStream is a guard stream in the probe context, reused across
// probes (a guard call would assess the probe context's risk each time).
type probeStream struct {
	s       *safety.StreamGuard
	written int
}

// probeStreamBytes bounds what one stream holds (it keeps the text
// written and its violations) before it is replaced by a fresh one.
const probeStreamBytes = 1 << 20

// probePieces checks the listed pieces with the probe context and returns
// the rule bits of each. Each piece is written to the stream on its own
// line, so all its sentences are complete and checked by that write.
func (m *guardMemo) probePieces(pieces []string, idx []int) []uint16 {
	ps, _ := m.streams.Get().(*probeStream)
	if ps == nil || ps.written > probeStreamBytes {
		ps = &probeStream{s: m.probe.NewStream(m.probeCtx)}
	}
	defer m.streams.Put(ps)
	out := make([]uint16, len(idx))
	for n, i := range idx {
		p := pieces[i]
		if !strings.HasSuffix(p, "\n") {
			p += "\n"
		}
		_, vs := ps.s.Write(p)
		ps.written += len(p)
		for _, v := range vs {
			out[n] |= ruleBit(v.Rule)
		}
	}
	return out
}
