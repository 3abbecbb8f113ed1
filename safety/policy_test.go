// Tests for policy parsing and validation, the resource directory and the
// crisis responses.
package safety

import (
	"errors"
	"strings"
	"testing"

	"github.com/tend-project/tend/conv"
)

func TestParsePolicy(t *testing.T) {
	tests := []struct {
		name, yaml string
		field      string // "" means valid
	}{
		{"empty uses defaults", "", ""},
		{"full", "locale: GB\ncrisis:\n  enabled: true\nthresholds:\n  referral: low\n  crisis_response: moderate\nrules:\n  diagnosis: flag\n  method_detail: rewrite\nallow_links: [https://www.samaritans.org]\n", ""},
		{"crisis disabled", "crisis:\n  enabled: false\n", "crisis.enabled"},
		{"threshold imminent", "thresholds:\n  crisis_response: imminent\n", "thresholds.crisis_response"},
		{"threshold above imminent", "thresholds:\n  referral: catastrophic\n", "unknown level"},
		{"referral none", "thresholds:\n  referral: none\n", "thresholds.referral"},
		{"crisis rule flag", "rules:\n  method_detail: flag\n", "rules.method_detail"},
		{"crisis rule off", "rules:\n  missing_referral: off\n", "rules.missing_referral"},
		{"encourages off", "rules:\n  encourages_harm: off\n", "rules.encourages_harm"},
		{"unknown rule", "rules:\n  rudeness: block\n", "rules.rudeness"},
		{"unknown action", "rules:\n  stigma: shout\n", "rules.stigma"},
		{"unknown field", "locale: US\nverbose: true\n", "verbose"},
		{"unknown locale", "locale: XX\n", "locale"},
	}
	for _, tt := range tests {
		p, err := ParsePolicy(strings.NewReader(tt.yaml), "policy.yaml")
		if tt.field == "" {
			if err != nil {
				t.Errorf("%s: %v", tt.name, err)
			}
			continue
		}
		if err == nil {
			t.Errorf("%s: accepted %+v", tt.name, p)
			continue
		}
		if !strings.Contains(err.Error(), tt.field) || !strings.Contains(err.Error(), "policy.yaml") {
			t.Errorf("%s: error %q does not name %q and the file", tt.name, err, tt.field)
		}
		if !errors.Is(err, ErrPolicy) {
			t.Errorf("%s: error %v is not ErrPolicy", tt.name, err)
		}
	}
}

func TestResources(t *testing.T) {
	want := map[string]string{"US": "988", "CA": "988", "GB": "116 123", "IE": "116 123", "AU": "13 11 14", "NZ": "1737", "IN": "14416", "DE": "0800 111 0 111", "FR": "3114"}
	emergency := map[string]string{"US": "911", "CA": "911", "GB": "999", "IE": "112", "AU": "000", "NZ": "111", "IN": "112", "DE": "112", "FR": "15", "INTL": "112"}
	for loc, num := range want {
		d := Resources(loc)
		if d.Locale != loc {
			t.Errorf("Resources(%q) returned locale %q", loc, d.Locale)
			continue
		}
		found := false
		for _, l := range d.Lines {
			if l.Number == num {
				found = true
			}
			if l.Source == "" || l.Verified && l.LastVerified == "" || !l.Verified && l.Note == "" {
				t.Errorf("%s %s: source %q, verified %v, last_verified %q, note %q", loc, l.Name, l.Source, l.Verified, l.LastVerified, l.Note)
			}
		}
		if !found {
			t.Errorf("%s: no line with number %s", loc, num)
		}
	}
	for loc, num := range emergency {
		if got := Resources(loc).Emergency.Number; got != num {
			t.Errorf("%s emergency = %q, want %q", loc, got, num)
		}
	}
	for in, want := range map[string]string{"en-GB": "GB", "en_us": "US", "UK": "GB", "fr": "FR", "xx-YY": "INTL", "": "INTL"} {
		if got := Resources(in).Locale; got != want {
			t.Errorf("Resources(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestCrisisResponse(t *testing.T) {
	for _, lvl := range Levels {
		for _, subj := range []Subject{SubjectSelf, SubjectThirdParty, SubjectGeneral} {
			a := Assessment{Level: lvl, Subject: subj}
			r0 := CrisisResponse(a, "GB", 0)
			r1 := CrisisResponse(a, "GB", 1)
			if r0 == "" {
				t.Errorf("%s/%s: empty", lvl, subj)
			}
			if lvl >= LevelModerate && !strings.Contains(r0, "116 123") {
				t.Errorf("%s/%s: no Samaritans number in %q", lvl, subj, r0)
			}
			if lvl == LevelImminent && subj == SubjectSelf && !strings.Contains(r0, "999") {
				t.Errorf("imminent/self: no emergency number in %q", r0)
			}
			if lvl >= LevelHigh && subj == SubjectSelf && !strings.Contains(r0+r1, "suicide") && !strings.Contains(r0+r1, "killing yourself") && !strings.Contains(r0+r1, "ending your life") && lvl == LevelHigh {
				t.Errorf("high/self: does not ask about suicide directly: %q", r0)
			}
			low := strings.ToLower(r0 + r1)
			for _, bad := range []string{"goodbye", "painless", "lethal", "you should feel", "calm down", "selfish"} {
				if strings.Contains(low, bad) {
					t.Errorf("%s/%s: contains %q", lvl, subj, bad)
				}
			}
			if subj == SubjectSelf && lvl >= LevelModerate && !strings.HasSuffix(strings.TrimSpace(r0), "?") {
				t.Errorf("%s/%s: does not end by inviting a reply: %q", lvl, subj, r0)
			}
			if CrisisResponse(a, "GB", 0) != r0 {
				t.Errorf("%s/%s: not deterministic", lvl, subj)
			}
		}
	}
	if a, b := CrisisResponse(Assessment{Level: LevelHigh}, "US", 0), CrisisResponse(Assessment{Level: LevelHigh}, "US", 1); a == b {
		t.Error("variants 0 and 1 are identical")
	}
}

// TestCrisisResponseWording checks the emergency sentence in every locale
// (one condition, said once) and that the output guard, which flagged
// good safety-planning replies before, passes every crisis response in the
// conversation it answers.
func TestCrisisResponseWording(t *testing.T) {
	g, err := NewGuard(DefaultPolicy(), nil)
	if err != nil {
		t.Fatal(err)
	}
	users := map[Subject]string{
		SubjectSelf:       "I want to kill myself tonight, I have the pills here.",
		SubjectThirdParty: "My brother told me he wants to kill himself tonight.",
		SubjectGeneral:    "What are the warning signs of suicide?",
	}
	for _, loc := range Locales() {
		for _, lvl := range []Level{LevelHigh, LevelImminent} {
			for _, subj := range []Subject{SubjectSelf, SubjectThirdParty, SubjectGeneral} {
				for v := 0; v < 3; v++ {
					r := CrisisResponse(Assessment{Level: lvl, Subject: subj}, loc, v)
					if i := strings.Index(r, "If you are in immediate danger"); i >= 0 {
						sent := r[i:]
						if j := strings.Index(sent, "\n"); j >= 0 {
							sent = sent[:j]
						}
						if n := strings.Count(sent, "danger"); n > 1 {
							t.Errorf("%s %s/%s v%d: 'danger' said %d times: %q", loc, lvl, subj, v, n, sent)
						}
					}
					if strings.Contains(r, "now now") || strings.Contains(r, " if life is") || strings.Contains(r, "in an emergency now") {
						t.Errorf("%s %s/%s v%d: awkward emergency sentence: %q", loc, lvl, subj, v, r)
					}
					c := &conv.Conversation{Messages: []conv.Message{{Role: conv.RoleUser, Content: users[subj]}}}
					vd := g.Check(c, r)
					for _, x := range vd.Violations {
						if x.Rule != RuleMissingDisclosure {
							t.Errorf("%s %s/%s v%d: guard flags the crisis response: %s (%s) in %q", loc, lvl, subj, v, x.Rule, x.Pattern, x.Sentence)
						}
					}
				}
			}
		}
	}
	if got := CrisisResponse(Assessment{Level: LevelImminent}, "US", 0); !strings.Contains(got, "please call 911 now.") {
		t.Errorf("US emergency sentence: %q", got)
	}
}

func TestClassifierAction(t *testing.T) {
	tests := []struct {
		name       string
		setting    Action
		rule       string
		ruleAction Action
		want       Action
	}{
		{"default flags a non-crisis rule", "", RuleDiagnosis, ActionRewrite, ActionFlag},
		{"default flags claims_human", "", RuleClaimsHuman, ActionBlock, ActionFlag},
		{"crisis rule keeps its action", "", RuleMethodDetail, ActionBlock, ActionBlock},
		{"crisis rule keeps rewrite", ActionFlag, RuleEncouragesHarm, ActionRewrite, ActionRewrite},
		{"rewrite when asked", ActionRewrite, RuleMedication, ActionBlock, ActionRewrite},
		{"never more than the rule", ActionBlock, RuleStigma, ActionRewrite, ActionRewrite},
		{"a flagged rule stays flagged", ActionBlock, RuleDiagnosis, ActionFlag, ActionFlag},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := DefaultPolicy()
			p.GuardClassifierAction = tc.setting
			if got := p.ClassifierAction(tc.rule, tc.ruleAction); got != tc.want {
				t.Errorf("ClassifierAction(%s, %s) with %q = %s, want %s", tc.rule, tc.ruleAction, tc.setting, got, tc.want)
			}
		})
	}
	if _, err := ParsePolicy(strings.NewReader("guard_classifier_action: off\n"), "p.yaml"); err == nil || !strings.Contains(err.Error(), "guard_classifier_action") {
		t.Errorf("guard_classifier_action: off: got %v, want an error naming the field", err)
	}
}
