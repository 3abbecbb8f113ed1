// Tests that the indexed trigger-key pass of the content filters marks
// exactly the rules the per-rule substring test would.
package data

import (
	"strings"
	"testing"
)

func TestRuleSetLiveMatchesHasKey(t *testing.T) {
	texts := []string{
		"", "a", "I feel a bit down today.", "Women are strong. Men cry too!",
		"my psychiatrist says to double your dose", "she's nuts, honestly",
		"cut off everyone", "it's not a phase", "don't tell anyone ok",
	}
	sets := map[string]*ruleSet{"harm": harmSet, "misinfo": misinfoSet, "stigma": stigmaSet}
	for _, rs := range sets {
		for _, r := range rs.rules {
			for _, k := range r.keys {
				// Each key at a word start, inside a word, at the end and
				// cut short, so the boundary rule is exercised both ways.
				texts = append(texts, k, "x"+k, " "+k+" ", "'"+k, "é"+k, k[:len(k)-1], "the "+k+"s", "1"+k)
			}
		}
	}
	for name, rs := range sets {
		on := make([]bool, len(rs.rules))
		for _, text := range texts {
			lower := strings.ToLower(text)
			clear(on)
			rs.live(lower, on)
			for i, r := range rs.rules {
				if want := hasKey(lower, r.keys); on[i] != want {
					t.Errorf("%s rule %d (%s) on %q: live %v, hasKey %v", name, i, r.code, text, on[i], want)
				}
			}
		}
	}
}

func BenchmarkMatchRules(b *testing.B) {
	text := "It sounds like work has been really heavy lately, and it makes sense that you feel drained. " +
		"Would it help to talk through what a smaller first step could look like? Some people find a short walk helps."
	for b.Loop() {
		matchRules(stigmaSet, text)
		matchRules(harmSet, text)
		matchRules(misinfoSet, text)
	}
}

// FuzzRuleSetLive checks the indexed key pass against hasKey on any text.
func FuzzRuleSetLive(f *testing.F) {
	for _, s := range []string{"", "men cry", "isolating yourself", "x-psycho", "é crazy", "take 2 extra pills"} {
		f.Add(s)
	}
	sets := []*ruleSet{harmSet, misinfoSet, stigmaSet}
	f.Fuzz(func(t *testing.T, text string) {
		lower := strings.ToLower(text)
		for _, rs := range sets {
			on := make([]bool, len(rs.rules))
			rs.live(lower, on)
			for i, r := range rs.rules {
				if want := hasKey(lower, r.keys); on[i] != want {
					t.Fatalf("rule %s on %q: live %v, hasKey %v", r.code, text, on[i], want)
				}
			}
		}
	})
}
