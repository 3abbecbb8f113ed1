// The crisis resource directory: crisis lines and emergency numbers by
// locale, read from the embedded resources.yaml. Every entry records where
// its facts come from, what kind of page that was and when it was last
// checked; entries that could not be checked against a source say so. The
// file is validated when it is loaded, so a malformed entry fails the
// package's tests rather than reaching a user.
package safety

import (
	_ "embed"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

//go:embed resources.yaml
var resourcesYAML []byte

// Kinds of page a resource's facts were checked against (Resource.SourceKind).
const (
	// SourceService is the service's own site or its operator's
	// (samaritans.org, 3114.fr, lifeline.org.au).
	SourceService = "service"
	// SourceGovernment is a public authority's page other than the
	// service's own (a health ministry, regulator, police force, city).
	SourceGovernment = "government"
	// SourceOther is anything else: news reports, charities, directories.
	// Such a fact should be re-checked on the service's own site.
	SourceOther = "other"
)

// Resource is one service.
type Resource struct {
	Name   string `yaml:"name" json:"name"`
	Number string `yaml:"number,omitempty" json:"number,omitempty"`
	How    string `yaml:"how" json:"how"` // e.g. "call or text 988"
	URL    string `yaml:"url,omitempty" json:"url,omitempty"`
	Hours  string `yaml:"hours,omitempty" json:"hours,omitempty"`
	// Source is the address of the page the facts were read on.
	Source string `yaml:"source" json:"source"`
	// SourceKind says what Source is: SourceService, SourceGovernment or
	// SourceOther.
	SourceKind   string `yaml:"source_kind,omitempty" json:"source_kind,omitempty"`
	LastVerified string `yaml:"last_verified,omitempty" json:"last_verified,omitempty"`
	// Verified means the number and how to reach it were read on Source
	// on LastVerified.
	Verified bool   `yaml:"verified" json:"verified"`
	Note     string `yaml:"note,omitempty" json:"note,omitempty"`
}

// Directory is the set of resources for one locale.
type Directory struct {
	Locale    string     `yaml:"-" json:"locale"`
	Country   string     `yaml:"country" json:"country"`
	Emergency Resource   `yaml:"emergency" json:"emergency"`
	Lines     []Resource `yaml:"lines" json:"lines"`
}

type resourceFile struct {
	Locales map[string]Directory `yaml:"locales"`
}

var loadResources = sync.OnceValues(func() (map[string]Directory, error) {
	var f resourceFile
	dec := yaml.NewDecoder(strings.NewReader(string(resourcesYAML)))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("resources.yaml: %w", err)
	}
	for k, d := range f.Locales {
		d.Locale = k
		f.Locales[k] = d
		for i, r := range append([]Resource{d.Emergency}, d.Lines...) {
			where := "emergency"
			if i > 0 {
				where = fmt.Sprintf("lines[%d]", i-1)
			}
			if err := r.check(); err != nil {
				return nil, fmt.Errorf("resources.yaml: %s %s (%s): %w", k, where, r.Name, err)
			}
		}
	}
	if _, ok := f.Locales["INTL"]; !ok {
		return nil, fmt.Errorf("resources.yaml: no INTL fallback entry")
	}
	return f.Locales, nil
})

var lastVerifiedDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// check enforces the directory's provenance rules: every entry names a
// source; a verified entry says when and on what kind of page; an
// unverified one says why in its note.
func (r Resource) check() error {
	switch {
	case r.Name == "":
		return fmt.Errorf("name: empty")
	case r.How == "":
		return fmt.Errorf("how: empty")
	case !strings.HasPrefix(r.Source, "http://") && !strings.HasPrefix(r.Source, "https://"):
		return fmt.Errorf("source: %q is not a URL", r.Source)
	case r.LastVerified != "" && !lastVerifiedDate.MatchString(r.LastVerified):
		return fmt.Errorf("last_verified: %q is not YYYY-MM-DD", r.LastVerified)
	}
	switch r.SourceKind {
	case "", SourceService, SourceGovernment, SourceOther:
	default:
		return fmt.Errorf("source_kind: %q is not %s, %s or %s", r.SourceKind, SourceService, SourceGovernment, SourceOther)
	}
	if r.Verified {
		if r.LastVerified == "" {
			return fmt.Errorf("last_verified: empty on a verified entry")
		}
		if r.SourceKind == "" {
			return fmt.Errorf("source_kind: empty on a verified entry")
		}
		if r.SourceKind != SourceService && r.Note == "" {
			return fmt.Errorf("note: a verified entry whose source is not the service's own site must quote what the page says")
		}
	} else if r.Note == "" {
		return fmt.Errorf("note: an unverified entry must say why")
	}
	return nil
}

// Locales lists the locales with an entry, sorted.
func Locales() []string {
	m, err := loadResources()
	if err != nil {
		return nil
	}
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

var localeAliases = map[string]string{"UK": "GB", "EN": "INTL", "EIRE": "IE"}

// lookupLocale finds the directory for a locale such as "GB", "en-GB",
// "en_us" or "fr".
func lookupLocale(locale string) (Directory, bool) {
	m, err := loadResources()
	if err != nil {
		return Directory{}, false
	}
	l := strings.ToUpper(strings.TrimSpace(locale))
	l = strings.ReplaceAll(l, "_", "-")
	cands := []string{l}
	if i := strings.LastIndexByte(l, '-'); i >= 0 {
		cands = append(cands, l[i+1:])
	}
	// A bare language code that names one country ("fr", "de").
	switch l {
	case "FR":
		cands = append(cands, "FR")
	case "DE":
		cands = append(cands, "DE")
	}
	for _, c := range cands {
		if a, ok := localeAliases[c]; ok {
			c = a
		}
		if d, ok := m[c]; ok && c != "INTL" {
			return d, true
		}
	}
	return Directory{}, false
}

// Resources returns the directory for locale, falling back to the
// international entry when the locale is unknown or empty.
func Resources(locale string) Directory {
	if d, ok := lookupLocale(locale); ok {
		return d
	}
	m, err := loadResources()
	if err != nil {
		return Directory{Locale: "INTL"}
	}
	return m["INTL"]
}

// URLs returns every resource URL in the directory for all locales, for use
// as a guard allow-list.
func ResourceURLs() []string {
	m, err := loadResources()
	if err != nil {
		return nil
	}
	var out []string
	for _, k := range Locales() {
		d := m[k]
		for _, r := range append([]Resource{d.Emergency}, d.Lines...) {
			if r.URL != "" {
				out = append(out, r.URL)
			}
		}
	}
	return out
}
