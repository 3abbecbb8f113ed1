// Runs the conformance suite against PostgreSQL. Set TEND_TEST_POSTGRES_URL to
// a postgres:// URL of a database the user may create schemas in; each test
// gets its own schema, dropped afterwards. Without the variable the tests skip
// locally and fail in CI (CI=true), so they cannot be skipped silently there.
package store_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/tend-project/tend/store"
	"github.com/tend-project/tend/store/storetest"
)

const postgresEnv = "TEND_TEST_POSTGRES_URL"

// postgresURL returns the test database URL, skipping or failing without one.
func postgresURL(t testing.TB) string {
	t.Helper()
	u := os.Getenv(postgresEnv)
	if u == "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is not set; CI must run the PostgreSQL tests (see .ci/run)", postgresEnv)
		}
		t.Skipf("%s not set; skipping PostgreSQL tests", postgresEnv)
	}
	return u
}

// newPostgres opens a store in a fresh schema of the test database.
func newPostgres(t testing.TB) store.Store {
	t.Helper()
	base := postgresURL(t)
	ctx := context.Background()
	b := make([]byte, 6)
	rand.Read(b)
	schema := "tend_test_" + hex.EncodeToString(b)

	admin, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("connect to %s: %v", postgresEnv, err)
	}
	defer admin.Close(ctx)
	if _, err := admin.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		c, err := pgx.Connect(context.Background(), base)
		if err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
			return
		}
		defer c.Close(context.Background())
		if _, err := c.Exec(context.Background(), "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
	})

	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("%s: not a URL", postgresEnv)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	s, err := store.OpenPostgres(ctx, u.String())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestPostgresConformance(t *testing.T) {
	postgresURL(t)
	storetest.Run(t, storetest.Config{
		New:               func(t *testing.T) store.Store { return newPostgres(t) },
		InjectRatingFault: store.InjectRatingFault,
	})
}
