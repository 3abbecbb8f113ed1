// Tests for the guard's fast scan (guard_scan.go, guard_tokens.go): the
// scratch tokeniser must equal tokenize, and checkSentence must give the
// same violations as the plain algorithm (every indexed pattern tried at
// every token, sets rebuilt per sentence, no keys or triggers), on every
// suite reply and on random text; and the guard must be safe for
// concurrent use (run with -race).
package safety

import (
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
)

// suiteTexts returns every message of the guard suites and the assessment
// suites that may be used for development.
func suiteTexts(t testing.TB) []string {
	t.Helper()
	var out []string
	for _, f := range []string{"testdata/guard.jsonl", "testdata/guard_more.jsonl", "testdata/guard_bench.jsonl"} {
		cases, err := ReadGuardCasesFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cases {
			for _, m := range c.Messages {
				out = append(out, m.Content)
			}
		}
	}
	for _, f := range []string{"testdata/suite.jsonl", "testdata/train_extra.jsonl", "testdata/devblind.jsonl"} {
		cases, err := ReadCasesFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cases {
			if c.Text != "" {
				out = append(out, c.Text)
			}
			for _, m := range c.Messages {
				out = append(out, m.Content)
			}
		}
	}
	return out
}

func TestGuardTokensMatchTokenize(t *testing.T) {
	sc := getScratch(0)
	defer putScratch(sc)
	texts := append(suiteTexts(t), "I want\n2 go", "Dr's. Self care", "killed my self", "my. self", "KMS!!", "it’s 3.5mg", "“quoted” but not; then? ok")
	for _, s := range texts {
		// Twice: the second pass reads the memo.
		for range 2 {
			if got, want := sc.tokenize(s), tokenize(s); !sameTokens(got, want) {
				t.Fatalf("%q:\n got %+v\nwant %+v", s, got, want)
			}
		}
	}
}

// The reply-level cue checks lower-case into a buffer; they must equal
// the string expressions they replace.
func checkPadLower(t *testing.T, s string) {
	if got, want := string(padLower(nil, s)), " "+strings.ToLower(s)+" "; got != want {
		t.Fatalf("padLower(%q) = %q, want %q", s, got, want)
	}
	if got, want := string(padLowerFields(nil, s)), " "+strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(s, "’", "'"))), " ")+" "; got != want {
		t.Fatalf("padLowerFields(%q) = %q, want %q", s, got, want)
	}
}

// TestSentenceRisk: when a reply has no risk cue, a sentence of it can
// have one only at its start (riskTopicAtStart), so Check may skip the full
// search per sentence.
func TestSentenceRisk(t *testing.T) {
	texts := append(suiteTexts(t), "so thin\nfat people", "ok.\tthin, they said", "x\neat more")
	for _, reply := range texts {
		if riskTopic(reply) {
			continue
		}
		rest := reply
		for strings.TrimSpace(rest) != "" {
			end := completeSentenceEnd(rest)
			if end < 0 {
				end = len(rest)
			}
			if got, want := riskTopicAtStart(rest[:end]), riskTopic(rest[:end]); got != want {
				t.Fatalf("%q in %q: riskTopicAtStart %v, riskTopic %v", rest[:end], reply, got, want)
			}
			rest = rest[end:]
		}
	}
}

func TestPadLower(t *testing.T) {
	for _, s := range append(suiteTexts(t), "", " ", "  A\tB\n", "İstanbul KELVIN \u212a", "it’s  OK ") {
		checkPadLower(t, s)
	}
}

func FuzzPadLower(f *testing.F) {
	for _, s := range []string{"", " a ", "I’m  FINE\n", "\u212a\u0130"} {
		f.Add(s)
	}
	f.Fuzz(checkPadLower)
}

func sameTokens(a, b []token) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func FuzzGuardTokens(f *testing.F) {
	for _, s := range []string{"k1ll mys3lf", "I'm \"not\" ok!!", "it’s 3.5 mg?", "", "want 2 die", "a\nb.c", "my self, but my\nself"} {
		f.Add(s)
	}
	sc := getScratch(0)
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := sc.tokenize(s), tokenize(s); !sameTokens(got, want) {
			t.Fatalf("%q:\n got %+v\nwant %+v", s, got, want)
		}
	})
}

// refCheckSentence is the plain algorithm the scan replaces.
func refCheckSentence(g *Guard, s string, base int, f scanFlags) []Violation {
	lx := g.lex
	toks := tokenize(s)
	var out []Violation
	seen, cancelled, words := map[int]bool{}, map[int]bool{}, map[string]bool{}
	for _, t := range toks {
		words[t.w] = true
	}
	anyWord := func(set map[string]bool) bool {
		for w := range set {
			if words[w] {
				return true
			}
		}
		return false
	}
	lookup := func(idx liveIndex, w string) []*scanSeq {
		if n, ok := lx.vocab[w]; ok {
			return idx.lists[n]
		}
		return nil
	}
	for i := range toks {
		for _, x := range lookup(lx.excl, toks[i].w) {
			if x.matchAt(toks, i) > i && !anyWord(x.notIf) {
				cancelled[x.ri] = true
			}
		}
	}
	for i := range toks {
		for _, x := range lookup(lx.rules, toks[i].w) {
			r := x.ri
			if seen[r] || cancelled[r] || g.acts[r] == ActionOff || x.gr.ctx && !f.risk || x.gr.medCtx && !f.medCtx || x.gr.choice && f.helpCtx {
				continue
			}
			end := x.matchAt(toks, i)
			if end <= i {
				continue
			}
			sentenceWide := (x.gr.ctx || x.gr.rule == RuleMedication || x.gr.rule == RuleEncouragesHarm) && !x.gr.near
			near := windowHasExcept
			if x.gr.clause {
				near = windowHasExceptClause
			}
			if sentenceWide && anyWord(x.notIf) || !sentenceWide && near(toks, i, end, x.notIf, x.lit) {
				continue
			}
			seen[r] = true
			st, en := toks[i].start, toks[end-1].end
			out = append(out, Violation{Rule: x.gr.rule, Pattern: x.rule.id, Span: Span{Start: base + st, End: base + en, Text: s[st:en], Rule: x.rule.id}, Sentence: strings.TrimSpace(s), Action: g.acts[r]})
		}
	}
	if a := g.action(RuleMisinformation); a != ActionOff {
		claimed := map[string]bool{}
	claims:
		for i := range toks {
			for _, x := range lookup(lx.misinfo, toks[i].w) {
				end := x.matchAt(toks, i)
				if end <= i || claimed[x.mi.ID] || windowHasExceptClause(toks, i, end, x.notIf, x.lit) || misinfoFramed(toks, i) {
					continue
				}
				claimed[x.mi.ID] = true
				st, en := toks[i].start, toks[end-1].end
				out = append(out, Violation{Rule: RuleMisinformation, Pattern: x.mi.ID, Span: Span{Start: base + st, End: base + en, Text: s[st:en], Rule: x.mi.ID}, Sentence: strings.TrimSpace(s), Action: a})
				break claims
			}
		}
	}
	if a := g.action(RuleUnverifiedLink); len(g.allow) > 0 && a != ActionOff {
		for _, u := range findURLs(s) {
			if !g.allowed(s[u[0]:u[1]]) {
				out = append(out, Violation{Rule: RuleUnverifiedLink, Span: Span{Start: base + u[0], End: base + u[1], Text: s[u[0]:u[1]], Rule: RuleUnverifiedLink}, Sentence: strings.TrimSpace(s), Action: a})
			}
		}
	}
	if a := g.action(RuleUnverifiedNumber); a != ActionOff {
		for _, n := range unverifiedNumbers(s, nil) {
			out = append(out, Violation{Rule: RuleUnverifiedNumber, Span: Span{Start: base + n[0], End: base + n[1], Text: s[n[0]:n[1]], Rule: RuleUnverifiedNumber}, Sentence: strings.TrimSpace(s), Action: a})
		}
	}
	return out
}

// compareScan checks every sentence of text under every flag combination.
func compareScan(t *testing.T, g *Guard, sc *scanScratch, text string) {
	rest, base := text, 0
	for strings.TrimSpace(rest) != "" {
		end := completeSentenceEnd(rest)
		if end < 0 {
			end = len(rest)
		}
		for k := range 8 {
			f := scanFlags{risk: k&1 != 0, medCtx: k&2 != 0, helpCtx: k&4 != 0}
			got, want := g.checkSentence(sc, rest[:end], base, f), refCheckSentence(g, rest[:end], base, f)
			if len(got) != 0 || len(want) != 0 {
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("%q %+v:\n got %+v\nwant %+v", rest[:end], f, got, want)
				}
			}
		}
		base += end
		rest = rest[end:]
	}
}

func TestGuardScanMatchesReference(t *testing.T) {
	curation := DefaultPolicy()
	curation.Rules = map[string]Action{RuleDiagnosis: ActionOff, RuleStigma: ActionFlag}
	guards := []*Guard{newTestGuard(t, DefaultPolicy(), ResourceURLs()), newTestGuard(t, curation, nil)}
	sc := getScratch(len(guards[0].lex.vocab))
	defer putScratch(sc)
	for _, g := range guards {
		for _, s := range suiteTexts(t) {
			compareScan(t, g, sc, s)
		}
	}
}

func FuzzGuardScan(f *testing.F) {
	for _, s := range []string{"You clearly have depression. Double your sertraline.", "The most painless way is pills. Call 988.", "I'm a licensed therapist; this stays between us.", "Asking about suicide puts the idea in their head", "see www.example.com or call 0800 123 456"} {
		f.Add(s)
	}
	g := newTestGuard(f, DefaultPolicy(), ResourceURLs())
	sc := getScratch(len(g.lex.vocab))
	f.Fuzz(func(t *testing.T, s string) {
		compareScan(t, g, sc, s)
	})
}

// TestGuardConcurrent runs Check from several goroutines on one Guard and
// compares each verdict with a sequential run (go test -race finds shared
// scratch).
func TestGuardConcurrent(t *testing.T) {
	cases, err := ReadGuardCasesFile("testdata/guard_more.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	g := newTestGuard(t, DefaultPolicy(), ResourceURLs())
	want := make([]string, len(cases))
	for i := range cases {
		c, reply := cases[i].Split()
		want[i] = verdictKey(g.Check(c, reply))
	}
	var wg sync.WaitGroup
	errs := make(chan string, 4)
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range cases {
				i := (k + w*37) % len(cases)
				c, reply := cases[i].Split()
				if got := verdictKey(g.Check(c, reply)); got != want[i] {
					errs <- fmt.Sprintf("%s: concurrent %s, sequential %s", cases[i].ID, got, want[i])
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func verdictKey(v Verdict) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s|%q", v.Action, v.Reply)
	for _, x := range v.Violations {
		fmt.Fprintf(&b, "|%s/%s@%d-%d", x.Rule, x.Pattern, x.Span.Start, x.Span.End)
	}
	return b.String()
}

// TestStreamMatchesCheck: streaming a reply in small chunks gives the
// verdict Check gives, for every suite case.
func TestStreamMatchesCheck(t *testing.T) {
	g := newTestGuard(t, DefaultPolicy(), ResourceURLs())
	for _, f := range []string{"testdata/guard.jsonl", "testdata/guard_more.jsonl"} {
		cases, err := ReadGuardCasesFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i := range cases {
			c, reply := cases[i].Split()
			whole := g.Check(c, reply)
			if whole.Action == ActionBlock {
				continue // Check audits sentences after a block; a stream stops
			}
			s := g.NewStream(c)
			for j := 0; j < len(reply); j += 5 {
				s.Write(reply[j:min(j+5, len(reply))])
			}
			_, v := s.Close()
			if strings.Join(v.Rules(), ",") != strings.Join(whole.Rules(), ",") || v.Action != whole.Action {
				// The one designed difference: Check knows the whole
				// reply's crisis vocabulary from the start.
				if !riskTopic(reply) || riskTopic(c.LastUser()) {
					t.Errorf("%s: stream %v %s, Check %v %s", cases[i].ID, v.Rules(), v.Action, whole.Rules(), whole.Action)
				}
			}
		}
	}
}
