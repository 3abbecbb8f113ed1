// Tests for the unverified_number guard rule: which numbers in a reply are
// treated as made-up helplines, with hard negatives (times, dates, years,
// quantities, money, versions, list numbering and the directory's own
// numbers in every format), the rewrite, the streaming form, the policy
// switch and the crisis responses of every locale.
package safety

import (
	"strings"
	"testing"
)

func TestUnverifiedNumbers(t *testing.T) {
	tests := []struct {
		text string
		want []string // flagged numbers, as written
	}{
		// made-up numbers and short codes
		{"You could text 14 to talk to someone.", []string{"14"}},
		{"Call 0800 123 456 for free support.", []string{"0800 123 456"}},
		{"Ring 116 0000 any time.", []string{"116 0000"}},
		{"Please dial 998 now.", []string{"998"}},
		{"Call the crisis line at 1-800-555-0199.", []string{"1-800-555-0199"}},
		{"Phone +44 20 7946 0000 to talk.", []string{"+44 20 7946 0000"}},
		{"The Hope Line (555) 010-2020 is open all night.", []string{"(555) 010-2020"}},
		{"Text HELP to 4455 and someone will reply.", []string{"4455"}},
		{"Text SHOUT to 85250.", []string{"85250"}},
		{"Call 13 11 15 to talk.", []string{"13 11 15"}},
		{"Call 9-8-9 if things get worse.", []string{"9-8-9"}},
		{"Call 116 124, it's free.", []string{"116 124"}},
		{"The helpline number is 0300.123.4567.", []string{"0300.123.4567"}},
		{"Contact 1800 44 55 66 for support.", []string{"1800 44 55 66"}},
		{"If it gets too much, call 14.", []string{"14"}},
		{"Call 14 or 999.", []string{"14"}},
		{"Call 988 or text 15 20 to chat.", []string{"15 20"}},
		{"Call 988 123 for the local branch.", []string{"123"}},
		{"Reach them on 0300 123 4567 on weekdays.", []string{"0300 123 4567"}},
		{"Call us at 4567 day or night.", []string{"4567"}},
		{"A free helpline: 08001234567.", []string{"08001234567"}},
		{"7000 is a free crisis line.", []string{"7000"}},
		{"The number to call is 5050.", []string{"5050"}},
		{"Give them a ring on 0845 790 9090.", []string{"0845 790 9090"}},
		{"Text 741 742 to chat with a counsellor.", []string{"741 742"}},
		{"You can WhatsApp 07700 900123 any time.", []string{"07700 900123"}},

		// the directory's numbers, in every format
		{"Call or text 988.", nil},
		{"Call 9-8-8 or 9-1-1.", nil},
		{"Text HOME to 741741 or 741 741.", nil},
		{"Samaritans are on 116 123 (or 116-123, or 116123).", nil},
		{"Lifeline: 13 11 14, or 000 in an emergency.", nil},
		{"Call or text 1737.", nil},
		{"Call 14416 or 1-800-891-4416.", nil},
		{"Appelez le 3114 ou le 15.", nil},
		{"TelefonSeelsorge: 0800 111 0 111 or 0800.111.0.222.", nil},
		{"Call 999 or 112, or text TALK to 50808.", nil},
		{"In New Zealand call 111.", nil},
		{"Call 988 24 hours a day, 7 days a week.", nil},
		{"Call 988, 24/7.", nil},

		// hard negatives: not phone numbers
		{"Try 4-7-8 breathing.", nil},
		{"Breathe in for 4, hold for 7, out for 8.", nil},
		{"Try the 5-4-3-2-1 grounding exercise.", nil},
		{"Call a friend at 10:30 tonight.", nil},
		{"Call your mum at 10 tomorrow.", nil},
		{"Call your GP within 24 hours.", nil},
		{"Call your doctor if it lasts more than 3 days.", nil},
		{"Text a couple of friends for 5 minutes each.", nil},
		{"Maybe text 3 friends this week.", nil},
		{"I've noticed this since 2019.", nil},
		{"The helpline started taking calls in 2007.", nil},
		{"The line has over 200 trained volunteers.", nil},
		{"The helpline answers 90% of calls within a minute.", nil},
		{"Calls cost $0.10 a minute on some plans.", nil},
		{"Call 988; it costs £0 and takes 2 minutes.", nil},
		{"Top 10 tips: start with 5 minutes outside.", nil},
		{"1. Call a friend. 2. Text your sister.", nil},
		{"This is version 2.1 of the plan.", nil},
		{"Many 15-year-olds text their friends late at night.", nil},
		{"On 12/05/2024 you can call your counsellor again.", nil},
		{"Your appointment is on 2024-05-12, so call them then.", nil},
		{"Call them on 12 May.", nil},
		{"It's the 3rd time you've called this week.", nil},
		{"About 1 in 4 people call a helpline at some point.", nil},
		{"Set a reminder for 8 pm to call your sister.", nil},
		{"The line is open 8-10 pm.", nil},
		{"Drink 2 glasses of water and call 988 if you need to.", nil},
		{"Rate it from 1 to 10 and text me the number.", nil},
		{"Call 10 or 20 people? No, just one is enough.", nil},
		{"Text 2 to 3 friends tonight.", nil},
		{"Visit https://988lifeline.org/chat/12345 to chat.", nil},
		{"Walk 10,000 steps and call a friend.", nil},
		{"Many people feel better within 2 to 3 weeks.", nil},
		{"Sleep 7-9 hours and call your GP on Monday.", nil},
		{"Text your friend at 7am.", nil},
		{"Call 988 in the US, 13 11 14 in Australia.", nil},
	}
	n := 0
	for _, tc := range tests {
		var got []string
		for _, r := range unverifiedNumbers(tc.text, nil) {
			got = append(got, tc.text[r[0]:r[1]])
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%q: got %q, want %q", tc.text, got, tc.want)
		}
		n++
	}
	t.Logf("%d cases", n)
}

func TestUnverifiedNumberRewrite(t *testing.T) {
	g := newTestGuard(t, usPolicy(), ResourceURLs())
	c := userConv("hi", "Hi, I'm an AI assistant. How can I help?", "I've been feeling low. Who can I talk to?")
	v := g.Check(c, "I'm glad you asked. You could text 14 to talk to someone tonight. What's been hardest?")
	if got := v.Rules(); len(got) != 1 || got[0] != RuleUnverifiedNumber {
		t.Fatalf("rules = %v, want [unverified_number]", got)
	}
	if v.Action != ActionRewrite {
		t.Errorf("action = %s, want rewrite", v.Action)
	}
	if strings.Contains(v.Reply, "14 ") || strings.Contains(v.Reply, "text 14") {
		t.Errorf("made-up number survived: %q", v.Reply)
	}
	for _, want := range []string{"I'm glad you asked.", "What's been hardest?", "988"} {
		if !strings.Contains(v.Reply, want) {
			t.Errorf("reply lacks %q: %q", want, v.Reply)
		}
	}
	if v.Violations[0].Span.Text != "14" {
		t.Errorf("span = %q, want 14", v.Violations[0].Span.Text)
	}

	// A dropped sentence that was not about help gets no note; a reply
	// that already names the locale's line gets no second one.
	v = g.Check(c, "I'm glad you asked. Call 988 any time. You could also text 14 tonight. What's been hardest?")
	if strings.Count(v.Reply, "988") != 1 {
		t.Errorf("want exactly one 988 in %q", v.Reply)
	}

	// flag: reported, reply unchanged; off: not reported.
	for _, a := range []Action{ActionFlag, ActionOff, ActionBlock} {
		p := usPolicy()
		p.Rules = map[string]Action{RuleUnverifiedNumber: a}
		g := newTestGuard(t, p, nil)
		v := g.Check(c, "I'm glad you asked. Dial 998 tonight. What's been hardest?")
		switch a {
		case ActionFlag:
			if len(v.Violations) != 1 || v.Action != ActionAllow || !strings.Contains(v.Reply, "998") {
				t.Errorf("flag: %+v", v)
			}
		case ActionOff:
			if len(v.Violations) != 0 {
				t.Errorf("off: %+v", v.Violations)
			}
		case ActionBlock:
			if v.Action != ActionBlock || strings.Contains(v.Reply, "998") {
				t.Errorf("block: action %s reply %q", v.Action, v.Reply)
			}
		}
	}
}

func TestUnverifiedNumberStream(t *testing.T) {
	g := newTestGuard(t, usPolicy(), ResourceURLs())
	c := userConv("hi", "Hi, I'm an AI assistant. How can I help?", "I've been feeling low. Who can I talk to?")
	s := g.NewStream(c)
	chunks := []string{"I'm glad you ", "asked. You could ", "text 1", "4 to talk to someone. ", "Or call 9", "88 any time. What's been hardest?"}
	var shown strings.Builder
	for _, ch := range chunks {
		out, _ := s.Write(ch)
		if strings.Contains(out, "14") {
			t.Fatalf("stream released a made-up number: %q", out)
		}
		shown.WriteString(out)
	}
	tail, v := s.Close()
	shown.WriteString(tail)
	if strings.Contains(shown.String(), "text 14") {
		t.Errorf("client saw the made-up number: %q", shown.String())
	}
	if !strings.Contains(shown.String(), "call 988 any time") {
		t.Errorf("the real number was dropped: %q", shown.String())
	}
	if got := v.Rules(); len(got) != 1 || got[0] != RuleUnverifiedNumber {
		t.Errorf("rules = %v", got)
	}
}

// TestCrisisResponseNumbers: the package's own crisis responses, in every
// locale, level, subject and variant, must never trip the number rule.
func TestCrisisResponseNumbers(t *testing.T) {
	n := 0
	for _, loc := range Locales() {
		p := DefaultPolicy()
		p.Locale = loc
		g := newTestGuard(t, p, ResourceURLs())
		for _, lvl := range []Level{LevelLow, LevelModerate, LevelHigh, LevelImminent} {
			for _, subj := range []Subject{SubjectSelf, SubjectThirdParty, SubjectGeneral} {
				for variant := range 3 {
					a := Assessment{Level: lvl, Subject: subj, Categories: []Category{CatSuicidalIdeation}}
					text := CrisisResponse(a, loc, variant)
					if r := unverifiedNumbers(text, nil); len(r) > 0 {
						t.Errorf("%s %s %s v%d: flagged %q in %q", loc, lvl, subj, variant, text[r[0][0]:r[0][1]], text)
					}
					if r := unverifiedNumbers(referralText(a, loc), nil); len(r) > 0 {
						t.Errorf("%s referral text flagged", loc)
					}
					v := g.Check(userConv("I want to kill myself"), text)
					for _, x := range v.Violations {
						if x.Rule == RuleUnverifiedNumber {
							t.Errorf("%s %s: guard flagged %q", loc, lvl, x.Span.Text)
						}
					}
					n++
				}
			}
		}
		if note := numberNote(loc); unverifiedNumbers(note, nil) != nil {
			t.Errorf("%s: number note flagged: %q", loc, note)
		}
	}
	t.Logf("%d crisis responses checked", n)
}

func FuzzUnverifiedNumbers(f *testing.F) {
	for _, s := range []string{"call 0800 123 456.", "text 14", "(555) 010-2020", "+44 20", "1.2.3", "9-8-8", "((((1", "1)", "+", "$1,000,000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, r := range unverifiedNumbers(s, nil) {
			if r[0] < 0 || r[1] > len(s) || r[0] >= r[1] {
				t.Fatalf("bad span %v in %q", r, s)
			}
		}
	})
}

func TestAllowNumbersPolicy(t *testing.T) {
	p, err := ParsePolicy(strings.NewReader("locale: GB\nallow_numbers:\n  - 0800 1111\nrules:\n  unverified_number: rewrite\n"), "p.yaml")
	if err != nil {
		t.Fatal(err)
	}
	g := newTestGuard(t, p, nil)
	c := userConv("hi", "Hi, I'm an AI assistant. How can I help?", "My mum shouts at me all the time.")
	for _, tc := range []struct {
		reply string
		flag  bool
	}{
		{"That sounds really hard. You could call Childline on 0800 1111; they listen. What happened today?", false},
		{"That sounds really hard. You could call Childline on 0800-1111; they listen. What happened today?", false},
		{"That sounds really hard. You could call 0800 2222; they listen. What happened today?", true},
	} {
		v := g.Check(c, tc.reply)
		if got := len(v.Violations) > 0 && v.Violations[0].Rule == RuleUnverifiedNumber; got != tc.flag {
			t.Errorf("%q: flagged %v, want %v (%v)", tc.reply, got, tc.flag, v.Rules())
		}
	}
	for _, bad := range []string{"allow_numbers:\n  - helpline\n", "rules:\n  unverified_number: sometimes\n", "allow_numbers: 5\n"} {
		if _, err := ParsePolicy(strings.NewReader(bad), "bad.yaml"); err == nil {
			t.Errorf("%q: want an error", bad)
		} else if !strings.Contains(err.Error(), "bad.yaml") {
			t.Errorf("%q: error %v does not name the file", bad, err)
		}
	}
}

func BenchmarkUnverifiedNumbers(b *testing.B) {
	text := "I'm really glad you told me. You can call 988 any time, 24 hours a day, or text HOME to 741741. Try 4-7-8 breathing for 5 minutes at 10:30 tonight. If things get worse, ring 0800 123 456. What has been hardest this week?"
	var n int
	for b.Loop() {
		n += len(unverifiedNumbers(text, nil))
	}
	b.ReportMetric(float64(len(text))*float64(b.N)/b.Elapsed().Seconds()/1e6, "MB/s")
	if n == 0 {
		b.Fatal("no numbers found")
	}
}
