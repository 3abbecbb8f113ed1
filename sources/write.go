// Writing library files: a whole file (from import) or one appended entry
// (from `tend sources add`). Writes are atomic, and appending keeps the
// file's comments and layout because it edits the YAML node tree rather
// than re-serialising the entries.
package sources

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/tend-project/tend/atomicfile"
	"gopkg.in/yaml.v3"
)

// Marshal renders a library file as YAML.
func Marshal(f *File) ([]byte, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(f); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// WriteFile validates f and writes it to path atomically. An existing file
// is replaced only with force.
func WriteFile(path string, f *File, force bool) error {
	data, err := Marshal(f)
	if err != nil {
		return err
	}
	// Round-trip through the parser so tend never writes a library it would
	// refuse to read.
	if _, err := Parse(data, path); err != nil {
		return err
	}
	return atomicfile.WriteFile(path, data, force)
}

// AppendEntry adds e to the library file at path, creating the file (with
// version "1") if it does not exist. others are libraries e must not clash
// with (usually the bundled one): a duplicate id or URL there is an error,
// as it is within the file. The file is rewritten atomically.
func AppendEntry(path string, e Entry, others ...*Library) error {
	if field, err := e.Validate(); err != nil {
		return &EntryError{File: path, Index: -1, ID: e.ID, Field: field, Err: err}
	}
	for _, l := range others {
		if l == nil {
			continue
		}
		if _, dup := l.Get(e.ID); dup {
			return &EntryError{File: path, Index: -1, ID: e.ID, Field: "id", Err: invalid("already in the library (%s)", l.Version())}
		}
		for i := range l.entries {
			if l.entries[i].urlKey() == e.urlKey() {
				return &EntryError{File: path, Index: -1, ID: e.ID, Field: "url",
					Err: invalid("%s is already in the library as entry %q", e.URL, l.entries[i].ID)}
			}
		}
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return WriteFile(path, &File{Version: "1", Entries: []Entry{e}}, false)
	}
	if err != nil {
		return err
	}
	if _, err := Parse(data, path); err != nil {
		return fmt.Errorf("not appending to an invalid library: %w", err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return err
	}
	root := doc.Content[0]
	var seq *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "entries" {
			seq = root.Content[i+1]
		}
	}
	if seq == nil {
		seq = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		root.Content = append(root.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "entries"}, seq)
	} else if seq.Kind != yaml.SequenceNode { // "entries:" with no value
		*seq = yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	}
	var n yaml.Node
	if err := n.Encode(e); err != nil {
		return err
	}
	seq.Content = append(seq.Content, &n)
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	if _, err := Parse(buf.Bytes(), path); err != nil {
		return err
	}
	return atomicfile.WriteFile(path, buf.Bytes(), true)
}
