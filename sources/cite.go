// Citations and passages: the "Learn more" links the response pipeline
// attaches to a reply, the per-deployment switch that controls them, and the
// psychoeducation passages that data import and the seed corpus draw on.
package sources

import (
	"fmt"
	"slices"
	"strings"

	"github.com/tend-project/tend/conv"
)

// MaxCitations is the most "Learn more" links attached to one reply: more
// than two turns a supportive reply into a reading list.
const MaxCitations = 2

// CitationMode says when replies get "Learn more" links.
type CitationMode string

const (
	// CitationsOn attaches links to any reply on a topic the library covers.
	CitationsOn CitationMode = "on"
	// CitationsOff never attaches links.
	CitationsOff CitationMode = "off"
	// CitationsPsychoeducation attaches links only to replies that give
	// information (ESConv's "Information" strategy), not to replies that
	// mainly listen or reflect feelings.
	CitationsPsychoeducation CitationMode = "psychoeducation"
)

// ParseCitationMode reads a mode from configuration. It accepts on, off and
// psychoeducation (also "psychoeducation-only"), case-insensitively; the
// empty string means on.
func ParseCitationMode(s string) (CitationMode, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "on", "true", "yes":
		return CitationsOn, nil
	case "off", "false", "no", "none":
		return CitationsOff, nil
	case "psychoeducation", "psychoeducation-only", "psychoeducation_only":
		return CitationsPsychoeducation, nil
	}
	return "", fmt.Errorf("citation mode %q: want on, off or psychoeducation", s)
}

// String returns the mode's configuration spelling.
func (m CitationMode) String() string { return string(m) }

// Applies reports whether a reply should carry citations under mode m.
// psychoeducation says whether the reply gives information (ESConv's
// "Information" strategy, see IsPsychoeducation) rather than mainly
// listening or reflecting feelings.
func (m CitationMode) Applies(psychoeducation bool) bool {
	switch m {
	case CitationsOn, "":
		return true
	case CitationsPsychoeducation:
		return psychoeducation
	}
	return false
}

// IsPsychoeducation reports whether a labelled reply strategy is
// psychoeducation.
func IsPsychoeducation(s conv.Strategy) bool { return s == conv.StrategyInformation }

// Citation is one "Learn more" link.
type Citation struct {
	ID           string  `json:"id"`
	Title        string  `json:"title"`
	Organisation string  `json:"organisation"`
	URL          string  `json:"url"`
	Score        float64 `json:"score"`
}

// Markdown renders the citation as a Markdown list item.
func (c Citation) Markdown() string {
	return fmt.Sprintf("- [%s](%s) (%s)", c.Title, c.URL, c.Organisation)
}

// Cite returns at most min(k, MaxCitations) library pages for a reply on a
// topic. concerns are the topics the pipeline detected; text (the user's
// message, the reply, or both) ranks the pages on those topics by BM25
// relevance. Without a concern (or with only "other") there is no topic and
// Cite returns nothing: raw word overlap is too weak a signal on its own
// ("thanks, that helped" shares "help" with a crisis page), and a reply
// without links is always safe. Pages are distinct by URL. When no page on
// the topic matches the words, Cite falls back to the topic's first pages in
// library order, which curators keep best-first. Cite never fails; a search
// error yields no citations.
func (l *Library) Cite(concerns []conv.Concern, text string, k int) []Citation {
	return l.CiteLocale("", concerns, text, k)
}

// CiteLocale is Cite restricted to pages for the user's locale, its bare
// language and global pages (see Filter.Locale), so that, for example, a
// user in the UK is pointed to UK services rather than a US hotline. An
// empty locale means any.
func (l *Library) CiteLocale(locale string, concerns []conv.Concern, text string, k int) []Citation {
	k = min(k, MaxCitations)
	if k <= 0 || l == nil {
		return nil
	}
	var topics []conv.Concern
	for _, c := range concerns {
		if c.Valid() && c != conv.ConcernOther && !slices.Contains(topics, c) {
			topics = append(topics, c)
		}
	}
	if len(topics) == 0 {
		return nil
	}
	// Ask for extra hits so that chunks of one imported document, which
	// share a URL, cannot crowd out other pages.
	var hits []Hit
	if strings.TrimSpace(text) != "" {
		hits, _ = l.Search(text, Filter{Concerns: topics, Locale: locale}, k*4)
	}
	out := make([]Citation, 0, k)
	seen := map[string]bool{}
	add := func(e *Entry, score float64) {
		if len(out) < k && !seen[e.URL] {
			seen[e.URL] = true
			out = append(out, Citation{ID: e.ID, Title: e.Title, Organisation: e.Organisation, URL: e.URL, Score: score})
		}
	}
	for _, h := range hits {
		add(h.Entry, h.Score)
	}
	for _, c := range topics {
		for i := range l.entries {
			if len(out) >= k {
				return out
			}
			if e := &l.entries[i]; e.HasTopic(c) && localeMatches(e.Locale, locale) {
				add(e, 0)
			}
		}
	}
	return out
}

// localeMatches mirrors localeQuery for the fallback path.
func localeMatches(entry, want string) bool {
	if want == "" || entry == want || entry == "global" {
		return true
	}
	lang, _, _ := strings.Cut(want, "-")
	return entry == lang
}

// Passage is a piece of trustworthy psychoeducation with its citation, for
// "Information" turns in training data.
type Passage struct {
	ID       string         `json:"id"`
	Text     string         `json:"text"`
	Topics   []conv.Concern `json:"topics"`
	Locale   string         `json:"locale"`
	Citation Citation       `json:"citation"`
}

// Passages returns one passage per entry, in library order: the summary of
// a hand-written entry or the text of an imported chunk, each carrying the
// page it came from so a generated reply can cite it.
func (l *Library) Passages() []Passage {
	out := make([]Passage, 0, len(l.entries))
	for i := range l.entries {
		e := &l.entries[i]
		out = append(out, Passage{
			ID:     e.ID,
			Text:   strings.Join(strings.Fields(e.Passage()), " "),
			Topics: slices.Clone(e.Topics),
			Locale: e.Locale,
			Citation: Citation{
				ID: e.ID, Title: e.Title, Organisation: e.Organisation, URL: e.URL,
			},
		})
	}
	return out
}
