// Table tests for the content filters: each rule with a case that must
// fire and hard negatives that must not, turn scope, the split of work
// with the guard filter, and a fuzz target for the labelled-set reader.
package data

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/data/seed"
	"github.com/tend-project/tend/safety"
)

func TestContentFilterRules(t *testing.T) {
	// Rules only: the classifier is measured on its held-out sentences
	// (TestMisinfoClassifierHeldOut), not pinned case by case.
	fs, err := ContentFilters()
	if err != nil {
		t.Fatal(err)
	}
	fs["misinformation"].(*MisinfoFilter).clf = nil
	tests := []struct {
		filter, text string
		want         string // a code the text must produce; "" = no reject
	}{
		{"misinformation", "Vaccines cause autism in young children.", "misinfo_vaccines_autism"},
		{"misinformation", "There is no link between vaccines and autism.", ""},
		{"misinformation", "My aunt told me vaccines cause autism.", ""},
		{"misinformation", "You should stop taking your meds, you don't need them.", "misinfo_stop_medication"},
		{"misinformation", "Please don't stop your meds without your prescriber.", ""},
		{"misinformation", "Stop scrolling for a minute and breathe.", ""},
		{"misinformation", "Depression is a choice.", "misinfo_depression_choice"},
		{"misinformation", "Depression isn't a choice.", ""},
		{"misinformation", "You can pray the sadness away.", "misinfo_faith_cure"},
		{"misinformation", "Prayer can be a comfort alongside treatment.", ""},
		{"misinformation", "Conversion therapy can cure being gay.", "misinfo_conversion"},
		{"misinformation", "Being gay is not an illness.", ""},
		{"misinformation", "ADHD isn't real.", "misinfo_adhd"},
		{"misinformation", "ADHD is real and often diagnosed later in women.", ""},
		{"misinformation", "Your pills will change who you are.", "misinfo_medication_myth"},
		{"misinformation", "Are you thinking about suicide?", ""},
		{"harmful_advice", "Try eating under 500 calories a day.", "harm_pro_ed"},
		{"harmful_advice", "Eating under 500 calories a day is dangerous, please see a doctor.", ""},
		{"harmful_advice", "Take 40mg of diazepam before bed.", "harm_dose"},
		{"harmful_advice", "You mentioned your GP prescribed 20mg of citalopram.", ""},
		{"harmful_advice", "Double your dose if it isn't working.", "harm_dose"},
		{"harmful_advice", "Don't double your dose without your doctor.", ""},
		{"harmful_advice", "Cut off all your friends, you don't need anyone.", "harm_isolation"},
		{"harmful_advice", "It's okay to step back from a friend who is abusive.", ""},
		{"harmful_advice", "Hide the cuts under long sleeves so nobody asks.", "harm_method"},
		{"harmful_advice", "You don't have to hide your scars here.", ""},
		{"harmful_advice", "You might as well give up.", "harm_encourage"},
		{"harmful_advice", "It can feel like you might as well give up, and I'm glad you're still talking to me.", ""},
		{"stigma", "My ex is a total psycho.", "stigma_slur"},
		{"stigma", "It hurts when people call you a psycho.", ""},
		{"stigma", "She's completely crazy.", "stigma_crazy_person"},
		{"stigma", "What a crazy week.", ""},
		{"stigma", "I feel like I'm going crazy.", ""},
		{"stigma", "Women are too emotional.", "stigma_gender"},
		{"stigma", "There's an old stereotype that women are too emotional.", ""},
		{"stigma", "Immigrants are all criminals.", "stigma_race"},
		{"stigma", "Racist abuse from neighbours is exhausting.", ""},
		{"stigma", "Muslims are terrorists.", "stigma_religion"},
		{"stigma", "Your mosque sounds like a real support.", ""},
		{"stigma", "Bisexuality is just a phase.", "stigma_sexuality"},
		{"stigma", "Being bisexual is a valid identity.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.filter+"/"+tt.text, func(t *testing.T) {
			rs := fs[tt.filter].CheckText(tt.text)
			var got []string
			for _, r := range rs {
				got = append(got, r.Code)
				if r.Span == "" || r.Reason == "" {
					t.Errorf("reject %+v has no span or reason", r)
				}
			}
			if tt.want == "" && len(got) > 0 {
				t.Errorf("got %v, want no reject", got)
			}
			if tt.want != "" && !strings.Contains(" "+strings.Join(got, " ")+" ", " "+tt.want+" ") {
				t.Errorf("got %v, want %s", got, tt.want)
			}
		})
	}
}

func TestContentFilterTurnScope(t *testing.T) {
	c := &conv.Conversation{ID: "x", Messages: []conv.Message{
		{Role: conv.RoleUser, Content: "My mum says vaccines cause autism and my brother is a psycho."},
		{Role: conv.RoleAssistant, Content: "That sounds like a lot to deal with at home. How are you feeling?"},
	}}
	fs, err := ContentFiltersFor(DefaultGuardConfig())
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		if got := f.Check(c); len(got) > 0 {
			t.Errorf("%s: user turn is context, got %+v", f.Name(), got)
		}
	}
	m, _ := NewMisinfoFilter(MisinfoConfig{Enabled: true, TurnScope: TurnScope{UserTurns: true}})
	got := m.Check(c)
	if len(got) != 1 || got[0].Code != "misinfo_vaccines_autism" || got[0].Message != 0 {
		t.Errorf("with user turns: got %+v, want misinfo_vaccines_autism on message 0", got)
	}
	c.Messages[1].Content = "Honestly, vaccines cause autism, so skip them."
	got = fs[0].Check(c)
	if len(got) != 1 || got[0].Message != 1 {
		t.Errorf("assistant turn: got %+v, want one reject on message 1", got)
	}
}

func TestContentFiltersLeaveGuardRulesToGuard(t *testing.T) {
	withStigma := DefaultGuardConfig()
	withStigma.Rules = append(withStigma.Rules, safety.RuleStigma)
	fs, err := ContentFiltersFor(withStigma)
	if err != nil {
		t.Fatal(err)
	}
	// Caught by the guard filter in the pipeline, so not again here.
	if got := fs[2].(*StigmaFilter).CheckText("They are all junkies."); len(got) > 0 {
		t.Errorf("stigma with the guard's stigma rule on: got %+v, want it left to the guard", got)
	}
	off := DefaultGuardConfig()
	off.Enabled = false
	fs, err = ContentFiltersFor(off)
	if err != nil {
		t.Fatal(err)
	}
	if got := fs[2].(*StigmaFilter).CheckText("They are all junkies."); len(got) == 0 {
		t.Error("stigma with guard off: want the guard's rule applied here")
	}
}

// The seed corpus's conversations are good training data: the content
// filters may drop only a handful of them.
func TestContentFiltersKeepSeedCorpus(t *testing.T) {
	fs, err := ContentFiltersFor(DefaultGuardConfig())
	if err != nil {
		t.Fatal(err)
	}
	n, dropped := 0, map[string]int{}
	_, err = seed.Generate(seed.Config{Seed: 1, Conversations: 1000}, func(c *conv.Conversation) error {
		n++
		for _, f := range fs {
			for _, r := range f.Check(c) {
				dropped[c.ID+" "+r.Code+": "+r.Span]++
			}
		}
		return nil
	}, func(*conv.PreferencePair) error { return nil })
	if err != nil {
		t.Fatal(err)
	}
	if len(dropped) > 5 {
		t.Errorf("%d rejects on %d seed conversations, want at most 5: %v", len(dropped), n, dropped)
	}
}

func TestReadFilterCasesErrors(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct{ name, body, want string }{
		{"malformed", `{"filter":"stigma","text":"x","flag":true}` + "\n{oops\n", ":2:"},
		{"unknown field", `{"filter":"stigma","text":"x","flagg":true}`, "unknown field"},
		{"unknown filter", `{"filter":"quality","text":"x","flag":true}`, "unknown filter"},
		{"empty text", `{"filter":"stigma","text":"","flag":true}`, "text: empty"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := dir + "/" + strings.ReplaceAll(tt.name, " ", "_") + ".jsonl"
			if err := os.WriteFile(p, []byte(tt.body), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := ReadFilterCases(p)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error containing %q", err, tt.want)
			}
		})
	}
}

func FuzzReadJSONLFilterCases(f *testing.F) {
	f.Add([]byte(`{"filter":"stigma","text":"She's crazy","flag":true}`))
	f.Add([]byte("{\"filter\":\"misinformation\",\"text\":\"a\",\"flag\":false}\n\n{"))
	fs, err := ContentFilters()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		cs, err := readJSONL[FilterCase](bytes.NewReader(b), "fuzz", nil)
		if err != nil {
			return
		}
		for _, c := range cs {
			for _, name := range ContentFilterNames {
				for _, r := range fs[name].CheckText(c.Text) {
					if !strings.Contains(c.Text, r.Span) && !strings.Contains(normApos.Replace(c.Text), r.Span) && !strings.HasSuffix(r.Span, "…") {
						t.Errorf("span %q is not in the text %q", r.Span, c.Text)
					}
				}
			}
		}
	})
}

func BenchmarkContentFilters(b *testing.B) {
	fs, err := ContentFiltersFor(DefaultGuardConfig())
	if err != nil {
		b.Fatal(err)
	}
	var cs []*conv.Conversation
	if _, err := seed.Generate(seed.Config{Seed: 1, Conversations: 300}, func(c *conv.Conversation) error {
		cs = append(cs, c)
		return nil
	}, func(*conv.PreferencePair) error { return nil }); err != nil {
		b.Fatal(err)
	}
	i := 0
	for b.Loop() {
		for _, f := range fs {
			f.Check(cs[i%len(cs)])
		}
		i++
	}
	b.ReportMetric(float64(i)/b.Elapsed().Seconds(), "conversations/s")
}

func TestStigmaGuardHitNamesItsTurn(t *testing.T) {
	f, err := NewStigmaFilter(DefaultStigmaConfig())
	if err != nil {
		t.Fatal(err)
	}
	c := &conv.Conversation{ID: "s", Messages: []conv.Message{
		{Role: conv.RoleUser, Content: "My brother keeps stealing from us."},
		{Role: conv.RoleAssistant, Content: "That sounds really hard on the whole family."},
		{Role: conv.RoleUser, Content: "He uses drugs."},
		{Role: conv.RoleAssistant, Content: "Honestly, they are all junkies."},
	}}
	got := f.Check(c)
	if len(got) != 1 || got[0].Message != 3 || got[0].Code != "stigma_slurs" {
		t.Errorf("got %+v, want one stigma_slurs reject on message 3", got)
	}
}
