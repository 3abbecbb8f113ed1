// The seam between the shared SQL code and the two drivers. sqlStore (its
// methods are in accounts.go, review.go, ratings.go and logs.go) holds every
// query; each backend adapts its driver to the small db interface below and
// turns driver errors into the package's sentinels, so that the queries and
// their error handling exist once.
package store

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// row and rows are what both database/sql and pgx already provide, minus the
// differences in Close's signature.
type row interface {
	Scan(dest ...any) error
}

type rows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
	Close()
}

// querier runs statements written with $1, $2, … placeholders, which both
// SQLite and PostgreSQL accept. Errors come back already classified (see
// classify), and a row that finds nothing scans to ErrNotFound.
type querier interface {
	exec(ctx context.Context, q string, args ...any) (int64, error)
	query(ctx context.Context, q string, args ...any) (rows, error)
	queryRow(ctx context.Context, q string, args ...any) row
}

type tx interface {
	querier
	commit(ctx context.Context) error
	rollback(ctx context.Context) error
}

// db is one backend.
type db interface {
	querier
	// begin starts a transaction that takes the write lock at once on
	// SQLite (BEGIN IMMEDIATE), so that concurrent writers queue on the busy
	// timeout instead of failing when they upgrade a read lock.
	begin(ctx context.Context) (tx, error)
	// lockRow is the suffix that locks the selected rows of table (a name
	// or alias in the FROM clause) for the rest of the transaction: a row
	// lock on PostgreSQL, "" on SQLite, where the transaction already holds
	// the database's write lock.
	lockRow(table string) string
	// lockMigrations serialises schema upgrades from several processes.
	lockMigrations(ctx context.Context, t tx) error
	close() error
}

// errorKind is what a backend's constraint error means to callers.
type errorKind int

const (
	kindOther errorKind = iota
	kindUnique
	kindForeignKey
	kindCheck
)

func wrapKind(k errorKind, err error) error {
	switch k {
	case kindUnique:
		return fmt.Errorf("%w: %v", ErrDuplicate, err)
	case kindForeignKey:
		return fmt.Errorf("%w: referenced record: %v", ErrNotFound, err)
	case kindCheck:
		return fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	return err
}

// sqlStore implements Store on top of a db.
type sqlStore struct {
	db db
	// faultAfterRating, when set (by tests only), fails SaveRating after the
	// rating row is written and before the transaction commits.
	faultAfterRating error
}

func newSQLStore(d db) *sqlStore { return &sqlStore{db: d} }

// ts normalises a time to what both backends keep: UTC, microseconds.
func ts(t time.Time) time.Time { return t.UTC().Truncate(time.Microsecond) }

func (s *sqlStore) clock() time.Time { return ts(time.Now()) }

// inTx runs fn in a transaction and commits if fn returns nil.
func (s *sqlStore) inTx(ctx context.Context, fn func(t tx) error) error {
	t, err := s.db.begin(ctx)
	if err != nil {
		return fmt.Errorf("store: begin: %w", err)
	}
	if err := fn(t); err != nil {
		if rerr := t.rollback(context.WithoutCancel(ctx)); rerr != nil {
			return errors.Join(err, fmt.Errorf("store: rollback: %w", rerr))
		}
		return err
	}
	if err := t.commit(ctx); err != nil {
		return fmt.Errorf("store: commit: %w", err)
	}
	return nil
}

func (s *sqlStore) Close() error { return s.db.close() }

// collect scans every row with scan and closes rs.
func collect[T any](rs rows, err error, scan func(r row) (T, error)) ([]T, error) {
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	var out []T
	for rs.Next() {
		v, err := scan(rs)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rs.Err()
}

// nullInt maps 0 to SQL NULL, for optional scores and actor IDs.
func nullInt(v int64) any {
	if v == 0 {
		return nil
	}
	return v
}
