package sources

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tend-project/tend/atomicfile"
	"github.com/tend-project/tend/conv"
)

func teamEntry(id, url string) Entry {
	return Entry{ID: id, Organisation: "Team", Title: "Team page " + id, URL: url,
		Topics: []conv.Concern{conv.ConcernStress}, Locale: "en-GB", Summary: "A page the team wrote."}
}

func TestAppendEntry(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "team.yaml")
	lib := bundled(t)

	if err := AppendEntry(path, teamEntry("team-a", "https://team.example/a"), lib); err != nil {
		t.Fatalf("create: %v", err)
	}
	// A hand-edited file keeps its comments when appended to.
	data, _ := os.ReadFile(path)
	data = append([]byte("# Reviewed by the clinical lead each quarter.\n"), data...)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := AppendEntry(path, teamEntry("team-b", "https://team.example/b"), lib); err != nil {
		t.Fatalf("append: %v", err)
	}
	f, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Entries) != 2 || f.Entries[0].ID != "team-a" || f.Entries[1].ID != "team-b" {
		t.Fatalf("got entries %+v", f.Entries)
	}
	data, _ = os.ReadFile(path)
	if !strings.Contains(string(data), "# Reviewed by the clinical lead") {
		t.Errorf("comment lost:\n%s", data)
	}

	for _, tc := range []struct {
		name  string
		entry Entry
		want  string
	}{
		{"duplicate id in file", teamEntry("team-a", "https://team.example/c"), `(id "team-a"): id: invalid library: duplicate of entry 0`},
		{"duplicate url in file", teamEntry("team-c", "https://team.example/a"), "url"},
		{"clash with bundled", teamEntry("team-d", lib.Entries()[0].URL), "already in the library"},
		{"invalid entry", Entry{ID: "team-e"}, "organisation: invalid library: missing"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before, _ := os.ReadFile(path)
			err := AppendEntry(path, tc.entry, lib)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want error containing %q", err, tc.want)
			}
			after, _ := os.ReadFile(path)
			if string(before) != string(after) {
				t.Error("a rejected append changed the file")
			}
		})
	}
	// Both libraries load together.
	if _, err := Load(false, path); err != nil {
		t.Errorf("Load bundled + team: %v", err)
	}
}

func TestWriteFileNoOverwrite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lib.yaml")
	f := &File{Version: "1", Entries: []Entry{teamEntry("x", "https://x.example/")}}
	if err := WriteFile(path, f, false); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, f, false); !errors.Is(err, atomicfile.ErrExists) {
		t.Errorf("second write without force: got %v, want ErrExists", err)
	}
	if err := WriteFile(path, f, true); err != nil {
		t.Errorf("write with force: %v", err)
	}
	bad := &File{Version: "1", Entries: []Entry{{ID: "x"}}}
	if err := WriteFile(filepath.Join(t.TempDir(), "bad.yaml"), bad, false); !errors.Is(err, ErrInvalid) {
		t.Errorf("writing an invalid library: got %v, want ErrInvalid", err)
	}
}
