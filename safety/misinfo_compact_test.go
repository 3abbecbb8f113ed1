// Tests for misinfo_compact.go: the compacted pattern matches exactly
// where the written one does.
package safety

import "testing"

// TestCompactGroups: one-word alternatives merge, phrases and nesting stay,
// and the compacted pattern matches exactly where the original does.
func TestCompactGroups(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"[ a | b | c d ] e", "[ a|b | c d ] e"},
		{"x|y ~2 [ p | q ]? z", "x|y ~2 [ p|q ]? z"},
		{"[ a | [ b | c ] | d e ] | f | g h", "f | [ a | [ b|c ] | d e ] | g h"},
		{"[ @m_ad | pills | a b ]", "[ pills | @m_ad | a b ]"},
	} {
		if got := compactGroups(tt.in); got != tt.want {
			t.Errorf("compactGroups(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	texts := []string{
		"Antidepressants will get you hooked, honestly.",
		"If you tell your GP you're suicidal they will lock you up.",
		"Drinking on sertraline is totally fine.",
		"Some people say sertraline is fine with a drink, but check.",
		"Sugar causes depression and gluten causes anxiety.",
	}
	for _, id := range []string{"ad_addictive", "locked_up_for_telling", "mix_alcohol_safe", "single_cause", "natural_safe"} {
		var pat string
		for _, m := range misinfoAll {
			if m.ID == id {
				pat = m.pat
			}
		}
		full, err1 := compilePattern(pat, guardMacros)
		small, err2 := compilePattern(compactGroups(pat), misinfoCompiledMacros)
		if err1 != nil || err2 != nil {
			t.Fatalf("%s: %v %v", id, err1, err2)
		}
		if len(small) > len(full) {
			t.Errorf("%s: %d sequences compacted to %d", id, len(full), len(small))
		}
		for _, text := range texts {
			toks := tokenize(text)
			for i := range toks {
				a, b := matchesAt(full, toks, i), matchesAt(small, toks, i)
				if a != b {
					t.Errorf("%s on %q at %q: full %v, compacted %v", id, text, toks[i].w, a, b)
				}
			}
		}
	}
}

// FuzzCompactGroups: compacting never panics, never turns a pattern that
// compiles into one that does not, and keeps where it matches.
func FuzzCompactGroups(f *testing.F) {
	for _, p := range []string{"[ a | b | c d ] e", "x|y ~2 [ p | q ]? z", "[ a | [ b | c ] | d e ] | f | g h", "need ~1 [ a | the ] help", "[ | ] a", "[ a"} {
		f.Add(p, "you need a help e z and then c d e")
	}
	f.Fuzz(func(t *testing.T, pat, text string) {
		if len(pat) > 200 || len(text) > 300 {
			return
		}
		c := compactGroups(pat)
		full, err := compilePattern(pat, nil)
		if err != nil || len(full) > 2000 {
			return
		}
		small, err := compilePattern(c, nil)
		if err != nil {
			t.Fatalf("%q compiles, compacted %q does not: %v", pat, c, err)
		}
		toks := tokenize(text)
		for i := range toks {
			a, b := matchesAt(full, toks, i), matchesAt(small, toks, i)
			if a != b {
				t.Fatalf("%q vs %q on %q at %d: %v vs %v", pat, c, text, i, a, b)
			}
		}
	})
}

// matchesAt reports whether any of the compiled sequences matches toks
// starting at token i.
func matchesAt(seqs [][]elem, toks []token, i int) bool {
	for _, es := range seqs {
		if matchElems(es, toks, i, toks[i].sent) >= 0 {
			return true
		}
	}
	return false
}
