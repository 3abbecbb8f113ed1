// Tests of the migration runner on both backends, and of Open's handling of
// data source names.
package store

import (
	"context"
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/tend-project/tend/store/internal/pgtest"
)

func TestLoadMigrations(t *testing.T) {
	file := func(sql string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(sql)} }
	tests := []struct {
		name    string
		fs      fstest.MapFS
		want    int
		wantErr string
	}{
		{"ordered", fstest.MapFS{"m/0002_b.sql": file("B"), "m/0001_a.sql": file("A"), "m/README": file("x")}, 2, ""},
		{"gap", fstest.MapFS{"m/0001_a.sql": file("A"), "m/0003_c.sql": file("C")}, 0, "version 3, want 2"},
		{"repeat", fstest.MapFS{"m/0001_a.sql": file("A"), "m/0001_b.sql": file("B")}, 0, "version 1, want 2"},
		{"bad name", fstest.MapFS{"m/init.sql": file("A")}, 0, "must look like 0001_description.sql"},
		{"empty", fstest.MapFS{"m/README": file("x")}, 0, "no .sql files"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ms, err := loadMigrations(tc.fs, "m")
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("error %v, want one containing %q", err, tc.wantErr)
				}
				return
			}
			if err != nil || len(ms) != tc.want || ms[0].sql != "A" {
				t.Fatalf("got %d migrations, %v; want %d starting with A", len(ms), err, tc.want)
			}
		})
	}
}

// TestEmbeddedMigrations checks that both backends ship the same versions.
func TestEmbeddedMigrations(t *testing.T) {
	lite, err := loadMigrations(migrationsFS, "migrations/sqlite")
	if err != nil {
		t.Fatal(err)
	}
	pg, err := loadMigrations(migrationsFS, "migrations/postgres")
	if err != nil {
		t.Fatal(err)
	}
	if len(lite) != len(pg) {
		t.Fatalf("sqlite has %d migrations, postgres %d", len(lite), len(pg))
	}
	for i := range lite {
		if lite[i].name != pg[i].name {
			t.Errorf("migration %d: sqlite %s, postgres %s", i+1, lite[i].name, pg[i].name)
		}
	}
}

func TestMigrateSQLite(t *testing.T) {
	testMigrate(t, func(t *testing.T) db {
		d, err := openSQLiteDB(context.Background(), filepath.Join(t.TempDir(), "m.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { d.close() })
		return d
	})
}

func TestMigratePostgres(t *testing.T) {
	pgtest.URL(t)
	testMigrate(t, func(t *testing.T) db {
		d, err := openPostgresDB(context.Background(), pgtest.SchemaURL(t))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { d.close() })
		return d
	})
}

func testMigrate(t *testing.T, newDB func(t *testing.T) db) {
	ctx := context.Background()
	v1 := fstest.MapFS{"m/0001_a.sql": {Data: []byte("CREATE TABLE a (x INTEGER NOT NULL);\nINSERT INTO a (x) VALUES (1);")}}
	bad := fstest.MapFS{
		"m/0001_a.sql": v1["m/0001_a.sql"],
		"m/0002_b.sql": {Data: []byte("CREATE TABLE b (x INTEGER);\nINSERT INTO no_such_table (x) VALUES (1);")},
	}
	v2 := fstest.MapFS{
		"m/0001_a.sql": v1["m/0001_a.sql"],
		"m/0002_b.sql": {Data: []byte("CREATE TABLE b (x INTEGER);\nINSERT INTO b (x) SELECT x + 1 FROM a;")},
	}
	version := func(d db) int {
		var v int
		if err := d.queryRow(ctx, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations").Scan(&v); err != nil {
			t.Fatal(err)
		}
		return v
	}

	t.Run("apply, repeat, fail, upgrade", func(t *testing.T) {
		d := newDB(t)
		if err := migrate(ctx, d, v1, "m"); err != nil {
			t.Fatal(err)
		}
		if err := migrate(ctx, d, v1, "m"); err != nil {
			t.Fatalf("second run: %v", err)
		}
		var n int
		if err := d.queryRow(ctx, "SELECT COUNT(*) FROM a").Scan(&n); err != nil || n != 1 {
			t.Fatalf("table a has %d rows, %v; want 1 (migration applied once)", n, err)
		}
		err := migrate(ctx, d, bad, "m")
		if err == nil || !strings.Contains(err.Error(), "0002_b.sql") {
			t.Fatalf("failing migration: error %v, want one naming 0002_b.sql", err)
		}
		if v := version(d); v != 1 {
			t.Errorf("version after failed migration = %d, want 1", v)
		}
		if err := d.queryRow(ctx, "SELECT COUNT(*) FROM b").Scan(&n); err == nil {
			t.Errorf("table b exists after its migration failed")
		}
		if err := migrate(ctx, d, v2, "m"); err != nil {
			t.Fatal(err)
		}
		if v := version(d); v != 2 {
			t.Errorf("version = %d, want 2", v)
		}
		err = migrate(ctx, d, v1, "m")
		if err == nil || !strings.Contains(err.Error(), "newer than this tend") {
			t.Errorf("old binary on new schema: error %v, want 'newer than this tend'", err)
		}
	})

	t.Run("concurrent", func(t *testing.T) {
		d := newDB(t)
		var wg sync.WaitGroup
		errs := make([]error, 4)
		for i := range errs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				errs[i] = migrate(ctx, d, v2, "m")
			}()
		}
		wg.Wait()
		if err := errors.Join(errs...); err != nil {
			t.Fatal(err)
		}
		var n int
		if err := d.queryRow(ctx, "SELECT COUNT(*) FROM b").Scan(&n); err != nil || n != 1 || version(d) != 2 {
			t.Errorf("after concurrent migrations: b has %d rows (%v), version %d; want 1 row, version 2", n, err, version(d))
		}
	})
}

func TestOpen(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	for _, dsn := range []string{"sqlite:" + filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db"), ":memory:"} {
		s, err := Open(ctx, dsn)
		if err != nil {
			t.Fatalf("Open(%q): %v", dsn, err)
		}
		if v, err := s.SchemaVersion(ctx); err != nil || v < 1 {
			t.Errorf("Open(%q): schema version %d, %v", dsn, v, err)
		}
		s.Close()
	}
	// Reopening an existing file applies nothing new and keeps the data.
	s, err := Open(ctx, filepath.Join(dir, "b.db"))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.AppendAudit(ctx, AuditEntry{Action: "x"}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(ctx, filepath.Join(dir, "b.db"))
	if err != nil {
		t.Fatal(err)
	}
	if es, _ := s.ListAudit(ctx, AuditQuery{}); len(es) != 1 {
		t.Errorf("after reopen: %d audit entries, want 1", len(es))
	}
	s.Close()

	for _, dsn := range []string{"", "sqlite:", "x.db?mode=ro"} {
		if _, err := Open(ctx, dsn); err == nil {
			t.Errorf("Open(%q) succeeded, want an error", dsn)
		}
	}
	// Connection errors must not echo the password.
	for _, dsn := range []string{"postgres://tend:s3cretpw@127.0.0.1:1/tend?connect_timeout=2", "postgres://tend:s3cretpw@[bad"} {
		_, err := Open(ctx, dsn)
		if err == nil || strings.Contains(err.Error(), "s3cretpw") {
			t.Errorf("Open(postgres with password): error %v; want one without the password", err)
		}
	}
}

// TestUpgrade applies the first real migration only, writes a user the way
// that schema allowed, then opens the store normally: the later migrations
// must apply on top and keep the row.
func TestUpgrade(t *testing.T) {
	ctx := context.Background()
	backends := []struct {
		name string
		dir  string
		open func(t *testing.T) (db, func() (Store, error))
	}{
		{"sqlite", "migrations/sqlite", func(t *testing.T) (db, func() (Store, error)) {
			path := filepath.Join(t.TempDir(), "up.db")
			d, err := openSQLiteDB(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			return d, func() (Store, error) { return OpenSQLite(ctx, path) }
		}},
		{"postgres", "migrations/postgres", func(t *testing.T) (db, func() (Store, error)) {
			url := pgtest.SchemaURL(t)
			d, err := openPostgresDB(ctx, url)
			if err != nil {
				t.Fatal(err)
			}
			return d, func() (Store, error) { return OpenPostgres(ctx, url) }
		}},
	}
	for _, be := range backends {
		t.Run(be.name, func(t *testing.T) {
			d, reopen := be.open(t)
			b, err := fs.ReadFile(migrationsFS, be.dir+"/0001_init.sql")
			if err != nil {
				t.Fatal(err)
			}
			if err := migrate(ctx, d, fstest.MapFS{"m/0001_init.sql": {Data: b}}, "m"); err != nil {
				t.Fatal(err)
			}
			hash := "$2a$04$" + strings.Repeat("a", 53)
			if _, err := d.exec(ctx, "INSERT INTO users (name, role, password_hash, created_at) VALUES ($1, $2, $3, $4)",
				"old", "reviewer", []byte(hash), ts(time.Now())); err != nil {
				t.Fatal(err)
			}
			d.close()
			s, err := reopen()
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			all, _ := loadMigrations(migrationsFS, be.dir)
			if v, err := s.SchemaVersion(ctx); err != nil || v != len(all) {
				t.Errorf("SchemaVersion = %d, %v; want %d", v, err, len(all))
			}
			u, err := s.GetUserByName(ctx, "old")
			if err != nil || u.Disabled || string(u.PasswordHash) != hash {
				t.Errorf("user after upgrade: %v, %v", u, err)
			}
		})
	}
}
