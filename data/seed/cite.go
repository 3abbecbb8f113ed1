// "Learn more" citations for psychoeducation turns. The answer in an info
// conversation ends with one page from tend's bundled sources library that
// covers the conversation's concern: the page most relevant (BM25) to the
// question and answer among pages for the user's locale, a neighbouring
// locale, or any locale when the conversation does not say where the user
// is. Every link the corpus teaches is therefore one the output guard
// allows, and it is chosen without randomness, so output stays
// byte-identical for a seed.
//
// Crisis-line turns are labelled Information too, but they get no reading
// link: they already give the crisis service for the user's locale, and
// safe-messaging practice keeps a crisis reply to that one action (the
// serving pipeline's crisis path adds no links either).
package seed

import (
	"fmt"
	"strings"
	"sync"

	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/sources"
)

// bundledLibrary loads and indexes the library once per process.
var bundledLibrary = sync.OnceValues(sources.Bundled)

// nearLocale names, for crisis-table locales that have no pages of their
// own in the bundled library, the library locale to try next: Canada is
// closest to US pages, Ireland to UK (NHS, Samaritans) and New Zealand to
// Australian ones.
var nearLocale = map[string]string{"CA": "en-US", "IE": "en-GB", "NZ": "en-AU"}

// citeFor returns the library page to cite for text on the scene's concern,
// and false when the library has none (or could not be loaded).
func (s *scene) citeFor(lib *sources.Library, text string) (sources.Citation, bool) {
	if lib == nil {
		return sources.Citation{}, false
	}
	var tries []string
	if s.known {
		tries = append(tries, "en-"+s.loc.Locale)
		if n, ok := nearLocale[s.loc.Locale]; ok {
			tries = append(tries, n)
		}
	}
	tries = append(tries, "") // any locale
	for _, loc := range tries {
		if cs := lib.CiteLocale(loc, []conv.Concern{s.b.Concern}, text, 1); len(cs) > 0 {
			return cs[0], true
		}
	}
	return sources.Citation{}, false
}

// learnMore phrasings: %[1]s is the organisation, %[2]s the page title and
// %[3]s its URL. The URL sits in parentheses straight after the title, so
// no sentence punctuation is glued to it and no organisation's own
// parentheses ("NHS (UK)") run into it. Neither the title nor the
// organisation starts a sentence: some are written in lower case.
var learnMore = []string{
	"If you'd like to read more, there's a page from %[1]s called \"%[2]s\" (%[3]s).",
	"You can read more from %[1]s in \"%[2]s\" (%[3]s).",
	"For more detail, %[1]s has a page called \"%[2]s\" (%[3]s).",
	"There's more on this from %[1]s in \"%[2]s\" (%[3]s).",
	"To learn more, have a look at \"%[2]s\" (%[3]s), from %[1]s.",
	"A reliable place to read more is \"%[2]s\" (%[3]s), by %[1]s.",
}

// learnMoreHome phrasings are for an organisation's home page, whose title
// is the organisation's own name: "from Beat (UK) in \"Beat\"" would say it
// twice.
var learnMoreHome = []string{
	"You can find out more on the %[1]s website (%[3]s).",
	"If you'd like to read more, the %[1]s website is a good place to start (%[3]s).",
	"For more, have a look at the %[1]s website (%[3]s).",
	"There's more on this on the %[1]s website (%[3]s).",
}

// learnMoreSentence renders c in one of the phrasings.
func (s *scene) learnMoreSentence(c sources.Citation) string {
	if isHomePage(c.Organisation, c.Title) {
		return fmt.Sprintf(pick(s.r, learnMoreHome), c.Organisation, c.Title, c.URL)
	}
	return fmt.Sprintf(pick(s.r, learnMore), withArticle(c.Organisation), c.Title, c.URL)
}

// withArticle puts "the" before organisation names that take it in running
// text ("the NHS", "the World Health Organization"); names such as "Mind"
// or "Beyond Blue" do not.
func withArticle(org string) string {
	first, _, _ := strings.Cut(org, " ")
	switch first {
	case "NHS", "World", "National", "Centers", "American", "Substance", "Health", "U.S.", "US", "UK":
		return "the " + org
	}
	return org
}

// isHomePage reports whether a page's title is just its publisher's name:
// "Beat" by "Beat (UK)", "National Center for PTSD" by "U.S. Department of
// Veterans Affairs, National Center for PTSD".
func isHomePage(org, title string) bool {
	return org == title || strings.HasPrefix(org, title+" (") || strings.HasSuffix(org, ", "+title)
}
