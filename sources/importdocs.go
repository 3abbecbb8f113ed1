// Importing a team's own documents: a folder of Markdown or HTML pages is
// turned into library entries, one per chunk of roughly ChunkWords words.
// Every chunk keeps the document's source URL, title and its chunk index, so
// a citation always points back to the page the words came from.
package sources

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"io/fs"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/tend-project/tend/conv"
	"gopkg.in/yaml.v3"
)

// ImportOptions supply what a document does not say about itself. Values in
// a document (front matter, <link rel="canonical">, <title>) win over these.
type ImportOptions struct {
	// URL is the source URL for a single document without one (ImportDoc
	// only; ImportDir ignores it).
	URL string
	// BaseURL, for a folder, gives each document without a URL the address
	// BaseURL + its path relative to the folder (extension kept).
	BaseURL      string
	Organisation string
	Topics       []conv.Concern
	Locale       string
	// LastVerified marks the documents as reviewed on this date
	// (YYYY-MM-DD); empty leaves them unverified.
	LastVerified string
	// ChunkWords is the target chunk size; 0 means DefaultChunkWords.
	ChunkWords int
	// IDPrefix starts every entry id, e.g. "acme-"; ids are then the
	// document's path as a slug plus the chunk index.
	IDPrefix string
}

// DefaultChunkWords keeps a chunk to a paragraph or three: long enough to
// carry a complete point, short enough to be a precise citation.
const DefaultChunkWords = 180

// ErrNoDocuments is returned by ImportDir when the folder has no Markdown or
// HTML files.
var ErrNoDocuments = errors.New("no .md, .markdown, .html or .htm files found")

// ImportDir imports every Markdown and HTML file in fsys (e.g. os.DirFS of
// a folder), in lexical path order.
func ImportDir(fsys fs.FS, opt ImportOptions) ([]Entry, error) {
	var out []Entry
	n := 0
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || docKind(p) == "" {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		// One URL cannot name several documents: in a folder, a document
		// without its own URL gets BaseURL plus its path, or none.
		o := opt
		o.URL = ""
		if opt.BaseURL != "" {
			o.URL = strings.TrimSuffix(opt.BaseURL, "/") + "/" + p
		}
		es, err := ImportDoc(p, data, o)
		if err != nil {
			return err
		}
		n++
		out = append(out, es...)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if n == 0 {
		return nil, ErrNoDocuments
	}
	return out, nil
}

func docKind(name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".md", ".markdown":
		return "markdown"
	case ".html", ".htm":
		return "html"
	}
	return ""
}

// docMeta is what a document may say about itself.
type docMeta struct {
	Title        string   `yaml:"title"`
	URL          string   `yaml:"url"`
	SourceURL    string   `yaml:"source_url"`
	Canonical    string   `yaml:"canonical_url"`
	Organisation string   `yaml:"organisation"`
	Topics       []string `yaml:"topics"`
	Locale       string   `yaml:"locale"`
	LastVerified string   `yaml:"last_verified"`
	Keywords     []string `yaml:"keywords"`
}

// ImportDoc chunks one Markdown or HTML document into entries. name is the
// document's path, used for its id and in errors.
func ImportDoc(name string, data []byte, opt ImportOptions) ([]Entry, error) {
	var meta docMeta
	var body string
	switch docKind(name) {
	case "markdown":
		fm, rest, err := splitFrontMatter(data)
		if err != nil {
			return nil, fmt.Errorf("%s: front matter: %w", name, err)
		}
		if len(fm) > 0 {
			if err := yaml.Unmarshal(fm, &meta); err != nil {
				return nil, fmt.Errorf("%s: front matter: %v", name, err)
			}
		}
		var h1 string
		body, h1 = markdownText(rest)
		if meta.Title == "" {
			meta.Title = h1
		}
	case "html":
		meta.Title, meta.Canonical, body = htmlText(string(data))
	default:
		return nil, fmt.Errorf("%s: not a Markdown or HTML file", name)
	}
	url := firstNonEmpty(meta.URL, meta.SourceURL, meta.Canonical, opt.URL)
	if url == "" {
		return nil, fmt.Errorf("%s: no source URL: add url: to the front matter, a <link rel=\"canonical\">, or pass a URL or base URL", name)
	}
	title := firstNonEmpty(meta.Title, strings.TrimSuffix(path.Base(name), path.Ext(name)))
	topics := opt.Topics
	if len(meta.Topics) > 0 {
		topics = nil
		for _, t := range meta.Topics {
			topics = append(topics, conv.Concern(strings.TrimSpace(t)))
		}
	}
	chunks := chunkText(body, opt.ChunkWords)
	if len(chunks) == 0 {
		return nil, fmt.Errorf("%s: no text to import", name)
	}
	verified := firstNonEmpty(meta.LastVerified, opt.LastVerified)
	base := opt.IDPrefix + slug(strings.TrimSuffix(filepath.ToSlash(name), path.Ext(name)))
	out := make([]Entry, 0, len(chunks))
	for i, c := range chunks {
		idx := i
		e := Entry{
			ID:           fmt.Sprintf("%s-%03d", base, i),
			Organisation: firstNonEmpty(meta.Organisation, opt.Organisation),
			Title:        title,
			URL:          url,
			Topics:       topics,
			Locale:       firstNonEmpty(meta.Locale, opt.Locale, "global"),
			Summary:      leadSentences(c, 2, 320),
			Keywords:     meta.Keywords,
			Text:         c,
			Chunk:        &idx,
			Verified:     verified != "",
			LastVerified: verified,
		}
		if field, err := e.Validate(); err != nil {
			return nil, fmt.Errorf("%s: chunk %d: %s: %w", name, i, field, err)
		}
		out = append(out, e)
	}
	return out, nil
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// splitFrontMatter separates a leading "---" YAML block from the body.
func splitFrontMatter(data []byte) (fm, body []byte, err error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !bytes.HasPrefix(data, []byte("---\n")) && !bytes.HasPrefix(data, []byte("---\r\n")) {
		return nil, data, nil
	}
	rest := data[bytes.IndexByte(data, '\n')+1:]
	for off := 0; off < len(rest); {
		end := bytes.IndexByte(rest[off:], '\n')
		line := rest[off:]
		next := len(rest)
		if end >= 0 {
			line = rest[off : off+end]
			next = off + end + 1
		}
		if t := strings.TrimSpace(string(line)); t == "---" || t == "..." {
			return rest[:off], rest[next:], nil
		}
		off = next
	}
	return nil, nil, errors.New("opening --- has no closing ---")
}

var (
	mdImage    = regexp.MustCompile(`!\[([^\]]*)\]\([^)]*\)`)
	mdLink     = regexp.MustCompile(`\[([^\]]+)\]\([^)]*\)`)
	mdEmphasis = regexp.MustCompile("[*_`]{1,3}")
	mdListMark = regexp.MustCompile(`^\s*([-*+]|\d+[.)])\s+`)
)

// markdownText reduces Markdown to plain paragraphs separated by blank lines
// and returns the first level-1 heading as a title.
func markdownText(src []byte) (text, h1 string) {
	var b strings.Builder
	inFence := false
	for _, line := range strings.Split(strings.ReplaceAll(string(src), "\r\n", "\n"), "\n") {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			inFence = !inFence
			continue
		}
		if inFence || strings.HasPrefix(t, "<!--") || strings.HasPrefix(t, "|---") {
			continue
		}
		if strings.HasPrefix(t, "#") {
			level := len(t) - len(strings.TrimLeft(t, "#"))
			t = strings.TrimSpace(strings.TrimLeft(t, "#"))
			if level == 1 && h1 == "" {
				h1 = t
				continue
			}
			b.WriteString("\n\n" + t + ".\n\n")
			continue
		}
		t = strings.TrimPrefix(t, ">")
		t = mdListMark.ReplaceAllString(t, "")
		t = mdImage.ReplaceAllString(t, "$1")
		t = mdLink.ReplaceAllString(t, "$1")
		t = mdEmphasis.ReplaceAllString(t, "")
		if t == "" {
			b.WriteString("\n\n")
			continue
		}
		b.WriteString(t + "\n")
	}
	return b.String(), h1
}

var (
	htmlSkip      = regexp.MustCompile(`(?is)<(script|style|noscript|nav|header|footer|template|svg)\b.*?</(script|style|noscript|nav|header|footer|template|svg)\s*>`)
	htmlComment   = regexp.MustCompile(`(?s)<!--.*?-->`)
	htmlTitle     = regexp.MustCompile(`(?is)<title[^>]*>(.*?)</title>`)
	htmlH1        = regexp.MustCompile(`(?is)<h1[^>]*>(.*?)</h1>`)
	htmlLinkTag   = regexp.MustCompile(`(?is)<link\b[^>]*>`)
	htmlRelCanon  = regexp.MustCompile(`(?i)\brel\s*=\s*["']?canonical\b`)
	htmlHref      = regexp.MustCompile(`(?i)\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))`)
	htmlBlock     = regexp.MustCompile(`(?i)</?(p|div|section|article|main|br|li|ul|ol|h[1-6]|tr|table|blockquote|pre|dd|dt|hr)\b[^>]*>`)
	htmlTag       = regexp.MustCompile(`(?s)<[^>]*>`)
	htmlHeadBlock = regexp.MustCompile(`(?is)<head\b.*?</head\s*>`)
)

// htmlText extracts the title, the canonical URL and the visible text of an
// HTML page, with block elements turned into paragraph breaks.
func htmlText(src string) (title, canonical, text string) {
	src = htmlComment.ReplaceAllString(src, "")
	if m := htmlH1.FindStringSubmatch(src); m != nil {
		title = cleanInline(m[1])
	}
	if m := htmlTitle.FindStringSubmatch(src); m != nil && title == "" {
		title = cleanInline(m[1])
	}
	for _, tag := range htmlLinkTag.FindAllString(src, -1) {
		if htmlRelCanon.MatchString(tag) {
			if m := htmlHref.FindStringSubmatch(tag); m != nil {
				canonical = html.UnescapeString(firstNonEmpty(m[1], m[2], m[3]))
				break
			}
		}
	}
	body := htmlHeadBlock.ReplaceAllString(src, "")
	body = htmlSkip.ReplaceAllString(body, "")
	body = htmlH1.ReplaceAllString(body, "") // the title is kept separately
	body = htmlBlock.ReplaceAllString(body, "\n\n")
	body = htmlTag.ReplaceAllString(body, " ")
	body = html.UnescapeString(body)
	var b strings.Builder
	for _, para := range strings.Split(body, "\n\n") {
		if p := strings.Join(strings.Fields(para), " "); p != "" {
			b.WriteString(p + "\n\n")
		}
	}
	return title, canonical, b.String()
}

func cleanInline(s string) string {
	return strings.Join(strings.Fields(html.UnescapeString(htmlTag.ReplaceAllString(s, " "))), " ")
}

// chunkText groups paragraphs into chunks of about target words. A single
// paragraph longer than twice the target is split at sentence ends.
func chunkText(text string, target int) []string {
	if target <= 0 {
		target = DefaultChunkWords
	}
	var paras []string
	for _, p := range paraBreak.Split(text, -1) {
		p = strings.Join(strings.Fields(p), " ")
		if p == "" {
			continue
		}
		if len(strings.Fields(p)) > 2*target {
			paras = append(paras, splitLong(p, target)...)
		} else {
			paras = append(paras, p)
		}
	}
	var chunks []string
	var cur []string
	words := 0
	for _, p := range paras {
		n := len(strings.Fields(p))
		if words > 0 && words+n > target+target/2 {
			chunks = append(chunks, strings.Join(cur, "\n\n"))
			cur, words = nil, 0
		}
		cur = append(cur, p)
		words += n
	}
	if words > 0 {
		chunks = append(chunks, strings.Join(cur, "\n\n"))
	}
	return chunks
}

var paraBreak = regexp.MustCompile(`\n\s*\n`)

var sentenceEnd = regexp.MustCompile(`[.!?]["')\]]?\s+`)

func splitLong(p string, target int) []string {
	var out []string
	var cur strings.Builder
	words := 0
	last := 0
	flush := func() {
		if s := strings.TrimSpace(cur.String()); s != "" {
			out = append(out, s)
		}
		cur.Reset()
		words = 0
	}
	for _, loc := range sentenceEnd.FindAllStringIndex(p, -1) {
		s := p[last:loc[1]]
		last = loc[1]
		cur.WriteString(s)
		if words += len(strings.Fields(s)); words >= target {
			flush()
		}
	}
	cur.WriteString(p[last:])
	words += len(strings.Fields(p[last:]))
	// A run-on text with no sentence ends is cut by word count.
	if words > 2*target {
		fs := strings.Fields(cur.String())
		cur.Reset()
		for len(fs) > 0 {
			n := min(target, len(fs))
			out = append(out, strings.Join(fs[:n], " "))
			fs = fs[n:]
		}
		return out
	}
	flush()
	return out
}

// leadSentences returns the first n sentences of s, at most max bytes (cut at
// a word boundary).
func leadSentences(s string, n, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	end := len(s)
	for i, loc := range sentenceEnd.FindAllStringIndex(s+" ", n) {
		if i == n-1 {
			end = min(loc[1], len(s))
		}
	}
	s = strings.TrimSpace(s[:end])
	if len(s) > max {
		cut := strings.LastIndexByte(s[:max], ' ')
		if cut <= 0 {
			cut = max
		}
		s = strings.TrimSpace(s[:cut]) + "…"
	}
	return s
}

var slugBad = regexp.MustCompile(`[^a-z0-9]+`)

// slug makes an id fragment from a path: lower case, runs of other
// characters become "-", at most 60 bytes so chunk ids fit the id limit.
func slug(s string) string {
	s = strings.Trim(slugBad.ReplaceAllString(strings.ToLower(s), "-"), "-")
	if len(s) > 60 {
		s = strings.Trim(s[:60], "-")
	}
	if s == "" {
		s = "doc"
	}
	return s
}

// Today is the date format for LastVerified, exposed so commands can stamp
// imports with the review date.
func Today(now time.Time) string { return now.UTC().Format(DateLayout) }
