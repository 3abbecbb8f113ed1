// words (the name scan's tokenizer) against a plain rune-by-rune
// reference, on hand-picked and fuzzed text.
package data

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// wordsReference is the tokenizer written with unicode.IsLetter on every
// rune.
func wordsReference(text string) []word {
	var out []word
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(text) {
			r2, n2 := utf8.DecodeRuneInString(text[j:])
			if unicode.IsLetter(r2) {
				j += n2
				continue
			}
			if (r2 == '\'' || r2 == '’' || r2 == '-') && j+n2 < len(text) {
				if r3, _ := utf8.DecodeRuneInString(text[j+n2:]); unicode.IsLetter(r3) {
					j += n2
					continue
				}
			}
			break
		}
		w := text[i:j]
		for _, suf := range []string{"'s", "’s"} {
			if strings.HasSuffix(w, suf) && len(w) > len(suf)+1 {
				w = w[:len(w)-len(suf)]
			}
		}
		out = append(out, word{i, i + len(w), w})
		i = j
	}
	return out
}

var wordsCases = []string{"", "Anna's mum-in-law rang.", "José’s café, naïve résumé", "rock 'n' roll -x- a'", "Ünïcödé ÀB ß", "日本語 テキスト", "\xff\xfeab\xc3", "it's’s 's", "a-\xe2\x80\x99b"}

func TestWordsReference(t *testing.T) {
	for _, s := range wordsCases {
		if got, want := words(s, nil), wordsReference(s); !slices.Equal(got, want) {
			t.Errorf("words(%q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzWords(f *testing.F) {
	for _, s := range wordsCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := words(s, nil), wordsReference(s); !slices.Equal(got, want) {
			t.Errorf("words(%q) = %v, want %v", s, got, want)
		}
	})
}
