// Each scrub prefilter must pass every text its expression matches.
package data

import (
	"regexp"
	"testing"
)

var prefilterChecks = []struct {
	name string
	re   *regexp.Regexp
	pass func(string) bool
}{
	{"phone", rePhone, func(s string) bool { return hasDigitChain(s, 6) }},
	{"ssn", reSSN, hasSSNShape},
	{"ipv4", reIPv4, hasDigitDotDigit},
	{"url", reURL, hasScheme},
	{"domain", reDomain, hasTLD},
}

var prefilterCases = []string{"call 07700 900456", "+44 (0) 20 7946 0958", "1-2-3-4-5-6", "12 .3", "123-45-6789", "123 45 6789",
	"10.0.0.1", "v1.2", "see https://x.y", "WWW.Example.com", "mind.org.uk/", "a.COM", "x.community", "find.co_uk", "it.ie", "no numbers here"}

func TestScrubPrefilters(t *testing.T) {
	for _, s := range prefilterCases {
		for _, c := range prefilterChecks {
			if c.re.MatchString(s) && !c.pass(s) {
				t.Errorf("%s: %q matches the expression but fails the prefilter", c.name, s)
			}
		}
	}
}

func FuzzScrubPrefilters(f *testing.F) {
	for _, s := range prefilterCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, c := range prefilterChecks {
			if c.re.MatchString(s) && !c.pass(s) {
				t.Errorf("%s: %q matches the expression but fails the prefilter", c.name, s)
			}
		}
	})
}
