// Output side of the curation pipeline: the spill file, rejects.jsonl, and
// pass 2, which streams the spill file once into train/val/test (or the
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
	"slices"
)

// runWriter owns the files of one run.
type runWriter struct {
	dir      string
	mode     Mode
	spillF   *os.File
	spillW   *bufio.Writer
	spillOff int64
	bandF    []*os.File // one file of uint32 band hashes per LSH band
	bandW    []*bufio.Writer
	sigF     *os.File // MinHash signatures, perms × uint32 per record
	sigW     *bufio.Writer
	rejF     *os.File
	rejW     *bufio.Writer
	rejEnc   *json.Encoder
	outs     map[string]*outFile
	// bandBuf and bandVals are readBand's reused buffers.
	bandBuf  []byte
	bandVals []uint32
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
	if rw.rejF, err = os.Create(filepath.Join(dir, "rejects.jsonl")); err != nil {
		return nil, err
	}
	rw.rejW = bufio.NewWriterSize(rw.rejF, 1<<16)
	rw.rejEnc = json.NewEncoder(rw.rejW)
	rw.rejEnc.SetEscapeHTML(false)
	return rw, nil
}

func (rw *runWriter) spillPath() string { return filepath.Join(rw.dir, ".spill.jsonl") }

// spill appends a record, its band hashes and its signature.
func (rw *runWriter) spill(line []byte, bands, sig []uint32) error {
	n, err := rw.spillW.Write(line)
	rw.spillOff += int64(n)
	if err != nil {
		return err
	}
	var buf [4]byte
	for b, v := range bands {
		binary.LittleEndian.PutUint32(buf[:], v)
		if _, err := rw.bandW[b].Write(buf[:]); err != nil {
			return err
		}
	}
	for _, v := range sig {
		binary.LittleEndian.PutUint32(buf[:], v)
		if _, err := rw.sigW.Write(buf[:]); err != nil {
			return err
		}
	}
	return nil
}

func (rw *runWriter) sigPath() string { return filepath.Join(rw.dir, ".signatures") }

func (rw *runWriter) bandPath(b int) string {
	return filepath.Join(rw.dir, fmt.Sprintf(".band%03d", b))
}

// openBands creates one file per LSH band, and the signature file: dedupe
// reads one band at a time and signatures by offset, so neither sits in
// memory.
func (rw *runWriter) openBands(nb int) error {
	f, err := os.Create(rw.sigPath())
	if err != nil {
		return err
	}
	rw.sigF, rw.sigW = f, bufio.NewWriterSize(f, 1<<16)
	for b := range nb {
		f, err := os.Create(rw.bandPath(b))
		if err != nil {
			return err
		}
		rw.bandF = append(rw.bandF, f)
		rw.bandW = append(rw.bandW, bufio.NewWriterSize(f, 1<<14))
	}
	return nil
}

// readBand returns band b's hashes for all n records. The returned slice
// is reused by the next call (dedupe reads one band at a time), so the
// band pass allocates its 8 bytes per record once, not once per band.
func (rw *runWriter) readBand(b, n int) ([]uint32, error) {
	f, err := os.Open(rw.bandPath(b))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil {
		return nil, err
	} else if fi.Size() != int64(4*n) {
		return nil, fmt.Errorf("band file %d: %d bytes for %d records", b, fi.Size(), n)
	}
	if cap(rw.bandBuf) < 4*n {
		rw.bandBuf, rw.bandVals = make([]byte, 4*n), make([]uint32, n)
	}
	buf, out := rw.bandBuf[:4*n], rw.bandVals[:n]
	if _, err := io.ReadFull(f, buf); err != nil {
		return nil, fmt.Errorf("band file %d: %w", b, err)
	}
	for i := range out {
		out[i] = binary.LittleEndian.Uint32(buf[4*i:])
	}
	return out, nil
}

func (rw *runWriter) flushSpill() error {
	if rw.sigW != nil {
		if err := rw.sigW.Flush(); err != nil {
			return err
		}
	}
	for _, w := range rw.bandW {
		if err := w.Flush(); err != nil {
			return err
		}
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

// finish flushes and syncs everything and removes the spill file.
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
	rw.spillF.Close()
	for b, f := range rw.bandF {
		f.Close()
		if err := os.Remove(rw.bandPath(b)); err != nil {
			return err
		}
	}
	if rw.sigF != nil {
		rw.sigF.Close()
		if err := os.Remove(rw.sigPath()); err != nil {
			return err
		}
	}
	return os.Remove(rw.spillPath())
}

// close releases files after a failure; the staging directory is removed
// by its Abort.
func (rw *runWriter) close() {
	rw.spillF.Close()
	for _, f := range rw.bandF {
		f.Close()
	}
	if rw.sigF != nil {
		rw.sigF.Close()
	}
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

// pass2 streams the spill file into the outputs.
func (p *pipeline) pass2(ctx context.Context, rw *runWriter, states []recState, dd *dedupeResult, splits []int8, m *Manifest, prog *progress) error {
	prog.begin("write", 0)
	if err := rw.flushSpill(); err != nil {
		return err
	}
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
	// Ids of the records that others duplicate or pair with, learnt as
	// the stream passes them (they always come first).
	need := map[int32]string{}
	if dd != nil {
		for i, d := range dd.drop {
			if d != keepRecord {
				need[dd.twin[i]] = ""
			}
		}
		for _, pr := range dd.pairs {
			need[pr.A], need[pr.B] = "", ""
		}
	}
	f, err := os.Open(rw.spillPath())
	if err != nil {
		return err
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 1<<20)
	var idProbe struct {
		ID string `json:"id"`
	}
	for i := range states {
		if i%4096 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		line, err := br.ReadBytes('\n')
		if err != nil && !(err == io.EOF && len(line) > 0) {
			return fmt.Errorf("spill file, record %d: %v", i+1, err)
		}
		st := &states[i]
		_, wanted := need[int32(i)]
		dropped := dd != nil && dd.drop[i] != keepRecord
		if wanted || dropped {
			idProbe.ID = ""
			if err := json.Unmarshal(line, &idProbe); err != nil {
				return fmt.Errorf("spill file, record %d: %v", i+1, err)
			}
			if wanted {
				need[int32(i)] = idProbe.ID
			}
		}
		if dropped {
			code, why := "duplicate_exact", "the same text (after normalising case, punctuation and spacing) as an earlier record"
			if dd.drop[i] == dropNear {
				code, why = "duplicate_near", fmt.Sprintf("a near duplicate (Jaccard ≥ %.2f over %d-word shingles) of an earlier record", p.cfg.Dedupe.Threshold, p.cfg.Dedupe.Shingle)
			}
			kind := "conversation"
			if st.kind == KindPair {
				kind = "preference_pair"
			}
			rl := RejectLine{Code: code, Span: need[dd.twin[i]], Reason: why + "; span is the kept record's id", Message: -1,
				ID: idProbe.ID, Kind: kind, File: p.files[st.file].Path, Line: int(st.line), Record: int(st.ord), Stage: "dedupe"}
			if err := rw.reject([]RejectLine{rl}); err != nil {
				return err
			}
			continue
		}
		var rel string
		var outLine []byte
		if splits != nil {
			if splits[i] >= 0 {
				name := string(splitNames[splits[i]])
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
	prog.tick(int64(len(states)), 0, true)
	if dd != nil && len(dd.pairs) > 0 {
		o, err := rw.out("near_duplicates.jsonl")
		if err != nil {
			return err
		}
		enc := json.NewEncoder(o.w)
		slices.SortFunc(dd.pairs, func(a, b NearPair) int {
			if a.A != b.A {
				return int(a.A - b.A)
			}
			return int(a.B - b.B)
		})
		for _, pr := range dd.pairs {
			if err := enc.Encode(map[string]any{"a": need[pr.A], "b": need[pr.B], "jaccard": round3(pr.Jaccard)}); err != nil {
				return err
			}
			o.n++
		}
	}
	for rel, o := range rw.outs {
		m.Outputs[rel] = o.n
	}
	return nil
}
