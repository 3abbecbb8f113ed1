// Runs the conformance suite against PostgreSQL. Set TEND_TEST_POSTGRES_URL to
// a postgres:// URL of a database the user may create schemas in; each test
// gets its own schema, dropped afterwards (see internal/pgtest).
package store_test

import (
	"context"
	"testing"

	"github.com/tend-project/tend/store"
	"github.com/tend-project/tend/store/internal/pgtest"
	"github.com/tend-project/tend/store/storetest"
)

func newPostgres(t testing.TB) store.Store {
	t.Helper()
	s, err := store.OpenPostgres(context.Background(), pgtest.SchemaURL(t))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestPostgresConformance(t *testing.T) {
	pgtest.URL(t)
	storetest.Run(t, storetest.Config{
		New:               func(t *testing.T) store.Store { return newPostgres(t) },
		InjectRatingFault: store.InjectRatingFault,
	})
}
