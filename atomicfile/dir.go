// Atomic directory output: a command that writes a whole directory (a
// dataset, a model) fills a staging directory beside the target and swaps it
// in at the end, so a killed run leaves the previous output untouched.
package atomicfile

import (
	"fmt"
	"os"
	"path/filepath"
)

// Dir is a staging directory that becomes Target on Commit.
type Dir struct {
	Path   string // where to write now
	target string
	force  bool
	done   bool
}

// StageDir prepares a staging directory for target. If target exists and
// force is false it returns ErrExists.
func StageDir(target string, force bool) (*Dir, error) {
	if !force {
		if _, err := os.Lstat(target); err == nil {
			return nil, fmt.Errorf("%s: %w", target, ErrExists)
		}
	}
	parent := filepath.Dir(filepath.Clean(target))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(target)+".tmp-*")
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return nil, err
	}
	return &Dir{Path: tmp, target: target, force: force}, nil
}

// Commit moves the staging directory into place. An existing target (only
// possible with force) is moved aside first and removed after the swap.
func (d *Dir) Commit() error {
	if d.done {
		return fmt.Errorf("atomicfile: %s already committed or aborted", d.target)
	}
	d.done = true
	var old string
	if _, err := os.Lstat(d.target); err == nil {
		if !d.force {
			os.RemoveAll(d.Path)
			return fmt.Errorf("%s: %w", d.target, ErrExists)
		}
		old = d.Path + ".old"
		if err := os.Rename(d.target, old); err != nil {
			os.RemoveAll(d.Path)
			return err
		}
	}
	if err := os.Rename(d.Path, d.target); err != nil {
		if old != "" {
			os.Rename(old, d.target)
		}
		os.RemoveAll(d.Path)
		return err
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

// Abort removes the staging directory; safe after Commit.
func (d *Dir) Abort() {
	if d.done {
		return
	}
	d.done = true
	os.RemoveAll(d.Path)
}
