// Tests for the resource directory's provenance rules (Resource.check): every
// entry must say where its facts came from, and a verified entry when and on
// what kind of page.
package safety

import (
	"strings"
	"testing"
)

func TestResourceCheck(t *testing.T) {
	good := Resource{Name: "Line", How: "call 1", Source: "https://example.org/line",
		SourceKind: SourceService, LastVerified: "2026-11-26", Verified: true}
	tests := []struct {
		name    string
		edit    func(r *Resource)
		wantErr string // empty: valid
	}{
		{"verified service page", func(r *Resource) {}, ""},
		{"government page with quote", func(r *Resource) { r.SourceKind = SourceGovernment; r.Note = `says "call 1"` }, ""},
		{"unverified with reason", func(r *Resource) {
			r.Verified = false
			r.SourceKind = ""
			r.LastVerified = ""
			r.Note = "page not stored"
		}, ""},
		{"no name", func(r *Resource) { r.Name = "" }, "name:"},
		{"no how", func(r *Resource) { r.How = "" }, "how:"},
		{"source not a URL", func(r *Resource) { r.Source = "samaritans.org" }, "source:"},
		{"bad date", func(r *Resource) { r.LastVerified = "26/11/2026" }, "last_verified:"},
		{"unknown kind", func(r *Resource) { r.SourceKind = "blog" }, "source_kind:"},
		{"verified without date", func(r *Resource) { r.LastVerified = "" }, "last_verified: empty"},
		{"verified without kind", func(r *Resource) { r.SourceKind = "" }, "source_kind: empty"},
		{"secondary page without quote", func(r *Resource) { r.SourceKind = SourceOther }, "note:"},
		{"unverified without reason", func(r *Resource) { r.Verified = false }, "note: an unverified"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := good
			tc.edit(&r)
			err := r.check()
			switch {
			case tc.wantErr == "" && err != nil:
				t.Fatalf("check() = %v, want nil", err)
			case tc.wantErr != "" && err == nil:
				t.Fatalf("check() = nil, want error containing %q", tc.wantErr)
			case tc.wantErr != "" && !strings.Contains(err.Error(), tc.wantErr):
				t.Fatalf("check() = %v, want it to contain %q", err, tc.wantErr)
			}
		})
	}
}

// TestDirectoryVerified pins the release rule: every shipped entry is
// verified against a named page on a recorded date.
func TestDirectoryVerified(t *testing.T) {
	for _, loc := range Locales() {
		d := Resources(loc)
		for _, r := range append([]Resource{d.Emergency}, d.Lines...) {
			if !r.Verified || r.LastVerified == "" || r.Source == "" {
				t.Errorf("%s %q: verified=%v last_verified=%q source=%q", loc, r.Name, r.Verified, r.LastVerified, r.Source)
			}
		}
	}
}
