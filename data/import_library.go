// Importer for tend's sources library (--format library): every library
// entry's psychoeducation passage becomes a one-exchange conversation for
// SFT. The user asks about the entry's topic (questions written for tend,
// per concern, in library_text.go); the assistant answers with a short,
// supportive summary of the passage and ends with the page's citation,
// "You can read more from <Organisation>: <Title> (<URL>)." Labels are the
// entry's topics as concerns and the Information strategy on the reply;
// source is "library:<entry id>".
//
// Wording is chosen per entry from a hash of its id, so an import is
// byte-identical from run to run and does not depend on the order of the
// entries. The format is one-way: a conversation is not a library entry (it
// has no page, title or publisher), so there is no exporter.
package data

import (
	"bufio"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"math/rand/v2"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/sources"
)

// FormatLibrary is a sources library file (YAML, see docs/sources.md).
const FormatLibrary Format = "library"

// BundledLibraryName names the library shipped with tend in messages.
const BundledLibraryName = "bundled library.yaml"

// ImportOnly reports whether the format can be imported but not exported.
func (f Format) ImportOnly() bool { return f == FormatLibrary }

// maxLibraryBytes bounds a library file: it is parsed whole, and a real
// one is a few hundred kilobytes.
const maxLibraryBytes = 64 << 20

// OpenLibrary returns a reader over the conversations made from an already
// loaded library file; f.Name names it in messages.
func OpenLibrary(f *sources.File, opt Options) Reader[conv.Conversation] {
	return &libraryReader{file: f.Name, opt: opt, loaded: true, entries: f.Entries}
}

// OpenBundledLibrary returns a reader over the conversations made from the
// library shipped with tend. Its summaries are tend's own words, so records
// carry CC-BY-4.0 unless opt.License says otherwise.
func OpenBundledLibrary(opt Options) (Reader[conv.Conversation], error) {
	f, err := sources.BundledFile()
	if err != nil {
		return nil, err
	}
	r := OpenLibrary(f, opt).(*libraryReader)
	r.file, r.bundled = BundledLibraryName, true
	return r, nil
}

func newLibraryReader(br *bufio.Reader, file string, opt Options) Reader[conv.Conversation] {
	return &libraryReader{file: file, opt: opt, src: br}
}

// libraryReader parses the whole file on the first call to Next: a library
// is validated as a unit (duplicate ids and URLs span entries), so a bad
// entry is an error for the file, wrapping ErrStreamBroken.
type libraryReader struct {
	file    string
	opt     Options
	bundled bool
	src     io.Reader
	loaded  bool
	err     error
	entries []sources.Entry
	next    int
}

// Raw returns nothing: records are made from a validated file, so there is
// never a single bad record to hand to a rejects file.
func (r *libraryReader) Raw() []byte { return nil }

func (r *libraryReader) Next() (conv.Conversation, error) {
	if !r.loaded {
		r.loaded = true
		r.err = r.load()
	}
	if r.err != nil {
		return conv.Conversation{}, r.err
	}
	if r.next >= len(r.entries) {
		return conv.Conversation{}, io.EOF
	}
	e := &r.entries[r.next]
	r.next++
	c := libraryConversation(e, r.license(e))
	if err := c.Validate(); err != nil {
		// Cannot happen for a validated entry; reported rather than
		// written if it ever does.
		return conv.Conversation{}, &conv.LineError{File: r.file, Line: 1,
			Err: fmt.Errorf("entry %q: %w", e.ID, err)}
	}
	return c, nil
}

func (r *libraryReader) load() error {
	data, err := io.ReadAll(io.LimitReader(r.src, maxLibraryBytes+1))
	if err != nil {
		return fmt.Errorf("%s: %w", r.file, err)
	}
	if len(data) > maxLibraryBytes {
		return &conv.LineError{File: r.file, Line: 1, Err: &libraryError{
			msg: fmt.Sprintf("larger than %d MiB; a library file is parsed whole", maxLibraryBytes>>20),
			err: sources.ErrInvalid, kind: conv.ErrMalformed}}
	}
	f, err := sources.Parse(data, r.file)
	if err != nil {
		return r.located(err)
	}
	r.entries = f.Entries
	return nil
}

// libraryError is a library file that does not load. It matches the
// sources error it came from, conv.ErrMalformed (bad YAML or layout) or
// conv.ErrInvalid (an entry breaks a rule), and ErrStreamBroken.
type libraryError struct {
	msg  string
	err  error // from sources, wrapping sources.ErrInvalid
	kind error // conv.ErrMalformed or conv.ErrInvalid
}

func (e *libraryError) Error() string { return e.msg }
func (e *libraryError) Unwrap() error { return e.err }
func (e *libraryError) Is(target error) bool {
	return target == e.kind || target == ErrStreamBroken
}

var libYAMLLine = regexp.MustCompile(`\bline (\d+)\b`)

// located turns an error from sources.Parse into a *conv.LineError at the
// entry's or the YAML error's line, without repeating the file name that
// sources already put first.
func (r *libraryReader) located(err error) error {
	line, kind := 1, conv.ErrMalformed
	msg := err.Error()
	var ee *sources.EntryError
	if errors.As(err, &ee) {
		kind = conv.ErrInvalid
		line = max(ee.Line, 1)
		msg = strings.TrimPrefix(msg, ee.File)
		msg = strings.TrimPrefix(msg, ":"+strconv.Itoa(ee.Line))
	} else {
		msg = strings.TrimPrefix(msg, r.file)
		if rest, ok := strings.CutPrefix(msg, ":"); ok {
			digits, after, found := strings.Cut(rest, ":")
			if n, err := strconv.Atoi(digits); found && err == nil && n > 0 {
				line, msg = n, after
			}
		}
		if m := libYAMLLine.FindStringSubmatch(msg); m != nil {
			if n, err := strconv.Atoi(m[1]); err == nil && n > 0 {
				line = n
			}
		}
	}
	msg = strings.TrimSpace(strings.TrimPrefix(msg, ":"))
	return &conv.LineError{File: r.file, Line: line, Err: &libraryError{msg: msg, err: err, kind: kind}}
}

// license says what the record's text is: tend's wording around the
// library's summary (tend's own words in the bundled library), or around a
// passage quoted from an imported document, and whose page it points to.
func (r *libraryReader) license(e *sources.Entry) string {
	base := r.opt.License
	if base == "" || base == "unknown" {
		base = "unknown"
		if r.bundled {
			base = "CC-BY-4.0"
		}
	}
	var what string
	switch {
	case e.Text != "":
		what = "reply written by tend around a passage quoted from an imported document"
	case r.bundled:
		what = "reply and summary are tend's own words"
	default:
		what = "reply written by tend around the library file's summary"
	}
	return base + " (" + what + "; the linked page belongs to " + e.Organisation + ")"
}

// libraryConversation builds the record for one entry.
func libraryConversation(e *sources.Entry, license string) conv.Conversation {
	h := fnv.New64a()
	h.Write([]byte(e.ID))
	r := rand.New(rand.NewPCG(h.Sum64(), uint64(len(e.ID))))
	topic := e.Topics[0]
	msgs := []conv.Message{
		{Role: conv.RoleUser, Content: libPick(r, libraryQuestions(topic))},
		{Role: conv.RoleAssistant, Content: libraryReply(r, e)},
	}
	return conv.Conversation{
		ID:       sourceID(FormatLibrary, e.ID),
		Messages: msgs,
		Labels: conv.Labels{
			Concerns: slices.Clone(e.Topics),
			Turns:    []conv.TurnLabel{{Turn: 1, Strategy: conv.StrategyInformation}},
		},
		Source:  "library:" + e.ID,
		License: license,
	}
}

func libPick(r *rand.Rand, xs []string) string { return xs[r.IntN(len(xs))] }

// libraryReply is an opener (for crisis topics followed at once by a
// safety line), the passage retold in tend's voice, sometimes a gentle
// bridge, and the citation.
func libraryReply(r *rand.Rand, e *sources.Entry) string {
	topic := e.Topics[0]
	crisis := slices.Contains(e.Topics, conv.ConcernCrisis)
	var parts []string
	if crisis {
		// Safety first: the person asking may be the one at risk.
		parts = append(parts, libPick(r, libCrisisOpeners), libPick(r, libCrisisSafety))
	} else if o := libPick(r, libraryOpeners); o != "" {
		parts = append(parts, strings.ReplaceAll(o, "{name}", libConcernPhrase(topic)))
	}
	parts = append(parts, libRetell(r, &libraryPage{
		org: e.Organisation, title: e.Title,
		passage: strings.Join(strings.Fields(e.Passage()), " "),
		quoted:  e.Text != "",
	}))
	if b := libPick(r, libraryBridges); b != "" && !crisis {
		parts = append(parts, strings.ReplaceAll(b, "{counsellor}", libCounsellor(e.Locale)))
	}
	parts = append(parts, libraryCitation(e))
	return strings.Join(parts, " ")
}

// libraryCitation is the sentence every library reply ends with.
func libraryCitation(e *sources.Entry) string {
	return fmt.Sprintf("You can read more from %s: %s (%s).", e.Organisation, e.Title, e.URL)
}

func libCounsellor(locale string) string {
	if locale == "en-US" {
		return "counselor"
	}
	return "counsellor"
}
