// Number checks for the unverified_number guard rule: a phone number or SMS
// short code in a model reply that is not in the resource directory. A small
// model can invent a helpline ("text 14", "call 0800 123 456"); a person in
// crisis who dials it reaches nobody, or a stranger. Only numbers that look
// like something to call count: a contact word before them (call, text,
// dial, ring, phone, contact, reach, helpline, hotline, line, number) or
// after them ("14 is a free helpline"), or a phone-like shape (a leading +,
// an area code in brackets, three or more digit groups, ten or more digits).
// Times, dates, years, quantities ("3 days", "4-7-8 breathing"), money,
// percentages, ages, ordinals, list numbering and versions are left alone.
package safety

import (
	"strings"
	"sync"
	"unicode"
)

// knownNumbers is the set of every number in the resource directory, all
// locales, reduced to its digits ("116 123" → "116123", "9-8-8" → "988").
// It includes the numbers named in each entry's "how" text ("call 999 or
// 112", "1-800-891-4416").
var knownNumbers = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	res, err := loadResources()
	if err != nil {
		return m
	}
	add := func(r Resource) {
		if d := digitsOnly(r.Number); d != "" {
			m[d] = true
		}
		for _, n := range numberRuns(r.How) {
			m[n.digits] = true
		}
	}
	for _, d := range res {
		add(d.Emergency)
		for _, l := range d.Lines {
			add(l)
		}
	}
	return m
})

func digitsOnly(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// numRun is a run of digit groups joined by phone separators.
type numRun struct {
	start, end int      // byte span in the text
	groups     []string // digit groups in order
	starts     []int    // byte offset of each group
	ends       []int
	digits     string // all digits
	plus       bool   // written with a leading +
	paren      bool   // an area code in brackets
	dotted     bool   // groups joined by dots
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// numberRuns splits s into runs of digit groups. Groups are joined by a
// single space, dash or dot (a dot only between groups of three or more
// digits, so "3.5" stays two numbers); "(020) 7946" joins across brackets.
func numberRuns(s string) []numRun {
	var out []numRun
	i := 0
	for i < len(s) {
		if !isDigit(s[i]) {
			i++
			continue
		}
		r := numRun{start: i}
		if i > 0 && s[i-1] == '+' {
			r.plus, r.start = true, i-1
		}
		if i > 0 && s[i-1] == '(' {
			r.paren, r.start = true, i-1
		}
		for {
			j := i
			for j < len(s) && isDigit(s[j]) {
				j++
			}
			r.groups = append(r.groups, s[i:j])
			r.starts = append(r.starts, i)
			r.ends = append(r.ends, j)
			r.end = j
			k := j
			if r.paren && len(r.groups) == 1 && k < len(s) && s[k] == ')' {
				k++
				r.end = k
			}
			if k+1 < len(s) && (s[k] == ' ' || s[k] == '-' || s[k] == '.' || s[k] == '\u00a0') && isDigit(s[k+1]) {
				if s[k] == '.' {
					n := k + 1
					for n < len(s) && isDigit(s[n]) {
						n++
					}
					if j-i < 3 || n-(k+1) < 3 {
						break
					}
					r.dotted = true
				}
				i = k + 1
				continue
			}
			break
		}
		r.digits = strings.Join(r.groups, "")
		out = append(out, r)
		i = r.end
		if i < len(s) && s[i] == ')' {
			i++
		}
	}
	return out
}

// sub returns the run made of groups a..b-1.
func (r numRun) sub(s string, a, b int) numRun {
	n := numRun{start: r.starts[a], end: r.ends[b-1], groups: r.groups[a:b], starts: r.starts[a:b], ends: r.ends[a:b]}
	if a == 0 {
		n.start, n.plus, n.paren = r.start, r.plus, r.paren
		if r.paren && b > 1 {
			n.end = r.ends[b-1]
		}
	}
	n.dotted = r.dotted
	n.digits = strings.Join(n.groups, "")
	return n
}

// phoneShape reports a shape that only phone numbers have.
func (r numRun) phoneShape() bool {
	n := len(r.digits)
	switch {
	case n < 5 || n > 15:
		return false
	case r.plus && n >= 7:
		return true
	case r.paren && len(r.groups) >= 2 && n >= 7:
		return true
	case len(r.groups) >= 3 && n >= 7 && len(r.groups[0]) <= 5:
		return !isoDate(r)
	case len(r.groups) == 2 && n >= 8 && len(r.groups[0]) >= 3 && len(r.groups[1]) >= 3:
		return true
	case len(r.groups) == 1 && n >= 10:
		return true
	}
	return false
}

// isoDate reports "2024-05-12".
func isoDate(r numRun) bool {
	return len(r.groups) == 3 && len(r.groups[0]) == 4 && len(r.groups[1]) <= 2 && len(r.groups[2]) <= 2
}

var (
	contactBefore = set("call", "calling", "called", "calls", "text", "texting", "txt", "sms", "dial", "dialling", "dialing", "ring", "ringing", "phone", "phoning", "telephone", "tel", "contact", "contacting", "reach", "reaching", "helpline", "hotline", "line", "lines", "number", "numbers", "freephone", "freefone", "whatsapp", "message", "helpline's", "hotline's", "no")
	// words that may stand between a contact word and its number
	contactFiller = set("them", "us", "me", "him", "her", "someone", "on", "at", "to", "the", "a", "is", "are", "its", "it's", "free", "national", "local", "crisis", "support", "helpline", "hotline", "line", "number", "word", "home", "talk", "hello", "start", "help", "or", "anytime", "24/7", "toll-free", "tollfree", "toll", "by", "directly")
	contactAfter  = set("helpline", "hotline", "lifeline", "crisisline", "textline", "line", "number")
	// words after a number that mean it counts something
	quantityAfter = set("second", "seconds", "sec", "secs", "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs", "day", "days", "night", "nights", "week", "weeks", "weekend", "weekends", "month", "months", "year", "years", "yr", "yrs", "time", "times", "am", "pm", "a.m", "p.m", "o'clock", "oclock", "percent", "per", "breath", "breaths", "count", "counts", "step", "steps", "people", "person", "persons", "friends", "friend", "others", "things", "ways", "tips", "reasons", "ideas", "questions", "messages", "texts", "calls", "sessions", "members", "volunteers", "counsellors", "counselors", "staff", "mg", "kg", "lbs", "lb", "pounds", "dollars", "euros", "rupees", "km", "miles", "metres", "meters", "feet", "of", "out", "more", "less", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "x", "languages", "countries", "states", "cities", "hours-a-day", "words", "letters", "digits", "characters", "pages", "items", "senses", "breathing", "technique", "method", "rule", "grounding", "exercise", "sleep", "cups", "glasses", "stars", "points")
	// words before a number that mean it is not a phone number
	quantityBefore = set("in", "within", "after", "for", "every", "about", "around", "over", "under", "than", "top", "step", "steps", "page", "chapter", "version", "v", "level", "day", "week", "age", "aged", "ages", "grade", "room", "bus", "route", "since", "until", "till", "by", "from", "during", "year", "years", "of", "between", "and", "to", "at", "only", "just", "nearly", "almost", "roughly", "approximately", "maybe", "some", "first", "last", "next", "past", "lasts", "last", "takes", "count", "counting", "rate", "scale", "score", "scored", "out", "phase", "part", "season", "episode", "tip", "item", "point", "number", "no", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december")
	// words after a number that still read as a phone number ("call 14 now")
	phoneFollow = set("now", "today", "tonight", "anytime", "any", "free", "right", "immediately", "straight", "instead", "if", "when", "whenever", "for", "to", "or", "and", "from", "in", "at", "on", "is", "it's", "its", "which", "who", "they", "where", "so", "as", "too", "first", "please", "yourself", "toll", "toll-free", "day", "—", "-", "(", "it", "there", "here", "also", "with", "by", "anonymously", "confidentially", "24/7")
)

// numWords returns the lower-cased words of s before byte offset end (last
// word first) and after byte offset start (first word first), stopping at a
// digit run or sentence punctuation.
func numWords(s string, i int, before bool) []string {
	var out []string
	fields := func(t string) []string {
		return strings.FieldsFunc(t, func(r rune) bool {
			return unicode.IsSpace(r) || r == ',' || r == ';' || r == '"' || r == '(' || r == ')' || r == '“' || r == '”'
		})
	}
	if before {
		ws := fields(strings.ToLower(s[:i]))
		for k := len(ws) - 1; k >= 0 && len(out) < 5; k-- {
			w := strings.Trim(ws[k], ":.!?'’")
			if w == "" || hasDigit(w) && w != "24/7" {
				break
			}
			out = append(out, w)
		}
		return out
	}
	ws := fields(strings.ToLower(s[i:]))
	for k := 0; k < len(ws) && len(out) < 4; k++ {
		w := strings.Trim(ws[k], ":.!?'’")
		if w == "" {
			break
		}
		out = append(out, w)
	}
	return out
}

func hasDigit(w string) bool {
	for i := 0; i < len(w); i++ {
		if isDigit(w[i]) {
			return true
		}
	}
	return false
}

// unverifiedNumbers returns the byte ranges of phone numbers and short
// codes in s that are neither in the resource directory nor in extra (the
// policy's allow_numbers, by digits).
func unverifiedNumbers(s string, extra map[string]bool) [][2]int {
	dir := knownNumbers()
	known := dir
	if len(extra) > 0 {
		known = make(map[string]bool, len(dir)+len(extra))
		for k := range dir {
			known[k] = true
		}
		for k := range extra {
			known[k] = true
		}
	}
	return unverifiedNumbersIn(s, known)
}

// unverifiedNumbersIn is unverifiedNumbers with the allowed set given
// whole (the guard builds it once).
func unverifiedNumbersIn(s string, known map[string]bool) [][2]int {
	if strings.IndexFunc(s, func(r rune) bool { return r >= '0' && r <= '9' }) < 0 {
		return nil // no digit, no number
	}
	var urls [][2]int
	if mayHaveURL(s) {
		urls = findURLs(s)
	}
	var out [][2]int
	for _, r := range numberRuns(s) {
		// A run may be a known number followed by something else ("call
		// 988 24 hours a day", "call 988 123"): take the longest known
		// prefix of groups, then look at the rest on its own.
		if known[r.digits] {
			continue
		}
		a, tail := 0, false
		for a < len(r.groups) {
			b := len(r.groups)
			for ; b > a; b-- {
				if known[strings.Join(r.groups[a:b], "")] {
					break
				}
			}
			// Split off a known prefix of three or more digits ("988 24
			// hours", "988 123"); a shorter one ("15" in "15 20") is more
			// likely the start of a made-up number.
			if b > a && len(strings.Join(r.groups[a:b], "")) >= 3 {
				a, tail = b, true
				continue
			}
			n := r.sub(s, a, len(r.groups))
			if !inURL(urls, n.start) && suspectNumber(s, n, tail) {
				out = append(out, [2]int{n.start, n.end})
			}
			break
		}
	}
	return out
}

func inURL(urls [][2]int, i int) bool {
	for _, u := range urls {
		if i >= u[0] && i < u[1] {
			return true
		}
	}
	return false
}

// suspectNumber decides whether an unknown digit run is something a reader
// would call or text.
// tail marks digits written straight after a directory number ("988 123"):
// they extend the number being dialled.
func suspectNumber(s string, r numRun, tail bool) bool {
	if len(r.digits) < 2 {
		return false // nothing dials a single digit; "call 3 friends"
	}
	// Glued to letters or other number syntax: "1st", "mp3", "24/7",
	// "10:30", "3.5", "10,000", "$20", "50%", "#1", "15-year-old".
	if r.start > 0 {
		p := s[r.start-1]
		if unicode.IsLetter(rune(p)) || strings.IndexByte("$£€¥#/:,_", p) >= 0 || p == '.' && r.start > 1 && isDigit(s[r.start-2]) {
			return false
		}
		if strings.HasSuffix(s[:r.start], "₹") {
			return false
		}
	}
	if r.end < len(s) {
		c := s[r.end]
		next := r.end+1 < len(s) && isDigit(s[r.end+1])
		if unicode.IsLetter(rune(c)) || c == '%' || c == '/' || (c == ':' || c == ',' || c == '.') && next {
			return false
		}
		for _, suf := range []string{"-year", "-minute", "-day", "-hour", "-week", "-month", "-step", "-point", "-second"} {
			if strings.HasPrefix(s[r.end:], suf) {
				return false
			}
		}
	}
	// List numbering: "2. Call a friend", "3) Text someone".
	if strings.TrimSpace(s[:r.start]) == "" && r.end < len(s) && (s[r.end] == '.' || s[r.end] == ')') && len(r.digits) <= 2 {
		return false
	}
	shape := r.phoneShape()
	before := numWords(s, r.start, true)
	after := numWords(s, r.end, false)
	if shape {
		return true
	}
	// A year after a year word, or any four-digit 19xx/20xx with no contact
	// word right before it.
	year := len(r.digits) == 4 && (strings.HasPrefix(r.digits, "19") || strings.HasPrefix(r.digits, "20"))
	if len(after) > 0 && quantityAfter[after[0]] && !(after[0] == "day" && len(after) > 2 && after[1] == "or" && after[2] == "night") {
		return false
	}
	if len(before) > 0 && quantityBefore[before[0]] && !contactBefore[before[0]] {
		// "at 10", "in 2019", "for 20": a time, year or quantity — unless
		// the word before that is itself a contact word ("call us at 14",
		// "text HOME to 14") and the number is not a time or a year.
		if !(len(before) > 1 && (contactBefore[before[1]] || len(before) > 2 && contactBefore[before[2]] && (contactFiller[before[1]] || before[0] == "to")) && (before[0] == "at" || before[0] == "to" || before[0] == "on" || before[0] == "number" || before[0] == "no") && !year && !(before[0] == "at" && len(r.digits) <= 2)) {
			return false
		}
	}
	// A range of counts: "call 2 to 3 friends", "text 10 or 20 people".
	if len(after) > 2 && (after[0] == "or" || after[0] == "to" || after[0] == "-") && hasDigit(after[1]) && quantityAfter[after[2]] {
		return false
	}
	ctx, immediate := tail, tail
	for k, w := range before {
		if ctx {
			break
		}
		if contactBefore[w] {
			ctx = true
			immediate = k == 0 || allFiller(before[:k]) || k == 2 && before[0] == "to" && (w == "text" || w == "txt" || w == "sms")
			break
		}
		if k >= 3 {
			break
		}
	}
	if !ctx {
		for k, w := range after {
			if contactAfter[w] || w == "crisis" || w == "text" && k > 0 {
				ctx = true
				immediate = true
				break
			}
			if k >= 3 {
				break
			}
		}
	}
	if !ctx {
		return false
	}
	if len(r.groups) > 1 && !r.paren && allShort(r.groups) && !immediate {
		return false // "4-7-8 breathing", "5-4-3-2-1", "8-10"
	}
	if year && !immediate {
		return false
	}
	// A number followed by an ordinary word, far from its contact word,
	// counts something: "the helpline has over 200 volunteers".
	if !immediate && len(after) > 0 && !phoneFollow[after[0]] {
		return false
	}
	return true
}

func allShort(groups []string) bool {
	for _, g := range groups {
		if len(g) > 2 {
			return false
		}
	}
	return true
}

func allFiller(ws []string) bool {
	for _, w := range ws {
		if !contactFiller[w] {
			return false
		}
	}
	return true
}

// helpSentence reports whether a sentence was about getting help, so that
// dropping it should leave a pointer to real resources in its place.
func helpSentence(s string) bool {
	low := strings.ToLower(s)
	for _, w := range []string{"call", "text", "dial", "ring", "phone", "contact", "reach", "helpline", "hotline", "crisis", "line", "support", "talk", "help", "emergency", "counsel", "samaritans", "lifeline", "someone"} {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// numberNote is appended when a sentence with a made-up number was dropped.
func numberNote(locale string) string {
	d := Resources(locale)
	if len(d.Lines) > 0 && d.Lines[0].How != "" {
		l := d.Lines[0]
		return "If you'd like to talk to someone, " + l.Name + " is there for you: " + l.How + "."
	}
	if d.Emergency.How != "" {
		return "If you are in danger, please " + d.Emergency.How + "."
	}
	return ""
}

// namesLocaleNumber reports whether text gives one of the locale's crisis
// line numbers.
func namesLocaleNumber(text, locale string) bool {
	d := Resources(locale)
	want := map[string]bool{}
	for _, l := range d.Lines {
		if n := digitsOnly(l.Number); n != "" {
			want[n] = true
		}
	}
	if len(want) == 0 {
		return len(d.Lines) > 0 && strings.Contains(strings.ToLower(text), strings.ToLower(d.Lines[0].Name))
	}
	for _, r := range numberRuns(text) {
		if want[r.digits] {
			return true
		}
		for _, g := range r.groups {
			if want[g] {
				return true
			}
		}
	}
	return false
}
