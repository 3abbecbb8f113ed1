// The PostgreSQL backend: pgx/v5 with a pgxpool connection pool, for teams
// that run several review or serving replicas against one database.
package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

// OpenPostgres connects to the database at url (a postgres:// URL or a
// key=value connection string) and applies pending migrations. Several
// processes may open the same database at once; migrations run under an
// advisory lock.
func OpenPostgres(ctx context.Context, url string) (Store, error) {
	d, err := openPostgresDB(ctx, url)
	if err != nil {
		return nil, err
	}
	if err := migrate(ctx, d, migrationsFS, "migrations/postgres"); err != nil {
		d.close()
		return nil, fmt.Errorf("store: postgres: %w", err)
	}
	return newSQLStore(d), nil
}

func openPostgresDB(ctx context.Context, url string) (*pgDB, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		// pgx's message can quote the URL, password included.
		return nil, fmt.Errorf("store: postgres: bad connection string")
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("store: postgres: %w", err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("store: postgres: connect to %s:%d/%s: %w",
			cfg.ConnConfig.Host, cfg.ConnConfig.Port, cfg.ConnConfig.Database, err)
	}
	return &pgDB{pool: pool}, nil
}

// pgClassify maps SQLSTATE codes to sentinels.
func pgClassify(err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, pgx.ErrNoRows) {
		return ErrNotFound
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "23505": // unique_violation
			return wrapKind(kindUnique, err)
		case "23503": // foreign_key_violation
			return wrapKind(kindForeignKey, err)
		case "23514", "23502", "22001": // check, not null, string too long
			return wrapKind(kindCheck, err)
		}
	}
	return err
}

type pgRunner interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

type pgQuerier struct{ r pgRunner }

func (q pgQuerier) exec(ctx context.Context, s string, args ...any) (int64, error) {
	tag, err := q.r.Exec(ctx, s, args...)
	if err != nil {
		return 0, pgClassify(err)
	}
	return tag.RowsAffected(), nil
}

func (q pgQuerier) query(ctx context.Context, s string, args ...any) (rows, error) {
	rs, err := q.r.Query(ctx, s, args...)
	if err != nil {
		return nil, pgClassify(err)
	}
	return pgRows{rs}, nil
}

func (q pgQuerier) queryRow(ctx context.Context, s string, args ...any) row {
	return pgRow{q.r.QueryRow(ctx, s, args...)}
}

type pgRow struct{ r pgx.Row }

func (r pgRow) Scan(dest ...any) error { return pgClassify(r.r.Scan(dest...)) }

type pgRows struct{ pgx.Rows }

func (r pgRows) Err() error             { return pgClassify(r.Rows.Err()) }
func (r pgRows) Scan(dest ...any) error { return pgClassify(r.Rows.Scan(dest...)) }

type pgDB struct {
	pool *pgxpool.Pool
}

func (d *pgDB) exec(ctx context.Context, s string, args ...any) (int64, error) {
	return pgQuerier{d.pool}.exec(ctx, s, args...)
}
func (d *pgDB) query(ctx context.Context, s string, args ...any) (rows, error) {
	return pgQuerier{d.pool}.query(ctx, s, args...)
}
func (d *pgDB) queryRow(ctx context.Context, s string, args ...any) row {
	return pgQuerier{d.pool}.queryRow(ctx, s, args...)
}

func (d *pgDB) begin(ctx context.Context) (tx, error) {
	t, err := d.pool.Begin(ctx)
	if err != nil {
		return nil, pgClassify(err)
	}
	return pgTx{pgQuerier{t}, t}, nil
}

// lockRow takes a row lock that still lets other transactions insert rows
// referring to the locked one.
func (d *pgDB) lockRow(table string) string { return " FOR NO KEY UPDATE OF " + table }

// migrationLockKey is an arbitrary constant naming tend's schema lock.
const migrationLockKey = 0x74656e64 // "tend"

func (d *pgDB) lockMigrations(ctx context.Context, t tx) error {
	_, err := t.exec(ctx, "SELECT pg_advisory_xact_lock($1)", int64(migrationLockKey))
	return err
}

func (d *pgDB) close() error {
	d.pool.Close()
	return nil
}

type pgTx struct {
	pgQuerier
	t pgx.Tx
}

func (t pgTx) commit(ctx context.Context) error   { return pgClassify(t.t.Commit(ctx)) }
func (t pgTx) rollback(ctx context.Context) error { return t.t.Rollback(ctx) }
