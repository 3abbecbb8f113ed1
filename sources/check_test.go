package sources

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestStale(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	mk := func(id, date string) Entry {
		e := teamEntry(id, "https://x.example/"+id)
		e.LastVerified = date
		e.Verified = date != ""
		return e
	}
	lib, err := New(&File{Name: "t", Version: "1", Entries: []Entry{
		mk("fresh", "2025-12-01"), mk("old", "2024-06-01"), mk("older", "2023-01-01"), mk("never", ""),
	}})
	if err != nil {
		t.Fatal(err)
	}
	got := lib.Stale(now, 365*24*time.Hour)
	var ids []string
	for _, s := range got {
		ids = append(ids, s.Entry.ID)
	}
	if want := "never,older,old"; strings.Join(ids, ",") != want {
		t.Errorf("stale = %v, want %s", ids, want)
	}
	if !got[0].Never || got[1].Age < 3*365*24*time.Hour-48*time.Hour {
		t.Errorf("got %+v", got)
	}
}

func TestParseAge(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want time.Duration
		err  bool
	}{
		{"365d", 365 * 24 * time.Hour, false},
		{"52w", 52 * 7 * 24 * time.Hour, false},
		{"8760h", 8760 * time.Hour, false},
		{"0d", 0, true},
		{"-3d", 0, true},
		{"soon", 0, true},
	} {
		got, err := ParseAge(tc.in)
		if (err != nil) != tc.err || got != tc.want {
			t.Errorf("ParseAge(%q) = %v, %v; want %v, error %v", tc.in, got, err, tc.want, tc.err)
		}
	}
}

// TestCheckLinks runs against a loopback server only: tests never touch the
// internet.
func TestCheckLinks(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) {})
	mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "gone", http.StatusNotFound) })
	mux.HandleFunc("/nohead", func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodHead {
			w.WriteHeader(http.StatusMethodNotAllowed)
		}
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/ok", http.StatusMovedPermanently) })
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusInternalServerError) })
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	var entries []Entry
	for _, p := range []string{"ok", "gone", "nohead", "moved", "broken", "slow"} {
		entries = append(entries, teamEntry("e-"+p, srv.URL+"/"+p))
	}
	chunk := 1
	dupe := teamEntry("e-ok-2", srv.URL+"/ok")
	dupe.Chunk = &chunk
	entries = append(entries, dupe)
	lib, err := New(&File{Name: "t", Version: "1", Entries: entries})
	if err != nil {
		t.Fatal(err)
	}
	calls := 0
	res := lib.CheckLinks(context.Background(), CheckOptions{
		Client: srv.Client(), Timeout: 300 * time.Millisecond, Concurrency: 3,
		Progress: func(done, total int) { calls++ },
	})
	if len(res) != 6 || calls != 6 {
		t.Fatalf("got %d results and %d progress calls, want 6 each (one per distinct URL)", len(res), calls)
	}
	want := map[string]struct {
		ok     bool
		status int
	}{
		"/ok": {true, 200}, "/gone": {false, 404}, "/nohead": {true, 200},
		"/moved": {true, 200}, "/broken": {false, 500}, "/slow": {false, 0},
	}
	for _, r := range res {
		p := strings.TrimPrefix(r.URL, srv.URL)
		w := want[p]
		if r.OK() != w.ok || r.Status != w.status {
			t.Errorf("%s: ok %v status %d err %v; want ok %v status %d", p, r.OK(), r.Status, r.Err, w.ok, w.status)
		}
		if p == "/ok" && strings.Join(r.IDs, ",") != "e-ok,e-ok-2" {
			t.Errorf("/ok cited by %v, want both entries", r.IDs)
		}
	}
}
