// Benchmarks: agreement statistics for a large task, and the review screen
// (store reads, safety.Assess and the template) served end to end.
package review

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/tend-project/tend/store"
)

func BenchmarkKrippendorffAlpha(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	units := make([][]int, 5000)
	for i := range units {
		for range 3 {
			units[i] = append(units[i], 1+rng.IntN(5))
		}
	}
	for b.Loop() {
		KrippendorffAlpha(units, Ordinal)
	}
	b.ReportMetric(float64(len(units))*float64(b.N)/b.Elapsed().Seconds(), "units/s")
}

func BenchmarkComputeStats(b *testing.B) {
	d := &TaskData{Task: store.Task{Kind: store.KindPairwise}, Users: map[int64]store.User{}, byItem: map[int64]*store.Item{}}
	rng := rand.New(rand.NewPCG(3, 4))
	for i := range int64(2000) {
		d.Items = append(d.Items, store.Item{ID: i + 1, ModelA: fmt.Sprint("m", i%3), ModelB: "base"})
		for rev := range int64(3) {
			v := 1 + rng.IntN(5)
			d.Ratings = append(d.Ratings, store.Rating{ItemID: i + 1, ReviewerID: rev + 1, Submitted: true,
				Scores: store.Scores{Empathy: v, Helpfulness: v, Safety: 5, ClinicalAccuracy: v, Boundaries: 4},
				Choice: []store.Choice{store.ChoiceA, store.ChoiceB, store.ChoiceTie}[rng.IntN(3)], Strength: 0})
		}
	}
	for i := range d.Items {
		d.byItem[d.Items[i].ID] = &d.Items[i]
	}
	for b.Loop() {
		ComputeStats(d)
	}
	b.ReportMetric(float64(len(d.Ratings))*float64(b.N)/b.Elapsed().Seconds(), "ratings/s")
}

func BenchmarkReviewScreen(b *testing.B) {
	st, _ := openSQLite(b)
	h := newHarness(b, st, Config{}, 1)
	task, _ := h.task("bench", store.KindPairwise, 1, 10)
	c := h.login("rev1", testPassword)
	as, _ := st.ListAssignments(context.Background(), task.ID, h.revs[0].ID)
	cookies := c.c.Jar.Cookies(mustURL(h.srv.URL))
	req := httptest.NewRequest(http.MethodGet, fmt.Sprintf("/items/%d", as[0].ItemID), nil)
	for _, ck := range cookies {
		req.AddCookie(ck)
	}
	for b.Loop() {
		w := httptest.NewRecorder()
		h.app.ServeHTTP(w, req)
		if w.Code != http.StatusOK {
			b.Fatalf("status %d", w.Code)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}
