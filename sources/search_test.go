package sources

import (
	"errors"
	"slices"
	"sort"
	"testing"
	"time"

	"github.com/tend-project/tend/conv"
)

func TestSearch(t *testing.T) {
	lib := bundled(t)
	for _, tc := range []struct {
		name     string
		query    string
		filter   Filter
		k        int
		wantTop  []string // acceptable ids for the first hit
		check    func(e *Entry) bool
		checkMsg string
	}{
		{name: "panic", query: "what to do in a panic attack", k: 3, wantTop: []string{"nhs-panic-disorder", "mind-anxiety"}},
		{name: "grief", query: "my grandad passed away", k: 3, wantTop: []string{"nhs-grief", "mind-bereavement", "cruse"}},
		{name: "concern filter", query: "I feel awful and tired", filter: Filter{Concerns: []conv.Concern{conv.ConcernSleep}}, k: 5,
			check: func(e *Entry) bool { return e.HasTopic(conv.ConcernSleep) }, checkMsg: "has topic sleep"},
		{name: "two concerns", query: "help", filter: Filter{Concerns: []conv.Concern{conv.ConcernAnger, conv.ConcernGrief}}, k: 10,
			check: func(e *Entry) bool { return e.HasTopic(conv.ConcernAnger) || e.HasTopic(conv.ConcernGrief) }, checkMsg: "has topic anger or grief"},
		{name: "locale en-AU", query: "depression anxiety support", filter: Filter{Locale: "en-AU"}, k: 10,
			check: func(e *Entry) bool { return e.Locale == "en-AU" || e.Locale == "global" || e.Locale == "en" }, checkMsg: "is en-AU, en or global"},
		{name: "locale and concern", query: "someone to talk to", filter: Filter{Locale: "en-GB", Concerns: []conv.Concern{conv.ConcernCrisis}}, k: 10,
			check: func(e *Entry) bool {
				return (e.Locale == "en-GB" || e.Locale == "global") && e.HasTopic(conv.ConcernCrisis)
			},
			checkMsg: "is en-GB/global crisis"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			hits, err := lib.Search(tc.query, tc.filter, tc.k)
			if err != nil {
				t.Fatal(err)
			}
			if len(hits) == 0 || len(hits) > tc.k {
				t.Fatalf("got %d hits, want 1..%d", len(hits), tc.k)
			}
			if tc.wantTop != nil && !slices.Contains(tc.wantTop, hits[0].Entry.ID) {
				t.Errorf("top hit %s, want one of %v", hits[0].Entry.ID, tc.wantTop)
			}
			for i, h := range hits {
				if tc.check != nil && !tc.check(h.Entry) {
					t.Errorf("hit %d %s (locale %s, topics %v) fails: %s", i, h.Entry.ID, h.Entry.Locale, h.Entry.Topics, tc.checkMsg)
				}
				if i > 0 && h.Score > hits[i-1].Score {
					t.Errorf("hits not in score order at %d: %g > %g", i, h.Score, hits[i-1].Score)
				}
				if h.Score <= 0 {
					t.Errorf("hit %d has score %g, want > 0", i, h.Score)
				}
			}
		})
	}
}

func TestSearchEdgeCases(t *testing.T) {
	lib := bundled(t)
	if _, err := lib.Search("   ", Filter{}, 3); !errors.Is(err, ErrEmptyQuery) {
		t.Errorf("blank query: got %v, want ErrEmptyQuery", err)
	}
	if hits, err := lib.Search("sleep", Filter{}, 0); err != nil || hits != nil {
		t.Errorf("k=0: got %v, %v; want no hits", hits, err)
	}
	if hits, err := lib.Search("zxqv blorft", Filter{}, 3); err != nil || len(hits) != 0 {
		t.Errorf("nonsense query: got %d hits, %v; want none", len(hits), err)
	}
	if hits, err := lib.Search("sleep", Filter{Locale: "fr-FR", Concerns: []conv.Concern{conv.ConcernSleep}}, 3); err != nil || len(hits) != 0 {
		t.Errorf("French sleep pages: got %d hits, %v; the library has none", len(hits), err)
	}
}

// BenchmarkSearchTop3 measures retrieval of the top 3 from the bundled
// library for the labelled queries in turn, and reports the median and 99th
// percentile latency alongside the mean (ns/op).
func BenchmarkSearchTop3(b *testing.B) {
	lib := bundled(b)
	qs := readTestQueries(b)
	var lat []time.Duration
	i := 0
	for b.Loop() {
		q := qs[i%len(qs)]
		i++
		start := time.Now()
		if _, err := lib.Search(q.Query, Filter{}, 3); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(start))
	}
	reportPercentiles(b, lat)
}

// BenchmarkCite measures the pipeline's call: concern-filtered search plus
// de-duplication, two links.
func BenchmarkCite(b *testing.B) {
	lib := bundled(b)
	qs := readTestQueries(b)
	var lat []time.Duration
	i := 0
	for b.Loop() {
		q := qs[i%len(qs)]
		i++
		start := time.Now()
		lib.Cite([]conv.Concern{q.Concern}, q.Query, 2)
		lat = append(lat, time.Since(start))
	}
	reportPercentiles(b, lat)
}

func reportPercentiles(b *testing.B, lat []time.Duration) {
	if len(lat) == 0 {
		return
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	b.ReportMetric(float64(lat[len(lat)/2].Nanoseconds()), "p50-ns")
	b.ReportMetric(float64(lat[len(lat)*99/100].Nanoseconds()), "p99-ns")
}

// BenchmarkBundled measures loading, validating and indexing the bundled
// library, which a server does once at start-up.
func BenchmarkBundled(b *testing.B) {
	for b.Loop() {
		lib, err := Bundled()
		if err != nil {
			b.Fatal(err)
		}
		lib.Close()
	}
}
