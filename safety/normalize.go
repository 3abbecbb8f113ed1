// Text normalisation for matching: lower-casing, leetspeak ("k1ll mys3lf"),
// stretched letters ("soooo"), common misspellings ("suicde"), slang
// ("kms", "unalive", "sewerslide") and contractions ("don't" → "do not").
// Each output token keeps the byte span of the word it came from, so
// evidence can point back into the original message.
package safety

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one normalised word.
type token struct {
	w          string
	start, end int  // byte span in the original text
	sent       int  // sentence number
	clause     int  // clause number (commas, "but" and sentence ends split clauses)
	quoted     bool // inside double quotes
	expanded   bool // one of several words a slang form expanded to ("kms")
	question   bool // the sentence ends with '?'
}

// expansions maps a normalised word to the words it stands for.
var expansions = map[string][]string{
	"kms": {"kill", "myself"}, "kys": {"kill", "yourself"}, "killmyself": {"kill", "myself"},
	"unalive": {"kill"}, "unaliving": {"killing"}, "unalived": {"killed"},
	"sewerslide": {"suicide"}, "sewerslided": {"suicide"}, "suicied": {"suicide"},
	"suicde": {"suicide"}, "sucide": {"suicide"}, "suicid": {"suicide"}, "suiside": {"suicide"},
	"suacide": {"suicide"}, "sucicide": {"suicide"}, "suicie": {"suicide"}, "suicidee": {"suicide"},
	"suiciede": {"suicide"}, "suiside's": {"suicide"},
	"sucidal": {"suicidal"}, "suicdal": {"suicidal"}, "suicidel": {"suicidal"}, "suisidal": {"suicidal"},
	"suicidial": {"suicidal"}, "sucicidal": {"suicidal"}, "suicadal": {"suicidal"},
	"kil": {"kill"}, "kll": {"kill"}, "kilme": {"kill", "me"}, "dieing": {"dying"}, "dyed": {"died"},
	"dissapear": {"disappear"}, "dissappear": {"disappear"}, "disapear": {"disappear"}, "wnt": {"want"},
	"myslef": {"myself"}, "myslf": {"myself"}, "mysef": {"myself"}, "meself": {"myself"},
	"mysself": {"myself"}, "myselfe": {"myself"}, "mself": {"myself"}, "muself": {"myself"},
	"wanna": {"want", "to"}, "wana": {"want", "to"}, "gonna": {"going", "to"}, "gona": {"going", "to"},
	"gotta": {"got", "to"}, "tryna": {"trying", "to"}, "finna": {"going", "to"}, "imma": {"i", "am", "going", "to"},
	"u": {"you"}, "ur": {"your"}, "ppl": {"people"}, "cuz": {"because"}, "coz": {"because"}, "bc": {"because"},
	"tmrw": {"tomorrow"}, "tmr": {"tomorrow"}, "tomorow": {"tomorrow"}, "tommorow": {"tomorrow"},
	"tonite": {"tonight"}, "2nite": {"tonight"}, "2night": {"tonight"}, "rn": {"right", "now"},
	"idk": {"i", "do", "not", "know"}, "idc": {"i", "do", "not", "care"}, "dunno": {"do", "not", "know"},
	"im": {"i", "am"}, "ive": {"i", "have"}, "dont": {"do", "not"}, "cant": {"can", "not"},
	"cannot": {"can", "not"}, "wont": {"will", "not"}, "didnt": {"did", "not"}, "doesnt": {"does", "not"},
	"isnt": {"is", "not"}, "wasnt": {"was", "not"}, "havent": {"have", "not"}, "wouldnt": {"would", "not"},
	"shouldnt": {"should", "not"}, "couldnt": {"could", "not"}, "arent": {"are", "not"}, "aint": {"am", "not"},
	"youre": {"you", "are"}, "theyre": {"they", "are"}, "thats": {"that", "is"}, "whats": {"what", "is"},
	"selfharm": {"self", "harm"}, "selfharming": {"self", "harming"}, "od": {"overdose"}, "oding": {"overdosing"},
	"odd'd": {"overdosed"}, "od'd": {"overdosed"}, "oded": {"overdosed"}, "overdosing": {"overdosing"},
	"pils": {"pills"}, "plls": {"pills"}, "wanted2": {"wanted", "to"}, "want2": {"want", "to"},
	"goodbye": {"goodbye"}, "bye": {"bye"}, "gudbye": {"goodbye"}, "goodby": {"goodbye"},
	"anymore": {"anymore"}, "any1": {"anyone"}, "some1": {"someone"}, "no1": {"no", "one"},
	"ded": {"dead"}, "dyin": {"dying"}, "killin": {"killing"}, "livin": {"living"}, "nothin": {"nothing"},
	"b4": {"before"}, "l8r": {"later"}, "gf": {"girlfriend"}, "bf": {"boyfriend"}, "bro": {"brother"},
	"sis": {"sister"}, "stepmum": {"stepmom"}, "stepmother": {"stepmom"}, "abt": {"about"}, "wud": {"would"}, "nite": {"night"}, "2day": {"today"}, "rly": {"really"}, "srsly": {"seriously"}, "plz": {"please"}, "pls": {"please"}, "thru": {"through"}, "tho": {"though"}, "cuz2": {"because"}, "w": {"with"}, "wen": {"when"}, "kno": {"know"}, "evry1": {"everyone"}, "every1": {"everyone"}, "shing": {"self", "harming"}, "sh'ing": {"self", "harming"}, "sui": {"suicide"}, "lyfe": {"life"}, "lyf": {"life"}, "lif": {"life"}, "mum": {"mom"}, "hw": {"how"}, "mny": {"many"}, "kils": {"kills"}, "gna": {"going", "to"}, "gnna": {"going", "to"}, "doin": {"doing"}, "em": {"them"}, "smth": {"something"}, "sumthin": {"something"}, "2moro": {"tomorrow"}, "mommy": {"mom"}, "daddy": {"dad"}, "ma": {"mom"},
}

// units follow a number in one token ("40mg", "3am").
var units = set("mg", "mcg", "ml", "g", "kg", "lb", "lbs", "x", "am", "pm", "s", "th", "st", "nd", "rd", "k", "h", "hrs", "min", "mins", "yo")

// slang marks expansions whose first-person words are not the writer's own
// ("he keeps saying he wants to kms").
var slang = set("kms", "kys", "killmyself")

// toVerbs precede a "2" that stands for "to" ("i want 2 die").
var toVerbs = set("want", "going", "need", "have", "got", "trying", "wanted", "ready", "about", "decided")

// contractionTail maps the part after an apostrophe to the word it stands for.
var contractionTail = map[string]string{"m": "am", "re": "are", "ve": "have", "ll": "will", "d": "would"}

var isContractionS = map[string]bool{
	"it": true, "that": true, "he": true, "she": true, "what": true, "there": true, "who": true, "where": true,
	"here": true, "everything": true, "nothing": true, "life": true,
}

var leet = map[rune]rune{'0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', '$': 's', '!': 'i'}

// tokenize normalises text into tokens.
func tokenize(text string) []token {
	return tokenizeInto(make([]token, 0, len(text)/5+4), text, normWord)
}

// tokenizeInto appends the tokens of text to toks, normalising each raw
// word with norm (normWord, or the guard's memo of it).
func tokenizeInto(toks []token, text string, norm func(string) []string) []token {
	sent, clause := 0, 0
	quoted := false
	sentStart := 0
	i := 0
	for i < len(text) {
		r, sz := utf8.DecodeRuneInString(text[i:])
		if isWordRune(r) || ((r == '@' || r == '$' || r == '!') && i+sz < len(text) && isLetterAt(text, i+sz) && i > 0 && isLetterBefore(text, i)) {
			j := i
			for j < len(text) {
				r2, sz2 := utf8.DecodeRuneInString(text[j:])
				if isWordRune(r2) || r2 == '\'' || r2 == '’' || ((r2 == '@' || r2 == '$' || r2 == '!') && j+sz2 < len(text) && isLetterAt(text, j+sz2)) {
					j += sz2
					continue
				}
				break
			}
			ws := norm(text[i:j])
			for _, w := range ws {
				if w == "2" && len(toks) > 0 && toVerbs[toks[len(toks)-1].w] {
					w = "to"
				}
				toks = append(toks, token{w: w, start: i, end: j, sent: sent, clause: clause, quoted: quoted, expanded: len(ws) > 1 && slang[strings.ToLower(text[i:j])]})
			}
			i = j
			continue
		}
		if r == '.' && len(toks) > 0 && toks[len(toks)-1].end == i && abbreviations[toks[len(toks)-1].w] {
			i += sz
			continue
		}
		switch r {
		case '.', '!', '?', ';', '\n':
			if r == '?' {
				for k := sentStart; k < len(toks); k++ {
					toks[k].question = true
				}
			}
			if len(toks) > sentStart || r == '\n' {
				sent++
				clause++
				sentStart = len(toks)
			}
		case ',', ':', '(', ')', '–', '—':
			clause++
		case '"', '“', '”':
			quoted = !quoted
			if r == '“' {
				quoted = true
			} else if r == '”' {
				quoted = false
			}
		}
		i += sz
	}
	// "my self" is a common spelling of "myself" ("killed my self").
	for k := 0; k+1 < len(toks); k++ {
		if toks[k].w == "my" && toks[k+1].w == "self" && toks[k].sent == toks[k+1].sent {
			toks[k].w, toks[k].end = "myself", toks[k+1].end
			toks = append(toks[:k+1], toks[k+2:]...)
		}
	}
	// "but" starts a new clause: negation before it does not reach after it.
	for k := range toks {
		if toks[k].w == "but" || toks[k].w == "though" || toks[k].w == "although" {
			for m := k; m < len(toks) && toks[m].sent == toks[k].sent; m++ {
				toks[m].clause += 1000
			}
		}
	}
	return toks
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isLetterBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsLetter(r)
}

// normWord turns one raw word into zero or more normalised words.
func normWord(raw string) []string {
	w := strings.ToLower(raw)
	w = strings.ReplaceAll(w, "’", "'")
	w = strings.Trim(w, "'")
	if w == "" {
		return nil
	}
	if k := strings.IndexFunc(w, func(r rune) bool { return r < '0' || r > '9' }); k > 0 && units[w[k:]] {
		return []string{w[:k], w[k:]}
	}
	hasLetter, hasLeet := false, false
	for _, r := range w {
		if unicode.IsLetter(r) {
			hasLetter = true
		} else if _, ok := leet[r]; ok {
			hasLeet = true
		}
	}
	if hasLetter && hasLeet {
		w = strings.Map(func(r rune) rune {
			if m, ok := leet[r]; ok {
				return m
			}
			return r
		}, w)
	}
	// "40mg", "10ml": a number with a unit splits in two, and is never
	// read as leetspeak.
	if k := strings.IndexFunc(w, func(r rune) bool { return r < '0' || r > '9' }); k > 0 && units[w[k:]] {
		return []string{w[:k], w[k:]}
	}
	w = squeeze(w)
	if exp, ok := expansions[w]; ok {
		return exp
	}
	if fix := nearKeyWord(w); fix != "" {
		return []string{fix}
	}
	if k := strings.IndexByte(w, '\''); k > 0 {
		head, tail := w[:k], w[k+1:]
		switch {
		case tail == "t" && strings.HasSuffix(head, "n"):
			stem := head[:len(head)-1]
			switch stem {
			case "ca":
				stem = "can"
			case "wo":
				stem = "will"
			case "ai":
				stem = "am"
			case "sha":
				stem = "shall"
			}
			return []string{stem, "not"}
		case tail == "s":
			if isContractionS[head] {
				return []string{head, "is"}
			}
			return []string{head}
		case contractionTail[tail] != "":
			return []string{head, contractionTail[tail]}
		}
		w = strings.ReplaceAll(w, "'", "")
		if exp, ok := expansions[w]; ok {
			return exp
		}
	}
	return []string{w}
}

// squeeze shortens runs of three or more identical letters to two, so
// "diiiie" and "soooo" meet the lexicon halfway ("diie" is then fixed by
// the stretched-word table).
func squeeze(w string) string {
	n := 0
	var prev rune
	run := 0
	changed := false
	for _, r := range w {
		if r == prev {
			run++
		} else {
			run = 1
			prev = r
		}
		if run >= 3 {
			changed = true
		}
		n++
	}
	if !changed {
		return w
	}
	var b strings.Builder
	prev, run = 0, 0
	for _, r := range w {
		if r == prev {
			run++
		} else {
			run = 1
			prev = r
		}
		if run <= 2 {
			b.WriteRune(r)
		}
	}
	out := b.String()
	if fix, ok := stretched[out]; ok {
		return fix
	}
	return out
}

// stretched repairs words whose doubled letter is not a real double after
// squeezing ("diiie" → "diie" → "die").
var stretched = map[string]string{
	"diie": "die", "dyiing": "dying", "kiill": "kill", "killl": "kill", "pleasee": "please",
	"helpp": "help", "tiired": "tired", "donee": "done", "soo": "so", "noo": "no", "nooo": "no",
	"whyy": "why", "hatee": "hate", "myselff": "myself", "deadd": "dead", "byee": "bye",
}

// keyWords are long risk words with no ordinary English neighbour one edit
// away, so a typo of them can be repaired safely ("suicdie", "myslf",
// "overdoes" would be a neighbour and is not in the list).
var keyWords = []string{"suicide", "suicidal", "myself", "overdosed", "overdosing", "anorexia", "anorexic", "bulimia", "bulimic", "laxatives", "hallucinations", "unalive"}

// keyWordSet holds the key words and their own inflections, which are
// never "repaired" into each other.
var keyWordSet = set(append(keyWords, "overdose", "overdoses", "suicides", "anorexics", "bulimics", "laxative", "hallucination", "unalived", "unaliving", "myselves")...)

// nearKeyWord returns the key word w is one edit (insertion, deletion,
// substitution or transposition) away from, or "".
func nearKeyWord(w string) string {
	if len(w) < 5 || keyWordSet[w] {
		return ""
	}
	for _, k := range keyWords {
		if d := len(w) - len(k); d > 1 || d < -1 {
			continue
		}
		if oneEdit(w, k) {
			return k
		}
	}
	return ""
}

func oneEdit(a, b string) bool {
	if len(a) == len(b) {
		diff := -1
		for i := 0; i < len(a); i++ {
			if a[i] != b[i] {
				if diff >= 0 {
					// a transposition of two neighbours counts as one edit
					return diff == i-1 && a[diff] == b[i] && a[i] == b[diff] && a[i+1:] == b[i+1:]
				}
				diff = i
			}
		}
		return diff >= 0
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	for i := 0; i < len(a); i++ {
		if a[i] != b[i] {
			return a[i:] == b[i+1:]
		}
	}
	return true
}
