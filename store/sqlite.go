// The SQLite backend: modernc.org/sqlite (pure Go) behind database/sql, in WAL
// mode with a busy timeout and foreign keys on. Write transactions begin
// IMMEDIATE so concurrent writers wait their turn rather than fail.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// SQLiteBusyTimeoutMS is how long a writer waits for the write lock.
const SQLiteBusyTimeoutMS = 10000

// OpenSQLite opens (creating if needed) the database file at path and applies
// pending migrations. ":memory:" gives a private in-memory database limited to
// one connection.
func OpenSQLite(ctx context.Context, path string) (Store, error) {
	d, err := openSQLiteDB(ctx, path)
	if err != nil {
		return nil, err
	}
	if err := migrate(ctx, d, migrationsFS, "migrations/sqlite"); err != nil {
		d.close()
		return nil, fmt.Errorf("store: sqlite: %s: %w", path, err)
	}
	return newSQLStore(d), nil
}

func openSQLiteDB(ctx context.Context, path string) (*sqliteDB, error) {
	if path == "" {
		return nil, fmt.Errorf("store: sqlite: empty path")
	}
	if strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("store: sqlite: path %q may not contain '?' or '#'", path)
	}
	dsn := "file:" + path + "?" + strings.Join([]string{
		fmt.Sprintf("_pragma=busy_timeout(%d)", SQLiteBusyTimeoutMS),
		"_pragma=journal_mode(WAL)",
		"_pragma=foreign_keys(1)",
		"_pragma=synchronous(NORMAL)",
		"_txlock=immediate",
		// Times are stored as integer microseconds since the epoch in
		// columns declared TIMESTAMP, which sort and compare correctly.
		"_time_integer_format=unix_micro",
		"_inttotime=1",
	}, "&")
	sdb, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("store: sqlite: %w", err)
	}
	if path == ":memory:" {
		sdb.SetMaxOpenConns(1)
	}
	if err := sdb.PingContext(ctx); err != nil {
		sdb.Close()
		return nil, fmt.Errorf("store: sqlite: open %s: %w", path, err)
	}
	return newSQLiteDB(sdb), nil
}

// sqliteClassify maps SQLite's extended result codes to sentinels.
func sqliteClassify(err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() {
		case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
			return wrapKind(kindUnique, err)
		case sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
			return wrapKind(kindForeignKey, err)
		case sqlite3.SQLITE_CONSTRAINT_CHECK, sqlite3.SQLITE_CONSTRAINT_NOTNULL:
			return wrapKind(kindCheck, err)
		}
	}
	return err
}

type sqlRunner interface {
	ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
}

type sqliteQuerier struct{ r sqlRunner }

func (q sqliteQuerier) exec(ctx context.Context, s string, args ...any) (int64, error) {
	res, err := q.r.ExecContext(ctx, s, args...)
	if err != nil {
		return 0, sqliteClassify(err)
	}
	return res.RowsAffected()
}

func (q sqliteQuerier) query(ctx context.Context, s string, args ...any) (rows, error) {
	rs, err := q.r.QueryContext(ctx, s, args...)
	if err != nil {
		return nil, sqliteClassify(err)
	}
	return sqliteRows{rs}, nil
}

func (q sqliteQuerier) queryRow(ctx context.Context, s string, args ...any) row {
	return sqliteRow{q.r.QueryRowContext(ctx, s, args...)}
}

type sqliteRow struct{ r *sql.Row }

func (r sqliteRow) Scan(dest ...any) error { return sqliteClassify(r.r.Scan(dest...)) }

type sqliteRows struct{ *sql.Rows }

func (r sqliteRows) Close()                 { r.Rows.Close() }
func (r sqliteRows) Err() error             { return sqliteClassify(r.Rows.Err()) }
func (r sqliteRows) Scan(dest ...any) error { return sqliteClassify(r.Rows.Scan(dest...)) }

// sqliteDB queues this process's writers on a semaphore before they ask
// SQLite for its single write lock. SQLite's own busy handler polls with
// sleeps of up to 100 ms, which under many concurrent reviewers turns into
// long tail latencies; a Go-side queue hands the lock over at once. The busy
// timeout still arbitrates between processes.
type sqliteDB struct {
	sdb   *sql.DB
	write chan struct{}
}

func newSQLiteDB(sdb *sql.DB) *sqliteDB {
	return &sqliteDB{sdb: sdb, write: make(chan struct{}, 1)}
}

func (d *sqliteDB) lock(ctx context.Context) error {
	select {
	case d.write <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (d *sqliteDB) unlock() { <-d.write }

func (d *sqliteDB) exec(ctx context.Context, s string, args ...any) (int64, error) {
	if err := d.lock(ctx); err != nil {
		return 0, err
	}
	defer d.unlock()
	return sqliteQuerier{d.sdb}.exec(ctx, s, args...)
}
func (d *sqliteDB) query(ctx context.Context, s string, args ...any) (rows, error) {
	return sqliteQuerier{d.sdb}.query(ctx, s, args...)
}
func (d *sqliteDB) queryRow(ctx context.Context, s string, args ...any) row {
	return sqliteQuerier{d.sdb}.queryRow(ctx, s, args...)
}

func (d *sqliteDB) begin(ctx context.Context) (tx, error) {
	if err := d.lock(ctx); err != nil {
		return nil, err
	}
	t, err := d.sdb.BeginTx(ctx, nil)
	if err != nil {
		d.unlock()
		return nil, sqliteClassify(err)
	}
	return &sqliteTx{sqliteQuerier: sqliteQuerier{t}, t: t, d: d}, nil
}

func (d *sqliteDB) lockRow(string) string { return "" }

// lockMigrations has nothing to do: the IMMEDIATE transaction already holds
// the database's only write lock.
func (d *sqliteDB) lockMigrations(context.Context, tx) error { return nil }

func (d *sqliteDB) close() error { return d.sdb.Close() }

type sqliteTx struct {
	sqliteQuerier
	t    *sql.Tx
	d    *sqliteDB
	done bool
}

// end releases the write queue once, whichever of commit or rollback ran.
func (t *sqliteTx) end() {
	if !t.done {
		t.done = true
		t.d.unlock()
	}
}

func (t *sqliteTx) commit(context.Context) error {
	defer t.end()
	return sqliteClassify(t.t.Commit())
}

func (t *sqliteTx) rollback(context.Context) error {
	defer t.end()
	return t.t.Rollback()
}
