// Search over the library: a free-text query scored with BM25 over each
// entry's title, keywords, summary and imported text, optionally restricted
// to some concerns and to a locale.
package sources

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/tend-project/tend/conv"
)

// Filter restricts a search. The zero value matches every entry.
type Filter struct {
	// Concerns keeps entries covering at least one of these concerns.
	Concerns []conv.Concern
	// Locale keeps entries for this locale, for its bare language, and
	// global entries: "en-GB" matches en-GB, en and global.
	Locale string
}

// Hit is one search result.
type Hit struct {
	Entry *Entry
	// Score is the BM25 relevance; comparable only within one search.
	Score float64
}

// ErrEmptyQuery is returned by Search for a query with no words.
var ErrEmptyQuery = errors.New("sources: empty query")

// filterBoost is tiny so filter clauses decide membership without changing
// the ranking of the text match.
const filterBoost = 1e-6

// Search returns up to k entries ranked by relevance to q.
func (l *Library) Search(q string, f Filter, k int) ([]Hit, error) {
	return l.SearchContext(context.Background(), q, f, k)
}

// SearchContext is Search with a context for cancellation.
func (l *Library) SearchContext(ctx context.Context, q string, f Filter, k int) ([]Hit, error) {
	if strings.TrimSpace(q) == "" {
		return nil, ErrEmptyQuery
	}
	if k <= 0 {
		return nil, nil
	}
	m := bleve.NewMatchQuery(q)
	m.SetField(fText)
	m.Analyzer = en.AnalyzerName
	var root query.Query = m
	var must []query.Query
	if len(f.Concerns) > 0 {
		terms := make([]query.Query, len(f.Concerns))
		for i, c := range f.Concerns {
			t := bleve.NewTermQuery(string(c))
			t.SetField(fTopics)
			t.SetBoost(filterBoost)
			terms[i] = t
		}
		must = append(must, bleve.NewDisjunctionQuery(terms...))
	}
	if f.Locale != "" {
		must = append(must, localeQuery(f.Locale))
	}
	if len(must) > 0 {
		root = bleve.NewConjunctionQuery(append([]query.Query{root}, must...)...)
	}
	req := bleve.NewSearchRequestOptions(root, k, 0, false)
	req.SortBy([]string{"-_score", "_id"})
	res, err := l.index.SearchInContext(ctx, req)
	if err != nil {
		return nil, err
	}
	hits := make([]Hit, 0, len(res.Hits))
	for _, h := range res.Hits {
		i, err := strconv.Atoi(h.ID)
		if err != nil || i < 0 || i >= len(l.entries) {
			continue
		}
		hits = append(hits, Hit{Entry: &l.entries[i], Score: h.Score})
	}
	return hits, nil
}

// localeQuery matches the locale itself, its bare language and "global".
func localeQuery(loc string) query.Query {
	alts := []string{loc, "global"}
	if lang, _, ok := strings.Cut(loc, "-"); ok {
		alts = append(alts, lang)
	}
	qs := make([]query.Query, len(alts))
	for i, a := range alts {
		t := bleve.NewTermQuery(a)
		t.SetField(fLocale)
		t.SetBoost(filterBoost)
		qs[i] = t
	}
	return bleve.NewDisjunctionQuery(qs...)
}
