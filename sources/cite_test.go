package sources

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/tend-project/tend/conv"
)

func TestParseCitationMode(t *testing.T) {
	for _, tc := range []struct {
		in      string
		want    CitationMode
		wantErr bool
	}{
		{"", CitationsOn, false},
		{"on", CitationsOn, false},
		{"OFF", CitationsOff, false},
		{"psychoeducation", CitationsPsychoeducation, false},
		{"psychoeducation-only", CitationsPsychoeducation, false},
		{" Psychoeducation_Only ", CitationsPsychoeducation, false},
		{"sometimes", "", true},
	} {
		got, err := ParseCitationMode(tc.in)
		if (err != nil) != tc.wantErr || got != tc.want {
			t.Errorf("ParseCitationMode(%q) = %q, %v; want %q, error %v", tc.in, got, err, tc.want, tc.wantErr)
		}
	}
}

func TestCitationModeApplies(t *testing.T) {
	for _, tc := range []struct {
		mode  CitationMode
		psych bool
		want  bool
	}{
		{CitationsOn, false, true},
		{CitationsOn, true, true},
		{CitationsOff, true, false},
		{CitationsPsychoeducation, true, true},
		{CitationsPsychoeducation, false, false},
	} {
		if got := tc.mode.Applies(tc.psych); got != tc.want {
			t.Errorf("%s.Applies(%v) = %v, want %v", tc.mode, tc.psych, got, tc.want)
		}
	}
	if !IsPsychoeducation(conv.StrategyInformation) || IsPsychoeducation(conv.StrategyReflection) {
		t.Error("IsPsychoeducation: only the Information strategy is psychoeducation")
	}
}

func TestCite(t *testing.T) {
	lib := bundled(t)
	allowed := map[string]bool{}
	for _, u := range lib.URLs() {
		allowed[u] = true
	}
	for _, tc := range []struct {
		name     string
		concerns []conv.Concern
		text     string
		k        int
		wantN    int
		topic    conv.Concern // every citation must cover this topic, if set
	}{
		{"sleep", []conv.Concern{conv.ConcernSleep}, "I lie awake every night and can't sleep", 2, 2, conv.ConcernSleep},
		{"no topic, no links", nil, "I lie awake every night and can't sleep", 2, 0, ""},
		{"unknown concern ignored", []conv.Concern{"astrology"}, "I can't sleep", 2, 0, ""},
		{"capped at two", []conv.Concern{conv.ConcernGrief}, "my father died", 5, 2, conv.ConcernGrief},
		{"one asked", []conv.Concern{conv.ConcernAnger}, "I lose my temper", 1, 1, conv.ConcernAnger},
		{"concern beats words", []conv.Concern{conv.ConcernEatingBody}, "I can't sleep", 2, 2, conv.ConcernEatingBody},
		{"concern with no matching words falls back", []conv.Concern{conv.ConcernTrauma}, "hmm ok", 2, 2, conv.ConcernTrauma},
		{"off-topic chat gets nothing", nil, "what a lovely sunny afternoon for a picnic", 2, 0, ""},
		{"other is not a topic filter", []conv.Concern{conv.ConcernOther}, "what a lovely sunny afternoon for a picnic", 2, 0, ""},
		{"k zero", []conv.Concern{conv.ConcernSleep}, "sleep", 0, 0, ""},
		{"empty text with concern", []conv.Concern{conv.ConcernCrisis}, "", 2, 2, conv.ConcernCrisis},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := lib.Cite(tc.concerns, tc.text, tc.k)
			if len(got) != tc.wantN {
				t.Fatalf("got %d citations %v, want %d", len(got), got, tc.wantN)
			}
			seen := map[string]bool{}
			for _, c := range got {
				if !allowed[c.URL] {
					t.Errorf("citation %s is not in the library's URLs", c.URL)
				}
				if seen[c.URL] {
					t.Errorf("URL %s cited twice", c.URL)
				}
				seen[c.URL] = true
				e, ok := lib.Get(c.ID)
				if !ok || e.URL != c.URL || e.Title != c.Title {
					t.Errorf("citation %+v does not match its entry", c)
				}
				if tc.topic != "" && !e.HasTopic(tc.topic) {
					t.Errorf("citation %s has topics %v, want %s", c.ID, e.Topics, tc.topic)
				}
			}
		})
	}
}

func TestCiteLocale(t *testing.T) {
	lib := bundled(t)
	for _, tc := range []struct {
		locale string
		text   string
		ok     map[string]bool
	}{
		{"en-GB", "I want to end my life", map[string]bool{"en-GB": true, "global": true}},
		{"en-AU", "I want to end my life", map[string]bool{"en-AU": true, "global": true}},
		{"en-US", "", map[string]bool{"en-US": true, "global": true}}, // fallback path
	} {
		got := lib.CiteLocale(tc.locale, []conv.Concern{conv.ConcernCrisis}, tc.text, 2)
		if len(got) != 2 {
			t.Fatalf("%s: got %d citations, want 2", tc.locale, len(got))
		}
		for _, c := range got {
			e, _ := lib.Get(c.ID)
			if !tc.ok[e.Locale] {
				t.Errorf("%s: cited %s with locale %s", tc.locale, c.ID, e.Locale)
			}
		}
	}
}

func TestCiteDedupesChunks(t *testing.T) {
	doc := "---\nurl: https://team.example/sleep\ntopics: [sleep]\norganisation: Team\n---\n# Sleep guide\n\n" +
		strings.Repeat("Insomnia and sleep trouble respond to a steady wake time. ", 40) + "\n\n" +
		strings.Repeat("Insomnia often improves when the bedroom is kept for sleep. ", 40) + "\n"
	es, err := ImportDoc("sleep.md", []byte(doc), ImportOptions{ChunkWords: 60})
	if err != nil {
		t.Fatal(err)
	}
	if len(es) < 3 {
		t.Fatalf("got %d chunks, want several", len(es))
	}
	lib, err := New(&File{Name: "team.yaml", Version: "1", Entries: es})
	if err != nil {
		t.Fatal(err)
	}
	got := lib.Cite([]conv.Concern{conv.ConcernSleep}, "insomnia sleep", 2)
	if len(got) != 1 {
		t.Errorf("got %d citations %v, want 1: all chunks share one page", len(got), got)
	}
}

func TestPassages(t *testing.T) {
	lib := bundled(t)
	ps := lib.Passages()
	if len(ps) != lib.Len() {
		t.Fatalf("got %d passages, want %d", len(ps), lib.Len())
	}
	for _, p := range ps {
		e, ok := lib.Get(p.ID)
		if !ok {
			t.Fatalf("passage %s has no entry", p.ID)
		}
		if p.Text == "" || strings.Contains(p.Text, "\n") {
			t.Errorf("%s: passage text %q should be one non-empty paragraph", p.ID, p.Text)
		}
		if p.Citation.URL != e.URL || p.Citation.Title != e.Title || p.Citation.Organisation != e.Organisation {
			t.Errorf("%s: citation %+v does not match entry", p.ID, p.Citation)
		}
		if !slices.Equal(p.Topics, e.Topics) || p.Locale != e.Locale {
			t.Errorf("%s: topics/locale differ from entry", p.ID)
		}
	}
	if got := ps[0].Citation.Markdown(); !strings.HasPrefix(got, "- [") || !strings.Contains(got, ps[0].Citation.URL) {
		t.Errorf("Markdown() = %q", got)
	}
}

// TestCiteConcurrent: a server calls Cite from many request goroutines on
// one library; run with -race.
func TestCiteConcurrent(t *testing.T) {
	lib := bundled(t)
	qs := readTestQueries(t)
	want := make([][]Citation, len(qs))
	for i, q := range qs {
		want[i] = lib.Cite([]conv.Concern{q.Concern}, q.Query, 2)
	}
	done := make(chan error, 8)
	for g := 0; g < 8; g++ {
		go func() {
			for i, q := range qs {
				got := lib.Cite([]conv.Concern{q.Concern}, q.Query, 2)
				if !slices.Equal(got, want[i]) {
					done <- fmt.Errorf("query %d: concurrent result %v differs from %v", i, got, want[i])
					return
				}
			}
			done <- nil
		}()
	}
	for g := 0; g < 8; g++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}
