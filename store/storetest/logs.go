// Conformance tests for the audit log and stored conversations.
package storetest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/store"
)

func testAudit(t *testing.T, cfg Config) {
	ctx := context.Background()
	s := open(t, cfg)
	admin := mustUser(t, s, "admin", store.RoleAdmin)
	base := time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC)
	entries := []store.AuditEntry{
		{At: base, ActorID: admin.ID, Action: "task.create", Target: "task:1", Detail: `{"k":2}`},
		{At: base.Add(time.Minute), Action: "user.add", Target: "user:bob", Detail: "by tend review user add"},
		{At: base.Add(2 * time.Minute), ActorID: admin.ID, Action: "export.pairs", Target: "task:1"},
		{At: base.Add(3 * time.Minute), ActorID: admin.ID, Action: "login"},
	}
	for _, e := range entries {
		wantErr(t, "AppendAudit "+e.Action, s.AppendAudit(ctx, e), nil)
	}
	wantErr(t, "AppendAudit empty action", s.AppendAudit(ctx, store.AuditEntry{ActorID: admin.ID}), store.ErrInvalid)
	wantErr(t, "AppendAudit unknown actor", s.AppendAudit(ctx, store.AuditEntry{ActorID: 99999, Action: "x"}), store.ErrNotFound)
	before := time.Now()
	wantErr(t, "AppendAudit now", s.AppendAudit(ctx, store.AuditEntry{Action: "cleanup"}), nil)

	strip := func(es []store.AuditEntry) []store.AuditEntry {
		out := make([]store.AuditEntry, len(es))
		for i, e := range es {
			e.ID = 0
			out[i] = e
		}
		return out
	}
	tests := []struct {
		name string
		q    store.AuditQuery
		want []store.AuditEntry
	}{
		{"by actor, newest first", store.AuditQuery{ActorID: admin.ID}, []store.AuditEntry{entries[3], entries[2], entries[0]}},
		{"by action", store.AuditQuery{Action: "user.add"}, []store.AuditEntry{entries[1]}},
		{"by target", store.AuditQuery{Target: "task:1"}, []store.AuditEntry{entries[2], entries[0]}},
		{"since", store.AuditQuery{Since: base.Add(90 * time.Second), ActorID: admin.ID}, []store.AuditEntry{entries[3], entries[2]}},
		{"limit", store.AuditQuery{ActorID: admin.ID, Limit: 1}, []store.AuditEntry{entries[3]}},
	}
	for _, tc := range tests {
		got, err := s.ListAudit(ctx, tc.q)
		wantErr(t, "ListAudit "+tc.name, err, nil)
		if diff := cmp.Diff(tc.want, strip(got)); diff != "" {
			t.Errorf("ListAudit %s (-want +got):\n%s", tc.name, diff)
		}
	}
	all, err := s.ListAudit(ctx, store.AuditQuery{})
	wantErr(t, "ListAudit all", err, nil)
	if len(all) != 5 || all[0].Action != "cleanup" || all[0].At.Before(before.Add(-time.Second)) || all[0].ID == 0 {
		t.Errorf("ListAudit all: %+v", all)
	}
}

func conversation(id string, turns int) conv.Conversation {
	c := conv.Conversation{ID: id, Source: "serve", License: "CC-BY-4.0",
		Labels: conv.Labels{Concerns: []conv.Concern{conv.ConcernSleep}, Severity: conv.SeverityOf(conv.SeverityMild)}}
	for i := range turns {
		c.Messages = append(c.Messages,
			conv.Message{Role: conv.RoleUser, Content: fmt.Sprintf("turn %d: I keep waking at 4am [NAME] said it's normal", i)},
			conv.Message{Role: conv.RoleAssistant, Content: fmt.Sprintf("reply %d: that sounds tiring.", i)})
	}
	return c
}

func testConversations(t *testing.T, cfg Config) {
	ctx := context.Background()
	s := open(t, cfg)
	day := func(d int) time.Time { return time.Date(2026, 1, d, 10, 30, 0, 123456000, time.UTC) }

	for i, d := range []int{1, 5, 10} {
		c := store.StoredConversation{Conversation: conversation(fmt.Sprintf("c%d", i), 1), UpdatedAt: day(d)}
		wantErr(t, "PutConversation", s.PutConversation(ctx, c), nil)
	}
	// Appending a turn replaces the body and moves UpdatedAt, not CreatedAt.
	grown := store.StoredConversation{Conversation: conversation("c0", 2), UpdatedAt: day(7)}
	wantErr(t, "PutConversation update", s.PutConversation(ctx, grown), nil)
	got, err := s.GetConversation(ctx, "c0")
	wantErr(t, "GetConversation", err, nil)
	want := store.StoredConversation{Conversation: conversation("c0", 2), CreatedAt: day(1), UpdatedAt: day(7)}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("GetConversation (-want +got):\n%s", diff)
	}
	_, err = s.GetConversation(ctx, "nope")
	wantErr(t, "GetConversation missing", err, store.ErrNotFound)
	wantErr(t, "PutConversation invalid", s.PutConversation(ctx, store.StoredConversation{Conversation: conv.Conversation{ID: "x"}}), store.ErrInvalid)

	ids := func(cs []store.StoredConversation) []string {
		var out []string
		for _, c := range cs {
			out = append(out, c.Conversation.ID)
		}
		return out
	}
	list := []struct {
		name string
		q    store.ConversationQuery
		want []string
	}{
		{"all, oldest update first", store.ConversationQuery{}, []string{"c1", "c0", "c2"}},
		{"since", store.ConversationQuery{Since: day(6)}, []string{"c0", "c2"}},
		{"until is exclusive", store.ConversationQuery{Until: day(7)}, []string{"c1"}},
		{"limit", store.ConversationQuery{Limit: 2}, []string{"c1", "c0"}},
	}
	for _, tc := range list {
		got, err := s.ListConversations(ctx, tc.q)
		wantErr(t, "ListConversations "+tc.name, err, nil)
		if diff := cmp.Diff(tc.want, ids(got)); diff != "" {
			t.Errorf("ListConversations %s (-want +got):\n%s", tc.name, diff)
		}
	}

	n, err := s.DeleteConversationsBefore(ctx, day(7))
	if err != nil || n != 1 {
		t.Fatalf("DeleteConversationsBefore(day 7) = %d, %v; want 1", n, err)
	}
	rest, _ := s.ListConversations(ctx, store.ConversationQuery{})
	if diff := cmp.Diff([]string{"c0", "c2"}, ids(rest)); diff != "" {
		t.Errorf("after retention (-want +got):\n%s", diff)
	}
	n, err = s.DeleteConversationsBefore(ctx, day(30))
	if err != nil || n != 2 {
		t.Fatalf("DeleteConversationsBefore(day 30) = %d, %v; want 2", n, err)
	}
}
