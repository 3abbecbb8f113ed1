// Spilled per-record state for curation. Pass 1 writes one fixed-size
// "facts" record per surviving record (where its line sits in the spill
// file, its exact hash, file:line, stratum, severity, review flag,
// strategy counts, token count) to a file in the staging directory instead
// of a slice in memory; dedupe, split and pass 2 read it back in order, or
// one record at a time by index. The memory budget that sizes the
// external sorts, and the removal of staging directories left by killed
// runs, live here too.
package data

import (
	"bufio"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// DefaultMemBudget is the default memory for curation's external sorts
// (CurateOptions.MemBudget). It is small on purpose: the sort buffers are
// live Go heap, which the garbage collector lets grow to about twice the
// live size, and everything larger goes to disk in sorted runs whose
// merge costs little. A bigger budget only means fewer, longer runs.
const DefaultMemBudget = 16 << 20

// MinMemBudget is the smallest budget ParseMemBudget accepts; below it
// the sorts would write thousands of tiny runs.
const MinMemBudget = 1 << 20

// ParseMemBudget reads a memory size such as "256MiB", "64M", "1GiB" or
// a plain number of bytes; K, M and G are powers of 1024.
func ParseMemBudget(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	num := strings.TrimRight(strings.TrimSuffix(strings.TrimSuffix(t, "B"), "I"), "KMG ")
	unit := strings.TrimSpace(t[len(num):])
	mult := map[string]int64{"": 1, "B": 1, "K": 1 << 10, "KB": 1 << 10, "KIB": 1 << 10, "M": 1 << 20, "MB": 1 << 20,
		"MIB": 1 << 20, "G": 1 << 30, "GB": 1 << 30, "GIB": 1 << 30}[unit]
	n, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
	if err != nil || mult == 0 || !(n > 0 && n*float64(mult) < 1<<50) {
		return 0, fmt.Errorf("memory budget %q: want a size such as 256MiB, 64M or 1G", s)
	}
	b := int64(n * float64(mult))
	if b < MinMemBudget {
		return 0, fmt.Errorf("memory budget %q: at least 1MiB", s)
	}
	return b, nil
}

// factSize is the bytes of one facts record.
const factSize = 48

// putFact encodes st into b[:factSize].
func putFact(b []byte, st *recState, lineLen uint32) {
	_ = b[factSize-1]
	binary.LittleEndian.PutUint64(b[0:], uint64(st.off))
	binary.LittleEndian.PutUint64(b[8:], st.exact)
	binary.LittleEndian.PutUint32(b[16:], st.ord)
	binary.LittleEndian.PutUint32(b[20:], st.line)
	binary.LittleEndian.PutUint32(b[24:], st.tokens)
	binary.LittleEndian.PutUint32(b[28:], lineLen)
	binary.LittleEndian.PutUint16(b[32:], st.file)
	b[34] = byte(st.kind)
	b[35] = st.stratum
	b[36] = byte(st.sev)
	b[37] = 0
	if st.review {
		b[37] = 1
	}
	copy(b[38:46], st.strat[:])
	b[46], b[47] = 0, 0
}

// getFact decodes a facts record; it returns the state and the length of
// the record's line in the spill file.
func getFact(b []byte) (recState, uint32) {
	_ = b[factSize-1]
	st := recState{
		off:     int64(binary.LittleEndian.Uint64(b[0:])),
		exact:   binary.LittleEndian.Uint64(b[8:]),
		ord:     binary.LittleEndian.Uint32(b[16:]),
		line:    binary.LittleEndian.Uint32(b[20:]),
		tokens:  binary.LittleEndian.Uint32(b[24:]),
		file:    binary.LittleEndian.Uint16(b[32:]),
		kind:    RecordKind(b[34]),
		stratum: b[35],
		sev:     int8(b[36]),
		review:  b[37] == 1,
	}
	copy(st.strat[:], b[38:46])
	return st, binary.LittleEndian.Uint32(b[28:])
}

// spillStore reads back what pass 1 spilled: the records' JSON lines and
// their facts, by index. Safe for concurrent use (it only uses ReadAt).
type spillStore struct {
	lines *os.File // the spill file of JSON lines
	facts *os.File
	n     int
}

func openSpillStore(linesPath, factsPath string, n int) (*spillStore, error) {
	l, err := os.Open(linesPath)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(factsPath)
	if err != nil {
		l.Close()
		return nil, err
	}
	if fi, err := f.Stat(); err != nil || fi.Size() != int64(n)*factSize {
		l.Close()
		f.Close()
		if err == nil {
			err = fmt.Errorf("facts file: %d bytes for %d records", fi.Size(), n)
		}
		return nil, err
	}
	return &spillStore{lines: l, facts: f, n: n}, nil
}

func (s *spillStore) close() {
	s.lines.Close()
	s.facts.Close()
}

// fact returns record i's state and line length.
func (s *spillStore) fact(i int32) (recState, uint32, error) {
	var b [factSize]byte
	if _, err := s.facts.ReadAt(b[:], int64(i)*factSize); err != nil {
		return recState{}, 0, fmt.Errorf("facts file, record %d: %w", i, err)
	}
	st, n := getFact(b[:])
	return st, n, nil
}

// line returns record i's JSON line.
func (s *spillStore) line(i int32) ([]byte, recState, error) {
	st, n, err := s.fact(i)
	if err != nil {
		return nil, st, err
	}
	buf := make([]byte, n)
	if _, err := s.lines.ReadAt(buf, st.off); err != nil {
		return nil, st, fmt.Errorf("spill file, record %d: %w", i, err)
	}
	return buf, st, nil
}

// id returns record i's id without decoding the whole line when, as tend
// writes them, the line starts with it.
func (s *spillStore) id(i int32) (string, error) {
	st, n, err := s.fact(i)
	if err != nil {
		return "", err
	}
	head := make([]byte, min(n, 256))
	if _, err := s.lines.ReadAt(head, st.off); err != nil {
		return "", fmt.Errorf("spill file, record %d: %w", i, err)
	}
	if id, ok := leadingID(head); ok {
		return id, nil
	}
	line, _, err := s.line(i)
	if err != nil {
		return "", err
	}
	return lineID(line)
}

// leadingID reads the id of a JSON line that starts with {"id":"…".
func leadingID(b []byte) (string, bool) {
	const pre = `{"id":"`
	if len(b) < len(pre) || string(b[:len(pre)]) != pre {
		return "", false
	}
	for j := len(pre); j < len(b); j++ {
		switch b[j] {
		case '\\':
			j++
		case '"':
			var s string
			if json.Unmarshal(b[len(pre)-1:j+1], &s) != nil {
				return "", false
			}
			return s, true
		}
	}
	return "", false
}

// lineID decodes the id of any record line.
func lineID(line []byte) (string, error) {
	if id, ok := leadingID(line); ok {
		return id, nil
	}
	var probe struct {
		ID string `json:"id"`
	}
	err := json.Unmarshal(line, &probe)
	return probe.ID, err
}

// factReader streams the facts file in record order.
type factReader struct {
	f   *os.File
	br  *bufio.Reader
	buf [factSize]byte
	i   int
	n   int
}

func openFacts(path string, n int) (*factReader, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	return &factReader{f: f, br: bufio.NewReaderSize(f, 1<<16), n: n}, nil
}

// next returns the next record's state and line length.
func (r *factReader) next() (recState, uint32, error) {
	if r.i == r.n {
		return recState{}, 0, io.EOF
	}
	if _, err := io.ReadFull(r.br, r.buf[:]); err != nil {
		return recState{}, 0, fmt.Errorf("facts file, record %d: %w", r.i, err)
	}
	r.i++
	st, n := getFact(r.buf[:])
	return st, n, nil
}

func (r *factReader) close() { r.f.Close() }

// staging-directory ownership: a run writes its pid into its staging
// directory, so a later run can tell a dead run's leftovers (spill files
// can be gigabytes) from a run still going.
const ownerFile = ".tend-owner"

// claimStaging records this process as the owner of a staging directory.
func claimStaging(dir string) error {
	host, _ := os.Hostname()
	return os.WriteFile(filepath.Join(dir, ownerFile), fmt.Appendf(nil, "%s %d\n", host, os.Getpid()), 0o644)
}

// removeStaleStaging removes the staging directories of earlier runs for
// the same target whose process is gone. It returns the paths removed.
func removeStaleStaging(target string) ([]string, error) {
	parent := filepath.Dir(filepath.Clean(target))
	pattern := filepath.Join(parent, "."+filepath.Base(filepath.Clean(target))+".tmp-*")
	dirs, err := filepath.Glob(pattern)
	if err != nil {
		return nil, err
	}
	host, _ := os.Hostname()
	var removed []string
	var errs []error
	for _, d := range dirs {
		b, err := os.ReadFile(filepath.Join(d, ownerFile))
		if err != nil {
			continue // not ours, or a run still starting: leave it
		}
		h, pidText, ok := strings.Cut(strings.TrimSpace(string(b)), " ")
		pid, perr := strconv.Atoi(pidText)
		if !ok || perr != nil || h != host || processAlive(pid) {
			continue
		}
		if err := os.RemoveAll(d); err != nil {
			errs = append(errs, err)
			continue
		}
		removed = append(removed, d)
	}
	return removed, errors.Join(errs...)
}
