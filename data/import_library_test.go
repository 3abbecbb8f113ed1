// Tests of the library importer: the golden fixture, the bundled library
// as a whole (labels, citations in the allow-list, crisis safety lines,
// variety, determinism), the summary retelling rules, and located errors
// for files that do not load. The format is one-way, so unlike the other
// importers there is no round trip to test. Rewrite the golden with
// `go test ./data -run TestImportLibraryGolden -update`.
package data

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/sources"
)

func TestImportLibraryGolden(t *testing.T) {
	for _, name := range []string{"library.yaml", "library.yml", "team.YAML.gz"} {
		got, err := Detect(name, NewBufferedReader(strings.NewReader("version: x\n")))
		if err != nil || got != FormatLibrary {
			t.Errorf("Detect(%q) = %q, %v; want library", name, got, err)
		}
	}
	path := filepath.Join("testdata", "import", "library.yaml")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out := importFile(t, path, data, FormatLibrary, Options{})
	golden := filepath.Join("testdata", "import", "library_yaml.golden.jsonl")
	if *update {
		if err := os.WriteFile(golden, out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(out)); diff != "" {
		t.Errorf("%s differs from %s (-want +got):\n%s", path, golden, diff)
	}
}

func bundledRecords(t *testing.T, opt Options) []conv.Conversation {
	t.Helper()
	r, err := OpenBundledLibrary(opt)
	if err != nil {
		t.Fatal(err)
	}
	return drain(t, r)
}

// TestImportBundledLibrary checks every record made from the bundled
// library against its entry.
func TestImportBundledLibrary(t *testing.T) {
	f, err := sources.BundledFile()
	if err != nil {
		t.Fatal(err)
	}
	lib, err := sources.New(f)
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	allowed := lib.URLs()
	recs := bundledRecords(t, Options{})
	if len(recs) != len(f.Entries) {
		t.Fatalf("%d records from %d entries", len(recs), len(f.Entries))
	}
	questions := map[string]bool{}
	for i, c := range recs {
		e := &f.Entries[i]
		if err := c.Validate(); err != nil {
			t.Fatalf("%s: %v", c.ID, err)
		}
		if c.ID != "library-"+e.ID || c.Source != "library:"+e.ID {
			t.Errorf("record %d: id %q source %q, want library-%s and library:%s", i, c.ID, c.Source, e.ID, e.ID)
		}
		if !slices.Equal(c.Labels.Concerns, e.Topics) {
			t.Errorf("%s: concerns %v, want the entry's topics %v", c.ID, c.Labels.Concerns, e.Topics)
		}
		if want := []conv.TurnLabel{{Turn: 1, Strategy: conv.StrategyInformation}}; !cmp.Equal(c.Labels.Turns, want) {
			t.Errorf("%s: turn labels %+v, want %+v", c.ID, c.Labels.Turns, want)
		}
		if c.Labels.Severity != nil {
			t.Errorf("%s: severity is set; an importer never guesses it", c.ID)
		}
		if !strings.HasPrefix(c.License, "CC-BY-4.0 (reply and summary are tend's own words") || !strings.Contains(c.License, e.Organisation) {
			t.Errorf("%s: license %q", c.ID, c.License)
		}
		user, reply := c.Messages[0].Content, c.Messages[1].Content
		if c.Messages[0].Role != conv.RoleUser || !strings.Contains(user, "?") {
			t.Errorf("%s: first message %+v, want a user question", c.ID, c.Messages[0])
		}
		questions[user] = true
		cite := "You can read more from " + e.Organisation + ": " + e.Title + " (" + e.URL + ")."
		if !strings.HasSuffix(reply, " "+cite) {
			t.Errorf("%s: reply does not end with %q:\n%s", c.ID, cite, reply)
		}
		if _, ok := slices.BinarySearch(allowed, e.URL); !ok {
			t.Errorf("%s cites %s, which is not in the library's URLs", c.ID, e.URL)
		}
		if strings.Count(reply, "https://")+strings.Count(reply, "http://") != 1 {
			t.Errorf("%s: want exactly one link in the reply:\n%s", c.ID, reply)
		}
		if e.HasTopic(conv.ConcernCrisis) {
			safety := strings.Index(reply, "emergency")
			if safety < 0 || safety > strings.Index(reply, e.Organisation) {
				t.Errorf("%s: a crisis-topic reply must give the safety line before the page:\n%s", c.ID, reply)
			}
		}
		for _, s := range libSentences(reply) {
			if libStartsWithVerb(s) {
				t.Errorf("%s: sentence without a subject %q", c.ID, s)
			}
			if s[0] >= 'a' && s[0] <= 'z' {
				t.Errorf("%s: sentence starts in lower case: %q", c.ID, s)
			}
		}
		for _, bad := range []string{"{", "}", "  ", " .", " ,", "..", "::"} {
			if strings.Contains(reply, bad) || strings.Contains(user, bad) {
				t.Errorf("%s: %q in %q", c.ID, bad, reply)
			}
		}
	}
	if len(questions) < len(recs)/2 {
		t.Errorf("only %d distinct questions over %d records", len(questions), len(recs))
	}
	// Wording depends only on the entry, so a second import is identical.
	if again := bundledRecords(t, Options{}); !cmp.Equal(recs, again) {
		t.Errorf("a second import differs:\n%s", cmp.Diff(recs, again))
	}
}

func TestImportLibraryLicense(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "import", "library.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		opt     Options
		bundled bool
		want    string
	}{
		{Options{}, false, "unknown (reply written by tend around the library file's summary; the linked page belongs to Acme Health Service (UK))"},
		{Options{License: "CC-BY-SA-4.0"}, false, "CC-BY-SA-4.0 (reply written by tend around the library file's summary; the linked page belongs to Acme Health Service (UK))"},
		{Options{License: "unknown"}, true, "CC-BY-4.0 (reply and summary are tend's own words; the linked page belongs to NHS (UK))"},
	} {
		var c conv.Conversation
		if tt.bundled {
			c = bundledRecords(t, tt.opt)[0]
		} else {
			r, _ := OpenConversations(bytes.NewReader(data), "library.yaml", FormatLibrary, tt.opt)
			c = drain(t, r)[0]
		}
		if c.License != tt.want {
			t.Errorf("license with %+v (bundled %v) = %q, want %q", tt.opt, tt.bundled, c.License, tt.want)
		}
	}
	r, _ := OpenConversations(bytes.NewReader(data), "library.yaml", FormatLibrary, Options{})
	recs := drain(t, r)
	if got := recs[len(recs)-1].License; !strings.Contains(got, "passage quoted from an imported document") {
		t.Errorf("an imported chunk's license %q does not say its text is quoted", got)
	}
}

func TestLibraryFormat(t *testing.T) {
	if f, err := ParseFormat("library"); err != nil || f != FormatLibrary {
		t.Errorf("ParseFormat(library) = %q, %v", f, err)
	}
	for _, f := range Formats {
		if f.ImportOnly() != (f == FormatLibrary) {
			t.Errorf("%s.ImportOnly() = %v", f, f.ImportOnly())
		}
	}
	if FormatLibrary.Pairs() {
		t.Error("library holds conversations, not pairs")
	}
}

func TestLibraryRetellRules(t *testing.T) {
	for _, tt := range []struct {
		s              string
		verb, fragment bool
	}{
		{"Explains insomnia and its causes.", true, false},
		{"Helps you tell the difference between a low mood and depression.", true, false},
		{"A short self-help guide with everyday ways to bring stress down: planning and prioritising.", false, true},
		{"WHO's questions and answers on stress: what it is, why everyone feels it.", false, true},
		{"A UK charity that supports people after someone close to them dies.", false, true},
		{"YoungMinds' section for parents and carers who are worried about a child.", false, true},
		{"Urgent guidance for anyone having thoughts of ending their life.", false, true},
		{"A 2023 advisory from the U.S. Surgeon General on how common loneliness has become.", false, true},
		{"Mind's guide describes what stress is.", false, false},
		{"Beyond Blue's section on anxiety explains the signs, the common types.", false, false},
		{"Relate is a UK charity offering relationship counselling.", false, false},
		{"NAMI's free HelpLine offers information, resource referrals and support.", false, false},
	} {
		if got := libStartsWithVerb(tt.s); got != tt.verb {
			t.Errorf("libStartsWithVerb(%q) = %v, want %v", tt.s, got, tt.verb)
		}
		if got := libIsFragment(tt.s); !tt.verb && got != tt.fragment {
			t.Errorf("libIsFragment(%q) = %v, want %v", tt.s, got, tt.fragment)
		}
	}
	for _, tt := range []struct {
		in   string
		want []string
	}{
		{"A report from the U.S. Surgeon General. It ends with steps.", []string{"A report from the U.S. Surgeon General.", "It ends with steps."}},
		{"Try small steps, e.g. Walking. Then rest!", []string{"Try small steps, e.g. Walking.", "Then rest!"}},
		{"Is it normal? Yes. 3 in 10 people say so.", []string{"Is it normal?", "Yes.", "3 in 10 people say so."}},
		{"No full stop at the end", []string{"No full stop at the end"}},
	} {
		if got := libSentences(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("libSentences(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got, want := libLead("One two three. Four five six. Seven eight.", 3, 6), "One two three. Four five six."; got != want {
		t.Errorf("libLead by words = %q, want %q", got, want)
	}
	if got, want := libLead("One, two, three, four, five, six, seven.", 3, 4), "One, two, three, four …"; got != want {
		t.Errorf("libLead of a long sentence = %q, want %q", got, want)
	}
	for _, tt := range []struct{ in, want string }{
		{"NHS (UK)", "the NHS (UK)"}, {"World Health Organization (WHO)", "the World Health Organization (WHO)"},
		{"Mind (UK)", "Mind (UK)"}, {"Beyond Blue (Australia)", "Beyond Blue (Australia)"},
	} {
		if got := libWithArticle(tt.in); got != tt.want {
			t.Errorf("libWithArticle(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestImportLibraryErrors checks that a file that does not load gives one
// located error naming the entry and field, which stops the import.
func TestImportLibraryErrors(t *testing.T) {
	const head = "version: \"1\"\nentries:\n"
	entry := func(id, url string) string {
		return "  - id: " + id + "\n    organisation: Org\n    title: T\n    url: " + url +
			"\n    topics: [sleep]\n    locale: en-GB\n    summary: Explains sleep.\n    verified: false\n"
	}
	tests := []struct {
		name, input, want string
		sentinel          error
	}{
		{"duplicate url", head + entry("a", "https://x.example/a") + entry("b", "https://x.example/a"),
			`in:11: entry 1 (id "b"): url: invalid library: https://x.example/a duplicates entry 0 (id "a")`, conv.ErrInvalid},
		{"missing field", head + strings.Replace(entry("a", "https://x.example/a"), "    title: T\n", "", 1),
			`in:3: entry 0 (id "a"): title: invalid library: missing`, conv.ErrInvalid},
		{"unknown topic", head + strings.Replace(entry("a", "https://x.example/a"), "[sleep]", "[slep]", 1),
			`in:3: entry 0 (id "a"): topics[0]: invalid library: unknown concern "slep"`, conv.ErrInvalid},
		{"unknown field", head + entry("a", "https://x.example/a") + "    colour: blue\n",
			`in:3: entry 0 (id "a"): invalid library: yaml: unmarshal errors:`, conv.ErrInvalid},
		{"yaml syntax", head + "  - id: [a\n", `in:2: invalid library: yaml: line 2: did not find expected ',' or ']'`, conv.ErrMalformed},
		{"no version", "entries: []\n", "in:1: invalid library: version: missing", conv.ErrMalformed},
		{"not a mapping", "\n- a\n- b\n", "in:2: invalid library: top level must be a mapping", conv.ErrMalformed},
		{"empty", "", "in:1: invalid library: empty file", conv.ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := OpenConversations(strings.NewReader(tt.input), "in", FormatLibrary, Options{})
			if err != nil {
				t.Fatal(err)
			}
			_, err = r.Next()
			var le *conv.LineError
			if !errors.As(err, &le) || !strings.HasPrefix(err.Error(), tt.want) {
				t.Fatalf("got %v\nwant an error starting %q", err, tt.want)
			}
			for _, s := range []error{tt.sentinel, ErrStreamBroken, sources.ErrInvalid} {
				if !errors.Is(err, s) {
					t.Errorf("error %v does not match %v", err, s)
				}
			}
			if _, again := r.Next(); again != err {
				t.Errorf("second Next = %v, want the same error", again)
			}
		})
	}
	// An empty list of entries is a valid, empty library.
	r, _ := OpenConversations(strings.NewReader("version: \"1\"\nentries: []\n"), "in", FormatLibrary, Options{})
	if recs := drain(t, r); len(recs) != 0 {
		t.Errorf("empty library gave %d records", len(recs))
	}
}
