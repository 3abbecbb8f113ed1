// External sorting of fixed-size records, so that curation's per-record
// state (exact hashes, LSH band keys, candidate pairs, split groups) never
// has to fit in memory. Records are added to a chunk of at most budget
// bytes; a full chunk is sorted and written to a run file in the run's
// staging directory; reading merges the runs with a heap. When everything
// fits in one chunk nothing touches the disk. This is the textbook
// external merge sort (Knuth, TAOCP vol. 3, §5.4), the same shape as the
// sort-and-merge stages of large dedup pipelines.
package data

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sync/atomic"
	"unsafe"
)

// sortSpec says how records of type T are ordered and stored. cmp must be
// a total order over every field that put stores, so the merged order does
// not depend on how the input was cut into runs.
type sortSpec[T any] struct {
	size int                 // bytes per record on disk
	cmp  func(a, b T) int    // ordering
	put  func(b []byte, v T) // encodes v into b[:size]
	get  func(b []byte) T    // decodes b[:size]
}

// Bounds on the merge: each open run gets a read buffer of at least
// minRunBuf bytes, and at most maxFanIn runs are merged at once; more runs
// are first merged into longer ones.
const (
	minRunBuf = 16 << 10
	maxRunBuf = 1 << 20
	maxFanIn  = 128
	minChunk  = 256 // records per chunk, however small the budget
)

// extSorter sorts records that may not fit in memory.
type extSorter[T any] struct {
	spec   sortSpec[T]
	dir    string
	name   string
	budget int64
	limit  int // records per in-memory chunk
	buf    []T
	runs   []string
	seq    int
	n      int64
	done   bool
	scr    []byte
	// count, if set, adds up the runs this sorter writes (for the
	// manifest); several sorters may share one.
	count *spillCount
}

// spillCount totals what sorters wrote to disk.
type spillCount struct {
	runs  atomic.Int64
	bytes atomic.Int64
}

func (c *spillCount) add(records int, size int) {
	if c != nil {
		c.runs.Add(1)
		c.bytes.Add(int64(records) * int64(size))
	}
}

// newExtSorter returns a sorter whose chunk and merge buffers stay within
// budget bytes; run files are named dir/.sort-name-N and removed by close.
func newExtSorter[T any](spec sortSpec[T], dir, name string, budget int64) *extSorter[T] {
	var zero T
	limit := int(budget / int64(max(int(unsafe.Sizeof(zero)), spec.size)))
	limit = max(limit, minChunk)
	return &extSorter[T]{spec: spec, dir: dir, name: name, budget: budget, limit: limit, scr: make([]byte, spec.size)}
}

// add appends one record.
func (s *extSorter[T]) add(v T) error {
	if s.done {
		return errors.New("extsort: add after finish")
	}
	if len(s.buf) == s.limit {
		if err := s.flush(); err != nil {
			return err
		}
	}
	if len(s.buf) == cap(s.buf) {
		// Grow by hand so the chunk never exceeds its limit.
		grown := make([]T, len(s.buf), min(max(2*cap(s.buf), 4096), s.limit))
		copy(grown, s.buf)
		s.buf = grown
	}
	s.buf = append(s.buf, v)
	s.n++
	return nil
}

// len returns the number of records added.
func (s *extSorter[T]) len() int64 { return s.n }

// spilled reports whether any run went to disk.
func (s *extSorter[T]) spilled() bool { return len(s.runs) > 0 }

// flush sorts the chunk and writes it as a run.
func (s *extSorter[T]) flush() error {
	slices.SortFunc(s.buf, s.spec.cmp)
	path, w, f, err := s.newRun()
	if err != nil {
		return err
	}
	for _, v := range s.buf {
		s.spec.put(s.scr, v)
		if _, err := w.Write(s.scr); err != nil {
			f.Close()
			return err
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	s.runs = append(s.runs, path)
	s.count.add(len(s.buf), s.spec.size)
	s.buf = s.buf[:0]
	return nil
}

func (s *extSorter[T]) newRun() (string, *bufio.Writer, *os.File, error) {
	path := filepath.Join(s.dir, fmt.Sprintf(".sort-%s-%d", s.name, s.seq))
	s.seq++
	f, err := os.Create(path)
	if err != nil {
		return "", nil, nil, err
	}
	return path, bufio.NewWriterSize(f, 1<<16), f, nil
}

// fanIn is how many runs one merge may open within the budget.
func (s *extSorter[T]) fanIn() int {
	return int(min(max(s.budget/minRunBuf, 4), maxFanIn))
}

// finish ends adding. A sorter that spilled writes its last chunk as a run
// too and frees the chunk, then merges runs until at most fanIn remain;
// otherwise the sorted chunk stays in memory.
func (s *extSorter[T]) finish() error {
	if s.done {
		return nil
	}
	s.done = true
	if len(s.runs) == 0 {
		slices.SortFunc(s.buf, s.spec.cmp)
		return nil
	}
	if len(s.buf) > 0 {
		if err := s.flush(); err != nil {
			return err
		}
	}
	s.buf = nil
	for fan := s.fanIn(); len(s.runs) > fan; {
		it, err := s.openRuns(s.runs[:fan])
		if err != nil {
			return err
		}
		path, w, f, err := s.newRun()
		if err != nil {
			it.close()
			return err
		}
		var werr error
		for v, ok := it.next(); ok && werr == nil; v, ok = it.next() {
			s.spec.put(s.scr, v)
			_, werr = w.Write(s.scr)
		}
		it.close()
		err = errors.Join(werr, it.err, w.Flush(), f.Close())
		if err != nil {
			return err
		}
		for _, r := range s.runs[:fan] {
			os.Remove(r)
		}
		s.runs = append(s.runs[fan:], path)
	}
	return nil
}

// iter returns the records in order. It may be called several times
// after finish; each iterator must be closed.
func (s *extSorter[T]) iter() (*sortedIter[T], error) {
	if !s.done {
		return nil, errors.New("extsort: iter before finish")
	}
	if len(s.runs) == 0 {
		return &sortedIter[T]{mem: s.buf}, nil
	}
	return s.openRuns(s.runs)
}

func (s *extSorter[T]) openRuns(paths []string) (*sortedIter[T], error) {
	it := &sortedIter[T]{spec: s.spec}
	bufSize := int(min(max(s.budget/int64(len(paths)), minRunBuf), maxRunBuf))
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			it.close()
			return nil, err
		}
		r := &runReader[T]{f: f, br: bufio.NewReaderSize(f, bufSize), rec: make([]byte, s.spec.size), path: p}
		it.runs = append(it.runs, r)
		ok, err := r.advance(s.spec)
		if err != nil {
			it.close()
			return nil, err
		}
		if ok {
			it.heap = append(it.heap, r)
		}
	}
	for i := len(it.heap)/2 - 1; i >= 0; i-- {
		it.down(i)
	}
	return it, nil
}

// reset empties the sorter for reuse, removing its runs; the chunk
// buffer is kept.
func (s *extSorter[T]) reset() {
	for _, r := range s.runs {
		os.Remove(r)
	}
	s.runs, s.n, s.done = nil, 0, false
	s.buf = s.buf[:0]
}

// close removes the run files and frees the chunk.
func (s *extSorter[T]) close() {
	s.reset()
	s.buf = nil
	s.done = true
}

// runReader is one open run in a merge.
type runReader[T any] struct {
	f    *os.File
	br   *bufio.Reader
	rec  []byte
	head T
	path string
}

func (r *runReader[T]) advance(spec sortSpec[T]) (bool, error) {
	if _, err := io.ReadFull(r.br, r.rec); err != nil {
		if err == io.EOF {
			return false, nil
		}
		return false, fmt.Errorf("sort run %s: %w", r.path, err)
	}
	r.head = spec.get(r.rec)
	return true, nil
}

// sortedIter yields records in order, from memory or by merging runs.
type sortedIter[T any] struct {
	mem  []T
	pos  int
	spec sortSpec[T]
	runs []*runReader[T]
	heap []*runReader[T]
	err  error
}

// next returns the next record, or false at the end or on an error
// (check err).
func (it *sortedIter[T]) next() (T, bool) {
	var zero T
	if it.runs == nil {
		if it.pos == len(it.mem) {
			return zero, false
		}
		it.pos++
		return it.mem[it.pos-1], true
	}
	if len(it.heap) == 0 || it.err != nil {
		return zero, false
	}
	top := it.heap[0]
	v := top.head
	ok, err := top.advance(it.spec)
	if err != nil {
		it.err = err
		return zero, false
	}
	if !ok {
		last := len(it.heap) - 1
		it.heap[0] = it.heap[last]
		it.heap = it.heap[:last]
	}
	if len(it.heap) > 0 {
		it.down(0)
	}
	return v, true
}

// down restores the heap property below i.
func (it *sortedIter[T]) down(i int) {
	h := it.heap
	for {
		l := 2*i + 1
		if l >= len(h) {
			return
		}
		m := l
		if r := l + 1; r < len(h) && it.spec.cmp(h[r].head, h[l].head) < 0 {
			m = r
		}
		if it.spec.cmp(h[m].head, h[i].head) >= 0 {
			return
		}
		h[i], h[m] = h[m], h[i]
		i = m
	}
}

// close releases the run files (they stay on disk for another iter).
func (it *sortedIter[T]) close() {
	for _, r := range it.runs {
		r.f.Close()
	}
	it.runs, it.heap = nil, nil
}

// keyIdx is the record most sorts use: a 64-bit key and a record index
// (or a small payload), ordered by key, then index.
type keyIdx struct {
	k uint64
	i uint32
}

var keyIdxSpec = sortSpec[keyIdx]{
	size: 12,
	cmp: func(a, b keyIdx) int {
		switch {
		case a.k < b.k:
			return -1
		case a.k > b.k:
			return 1
		case a.i < b.i:
			return -1
		case a.i > b.i:
			return 1
		}
		return 0
	},
	put: func(b []byte, v keyIdx) {
		_ = b[11]
		for j := range 8 {
			b[j] = byte(v.k >> (8 * j))
		}
		b[8], b[9], b[10], b[11] = byte(v.i), byte(v.i>>8), byte(v.i>>16), byte(v.i>>24)
	},
	get: func(b []byte) keyIdx {
		_ = b[11]
		var k uint64
		for j := range 8 {
			k |= uint64(b[j]) << (8 * j)
		}
		return keyIdx{k, uint32(b[8]) | uint32(b[9])<<8 | uint32(b[10])<<16 | uint32(b[11])<<24}
	},
}
