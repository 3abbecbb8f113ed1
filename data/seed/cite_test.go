// Tests of the "Learn more" citations in psychoeducation answers: every
// link is in the bundled sources library, every info answer has exactly one
// and it is on the conversation's concern and for the user's locale, and no
// other reply (crisis lines included) carries a link.
package seed

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/sources"
)

var linkPattern = regexp.MustCompile(`https?://[^\s()]+`)

func bundled(t *testing.T) *sources.Library {
	t.Helper()
	lib, err := bundledLibrary()
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

// TestCitedURLsAreInLibrary checks every link in the default corpus,
// conversations and pairs, against the library's allow-list.
func TestCitedURLsAreInLibrary(t *testing.T) {
	lib := bundled(t)
	allowed := lib.URLs()
	c := defaultCorpus(t)
	check := func(id, text string) int {
		links := linkPattern.FindAllString(text, -1)
		for _, u := range links {
			if _, ok := slices.BinarySearch(allowed, u); !ok {
				t.Errorf("%s cites %s, which is not in the sources library", id, u)
			}
		}
		return len(links)
	}
	total := 0
	for _, x := range c.convs {
		for _, m := range x.Messages {
			n := check(x.ID, m.Content)
			if n > 0 && m.Role != conv.RoleAssistant {
				t.Errorf("%s: a %s message carries a link: %s", x.ID, m.Role, m.Content)
			}
			total += n
		}
	}
	// Pairs are built from support and crisis turns, which carry no
	// reading link (see cite.go).
	for _, p := range c.pairs {
		for _, side := range [][]conv.Message{p.Prompt, p.Chosen, p.Rejected} {
			for _, m := range side {
				if n := check(p.ID, m.Content); n > 0 {
					t.Errorf("%s: a preference pair carries a link: %s", p.ID, m.Content)
				}
			}
		}
	}
	if total == 0 {
		t.Fatal("the corpus cites nothing")
	}
	if c.stats.Cited != c.stats.PerKind["info"] {
		t.Errorf("%d conversations cite a page, want all %d info conversations", c.stats.Cited, c.stats.PerKind["info"])
	}
}

// TestCitationMatchesConversation regenerates the default conversations
// with their plan and locale and checks where the links are and what they
// point to.
func TestCitationMatchesConversation(t *testing.T) {
	lib := bundled(t)
	byURL := map[string]*sources.Entry{}
	for i := range lib.Entries() {
		e := &lib.Entries()[i]
		byURL[e.URL] = e
	}
	cfg := DefaultConfig()
	perEntry := map[string]int{}
	for i := range cfg.Conversations {
		c, m := conversation(cfg.Seed, i)
		concern := c.Labels.Concerns[0]
		for j, l := range c.Labels.Turns {
			links := linkPattern.FindAllString(c.Messages[l.Turn].Content, -1)
			want := 0
			if m.kind == kindInfo && j == 0 {
				want = 1
				if l.Strategy != conv.StrategyInformation {
					t.Fatalf("%s: the answer is labelled %s", c.ID, l.Strategy)
				}
			}
			if len(links) != want {
				t.Fatalf("%s turn %d (%s, plan %s): %d links, want %d: %s", c.ID, l.Turn, l.Strategy, kindNames[m.kind], len(links), want, c.Messages[l.Turn].Content)
			}
			if want == 0 {
				continue
			}
			e := byURL[links[0]]
			if e == nil {
				t.Fatalf("%s cites %s, not in the library", c.ID, links[0])
			}
			perEntry[e.ID]++
			if !e.HasTopic(concern) {
				t.Errorf("%s is about %s but cites %s (topics %v)", c.ID, concern, e.ID, e.Topics)
			}
			if !strings.Contains(c.Messages[l.Turn].Content, `"`+e.Title+`"`) && !isHomePage(e.Organisation, e.Title) {
				t.Errorf("%s: the citation of %s does not name its title %q", c.ID, e.ID, e.Title)
			}
			if !strings.Contains(c.Messages[l.Turn].Content, e.Organisation) {
				t.Errorf("%s: the citation of %s does not name %q", c.ID, e.ID, e.Organisation)
			}
			// A user whose locale has pages on the concern is never sent to
			// another country's page.
			if m.locale != "" && hasLocalPage(lib, concern, "en-"+m.locale) && !localFor(e.Locale, "en-"+m.locale) {
				t.Errorf("%s: user in %s is sent to %s (%s)", c.ID, m.locale, e.ID, e.Locale)
			}
		}
	}
	// Relevance and locale spread the links over many pages; a handful
	// of pages taking every answer would mean the ranking is broken.
	if len(perEntry) < 40 {
		t.Errorf("info answers cite only %d distinct pages, want at least 40: %v", len(perEntry), perEntry)
	}
}

func localFor(entry, want string) bool { return entry == want || entry == "global" || entry == "en" }

func hasLocalPage(lib *sources.Library, c conv.Concern, locale string) bool {
	for i := range lib.Entries() {
		if e := &lib.Entries()[i]; e.HasTopic(c) && localFor(e.Locale, locale) {
			return true
		}
	}
	return false
}

func TestIsHomePage(t *testing.T) {
	for _, tt := range []struct {
		org, title string
		want       bool
	}{
		{"Beat (UK)", "Beat", true},
		{"Crisis Text Line", "Crisis Text Line", true},
		{"U.S. Department of Veterans Affairs, National Center for PTSD", "National Center for PTSD", true},
		{"NHS (UK)", "Insomnia", false},
		{"Mind (UK)", "Mind over matter", false},
	} {
		if got := isHomePage(tt.org, tt.title); got != tt.want {
			t.Errorf("isHomePage(%q, %q) = %v, want %v", tt.org, tt.title, got, tt.want)
		}
	}
}
