// Creating review queues, shared by the web app and `tend review task
// create`: check the request, create the task, add its items and give each
// item to k reviewers, then record it in the audit log.
package review

import (
	"context"
	"fmt"
	"time"

	"github.com/tend-project/tend/store"
)

// NewTask describes a queue to create.
type NewTask struct {
	Name         string
	Kind         store.TaskKind
	K            int
	Instructions string
	CreatedBy    int64
	Items        []store.Item
	// Reviewers to draw from; nil means every enabled reviewer account.
	Reviewers []int64
}

// ActiveReviewers lists the IDs of enabled reviewer accounts.
func ActiveReviewers(ctx context.Context, st store.Store) ([]int64, error) {
	us, err := st.ListUsers(ctx)
	if err != nil {
		return nil, err
	}
	var ids []int64
	for _, u := range us {
		if u.Role == store.RoleReviewer && !u.Disabled {
			ids = append(ids, u.ID)
		}
	}
	return ids, nil
}

// CreateTask creates the task, adds its items and assigns them. It checks
// the reviewers before creating anything, so a task is not left behind
// without items for a foreseeable mistake.
func CreateTask(ctx context.Context, st store.Store, nt NewTask) (store.Task, int, error) {
	if len(nt.Items) == 0 {
		return store.Task{}, 0, fmt.Errorf("%w: task %q has no items", ErrInput, nt.Name)
	}
	revs := nt.Reviewers
	if revs == nil {
		var err error
		if revs, err = ActiveReviewers(ctx, st); err != nil {
			return store.Task{}, 0, err
		}
	}
	if len(revs) < nt.K {
		return store.Task{}, 0, fmt.Errorf("%w: k = %d reviewers per item but only %d reviewer accounts chosen; add reviewers with `tend review user add` or lower k",
			store.ErrConflict, nt.K, len(revs))
	}
	t, err := st.CreateTask(ctx, store.Task{Name: nt.Name, Kind: nt.Kind, K: nt.K, Instructions: nt.Instructions, CreatedBy: nt.CreatedBy})
	if err != nil {
		return store.Task{}, 0, err
	}
	if _, err := st.AddItems(ctx, t.ID, nt.Items); err != nil {
		return t, 0, err
	}
	n, err := st.AssignTask(ctx, t.ID, revs)
	if err != nil {
		return t, 0, err
	}
	err = st.AppendAudit(ctx, store.AuditEntry{ActorID: nt.CreatedBy, Action: "task.create", Target: fmt.Sprintf("task:%d", t.ID),
		Detail: fmt.Sprintf("%q, %s, k=%d, %d items, %d assignments", t.Name, t.Kind, t.K, len(nt.Items), n)})
	return t, n, err
}

// ConversationItems turns logged conversations updated in [since, until)
// into rate items, scrubbed. Conversations without an assistant reply are
// skipped and counted.
func ConversationItems(ctx context.Context, st store.Store, since, until time.Time, limit int, scrub func(string) string) ([]store.Item, int, error) {
	cs, err := st.ListConversations(ctx, store.ConversationQuery{Since: since, Until: until, Limit: limit})
	if err != nil {
		return nil, 0, err
	}
	var items []store.Item
	skipped := 0
	for _, c := range cs {
		it, err := ConversationItem(c.Conversation)
		if err != nil {
			skipped++
			continue
		}
		items = append(items, scrubItem(it, scrub))
	}
	return items, skipped, nil
}
