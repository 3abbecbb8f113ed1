// Tests of the content filters' sentence memo: the same hits and scores
// as without it, and a bounded table.
package data

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestContentMemoExact(t *testing.T) {
	var texts []string
	for _, c := range memoCorpus(t) {
		for _, m := range c.Messages {
			texts = append(texts, m.Content)
		}
	}
	ex, err := readMisinfoExamples()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ex {
		texts = append(texts, e.Text)
	}
	// Curly apostrophes: the rules' keys are matched after folding them.
	texts = append(texts, "Honestly you don’t need anyone else. You’re better off alone.", "Just don't tell anyone.\nYou don’t need your friends.")
	clf, err := defaultMisinfoModel()
	if err != nil {
		t.Fatal(err)
	}
	hits := map[string]int{}
	for pass := range 2 { // the second pass answers from the memo
		for _, text := range texts {
			for name, rs := range map[string]*ruleSet{"harm": harmSet, "misinfo": misinfoSet, "stigma": stigmaSet} {
				want := matchRules(rs, text)
				if got := matchRulesMemo(rs, text); !cmp.Equal(got, want, cmp.AllowUnexported(hit{})) {
					t.Fatalf("pass %d, %s on %q: memo changes the hits:\n%s", pass, name, text, cmp.Diff(got, want, cmp.AllowUnexported(hit{})))
				}
				hits[name] += len(want)
			}
			sents, _ := sentences(text)
			for _, s := range sents {
				if got, want := clf.claimScore(s), clf.scoreSentence(s); got != want {
					t.Fatalf("pass %d: claimScore(%q) = %v, want %v", pass, s, got, want)
				}
			}
		}
	}
	for _, name := range []string{"harm", "misinfo", "stigma"} {
		if hits[name] == 0 {
			t.Errorf("%s: no hits in the corpus; the test needs both paths", name)
		}
	}
}

func TestMemoTableBounded(t *testing.T) {
	tb := newMemoTable[int]()
	for i := range 3 * memoEntries {
		tb.put(tb.key(string(rune(i))+"x"), i)
	}
	n := 0
	for i := range tb.shards {
		n += len(tb.shards[i].cur) + len(tb.shards[i].old)
	}
	if n > 2*memoEntries {
		t.Errorf("table holds %d entries, want at most %d", n, 2*memoEntries)
	}
	k := tb.key(string(rune(3*memoEntries-1)) + "x")
	if v, ok := tb.get(k); !ok || v != 3*memoEntries-1 {
		t.Errorf("latest entry: got %d, %v", v, ok)
	}
}
