// Output side of the curation pipeline: the spill files (JSON lines,
// facts, signatures, sorted keys), rejects.jsonl, and pass 2, which
// streams the spill file and its facts once into train/val/test (or the
// unsplit files of the single-stage commands), preferences/*,
// needs_review.jsonl and near_duplicates.jsonl. Every file lives in the
// staging directory, so nothing is visible until the whole run succeeds.
package data

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// runWriter owns the files of one run.
type runWriter struct {
	dir      string
	mode     Mode
	spillF   *os.File
	spillW   *bufio.Writer
	spillOff int64
	factsF   *os.File // one factSize record per spilled record
	factsW   *bufio.Writer
	factBuf  [factSize]byte
	n        int      // records spilled
	sigF     *os.File // MinHash signatures, perms × uint32 per record
	sigW     *bufio.Writer
	exact    *extSorter[keyIdx] // (exact hash, record)
	bands    *extSorter[keyIdx] // (band<<32 | band hash, record)
	count    spillCount         // runs written by every sorter of the run
	rejF     *os.File
	rejW     *bufio.Writer
	rejEnc   *json.Encoder
	outs     map[string]*outFile
}

type outFile struct {
	f *os.File
	w *bufio.Writer
	n int
}

func newRunWriter(dir string, mode Mode) (*runWriter, error) {
	rw := &runWriter{dir: dir, mode: mode, outs: map[string]*outFile{}}
	var err error
	if rw.spillF, err = os.Create(rw.spillPath()); err != nil {
		return nil, err
	}
	rw.spillW = bufio.NewWriterSize(rw.spillF, 1<<20)
	if rw.factsF, err = os.Create(rw.factsPath()); err != nil {
		return nil, err
	}
	rw.factsW = bufio.NewWriterSize(rw.factsF, 1<<16)
	if rw.rejF, err = os.Create(filepath.Join(dir, "rejects.jsonl")); err != nil {
		return nil, err
	}
	rw.rejW = bufio.NewWriterSize(rw.rejF, 1<<16)
	rw.rejEnc = json.NewEncoder(rw.rejW)
	rw.rejEnc.SetEscapeHTML(false)
	return rw, nil
}

func (rw *runWriter) spillPath() string { return filepath.Join(rw.dir, ".spill.jsonl") }
func (rw *runWriter) factsPath() string { return filepath.Join(rw.dir, ".facts") }
func (rw *runWriter) sigPath() string   { return filepath.Join(rw.dir, ".signatures") }

// spill appends a record's line, its facts and signature, and feeds its
// exact hash and band hashes to the sorters.
func (rw *runWriter) spill(st *recState, line []byte, bands, sig []uint32) error {
	st.off = rw.spillOff
	n, err := rw.spillW.Write(line)
	rw.spillOff += int64(n)
	if err != nil {
		return err
	}
	putFact(rw.factBuf[:], st, uint32(len(line)))
	if _, err := rw.factsW.Write(rw.factBuf[:]); err != nil {
		return err
	}
	i := uint32(rw.n)
	rw.n++
	if rw.exact != nil {
		if err := rw.exact.add(keyIdx{k: st.exact, i: i}); err != nil {
			return err
		}
	}
	if rw.bands != nil {
		for b, v := range bands {
			if err := rw.bands.add(keyIdx{k: uint64(b)<<32 | uint64(v), i: i}); err != nil {
				return err
			}
		}
	}
	var buf [4]byte
	for _, v := range sig {
		binary.LittleEndian.PutUint32(buf[:], v)
		if _, err := rw.sigW.Write(buf[:]); err != nil {
			return err
		}
	}
	return nil
}

// openDedupe creates the signature file (dedupe reads signatures by
// offset) and the sorters of exact and band hashes, within the given
// budgets.
func (rw *runWriter) openDedupe(exactBudget, bandBudget int64) error {
	f, err := os.Create(rw.sigPath())
	if err != nil {
		return err
	}
	rw.sigF, rw.sigW = f, bufio.NewWriterSize(f, 1<<16)
	rw.exact = newExtSorter(keyIdxSpec, rw.dir, "exact", exactBudget)
	rw.bands = newExtSorter(keyIdxSpec, rw.dir, "bands", bandBudget)
	rw.exact.count, rw.bands.count = &rw.count, &rw.count
	return nil
}

// closeDedupe removes the sorters' runs once dedupe has read them.
func (rw *runWriter) closeDedupe() {
	if rw.exact != nil {
		rw.exact.close()
		rw.bands.close()
	}
}

// flushSpill ends pass 1: buffered files reach the disk and the sorters
// sort what they hold.
func (rw *runWriter) flushSpill() error {
	if rw.sigW != nil {
		if err := rw.sigW.Flush(); err != nil {
			return err
		}
	}
	if rw.exact != nil {
		if err := rw.exact.finish(); err != nil {
			return err
		}
		if err := rw.bands.finish(); err != nil {
			return err
		}
	}
	if err := rw.factsW.Flush(); err != nil {
		return err
	}
	return rw.spillW.Flush()
}

func (rw *runWriter) reject(ls []RejectLine) error {
	for i := range ls {
		if err := rw.rejEnc.Encode(&ls[i]); err != nil {
			return err
		}
	}
	return nil
}

// out returns the writer for a relative output path, creating it.
func (rw *runWriter) out(rel string) (*outFile, error) {
	if o, ok := rw.outs[rel]; ok {
		return o, nil
	}
	path := filepath.Join(rw.dir, rel)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	o := &outFile{f: f, w: bufio.NewWriterSize(f, 1<<16)}
	rw.outs[rel] = o
	return o, nil
}

// ensure creates the named outputs even when empty, so the layout of an
// output directory does not depend on the data.
func (rw *runWriter) ensure(rels ...string) error {
	for _, r := range rels {
		if _, err := rw.out(r); err != nil {
			return err
		}
	}
	return nil
}

// finish flushes and syncs everything and removes the spill files.
func (rw *runWriter) finish() error {
	if err := rw.rejW.Flush(); err != nil {
		return err
	}
	files := []*os.File{rw.rejF}
	for _, o := range rw.outs {
		if err := o.w.Flush(); err != nil {
			return err
		}
		files = append(files, o.f)
	}
	for _, f := range files {
		if err := f.Sync(); err != nil {
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
	}
	rw.closeSpill()
	for _, path := range []string{rw.spillPath(), rw.factsPath(), rw.sigPath()} {
		if err := os.Remove(path); err != nil && !os.IsNotExist(err) {
			return err
		}
	}
	// Any sort run still on disk (none, unless a sorter was not closed)
	// must not reach the output directory.
	runs, err := filepath.Glob(filepath.Join(rw.dir, ".sort-*"))
	if err != nil {
		return err
	}
	for _, r := range runs {
		if err := os.Remove(r); err != nil {
			return err
		}
	}
	return nil
}

func (rw *runWriter) closeSpill() {
	rw.spillF.Close()
	rw.factsF.Close()
	if rw.sigF != nil {
		rw.sigF.Close()
	}
	rw.closeDedupe()
}

// close releases files after a failure; the staging directory is removed
// by its Abort.
func (rw *runWriter) close() {
	rw.closeSpill()
	rw.rejF.Close()
	for _, o := range rw.outs {
		o.f.Close()
	}
}

// withSplit inserts "split" as the last field of a JSON object line. The
// spill lines never carry one (it is cleared in pass 1).
func withSplit(line []byte, split string) []byte {
	body := bytes.TrimRight(line, "\r\n")
	out := make([]byte, 0, len(body)+len(split)+12)
	out = append(out, body[:len(body)-1]...)
	out = append(out, `,"split":"`...)
	out = append(out, split...)
	return append(out, "\"}\n"...)
}

// pass2 streams the spill file and its facts into the outputs.
func (p *pipeline) pass2(ctx context.Context, rw *runWriter, store *spillStore, dd *dedupeResult, splits *splitResult, m *Manifest, prog *progress) error {
	prog.begin("write", 0)
	switch p.opt.Mode {
	case ModeCurate, ModeSplit:
		if err := rw.ensure("train.jsonl", "val.jsonl", "test.jsonl", "preferences/train.jsonl", "preferences/val.jsonl", "preferences/test.jsonl"); err != nil {
			return err
		}
		if p.opt.Mode == ModeCurate {
			if err := rw.ensure("needs_review.jsonl"); err != nil {
				return err
			}
		}
	default:
		if err := rw.ensure("conversations.jsonl", "preferences.jsonl"); err != nil {
			return err
		}
	}
	f, err := os.Open(rw.spillPath())
	if err != nil {
		return err
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 1<<20)
	facts, err := openFacts(rw.factsPath(), rw.n)
	if err != nil {
		return err
	}
	defer facts.close()
	var cur *splitCursor
	if splits != nil {
		if cur, err = splits.cursor(); err != nil {
			return err
		}
		defer cur.close()
	}
	for i := 0; i < rw.n; i++ {
		if i%4096 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		line, err := br.ReadBytes('\n')
		if err != nil && !(err == io.EOF && len(line) > 0) {
			return fmt.Errorf("spill file, record %d: %v", i+1, err)
		}
		st, _, err := facts.next()
		if err != nil {
			return err
		}
		why, twin := keepRecord, int32(-1)
		if dd != nil {
			why, twin = dd.dropOf(int32(i))
		}
		if why != keepRecord {
			if err := p.dupReject(rw, store, line, &st, why, twin); err != nil {
				return fmt.Errorf("record %d: %w", i+1, err)
			}
			continue
		}
		split := int8(-1)
		var rel string
		var outLine []byte
		if cur != nil {
			if split, err = cur.at(int32(i), p.keep(dd, int32(i), &st)); err != nil {
				return err
			}
			if split >= 0 {
				name := string(splitNames[split])
				rel = name + ".jsonl"
				if st.kind == KindPair {
					rel = "preferences/" + rel
				}
				outLine = withSplit(line, name)
			}
		} else {
			rel, outLine = "conversations.jsonl", line
			if st.kind == KindPair {
				rel = "preferences.jsonl"
			}
		}
		m.tally(&st, split, cur != nil)
		if rel != "" {
			o, err := rw.out(rel)
			if err != nil {
				return err
			}
			if _, err := o.w.Write(outLine); err != nil {
				return err
			}
			o.n++
		}
		if st.review && p.opt.Mode == ModeCurate {
			o, err := rw.out("needs_review.jsonl")
			if err != nil {
				return err
			}
			if outLine == nil {
				outLine = line
			}
			if _, err := o.w.Write(outLine); err != nil {
				return err
			}
			o.n++
		}
		if i%8192 == 0 {
			prog.tick(int64(i), 0, false)
		}
	}
	prog.tick(int64(rw.n), 0, true)
	if dd != nil && dd.npairs > 0 {
		if err := writeNearPairs(rw, store, dd); err != nil {
			return err
		}
	}
	for rel, o := range rw.outs {
		m.Outputs[rel] = o.n
	}
	return nil
}

// dupReject writes the reject line of a record dropped as a duplicate;
// its span is the id of the kept twin.
func (p *pipeline) dupReject(rw *runWriter, store *spillStore, line []byte, st *recState, why uint8, twin int32) error {
	id, err := lineID(line)
	if err != nil {
		return fmt.Errorf("spill file: %w", err)
	}
	twinID, err := store.id(twin)
	if err != nil {
		return err
	}
	code, reason := "duplicate_exact", "the same text (after normalising case, punctuation and spacing) as an earlier record"
	if why == dropNear {
		code, reason = "duplicate_near", fmt.Sprintf("a near duplicate (Jaccard ≥ %.2f over %d-word shingles) of an earlier record", p.cfg.Dedupe.Threshold, p.cfg.Dedupe.Shingle)
	}
	kind := "conversation"
	if st.kind == KindPair {
		kind = "preference_pair"
	}
	return rw.reject([]RejectLine{{Code: code, Span: twinID, Reason: reason + "; span is the kept record's id", Message: -1,
		ID: id, Kind: kind, File: p.files[st.file].Path, Line: int(st.line), Record: int(st.ord), Stage: "dedupe"}})
}

// writeNearPairs writes near_duplicates.jsonl from the spilled pairs, in
// record order, reading each record's id back from the spill file.
func writeNearPairs(rw *runWriter, store *spillStore, dd *dedupeResult) error {
	o, err := rw.out("near_duplicates.jsonl")
	if err != nil {
		return err
	}
	it, err := dd.pairs.iter()
	if err != nil {
		return err
	}
	defer it.close()
	enc := json.NewEncoder(o.w)
	lastA, idA := int32(-1), ""
	for v, ok := it.next(); ok; v, ok = it.next() {
		a, b := int32(v.k>>32), int32(uint32(v.k))
		if a != lastA {
			if idA, err = store.id(a); err != nil {
				return err
			}
			lastA = a
		}
		idB, err := store.id(b)
		if err != nil {
			return err
		}
		if err := enc.Encode(map[string]any{"a": idA, "b": idB, "jaccard": float64(v.i) / 1000}); err != nil {
			return err
		}
		o.n++
	}
	return it.err
}
