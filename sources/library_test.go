package sources

import (
	"errors"
	"strings"
	"testing"

	"github.com/tend-project/tend/conv"
)

const goodEntry = `
  - id: a
    organisation: Org
    title: Title A
    url: https://example.org/a
    topics: [stress]
    locale: en-GB
    summary: A summary.
    verified: true
    last_verified: "2025-01-02"
`

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		yaml string
		want []string // substrings the error must contain
	}{
		{"malformed", "version: 1\nentries: [\n", []string{"lib.yaml", "invalid library"}},
		{"not a mapping", "- a\n- b\n", []string{"lib.yaml:1", "top level"}},
		{"no version", "entries: []\n", []string{"version: missing"}},
		{"unknown top field", "version: 1\nentrys: []\n", []string{"lib.yaml:2", `unknown field "entrys"`}},
		{"missing url", "version: 1\nentries:" + strings.Replace(goodEntry, "    url: https://example.org/a\n", "", 1),
			[]string{"lib.yaml:3", "entry 0", `id "a"`, "url: invalid library: missing"}},
		{"missing organisation", "version: 1\nentries:" + strings.Replace(goodEntry, "    organisation: Org\n", "", 1),
			[]string{"entry 0", "organisation", "missing"}},
		{"missing summary", "version: 1\nentries:" + strings.Replace(goodEntry, "    summary: A summary.\n", "", 1),
			[]string{"entry 0", "summary", "missing"}},
		{"missing id", "version: 1\nentries:" + strings.Replace(goodEntry, "  - id: a\n    organisation", "  - organisation", 1),
			[]string{"entry 0", "id: invalid library: missing"}},
		{"unknown topic", "version: 1\nentries:" + strings.Replace(goodEntry, "[stress]", "[stres]", 1),
			[]string{"entry 0", "topics[0]", `unknown concern "stres"`}},
		{"no topics", "version: 1\nentries:" + strings.Replace(goodEntry, "[stress]", "[]", 1),
			[]string{"topics", "missing"}},
		{"bad url", "version: 1\nentries:" + strings.Replace(goodEntry, "https://example.org/a", "example.org/a", 1),
			[]string{"url", "not an absolute http(s) URL"}},
		{"bad locale", "version: 1\nentries:" + strings.Replace(goodEntry, "en-GB", "English", 1),
			[]string{"locale", `"English"`}},
		{"bad date", "version: 1\nentries:" + strings.Replace(goodEntry, "2025-01-02", "02/01/2025", 1),
			[]string{"last_verified", "not a date"}},
		{"verified without date", "version: 1\nentries:" + strings.Replace(goodEntry, "    last_verified: \"2025-01-02\"\n", "", 1),
			[]string{"last_verified", "verified is true"}},
		{"unknown entry field", "version: 1\nentries:" + strings.Replace(goodEntry, "    summary:", "    sumary: x\n    summary:", 1),
			[]string{"entry 0", `id "a"`, "sumary"}},
		{"duplicate id", "version: 1\nentries:" + goodEntry + strings.Replace(goodEntry, "example.org/a", "example.org/b", 1),
			[]string{"lib.yaml:13", "entry 1", `id "a"`, "id", "duplicate of entry 0"}},
		{"duplicate url", "version: 1\nentries:" + goodEntry + strings.Replace(goodEntry, "id: a", "id: b", 1),
			[]string{"entry 1", `id "b"`, "url", "duplicates entry 0"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse([]byte(tc.yaml), "lib.yaml")
			if err == nil {
				t.Fatal("Parse succeeded, want error")
			}
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("error %v does not wrap ErrInvalid", err)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}

func TestParseChunksShareURL(t *testing.T) {
	y := `version: "1"
entries:
  - {id: d-000, organisation: O, title: T, url: "https://x.org/d", topics: [grief], locale: global, summary: s, chunk: 0, verified: false}
  - {id: d-001, organisation: O, title: T, url: "https://x.org/d", topics: [grief], locale: global, summary: s, chunk: 1, verified: false}
`
	f, err := Parse([]byte(y), "chunks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if got := len(f.Entries); got != 2 {
		t.Fatalf("got %d entries, want 2", got)
	}
	dup := strings.Replace(y, "chunk: 1", "chunk: 0", 1)
	if _, err := Parse([]byte(dup), "chunks.yaml"); err == nil || !strings.Contains(err.Error(), "duplicates entry 0") {
		t.Errorf("same URL and chunk: got %v, want duplicate error", err)
	}
}

func TestBundledLibrary(t *testing.T) {
	lib := bundled(t)
	if lib.Len() < 60 {
		t.Errorf("bundled library has %d entries, want at least 60", lib.Len())
	}
	perConcern := map[conv.Concern]int{}
	orgs := map[string]bool{}
	for _, e := range lib.Entries() {
		for _, c := range e.Topics {
			perConcern[c]++
		}
		for _, o := range []string{"NIMH", "NHS", "WHO", "SAMHSA", "NAMI", "Mind (UK)", "Beyond Blue", "988"} {
			if strings.Contains(e.Organisation, o) {
				orgs[o] = true
			}
		}
		if n := len(strings.Fields(e.Summary)); n < 15 || n > 90 {
			t.Errorf("%s: summary has %d words, want a few sentences", e.ID, n)
		}
		if !strings.HasPrefix(e.URL, "https://") {
			t.Errorf("%s: url %s is not https", e.ID, e.URL)
		}
	}
	for _, c := range conv.Concerns {
		if perConcern[c] < 3 {
			t.Errorf("concern %s has %d entries, want at least 3", c, perConcern[c])
		}
	}
	for _, o := range []string{"NIMH", "NHS", "WHO", "SAMHSA", "NAMI", "Mind (UK)", "Beyond Blue", "988"} {
		if !orgs[o] {
			t.Errorf("no entry from %s", o)
		}
	}
	urls := lib.URLs()
	if len(urls) != lib.Len() {
		t.Errorf("URLs() has %d, want %d (bundled entries are whole pages)", len(urls), lib.Len())
	}
	for i := 1; i < len(urls); i++ {
		if urls[i-1] >= urls[i] {
			t.Errorf("URLs() not sorted and distinct at %d: %s, %s", i, urls[i-1], urls[i])
		}
	}
	if !strings.HasPrefix(lib.Version(), "bundled library.yaml@") {
		t.Errorf("Version() = %q", lib.Version())
	}
}

func TestNewRejectsClashAcrossFiles(t *testing.T) {
	base, err := BundledFile()
	if err != nil {
		t.Fatal(err)
	}
	e := base.Entries[0]
	for _, tc := range []struct {
		name  string
		entry Entry
		want  string
	}{
		{"same id", Entry{ID: e.ID, Organisation: "O", Title: "T", URL: "https://team.example/x", Topics: e.Topics, Locale: "global", Summary: "s"}, "already defined"},
		{"same url", Entry{ID: "team-x", Organisation: "O", Title: "T", URL: e.URL, Topics: e.Topics, Locale: "global", Summary: "s"}, "already in the library"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			team := &File{Name: "team.yaml", Version: "1", Entries: []Entry{tc.entry}}
			_, err := New(base, team)
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "team.yaml") {
				t.Errorf("got %v, want error naming team.yaml and %q", err, tc.want)
			}
		})
	}
}

// FuzzParse checks that no input makes the library parser panic, and that
// whatever it accepts survives a write and re-read unchanged.
func FuzzParse(f *testing.F) {
	f.Add([]byte("version: 1\nentries:" + goodEntry))
	f.Add(bundledYAML)
	f.Add([]byte("version: 1\nentries:\n  - {id: x}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		lf, err := Parse(data, "fuzz.yaml")
		if err != nil {
			return
		}
		out, err := Marshal(lf)
		if err != nil {
			t.Fatalf("Marshal of accepted file: %v", err)
		}
		again, err := Parse(out, "fuzz2.yaml")
		if err != nil {
			t.Fatalf("re-parse of written file: %v\n%s", err, out)
		}
		if len(again.Entries) != len(lf.Entries) {
			t.Fatalf("round trip changed entry count %d -> %d", len(lf.Entries), len(again.Entries))
		}
	})
}
