package sources

import (
	"sync"
	"testing"
)

var (
	bundledOnce sync.Once
	bundledLib  *Library
	bundledErr  error
)

// bundled returns the bundled library, built once per test binary.
func bundled(t testing.TB) *Library {
	t.Helper()
	bundledOnce.Do(func() { bundledLib, bundledErr = Bundled() })
	if bundledErr != nil {
		t.Fatal(bundledErr)
	}
	return bundledLib
}
