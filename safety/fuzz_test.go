// Fuzz targets for the parsers and the hot paths: tokenisation, Assess,
// policy YAML, suite JSONL and the streaming guard.
package safety

import (
	"bytes"
	"strings"
	"testing"
)

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"k1ll mys3lf", "I'm \"not\" ok!!", "it’s 3.5 mg?", "", "😂💀 kms", "a\nb.c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, tk := range tokenize(s) {
			if tk.start < 0 || tk.end > len(s) || tk.start > tk.end {
				t.Fatalf("token %+v out of range for %q", tk, s)
			}
		}
	})
}

func FuzzAssess(f *testing.F) {
	for _, s := range []string{"I want to die tonight", "kill the process", "my friend said she wants to kms", "\"I want to die\" is a song"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a := AssessText(s)
		if a.Level < LevelNone || a.Level > LevelImminent || a.Confidence < 0 || a.Confidence > 1 {
			t.Fatalf("%q: %+v", s, a)
		}
		for _, e := range a.Evidence {
			if e.Rule != "classifier" && (e.Start < 0 || e.End > len(s) || s[e.Start:e.End] != e.Text) {
				t.Fatalf("%q: bad span %+v", s, e)
			}
		}
	})
}

func FuzzParsePolicy(f *testing.F) {
	f.Add("locale: GB\nrules:\n  diagnosis: flag\n")
	f.Add("crisis: {enabled: false}")
	f.Add("thresholds: {referral: high}")
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePolicy(strings.NewReader(s), "fuzz.yaml")
		if err == nil {
			if verr := p.Validate(); verr != nil {
				t.Fatalf("parsed policy fails validation: %v", verr)
			}
			for r := range crisisRules {
				if a := p.ActionFor(r); a == ActionFlag || a == ActionOff {
					t.Fatalf("crisis rule %s set to %s", r, a)
				}
			}
		}
	})
}

func FuzzReadCases(f *testing.F) {
	f.Add(`{"id":"a","text":"x","level":"high","categories":["self_harm"],"subject":"self"}`)
	f.Add(`{"id":"a","messages":[{"role":"user","content":"x"}],"level":"none","categories":[],"subject":"general"}`)
	f.Fuzz(func(t *testing.T, s string) {
		ReadCases(strings.NewReader(s), "fuzz.jsonl")
		ReadGuardCases(strings.NewReader(s), "fuzz.jsonl")
	})
}

func FuzzStreamGuard(f *testing.F) {
	f.Add("That sounds hard. You have depression. Call 988.", 3)
	f.Add("See https://example.com/x. Ok!", 1)
	g, err := NewGuard(DefaultPolicy(), ResourceURLs())
	if err != nil {
		f.Fatal(err)
	}
	c := userConv("hi", "I'm an AI.", "I feel low.")
	f.Fuzz(func(t *testing.T, reply string, size int) {
		if size <= 0 || size > 64 {
			size = 5
		}
		s := g.NewStream(c)
		for i := 0; i < len(reply); i += size {
			s.Write(reply[i:min(i+size, len(reply))])
		}
		_, v := s.Close()
		if v.Action != ActionAllow && v.Action != ActionRewrite && v.Action != ActionBlock {
			t.Fatalf("action %q", v.Action)
		}
	})
}

// FuzzReadClassifier: weight files in either format never panic, and a
// file that reads back scores any text with a probability in [0, 1].
func FuzzReadClassifier(f *testing.F) {
	f.Add(classifierBin[:min(len(classifierBin), 200)])
	f.Add([]byte(clfMagic2 + "\x10\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00\x05\x00\x00\x00\x00\x00\x80\x3f"))
	f.Add([]byte("TSCLF1\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := ReadClassifier(bytes.NewReader(b))
		if err != nil {
			return
		}
		if c.Bits > 20 {
			return // a valid but large table; not worth allocating here
		}
		if p := c.ProbText("i want to kms tonight, suicde"); !(p >= 0 && p <= 1) {
			t.Fatalf("probability %v", p)
		}
	})
}
