// Diversity measures over generated replies: distinct-2 (unique word
// bigrams over all bigrams, Li et al. 2016), the share of replies that are
// unique, and the largest share of replies that any one sentence appears
// in. The last is the guard against a template leaking the same sentence
// everywhere; tend requires it to stay at or below 2%.
//
// Memory grows with the number of distinct bigrams and sentences, not with
// the number of replies, and everything is kept as 64-bit FNV-1a hashes
// (fixed, so the figures are reproducible); only the text of the most
// shared sentence is kept.
package seed

import (
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
	replies   int
	unique    map[uint64]struct{}
	bigrams   map[uint64]struct{}
	total     int
	sentences map[uint64]int32
	seen      map[uint64]struct{} // per-reply scratch
	// best is the sentence that first reached the highest count.
	best  string
	bestN int32
}

func newDiversity() *diversity {
	return &diversity{
		unique:    map[uint64]struct{}{},
		bigrams:   map[uint64]struct{}{},
		sentences: map[uint64]int32{},
		seen:      map[uint64]struct{}{},
	}
}

func (d *diversity) add(reply string) {
	d.replies++
	d.unique[fnv64(reply)] = struct{}{}
	words := tokens(reply)
	for i := 0; i+1 < len(words); i++ {
		d.bigrams[fnv64(words[i], "\x00", words[i+1])] = struct{}{}
		d.total++
	}
	clear(d.seen)
	for _, s := range sentences(reply) {
		h := fnv64(s)
		if _, ok := d.seen[h]; ok {
			continue
		}
		d.seen[h] = struct{}{}
		n := d.sentences[h] + 1
		d.sentences[h] = n
		if n > d.bestN {
			d.best, d.bestN = s, n
		}
	}
}

// result computes the summary. Counts only grow, so the sentence that
// first reached the top count is reported: deterministic for a given order.
func (d *diversity) result() Diversity {
	out := Diversity{Replies: d.replies}
	if d.replies == 0 {
		return out
	}
	if d.total > 0 {
		out.Distinct2 = float64(len(d.bigrams)) / float64(d.total)
	}
	out.UniqueShare = float64(len(d.unique)) / float64(d.replies)
	out.MaxSentence = d.best
	out.MaxSentenceShare = float64(d.bestN) / float64(d.replies)
	return out
}

// fnv64 is 64-bit FNV-1a over the concatenation of parts.
func fnv64(parts ...string) uint64 {
	h := uint64(14695981039346656037)
	for _, p := range parts {
		for i := 0; i < len(p); i++ {
			h ^= uint64(p[i])
			h *= 1099511628211
		}
	}
	return h
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
