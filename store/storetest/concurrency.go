// Conformance tests for concurrent use: many reviewers autosaving and
// submitting at once must lose nothing and mix nothing up.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/tend-project/tend/store"
)

// expected is the final rating a reviewer submits for an item, derived from
// both IDs so a rating stored under the wrong key is caught.
func expected(item, reviewer int64) store.Rating {
	v := func(salt int64) int { return int((item*7+reviewer*13+salt)%5) + 1 }
	return store.Rating{
		ItemID: item, ReviewerID: reviewer,
		Scores: store.Scores{Empathy: v(1), Helpfulness: v(2), Safety: v(3), ClinicalAccuracy: v(4), Boundaries: v(5)},
		Flags:  store.Flags{Harmful: (item+reviewer)%3 == 0, Stigma: (item*reviewer)%4 == 1},
		Choice: []store.Choice{store.ChoiceA, store.ChoiceB}[(item+reviewer)%2], Strength: v(6)%3 + 1,
		Rewrite:   fmt.Sprintf("rewrite of item %d by reviewer %d", item, reviewer),
		Comment:   fmt.Sprintf("comment %d/%d", item, reviewer),
		Submitted: true,
	}
}

func testConcurrentRatings(t *testing.T, cfg Config) {
	const (
		nReviewers = 10
		nItems     = 8
		autosaves  = 2 // drafts before the submit
		tabs       = 2 // goroutines per reviewer, as if two browser tabs were open
	)
	ctx := context.Background()
	s := open(t, cfg)
	f := newFixture(t, s, store.KindPairwise, nItems, nReviewers)

	var wg sync.WaitGroup
	var submits atomic.Int64
	errs := make(chan error, nReviewers*tabs)
	for _, rev := range f.reviewers {
		for tab := range tabs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				n, err := rateAll(ctx, s, f.items, rev.ID, tab, autosaves)
				submits.Add(int64(n))
				errs <- err
			}()
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}

	all, err := s.ListRatings(ctx, f.task.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != nReviewers*nItems {
		t.Fatalf("%d ratings stored, want %d", len(all), nReviewers*nItems)
	}
	for _, got := range all {
		want := expected(got.ItemID, got.ReviewerID)
		want.Revision = tabs * (autosaves + 1)
		if got.Scores != want.Scores || got.Flags != want.Flags || got.Choice != want.Choice ||
			got.Strength != want.Strength || got.Rewrite != want.Rewrite || got.Comment != want.Comment ||
			!got.Submitted || got.Revision != want.Revision {
			t.Errorf("rating %d/%d:\n got %+v\nwant %+v", got.ItemID, got.ReviewerID, got, want)
		}
	}
	prog, err := s.Progress(ctx, f.task.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range prog {
		if p.Assigned != nItems || p.Done != nItems {
			t.Errorf("progress %+v, want %d assigned and done", p, nItems)
		}
	}
	audit, err := s.ListAudit(ctx, store.AuditQuery{Action: "rating.submit", Limit: 10000})
	if err != nil {
		t.Fatal(err)
	}
	// Every successful submit, first or repeated, is audited exactly once.
	if want := int(submits.Load()); len(audit) != want || want < nReviewers*nItems*tabs {
		t.Errorf("%d rating.submit audit entries, want %d", len(audit), want)
	}
}

// rateAll autosaves drafts for every item then submits, as one browser tab
// would, and reports how many submits succeeded. A draft that arrives after
// the other tab submitted is refused with ErrConflict; the tab then submits
// the final version instead, so every tab makes the same number of saves.
func rateAll(ctx context.Context, s store.Store, items []store.Item, reviewer int64, tab, autosaves int) (int, error) {
	submits := 0
	for i := range items {
		// The two tabs walk the queue in opposite orders to collide more.
		it := items[i]
		if tab%2 == 1 {
			it = items[len(items)-1-i]
		}
		final := expected(it.ID, reviewer)
		for n := range autosaves {
			draft := final
			draft.Submitted = false
			draft.Comment = fmt.Sprintf("draft %d from tab %d", n, tab)
			_, err := s.SaveRating(ctx, draft)
			if errors.Is(err, store.ErrConflict) {
				_, err = s.SaveRating(ctx, final)
				submits++
			}
			if err != nil {
				return submits, fmt.Errorf("reviewer %d tab %d item %d: %w", reviewer, tab, it.ID, err)
			}
		}
		if _, err := s.SaveRating(ctx, final); err != nil {
			return submits, fmt.Errorf("reviewer %d tab %d item %d submit: %w", reviewer, tab, it.ID, err)
		}
		submits++
	}
	return submits, nil
}

func testConcurrentAssign(t *testing.T, cfg Config) {
	const k, contenders = 3, 12
	ctx := context.Background()
	s := open(t, cfg)
	admin := mustUser(t, s, "admin", store.RoleAdmin)
	task := mustTask(t, s, "t", store.KindRate, k, admin.ID)
	items := mustItems(t, s, task.ID, 1, false)
	var revs []store.User
	for i := range contenders {
		revs = append(revs, mustUser(t, s, fmt.Sprintf("r%02d", i), store.RoleReviewer))
	}
	var wg sync.WaitGroup
	results := make(chan error, contenders)
	for _, r := range revs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results <- s.Assign(ctx, items[0].ID, r.ID)
		}()
	}
	wg.Wait()
	close(results)
	ok := 0
	for err := range results {
		switch {
		case err == nil:
			ok++
		case !errors.Is(err, store.ErrConflict):
			t.Errorf("Assign: %v, want nil or ErrConflict", err)
		}
	}
	prog, err := s.Progress(ctx, task.ID)
	if err != nil {
		t.Fatal(err)
	}
	if ok != k || len(prog) != k {
		t.Errorf("%d Assigns succeeded and %d reviewers hold the item; want exactly k=%d", ok, len(prog), k)
	}
}
