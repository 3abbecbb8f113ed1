// Review tasks, their items and the assignment of items to reviewers, shared
// by both backends.
package store

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/tend-project/tend/conv"
)

const taskCols = "id, name, kind, k, instructions, created_by, created_at"

func scanTask(r row) (Task, error) {
	var t Task
	var kind string
	err := r.Scan(&t.ID, &t.Name, &kind, &t.K, &t.Instructions, &t.CreatedBy, &t.CreatedAt)
	t.Kind = TaskKind(kind)
	t.CreatedAt = t.CreatedAt.UTC()
	return t, err
}

func (s *sqlStore) CreateTask(ctx context.Context, t Task) (Task, error) {
	if err := t.validate(); err != nil {
		return Task{}, fmt.Errorf("store: create task: %w", err)
	}
	t.Name = strings.TrimSpace(t.Name)
	t.CreatedAt = s.clock()
	err := s.db.queryRow(ctx, `
		INSERT INTO tasks (name, kind, k, instructions, created_by, created_at)
		VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
		t.Name, string(t.Kind), t.K, t.Instructions, t.CreatedBy, t.CreatedAt).Scan(&t.ID)
	if err != nil {
		return Task{}, fmt.Errorf("store: create task %q: %w", t.Name, err)
	}
	return t, nil
}

func (s *sqlStore) GetTask(ctx context.Context, id int64) (Task, error) {
	t, err := scanTask(s.db.queryRow(ctx, "SELECT "+taskCols+" FROM tasks WHERE id = $1", id))
	if err != nil {
		return Task{}, fmt.Errorf("store: task %d: %w", id, err)
	}
	return t, nil
}

func (s *sqlStore) ListTasks(ctx context.Context) ([]Task, error) {
	rs, err := s.db.query(ctx, "SELECT "+taskCols+" FROM tasks ORDER BY id")
	tasks, err := collect(rs, err, scanTask)
	if err != nil {
		return nil, fmt.Errorf("store: list tasks: %w", err)
	}
	return tasks, nil
}

const itemCols = "id, task_id, context, response_a, response_b, model_a, model_b, source_ref, created_at"

func scanItem(r row) (Item, error) {
	var it Item
	var ctxJSON string
	err := r.Scan(&it.ID, &it.TaskID, &ctxJSON, &it.ResponseA, &it.ResponseB, &it.ModelA, &it.ModelB, &it.SourceRef, &it.CreatedAt)
	if err != nil {
		return Item{}, err
	}
	it.CreatedAt = it.CreatedAt.UTC()
	if err := json.Unmarshal([]byte(ctxJSON), &it.Context); err != nil {
		return Item{}, fmt.Errorf("item %d: stored context: %w", it.ID, err)
	}
	return it, nil
}

func (s *sqlStore) AddItems(ctx context.Context, taskID int64, items []Item) ([]Item, error) {
	out := make([]Item, len(items))
	err := s.inTx(ctx, func(t tx) error {
		task, err := scanTask(t.queryRow(ctx, "SELECT "+taskCols+" FROM tasks WHERE id = $1", taskID))
		if err != nil {
			return err
		}
		now := s.clock()
		for i, it := range items {
			if err := it.validate(task.Kind); err != nil {
				return fmt.Errorf("item %d: %w", i, err)
			}
			ctxJSON, err := json.Marshal(it.Context)
			if err != nil {
				return fmt.Errorf("item %d: %w", i, err)
			}
			it.TaskID, it.CreatedAt = taskID, now
			err = t.queryRow(ctx, `
				INSERT INTO items (task_id, context, response_a, response_b, model_a, model_b, source_ref, created_at)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
				taskID, string(ctxJSON), it.ResponseA, it.ResponseB, it.ModelA, it.ModelB, it.SourceRef, now).Scan(&it.ID)
			if err != nil {
				return fmt.Errorf("item %d (source %q): %w", i, it.SourceRef, err)
			}
			it.Context = append([]conv.Message(nil), it.Context...)
			out[i] = it
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: add items to task %d: %w", taskID, err)
	}
	return out, nil
}

func (s *sqlStore) GetItem(ctx context.Context, id int64) (Item, error) {
	it, err := scanItem(s.db.queryRow(ctx, "SELECT "+itemCols+" FROM items WHERE id = $1", id))
	if err != nil {
		return Item{}, fmt.Errorf("store: item %d: %w", id, err)
	}
	return it, nil
}

func (s *sqlStore) ListItems(ctx context.Context, taskID int64) ([]Item, error) {
	rs, err := s.db.query(ctx, "SELECT "+itemCols+" FROM items WHERE task_id = $1 ORDER BY id", taskID)
	items, err := collect(rs, err, scanItem)
	if err != nil {
		return nil, fmt.Errorf("store: list items of task %d: %w", taskID, err)
	}
	return items, nil
}

func (s *sqlStore) Assign(ctx context.Context, itemID, reviewerID int64) error {
	err := s.inTx(ctx, func(t tx) error {
		var k, have int
		// Lock the task so two concurrent Assigns cannot both see k-1.
		if err := t.queryRow(ctx, "SELECT t.k FROM items i JOIN tasks t ON t.id = i.task_id WHERE i.id = $1"+
			s.db.lockRow("t"), itemID).Scan(&k); err != nil {
			return err
		}
		var mine int
		if err := t.queryRow(ctx, `SELECT COUNT(*), COALESCE(SUM(CASE WHEN reviewer_id = $2 THEN 1 ELSE 0 END), 0)
			FROM assignments WHERE item_id = $1`, itemID, reviewerID).Scan(&have, &mine); err != nil {
			return err
		}
		if mine > 0 {
			return fmt.Errorf("%w: reviewer already has the item", ErrDuplicate)
		}
		if have >= k {
			return fmt.Errorf("%w: item already has %d of %d reviewers", ErrConflict, have, k)
		}
		_, err := t.exec(ctx, "INSERT INTO assignments (item_id, reviewer_id, assigned_at) VALUES ($1, $2, $3)",
			itemID, reviewerID, s.clock())
		return err
	})
	if err != nil {
		return fmt.Errorf("store: assign item %d to reviewer %d: %w", itemID, reviewerID, err)
	}
	return nil
}

func (s *sqlStore) AssignTask(ctx context.Context, taskID int64, reviewerIDs []int64) (int, error) {
	made := 0
	err := s.inTx(ctx, func(t tx) error {
		task, err := scanTask(t.queryRow(ctx, "SELECT "+taskCols+" FROM tasks WHERE id = $1"+s.db.lockRow("tasks"), taskID))
		if err != nil {
			return err
		}
		pool := uniqueIDs(reviewerIDs)
		if len(pool) < task.K {
			return fmt.Errorf("%w: %d reviewers given, the task needs %d per item", ErrConflict, len(pool), task.K)
		}
		// Current assignments of the task: who has which item, and loads.
		type pair struct{ item, reviewer int64 }
		rs, err := t.query(ctx, `SELECT a.item_id, a.reviewer_id FROM assignments a
			JOIN items i ON i.id = a.item_id WHERE i.task_id = $1`, taskID)
		pairs, err := collect(rs, err, func(r row) (pair, error) {
			var p pair
			return p, r.Scan(&p.item, &p.reviewer)
		})
		if err != nil {
			return err
		}
		has := map[int64]map[int64]bool{}
		load := map[int64]int{}
		for _, p := range pairs {
			if has[p.item] == nil {
				has[p.item] = map[int64]bool{}
			}
			has[p.item][p.reviewer] = true
			load[p.reviewer]++
		}
		rs, err = t.query(ctx, "SELECT id FROM items WHERE task_id = $1 ORDER BY id", taskID)
		itemIDs, err := collect(rs, err, func(r row) (int64, error) {
			var id int64
			return id, r.Scan(&id)
		})
		if err != nil {
			return err
		}
		now := s.clock()
		for _, item := range itemIDs {
			need := task.K - len(has[item])
			if need <= 0 {
				continue
			}
			cands := make([]int64, 0, len(pool))
			for _, r := range pool {
				if !has[item][r] {
					cands = append(cands, r)
				}
			}
			sort.SliceStable(cands, func(a, b int) bool { return load[cands[a]] < load[cands[b]] })
			for _, r := range cands[:min(need, len(cands))] {
				if _, err := t.exec(ctx, "INSERT INTO assignments (item_id, reviewer_id, assigned_at) VALUES ($1, $2, $3)",
					item, r, now); err != nil {
					return fmt.Errorf("reviewer %d: %w", r, err)
				}
				load[r]++
				made++
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("store: assign task %d: %w", taskID, err)
	}
	return made, nil
}

// uniqueIDs returns ids sorted, without repeats, so assignment is
// deterministic.
func uniqueIDs(ids []int64) []int64 {
	out := append([]int64(nil), ids...)
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	n := 0
	for i, id := range out {
		if i == 0 || id != out[n-1] {
			out[n] = id
			n++
		}
	}
	return out[:n]
}

func (s *sqlStore) ListAssignments(ctx context.Context, taskID, reviewerID int64) ([]Assignment, error) {
	rs, err := s.db.query(ctx, `
		SELECT a.item_id, a.reviewer_id, i.task_id, a.assigned_at, a.done_at IS NOT NULL
		FROM assignments a JOIN items i ON i.id = a.item_id
		WHERE i.task_id = $1 AND a.reviewer_id = $2 ORDER BY a.item_id`, taskID, reviewerID)
	as, err := collect(rs, err, func(r row) (Assignment, error) {
		var a Assignment
		err := r.Scan(&a.ItemID, &a.ReviewerID, &a.TaskID, &a.AssignedAt, &a.Done)
		a.AssignedAt = a.AssignedAt.UTC()
		return a, err
	})
	if err != nil {
		return nil, fmt.Errorf("store: assignments of reviewer %d in task %d: %w", reviewerID, taskID, err)
	}
	return as, nil
}

func (s *sqlStore) NextItem(ctx context.Context, taskID, reviewerID int64) (Item, error) {
	it, err := scanItem(s.db.queryRow(ctx, `
		SELECT i.id, i.task_id, i.context, i.response_a, i.response_b, i.model_a, i.model_b, i.source_ref, i.created_at
		FROM assignments a JOIN items i ON i.id = a.item_id
		WHERE i.task_id = $1 AND a.reviewer_id = $2 AND a.done_at IS NULL
		ORDER BY i.id LIMIT 1`, taskID, reviewerID))
	if err != nil {
		return Item{}, fmt.Errorf("store: next item for reviewer %d in task %d: %w", reviewerID, taskID, err)
	}
	return it, nil
}

func (s *sqlStore) Progress(ctx context.Context, taskID int64) ([]Progress, error) {
	rs, err := s.db.query(ctx, `
		SELECT u.id, u.name, COUNT(*), COUNT(a.done_at)
		FROM assignments a JOIN items i ON i.id = a.item_id JOIN users u ON u.id = a.reviewer_id
		WHERE i.task_id = $1 GROUP BY u.id, u.name ORDER BY u.name, u.id`, taskID)
	ps, err := collect(rs, err, func(r row) (Progress, error) {
		var p Progress
		return p, r.Scan(&p.ReviewerID, &p.Reviewer, &p.Assigned, &p.Done)
	})
	if err != nil {
		return nil, fmt.Errorf("store: progress of task %d: %w", taskID, err)
	}
	return ps, nil
}
