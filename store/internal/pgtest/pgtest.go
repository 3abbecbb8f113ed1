// Package pgtest gives each PostgreSQL test its own empty schema in the
// database named by TEND_TEST_POSTGRES_URL. Without the variable, tests skip
// locally and fail in CI (CI=true), so CI cannot skip them silently.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"
)

// Env names the variable holding the test database's postgres:// URL.
const Env = "TEND_TEST_POSTGRES_URL"

// URL returns the test database URL, skipping or failing the test without one.
func URL(t testing.TB) string {
	t.Helper()
	u := os.Getenv(Env)
	if u == "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is not set; CI must run the PostgreSQL tests (see .ci/run)", Env)
		}
		t.Skipf("%s not set; skipping PostgreSQL tests", Env)
	}
	return u
}

// SchemaURL creates a fresh schema, registers its removal with t.Cleanup,
// and returns a URL whose connections use it as their search_path.
func SchemaURL(t testing.TB) string {
	t.Helper()
	base := URL(t)
	ctx := context.Background()
	b := make([]byte, 6)
	rand.Read(b)
	schema := "tend_test_" + hex.EncodeToString(b)

	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("%s: not a URL", Env)
	}
	admin, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("connect to %s: %v", Env, err)
	}
	defer admin.Close(ctx)
	if _, err := admin.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		ctx := context.Background()
		c, err := pgx.Connect(ctx, base)
		if err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
			return
		}
		defer c.Close(ctx)
		if _, err := c.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
	})
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}
