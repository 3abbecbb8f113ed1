// The audit log and logged conversations (with retention), shared by both
// backends.
package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

func (s *sqlStore) AppendAudit(ctx context.Context, e AuditEntry) error {
	if err := e.validate(); err != nil {
		return fmt.Errorf("store: audit: %w", err)
	}
	if e.At.IsZero() {
		e.At = s.clock()
	}
	_, err := s.db.exec(ctx, "INSERT INTO audit_log (at, actor_id, action, target, detail) VALUES ($1, $2, $3, $4, $5)",
		ts(e.At), nullInt(e.ActorID), e.Action, e.Target, e.Detail)
	if err != nil {
		return fmt.Errorf("store: audit %s by %d: %w", e.Action, e.ActorID, err)
	}
	return nil
}

func (s *sqlStore) ListAudit(ctx context.Context, q AuditQuery) ([]AuditEntry, error) {
	var where []string
	var args []any
	add := func(cond string, v any) {
		args = append(args, v)
		where = append(where, fmt.Sprintf(cond, len(args)))
	}
	if q.ActorID != 0 {
		add("actor_id = $%d", q.ActorID)
	}
	if q.Action != "" {
		add("action = $%d", q.Action)
	}
	if q.Target != "" {
		add("target = $%d", q.Target)
	}
	if !q.Since.IsZero() {
		add("at >= $%d", ts(q.Since))
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 100
	}
	sqlq := "SELECT id, at, actor_id, action, target, detail FROM audit_log"
	if len(where) > 0 {
		sqlq += " WHERE " + strings.Join(where, " AND ")
	}
	args = append(args, limit)
	sqlq += fmt.Sprintf(" ORDER BY at DESC, id DESC LIMIT $%d", len(args))
	rs, err := s.db.query(ctx, sqlq, args...)
	out, err := collect(rs, err, func(r row) (AuditEntry, error) {
		var e AuditEntry
		var actor *int64
		err := r.Scan(&e.ID, &e.At, &actor, &e.Action, &e.Target, &e.Detail)
		if actor != nil {
			e.ActorID = *actor
		}
		e.At = e.At.UTC()
		return e, err
	})
	if err != nil {
		return nil, fmt.Errorf("store: list audit: %w", err)
	}
	return out, nil
}

func (s *sqlStore) PutConversation(ctx context.Context, c StoredConversation) error {
	if err := c.Conversation.Validate(); err != nil {
		return fmt.Errorf("store: put conversation %q: %w: %v", c.Conversation.ID, ErrInvalid, err)
	}
	body, err := json.Marshal(c.Conversation)
	if err != nil {
		return fmt.Errorf("store: put conversation %q: %w", c.Conversation.ID, err)
	}
	at := ts(c.UpdatedAt)
	if c.UpdatedAt.IsZero() {
		at = s.clock()
	}
	_, err = s.db.exec(ctx, `
		INSERT INTO conversations (id, body, created_at, updated_at) VALUES ($1, $2, $3, $3)
		ON CONFLICT (id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`,
		c.Conversation.ID, string(body), at)
	if err != nil {
		return fmt.Errorf("store: put conversation %q: %w", c.Conversation.ID, err)
	}
	return nil
}

func scanConversation(r row) (StoredConversation, error) {
	var c StoredConversation
	var id, body string
	if err := r.Scan(&id, &body, &c.CreatedAt, &c.UpdatedAt); err != nil {
		return c, err
	}
	if err := json.Unmarshal([]byte(body), &c.Conversation); err != nil {
		return c, fmt.Errorf("conversation %q: stored body: %w", id, err)
	}
	c.CreatedAt, c.UpdatedAt = c.CreatedAt.UTC(), c.UpdatedAt.UTC()
	return c, nil
}

func (s *sqlStore) GetConversation(ctx context.Context, id string) (StoredConversation, error) {
	c, err := scanConversation(s.db.queryRow(ctx, "SELECT id, body, created_at, updated_at FROM conversations WHERE id = $1", id))
	if err != nil {
		return StoredConversation{}, fmt.Errorf("store: conversation %q: %w", id, err)
	}
	return c, nil
}

func (s *sqlStore) ListConversations(ctx context.Context, q ConversationQuery) ([]StoredConversation, error) {
	since, until := q.Since, q.Until
	if until.IsZero() {
		until = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 1000
	}
	rs, err := s.db.query(ctx, `
		SELECT id, body, created_at, updated_at FROM conversations
		WHERE updated_at >= $1 AND updated_at < $2 ORDER BY updated_at, id LIMIT $3`, ts(since), ts(until), limit)
	out, err := collect(rs, err, scanConversation)
	if err != nil {
		return nil, fmt.Errorf("store: list conversations: %w", err)
	}
	return out, nil
}

func (s *sqlStore) DeleteConversationsBefore(ctx context.Context, t time.Time) (int64, error) {
	n, err := s.db.exec(ctx, "DELETE FROM conversations WHERE updated_at < $1", ts(t))
	if err != nil {
		return 0, fmt.Errorf("store: delete conversations before %s: %w", t.Format(time.RFC3339), err)
	}
	return n, nil
}
