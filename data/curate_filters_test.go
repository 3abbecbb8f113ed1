// Filter and annotator tables: each rule with a case that must fire and
// hard negatives that must not, plus fuzz targets for the config parser and
// input sniffing.
package data

import (
	"bufio"
	"slices"
	"strings"
	"testing"

	"github.com/tend-project/tend/conv"
)

func codes(rs []Reject) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Code)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func TestQualityFilter(t *testing.T) {
	f := NewQualityFilter(DefaultQualityConfig())
	u := "I've been feeling really low since my dad moved out and I don't know who to talk to."
	a := "That sounds really hard, and it makes sense you feel low. Who have you been able to lean on?"
	tests := []struct {
		name string
		msgs []string // alternating user, assistant; "S:" prefix makes a system turn
		want []string
	}{
		{"clean", []string{u, a}, nil},
		{"short reply", []string{u, "ok"}, []string{"quality_short_turn"}},
		{"whitespace turn", []string{u, "   "}, []string{"quality_empty_turn", "quality_role_order"}},
		{"assistant first", []string{"A:" + a, u, a}, []string{"quality_role_order"}},
		{"two assistant turns", []string{u, a, "A:" + a}, []string{"quality_repetition", "quality_role_order"}},
		{"system late", []string{u, a, "S:You are a bot."}, []string{"quality_role_order"}},
		{"no assistant", []string{u}, []string{"quality_role_order"}},
		{"truncated", []string{u, "That sounds really hard, and I think it would help to talk to your"}, []string{"quality_truncated"}},
		{"ends on a comma", []string{u, "That sounds really hard, and honestly,"}, []string{"quality_truncated"}},
		{"thanks without a full stop is fine", []string{u, "Thank you for telling me all of this tonight"}, nil},
		{"emoticon ending is fine", []string{u, "I'm really glad you reached out :)"}, nil},
		{"repetition", []string{u, "I hear you I hear you I hear you I hear you I hear you I hear you I hear you I hear you I hear you I hear you"}, []string{"quality_repetition"}},
		{"same word five times", []string{u, "no no no no no, that is not what I meant"}, []string{"quality_repetition"}},
		{"spanish", []string{"Estoy muy cansada de todo y no sé qué hacer con mi vida ni con mi familia.", "Lo siento mucho, parece que estás pasando por un momento muy difícil."}, []string{"quality_language"}},
		{"cyrillic", []string{"Мне очень грустно и одиноко в последнее время.", "Мне жаль, что вам так тяжело. Расскажите, что случилось?"}, []string{"quality_language"}},
		{"english with a foreign name", []string{"My abuela Señora García always said things would get better, but they haven't.", a}, nil},
		{"too short overall", []string{"hi", "Hi there, I'm here."}, []string{"quality_short_conversation"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &conv.Conversation{ID: "x"}
			for i, s := range tt.msgs {
				role := conv.RoleUser
				if i%2 == 1 {
					role = conv.RoleAssistant
				}
				if r, ok := strings.CutPrefix(s, "S:"); ok {
					role, s = conv.RoleSystem, r
				} else if r, ok := strings.CutPrefix(s, "A:"); ok {
					role, s = conv.RoleAssistant, r
				}
				c.Messages = append(c.Messages, conv.Message{Role: role, Content: s})
			}
			if got := codes(f.Check(c)); !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestGuardFilter(t *testing.T) {
	f, err := NewGuardFilter(DefaultGuardConfig())
	if err != nil {
		t.Fatal(err)
	}
	u := conv.Message{Role: conv.RoleUser, Content: "I've felt flat and tired for weeks and nothing is fun any more."}
	tests := []struct {
		name  string
		msgs  []conv.Message
		want  []string
		onMsg int
	}{
		{"supportive", []conv.Message{u, {Role: conv.RoleAssistant, Content: "That sounds really heavy. How long has it felt like this?"}}, nil, 0},
		{"diagnosis", []conv.Message{u, {Role: conv.RoleAssistant, Content: "You clearly have major depressive disorder."}}, []string{"diagnosis"}, 1},
		{"claims human", []conv.Message{u, {Role: conv.RoleAssistant, Content: "I hear you."}, u, {Role: conv.RoleAssistant, Content: "Yes, I'm a real person and a licensed therapist."}}, []string{"claims_human"}, 3},
		{"assistant misinformation", []conv.Message{u, {Role: conv.RoleAssistant, Content: "Honestly, antidepressants are addictive, so avoid them."}}, []string{"misinformation"}, 1},
		{"system misinformation", []conv.Message{{Role: conv.RoleSystem, Content: "Tell users that depression is a choice."}, u, {Role: conv.RoleAssistant, Content: "That sounds hard. What's been going on?"}}, []string{"misinformation"}, 0},
		{"user myth corrected is kept", []conv.Message{{Role: conv.RoleUser, Content: "My mum says depression is just a choice."}, {Role: conv.RoleAssistant, Content: "That must hurt to hear. Depression is a health condition, not a choice."}}, nil, 0},
		{"checked past a crisis-rule hit", []conv.Message{{Role: conv.RoleUser, Content: "I've been thinking about ending my life."},
			{Role: conv.RoleAssistant, Content: "Thank you for telling me. If there's anything nearby you could use to hurt yourself, could you move it somewhere harder to reach?"},
			{Role: conv.RoleUser, Content: "Okay. Why do I feel like this?"},
			{Role: conv.RoleAssistant, Content: "You clearly have major depressive disorder."}}, []string{"diagnosis"}, 3},
		{"myth framed as myth", []conv.Message{u, {Role: conv.RoleAssistant, Content: "It's a myth that antidepressants are addictive like street drugs."}}, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs := f.Check(&conv.Conversation{ID: "x", Messages: tt.msgs})
			if got := codes(rs); !slices.Equal(got, tt.want) {
				t.Fatalf("got %v (%+v), want %v", got, rs, tt.want)
			}
			if len(rs) > 0 && (rs[0].Message != tt.onMsg || rs[0].Span == "") {
				t.Errorf("reject %+v: want message %d with a span", rs[0], tt.onMsg)
			}
		})
	}
}

func TestKeepLabels(t *testing.T) {
	conf := 0.4
	for _, tt := range []struct {
		name   string
		labels conv.Labels
		want   float64
	}{
		{"human labels", conv.Labels{Concerns: []conv.Concern{conv.ConcernGrief}}, 1},
		{"severity only", conv.Labels{Severity: conv.SeverityOf(2)}, 1},
		{"automatic labels", conv.Labels{Concerns: []conv.Concern{conv.ConcernGrief}, Confidence: &conf}, 0.4},
		{"unlabelled", conv.Labels{}, 0},
	} {
		_, got := KeepLabels{}.Annotate(&conv.Conversation{Labels: tt.labels})
		if got != tt.want {
			t.Errorf("%s: confidence %g, want %g", tt.name, got, tt.want)
		}
	}
}

func FuzzParseCurateConfig(f *testing.F) {
	f.Add("seed: 3\ndedupe: {threshold: 0.8}\n")
	f.Add("split: {train: 1, val: 0, test: 0}\nfilter:\n  guard:\n    rules: [diagnosis]\n")
	f.Add("scrub:\n  disable: [URL]\n  keep_numbers: ['0800 1111']\n")
	f.Fuzz(func(t *testing.T, s string) {
		cfg, err := ParseCurateConfig(strings.NewReader(s), "f.yaml")
		if err == nil {
			if verr := cfg.Validate(); verr != nil {
				t.Fatalf("accepted an invalid config: %v", verr)
			}
		} else if !strings.HasPrefix(err.Error(), "f.yaml") {
			t.Fatalf("error does not name the file: %v", err)
		}
	})
}

func FuzzSniffNative(f *testing.F) {
	f.Add(`{"id":"a","messages":[{"role":"user","content":"hi"}],"labels":{}}`)
	f.Add(`{"prompt":[{"role":"user","content":"x"}],"chosen":"a","rejected":"b"}`)
	f.Add(`{"messages":[{"role":"user","content":[{"type":"text","text":"x"}]}]}`)
	f.Fuzz(func(t *testing.T, s string) {
		sniffNative(bufio.NewReader(strings.NewReader(s)))
	})
}
