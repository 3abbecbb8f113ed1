// Fuzz target for the library importer. Beyond the contract every importer
// fuzz target checks (no panic or hang, every error located and wrapping
// ErrMalformed or ErrInvalid, every record valid), each record must end
// with the citation of a page from the input. The format is one-way, so
// there is no export round trip. Run with
// `go test ./data -run '^$' -fuzz '^FuzzImportLibrary$' -fuzztime 20s`.
package data

import (
	"bytes"
	"strings"
	"testing"

	"github.com/tend-project/tend/conv"
)

func FuzzImportLibrary(f *testing.F) {
	addSeeds(f, "library.yaml")
	f.Add([]byte("version: \"1\"\nentries:\n  - id: a\n    organisation: O (UK)\n    title: O\n    url: https://o.example/\n    topics: [crisis_self_harm, other]\n    locale: global\n    summary: A line. Explains U.S. rules, e.g. Things!\n    text: \"One. Two? Three!\"\n    chunk: 2\n    verified: false\n"))
	f.Add([]byte("version: 1\nentries: [{id: b}]\n"))
	f.Add([]byte("entries: &a [*a]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := OpenConversations(bytes.NewReader(data), "fuzz", FormatLibrary, Options{})
		if err != nil {
			t.Fatal(err)
		}
		recs := readFuzz(t, r, len(data)+2, (*conv.Conversation).Validate)
		for _, c := range recs {
			reply := c.Messages[len(c.Messages)-1].Content
			if !strings.Contains(reply, "You can read more from ") || !strings.HasSuffix(reply, ").") {
				t.Fatalf("%s: reply does not end with a citation: %q", c.ID, reply)
			}
			if c.Source != "library:"+strings.TrimPrefix(c.ID, "library-") {
				t.Fatalf("%s: source %q", c.ID, c.Source)
			}
		}
	})
}
