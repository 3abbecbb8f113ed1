// The words of the library importer: user questions per concern, the
// assistant's openers, bridges and crisis-safety lines (all written for
// tend), and libRetell, which turns a library summary ("Explains stress as
// ...", "A short guide to ...", "Mind's guide covers ...") into sentences
// in the assistant's voice that introduce the page.
package data

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tend-project/tend/conv"
)

// libraryQuestions returns questions a person might ask about concern c,
// general enough that any page on the concern answers them.
func libraryQuestions(c conv.Concern) []string {
	switch c {
	case conv.ConcernStress:
		return []string{
			"I've been under a lot of pressure lately. Is there somewhere reliable I can read about managing stress?",
			"How can I tell when stress is getting to be too much?",
			"What actually helps with stress? I'd like something trustworthy to read.",
			"Can you point me to good information about stress?",
			"Everything feels like too much at the moment. Where can I learn more about coping with stress?",
			"Is there a good guide to dealing with stress that you'd recommend?",
		}
	case conv.ConcernAnxiety:
		return []string{
			"I worry constantly and it's exhausting. Where can I find reliable information about anxiety?",
			"What should I know about anxiety and panic attacks?",
			"Can you recommend something trustworthy to read about anxiety?",
			"How do I know if my anxiety is more than normal nerves?",
			"I'd like to understand anxiety better. Is there a good place to start?",
			"My friend gets really anxious and I want to understand it. Where can I read about it?",
		}
	case conv.ConcernDepression:
		return []string{
			"I've been feeling low for weeks. Where can I read about depression from a source I can trust?",
			"How can I tell the difference between a rough patch and depression?",
			"Can you point me to reliable information about depression?",
			"What helps with depression? I'd like to read up on it.",
			"Someone close to me seems depressed. Is there good information I could read?",
			"I want to understand low mood better. Where should I start?",
		}
	case conv.ConcernGrief:
		return []string{
			"My grandad died recently and I don't know if what I'm feeling is normal. Is there anything I can read about grief?",
			"Where can I find reliable information about grief and bereavement?",
			"Is there a good guide to coping after someone dies?",
			"How do people cope with grief? I'd like something trustworthy to read.",
			"A friend has just lost her mum. Where can I learn how grief affects people?",
			"Are there places that support people who are grieving?",
		}
	case conv.ConcernLoneliness:
		return []string{
			"I feel lonely most of the time. Is there anything useful I can read about loneliness?",
			"Where can I find reliable information about loneliness?",
			"How common is loneliness, and what helps? Is there something I can read?",
			"I moved to a new city and don't know anyone. Where can I learn about dealing with loneliness?",
			"Can you point me to something trustworthy about feeling isolated?",
			"Is there a good resource on building connections with people?",
		}
	case conv.ConcernRelationships:
		return []string{
			"My partner and I keep arguing. Is there somewhere reliable I can get advice on relationships?",
			"Where can I find trustworthy information about relationship problems?",
			"How do I know if a relationship is healthy? Is there something I can read?",
			"Can you recommend a good resource for relationship difficulties?",
			"Things with my partner feel off, and I want to understand it better. Where should I look?",
			"Is there support out there for people going through relationship problems?",
		}
	case conv.ConcernFamily:
		return []string{
			"Things at home have been really tense. Is there anywhere I can get advice about family problems?",
			"Where can I find reliable information on dealing with family conflict?",
			"I'm worried about my teenager. Is there a good resource for parents?",
			"Can you point me to support for families going through a hard time?",
			"Is there somewhere trustworthy to read about family difficulties?",
			"My family situation is getting me down. Where can I find help or information?",
		}
	case conv.ConcernWorkSchool:
		return []string{
			"Work has been overwhelming lately. Is there reliable information about stress at work?",
			"I'm struggling at university. Where can I find support or information?",
			"Can you point me to something trustworthy about mental health at work?",
			"Exams are getting on top of me. Is there a good resource for students?",
			"Where can I read about dealing with pressure at work or school?",
			"My job is affecting my mental health. Is there something reliable I can read?",
		}
	case conv.ConcernSleep:
		return []string{
			"I can't get to sleep most nights. Where can I read about sleep problems?",
			"Is there reliable advice on sleeping better?",
			"Can you recommend something trustworthy about insomnia?",
			"How much sleep do people actually need? Is there a good source on this?",
			"My sleep has been all over the place. Where should I look for information?",
			"What helps with poor sleep? I'd like to read up on it.",
		}
	case conv.ConcernSelfEsteem:
		return []string{
			"I'm really hard on myself. Is there anything I can read about self-esteem?",
			"Where can I find reliable information about low self-esteem?",
			"How do people build self-esteem? Is there a good guide?",
			"Can you point me to something trustworthy about confidence and self-worth?",
			"I always feel like I'm not good enough. Where can I learn more about that?",
			"Is there a good resource on being kinder to yourself?",
		}
	case conv.ConcernTrauma:
		return []string{
			"Something frightening happened to me and I keep reliving it. Is there reliable information about trauma?",
			"Where can I learn about PTSD from a source I can trust?",
			"Can you point me to good information about coping after a traumatic event?",
			"How does trauma affect people? I'd like something reliable to read.",
			"Is there support for people who've been through something traumatic?",
			"My partner went through something awful and I want to understand trauma. Where should I look?",
		}
	case conv.ConcernSubstanceUse:
		return []string{
			"I think I've been drinking too much. Where can I find reliable information?",
			"Is there trustworthy information about drugs and alcohol somewhere?",
			"Where can someone get help with drinking or drug use?",
			"I'm worried about my brother's drug use. Is there something I can read?",
			"Can you recommend a good resource on cutting down on alcohol?",
			"How do I find support for addiction?",
		}
	case conv.ConcernEatingBody:
		return []string{
			"I've been worrying a lot about food and my body. Where can I find reliable information?",
			"Can you point me to trustworthy information about eating disorders?",
			"I'm worried a friend isn't eating properly. Is there something I can read?",
			"Where can people get support for eating problems?",
			"Is there a good resource on body image?",
			"How do I know if my relationship with food is a problem? Is there a reliable source on this?",
		}
	case conv.ConcernAnger:
		return []string{
			"I keep losing my temper and I hate it. Is there anything I can read about anger?",
			"Where can I find reliable advice on managing anger?",
			"Can you recommend something trustworthy about controlling anger?",
			"How do I know when anger has become a problem? Is there a good source?",
			"I snap at people I love. Where can I learn more about handling anger?",
			"Is there a good guide to calming down when I'm angry?",
		}
	case conv.ConcernCrisis:
		return []string{
			"Where can someone turn if they're having thoughts of suicide?",
			"I'm worried about a friend who has been hurting themselves. Where can I find reliable information?",
			"Is there somewhere I can talk to someone when things get really bad?",
			"Can you point me to trustworthy information about self-harm?",
			"How can I help someone who might be thinking about suicide?",
			"Where can I find support if I'm struggling to keep myself safe?",
		}
	}
	return []string{
		"Where can I find reliable information about looking after my mental health?",
		"Is there a trustworthy place to start if I want to learn about mental health?",
		"How can I look after my mental wellbeing day to day? Is there a good guide?",
		"I'm not sure what kind of help is out there. Where can I find out?",
		"Can you point me to good general information about mental health?",
		"Where can I find out about getting support for my mental health?",
	}
}

// libConcernPhrase is how a concern is said inside a sentence.
func libConcernPhrase(c conv.Concern) string {
	switch c {
	case conv.ConcernRelationships:
		return "relationship difficulties"
	case conv.ConcernFamily:
		return "family difficulties"
	case conv.ConcernWorkSchool:
		return "pressure at work or school"
	case conv.ConcernSleep:
		return "sleep problems"
	case conv.ConcernSelfEsteem:
		return "self-esteem"
	case conv.ConcernSubstanceUse:
		return "drinking and drug use"
	case conv.ConcernEatingBody:
		return "eating and body image"
	case conv.ConcernCrisis:
		return "suicidal feelings and self-harm"
	case conv.ConcernOther, "":
		return "mental health"
	}
	return string(c)
}

// libraryOpeners start a reply; "" means none.
var libraryOpeners = []string{
	"It's a good idea to look for information you can trust about {name}.",
	"Wanting to understand {name} better is a really sensible step.",
	"I'm glad you're looking into this.",
	"That's a really good question to ask.",
	"Reliable information can make {name} feel a little less confusing.",
	"",
}

var libCrisisOpeners = []string{
	"I'm really glad you asked about this.",
	"Thank you for asking about this; it matters.",
	"It's a brave and important thing to ask about.",
}

// libCrisisSafety comes before the citation of every crisis-topic page.
var libCrisisSafety = []string{
	"If you or someone else is in danger right now, please call your local emergency number or contact a crisis line straight away.",
	"If anyone is in immediate danger, call your local emergency number now; you don't have to wait until things are at their worst to reach out.",
	"If you're thinking about ending your life or are not safe right now, please contact a crisis line or emergency services straight away.",
}

// libraryBridges may follow the retold passage; "" means none.
var libraryBridges = []string{
	"Reading about it won't replace talking to someone, but it can make things a little clearer.",
	"Take what feels useful; everyone's experience is a bit different.",
	"If any of it feels close to home, you don't have to work through it on your own.",
	"If this is affecting your day-to-day life, a doctor or {counsellor} can help you think about next steps.",
	"",
}

// Introductions of a page (%[1]s the organisation, %[2]s the title) and
// of an organisation's home page, whose title is its own name.
var (
	libPageIntros = []string{
		`One page I'd suggest is "%[2]s" from %[1]s`,
		`A good place to start is "%[2]s" from %[1]s`,
		`You might find "%[2]s" from %[1]s helpful`,
		`There's a page from %[1]s called "%[2]s"`,
	}
	libHomeIntros = []string{
		`One place I'd suggest is %[1]s`,
		`A good place to start is the website of %[1]s`,
		`You might find %[1]s helpful`,
	}
)

// libRetell introduces the entry's page and retells its passage.
func libRetell(r *rand.Rand, e *libraryPage) string {
	var intro string
	if libIsHomePage(e.org, e.title) {
		intro = fmt.Sprintf(libPick(r, libHomeIntros), libWithArticle(e.org))
	} else {
		intro = fmt.Sprintf(libPick(r, libPageIntros), libWithArticle(e.org), e.title)
	}
	if e.quoted {
		// An imported document's own text: quote its opening.
		return intro + ". Here's the gist of what it says: " + libLead(e.passage, 3, 90)
	}
	sents := libSentences(e.passage)
	if len(sents) == 0 {
		return intro + "."
	}
	var b strings.Builder
	b.WriteString(intro)
	switch first := sents[0]; {
	case libStartsWithVerb(first):
		b.WriteString(". It ")
		b.WriteString(libLowerFirst(first))
	case libIsFragment(first):
		// "It's a short guide to ...", "It's WHO's fact sheet on ...": a
		// new sentence rather than a colon, since fragments often hold
		// colons of their own.
		b.WriteString(". It's ")
		b.WriteString(libLowerCommon(first))
	default:
		b.WriteString(". ")
		b.WriteString(first)
	}
	for _, s := range sents[1:] {
		b.WriteByte(' ')
		if libStartsWithVerb(s) {
			b.WriteString("It ")
			s = libLowerFirst(s)
		}
		b.WriteString(s)
	}
	return b.String()
}

// libraryPage is what libRetell needs of an entry.
type libraryPage struct {
	org, title, passage string
	quoted              bool // passage is an imported document's text
}

// libSummaryVerbs are the verbs a library summary starts with when it
// describes its page without a subject ("Explains insomnia ...").
var libSummaryVerbs = map[string]bool{
	"Explains": true, "Describes": true, "Helps": true, "Lists": true, "Offers": true,
	"Covers": true, "Gives": true, "Sets": true, "Suggests": true, "Provides": true,
	"Includes": true, "Outlines": true, "Answers": true, "Shows": true, "Says": true,
	"Points": true, "Summarises": true, "Summarizes": true, "Discusses": true,
	"Introduces": true, "Walks": true, "Teaches": true, "Looks": true, "Has": true,
}

// libFiniteVerbs mark a sentence with its own subject and verb ("Mind's guide
// covers ..."), as opposed to a noun phrase describing the page ("A short
// guide to ...").
var libFiniteVerbs = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "has": true, "have": true,
	"explains": true, "describes": true, "covers": true, "offers": true, "gives": true,
	"lists": true, "provides": true, "runs": true, "treats": true,
	"suggests": true, "helps": true, "includes": true, "outlines": true,
	"says": true, "summarises": true, "summarizes": true, "teaches": true,
	"contains": true, "connects": true, "focuses": true, "discusses": true,
	"introduces": true, "presents": true, "supports": true, "warns": true,
	// Left out as too often nouns in a page description: answers, links,
	// points, sets, shows, looks, walks ("WHO's questions and answers").
}

// libClauseStarts end the scan for a main verb: what follows belongs to a
// relative or reported clause ("A charity that supports ...").
var libClauseStarts = map[string]bool{
	"that": true, "which": true, "who": true, "whose": true, "where": true,
	"when": true, "how": true, "what": true, "why": true,
}

func libFirstWord(s string) string {
	w, _, _ := strings.Cut(s, " ")
	return w
}

func libStartsWithVerb(s string) bool { return libSummaryVerbs[libFirstWord(s)] }

// libIsFragment reports whether s is a noun phrase rather than a sentence: no
// main verb before the first comma, colon or clause word.
func libIsFragment(s string) bool {
	for _, w := range strings.Fields(s) {
		stop := strings.ContainsAny(w, ",:;.")
		w = strings.ToLower(strings.Trim(w, ",:;.!?()\"'"))
		if libClauseStarts[w] {
			return true
		}
		if libFiniteVerbs[w] {
			return false
		}
		if stop {
			return true
		}
	}
	return true
}

// libCommonStarts are capitalised only because they start the summary, so
// they are lower-cased after a colon; other words (names such as "WHO's",
// "Australia's") keep their capital.
var libCommonStarts = map[string]bool{
	"A": true, "An": true, "The": true, "This": true, "These": true, "Some": true,
	"One": true, "Two": true, "Three": true, "Four": true, "Five": true, "Six": true,
	"Seven": true, "Ten": true, "Practical": true, "Urgent": true, "Simple": true,
	"Short": true, "Free": true, "Clear": true, "Plain": true, "Useful": true,
	"Official": true, "Guidance": true, "Advice": true, "Tips": true,
	"Information": true, "Help": true, "Support": true, "Answers": true,
	"Questions": true, "Steps": true, "Ways": true, "Ideas": true, "Facts": true,
	"Everyday": true, "General": true, "Evidence-based": true,
}

func libLowerCommon(s string) string {
	if libCommonStarts[libFirstWord(s)] {
		return libLowerFirst(s)
	}
	return s
}

func libLowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// libAbbreviations end in a full stop without ending a sentence.
var libAbbreviations = map[string]bool{
	"e.g": true, "i.e": true, "etc": true, "vs": true, "Dr": true, "Mr": true,
	"Mrs": true, "Ms": true, "St": true, "No": true, "approx": true,
}

// libSentences splits text after '.', '?' or '!' followed by a space and
// a capital letter, a digit or a quote, except after libAbbreviations and
// initials ("e.g.", "U.S.").
func libSentences(text string) []string {
	var out []string
	start := 0
	for i := 0; i+2 < len(text); i++ {
		c := text[i]
		if (c != '.' && c != '?' && c != '!') || text[i+1] != ' ' {
			continue
		}
		next, _ := utf8.DecodeRuneInString(text[i+2:])
		if !unicode.IsUpper(next) && !unicode.IsDigit(next) && next != '"' {
			continue
		}
		if c == '.' {
			word := text[strings.LastIndexByte(text[:i], ' ')+1 : i]
			if libAbbreviations[word] || strings.Contains(word, ".") || utf8.RuneCountInString(word) == 1 {
				continue
			}
		}
		if s := strings.TrimSpace(text[start : i+1]); s != "" {
			out = append(out, s)
		}
		start = i + 2
	}
	if s := strings.TrimSpace(text[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

// libLead returns the first n sentences of text, stopping early (at a
// sentence end when possible) once maxWords is reached.
func libLead(text string, n, maxWords int) string {
	var parts []string
	words := 0
	for _, s := range libSentences(text) {
		w := len(strings.Fields(s))
		if len(parts) == n || (len(parts) > 0 && words+w > maxWords) {
			break
		}
		if len(parts) == 0 && w > maxWords {
			f := strings.Fields(s)[:maxWords]
			return strings.TrimRight(strings.Join(f, " "), ",;:") + " …"
		}
		parts = append(parts, s)
		words += w
	}
	return strings.Join(parts, " ")
}

// libIsHomePage reports whether a page's title is just its publisher's name
// ("Beat" by "Beat (UK)"), so the reply names the organisation once.
func libIsHomePage(org, title string) bool {
	return org == title || strings.HasPrefix(org, title+" (") || strings.HasSuffix(org, ", "+title)
}

// libWithArticle puts "the" before organisation names that take it in running
// text ("the NHS", "the World Health Organization").
func libWithArticle(org string) string {
	switch libFirstWord(org) {
	case "NHS", "World", "National", "Centers", "American", "Substance", "Health", "U.S.", "US", "UK":
		return "the " + org
	}
	return org
}
