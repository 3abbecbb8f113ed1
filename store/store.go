// Package store persists what tend's review app and server need to remember:
// accounts and sessions, review tasks with their items, assignments and
// ratings, an audit log, and logged conversations.
//
// There is one interface, Store, and two implementations that pass the same
// conformance suite (package storetest): SQLite through modernc.org/sqlite,
// the embedded default, and PostgreSQL through pgx for teams that run several
// replicas. Open picks one from a data source name. Both apply the versioned
// migrations embedded in this package when they open.
//
// The store never sees a password or a session token in clear: callers hash
// passwords with bcrypt or argon2id and session tokens with HashToken, and the
// store refuses a password hash it does not recognise. PII scrubbing of stored
// text is the caller's job.
package store

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Sentinel errors. Every error a Store returns for one of these conditions
// wraps the sentinel, so check with errors.Is.
var (
	// ErrNotFound: the record, or a record it refers to, does not exist.
	ErrNotFound = errors.New("not found")
	// ErrDuplicate: a record with the same unique key already exists.
	ErrDuplicate = errors.New("already exists")
	// ErrConflict: the request is well formed but clashes with the current
	// state, such as a k-th+1 reviewer for an item or a draft saved over a
	// submitted rating.
	ErrConflict = errors.New("conflict")
	// ErrInvalid: a field is missing or out of range.
	ErrInvalid = errors.New("invalid")
)

// Store is the persistence interface shared by the SQLite and PostgreSQL
// implementations. Every method is safe for concurrent use, and every method
// that changes more than one row does so in a single transaction.
type Store interface {
	// CreateUser adds an account; the ID and CreatedAt of u are ignored and
	// set by the store. A name already taken (case-insensitively) is
	// ErrDuplicate.
	CreateUser(ctx context.Context, u User) (User, error)
	GetUser(ctx context.Context, id int64) (User, error)
	// GetUserByName looks a user up case-insensitively, for login; the
	// caller must refuse a Disabled user.
	GetUserByName(ctx context.Context, name string) (User, error)
	ListUsers(ctx context.Context) ([]User, error)
	// SetPasswordHash replaces a user's hash and ends all of the user's
	// sessions, in one transaction.
	SetPasswordHash(ctx context.Context, userID int64, hash []byte) error
	SetUserRole(ctx context.Context, userID int64, role Role) error
	// SetUserDisabled disables or re-enables an account; disabling ends all
	// of the user's sessions in the same transaction.
	SetUserDisabled(ctx context.Context, userID int64, disabled bool) error

	// CreateSession stores a session keyed by the hash of its token.
	CreateSession(ctx context.Context, s Session) error
	// GetSession returns a live session and its user. A missing session,
	// one whose expiry is not after now, or one of a disabled user is
	// ErrNotFound.
	GetSession(ctx context.Context, tokenHash []byte, now time.Time) (Session, User, error)
	DeleteSession(ctx context.Context, tokenHash []byte) error
	// DeleteExpiredSessions removes sessions that expired at or before now
	// and reports how many.
	DeleteExpiredSessions(ctx context.Context, now time.Time) (int64, error)

	// CreateTask adds a review task; a name already in use is ErrDuplicate.
	CreateTask(ctx context.Context, t Task) (Task, error)
	GetTask(ctx context.Context, id int64) (Task, error)
	ListTasks(ctx context.Context) ([]Task, error)

	// AddItems adds items to a task in one transaction and returns them with
	// their IDs. If any item is invalid or repeats a SourceRef already in the
	// task, nothing is added.
	AddItems(ctx context.Context, taskID int64, items []Item) ([]Item, error)
	GetItem(ctx context.Context, id int64) (Item, error)
	ListItems(ctx context.Context, taskID int64) ([]Item, error)

	// Assign gives one item to one reviewer. A repeat is ErrDuplicate; a
	// reviewer beyond the task's k is ErrConflict.
	Assign(ctx context.Context, itemID, reviewerID int64) error
	// AssignTask tops every item of a task up to k reviewers drawn from
	// reviewerIDs, least-loaded first, in one transaction, and reports how
	// many assignments it made. Too few reviewers is ErrConflict.
	AssignTask(ctx context.Context, taskID int64, reviewerIDs []int64) (int, error)
	// ListAssignments lists a reviewer's assignments in a task, by item.
	ListAssignments(ctx context.Context, taskID, reviewerID int64) ([]Assignment, error)
	// NextItem returns the reviewer's first assigned item in the task that
	// has no submitted rating; ErrNotFound when the queue is empty.
	NextItem(ctx context.Context, taskID, reviewerID int64) (Item, error)
	// Progress counts assigned and submitted items per reviewer of a task.
	Progress(ctx context.Context, taskID int64) ([]Progress, error)

	// SaveRating creates or replaces the rating of (ItemID, ReviewerID) and
	// returns it as stored. The reviewer must be assigned the item
	// (ErrNotFound otherwise). A draft (Submitted false) may not replace a
	// submitted rating (ErrConflict). Submitting marks the assignment done
	// and appends an audit entry; the rating, the assignment and the audit
	// entry are written in one transaction, so a failure leaves none of them.
	SaveRating(ctx context.Context, r Rating) (Rating, error)
	GetRating(ctx context.Context, itemID, reviewerID int64) (Rating, error)
	// ListRatings returns every rating of a task, drafts included, ordered
	// by item then reviewer.
	ListRatings(ctx context.Context, taskID int64) ([]Rating, error)

	// AppendAudit records an action. A zero At means now.
	AppendAudit(ctx context.Context, e AuditEntry) error
	// ListAudit returns entries matching q, newest first.
	ListAudit(ctx context.Context, q AuditQuery) ([]AuditEntry, error)

	// PutConversation inserts a conversation or replaces the one with the
	// same ID, keeping its original CreatedAt. A zero UpdatedAt means now.
	PutConversation(ctx context.Context, c StoredConversation) error
	GetConversation(ctx context.Context, id string) (StoredConversation, error)
	// ListConversations returns conversations last updated in
	// [q.Since, q.Until), oldest first.
	ListConversations(ctx context.Context, q ConversationQuery) ([]StoredConversation, error)
	// DeleteConversationsBefore removes conversations last updated before t,
	// for retention, and reports how many.
	DeleteConversationsBefore(ctx context.Context, t time.Time) (int64, error)

	// SchemaVersion reports the highest migration applied.
	SchemaVersion(ctx context.Context) (int, error)
	Close() error
}

// Open opens the store named by dsn and brings its schema up to date.
// "postgres://…" and "postgresql://…" open PostgreSQL; "sqlite:PATH" or a
// plain file path opens SQLite.
func Open(ctx context.Context, dsn string) (Store, error) {
	switch {
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		return OpenPostgres(ctx, dsn)
	case strings.HasPrefix(dsn, "sqlite:"):
		return OpenSQLite(ctx, strings.TrimPrefix(dsn, "sqlite:"))
	case dsn == "":
		return nil, fmt.Errorf("store: empty data source name")
	default:
		return OpenSQLite(ctx, dsn)
	}
}

// HashToken is the one-way hash under which a session token is stored, so a
// copy of the database does not hand out live sessions.
func HashToken(token string) []byte {
	h := sha256.Sum256([]byte(token))
	return h[:]
}
