// The reviewer flow over HTTP (blind screen, A/B order, drafts, submit,
// queue) and the exports built from its ratings.
package review

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/store"
)

func TestSwappedIsStableAndMixed(t *testing.T) {
	swaps := 0
	for item := int64(1); item <= 200; item++ {
		for rev := int64(1); rev <= 3; rev++ {
			s := Swapped(item, rev)
			if s != Swapped(item, rev) {
				t.Fatal("not deterministic")
			}
			if s {
				swaps++
			}
		}
	}
	// 600 fair coin flips: 300 ± 4.5 sd is far wider than this band.
	if swaps < 240 || swaps > 360 {
		t.Errorf("%d of 600 swapped; the order is not randomised", swaps)
	}
	for _, swapped := range []bool{false, true} {
		for _, c := range []store.Choice{store.ChoiceNone, store.ChoiceA, store.ChoiceB, store.ChoiceTie} {
			got, err := storedChoice(displayChoice(c, swapped), swapped)
			if err != nil || got != c {
				t.Errorf("swapped=%v: %q → %q → %q (%v)", swapped, c, displayChoice(c, swapped), got, err)
			}
		}
	}
}

func TestReviewerFlow(t *testing.T) {
	st, _ := openSQLite(t)
	h := newHarness(t, st, Config{}, 2)
	task, _ := h.task("flow", store.KindPairwise, 2, 4)
	rev := h.login("rev1", testPassword)
	ctx := context.Background()

	res, _ := rev.get(fmt.Sprintf("/tasks/%d/next", task.ID))
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("next: status %d", res.StatusCode)
	}
	loc := res.Header.Get("Location")
	var itemID int64
	fmt.Sscanf(loc, "/items/%d", &itemID)
	res, page := rev.get(loc)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("screen: status %d", res.StatusCode)
	}
	for _, secret := range []string{"model-alpha", "model-beta", "sam@example.com"} {
		if strings.Contains(page, secret) {
			t.Errorf("review screen shows %q", secret)
		}
	}
	if !strings.Contains(page, "[EMAIL]") {
		t.Error("review screen does not show the scrubbed text")
	}
	it, _ := st.GetItem(ctx, itemID)
	// The reply shown as A is the left one; pick it and check what is stored.
	left := it.ResponseA
	if Swapped(itemID, h.revs[0].ID) {
		left = it.ResponseB
	}
	ia, ib := strings.Index(page, `id="reply-a"`), strings.Index(page, `id="reply-b"`)
	if ia < 0 || ib < 0 || !strings.Contains(page[ia:ib], left) {
		t.Fatalf("reply A on screen is not the expected %q", left)
	}
	// A draft, then an incomplete submit (no strength), then a full one.
	draft := url.Values{"choice": {"a"}, "empathy": {"4"}}
	if res, body := rev.post(loc+"/draft", draft, http.Header{csrfHeader: {rev.csrf}, "Accept": {"application/json"}}); res.StatusCode != http.StatusOK {
		t.Fatalf("draft: %d %s", res.StatusCode, body)
	}
	if res, body := rev.post(loc+"/submit", rev.form(url.Values{"choice": {"a"}}), nil); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "strength") {
		t.Errorf("submit without strength: status %d, want 422 naming strength", res.StatusCode)
	}
	full := rev.form(url.Values{"choice": {"a"}, "strength": {"3"}, "empathy": {"5"}, "flag_harmful": {"on"},
		"rewrite": {"A kinder rewrite of the better reply."}, "comment": {"ok"}})
	res, _ = rev.post(loc+"/submit", full, nil)
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != fmt.Sprintf("/tasks/%d/next", task.ID) {
		t.Fatalf("submit: status %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
	r, err := st.GetRating(ctx, itemID, h.revs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	wantChoice := store.ChoiceA
	if Swapped(itemID, h.revs[0].ID) {
		wantChoice = store.ChoiceB
	}
	if !r.Submitted || r.Choice != wantChoice || r.Strength != 3 || r.Scores.Empathy != 5 || !r.Flags.Harmful || r.Revision != 2 {
		t.Errorf("stored rating %+v; want submitted, choice %s, strength 3, empathy 5, harmful, revision 2 (the refused submit saved nothing)", r, wantChoice)
	}
	// A draft may not overwrite the submitted rating.
	if res, _ := rev.post(loc+"/draft", url.Values{"choice": {"b"}}, http.Header{csrfHeader: {rev.csrf}}); res.StatusCode != http.StatusConflict {
		t.Errorf("draft over a submitted rating: status %d, want 409", res.StatusCode)
	}
	// Items of other reviewers, or of nobody, are not found.
	other := h.login("rev2", testPassword)
	as, _ := st.ListAssignments(ctx, task.ID, h.revs[1].ID)
	if len(as) != 4 {
		t.Fatalf("rev2 has %d assignments, want 4", len(as))
	}
	if res, _ := rev.get("/items/999999"); res.StatusCode != http.StatusNotFound {
		t.Errorf("unknown item: status %d", res.StatusCode)
	}
	_ = other
	// Audit has the submit (written by the store) and the task creation.
	es, _ := st.ListAudit(ctx, store.AuditQuery{Action: "rating.submit"})
	if len(es) != 1 || es[0].ActorID != h.revs[0].ID {
		t.Errorf("audit rating.submit: %+v", es)
	}
}

// rateAll submits a rating for every item of the task by every reviewer,
// through the store, with fn deciding its content.
func rateAll(t *testing.T, h *harness, task store.Task, fn func(it store.Item, rev int) store.Rating) {
	t.Helper()
	ctx := context.Background()
	items, _ := h.st.ListItems(ctx, task.ID)
	for ri, u := range h.revs {
		for _, it := range items {
			r := fn(it, ri)
			r.ItemID, r.ReviewerID, r.Submitted = it.ID, u.ID, true
			if _, err := h.st.SaveRating(ctx, r); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func TestExports(t *testing.T) {
	st, _ := openSQLite(t)
	h := newHarness(t, st, Config{}, 2)
	task, items := h.task("export", store.KindPairwise, 2, 3)
	// Item 0: both prefer A strongly. Item 1: split, A vs B. Item 2: both
	// prefer B, one slightly; reviewer 0 rewrites and flags A.
	rateAll(t, h, task, func(it store.Item, rev int) store.Rating {
		switch it.ID {
		case items[0].ID:
			return store.Rating{Choice: store.ChoiceA, Strength: 3}
		case items[1].ID:
			return store.Rating{Choice: []store.Choice{store.ChoiceA, store.ChoiceB}[rev], Strength: 2}
		}
		if rev == 0 {
			return store.Rating{Choice: store.ChoiceB, Strength: 2, Flags: store.Flags{Prescribing: true}, Rewrite: "  A better reply.  "}
		}
		return store.Rating{Choice: store.ChoiceB, Strength: 1}
	})
	d, err := LoadTask(context.Background(), st, task.ID)
	if err != nil {
		t.Fatal(err)
	}
	pairs, stats := PreferencePairs(d, PairOptions{MinStrength: 2, Choices: true, Rewrites: true})
	want := []conv.PreferencePair{
		{ID: fmt.Sprintf("review-%d-item-%d-rewrite-%d", task.ID, items[2].ID, h.revs[0].ID), Prompt: items[2].Context,
			Chosen:    []conv.Message{{Role: conv.RoleAssistant, Content: "A better reply."}},
			Rejected:  []conv.Message{{Role: conv.RoleAssistant, Content: items[2].ResponseB}},
			Annotator: fmt.Sprintf("reviewer-%d", h.revs[0].ID), Source: "review:export:rewrite"},
		{ID: fmt.Sprintf("review-%d-item-%d", task.ID, items[0].ID), Prompt: items[0].Context,
			Chosen:    []conv.Message{{Role: conv.RoleAssistant, Content: items[0].ResponseA}},
			Rejected:  []conv.Message{{Role: conv.RoleAssistant, Content: items[0].ResponseB}},
			Annotator: fmt.Sprintf("reviewer-%d,reviewer-%d", h.revs[0].ID, h.revs[1].ID), Source: "review:export"},
		// Item 2: one vote for B at strength 2 (the slight one is below the
		// threshold); A was flagged for prescribing by that voter.
		{ID: fmt.Sprintf("review-%d-item-%d", task.ID, items[2].ID), Prompt: items[2].Context,
			Chosen:    []conv.Message{{Role: conv.RoleAssistant, Content: items[2].ResponseB}},
			Rejected:  []conv.Message{{Role: conv.RoleAssistant, Content: items[2].ResponseA}},
			Reasons:   []string{conv.FailurePrescribes},
			Annotator: fmt.Sprintf("reviewer-%d", h.revs[0].ID), Source: "review:export"},
	}
	if diff := cmp.Diff(want, pairs); diff != "" {
		t.Errorf("pairs (-want +got):\n%s", diff)
	}
	if stats.FromChoices != 2 || stats.FromRewrites != 1 || stats.Skipped["reviewers split evenly"] != 1 || stats.Skipped["weaker than the strength threshold"] != 1 {
		t.Errorf("stats %+v", stats)
	}
	// The JSONL reads back through conv's validating reader.
	var buf bytes.Buffer
	if err := WritePairs(&buf, pairs); err != nil {
		t.Fatal(err)
	}
	rd := conv.NewReader[conv.PreferencePair](&buf, "pairs.jsonl")
	n := 0
	for {
		_, err := rd.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n != 3 {
		t.Errorf("read back %d pairs, want 3", n)
	}

	// CSV: header plus one row per rating, formulas defused.
	recs := RatingRecords(d)
	recs[0].Comment = "=HYPERLINK(\"http://x\")"
	buf.Reset()
	if err := WriteRatingsCSV(&buf, recs); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 7 || !cmp.Equal(rows[0], csvHeader) {
		t.Fatalf("csv: %d rows, header %v", len(rows), rows[0])
	}
	if got := rows[1][21]; got != `'=HYPERLINK("http://x")` {
		t.Errorf("comment cell %q, want the formula quoted", got)
	}
	if rows[1][5] != "model-alpha" || rows[1][4] != "rev1" {
		t.Errorf("row 1: model %q reviewer %q", rows[1][5], rows[1][4])
	}
}

func TestEvalCases(t *testing.T) {
	st, _ := openSQLite(t)
	h := newHarness(t, st, Config{}, 2)
	task, items := h.task("evalcases", store.KindRate, 2, 3)
	good := store.Scores{Empathy: 4, Helpfulness: 4, Safety: 5, ClinicalAccuracy: 4, Boundaries: 5}
	rateAll(t, h, task, func(it store.Item, rev int) store.Rating {
		switch it.ID {
		case items[1].ID: // low helpfulness: mean (2+1)/2 = 1.5
			s := good
			s.Helpfulness = 2 - rev
			return store.Rating{Scores: s}
		case items[2].ID: // one reviewer flags a missed crisis
			return store.Rating{Scores: good, Flags: store.Flags{MissedCrisis: rev == 1}, Rewrite: []string{"", "Please call 988."}[rev]}
		}
		return store.Rating{Scores: good}
	})
	d, _ := LoadTask(context.Background(), st, task.ID)
	got := EvalCases(d, EvalCaseOptions{MaxMean: 2})
	want := []EvalCase{
		{ID: fmt.Sprintf("review-%d-item-%d", task.ID, items[1].ID), Messages: items[1].Context, Source: "review:evalcases",
			Expect: EvalExpect{LowScores: map[string]float64{"helpfulness": 1.5}, Avoid: items[1].ResponseA}},
		{ID: fmt.Sprintf("review-%d-item-%d", task.ID, items[2].ID), Messages: items[2].Context, Source: "review:evalcases",
			Expect: EvalExpect{CrisisResources: true, Failures: []string{conv.FailureMissesCrisis}, Reference: "Please call 988.", Avoid: items[2].ResponseA}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("cases (-want +got):\n%s", diff)
	}
}

func TestDashboardShowsAgreement(t *testing.T) {
	st, _ := openSQLite(t)
	h := newHarness(t, st, Config{}, 2)
	task, _ := h.task("dash", store.KindRate, 2, 4)
	rateAll(t, h, task, func(it store.Item, rev int) store.Rating {
		v := int(it.ID%5) + 1
		return store.Rating{Scores: store.Scores{Empathy: v, Helpfulness: v, Safety: v, ClinicalAccuracy: v, Boundaries: max(1, v-rev)}}
	})
	admin := h.login("ada", testPassword)
	res, body := admin.get(fmt.Sprintf("/admin/tasks/%d", task.ID))
	if res.StatusCode != http.StatusOK {
		t.Fatalf("dashboard: %d", res.StatusCode)
	}
	for _, want := range []string{`id="alpha"`, `<td>Empathy</td><td>1.00</td><td>1.00</td>`, `id="kappa"`, "rev1 · rev2", "<svg", "model-alpha", "8 / 8 ratings"} {
		if !strings.Contains(body, want) {
			t.Errorf("dashboard lacks %q", want)
		}
	}
}

func TestConversationItemsFromServeLogs(t *testing.T) {
	st, _ := openSQLite(t)
	ctx := context.Background()
	put := func(id string, msgs ...conv.Message) {
		if err := st.PutConversation(ctx, store.StoredConversation{Conversation: conv.Conversation{ID: id, Messages: msgs, Source: "serve"}}); err != nil {
			t.Fatal(err)
		}
	}
	put("serve-1", conv.Message{Role: conv.RoleUser, Content: "Mail me at sam@example.com, I feel awful."},
		conv.Message{Role: conv.RoleAssistant, Content: "I'm sorry you feel awful. What happened today?"})
	put("serve-2", conv.Message{Role: conv.RoleUser, Content: "hello?"}) // no reply yet
	items, skipped, err := ConversationItems(ctx, st, time.Now().Add(-time.Hour), time.Time{}, 0, fakeScrub)
	if err != nil {
		t.Fatal(err)
	}
	want := []store.Item{{Context: []conv.Message{{Role: conv.RoleUser, Content: "Mail me at [EMAIL], I feel awful."}},
		ResponseA: "I'm sorry you feel awful. What happened today?", ModelA: "serve", SourceRef: "conv:serve-1"}}
	if diff := cmp.Diff(want, items); diff != "" || skipped != 1 {
		t.Errorf("skipped %d, items (-want +got):\n%s", skipped, diff)
	}
}

func TestAdminItemView(t *testing.T) {
	st, _ := openSQLite(t)
	h := newHarness(t, st, Config{}, 2)
	task, items := h.task("attention", store.KindPairwise, 2, 2)
	rateAll(t, h, task, func(it store.Item, rev int) store.Rating {
		if it.ID == items[0].ID {
			return store.Rating{Choice: []store.Choice{store.ChoiceA, store.ChoiceB}[rev], Strength: 1,
				Flags: store.Flags{Prescribing: rev == 1}, Rewrite: []string{"", "Let's talk it through first."}[rev]}
		}
		return store.Rating{Choice: store.ChoiceA, Strength: 2}
	})
	d, _ := LoadTask(context.Background(), st, task.ID)
	got := NeedsAttention(d, fakeScrub)
	want := []Attention{{ItemID: items[0].ID, Snippet: "I have been sleeping badly for weeks (0). Write to me at [EMAIL]",
		Reasons: []string{"flag: " + conv.FailurePrescribes, "reviewers disagree on the better reply"}}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("attention (-want +got):\n%s", diff)
	}
	admin := h.login("ada", testPassword)
	_, dash := admin.get(fmt.Sprintf("/admin/tasks/%d", task.ID))
	if !strings.Contains(dash, fmt.Sprintf(`href="/admin/items/%d"`, items[0].ID)) {
		t.Error("dashboard does not link the item that needs attention")
	}
	res, body := admin.get(fmt.Sprintf("/admin/items/%d", items[0].ID))
	if res.StatusCode != http.StatusOK {
		t.Fatalf("item view: %d", res.StatusCode)
	}
	for _, want := range []string{"model-alpha", "model-beta", "rev1", "rev2", "Prescribes", "Let&#39;s talk it through first.", "A (model-alpha)", "B (model-beta)", "[EMAIL]"} {
		if !strings.Contains(body, want) {
			t.Errorf("item view lacks %q", want)
		}
	}
}
