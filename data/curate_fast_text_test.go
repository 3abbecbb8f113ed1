// Tests of the allocation-free text helpers against the standard
// library functions they stand in for.
package data

import (
	"strings"
	"testing"
)

var textCases = []string{"", "  ", "one", " two  words ", "tab\tand\nnewline\r\n", "nbsp\u00a0here\u2003em", "\xff bad \xc3", "x\u0085y", "“Don’t” ‘quote’ it’s"}

func TestCountFields(t *testing.T) {
	for _, s := range textCases {
		if got, want := countFields(s), len(strings.Fields(s)); got != want {
			t.Errorf("countFields(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestFoldQuotes(t *testing.T) {
	for _, s := range textCases {
		if got, want := foldQuotes(s), normApos.Replace(s); got != want {
			t.Errorf("foldQuotes(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzCountFields(f *testing.F) {
	for _, s := range textCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := countFields(s), len(strings.Fields(s)); got != want {
			t.Errorf("countFields(%q) = %d, want %d", s, got, want)
		}
		if got, want := foldQuotes(s), normApos.Replace(s); got != want {
			t.Errorf("foldQuotes(%q) = %q, want %q", s, got, want)
		}
	})
}
