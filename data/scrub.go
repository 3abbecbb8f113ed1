// PII scrubbing: finds personal data in message text and replaces it with
// typed placeholders ([EMAIL] [PHONE] [NAME] [ADDRESS] [ID] [URL] [DATE]).
// Detectors (scrub_detect.go, scrub_names.go) propose spans; protected spans
// (crisis-line numbers, links to the sources library and the safety
// resource directory) are never replaced; overlapping proposals are settled
// by a fixed priority, so an email's domain is not also a URL and an IP
// address is not also a phone number.
package data

import (
	"regexp"
	"slices"
	"strings"

	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/safety"
)

// PIIType is a placeholder category.
type PIIType string

const (
	PIIEmail   PIIType = "EMAIL"
	PIIPhone   PIIType = "PHONE"
	PIIName    PIIType = "NAME"
	PIIAddress PIIType = "ADDRESS"
	PIIID      PIIType = "ID"
	PIIURL     PIIType = "URL"
	PIIDate    PIIType = "DATE"
)

// PIITypes lists the placeholder types in a stable order.
var PIITypes = []PIIType{PIIEmail, PIIPhone, PIIName, PIIAddress, PIIID, PIIURL, PIIDate}

// Placeholder returns the text that replaces a span of type t.
func (t PIIType) Placeholder() string { return "[" + string(t) + "]" }

// PIIKind is the detector that found a span; several kinds share a type
// (SSN, NHS number, card and IP addresses are all [ID]).
type PIIKind uint8

const (
	KindEmail PIIKind = iota
	KindURL
	KindIPv4
	KindIPv6
	KindCard
	KindSSN
	KindNHS
	KindDate
	KindPhone
	KindAddress
	KindHandle
	KindName
	numKinds
)

var kindInfo = [numKinds]struct {
	name string
	typ  PIIType
}{
	KindEmail: {"email", PIIEmail}, KindURL: {"url", PIIURL}, KindIPv4: {"ipv4", PIIID}, KindIPv6: {"ipv6", PIIID},
	KindCard: {"credit_card", PIIID}, KindSSN: {"us_ssn", PIIID}, KindNHS: {"uk_nhs", PIIID}, KindDate: {"date_of_birth", PIIDate},
	KindPhone: {"phone", PIIPhone}, KindAddress: {"address", PIIAddress}, KindHandle: {"handle", PIIName}, KindName: {"name", PIIName},
}

// String names the detector ("email", "us_ssn", ...).
func (k PIIKind) String() string { return kindInfo[k].name }

// Type is the placeholder category of the kind.
func (k PIIKind) Type() PIIType { return kindInfo[k].typ }

// PIIKinds lists every detector kind in priority order.
func PIIKinds() []PIIKind {
	out := make([]PIIKind, numKinds)
	for i := range out {
		out[i] = PIIKind(i)
	}
	return out
}

// PIISpan is one piece of personal data: byte offsets into the text.
type PIISpan struct {
	Start, End int
	Kind       PIIKind
}

// ScrubCounts counts replaced spans per detector kind.
type ScrubCounts [numKinds]int

// Add adds o into c.
func (c *ScrubCounts) Add(o *ScrubCounts) {
	for i := range c {
		c[i] += o[i]
	}
}

// Map returns the counts keyed by kind name, zero counts included.
func (c *ScrubCounts) Map() map[string]int {
	m := make(map[string]int, numKinds)
	for i, n := range c {
		m[PIIKind(i).String()] = n
	}
	return m
}

// Total is the number of spans replaced.
func (c *ScrubCounts) Total() int {
	t := 0
	for _, n := range c {
		t += n
	}
	return t
}

// ScrubConfig tunes the scrubber. The zero value scrubs every type and
// protects the crisis lines of the safety resource directory.
type ScrubConfig struct {
	// Disable lists placeholder types not to scrub (e.g. "URL").
	Disable []PIIType `yaml:"disable" json:"disable,omitempty"`
	// AllowURLs are links (or host names) that are kept: the sources
	// library and crisis services. The safety directory's URLs are always
	// allowed.
	AllowURLs []string `yaml:"allow_urls" json:"allow_urls,omitempty"`
	// KeepNumbers are extra phone numbers never scrubbed (local helplines).
	KeepNumbers []string `yaml:"keep_numbers" json:"keep_numbers,omitempty"`
}

// Scrubber finds and replaces personal data. Safe for concurrent use.
type Scrubber struct {
	allowHosts []string         // lower-case host names, "www." removed
	keep       map[string]bool  // digit strings of protected numbers
	keepList   []string         // the same, for prefix stripping
	offType    map[PIIType]bool // disabled types
}

// hotlineNumbers are crisis and emergency numbers that must stay readable
// in training data. The brief's list (988, 116 123, 741741, 13 11 14, 1737,
// 14416, 3114, 911/999/112/000) matches the safety resource directory
// (safety/resources.yaml), which is merged in at construction.
// Lifeline Australia's text number (0477 13 11 14, lifeline.org.au) is
// added because the seed corpus quotes it.
var hotlineNumbers = []string{"988", "116 123", "741741", "13 11 14", "0477 13 11 14", "1737", "14416", "3114", "911", "999", "112", "000", "111", "0800 111 0 111", "50808"}

// NewScrubber builds a scrubber. The URLs of the safety resource directory
// and cfg.AllowURLs are kept; so are the directory's numbers.
func NewScrubber(cfg ScrubConfig) *Scrubber {
	s := &Scrubber{keep: map[string]bool{}, offType: map[PIIType]bool{}}
	for _, t := range cfg.Disable {
		s.offType[t] = true
	}
	urls := append(safety.ResourceURLs(), cfg.AllowURLs...)
	for _, u := range urls {
		if h := urlHost(u); h != "" && !slices.Contains(s.allowHosts, h) {
			s.allowHosts = append(s.allowHosts, h)
		}
	}
	nums := append([]string{}, hotlineNumbers...)
	for _, loc := range safety.Locales() {
		d := safety.Resources(loc)
		for _, r := range append([]safety.Resource{d.Emergency}, d.Lines...) {
			nums = append(nums, r.Number)
			// Numbers quoted in "how" ("or 0800 111 0 222") count too.
			nums = append(nums, reHowNumber.FindAllString(r.How, -1)...)
		}
	}
	nums = append(nums, cfg.KeepNumbers...)
	for _, n := range nums {
		if d := digitsOf(n); d != "" && !s.keep[d] {
			s.keep[d] = true
			s.keepList = append(s.keepList, d)
		}
	}
	return s
}

// urlHost returns the lower-case host of a URL or bare host name, without
// "www.".
func urlHost(u string) string {
	u = strings.ToLower(strings.TrimSpace(u))
	if i := strings.Index(u, "://"); i >= 0 {
		u = u[i+3:]
	}
	if i := strings.IndexAny(u, "/?#"); i >= 0 {
		u = u[:i]
	}
	if i := strings.LastIndexByte(u, '@'); i >= 0 {
		u = u[i+1:]
	}
	if i := strings.IndexByte(u, ':'); i >= 0 {
		u = u[:i]
	}
	return strings.TrimPrefix(u, "www.")
}

// allowedURL reports whether a found link points at an allowed host or one
// of its subdomains.
func (s *Scrubber) allowedURL(link string) bool {
	h := urlHost(strings.TrimRight(link, ".,;:!?"))
	for _, a := range s.allowHosts {
		if h == a || strings.HasSuffix(h, "."+a) {
			return true
		}
	}
	return false
}

var reHowNumber = regexp.MustCompile(`\+?\d[\d -]{4,}\d`)

func digitsOf(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// Find returns the personal data in text, sorted by offset, without
// overlaps.
func (s *Scrubber) Find(text string) []PIISpan {
	var cands, protect []PIISpan
	d := detector{s: s, text: text}
	d.run(&cands, &protect)
	if len(cands) == 0 {
		return nil
	}
	// Higher priority (lower kind) first, then longer spans.
	slices.SortStableFunc(cands, func(a, b PIISpan) int {
		if a.Kind != b.Kind {
			return int(a.Kind) - int(b.Kind)
		}
		return (b.End - b.Start) - (a.End - a.Start)
	})
	out := make([]PIISpan, 0, len(cands))
	for _, c := range cands {
		if s.offType[c.Kind.Type()] || overlapsAny(c, protect) || overlapsAny(c, out) {
			continue
		}
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b PIISpan) int { return a.Start - b.Start })
	return out
}

func overlapsAny(c PIISpan, spans []PIISpan) bool {
	for _, o := range spans {
		if c.Start < o.End && o.Start < c.End {
			return true
		}
	}
	return false
}

// Scrub replaces the personal data in text and adds what it replaced to
// counts (which may be nil).
func (s *Scrubber) Scrub(text string, counts *ScrubCounts) string {
	spans := s.Find(text)
	if len(spans) == 0 {
		return text
	}
	var b strings.Builder
	b.Grow(len(text))
	prev := 0
	for _, sp := range spans {
		b.WriteString(text[prev:sp.Start])
		b.WriteString(sp.Kind.Type().Placeholder())
		prev = sp.End
		if counts != nil {
			counts[sp.Kind]++
		}
	}
	b.WriteString(text[prev:])
	return b.String()
}

// ScrubMessages scrubs every message in place.
func (s *Scrubber) ScrubMessages(msgs []conv.Message, counts *ScrubCounts) {
	for i := range msgs {
		msgs[i].Content = s.Scrub(msgs[i].Content, counts)
	}
}

// ScrubConversation scrubs every message of c in place.
func (s *Scrubber) ScrubConversation(c *conv.Conversation, counts *ScrubCounts) {
	s.ScrubMessages(c.Messages, counts)
}

// ScrubPair scrubs prompt, chosen and rejected in place.
func (s *Scrubber) ScrubPair(p *conv.PreferencePair, counts *ScrubCounts) {
	s.ScrubMessages(p.Prompt, counts)
	s.ScrubMessages(p.Chosen, counts)
	s.ScrubMessages(p.Rejected, counts)
}
