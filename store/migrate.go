// Versioned schema migrations. Each backend has its own directory of SQL files
// named NNNN_description.sql, embedded in the binary. A migration and the row
// that records it in schema_migrations are committed in one transaction, so a
// failed migration leaves the schema as it was.
package store

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"
)

//go:embed migrations/sqlite/*.sql migrations/postgres/*.sql
var migrationsFS embed.FS

type migration struct {
	version int
	name    string
	sql     string
}

// loadMigrations reads dir, checking that versions start at 1 and have no
// gaps or repeats.
func loadMigrations(fsys fs.FS, dir string) ([]migration, error) {
	ents, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("migrations: %w", err)
	}
	var ms []migration
	for _, e := range ents {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".sql") {
			continue
		}
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migrations: %s: name must look like 0001_description.sql", path.Join(dir, e.Name()))
		}
		b, err := fs.ReadFile(fsys, path.Join(dir, e.Name()))
		if err != nil {
			return nil, fmt.Errorf("migrations: %w", err)
		}
		ms = append(ms, migration{version: v, name: e.Name(), sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			return nil, fmt.Errorf("migrations: %s: version %d, want %d (no gaps or repeats)", path.Join(dir, m.name), m.version, i+1)
		}
	}
	if len(ms) == 0 {
		return nil, fmt.Errorf("migrations: %s: no .sql files", dir)
	}
	return ms, nil
}

const createMigrationsTable = `CREATE TABLE IF NOT EXISTS schema_migrations (
	version INTEGER PRIMARY KEY,
	name TEXT NOT NULL,
	applied_at TEXT NOT NULL
)`

// migrate applies, one transaction each, the migrations in dir that the
// database has not seen. A database newer than this binary is an error.
func migrate(ctx context.Context, d db, fsys fs.FS, dir string) error {
	ms, err := loadMigrations(fsys, dir)
	if err != nil {
		return err
	}
	for _, m := range ms {
		t, err := d.begin(ctx)
		if err != nil {
			return fmt.Errorf("migration %s: begin: %w", m.name, err)
		}
		err = func() error {
			if err := d.lockMigrations(ctx, t); err != nil {
				return err
			}
			if _, err := t.exec(ctx, createMigrationsTable); err != nil {
				return err
			}
			var cur int
			if err := t.queryRow(ctx, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations").Scan(&cur); err != nil {
				return err
			}
			if cur > len(ms) {
				return fmt.Errorf("database schema is version %d, newer than this tend (knows up to %d)", cur, len(ms))
			}
			if cur >= m.version {
				return nil
			}
			if _, err := t.exec(ctx, m.sql); err != nil {
				return err
			}
			_, err := t.exec(ctx, "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
				m.version, m.name, time.Now().UTC().Format(time.RFC3339))
			return err
		}()
		if err != nil {
			t.rollback(context.WithoutCancel(ctx))
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
		if err := t.commit(ctx); err != nil {
			return fmt.Errorf("migration %s: commit: %w", m.name, err)
		}
	}
	return nil
}

// SchemaVersion reports the highest migration applied.
func (s *sqlStore) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := s.db.queryRow(ctx, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations").Scan(&v)
	if err != nil {
		return 0, fmt.Errorf("store: schema version: %w", err)
	}
	return v, nil
}
