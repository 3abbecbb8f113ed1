// Tests of the guard memo: the filters decide exactly as without it, on
// seed conversations and on conversations built to break guard rules.
package data

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/data/seed"
	"github.com/tend-project/tend/safety"
)

func TestGuardMemoCalibrated(t *testing.T) {
	const help = "if a witness moved, update memoWitnesses in curate_fast_guard.go to a sentence the guard flags only with that context flag;\n" +
		"if a verdict moved between sameFlagUsers, the guard reads more of the user's words than its flags and the memo must be keyed by them"
	if _, err := newGuardMemo(true); err != nil {
		t.Errorf("the stigma filter's memo switched itself off, so it calls the guard for every conversation: %v\n%s", err, help)
	}
	if curationPolicy().GuardClassifierOn() {
		t.Errorf("curation's guards run the guard classifier; curationPolicy must switch it off")
	}
	if _, err := newGuardMemo(false); err != nil {
		t.Errorf("the guard filter's memo switched itself off, so it calls the guard for every conversation: %v\n%s", err, help)
	}
}

func TestGuardPieces(t *testing.T) {
	tests := []struct{ text, want string }{
		{"One. Two! Three? Four", "One. |Two! |Three? |Four"},
		{"Dr. Patel said that. Then Mr. Lee.", "Dr. Patel said that. |Then Mr. Lee."},
		{"Ask Dr. Patel.", "Ask Dr. Patel."},
		{"I see it. Okay.", "I see it. |Okay."},
		{"Meet at 5 p.m. Then rest.", "Meet at 5 p.m. Then rest."}, // "p.m." could be an abbreviation: not cut
		{"Plan A. Then B.", "Plan A. Then B."},
		{"\"Stop.\" He left.\nNew line", "\"Stop.\" |He left.\n|New line"},
		{"3.5 mg. Then rest.", "3.5 mg. Then rest."},
		{"Wait...  what?\n\n", "Wait... | what?\n"}, // the guard cuts after one space
		{"   ", ""},
	}
	for _, tt := range tests {
		got := strings.Join(guardPieces(tt.text, nil), "|")
		if got != tt.want {
			t.Errorf("guardPieces(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// memoCorpus is seed conversations plus conversations whose assistant or
// system turns break guard and stigma rules: the guard's labelled cases
// (the reply as the last assistant turn, some also as a system turn) and
// the filter evaluation texts as assistant turns.
func memoCorpus(t *testing.T) []conv.Conversation {
	t.Helper()
	cfg := seed.DefaultConfig()
	cfg.Conversations, cfg.Pairs = 600, 0
	var out []conv.Conversation
	if _, err := seed.Generate(cfg, func(c *conv.Conversation) error { out = append(out, *c); return nil }, func(*conv.PreferencePair) error { return nil }); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"../safety/testdata/guard.jsonl", "../safety/testdata/guard_more.jsonl"} {
		cases, err := safety.ReadGuardCasesFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for i, gc := range cases {
			c := conv.Conversation{ID: gc.ID, Messages: gc.Messages}
			out = append(out, c)
			// The same reply after other user turns: the memo must not
			// depend on what the user said beyond the guard's flags.
			reply := gc.Messages[len(gc.Messages)-1]
			for k, u := range otherUserTurns {
				out = append(out, conv.Conversation{ID: fmt.Sprintf("%s-u%d", gc.ID, k), Messages: []conv.Message{{Role: conv.RoleUser, Content: u}, reply}})
			}
			if i%3 == 0 { // the reply also as a system turn, before the conversation
				sys := conv.Message{Role: conv.RoleSystem, Content: gc.Messages[len(gc.Messages)-1].Content}
				out = append(out, conv.Conversation{ID: gc.ID + "-sys", Messages: append([]conv.Message{sys}, gc.Messages...)})
			}
		}
	}
	fc, err := ReadFilterCases("testdata/filters/eval.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range fc {
		out = append(out, conv.Conversation{Messages: []conv.Message{{Role: conv.RoleUser, Content: "I have been struggling."}, {Role: conv.RoleAssistant, Content: c.Text}}})
	}
	return out
}

// otherUserTurns precede each labelled reply once more: neutral, a
// medication named, help taken up, and a crisis.
var otherUserTurns = []string{"Thanks, that helps a bit.", "My doctor put me on sertraline last month.",
	"I'll talk to my GP about it tomorrow.", "I don't want to be alive anymore."}

func TestGuardMemoExact(t *testing.T) {
	corpus := memoCorpus(t)
	every := DefaultGuardConfig()
	every.Rules = sentenceRules
	type pair struct {
		name          string
		fast, without Filter
	}
	var pairs []pair
	for _, cfg := range []GuardConfig{DefaultGuardConfig(), every} {
		fast, err := NewGuardFilter(cfg)
		if err != nil {
			t.Fatal(err)
		}
		if fast.memo == nil {
			continue // refused or off (TestGuardMemoCalibrated): every conversation gets the full call
		}
		slow := *fast
		slow.memo = nil
		pairs = append(pairs, pair{"guard " + strings.Join(cfg.Rules, ","), fast, &slow})
	}
	sf, err := NewStigmaFilter(DefaultStigmaConfig())
	if err != nil {
		t.Fatal(err)
	}
	if sf.memo == nil {
		t.Fatal("stigma filter memo off (TestGuardMemoCalibrated says why)")
	}
	slowStigma := *sf
	slowStigma.memo = nil
	pairs = append(pairs, pair{"stigma", sf, &slowStigma})
	for _, p := range pairs {
		flagged := 0
		for i := range corpus {
			c := &corpus[i]
			want := p.without.Check(c)
			if got := p.fast.Check(c); !cmp.Equal(got, want) {
				t.Errorf("%s on %s: memo changes the rejects (-memo +without):\n%s", p.name, c.ID, cmp.Diff(got, want))
			}
			if len(want) > 0 {
				flagged++
			}
		}
		// The corpus must exercise both paths.
		if flagged == 0 || flagged == len(corpus) {
			t.Errorf("%s: %d of %d conversations flagged; the test needs both", p.name, flagged, len(corpus))
		}
	}
}
