// Tests for the scrubber: a table of hard cases (months and word-names,
// hotline numbers beside personal ones, invalid check digits), the check
// digit algorithms, the labelled set's precision and recall floors, and a
// fuzz target.
package data

import (
	"bytes"
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestScrubCases(t *testing.T) {
	s := NewScrubber(ScrubConfig{})
	tests := []struct{ name, in, want string }{
		{"email", "write to jo.smith@gmail.com today", "write to [EMAIL] today"},
		{"email domain is not a url", "it's a.b@example.org.", "it's [EMAIL]."},
		{"uk mobile", "call +44 7700 900123.", "call [PHONE]."},
		{"us phone next to 988", "call 988 or my cell 555-867-5309", "call 988 or my cell [PHONE]"},
		{"samaritans beside a mobile", "Samaritans 116 123 07700 900456", "Samaritans 116 123 [PHONE]"},
		{"lifeline text number kept", "text Lifeline on 0477 13 11 14", "text Lifeline on 0477 13 11 14"},
		{"telefonseelsorge kept", "call 0800 111 0 111", "call 0800 111 0 111"},
		{"crisis text line kept", "text HOME to 741741", "text HOME to 741741"},
		{"relation cue", "my sister Anna said no", "my sister [NAME] said no"},
		{"intro cue", "I'm Tom, hi", "I'm [NAME], hi"},
		{"title", "Dr. Patel was kind", "Dr. [NAME] was kind"},
		{"name and surname", "Sarah Jones from HR", "[NAME] from HR"},
		{"month after preposition", "In May I felt better", "In May I felt better"},
		{"hope as a word", "Hope is hard. I hope so.", "Hope is hard. I hope so."},
		{"will as a verb", "Will it ever end? I will try.", "Will it ever end? I will try."},
		{"grace as a word", "She has such grace.", "She has such grace."},
		{"hope with a cue", "my sister Hope knows", "my sister [NAME] knows"},
		{"may with a cue", "my friend May lives here", "my friend [NAME] lives here"},
		{"st johns wort", "Try St John's wort", "Try St John's wort"},
		{"nationality after I'm", "I'm British", "I'm British"},
		{"ssn", "SSN 123-45-6789.", "SSN [ID]."},
		{"invalid ssn area", "code 666-12-3456", "code 666-12-3456"},
		{"nhs with cue", "NHS number 943 476 5919", "NHS number [ID]"},
		{"nhs bad check digit is a phone", "NHS number 943 476 5918", "NHS number [PHONE]"},
		{"card luhn", "card 4111 1111 1111 1111", "card [ID]"},
		{"card bad luhn", "order 4111 1111 1111 1112", "order 4111 1111 1111 1112"},
		{"ipv4", "from 192.168.1.254 today", "from [ID] today"},
		{"version is not an ip", "version 10.2.1.4.5", "version 10.2.1.4.5"},
		{"ipv6", "from fe80::1ff:fe23:4567:890a", "from [ID]"},
		{"time is not ipv6", "at 10:30:45", "at 10:30:45"},
		{"dob", "I was born on 12/03/1988.", "I was born on [DATE]."},
		{"plain date kept", "my exam is on 12/06/2025", "my exam is on 12/06/2025"},
		{"address", "I live at 221B Baker Street, London NW1 6XE.", "I live at [ADDRESS]."},
		{"walking down the road", "I walked 5 miles down the road", "I walked 5 miles down the road"},
		{"handle", "follow @quietlyhealing now", "follow [NAME] now"},
		{"url", "see https://myblog.example.com/me", "see [URL]"},
		{"allowed url", "see https://www.samaritans.org/how-we-can-help/.", "see https://www.samaritans.org/how-we-can-help/."},
		{"year range", "Between 2019-2020 I stayed in", "Between 2019-2020 I stayed in"},
		{"amount", "rent is 1,250 a month", "rent is 1,250 a month"},
		{"placeholders are stable", "[NAME] and [PHONE]", "[NAME] and [PHONE]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c ScrubCounts
			if got := s.Scrub(tt.in, &c); got != tt.want {
				t.Errorf("Scrub(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
			if n := strings.Count(tt.want, "[") - strings.Count(tt.in, "["); c.Total() != n {
				t.Errorf("counted %d spans, want %d", c.Total(), n)
			}
		})
	}
}

func TestScrubConfig(t *testing.T) {
	s := NewScrubber(ScrubConfig{Disable: []PIIType{PIIURL}, AllowURLs: []string{"https://nhs.uk/mental-health"}, KeepNumbers: []string{"0800 555 0111"}})
	in := "see https://x.example.com, https://www.nhs.uk/conditions and call 0800 555 0111"
	if got := s.Scrub(in, nil); got != in {
		t.Errorf("got %q, want the text unchanged", got)
	}
}

func TestCheckDigits(t *testing.T) {
	for _, tt := range []struct {
		name string
		f    func(string) bool
		in   string
		want bool
	}{
		{"luhn visa", luhn, "4111111111111111", true},
		{"luhn amex", luhn, "378282246310005", true},
		{"luhn off by one", luhn, "4111111111111112", false},
		{"nhs valid", nhsValid, "9434765919", true},
		{"nhs valid 2", nhsValid, "4010232137", true},
		{"nhs bad check", nhsValid, "9434765918", false},
		{"nhs check 10 invalid", nhsValid, "1000000010", false},
		{"ssn ok", validSSN, "123456789", true},
		{"ssn 000 area", validSSN, "000123456", false},
		{"ssn 9xx area", validSSN, "912345678", false},
		{"ssn 00 group", validSSN, "123004567", false},
	} {
		if got := tt.f(tt.in); got != tt.want {
			t.Errorf("%s(%s) = %v, want %v", tt.name, tt.in, got, tt.want)
		}
	}
}

var reMarkup = regexp.MustCompile(`\{\{([A-Z]+)\|(.*?)\}\}`)

// TestScrubLabelledSource keeps labelled.jsonl in step with the readable
// labelled.txt it is made from; -update rewrites the JSONL.
func TestScrubLabelledSource(t *testing.T) {
	src, err := os.ReadFile("testdata/scrub/labelled.txt")
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	for _, l := range strings.Split(string(src), "\n") {
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
			continue
		}
		c := ScrubCase{Spans: []GoldSpan{}}
		c.Text = reMarkup.ReplaceAllStringFunc(l, func(m string) string {
			sub := reMarkup.FindStringSubmatch(m)
			c.Spans = append(c.Spans, GoldSpan{PIIType(sub[1]), sub[2]})
			return sub[2]
		})
		b, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		out.Write(append(b, '\n'))
	}
	const path = "testdata/scrub/labelled.jsonl"
	if *update {
		if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(out.String(), string(got)); diff != "" {
		t.Errorf("%s is stale (run with -update) (-want +got):\n%s", path, diff)
	}
}

// TestScrubLabelled measures precision and recall on the labelled set and
// holds them above floors.
func TestScrubLabelled(t *testing.T) {
	f, err := os.Open("testdata/scrub/labelled.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cases, err := ReadScrubLabelled(f, "labelled.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	rep := EvalScrub(NewScrubber(ScrubConfig{}), cases)
	var buf bytes.Buffer
	rep.WriteTable(&buf)
	t.Log("\n" + buf.String())
	if rep.GoldSpans < 300 {
		t.Errorf("labelled set has %d spans, want at least 300", rep.GoldSpans)
	}
	floors := map[PIIType][2]float64{ // precision, recall
		PIIEmail: {0.95, 0.95}, PIIPhone: {0.9, 0.85}, PIIName: {0.85, 0.8}, PIIAddress: {0.85, 0.8},
		PIIID: {0.9, 0.85}, PIIURL: {0.9, 0.85}, PIIDate: {0.85, 0.8},
	}
	for typ, fl := range floors {
		p := rep.ByType[typ]
		if p.Precision() < fl[0] || p.Recall() < fl[1] {
			t.Errorf("%s: precision %.3f recall %.3f, want at least %.2f / %.2f", typ, p.Precision(), p.Recall(), fl[0], fl[1])
		}
	}
	if rep.RedactionRecall() < 0.9 {
		t.Errorf("redaction recall %.3f, want at least 0.9", rep.RedactionRecall())
	}
}

func TestReadScrubLabelledErrors(t *testing.T) {
	for _, tt := range []struct{ name, in, want string }{
		{"bad json", "{\n", "x.jsonl:1: malformed JSON"},
		{"unknown field", `{"text":"a","spanz":[]}`, `x.jsonl:1: malformed JSON: json: unknown field "spanz"`},
		{"unknown type", `{"text":"a b","spans":[{"type":"SSN","text":"a"}]}`, `x.jsonl:1: invalid record: spans[0].type: unknown type "SSN"`},
		{"span not in text", "\n" + `{"text":"a b","spans":[{"type":"NAME","text":"c"}]}`, `x.jsonl:2: invalid record: spans[0].text: "c" not found in text`},
	} {
		_, err := ReadScrubLabelled(strings.NewReader(tt.in), "x.jsonl")
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%s: got %v, want prefix %q", tt.name, err, tt.want)
		}
	}
}

// FuzzScrub checks that spans are in bounds, sorted and disjoint, and that
// scrubbing is idempotent.
func FuzzScrub(f *testing.F) {
	for _, s := range []string{"call 988 or 555-867-5309", "my sister Anna", "born on 12/03/1988", "fe80::1", "a@b.co @x", "221B Baker Street, London NW1 6XE", "Dr. É", "\xff\xfe"} {
		f.Add(s)
	}
	s := NewScrubber(ScrubConfig{})
	f.Fuzz(func(t *testing.T, in string) {
		prev := 0
		for _, sp := range s.Find(in) {
			if sp.Start < prev || sp.End <= sp.Start || sp.End > len(in) {
				t.Fatalf("bad span %+v in %q", sp, in)
			}
			prev = sp.End
		}
		once := s.Scrub(in, nil)
		if twice := s.Scrub(once, nil); twice != once {
			t.Fatalf("not idempotent:\n%q\n%q\n%q", in, once, twice)
		}
	})
}
