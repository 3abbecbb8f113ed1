package sources

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tend-project/tend/conv"
)

func TestImportDir(t *testing.T) {
	es, err := ImportDir(os.DirFS("testdata/import"), ImportOptions{
		BaseURL:      "https://intranet.example.org/docs/",
		Organisation: "Fallback Org",
		Topics:       []conv.Concern{conv.ConcernAnger},
		IDPrefix:     "team-",
	})
	if err != nil {
		t.Fatal(err)
	}
	byDoc := map[string][]Entry{}
	for _, e := range es {
		byDoc[e.URL] = append(byDoc[e.URL], e)
	}
	for _, tc := range []struct {
		url, title, org, locale string
		topics                  []conv.Concern
		verified                string
		contains, absent        []string
	}{
		{
			url: "https://wellbeing.example.org/guides/sleep-basics", title: "Sleeping better when you are worried",
			org: "Example Health Trust", locale: "en-GB", topics: []conv.Concern{conv.ConcernSleep, conv.ConcernAnxiety}, verified: "2025-06-01",
			contains: []string{"Worry tends to get louder at night", "Keep the bedroom for sleep.", "team's sleep diary for a template"},
			absent:   []string{"---", "](", "## ", "This heading is not the title"},
		},
		{
			url: "https://wellbeing.example.org/guides/grief-first-weeks", title: "Grief in the first weeks",
			org: "Fallback Org", locale: "global", topics: []conv.Concern{conv.ConcernAnger},
			contains: []string{"common & none of them", "“wrongly”", "a short walk"},
			absent:   []string{"console.log", "font-family", "Home", "©", "<p>"},
		},
		{
			url: "https://intranet.example.org/docs/guides/anger-cooling-off.md", title: "Cooling off when anger spikes",
			org: "Fallback Org", locale: "global", topics: []conv.Concern{conv.ConcernAnger},
			contains: []string{"leaving the room for ten minutes"},
		},
	} {
		got := byDoc[tc.url]
		if len(got) == 0 {
			t.Errorf("no entries for %s; got URLs %v", tc.url, keys(byDoc))
			continue
		}
		var text strings.Builder
		for i, e := range got {
			if e.Chunk == nil || *e.Chunk != i {
				t.Errorf("%s: entry %d has chunk %v, want %d", tc.url, i, e.Chunk, i)
			}
			if !strings.HasPrefix(e.ID, "team-") {
				t.Errorf("%s: id %q lacks the prefix", tc.url, e.ID)
			}
			if e.Title != tc.title || e.Organisation != tc.org || e.Locale != tc.locale || !slices.Equal(e.Topics, tc.topics) {
				t.Errorf("%s: got title %q org %q locale %q topics %v", tc.url, e.Title, e.Organisation, e.Locale, e.Topics)
			}
			if e.LastVerified != tc.verified || e.Verified != (tc.verified != "") {
				t.Errorf("%s: verified %v %q, want %q", tc.url, e.Verified, e.LastVerified, tc.verified)
			}
			if e.Summary == "" || len(e.Summary) > 330 {
				t.Errorf("%s: summary %q", tc.url, e.Summary)
			}
			text.WriteString(e.Text + "\n")
		}
		for _, s := range tc.contains {
			if !strings.Contains(text.String(), s) {
				t.Errorf("%s: text lacks %q:\n%s", tc.url, s, text.String())
			}
		}
		for _, s := range tc.absent {
			if strings.Contains(text.String(), s) {
				t.Errorf("%s: text contains %q:\n%s", tc.url, s, text.String())
			}
		}
	}
	// The result must be a valid library file.
	if _, err := New(&File{Name: "imported", Version: "1", Entries: es}); err != nil {
		t.Errorf("imported entries do not form a library: %v", err)
	}
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func TestImportErrors(t *testing.T) {
	for _, tc := range []struct {
		name, file, body string
		opt              ImportOptions
		want             string
	}{
		{"no url", "a.md", "# T\n\nSome text here.\n", ImportOptions{Topics: []conv.Concern{conv.ConcernStress}, Organisation: "O"}, "a.md: no source URL"},
		{"no topics", "a.md", "# T\n\nSome text.\n", ImportOptions{URL: "https://x.org/a", Organisation: "O"}, "a.md: chunk 0: topics"},
		{"unknown topic", "a.md", "---\ntopics: [moods]\n---\nText.\n", ImportOptions{URL: "https://x.org/a", Organisation: "O"}, `unknown concern "moods"`},
		{"no organisation", "a.md", "Text.\n", ImportOptions{URL: "https://x.org/a", Topics: []conv.Concern{conv.ConcernStress}}, "organisation"},
		{"unclosed front matter", "a.md", "---\ntitle: x\nText.\n", ImportOptions{}, "a.md: front matter: opening --- has no closing ---"},
		{"bad front matter", "a.md", "---\ntitle: [x\n---\nText.\n", ImportOptions{}, "a.md: front matter"},
		{"empty", "a.html", "<html><head><title>T</title></head><body></body></html>", ImportOptions{URL: "https://x.org/a"}, "no text to import"},
		{"not a document", "a.txt", "text", ImportOptions{}, "not a Markdown or HTML file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ImportDoc(tc.file, []byte(tc.body), tc.opt)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want error containing %q", err, tc.want)
			}
		})
	}
	if _, err := ImportDir(fstest.MapFS{"notes.txt": {Data: []byte("x")}}, ImportOptions{}); !errors.Is(err, ErrNoDocuments) {
		t.Errorf("folder without documents: got %v, want ErrNoDocuments", err)
	}
}

func TestChunkText(t *testing.T) {
	para := func(words int) string { return strings.TrimSpace(strings.Repeat("word ", words-1) + "end.") }
	for _, tc := range []struct {
		name   string
		text   string
		target int
		want   []int // words per chunk
	}{
		{"small paragraphs merge", para(20) + "\n\n" + para(20) + "\n\n" + para(20), 100, []int{60}},
		{"split at target", para(80) + "\n\n" + para(80) + "\n\n" + para(80), 100, []int{80, 80, 80}},
		{"long paragraph split by sentences", strings.Repeat(para(10)+" ", 30), 50, []int{50, 50, 50, 50, 50, 50}},
		{"run-on text cut by words, tail merged", strings.Repeat("word ", 250), 100, []int{100, 150}},
		{"blank", "\n\n  \n", 100, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []int
			for _, c := range chunkText(tc.text, tc.target) {
				got = append(got, len(strings.Fields(c)))
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("chunk sizes %v, want %v", got, tc.want)
			}
		})
	}
}

// FuzzImportDoc checks that no document makes the importer panic, and that
// whatever it accepts is a valid library entry with its chunk index.
func FuzzImportDoc(f *testing.F) {
	for _, name := range []string{"testdata/import/sleep-basics.md", "testdata/import/grief-first-weeks.html"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(name[len("testdata/import/"):], data)
	}
	f.Add("x.md", []byte("---\n---\n"))
	f.Add("x.html", []byte("<title><h1></title><p>a</p>"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		es, err := ImportDoc(name, data, ImportOptions{URL: "https://x.org/doc", Organisation: "O", Topics: []conv.Concern{conv.ConcernStress}, ChunkWords: 20})
		if err != nil {
			return
		}
		for i, e := range es {
			if field, err := e.Validate(); err != nil {
				t.Fatalf("chunk %d invalid at %s: %v", i, field, err)
			}
			if e.Chunk == nil || *e.Chunk != i {
				t.Fatalf("chunk %d has index %v", i, e.Chunk)
			}
		}
	})
}
