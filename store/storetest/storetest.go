// Package storetest is the conformance suite every store.Store implementation
// must pass. The SQLite and PostgreSQL backends both run it (see
// store/sqlite_test.go and store/postgres_test.go), so they behave the same to
// callers: same results, same sentinel errors, same transactional guarantees.
package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/crypto/bcrypt"

	"github.com/tend-project/tend/store"
)

// Config describes the backend under test.
type Config struct {
	// New returns a fresh, empty store. The suite closes it.
	New func(t *testing.T) store.Store
	// InjectRatingFault makes SaveRating on s fail with err after the rating
	// row is written and before the transaction commits; nil clears it.
	InjectRatingFault func(s store.Store, err error)
}

// Run runs every conformance test against the backend.
func Run(t *testing.T, cfg Config) {
	tests := []struct {
		name string
		fn   func(t *testing.T, cfg Config)
	}{
		{"Schema", testSchema},
		{"Users", testUsers},
		{"Sessions", testSessions},
		{"Tasks", testTasks},
		{"Items", testItems},
		{"Assign", testAssign},
		{"AssignTask", testAssignTask},
		{"Ratings", testRatings},
		{"RatingValidation", testRatingValidation},
		{"RatingTransaction", testRatingTransaction},
		{"Audit", testAudit},
		{"Conversations", testConversations},
		{"Cancelled", testCancelled},
		{"ConcurrentRatings", testConcurrentRatings},
		{"ConcurrentAssign", testConcurrentAssign},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.fn(t, cfg) })
	}
}

func open(t *testing.T, cfg Config) store.Store {
	t.Helper()
	s := cfg.New(t)
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

// hash makes a real bcrypt hash at the cheapest cost, to keep tests fast.
func hash(t *testing.T, pw string) []byte {
	t.Helper()
	h, err := bcrypt.GenerateFromPassword([]byte(pw), bcrypt.MinCost)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func mustUser(t *testing.T, s store.Store, name string, role store.Role) store.User {
	t.Helper()
	u, err := s.CreateUser(context.Background(), store.User{Name: name, Role: role, PasswordHash: hash(t, "pw-"+name)})
	if err != nil {
		t.Fatalf("CreateUser(%q): %v", name, err)
	}
	return u
}

// wantErr fails unless err wraps target (or is nil when target is nil).
func wantErr(t *testing.T, what string, err, target error) {
	t.Helper()
	switch {
	case target == nil && err != nil:
		t.Fatalf("%s: unexpected error %v", what, err)
	case target != nil && !errors.Is(err, target):
		t.Fatalf("%s: error %v, want one wrapping %v", what, err, target)
	}
}

func testSchema(t *testing.T, cfg Config) {
	s := open(t, cfg)
	v, err := s.SchemaVersion(context.Background())
	if err != nil || v < 1 {
		t.Fatalf("SchemaVersion = %d, %v; want >= 1", v, err)
	}
}

func testUsers(t *testing.T, cfg Config) {
	ctx := context.Background()
	s := open(t, cfg)
	alice := mustUser(t, s, "Alice", store.RoleAdmin)
	bob := mustUser(t, s, "bob", store.RoleReviewer)
	if alice.ID == 0 || bob.ID == 0 || alice.ID == bob.ID || alice.CreatedAt.IsZero() {
		t.Fatalf("CreateUser: ids %d, %d, created %v", alice.ID, bob.ID, alice.CreatedAt)
	}

	bad := []struct {
		name string
		u    store.User
		want error
	}{
		{"same name other case", store.User{Name: "ALICE", Role: store.RoleReviewer, PasswordHash: hash(t, "x")}, store.ErrDuplicate},
		{"empty name", store.User{Name: " ", Role: store.RoleReviewer, PasswordHash: hash(t, "x")}, store.ErrInvalid},
		{"long name", store.User{Name: strings.Repeat("n", 65), Role: store.RoleReviewer, PasswordHash: hash(t, "x")}, store.ErrInvalid},
		{"unknown role", store.User{Name: "carol", Role: "owner", PasswordHash: hash(t, "x")}, store.ErrInvalid},
		{"clear password", store.User{Name: "carol", Role: store.RoleReviewer, PasswordHash: []byte("hunter2")}, store.ErrInvalid},
		{"no password", store.User{Name: "carol", Role: store.RoleReviewer}, store.ErrInvalid},
	}
	for _, tc := range bad {
		_, err := s.CreateUser(ctx, tc.u)
		wantErr(t, "CreateUser "+tc.name, err, tc.want)
	}
	argon := []byte("$argon2id$v=19$m=65536,t=3,p=2$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG")
	if _, err := s.CreateUser(ctx, store.User{Name: "dora", Role: store.RoleReviewer, PasswordHash: argon}); err != nil {
		t.Fatalf("CreateUser with argon2id hash: %v", err)
	}

	got, err := s.GetUser(ctx, alice.ID)
	wantErr(t, "GetUser", err, nil)
	if diff := cmp.Diff(alice, got); diff != "" {
		t.Errorf("GetUser (-want +got):\n%s", diff)
	}
	got, err = s.GetUserByName(ctx, "BOB")
	wantErr(t, "GetUserByName", err, nil)
	if diff := cmp.Diff(bob, got); diff != "" {
		t.Errorf("GetUserByName (-want +got):\n%s", diff)
	}
	_, err = s.GetUser(ctx, 99999)
	wantErr(t, "GetUser missing", err, store.ErrNotFound)
	_, err = s.GetUserByName(ctx, "nobody")
	wantErr(t, "GetUserByName missing", err, store.ErrNotFound)

	all, err := s.ListUsers(ctx)
	wantErr(t, "ListUsers", err, nil)
	var names []string
	for _, u := range all {
		names = append(names, u.Name)
	}
	if diff := cmp.Diff([]string{"Alice", "bob", "dora"}, names); diff != "" {
		t.Errorf("ListUsers names (-want +got):\n%s", diff)
	}

	wantErr(t, "SetUserRole", s.SetUserRole(ctx, bob.ID, store.RoleAdmin), nil)
	wantErr(t, "SetUserRole bad", s.SetUserRole(ctx, bob.ID, "root"), store.ErrInvalid)
	wantErr(t, "SetUserRole missing", s.SetUserRole(ctx, 99999, store.RoleAdmin), store.ErrNotFound)
	if got, _ := s.GetUser(ctx, bob.ID); got.Role != store.RoleAdmin {
		t.Errorf("role after SetUserRole = %q, want admin", got.Role)
	}

	newHash := hash(t, "new secret")
	wantErr(t, "SetPasswordHash", s.SetPasswordHash(ctx, bob.ID, newHash), nil)
	wantErr(t, "SetPasswordHash clear", s.SetPasswordHash(ctx, bob.ID, []byte("new secret")), store.ErrInvalid)
	wantErr(t, "SetPasswordHash missing", s.SetPasswordHash(ctx, 99999, newHash), store.ErrNotFound)
	got, _ = s.GetUser(ctx, bob.ID)
	if bcrypt.CompareHashAndPassword(got.PasswordHash, []byte("new secret")) != nil {
		t.Errorf("stored hash does not match the new password")
	}

	// The hash must not leak through printing or JSON.
	js, _ := json.Marshal(got)
	for _, out := range []string{got.String(), fmt.Sprintf("%v %+v %#v", got, got, got), string(js)} {
		if strings.Contains(out, string(got.PasswordHash)) || strings.Contains(out, "$2a$") {
			t.Errorf("password hash leaked in %q", out)
		}
	}
}

func testSessions(t *testing.T, cfg Config) {
	ctx := context.Background()
	s := open(t, cfg)
	u := mustUser(t, s, "rev", store.RoleReviewer)
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	live := store.Session{TokenHash: store.HashToken("tok-live"), UserID: u.ID, CSRFToken: "csrf-0123456789abcdef",
		CreatedAt: now, ExpiresAt: now.Add(time.Hour)}
	old := store.Session{TokenHash: store.HashToken("tok-old"), UserID: u.ID, CSRFToken: "csrf-fedcba9876543210",
		CreatedAt: now.Add(-2 * time.Hour), ExpiresAt: now.Add(-time.Hour)}
	wantErr(t, "CreateSession live", s.CreateSession(ctx, live), nil)
	wantErr(t, "CreateSession old", s.CreateSession(ctx, old), nil)
	wantErr(t, "CreateSession repeat", s.CreateSession(ctx, live), store.ErrDuplicate)
	wantErr(t, "CreateSession raw token", s.CreateSession(ctx, store.Session{TokenHash: []byte("tok"), UserID: u.ID,
		CSRFToken: "csrf-0123456789abcdef", ExpiresAt: now}), store.ErrInvalid)
	wantErr(t, "CreateSession short csrf", s.CreateSession(ctx, store.Session{TokenHash: store.HashToken("t2"), UserID: u.ID,
		CSRFToken: "x", ExpiresAt: now}), store.ErrInvalid)
	wantErr(t, "CreateSession no user", s.CreateSession(ctx, store.Session{TokenHash: store.HashToken("t3"), UserID: 99999,
		CSRFToken: "csrf-0123456789abcdef", ExpiresAt: now.Add(time.Hour)}), store.ErrNotFound)

	gotS, gotU, err := s.GetSession(ctx, store.HashToken("tok-live"), now)
	wantErr(t, "GetSession", err, nil)
	if diff := cmp.Diff(live, gotS); diff != "" {
		t.Errorf("GetSession session (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(u, gotU); diff != "" {
		t.Errorf("GetSession user (-want +got):\n%s", diff)
	}
	_, _, err = s.GetSession(ctx, store.HashToken("tok-live"), now.Add(time.Hour))
	wantErr(t, "GetSession at expiry", err, store.ErrNotFound)
	_, _, err = s.GetSession(ctx, store.HashToken("tok-old"), now)
	wantErr(t, "GetSession expired", err, store.ErrNotFound)
	_, _, err = s.GetSession(ctx, store.HashToken("nope"), now)
	wantErr(t, "GetSession unknown", err, store.ErrNotFound)

	n, err := s.DeleteExpiredSessions(ctx, now)
	if err != nil || n != 1 {
		t.Fatalf("DeleteExpiredSessions = %d, %v; want 1", n, err)
	}
	wantErr(t, "DeleteSession", s.DeleteSession(ctx, store.HashToken("tok-live")), nil)
	wantErr(t, "DeleteSession again", s.DeleteSession(ctx, store.HashToken("tok-live")), store.ErrNotFound)

	// A password change ends every session of the user.
	wantErr(t, "CreateSession 2", s.CreateSession(ctx, live), nil)
	wantErr(t, "SetPasswordHash", s.SetPasswordHash(ctx, u.ID, hash(t, "changed")), nil)
	_, _, err = s.GetSession(ctx, store.HashToken("tok-live"), now)
	wantErr(t, "GetSession after password change", err, store.ErrNotFound)

	// Disabling ends sessions and refuses new ones until re-enabled.
	wantErr(t, "CreateSession 3", s.CreateSession(ctx, live), nil)
	wantErr(t, "SetUserDisabled", s.SetUserDisabled(ctx, u.ID, true), nil)
	wantErr(t, "SetUserDisabled missing", s.SetUserDisabled(ctx, 99999, true), store.ErrNotFound)
	_, _, err = s.GetSession(ctx, store.HashToken("tok-live"), now)
	wantErr(t, "GetSession of a disabled user", err, store.ErrNotFound)
	wantErr(t, "CreateSession while disabled", s.CreateSession(ctx, live), nil)
	_, _, err = s.GetSession(ctx, store.HashToken("tok-live"), now)
	wantErr(t, "GetSession created while disabled", err, store.ErrNotFound)
	if got, _ := s.GetUser(ctx, u.ID); !got.Disabled {
		t.Errorf("GetUser after SetUserDisabled: Disabled = false")
	}
	wantErr(t, "SetUserDisabled false", s.SetUserDisabled(ctx, u.ID, false), nil)
	if _, gotU, err := s.GetSession(ctx, store.HashToken("tok-live"), now); err != nil || gotU.Disabled {
		t.Errorf("GetSession after re-enabling: %v, disabled %t", err, gotU.Disabled)
	}
}

func testCancelled(t *testing.T, cfg Config) {
	s := open(t, cfg)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := s.ListUsers(ctx)
	wantErr(t, "ListUsers with cancelled context", err, context.Canceled)
	_, err = s.CreateUser(ctx, store.User{Name: "x", Role: store.RoleAdmin, PasswordHash: hash(t, "x")})
	if err == nil {
		t.Fatal("CreateUser with cancelled context succeeded")
	}
	if us, err := s.ListUsers(context.Background()); err != nil || len(us) != 0 {
		t.Fatalf("after cancelled CreateUser: users %v, %v; want none", us, err)
	}
}
