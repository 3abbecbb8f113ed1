// Personal-name detection: a capitalised word is a name when it is on the
// embedded list of common first names (compiled for tend from names common
// across English-speaking, European, South Asian, East Asian, Arabic,
// African and Latin American communities), or when a context cue says so:
// a relation ("my sister Anna"), an introduction ("I'm Tom", "my name is"),
// "named X", or a title ("Dr. Patel"). Names that are also ordinary words
// (May, Hope, Will, Grace, ...) count only with a cue, and a month-like
// word after "in", "since" or before a day number is a month.
package data

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// ambiguousNames are first names that are also common words, months or
// places. They are names only when a cue says so.
var ambiguousNames = wordSet(`May June April August Hope Will Grace Faith Joy Rose Lily Iris Summer Autumn Dawn Sky Skye
Jade Ruby Amber Pearl Mark Bill Frank Art Rich Sue Pat Ray Gene Guy Jack Max Miles Sunny Chase Hunter Page Brook River
Robin Sterling Honor Patience Charity Destiny Harmony Heaven Trinity Angel Christian Precious Penny Holly Ivy Daisy Heather
Violet Crystal Carol Earl Drew Dean Major Royal Sage Rocky Ginger Candy Misty Wade Hazel Georgia Virginia Jordan Paris
Chelsea Sydney Austin Dallas Phoenix India Kenya Mercedes Melody Blossom Bishop Cliff Rod Don Norm Bob Jimmy Happy Lucky
Sandy Storm Willow Ocean Star Luna Felix Victor Vice Stella Taylor Carter Mason Cooper Parker Tanner Baker Fisher Marshall
Young Hill Wood Green Brown White Black Gray Grey Sherry Brandy Amethyst Justice Noble Rebel Zion Israel Messiah Doc`)

// commonCap are capitalised words that are never names on their own:
// pronouns, days, months, family words used as names ("Mum"), nationality
// and faith words, and frequent sentence openers.
var commonCap = wordSet(`I I'm I've I'd I'll Im Ive Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February
March July September October November December Christmas Easter Ramadan Eid Diwali Hanukkah Thanksgiving God Jesus Allah
Lord Mum Mom Mummy Mommy Mam Ma Dad Daddy Papa Pa Nan Nana Gran Granny Grandma Grandpa Grandad Auntie Aunty Uncle Sis Bro
English British American Irish Scottish Welsh Canadian Australian Indian Chinese Japanese Korean Mexican African Asian
European Latino Latina Latinx Black White Muslim Christian Jewish Catholic Hindu Sikh Buddhist Protestant Mormon Gay Lesbian
Bi Trans Queer Autistic ADHD OCD PTSD NHS GP A&E ER ICU AI It It's Its The This That These Those There Their They They're
We We're He She His Her Hi Hello Hey Thanks Thank Sorry Yes No Not Ok Okay So But And Or If When What Why How Who Where Which
Maybe Just Also Really Still Even Honestly Well Oh Please Anyway Because Since After Before Then Now Today Tonight Tomorrow
Yesterday Sometimes Everyone Everything Nobody Nothing Someone Something My Your Our You You're You've Is Are Was Were Do Does
Did Can Could Would Should Have Has Had Am Be Being Been Let Let's Here Every Each Some Any All Most Many Much More Less Very
Too Only First Last Next One Two Three Four Five Six Seven Eight Nine Ten Dear Doctor Nurse Therapist Counsellor Counselor
Teacher Boss Manager Sir Madam Miss Mr Mrs Ms Dr Prof Professor Reddit Facebook Instagram TikTok Twitter Google Zoom Discord
WhatsApp Samaritans Lifeline Uber Amazon Tesco Walmart Starbucks Netflix Spotify YouTube London England Scotland Wales Ireland
America Canada Australia Zealand Europe Texas California University College School Church Hospital Street Road Avenue Lane
Tired Fine Good Great Bad Sad Happy Angry Anxious Stressed Lonely Scared Afraid Worried Exhausted Done Sure Alone Here Back
New Old Home Work Office Team Company Mental Health Crisis Line Text Call Phone Email`)

// relationCues precede a name: "my sister Anna", "her boss Tom".
var relationCues = wordSet(`sister brother mum mom mother dad father son daughter wife husband partner boyfriend girlfriend
friend bestie bff cousin aunt auntie uncle niece nephew grandma grandmother grandpa grandfather gran granny nan nana grandson
granddaughter boss manager supervisor colleague coworker co-worker teacher tutor coach therapist counsellor counselor
psychiatrist psychologist doctor gp neighbour neighbor roommate flatmate housemate ex fiance fiancé fiancee fiancée child
kid baby stepdad stepmum stepmom stepson stepdaughter stepbrother stepsister classmate mate buddy pal twin spouse sibling
sponsor mentor landlord landlady carer caregiver nurse pastor priest imam rabbi vicar dog cat puppy kitten`)

// introCues end an introduction or naming phrase: "I'm", "named".
var introCues = []string{"i'm", "i’m", "im", "i am", "my name is", "my name's", "name is", "named", "call me", "this is", "it's", "signed", "love,", "regards,", "cheers,", "thanks,", "from"}

// titles precede a surname: "Dr. Patel", "Mrs Okafor".
var titles = wordSet(`Dr Dr. Doctor Mr Mr. Mrs Mrs. Ms Ms. Miss Mx Prof Prof. Professor Nurse Father Sister Rev Rev. Pastor Imam Rabbi Coach Officer Detective Judge Captain`)

// monthPrepositions make a following month-name a month, not a name.
var monthPrepositions = wordSet(`in since until till by of last next early late mid from through before after during this every each`)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// word is one token of the name scan.
type word struct {
	start, end int
	text       string
}

// words splits text into letter runs (apostrophes and hyphens inside a
// word are kept, a trailing "'s" is not). ASCII bytes are classified
// without decoding a rune; the result is the same as with unicode.IsLetter
// throughout. Words are appended to out.
func words(text string, out []word) []word {
	i := 0
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf {
			if !isASCIILetter(c) {
				i++
				continue
			}
		} else if r, n := utf8.DecodeRuneInString(text[i:]); !unicode.IsLetter(r) {
			i += n
			continue
		}
		j := i
		for j < len(text) {
			r2, n2 := rune(text[j]), 1
			if r2 >= utf8.RuneSelf {
				r2, n2 = utf8.DecodeRuneInString(text[j:])
			}
			if isLetterRune(r2) {
				j += n2
				continue
			}
			if (r2 == '\'' || r2 == '’' || r2 == '-') && j+n2 < len(text) {
				if r3 := text[j+n2]; r3 < utf8.RuneSelf && isASCIILetter(r3) || r3 >= utf8.RuneSelf && startsWithLetter(text[j+n2:]) {
					j += n2
					continue
				}
			}
			break
		}
		w := text[i:j]
		for _, suf := range [...]string{"'s", "’s"} {
			if strings.HasSuffix(w, suf) && len(w) > len(suf)+1 {
				w = w[:len(w)-len(suf)]
			}
		}
		out = append(out, word{i, i + len(w), w})
		i = j
	}
	return out
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isLetterRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIILetter(byte(r))
	}
	return unicode.IsLetter(r)
}

func startsWithLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

// capitalised reports whether w looks like a proper noun: an upper-case
// first letter followed by at least one lower-case letter.
func capitalised(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) || n == len(w) {
		return false
	}
	for _, r := range w[n:] {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// sentenceStart reports whether the word at pos begins a sentence.
func sentenceStart(text string, pos int) bool {
	for i := pos - 1; i >= 0; i-- {
		switch c := text[i]; c {
		case ' ', '\t', '"', '\'', '(', '*', '-':
			continue
		case '.', '!', '?', '\n', ':':
			return true
		default:
			return false
		}
	}
	return true
}

// wordBufs recycles the name scan's word slices.
var wordBufs = sync.Pool{New: func() any { return new([]word) }}

// names appends name spans.
func (d *detector) names(cands *[]PIISpan) {
	t := d.text
	buf := wordBufs.Get().(*[]word)
	defer wordBufs.Put(buf)
	ws := words(t, (*buf)[:0])
	*buf = ws
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		if !capitalised(w.text) {
			continue
		}
		if i > 0 && (ws[i-1].text == "St" || ws[i-1].text == "Saint") {
			continue // St John's wort, St Mary's Hospital: not a person
		}
		cue := d.nameCue(ws, i)
		listed := firstNames[w.text]
		amb := ambiguousNames[w.text]
		isName := false
		switch {
		case cue && !commonCap[w.text]:
			isName = true
		case amb:
			isName = d.ambiguousIsName(ws, i)
		case listed:
			isName = true
		}
		if !isName {
			continue
		}
		end := w.end
		// A following surname: capitalised, not a common word, one space.
		for k := i + 1; k < len(ws) && k <= i+2; k++ {
			n := ws[k]
			if n.start != end+1 || t[end] != ' ' || !capitalised(n.text) || commonCap[n.text] || ambiguousNames[n.text] && !firstNames[n.text] {
				break
			}
			end = n.end
			i = k
		}
		d.add(cands, w.start, end, KindName)
	}
}

// nameCue reports whether the words before ws[i] make it a name: a
// relation word, an introduction, "named", or a title.
func (d *detector) nameCue(ws []word, i int) bool {
	if i == 0 {
		return false
	}
	prev := ws[i-1]
	gap := d.text[prev.end:ws[i].start]
	if strings.ContainsAny(gap, ".!?;\n") && !titles[prev.text+"."] {
		return false
	}
	if titles[prev.text] || titles[prev.text+strings.TrimSpace(gap)] {
		return true
	}
	lp := strings.ToLower(prev.text)
	if relationCues[lp] && strings.TrimSpace(gap) == "" && i >= 2 {
		// "my sister Anna", "our friend Sam", "his ex Jo"
		for k := i - 2; k >= max(0, i-4); k-- {
			switch strings.ToLower(ws[k].text) {
			case "my", "our", "his", "her", "their", "your", "a", "best", "the":
				return true
			}
		}
	}
	lo := max(0, prev.start-16)
	before := strings.ToLower(d.text[lo:ws[i].start])
	before = strings.TrimRight(before, " ")
	for _, c := range introCues {
		if strings.HasSuffix(before, c) {
			// "it's", "from" and "this is" introduce a name only when the
			// word is listed; the caller checks the list for those.
			switch c {
			case "it's", "from", "this is", "im":
				return firstNames[ws[i].text]
			}
			return true
		}
	}
	return false
}

// ambiguousIsName decides for names that are also words: a cue, or a
// listed first name beside it ("Grace Kelly" stays unknown, "Will and
// Sarah" is a name), but never a month after a month preposition or
// before a day number.
func (d *detector) ambiguousIsName(ws []word, i int) bool {
	w := ws[i]
	if d.nameCue(ws, i) {
		return true
	}
	if i > 0 && monthPrepositions[strings.ToLower(ws[i-1].text)] {
		return false
	}
	rest := strings.TrimLeft(d.text[w.end:], " ")
	if rest != "" && isDigit(rest[0]) {
		return false
	}
	// "Will and Sarah", "Sarah and Hope": beside another listed name.
	if i+2 < len(ws) && strings.ToLower(ws[i+1].text) == "and" && firstNames[ws[i+2].text] && !ambiguousNames[ws[i+2].text] {
		return !sentenceStart(d.text, w.start) || w.text != "Will"
	}
	if i >= 2 && strings.ToLower(ws[i-1].text) == "and" && firstNames[ws[i-2].text] && !ambiguousNames[ws[i-2].text] {
		return true
	}
	// Followed by a verb of speech or an action only a person does:
	// "Hope said", "May told me".
	if i+1 < len(ws) && !sentenceStart(d.text, w.start) {
		switch strings.ToLower(ws[i+1].text) {
		case "said", "says", "told", "texted", "messaged", "called", "asked", "thinks", "thought", "wants", "left", "dumped":
			return true
		}
	}
	return false
}
