// Unit tests for the template language, the text helpers, the diversity
// counter and the hand-written banks themselves.
package seed

import (
	"math/rand/v2"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/tend-project/tend/conv"
)

func TestExpand(t *testing.T) {
	sl := slots{"topic": "the move", "feel": "tired", "nest": "{feel} about {topic}"}
	tests := []struct{ name, tmpl, want string }{
		{"plain", "hello there", "hello there"},
		{"slot", "about {topic}", "about the move"},
		{"slot inside slot", "you're {nest}", "you're tired about the move"},
		{"unknown slot kept", "a {nope} b", "a {nope} b"},
		{"one alternative", "{same|same}", "same"},
		{"empty alternatives", "x{|}y", "xy"},
		{"nested", "{a {topic}|a {topic}}", "a the move"},
		{"unbalanced", "a {b", "a {b"},
		{"stray close", "a } b", "a } b"},
	}
	for _, tc := range tests {
		if got := expand(rand.New(rand.NewPCG(1, 2)), tc.tmpl, sl); got != tc.want {
			t.Errorf("%s: expand(%q) = %q, want %q", tc.name, tc.tmpl, got, tc.want)
		}
	}
	// Every alternative is reachable.
	seen := map[string]bool{}
	r := rand.New(rand.NewPCG(3, 4))
	for range 200 {
		seen[expand(r, "{a|b|{c|d}}", nil)] = true
	}
	if want := map[string]bool{"a": true, "b": true, "c": true, "d": true}; !reflect.DeepEqual(seen, want) {
		t.Errorf("alternatives reached %v, want %v", seen, want)
	}
}

func FuzzExpand(f *testing.F) {
	for _, s := range []string{"", "a", "{a|b}", "{topic}", "{{{|}}}", "x {a|{b|c}} {feel}", "}{", "{|"} {
		f.Add(s, uint64(1))
	}
	sl := slots{"topic": "t", "feel": "f"}
	f.Fuzz(func(t *testing.T, tmpl string, seed uint64) {
		out := expand(rand.New(rand.NewPCG(seed, 0)), tmpl, sl)
		if !strings.Contains(tmpl, "{") && out != tmpl {
			t.Fatalf("template without braces changed: %q -> %q", tmpl, out)
		}
		if len(out) > len(tmpl) {
			// Only slot values can lengthen the text; they are one byte
			// each here, replacing at least three ("{t}"), so the output
			// never grows.
			t.Fatalf("output %q longer than template %q", out, tmpl)
		}
	})
}

func TestYouify(t *testing.T) {
	tests := []struct{ in, want string }{
		{"I was late and my boss saw me.", "you were late and your boss saw you."},
		{"I'm tired, I've tried and I'll keep trying.", "you're tired, you've tried and you'll keep trying."},
		{"I wasn't there when it happened.", "you weren't there when it happened."},
		{"My sister and I am not the problem, I told myself.", "your sister and you are not the problem, you told yourself."},
		{"The choice was mine.", "The choice was yours."},
		{"It was (my) fault, I think.", "It was (your) fault, you think."},
	}
	for _, tc := range tests {
		if got := youify(tc.in); got != tc.want {
			t.Errorf("youify(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestTidy(t *testing.T) {
	tests := []struct {
		in   []string
		want string
	}{
		{[]string{"hello.", "", "  how are you?  "}, "Hello. How are you?"},
		{[]string{"so , fine .", "yes! ok"}, "So, fine. Yes! Ok"},
		{[]string{"it's 9-8-8. call now."}, "It's 9-8-8. Call now."},
		{[]string{"\"quoted\" start."}, "\"Quoted\" start."},
	}
	for _, tc := range tests {
		if got := tidy(tc.in...); got != tc.want {
			t.Errorf("tidy(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSentencesAndTokens(t *testing.T) {
	if got, want := sentences("Hi there. Are you ok? Yes! findahelpline.com lists lines"), []string{"hi there.", "are you ok?", "yes!", "findahelpline.com lists lines"}; !slices.Equal(got, want) {
		t.Errorf("sentences = %q, want %q", got, want)
	}
	if got, want := tokens("It's 9-8-8, OK?"), []string{"it's", "9", "8", "8", "ok"}; !slices.Equal(got, want) {
		t.Errorf("tokens = %q, want %q", got, want)
	}
}

func TestDiversityCounter(t *testing.T) {
	d := newDiversity()
	for _, r := range []string{"A b. C d.", "A b. E f.", "A b. C d."} {
		d.add(r)
	}
	got := d.result()
	// Bigrams: (a b)(b c)(c d) ×2 and (a b)(b e)(e f): 9 in all, 5 distinct.
	want := Diversity{Replies: 3, Distinct2: 5.0 / 9, UniqueShare: 2.0 / 3, MaxSentenceShare: 1, MaxSentence: "a b."}
	if got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if (newDiversity().result() != Diversity{}) {
		t.Error("empty counter should give zero stats")
	}
}

var pronounWords = regexp.MustCompile(`(?i)\b(we|us|our|ours|you|your)\b`)

// TestBanks checks the hand-written material: coverage of every concern,
// enough variety per slot, known feelings, and situations that restate
// cleanly in the second person.
func TestBanks(t *testing.T) {
	all := banks()
	var concerns []conv.Concern
	pieces := 0
	for _, b := range all {
		concerns = append(concerns, b.Concern)
		counts := map[string][2]int{
			"situations": {len(b.Situations), 10}, "others": {len(b.Others), 3}, "questions": {len(b.Questions), 5},
			"ideas": {len(b.Ideas), 7}, "helps": {len(b.Helps), 3}, "details": {len(b.Details), 5}, "info": {len(b.Info), 2},
			"myths": {len(b.Myths), 3}, "diagnoses": {len(b.Diagnoses), 2}, "prescribes": {len(b.Prescribes), 2},
		}
		for _, name := range []string{"situations", "others", "questions", "ideas", "helps", "details", "info", "myths", "diagnoses", "prescribes"} {
			if c := counts[name]; c[0] < c[1] {
				t.Errorf("%s: %d %s, want ≥ %d", b.Concern, c[0], name, c[1])
			}
			pieces += counts[name][0]
		}
		for _, s := range b.Situations {
			for _, f := range s.Feel {
				if !slices.Contains(feelings, f) {
					t.Errorf("%s: situation %q uses unknown feeling %q", b.Concern, s.Text, f)
				}
			}
			if len(s.Feel) < 2 || s.Topic == "" {
				t.Errorf("%s: situation %q needs two feelings and a topic", b.Concern, s.Text)
			}
			if w := pronounWords.FindString(s.Text); w != "" {
				t.Errorf("%s: situation %q uses %q, which youify cannot restate", b.Concern, s.Text, w)
			}
			you := youify(s.Text)
			if regexp.MustCompile(`\b(I|me|my|mine|myself)\b|\byou (was|am|wasn't)\b`).MatchString(you) {
				t.Errorf("%s: restatement %q still has first-person or broken verbs", b.Concern, you)
			}
		}
		for _, o := range b.Others {
			if o.Pron != "she" && o.Pron != "he" && o.Pron != "they" {
				t.Errorf("%s: other %q has pronoun %q", b.Concern, o.Text, o.Pron)
			}
		}
		for _, q := range b.Questions {
			if !strings.HasSuffix(q, "?") {
				t.Errorf("%s: question %q does not end with '?'", b.Concern, q)
			}
		}
		for _, qa := range b.Info {
			if !strings.HasSuffix(qa.Q, "?") || len(qa.A) < 150 {
				t.Errorf("%s: info %q needs a question and an answer of substance", b.Concern, qa.Q)
			}
		}
	}
	want := slices.DeleteFunc(slices.Clone(conv.Concerns), func(c conv.Concern) bool { return c == conv.ConcernOther })
	if !slices.Equal(concerns, want) {
		t.Errorf("banks cover %v, want %v", concerns, want)
	}
	t.Logf("%d concern-specific pieces across %d banks", pieces, len(all))
}

// TestTemplatesExpandFully renders every template group many times with a
// full slot set and requires no brace to survive.
func TestTemplatesExpandFully(t *testing.T) {
	groups := map[string][]string{
		"erWeak": erWeak, "erStrong": erStrong, "ipWeak": ipWeak, "ipStrong": ipStrong, "restate": restate,
		"exWeak": exWeak, "exStrong": exStrong, "affirm": affirm, "ideaFirst": ideaFirst, "ideaMore": ideaMore,
		"ideaIntro": ideaIntro, "ideaCheck": ideaCheck, "ideaCheckOne": ideaCheckOne, "referral": referral, "pros": pros, "safetyCheck": safetyCheck,
		"safetyAfter": safetyAfter, "closers": closers, "resourceLine": resourceLine, "resourceAlt": resourceAlt,
		"emergencyLine": emergencyLine, "stayWith": stayWith, "crisisReflect": crisisReflect, "thankTelling": thankTelling,
		"safeNow": safeNow, "meansSafety": meansSafety, "someoneNear": someoneNear, "crisisHope": crisisHope,
		"crisisAgreeReply": crisisAgreeReply, "declineMethod": declineMethod, "unknownResources": unknownResources,
		"unknownDirectory": unknownDirectory, "askLocale": askLocale, "userFeel1": userFeel[1], "userFeel3": userFeel[3],
		"userAnswer": userAnswer, "userAfterIdeas": userAfterIdeas, "userSafetyNo": userSafetyNo, "otherOpeners": otherOpeners,
		"otherAsks": otherAsks, "otherDetails": otherDetails, "otherReflect": otherReflect, "otherQuestions": otherQuestions,
		"otherThanks": otherThanks, "infoAfter": infoAfter, "infoLead": infoLead, "infoFollow": infoFollow, "infoClose": infoClose,
		"dismissOpen": dismissOpen, "dismissMid": dismissMid, "dismissEnd": dismissEnd, "diagFrames": diagFrames,
		"diagEnd": diagEnd, "prescribeEnd": prescribeEnd, "toxicOpen": toxicOpen, "toxicMid": toxicMid, "toxicEnd": toxicEnd,
		"mythLead": mythLead, "mythTail": mythTail, "methodEngage": methodEngage, "missOpen": missOpen, "missEnd": missEnd,
		"humanClaim": humanClaim, "humanStory": humanStory, "humanEnd": humanEnd,
	}
	r := rand.New(rand.NewPCG(5, 6))
	sl := slots{"topic": "T", "feel": "F", "feel2": "G", "name": "N", "sit": "S", "gp": "GP", "counsellor": "C",
		"therapist": "TH", "country": "X", "line": "L", "how": "H", "alt": "A", "emergency": "E", "person": "P",
		"them": "M", "their": "R", "do": "D", "detail": "DT", "pro": "PRO", "help": "HP", "diag": "DG"}
	total := 0
	names := make([]string, 0, len(groups))
	for name := range groups {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		for _, tmpl := range groups[name] {
			total++
			for range 30 {
				if out := expand(r, tmpl, sl); strings.ContainsAny(out, "{}") {
					t.Fatalf("%s: %q left braces: %q", name, tmpl, out)
				}
			}
		}
	}
	t.Logf("%d generic templates in %d groups", total, len(groups))
}

func TestResources(t *testing.T) {
	digits := regexp.MustCompile(`\d`)
	for _, r := range append(slices.Clone(resources), unknownLocale) {
		if len(r.Sources) == 0 {
			t.Errorf("%q: no source URL", r.Locale)
		}
		for _, u := range r.Sources {
			if !strings.HasPrefix(u, "https://") {
				t.Errorf("%q: source %q is not an https URL", r.Locale, u)
			}
		}
		if r.Locale != "" && (!digits.MatchString(r.How) || !digits.MatchString(r.Emergency) || r.Line == "") {
			t.Errorf("%q: incomplete entry %+v", r.Locale, r)
		}
	}
}

func TestMinSeverityTopicsExist(t *testing.T) {
	topics := map[string]bool{}
	for _, b := range banks() {
		for _, s := range b.Situations {
			topics[s.Topic] = true
		}
	}
	for topic := range minSeverity {
		if !topics[topic] {
			t.Errorf("minSeverity names %q, which no situation has", topic)
		}
	}
}

func TestUnclean(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Fine. All good?", ""},
		{"fine.", "lower-case start"},
		{"A {slot} left.", `"{"`},
		{"Two  spaces.", `"  "`},
		{"Space before , comma.", `" ,"`},
		{"So you was there.", `"you was "`},
		{"The the cat.", `repeated word "the"`},
		{"Done. then more.", `lower-case sentence start "then"`},
		{" padded", "empty or untrimmed"},
	}
	for _, tc := range tests {
		if got := unclean(tc.in); got != tc.want {
			t.Errorf("unclean(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
