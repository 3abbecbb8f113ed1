// PII detectors for everything but personal names: emails, links, IP
// addresses, credit cards (Luhn), US SSNs, UK NHS numbers (mod-11), dates
// of birth, phone numbers, street addresses and @handles. Each regular
// expression runs only when a cheap byte test says it could match, which
// keeps scrubbing fast on the ordinary prose that makes up most data.
package data

import (
	"net"
	"regexp"
	"strings"
)

var (
	reEmail  = regexp.MustCompile(`(?i)[a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}`)
	reURL    = regexp.MustCompile(`(?i)\b(?:https?://|www\.)[^\s<>"'()\[\]{}]+`)
	reDomain = regexp.MustCompile(`(?i)\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|org|net|edu|gov|io|co|uk|ca|au|nz|ie|de|fr|info|me|ly|app|us|in|za)\b(?:/[^\s<>"'()\[\]{}]*)?`)
	reIPv4   = regexp.MustCompile(`\b(?:\d{1,3}\.){3}\d{1,3}\b`)
	reIPv6   = regexp.MustCompile(`(?i)(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}`)
	reCard   = regexp.MustCompile(`\b\d(?:[ -]?\d){12,18}\b`)
	reSSN    = regexp.MustCompile(`\b\d{3}[- ]\d{2}[- ]\d{4}\b`)
	reNHS    = regexp.MustCompile(`\b\d{3}[ -]?\d{3}[ -]?\d{4}\b`)
	rePhone  = regexp.MustCompile(`(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,5}\)[ .-]?)?\d(?:[ .-]?\d){5,22}`)
	reHandle = regexp.MustCompile(`@[A-Za-z0-9_][A-Za-z0-9_.]{0,28}[A-Za-z0-9_]`)
	rePost   = regexp.MustCompile(`\b[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}\b`)
	rePOBox  = regexp.MustCompile(`(?i)\bP\.? ?O\.? Box \d{1,6}\b`)
	reStreet = regexp.MustCompile(`\b\d{1,5}[A-Za-z]?(?:[-/]\d{1,4})?,? (?:[A-Z][A-Za-z'.-]*\.? ){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Close|Way|Boulevard|Blvd|Court|Ct|Place|Pl|Terrace|Crescent|Cres|Grove|Gardens|Square|Sq|Parkway|Pkwy|Highway|Hwy|Row|Walk|Mews|Rise|Calle|Strasse|Straße)\b\.?` +
		`(?:,? (?:Apt|Apartment|Flat|Unit|Suite)\.? ?#?[A-Za-z0-9-]+)?` +
		`(?:,? (?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+,? (?:[A-Z]{2} \d{5}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}))?`)
	// A birth cue, then the date. Submatch 1 is the date.
	reDOB       = regexp.MustCompile(`(?i)\b(?:born|birthday|date of birth|d\.?o\.?b\.?|birth ?date)\b[\s:,-]*(?:(?:is|was|on|in|the|of|:)\s+)*(` + dateExpr + `)`)
	reDateShape = regexp.MustCompile(`^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$`)
	reYearRange = regexp.MustCompile(`^(?:19|20)\d\d ?[-–] ?(?:19|20)?\d\d$`)
)

const month = `(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)`

const dateExpr = `\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{1,2}(?:st|nd|rd|th)?(?: of)? ` + month + `\.?(?:,? \d{4})?|` + month + `\.? \d{1,2}(?:st|nd|rd|th)?(?:,? \d{4})?|` + month + ` \d{4}|(?:19|20)\d\d`

// phoneCues make a bare run of 7–9 digits count as a phone number.
var phoneCues = []string{"call", "phone", "number", "mobile", "cell", "tel", "text", "ring", "whatsapp", "contact", "reach me", "landline"}

type detector struct {
	s    *Scrubber
	text string
}

func (d *detector) add(out *[]PIISpan, start, end int, k PIIKind) {
	*out = append(*out, PIISpan{start, end, k})
}

// run appends candidate spans to cands and spans that must be kept as they
// are (allowed links, crisis numbers) to protect.
func (d *detector) run(cands, protect *[]PIISpan) {
	t := d.text
	hasDigit := strings.ContainsAny(t, "0123456789")
	if strings.IndexByte(t, '@') >= 0 {
		for _, m := range reEmail.FindAllStringIndex(t, -1) {
			d.add(cands, m[0], m[1], KindEmail)
		}
		for _, m := range reHandle.FindAllStringIndex(t, -1) {
			if m[0] > 0 && isHandleBlocker(t[m[0]-1]) {
				continue
			}
			d.add(cands, m[0], m[1], KindHandle)
		}
	}
	if mayHaveLink(t) {
		for _, re := range []*regexp.Regexp{reURL, reDomain} {
			if re == reURL && !hasScheme(t) || re == reDomain && !hasTLD(t) {
				continue
			}
			for _, m := range re.FindAllStringIndex(t, -1) {
				end := m[0] + len(strings.TrimRight(t[m[0]:m[1]], ".,;:!?"))
				if m[0] > 0 && t[m[0]-1] == '@' {
					continue // the domain of an email
				}
				if d.s.allowedURL(t[m[0]:end]) {
					d.add(protect, m[0], end, KindURL)
				} else {
					d.add(cands, m[0], end, KindURL)
				}
			}
		}
	}
	if strings.Count(t, ":") >= 2 {
		for _, m := range reIPv6.FindAllStringIndex(t, -1) {
			if s := t[m[0]:m[1]]; strings.Count(s, ":") >= 2 && len(s) >= 6 && net.ParseIP(s) != nil {
				d.add(cands, m[0], m[1], KindIPv6)
			}
		}
	}
	if !hasDigit {
		d.names(cands)
		return
	}
	nd := 0
	for i := 0; i < len(t); i++ {
		if isDigit(t[i]) {
			nd++
		}
	}
	d.numbers(cands, protect, nd)
	if mayHaveAddress(t) {
		d.addresses(cands)
	}
	if mayHaveBirthCue(t) {
		for _, m := range reDOB.FindAllStringSubmatchIndex(t, -1) {
			d.add(cands, m[2], m[3], KindDate)
		}
	}
	d.names(cands)
}

// mayHaveLink reports a dot between two word characters ("x.com",
// "www.", "https://a.b"): ordinary prose, where a dot ends a sentence,
// skips the link regexes.
func mayHaveLink(t string) bool {
	for i := 1; i+1 < len(t); i++ {
		if t[i] == '.' && isAlnum(t[i-1]) && isAlnum(t[i+1]) {
			return true
		}
	}
	return false
}

func isAlnum(c byte) bool { return isDigit(c) || c|0x20 >= 'a' && c|0x20 <= 'z' }

var birthCues = []string{"born", "Born", "BORN", "birth", "Birth", "BIRTH", "DOB", "dob", "D.O.B", "d.o.b", "Dob"}

func mayHaveBirthCue(t string) bool {
	for _, c := range birthCues {
		if strings.Contains(t, c) {
			return true
		}
	}
	return false
}

func isHandleBlocker(c byte) bool {
	return c == '.' || c == '_' || c == '@' || c == '/' || c == ']' || (c >= '0' && c <= '9') || (c|0x20 >= 'a' && c|0x20 <= 'z')
}

// numbers finds IPv4 addresses, cards, SSNs, NHS numbers and phones, and
// protects crisis-line numbers.
func (d *detector) numbers(cands, protect *[]PIISpan, digits int) {
	t := d.text
	if digits < 6 {
		return // too few digits for any number kind, or for a protected one
	}
	if hasDigitDotDigit(t) {
		for _, m := range reIPv4.FindAllStringIndex(t, -1) {
			if validIPv4(t[m[0]:m[1]]) && !(m[0] > 0 && t[m[0]-1] == '.') && !(m[1] < len(t)-1 && t[m[1]] == '.' && isDigit(t[m[1]+1])) {
				d.add(cands, m[0], m[1], KindIPv4)
			}
		}
	}
	if digits >= 13 {
		for _, m := range reCard.FindAllStringIndex(t, -1) {
			if ds := digitsOf(t[m[0]:m[1]]); len(ds) >= 13 && len(ds) <= 19 && luhn(ds) {
				d.add(cands, m[0], m[1], KindCard)
			}
		}
	}
	for _, m := range ssnMatches(t) {
		s := t[m[0]:m[1]]
		if !validSSN(digitsOf(s)) {
			continue
		}
		// Dashes are the SSN's own format; spaces need a cue.
		if s[3] == '-' && s[6] == '-' || hasCueBefore(t, m[0], 40, "ssn", "social security") {
			d.add(cands, m[0], m[1], KindSSN)
		}
	}
	if strings.Contains(t, "NHS") || strings.Contains(t, "nhs") || strings.Contains(t, "Nhs") {
		for _, m := range reNHS.FindAllStringIndex(t, -1) {
			if nhsValid(digitsOf(t[m[0]:m[1]])) && hasCueBefore(t, m[0], 40, "nhs") {
				d.add(cands, m[0], m[1], KindNHS)
			}
		}
	}
	if !hasDigitChain(t, 6) {
		return
	}
	for _, m := range rePhone.FindAllStringIndex(t, -1) {
		d.phone(cands, protect, m[0], m[1])
	}
}

// phone validates one phone-shaped run. A crisis number at either end of
// the run (a hotline written right next to a personal number) is split off
// and protected.
func (d *detector) phone(cands, protect *[]PIISpan, start, end int) {
	t := d.text
	s := t[start:end]
	ds := digitsOf(s)
	if d.s.keep[ds] {
		d.add(protect, start, end, KindPhone)
		return
	}
	for _, k := range d.s.keepList {
		if len(k) >= len(ds) {
			continue
		}
		if i := prefixDigits(s, len(k)); i > 0 && i < len(s) && (s[i] == ' ' || s[i] == '-' || s[i] == '.') && digitsOf(s[:i]) == k {
			d.add(protect, start, start+i, KindPhone)
			d.phone(cands, protect, start+i+1, end)
			return
		}
	}
	if len(ds) < 7 || len(ds) > 15 || reDateShape.MatchString(s) || reYearRange.MatchString(s) {
		return
	}
	if start > 0 && isAlnum(t[start-1]) || end < len(t) && isAlnum(t[end]) {
		return // part of a longer token such as an order code
	}
	if strings.Count(s, ".") >= 1 && !strings.ContainsAny(s, " -+(") && len(ds) < 10 {
		return // a decimal or a version number
	}
	formatted := s[0] == '+' || s[0] == '(' || strings.ContainsAny(s, " -.")
	if len(ds) < 10 && !formatted && !hasCueBefore(t, start, 30, phoneCues...) {
		return
	}
	if len(ds) < 9 && !s0is(s, '0', '+', '(') && !hasCueBefore(t, start, 30, phoneCues...) {
		return // e.g. "2019 2020" or counts written with spaces
	}
	d.add(cands, start, end, KindPhone)
}

func s0is(s string, cs ...byte) bool {
	for _, c := range cs {
		if s[0] == c {
			return true
		}
	}
	return false
}

// prefixDigits returns the byte length of the shortest prefix of s holding
// n digits, or 0.
func prefixDigits(s string, n int) int {
	seen := 0
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			seen++
			if seen == n {
				return i + 1
			}
		}
	}
	return 0
}

func (d *detector) addresses(cands *[]PIISpan) {
	t := d.text
	for _, re := range []*regexp.Regexp{reStreet, rePOBox, rePost} {
		for _, m := range re.FindAllStringIndex(t, -1) {
			d.add(cands, m[0], m[1], KindAddress)
		}
	}
}

// mayHaveAddress reports a number followed by a capitalised word (a house
// number and street) or a capital-letter-digit pair (a postcode or PO Box):
// without one no address pattern can match.
func mayHaveAddress(t string) bool {
	for i := 0; i+2 < len(t); i++ {
		c := t[i]
		if isDigit(c) {
			j := i + 1
			for j < len(t) && (isDigit(t[j]) || t[j] == ',' || (t[j]|0x20 >= 'a' && t[j]|0x20 <= 'z' && j == i+1)) {
				j++
			}
			if j+1 < len(t) && t[j] == ' ' && t[j+1] >= 'A' && t[j+1] <= 'Z' {
				return true
			}
			if j < len(t) && (t[j] == '-' || t[j] == '/') {
				return true
			}
		}
		if c >= 'A' && c <= 'Z' && isDigit(t[i+1]) || (c == 'B' || c == 'b') && t[i+1] == 'o' && t[i+2] == 'x' {
			return true
		}
	}
	return false
}

// hasCueBefore reports whether any cue occurs (case-insensitively) in the
// window bytes before pos.
func hasCueBefore(t string, pos, window int, cues ...string) bool {
	lo := max(0, pos-window)
	w := strings.ToLower(t[lo:pos])
	// A placeholder left by an earlier scrub is not a cue.
	for _, ty := range PIITypes {
		w = strings.ReplaceAll(w, strings.ToLower(ty.Placeholder()), "")
	}
	for _, c := range cues {
		if strings.Contains(w, c) {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func validIPv4(s string) bool {
	parts := strings.Split(s, ".")
	if len(parts) != 4 {
		return false
	}
	for _, p := range parts {
		if len(p) > 1 && p[0] == '0' {
			return false
		}
		n := 0
		for i := 0; i < len(p); i++ {
			n = n*10 + int(p[i]-'0')
		}
		if n > 255 {
			return false
		}
	}
	return true
}

// luhn is the credit-card check digit test (ISO/IEC 7812-1).
func luhn(ds string) bool {
	sum, double := 0, false
	for i := len(ds) - 1; i >= 0; i-- {
		n := int(ds[i] - '0')
		if double {
			n *= 2
			if n > 9 {
				n -= 9
			}
		}
		sum += n
		double = !double
	}
	return sum%10 == 0
}

// validSSN applies the Social Security Administration's structural rules:
// no 000, 666 or 9xx area, no 00 group, no 0000 serial.
func validSSN(ds string) bool {
	if len(ds) != 9 {
		return false
	}
	area, group, serial := ds[:3], ds[3:5], ds[5:]
	return area != "000" && area != "666" && area[0] != '9' && group != "00" && serial != "0000"
}

// nhsValid is the NHS number modulus-11 check: weights 10..2 on the first
// nine digits; 11 minus the remainder is the check digit (11 → 0, 10 →
// invalid), as specified by NHS Digital's data dictionary.
func nhsValid(ds string) bool {
	if len(ds) != 10 {
		return false
	}
	sum := 0
	for i := 0; i < 9; i++ {
		sum += int(ds[i]-'0') * (10 - i)
	}
	check := 11 - sum%11
	if check == 11 {
		check = 0
	}
	return check != 10 && check == int(ds[9]-'0')
}
