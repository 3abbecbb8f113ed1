// Runs the conformance suite against the SQLite backend.
package store_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/tend-project/tend/store"
	"github.com/tend-project/tend/store/storetest"
)

func newSQLite(t *testing.T) store.Store {
	t.Helper()
	s, err := store.OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "tend.db"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSQLiteConformance(t *testing.T) {
	storetest.Run(t, storetest.Config{New: newSQLite, InjectRatingFault: store.InjectRatingFault})
}
