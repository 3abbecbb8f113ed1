// Package atomicfile writes files so that a reader never sees half of one:
// data goes to a temporary file in the same directory, which is renamed over
// the target only on Commit. A crash or kill leaves the previous file, or
// nothing, never a truncated file. It also enforces tend's rule that existing
// output is never overwritten without --force.
package atomicfile

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// ErrExists is returned by Create when the target exists and force is false.
// Check with errors.Is.
var ErrExists = errors.New("already exists (use --force to overwrite)")

// File is a pending atomic write. Write to it, then Commit or Abort.
type File struct {
	*os.File
	target string
	done   bool
}

// Create opens a temporary file beside path. If path exists and force is
// false it returns ErrExists. Parent directories are created.
func Create(path string, force bool) (*File, error) {
	if !force {
		if _, err := os.Lstat(path); err == nil {
			return nil, fmt.Errorf("%s: %w", path, ErrExists)
		}
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return nil, err
	}
	return &File{File: f, target: path}, nil
}

// Commit syncs and closes the temporary file and renames it over the target.
func (f *File) Commit() error {
	if f.done {
		return errors.New("atomicfile: already committed or aborted")
	}
	f.done = true
	if err := f.Sync(); err != nil {
		f.File.Close()
		os.Remove(f.Name())
		return err
	}
	if err := f.File.Close(); err != nil {
		os.Remove(f.Name())
		return err
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		os.Remove(f.Name())
		return err
	}
	if err := os.Rename(f.Name(), f.target); err != nil {
		os.Remove(f.Name())
		return err
	}
	return nil
}

// Abort discards the temporary file. It is safe to call after Commit, so
// `defer f.Abort()` is the normal pattern.
func (f *File) Abort() {
	if f.done {
		return
	}
	f.done = true
	f.File.Close()
	os.Remove(f.Name())
}

// WriteFile atomically writes data to path.
func WriteFile(path string, data []byte, force bool) error {
	f, err := Create(path, force)
	if err != nil {
		return err
	}
	defer f.Abort()
	if _, err := f.Write(data); err != nil {
		return err
	}
	return f.Commit()
}

// Target returns the final path.
func (f *File) Target() string { return f.target }
