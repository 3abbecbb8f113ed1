// Compaction of phrase patterns before expansion. compilePattern expands
// every "[ a | b | … ]" group into one sequence per alternative, so a claim
// over three word classes becomes the product of their sizes (the concept
// claims first compiled to 230,000 sequences). Merging a group's one-word
// alternatives into a single "a|b" element keeps the matches and cuts the
// product; the misinformation claims and round six's guard rules use it
// (FuzzCompactGroups checks the matches are kept).
package safety

import "strings"

// compactGroups rewrites every phrase group of a pattern so that its
// one-word alternatives form a single "a|b|c" element: "[ safe | fine |
// no problem ]" becomes "[ safe|fine | no problem ]". The meaning is the
// same, but the compiled pattern has one alternative per phrase instead of
// one per word, so a claim over three word classes does not expand into
// their product (locked_up_for_telling alone was 100,320 sequences).
func compactGroups(p string) string {
	fs := strings.Fields(p)
	depth := 0
	for _, f := range fs {
		switch {
		case f == "[":
			depth++
		case f == "]" || f == "]?":
			depth--
		case strings.ContainsAny(f, "[]"):
			return p // a bracket inside a word: leave it to compilePattern
		}
		if depth < 0 {
			return p
		}
	}
	if depth != 0 {
		return p
	}
	i := 0
	return strings.Join(compactAlts(fs, &i, false), " ")
}

// compactAlts reads alternatives from fs[*i:] up to the closing "]" (when
// inGroup) or the end, and returns their compacted fields.
func compactAlts(fs []string, i *int, inGroup bool) []string {
	var alts [][]string
	var cur []string
	for *i < len(fs) {
		f := fs[*i]
		*i++
		switch {
		case f == "|":
			alts = append(alts, cur)
			cur = nil
		case f == "[":
			inner := compactAlts(fs, i, true)
			cur = append(cur, "[")
			cur = append(cur, inner...)
			cur = append(cur, fs[*i-1]) // "]" or "]?"
		case inGroup && (f == "]" || f == "]?"):
			alts = append(alts, cur)
			return mergeWordAlts(alts)
		default:
			cur = append(cur, f)
		}
	}
	alts = append(alts, cur)
	return mergeWordAlts(alts)
}

// mergeWordAlts joins the alternatives, the one-word ones merged into one.
func mergeWordAlts(alts [][]string) []string {
	var words []string
	seen := map[string]bool{}
	var rest [][]string
	for _, a := range alts {
		if len(a) == 1 && plainWords(a[0]) {
			for _, w := range strings.Split(a[0], "|") {
				if !seen[w] {
					seen[w] = true
					words = append(words, w)
				}
			}
			continue
		}
		rest = append(rest, a)
	}
	var out []string
	if len(words) > 0 {
		out = append(out, strings.Join(words, "|"))
	}
	for _, a := range rest {
		if len(out) > 0 {
			out = append(out, "|")
		}
		out = append(out, a...)
	}
	return out
}

// plainWords reports whether f is one word or a "a|b" choice of plain
// words (no gap, option, prefix, number class, macro or group).
func plainWords(f string) bool {
	if f == "" || strings.HasPrefix(f, "|") || strings.HasSuffix(f, "|") {
		return false
	}
	return !strings.ContainsAny(f, "~?*#@[]")
}

// misinfoCompiledMacros are guardMacros with their groups compacted, for
// the misinformation claims.
var misinfoCompiledMacros = func() map[string]string {
	out := make(map[string]string, len(guardMacros))
	for k, v := range guardMacros {
		out[k] = compactGroups(v)
	}
	return out
}()
