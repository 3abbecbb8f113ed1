// Diversity measures over generated replies: distinct-2 (unique word
// bigrams over all bigrams, Li et al. 2016), the share of replies that are
// unique, and the largest share of replies that any one sentence appears
// in. The last is the guard against a template leaking the same sentence
// everywhere; tend requires it to stay at or below 2%.
//
// Memory grows with the number of distinct bigrams and sentences, not with
// the number of replies: replies and bigrams are kept as 64-bit hashes.
package seed

import (
	"hash/maphash"
	"strings"
	"unicode"
)

// Diversity summarises one set of replies.
type Diversity struct {
	Replies int `json:"replies"`
	// Distinct2 is unique bigrams / total bigrams, 0–1.
	Distinct2 float64 `json:"distinct_2"`
	// UniqueShare is unique replies / replies, 0–1.
	UniqueShare float64 `json:"unique_share"`
	// MaxSentenceShare is the largest fraction of replies containing one
	// sentence, and MaxSentence is that sentence (lower-cased).
	MaxSentenceShare float64 `json:"max_sentence_share"`
	MaxSentence      string  `json:"max_sentence"`
}

// diversity accumulates replies one at a time.
type diversity struct {
	seed      maphash.Seed
	replies   int
	unique    map[uint64]struct{}
	bigrams   map[uint64]struct{}
	total     int
	sentences map[string]int
	seen      map[string]struct{} // per-reply scratch
}

func newDiversity() *diversity {
	return &diversity{
		seed:      maphash.MakeSeed(),
		unique:    map[uint64]struct{}{},
		bigrams:   map[uint64]struct{}{},
		sentences: map[string]int{},
		seen:      map[string]struct{}{},
	}
}

func (d *diversity) add(reply string) {
	d.replies++
	d.unique[maphash.String(d.seed, reply)] = struct{}{}
	words := tokens(reply)
	for i := 0; i+1 < len(words); i++ {
		d.bigrams[maphash.String(d.seed, words[i]+"\x00"+words[i+1])] = struct{}{}
		d.total++
	}
	clear(d.seen)
	for _, s := range sentences(reply) {
		if _, ok := d.seen[s]; ok {
			continue
		}
		d.seen[s] = struct{}{}
		d.sentences[s]++
	}
}

// result computes the summary. Ties for the most shared sentence go to the
// alphabetically first, so the report is deterministic.
func (d *diversity) result() Diversity {
	out := Diversity{Replies: d.replies}
	if d.replies == 0 {
		return out
	}
	if d.total > 0 {
		out.Distinct2 = float64(len(d.bigrams)) / float64(d.total)
	}
	out.UniqueShare = float64(len(d.unique)) / float64(d.replies)
	best, bestN := "", 0
	for s, n := range d.sentences {
		if n > bestN || (n == bestN && s < best) {
			best, bestN = s, n
		}
	}
	out.MaxSentence = best
	out.MaxSentenceShare = float64(bestN) / float64(d.replies)
	return out
}

// tokens lower-cases text and splits it into words (letters, digits and
// inner apostrophes).
func tokens(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
}

// sentences splits text after '.', '?' or '!' followed by a space, and
// normalises each sentence to lower case.
func sentences(text string) []string {
	var out []string
	start := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if (c == '.' || c == '?' || c == '!') && (i+1 == len(text) || text[i+1] == ' ') {
			if s := strings.TrimSpace(text[start : i+1]); s != "" {
				out = append(out, strings.ToLower(s))
			}
			start = i + 1
		}
	}
	if s := strings.TrimSpace(text[start:]); s != "" {
		out = append(out, strings.ToLower(s))
	}
	return out
}
