// Package sources is tend's library of authoritative pages: the entries a
// clinical team trusts (bundled with tend or added by the team), full-text
// retrieval over them, the "Learn more" citations attached to replies, the
// allow-list of URLs the output guard enforces, and staleness checks.
//
// The library is the single source of truth for links: a reply may only cite
// a URL that is in it. This file holds the entry type, loading and
// validation; search.go, cite.go, importdocs.go and check.go build on it.
package sources

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/tend-project/tend/conv"
	"gopkg.in/yaml.v3"
)

// ErrInvalid marks a library file or entry that breaks a format rule. Errors
// wrapping it are *EntryError when a single entry is at fault. Check with
// errors.Is.
var ErrInvalid = errors.New("invalid library")

// DateLayout is the format of last_verified.
const DateLayout = "2006-01-02"

// Entry is one authoritative page, or one chunk of an imported document.
type Entry struct {
	ID           string         `yaml:"id" json:"id"`
	Organisation string         `yaml:"organisation" json:"organisation"`
	Title        string         `yaml:"title" json:"title"`
	URL          string         `yaml:"url" json:"url"`
	Topics       []conv.Concern `yaml:"topics,flow" json:"topics"`
	// Locale is a BCP 47 tag such as en-US or en-GB, a bare language ("en"),
	// or "global" for pages meant for everyone.
	Locale string `yaml:"locale" json:"locale"`
	// Summary is two to four sentences in the library authors' own words.
	Summary string `yaml:"summary" json:"summary"`
	// Keywords are extra phrases people use for the topic ("can't sleep"),
	// indexed for retrieval but never shown.
	Keywords []string `yaml:"keywords,omitempty,flow" json:"keywords,omitempty"`
	// Text is the passage of an imported document chunk; empty for
	// hand-written entries, whose Summary is their passage.
	Text string `yaml:"text,omitempty" json:"text,omitempty"`
	// Chunk is the 0-based index of an imported chunk within its document;
	// several chunks share one URL.
	Chunk *int `yaml:"chunk,omitempty" json:"chunk,omitempty"`
	// Verified says whether the URL and title were confirmed; LastVerified is
	// the date they were, and is required when Verified is true.
	Verified     bool   `yaml:"verified" json:"verified"`
	LastVerified string `yaml:"last_verified,omitempty" json:"last_verified,omitempty"`
}

// VerifiedOn returns LastVerified as a time, and false when it is unset.
func (e *Entry) VerifiedOn() (time.Time, bool) {
	if e.LastVerified == "" {
		return time.Time{}, false
	}
	t, err := time.Parse(DateLayout, e.LastVerified)
	return t, err == nil
}

// Passage returns the text the entry contributes to search and to data:
// the imported chunk for documents, the summary otherwise.
func (e *Entry) Passage() string {
	if e.Text != "" {
		return e.Text
	}
	return e.Summary
}

// HasTopic reports whether the entry covers concern c.
func (e *Entry) HasTopic(c conv.Concern) bool { return slices.Contains(e.Topics, c) }

// File is the on-disk shape of a library file.
type File struct {
	// Name is where the file was read from, for errors; not serialised.
	Name string `yaml:"-"`
	// Version is the library's own version, bumped by its maintainers
	// whenever entries change, so a deployment can say which library it runs.
	Version string  `yaml:"version"`
	Entries []Entry `yaml:"entries"`
}

// EntryError names the entry and field at fault.
type EntryError struct {
	File  string
	Line  int // 1-based line of the entry in File, 0 if unknown
	Index int // 0-based position in the file's entries; -1 for a new entry
	ID    string
	Field string
	Err   error
}

func (e *EntryError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	if e.Index >= 0 {
		fmt.Fprintf(&b, ": entry %d", e.Index)
	} else {
		b.WriteString(": new entry")
	}
	if e.ID != "" {
		fmt.Fprintf(&b, " (id %q)", e.ID)
	}
	if e.Field != "" {
		fmt.Fprintf(&b, ": %s", e.Field)
	}
	fmt.Fprintf(&b, ": %v", e.Err)
	return b.String()
}

func (e *EntryError) Unwrap() error { return e.Err }

var (
	idPattern     = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,79}$`)
	localePattern = regexp.MustCompile(`^(global|[a-z]{2,3}(-[A-Z]{2}|-[0-9]{3})?)$`)
)

func invalid(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrInvalid, fmt.Sprintf(format, args...))
}

// Validate checks one entry on its own and returns the failing field and
// reason.
func (e *Entry) Validate() (field string, err error) {
	switch {
	case e.ID == "":
		return "id", invalid("missing")
	case !idPattern.MatchString(e.ID):
		return "id", invalid("%q must be lower-case letters, digits, '.', '_' or '-' (at most 80)", e.ID)
	case strings.TrimSpace(e.Organisation) == "":
		return "organisation", invalid("missing")
	case strings.TrimSpace(e.Title) == "":
		return "title", invalid("missing")
	case e.URL == "":
		return "url", invalid("missing")
	}
	u, err := url.Parse(e.URL)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return "url", invalid("%q is not an absolute http(s) URL", e.URL)
	}
	if len(e.Topics) == 0 {
		return "topics", invalid("missing (want one or more of %s)", concernList())
	}
	for i, c := range e.Topics {
		if !c.Valid() {
			return fmt.Sprintf("topics[%d]", i), invalid("unknown concern %q (want one of %s)", c, concernList())
		}
	}
	switch {
	case e.Locale == "":
		return "locale", invalid("missing (e.g. en-US, en-GB, global)")
	case !localePattern.MatchString(e.Locale):
		return "locale", invalid("%q is not a language tag like en-GB, or global", e.Locale)
	case strings.TrimSpace(e.Summary) == "":
		return "summary", invalid("missing")
	case e.Chunk != nil && *e.Chunk < 0:
		return "chunk", invalid("%d is negative", *e.Chunk)
	}
	if e.LastVerified != "" {
		if _, err := time.Parse(DateLayout, e.LastVerified); err != nil {
			return "last_verified", invalid("%q is not a date like 2025-01-31", e.LastVerified)
		}
	} else if e.Verified {
		return "last_verified", invalid("missing, but verified is true")
	}
	return "", nil
}

func concernList() string {
	s := make([]string, len(conv.Concerns))
	for i, c := range conv.Concerns {
		s[i] = string(c)
	}
	return strings.Join(s, ", ")
}

// urlKey identifies an entry's page: chunks of one document share a URL but
// differ in chunk index.
func (e *Entry) urlKey() string {
	if e.Chunk == nil {
		return e.URL
	}
	return fmt.Sprintf("%s#chunk=%d", e.URL, *e.Chunk)
}

// Parse reads and validates a library file. name is used in errors. It
// rejects unknown fields, missing fields, unknown topics and duplicate ids or
// URLs, naming the entry (index, id and line) and the field.
func Parse(data []byte, name string) (*File, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w: %v", name, ErrInvalid, err)
	}
	if len(doc.Content) == 0 {
		return nil, fmt.Errorf("%s: %w: empty file", name, ErrInvalid)
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s:%d: %w: top level must be a mapping with version and entries", name, root.Line, ErrInvalid)
	}
	f := &File{Name: name}
	var entries *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "version":
			if v.Kind != yaml.ScalarNode || v.Value == "" {
				return nil, fmt.Errorf("%s:%d: %w: version must be a non-empty scalar", name, v.Line, ErrInvalid)
			}
			f.Version = v.Value
		case "entries":
			if v.Kind != yaml.SequenceNode && !(v.Kind == yaml.ScalarNode && v.Tag == "!!null") {
				return nil, fmt.Errorf("%s:%d: %w: entries must be a list", name, v.Line, ErrInvalid)
			}
			entries = v
		default:
			return nil, fmt.Errorf("%s:%d: %w: unknown field %q (want version, entries)", name, k.Line, ErrInvalid, k.Value)
		}
	}
	if f.Version == "" {
		return nil, fmt.Errorf("%s: %w: version: missing", name, ErrInvalid)
	}
	if entries == nil {
		return f, nil
	}
	f.Entries = make([]Entry, 0, len(entries.Content))
	for i, n := range entries.Content {
		var e Entry
		if err := decodeEntry(n, &e); err != nil {
			return nil, &EntryError{File: name, Line: n.Line, Index: i, ID: idOf(n), Err: fmt.Errorf("%w: %v", ErrInvalid, err)}
		}
		if field, err := e.Validate(); err != nil {
			return nil, &EntryError{File: name, Line: n.Line, Index: i, ID: e.ID, Field: field, Err: err}
		}
		f.Entries = append(f.Entries, e)
	}
	if err := checkUnique(f.Entries, name, entries.Content); err != nil {
		return nil, err
	}
	return f, nil
}

// decodeEntry decodes one entry node strictly: yaml.v3 only checks unknown
// fields through a Decoder, so the node is re-encoded and decoded with
// KnownFields.
func decodeEntry(n *yaml.Node, e *Entry) error {
	if n.Kind != yaml.MappingNode {
		return errors.New("entry must be a mapping")
	}
	var buf bytes.Buffer
	if err := yaml.NewEncoder(&buf).Encode(n); err != nil {
		return err
	}
	dec := yaml.NewDecoder(&buf)
	dec.KnownFields(true)
	if err := dec.Decode(e); err != nil && err != io.EOF {
		return err
	}
	return nil
}

func idOf(n *yaml.Node) string {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == "id" {
			return n.Content[i+1].Value
		}
	}
	return ""
}

func checkUnique(entries []Entry, name string, nodes []*yaml.Node) error {
	ids := make(map[string]int, len(entries))
	urls := make(map[string]int, len(entries))
	for i := range entries {
		e := &entries[i]
		line := 0
		if i < len(nodes) {
			line = nodes[i].Line
		}
		if j, dup := ids[e.ID]; dup {
			return &EntryError{File: name, Line: line, Index: i, ID: e.ID, Field: "id",
				Err: invalid("duplicate of entry %d", j)}
		}
		ids[e.ID] = i
		if j, dup := urls[e.urlKey()]; dup {
			return &EntryError{File: name, Line: line, Index: i, ID: e.ID, Field: "url",
				Err: invalid("%s duplicates entry %d (id %q)", e.URL, j, entries[j].ID)}
		}
		urls[e.urlKey()] = i
	}
	return nil
}

//go:embed library.yaml
var bundledYAML []byte

// BundledFile returns the library shipped with tend, parsed and validated.
func BundledFile() (*File, error) { return Parse(bundledYAML, "bundled library.yaml") }
