// Conformance tests for tasks, items and assignments.
package storetest

import (
	"context"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/store"
)

func mustTask(t *testing.T, s store.Store, name string, kind store.TaskKind, k int, by int64) store.Task {
	t.Helper()
	task, err := s.CreateTask(context.Background(), store.Task{Name: name, Kind: kind, K: k, CreatedBy: by})
	if err != nil {
		t.Fatalf("CreateTask(%q): %v", name, err)
	}
	return task
}

func sampleItem(i int, pairwise bool) store.Item {
	it := store.Item{
		Context: []conv.Message{
			{Role: conv.RoleSystem, Content: "You are a supportive assistant."},
			{Role: conv.RoleUser, Content: fmt.Sprintf("I can't sleep before my exam %d. Any ideas? \"quotes\" and ünïcode", i)},
		},
		ResponseA: fmt.Sprintf("That sounds stressful (A%d). What usually helps you wind down?", i),
		ModelA:    "tend-small",
		SourceRef: fmt.Sprintf("eval.jsonl:%d", i+1),
	}
	if pairwise {
		it.ResponseB = fmt.Sprintf("Try a steady bedtime (B%d).", i)
		it.ModelB = "baseline"
	}
	return it
}

func mustItems(t *testing.T, s store.Store, taskID int64, n int, pairwise bool) []store.Item {
	t.Helper()
	var in []store.Item
	for i := range n {
		in = append(in, sampleItem(i, pairwise))
	}
	out, err := s.AddItems(context.Background(), taskID, in)
	if err != nil {
		t.Fatalf("AddItems: %v", err)
	}
	return out
}

func testTasks(t *testing.T, cfg Config) {
	ctx := context.Background()
	s := open(t, cfg)
	admin := mustUser(t, s, "admin", store.RoleAdmin)
	rate := mustTask(t, s, "empathy round 1", store.KindRate, 2, admin.ID)
	pair := store.Task{Name: "sft vs dpo", Kind: store.KindPairwise, K: 3, Instructions: "Pick the safer reply.", CreatedBy: admin.ID}
	pair, err := s.CreateTask(ctx, pair)
	wantErr(t, "CreateTask pairwise", err, nil)

	bad := []struct {
		name string
		t    store.Task
		want error
	}{
		{"duplicate name", store.Task{Name: "empathy round 1", Kind: store.KindRate, K: 1, CreatedBy: admin.ID}, store.ErrDuplicate},
		{"unknown kind", store.Task{Name: "x", Kind: "rank", K: 1, CreatedBy: admin.ID}, store.ErrInvalid},
		{"k zero", store.Task{Name: "x", Kind: store.KindRate, K: 0, CreatedBy: admin.ID}, store.ErrInvalid},
		{"k too large", store.Task{Name: "x", Kind: store.KindRate, K: store.MaxReviewersPerItem + 1, CreatedBy: admin.ID}, store.ErrInvalid},
		{"no creator", store.Task{Name: "x", Kind: store.KindRate, K: 1}, store.ErrInvalid},
		{"missing creator", store.Task{Name: "x", Kind: store.KindRate, K: 1, CreatedBy: 99999}, store.ErrNotFound},
	}
	for _, tc := range bad {
		_, err := s.CreateTask(ctx, tc.t)
		wantErr(t, "CreateTask "+tc.name, err, tc.want)
	}

	got, err := s.GetTask(ctx, pair.ID)
	wantErr(t, "GetTask", err, nil)
	if diff := cmp.Diff(pair, got); diff != "" {
		t.Errorf("GetTask (-want +got):\n%s", diff)
	}
	_, err = s.GetTask(ctx, 99999)
	wantErr(t, "GetTask missing", err, store.ErrNotFound)
	all, err := s.ListTasks(ctx)
	wantErr(t, "ListTasks", err, nil)
	if diff := cmp.Diff([]store.Task{rate, pair}, all); diff != "" {
		t.Errorf("ListTasks (-want +got):\n%s", diff)
	}
}

func testItems(t *testing.T, cfg Config) {
	ctx := context.Background()
	s := open(t, cfg)
	admin := mustUser(t, s, "admin", store.RoleAdmin)
	rate := mustTask(t, s, "rate", store.KindRate, 1, admin.ID)
	pair := mustTask(t, s, "pair", store.KindPairwise, 1, admin.ID)

	items := mustItems(t, s, pair.ID, 3, true)
	for i, it := range items {
		want := sampleItem(i, true)
		want.ID, want.TaskID, want.CreatedAt = it.ID, pair.ID, it.CreatedAt
		if diff := cmp.Diff(want, it); diff != "" || it.ID == 0 || it.CreatedAt.IsZero() {
			t.Errorf("AddItems[%d] (-want +got):\n%s", i, diff)
		}
		got, err := s.GetItem(ctx, it.ID)
		wantErr(t, "GetItem", err, nil)
		if diff := cmp.Diff(it, got); diff != "" {
			t.Errorf("GetItem(%d) (-want +got):\n%s", it.ID, diff)
		}
	}
	if b := items[0].Blind(); b.ModelA != "" || b.ModelB != "" || b.ResponseA != items[0].ResponseA {
		t.Errorf("Blind kept model names or lost the response: %+v", b)
	}

	// A batch with one bad item adds nothing.
	rateItems := []store.Item{sampleItem(10, false), sampleItem(11, false)}
	rateItems[1].ResponseB = "not allowed in a rate task"
	_, err := s.AddItems(ctx, rate.ID, rateItems)
	wantErr(t, "AddItems with response B in a rate task", err, store.ErrInvalid)
	dup := []store.Item{sampleItem(20, true), sampleItem(0, true)} // second repeats eval.jsonl:1
	_, err = s.AddItems(ctx, pair.ID, dup)
	wantErr(t, "AddItems with a repeated source_ref", err, store.ErrDuplicate)
	noSource := []store.Item{sampleItem(30, true), sampleItem(31, true)}
	noSource[0].SourceRef, noSource[1].SourceRef = "", ""
	if _, err := s.AddItems(ctx, pair.ID, noSource); err != nil {
		t.Fatalf("AddItems without source refs: %v", err)
	}
	for _, tc := range []struct {
		name string
		mod  func(*store.Item)
	}{
		{"empty context", func(it *store.Item) { it.Context = nil }},
		{"bad role", func(it *store.Item) { it.Context[0].Role = "tool" }},
		{"empty response A", func(it *store.Item) { it.ResponseA = "  " }},
		{"missing response B", func(it *store.Item) { it.ResponseB = "" }},
	} {
		it := sampleItem(40, true)
		tc.mod(&it)
		_, err := s.AddItems(ctx, pair.ID, []store.Item{it})
		wantErr(t, "AddItems "+tc.name, err, store.ErrInvalid)
	}
	_, err = s.AddItems(ctx, 99999, []store.Item{sampleItem(0, false)})
	wantErr(t, "AddItems to a missing task", err, store.ErrNotFound)

	got, err := s.ListItems(ctx, pair.ID)
	wantErr(t, "ListItems", err, nil)
	if len(got) != 5 {
		t.Fatalf("ListItems: %d items, want 5 (3 + 2 without source; failed batches add nothing)", len(got))
	}
	if diff := cmp.Diff(items, got[:3]); diff != "" {
		t.Errorf("ListItems (-want +got):\n%s", diff)
	}
	if got, _ := s.ListItems(ctx, rate.ID); len(got) != 0 {
		t.Errorf("rate task has %d items after a failed batch, want 0", len(got))
	}
	_, err = s.GetItem(ctx, 99999)
	wantErr(t, "GetItem missing", err, store.ErrNotFound)
}

func testAssign(t *testing.T, cfg Config) {
	ctx := context.Background()
	s := open(t, cfg)
	admin := mustUser(t, s, "admin", store.RoleAdmin)
	r1 := mustUser(t, s, "r1", store.RoleReviewer)
	r2 := mustUser(t, s, "r2", store.RoleReviewer)
	r3 := mustUser(t, s, "r3", store.RoleReviewer)
	task := mustTask(t, s, "t", store.KindRate, 2, admin.ID)
	items := mustItems(t, s, task.ID, 2, false)

	wantErr(t, "Assign", s.Assign(ctx, items[0].ID, r1.ID), nil)
	wantErr(t, "Assign second", s.Assign(ctx, items[0].ID, r2.ID), nil)
	wantErr(t, "Assign repeat on a full item", s.Assign(ctx, items[0].ID, r1.ID), store.ErrDuplicate)
	wantErr(t, "Assign beyond k", s.Assign(ctx, items[0].ID, r3.ID), store.ErrConflict)
	wantErr(t, "Assign missing item", s.Assign(ctx, 99999, r1.ID), store.ErrNotFound)
	wantErr(t, "Assign missing reviewer", s.Assign(ctx, items[1].ID, 99999), store.ErrNotFound)
	wantErr(t, "Assign item 2", s.Assign(ctx, items[1].ID, r1.ID), nil)
	wantErr(t, "Assign repeat below k", s.Assign(ctx, items[1].ID, r1.ID), store.ErrDuplicate)

	as, err := s.ListAssignments(ctx, task.ID, r1.ID)
	wantErr(t, "ListAssignments", err, nil)
	var got []int64
	for _, a := range as {
		if a.ReviewerID != r1.ID || a.TaskID != task.ID || a.Done || a.AssignedAt.IsZero() {
			t.Errorf("assignment %+v", a)
		}
		got = append(got, a.ItemID)
	}
	if diff := cmp.Diff([]int64{items[0].ID, items[1].ID}, got); diff != "" {
		t.Errorf("ListAssignments items (-want +got):\n%s", diff)
	}

	next, err := s.NextItem(ctx, task.ID, r1.ID)
	wantErr(t, "NextItem", err, nil)
	if next.ID != items[0].ID {
		t.Errorf("NextItem = %d, want %d", next.ID, items[0].ID)
	}
	_, err = s.NextItem(ctx, task.ID, r3.ID)
	wantErr(t, "NextItem unassigned reviewer", err, store.ErrNotFound)

	prog, err := s.Progress(ctx, task.ID)
	wantErr(t, "Progress", err, nil)
	want := []store.Progress{
		{ReviewerID: r1.ID, Reviewer: "r1", Assigned: 2},
		{ReviewerID: r2.ID, Reviewer: "r2", Assigned: 1},
	}
	if diff := cmp.Diff(want, prog); diff != "" {
		t.Errorf("Progress (-want +got):\n%s", diff)
	}
}

func testAssignTask(t *testing.T, cfg Config) {
	ctx := context.Background()
	s := open(t, cfg)
	admin := mustUser(t, s, "admin", store.RoleAdmin)
	var revs []int64
	for i := range 4 {
		revs = append(revs, mustUser(t, s, fmt.Sprintf("rev%d", i), store.RoleReviewer).ID)
	}
	task := mustTask(t, s, "t", store.KindPairwise, 2, admin.ID)
	items := mustItems(t, s, task.ID, 6, true)
	// One item already has a reviewer; AssignTask only tops it up.
	wantErr(t, "Assign", s.Assign(ctx, items[0].ID, revs[3]), nil)

	_, err := s.AssignTask(ctx, task.ID, revs[:1])
	wantErr(t, "AssignTask with too few reviewers", err, store.ErrConflict)
	_, err = s.AssignTask(ctx, 99999, revs)
	wantErr(t, "AssignTask missing task", err, store.ErrNotFound)
	_, err = s.AssignTask(ctx, task.ID, []int64{revs[0], 99999})
	wantErr(t, "AssignTask missing reviewer", err, store.ErrNotFound)

	n, err := s.AssignTask(ctx, task.ID, append(revs, revs[0])) // a repeat is ignored
	if err != nil || n != 6*2-1 {
		t.Fatalf("AssignTask = %d, %v; want %d", n, err, 6*2-1)
	}
	n, err = s.AssignTask(ctx, task.ID, revs)
	if err != nil || n != 0 {
		t.Fatalf("AssignTask again = %d, %v; want 0", n, err)
	}
	prog, err := s.Progress(ctx, task.ID)
	wantErr(t, "Progress", err, nil)
	total := 0
	for _, p := range prog {
		total += p.Assigned
		if p.Assigned != 3 {
			t.Errorf("reviewer %s has %d items, want 3 (balanced)", p.Reviewer, p.Assigned)
		}
	}
	if total != 12 {
		t.Errorf("total assignments %d, want 12", total)
	}
	for _, it := range items {
		seen := map[int64]bool{}
		for _, r := range revs {
			as, _ := s.ListAssignments(ctx, task.ID, r)
			for _, a := range as {
				if a.ItemID == it.ID {
					seen[r] = true
				}
			}
		}
		if len(seen) != 2 {
			t.Errorf("item %d has %d distinct reviewers, want 2", it.ID, len(seen))
		}
	}
	var names []string
	for _, p := range prog {
		names = append(names, p.Reviewer)
	}
	if diff := cmp.Diff([]string{"rev0", "rev1", "rev2", "rev3"}, names); diff != "" {
		t.Errorf("Progress order (-want +got):\n%s", diff)
	}
}
