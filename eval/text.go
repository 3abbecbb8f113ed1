// Surface metrics of reply text: word tokens, distinct-n, repetition
// (seq-rep-n), length and TF-IDF cosine relevance to the user's message.
// Definitions are in docs/eval.md; each function here is the definition.
package eval

import (
	"math"
	"strings"
	"unicode"
)

// Words lowercases s and splits it into word tokens: runs of letters and
// digits, keeping an apostrophe between letters ("don't").
func Words(s string) []string {
	var out []string
	var b strings.Builder
	rs := []rune(strings.ToLower(s))
	flush := func() {
		if b.Len() > 0 {
			out = append(out, b.String())
			b.Reset()
		}
	}
	for i, r := range rs {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		case (r == '\'' || r == '’') && b.Len() > 0 && i+1 < len(rs) && unicode.IsLetter(rs[i+1]):
			b.WriteRune('\'')
		default:
			flush()
		}
	}
	flush()
	return out
}

// ngrams returns the n-grams of words joined by a space.
func ngrams(words []string, n int) []string {
	if len(words) < n {
		return nil
	}
	out := make([]string, 0, len(words)-n+1)
	for i := 0; i+n <= len(words); i++ {
		out = append(out, strings.Join(words[i:i+n], " "))
	}
	return out
}

// DistinctN is corpus-level distinct-n (Li et al., 2016): the number of
// distinct word n-grams across all replies divided by the total number of
// n-grams. It returns NaN when there are no n-grams.
func DistinctN(replies [][]string, n int) float64 {
	seen := map[string]bool{}
	total := 0
	for _, w := range replies {
		for _, g := range ngrams(w, n) {
			seen[g] = true
			total++
		}
	}
	if total == 0 {
		return math.NaN()
	}
	return float64(len(seen)) / float64(total)
}

// Repetition is seq-rep-n (Welleck et al., 2019) of one reply: 1 minus the
// share of its word n-grams that are distinct. 0 means no n-gram repeats;
// it approaches 1 as the reply loops. Replies shorter than n score 0.
func Repetition(words []string, n int) float64 {
	g := ngrams(words, n)
	if len(g) == 0 {
		return 0
	}
	seen := map[string]bool{}
	for _, x := range g {
		seen[x] = true
	}
	return 1 - float64(len(seen))/float64(len(g))
}

// IDF returns smoothed inverse document frequencies over docs:
// idf(t) = ln((1+N)/(1+df(t))) + 1, the form scikit-learn uses, so a term
// in every document still weighs 1.
func IDF(docs [][]string) map[string]float64 {
	df := map[string]int{}
	for _, d := range docs {
		seen := map[string]bool{}
		for _, w := range d {
			if !seen[w] {
				seen[w] = true
				df[w]++
			}
		}
	}
	idf := make(map[string]float64, len(df))
	n := float64(len(docs))
	for w, k := range df {
		idf[w] = math.Log((1+n)/(1+float64(k))) + 1
	}
	return idf
}

// TFIDFCosine is the cosine similarity of the TF-IDF vectors of a and b
// (raw term counts times idf). Terms missing from idf weigh as a term seen
// in no document of a one-document corpus (ln 2 + 1). Empty input gives 0.
func TFIDFCosine(a, b []string, idf map[string]float64) float64 {
	va, vb := tfidf(a, idf), tfidf(b, idf)
	var dot, na, nb float64
	for w, x := range va {
		na += x * x
		if y, ok := vb[w]; ok {
			dot += x * y
		}
	}
	for _, y := range vb {
		nb += y * y
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return dot / math.Sqrt(na*nb)
}

func tfidf(words []string, idf map[string]float64) map[string]float64 {
	v := map[string]float64{}
	for _, w := range words {
		v[w]++
	}
	for w := range v {
		weight, ok := idf[w]
		if !ok {
			weight = math.Ln2 + 1
		}
		v[w] *= weight
	}
	return v
}
