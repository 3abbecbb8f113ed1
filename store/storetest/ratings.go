// Conformance tests for ratings: autosave, submit, validation and the
// all-or-nothing transaction.
package storetest

import (
	"context"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/tend-project/tend/store"
)

// fixture is a task with items all assigned to the given reviewers.
type fixture struct {
	s         store.Store
	task      store.Task
	items     []store.Item
	reviewers []store.User
}

func newFixture(t *testing.T, s store.Store, kind store.TaskKind, nItems, nReviewers int) fixture {
	t.Helper()
	admin := mustUser(t, s, "admin", store.RoleAdmin)
	f := fixture{s: s, task: mustTask(t, s, "task", kind, nReviewers, admin.ID)}
	f.items = mustItems(t, s, f.task.ID, nItems, kind == store.KindPairwise)
	var ids []int64
	for i := range nReviewers {
		u := mustUser(t, s, "reviewer"+string(rune('a'+i%26))+string(rune('a'+i/26)), store.RoleReviewer)
		f.reviewers = append(f.reviewers, u)
		ids = append(ids, u.ID)
	}
	if _, err := s.AssignTask(context.Background(), f.task.ID, ids); err != nil {
		t.Fatalf("AssignTask: %v", err)
	}
	return f
}

var ignoreTimes = cmpopts.IgnoreFields(store.Rating{}, "CreatedAt", "UpdatedAt")

func testRatings(t *testing.T, cfg Config) {
	ctx := context.Background()
	s := open(t, cfg)
	f := newFixture(t, s, store.KindPairwise, 2, 2)
	item, rev := f.items[0].ID, f.reviewers[0].ID

	draft := store.Rating{ItemID: item, ReviewerID: rev, Scores: store.Scores{Empathy: 4}, Comment: "half done"}
	got, err := s.SaveRating(ctx, draft)
	wantErr(t, "SaveRating draft", err, nil)
	want := draft
	want.Revision = 1
	if diff := cmp.Diff(want, got, ignoreTimes); diff != "" || got.CreatedAt.IsZero() {
		t.Errorf("SaveRating draft (-want +got):\n%s", diff)
	}
	first := got

	full := store.Rating{
		ItemID: item, ReviewerID: rev,
		Scores: store.Scores{Empathy: 4, Helpfulness: 3, Safety: 5, ClinicalAccuracy: 2, Boundaries: 1},
		Flags:  store.Flags{Diagnosis: true, Stigma: true, MissedCrisis: true},
		Choice: store.ChoiceB, Strength: 2,
		Rewrite: "I'm really sorry you're going through this. Would you like to talk about what happened?",
		Comment: "B is warmer; A labels the user.",
	}
	got, err = s.SaveRating(ctx, full) // a second autosave of the draft
	wantErr(t, "SaveRating autosave", err, nil)
	if got.Revision != 2 || !got.CreatedAt.Equal(first.CreatedAt) || got.UpdatedAt.Before(first.UpdatedAt) {
		t.Errorf("autosave: revision %d, created %v (first %v), updated %v", got.Revision, got.CreatedAt, first.CreatedAt, got.UpdatedAt)
	}
	if as, _ := s.ListAssignments(ctx, f.task.ID, rev); as[0].Done {
		t.Errorf("a draft marked the assignment done")
	}
	if next, _ := s.NextItem(ctx, f.task.ID, rev); next.ID != item {
		t.Errorf("NextItem after draft = %d, want %d", next.ID, item)
	}

	full.Submitted = true
	got, err = s.SaveRating(ctx, full)
	wantErr(t, "SaveRating submit", err, nil)
	want = full
	want.Revision = 3
	if diff := cmp.Diff(want, got, ignoreTimes); diff != "" {
		t.Errorf("SaveRating submit (-want +got):\n%s", diff)
	}
	stored, err := s.GetRating(ctx, item, rev)
	wantErr(t, "GetRating", err, nil)
	if diff := cmp.Diff(got, stored); diff != "" {
		t.Errorf("GetRating (-want +got):\n%s", diff)
	}
	if as, _ := s.ListAssignments(ctx, f.task.ID, rev); !as[0].Done || as[1].Done {
		t.Errorf("after submit: assignments %+v, want first done only", as)
	}
	if next, err := s.NextItem(ctx, f.task.ID, rev); err != nil || next.ID != f.items[1].ID {
		t.Errorf("NextItem after submit = %d, %v; want %d", next.ID, err, f.items[1].ID)
	}
	audit, err := s.ListAudit(ctx, store.AuditQuery{ActorID: rev, Action: "rating.submit"})
	wantErr(t, "ListAudit", err, nil)
	if len(audit) != 1 || audit[0].Target == "" {
		t.Errorf("audit after submit: %+v, want one rating.submit entry", audit)
	}

	// A late autosave may not turn a submitted rating back into a draft.
	_, err = s.SaveRating(ctx, draft)
	wantErr(t, "SaveRating draft over submitted", err, store.ErrConflict)
	// Editing a submitted rating means submitting again.
	full.Comment = "edited after submit"
	got, err = s.SaveRating(ctx, full)
	if err != nil || got.Revision != 4 || got.Comment != full.Comment {
		t.Errorf("resubmit = %+v, %v", got, err)
	}

	_, err = s.SaveRating(ctx, store.Rating{ItemID: item, ReviewerID: 99999})
	wantErr(t, "SaveRating by an unassigned reviewer", err, store.ErrNotFound)
	_, err = s.SaveRating(ctx, store.Rating{ItemID: 99999, ReviewerID: rev})
	wantErr(t, "SaveRating on a missing item", err, store.ErrNotFound)
	_, err = s.GetRating(ctx, f.items[1].ID, rev)
	wantErr(t, "GetRating unrated", err, store.ErrNotFound)

	other := store.Rating{ItemID: f.items[0].ID, ReviewerID: f.reviewers[1].ID, Choice: store.ChoiceTie, Submitted: true}
	if _, err := s.SaveRating(ctx, other); err != nil {
		t.Fatalf("SaveRating tie: %v", err)
	}
	all, err := s.ListRatings(ctx, f.task.ID)
	wantErr(t, "ListRatings", err, nil)
	var keys [][2]int64
	for _, r := range all {
		keys = append(keys, [2]int64{r.ItemID, r.ReviewerID})
	}
	wantKeys := [][2]int64{{item, rev}, {item, f.reviewers[1].ID}}
	if f.reviewers[1].ID < rev {
		wantKeys[0], wantKeys[1] = wantKeys[1], wantKeys[0]
	}
	if diff := cmp.Diff(wantKeys, keys); diff != "" {
		t.Errorf("ListRatings keys (-want +got):\n%s", diff)
	}
	prog, _ := s.Progress(ctx, f.task.ID)
	for _, p := range prog {
		if p.Assigned != 2 || p.Done != 1 {
			t.Errorf("Progress %+v, want 2 assigned, 1 done", p)
		}
	}
}

func testRatingValidation(t *testing.T, cfg Config) {
	ctx := context.Background()
	s := open(t, cfg)
	rate := newFixture(t, s, store.KindRate, 1, 1)
	all5 := store.Scores{Empathy: 5, Helpfulness: 5, Safety: 5, ClinicalAccuracy: 5, Boundaries: 5}
	admin, _ := s.GetUserByName(ctx, "admin")
	pairTask := mustTask(t, s, "pair", store.KindPairwise, 1, admin.ID)
	pairItems := mustItems(t, s, pairTask.ID, 1, true)
	wantErr(t, "Assign", s.Assign(ctx, pairItems[0].ID, rate.reviewers[0].ID), nil)

	ri, pi, rev := rate.items[0].ID, pairItems[0].ID, rate.reviewers[0].ID
	cases := []struct {
		name string
		r    store.Rating
	}{
		{"score above 5", store.Rating{ItemID: ri, Scores: store.Scores{Empathy: 6}}},
		{"negative score", store.Rating{ItemID: ri, Scores: store.Scores{Safety: -1}}},
		{"choice in rate task", store.Rating{ItemID: ri, Choice: store.ChoiceA, Strength: 1}},
		{"submitted with a score missing", store.Rating{ItemID: ri, Scores: store.Scores{Empathy: 3}, Submitted: true}},
		{"unknown choice", store.Rating{ItemID: pi, Choice: "c"}},
		{"strength too high", store.Rating{ItemID: pi, Choice: store.ChoiceA, Strength: 4}},
		{"submitted pairwise without choice", store.Rating{ItemID: pi, Scores: all5, Submitted: true}},
		{"submitted choice without strength", store.Rating{ItemID: pi, Choice: store.ChoiceB, Submitted: true}},
		{"tie with strength", store.Rating{ItemID: pi, Choice: store.ChoiceTie, Strength: 2}},
		{"huge comment", store.Rating{ItemID: pi, Comment: string(make([]byte, 70_000))}},
	}
	for _, tc := range cases {
		tc.r.ReviewerID = rev
		_, err := s.SaveRating(ctx, tc.r)
		wantErr(t, "SaveRating "+tc.name, err, store.ErrInvalid)
	}
	if rs, _ := s.ListRatings(ctx, rate.task.ID); len(rs) != 0 {
		t.Errorf("invalid ratings were stored: %+v", rs)
	}
	if _, err := s.SaveRating(ctx, store.Rating{ItemID: ri, ReviewerID: rev, Scores: all5, Submitted: true}); err != nil {
		t.Errorf("valid rate submission: %v", err)
	}
	if _, err := s.SaveRating(ctx, store.Rating{ItemID: pi, ReviewerID: rev, Choice: store.ChoiceA, Strength: 3, Submitted: true}); err != nil {
		t.Errorf("valid pairwise submission without scores: %v", err)
	}
}

// testRatingTransaction fails SaveRating after the rating row is written and
// checks that nothing of the save survives: no rating, no finished
// assignment, no audit entry, and an earlier draft unchanged.
func testRatingTransaction(t *testing.T, cfg Config) {
	if cfg.InjectRatingFault == nil {
		t.Skip("backend has no fault injection")
	}
	ctx := context.Background()
	s := open(t, cfg)
	f := newFixture(t, s, store.KindRate, 2, 1)
	rev := f.reviewers[0].ID
	all := store.Scores{Empathy: 1, Helpfulness: 2, Safety: 3, ClinicalAccuracy: 4, Boundaries: 5}
	boom := errors.New("injected fault")

	cfg.InjectRatingFault(s, boom)
	_, err := s.SaveRating(ctx, store.Rating{ItemID: f.items[0].ID, ReviewerID: rev, Scores: all, Submitted: true})
	wantErr(t, "SaveRating with fault", err, boom)
	_, err = s.GetRating(ctx, f.items[0].ID, rev)
	wantErr(t, "GetRating after failed save", err, store.ErrNotFound)

	cfg.InjectRatingFault(s, nil)
	draft := store.Rating{ItemID: f.items[1].ID, ReviewerID: rev, Scores: store.Scores{Empathy: 2}, Comment: "draft"}
	saved, err := s.SaveRating(ctx, draft)
	wantErr(t, "SaveRating draft", err, nil)
	cfg.InjectRatingFault(s, boom)
	_, err = s.SaveRating(ctx, store.Rating{ItemID: f.items[1].ID, ReviewerID: rev, Scores: all, Comment: "final", Submitted: true})
	wantErr(t, "SaveRating submit with fault", err, boom)
	cfg.InjectRatingFault(s, nil)

	got, err := s.GetRating(ctx, f.items[1].ID, rev)
	wantErr(t, "GetRating draft", err, nil)
	if diff := cmp.Diff(saved, got); diff != "" {
		t.Errorf("draft changed by a failed submit (-want +got):\n%s", diff)
	}
	as, _ := s.ListAssignments(ctx, f.task.ID, rev)
	for _, a := range as {
		if a.Done {
			t.Errorf("assignment of item %d marked done by a failed save", a.ItemID)
		}
	}
	if audit, _ := s.ListAudit(ctx, store.AuditQuery{Action: "rating.submit"}); len(audit) != 0 {
		t.Errorf("failed saves left audit entries: %+v", audit)
	}
	// The store still works afterwards.
	if _, err := s.SaveRating(ctx, store.Rating{ItemID: f.items[0].ID, ReviewerID: rev, Scores: all, Submitted: true}); err != nil {
		t.Fatalf("SaveRating after faults: %v", err)
	}
}
