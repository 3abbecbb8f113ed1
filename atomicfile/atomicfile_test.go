// Tests for atomic file and directory output: the target only ever holds a
// complete old or new version, nothing is overwritten without force, and no
// temporary file or directory is left behind.
package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// leftovers lists the hidden temporary entries in dir.
func leftovers(t *testing.T, dir string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(dir, ".*.tmp-*"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestWriteFile(t *testing.T) {
	tests := []struct {
		name     string
		existing string // "" means no file before
		force    bool
		wantErr  error
		want     string
	}{
		{"new file", "", false, nil, "new"},
		{"refuses to overwrite", "old", false, ErrExists, "old"},
		{"overwrites with force", "old", true, nil, "new"},
		{"force on a new file", "", true, nil, "new"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "sub", "out.jsonl")
			if tc.existing != "" {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(tc.existing), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			err := WriteFile(path, []byte("new"), tc.force)
			if !errors.Is(err, tc.wantErr) {
				t.Fatalf("WriteFile: err %v, want %v", err, tc.wantErr)
			}
			got, rerr := os.ReadFile(path)
			if rerr != nil {
				t.Fatal(rerr)
			}
			if string(got) != tc.want {
				t.Errorf("content %q, want %q", got, tc.want)
			}
			if l := leftovers(t, filepath.Dir(path)); len(l) > 0 {
				t.Errorf("temporary files left: %v", l)
			}
		})
	}
}

func TestAbortKeepsPrevious(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.txt")
	if err := os.WriteFile(path, []byte("previous"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := Create(path, true)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("half of the new"); err != nil {
		t.Fatal(err)
	}
	// Before Commit, readers see the previous file.
	if got, _ := os.ReadFile(path); string(got) != "previous" {
		t.Errorf("before commit: %q, want the previous content", got)
	}
	f.Abort()
	f.Abort() // a second Abort is harmless
	if got, _ := os.ReadFile(path); string(got) != "previous" {
		t.Errorf("after abort: %q, want the previous content", got)
	}
	if l := leftovers(t, dir); len(l) > 0 {
		t.Errorf("temporary files left: %v", l)
	}
	if err := f.Commit(); err == nil {
		t.Error("Commit after Abort: want an error")
	}
}

func TestCommitTwice(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.txt")
	f, err := Create(path, false)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Abort()
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := f.Commit(); err == nil {
		t.Error("second Commit: want an error")
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o644 {
		t.Errorf("committed file mode %v, want 0644", fi.Mode().Perm())
	}
}

func TestStageDir(t *testing.T) {
	tests := []struct {
		name      string
		existing  bool
		force     bool
		commit    bool
		wantErr   error
		wantFiles []string // files in the target afterwards
	}{
		{"new directory", false, false, true, nil, []string{"new.txt"}},
		{"refuses an existing target", true, false, false, ErrExists, []string{"old.txt"}},
		{"replaces with force", true, true, true, nil, []string{"new.txt"}},
		{"abort keeps the old directory", true, true, false, nil, []string{"old.txt"}},
		{"abort with nothing before", false, false, false, nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			parent := t.TempDir()
			target := filepath.Join(parent, "out")
			if tc.existing {
				if err := os.MkdirAll(target, 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(target, "old.txt"), []byte("old"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			d, err := StageDir(target, tc.force)
			if !errors.Is(err, tc.wantErr) {
				t.Fatalf("StageDir: err %v, want %v", err, tc.wantErr)
			}
			if err == nil {
				if err := os.WriteFile(filepath.Join(d.Path, "new.txt"), []byte("new"), 0o644); err != nil {
					t.Fatal(err)
				}
				if tc.commit {
					if err := d.Commit(); err != nil {
						t.Fatal(err)
					}
				}
				d.Abort()
			}
			var got []string
			entries, _ := os.ReadDir(target)
			for _, e := range entries {
				got = append(got, e.Name())
			}
			if len(got) != len(tc.wantFiles) || (len(got) > 0 && got[0] != tc.wantFiles[0]) {
				t.Errorf("target holds %v, want %v", got, tc.wantFiles)
			}
			rest, _ := os.ReadDir(parent)
			for _, e := range rest {
				if e.Name() != "out" {
					t.Errorf("left beside the target: %s", e.Name())
				}
			}
		})
	}
}
