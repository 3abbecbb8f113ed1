// The crisis resource directory: crisis lines and emergency numbers by
// locale, read from the embedded resources.yaml. Every entry records where
// its facts come from and when they were last checked; entries that could
// not be checked against a source say so.
package safety

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

//go:embed resources.yaml
var resourcesYAML []byte

// Resource is one service.
type Resource struct {
	Name         string `yaml:"name" json:"name"`
	Number       string `yaml:"number,omitempty" json:"number,omitempty"`
	How          string `yaml:"how" json:"how"` // e.g. "call or text 988"
	URL          string `yaml:"url,omitempty" json:"url,omitempty"`
	Hours        string `yaml:"hours,omitempty" json:"hours,omitempty"`
	Source       string `yaml:"source" json:"source"`
	LastVerified string `yaml:"last_verified,omitempty" json:"last_verified,omitempty"`
	Verified     bool   `yaml:"verified" json:"verified"`
	Note         string `yaml:"note,omitempty" json:"note,omitempty"`
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
	}
	if _, ok := f.Locales["INTL"]; !ok {
		return nil, fmt.Errorf("resources.yaml: no INTL fallback entry")
	}
	return f.Locales, nil
})

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
