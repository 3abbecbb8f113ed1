// The curation pipeline. Pass 1 streams every input through the per-record
// stages (scrub, filter, annotate, MinHash) in parallel and spills the
// survivors to the staging directory: JSON lines, fixed-size facts,
// signatures, and exact and LSH band keys into external sorts (spill.go,
// extsort.go), so no per-record state stays in memory. Dedupe merges the
// sorted keys (reading back just the candidate pairs to verify), split
// streams the facts, and pass 2 streams the spill file once more into the
// output files (curate_write.go). All output goes to a staging directory
// that replaces --out only at the end.
package data

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"time"

	"github.com/tend-project/tend/atomicfile"
	"github.com/tend-project/tend/conv"
)

// Mode selects which stages run.
type Mode string

const (
	ModeCurate Mode = "curate" // every stage, split output
	ModeScrub  Mode = "scrub"  // scrub only; unsplit output
	ModeDedupe Mode = "dedupe" // dedupe only; unsplit output
	ModeSplit  Mode = "split"  // cluster and split, nothing dropped
)

// CurateOptions says what to curate and where.
type CurateOptions struct {
	Mode    Mode
	Config  CurateConfig
	Inputs  []string
	Out     string
	Force   bool
	Version string // tend version, for the manifest
	// Progress receives a progress line (rate, ETA); nil for none.
	Progress io.Writer
	// Filters and Annotators replace the built-in ones when non-nil.
	Filters    []Filter
	Annotators []Annotator
	// MemBudget bounds the memory of the external sorts that replace
	// per-record state (bytes; 0 means DefaultMemBudget). Peak memory
	// does not grow with the input beyond it, apart from the clusters of
	// records that have duplicates.
	MemBudget int64
}

// recState is the per-record state pass 1 spills to the facts file
// (spill.go) for dedupe, split and the data card.
type recState struct {
	off     int64
	exact   uint64
	ord     uint32
	line    uint32
	tokens  uint32
	file    uint16
	kind    RecordKind
	stratum uint8
	sev     int8 // -1 unlabelled
	review  bool
	strat   [8]uint8 // assistant turns per ESConv strategy
}

// result is one record after the per-record stages.
type result struct {
	st      recState
	json    []byte
	bands   []uint32
	sig     []uint32
	rejects []RejectLine
}

// RejectLine is one line of rejects.jsonl.
type RejectLine struct {
	Code    string `json:"code"`
	Span    string `json:"span,omitempty"`
	Reason  string `json:"reason"`
	Message int    `json:"message"`
	ID      string `json:"id,omitempty"`
	Kind    string `json:"kind"`
	File    string `json:"file"`
	Line    int    `json:"line,omitempty"`
	Record  int    `json:"record"`
	Stage   string `json:"stage"`
}

type pipeline struct {
	opt        CurateOptions
	cfg        CurateConfig
	scrub      *Scrubber
	filters    []Filter
	annotators []Annotator
	mh         *MinHasher
	nb, nr     int
	workers    int
	perWorker  []workerStats
	files      []InputFile
}

// workerStats are per-worker counters, summed at the end.
type workerStats struct {
	scrub          ScrubCounts
	scrubT, filtT  time.Duration
	annT, hashT    time.Duration
	filterReasons  map[string]int
	scratchWords   []uint64
	scratchShingle []uint64
	sig            []uint32
	buf            bytes.Buffer
	enc            *json.Encoder
}

func newPipeline(opt CurateOptions) (*pipeline, error) {
	cfg := opt.Config
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	p := &pipeline{opt: opt, cfg: cfg, workers: cfg.Workers}
	if p.workers == 0 {
		p.workers = runtime.GOMAXPROCS(0)
	}
	if cfg.Scrub.Enabled && (opt.Mode == ModeCurate || opt.Mode == ModeScrub) {
		p.scrub = NewScrubber(cfg.Scrub.ScrubConfig)
	}
	if opt.Mode == ModeCurate {
		p.filters, p.annotators = opt.Filters, opt.Annotators
		if p.filters == nil {
			p.filters = []Filter{NewQualityFilter(cfg.Filter.Quality)}
			if cfg.Filter.Guard.Enabled {
				g, err := NewGuardFilter(cfg.Filter.Guard)
				if err != nil {
					return nil, err
				}
				p.filters = append(p.filters, g)
			}
			cf, err := ContentFiltersFor(cfg.Filter.Guard) // misinformation, harmful advice, stigma (filter_*.go)
			if err != nil {
				return nil, err
			}
			p.filters = append(p.filters, cf...)
		}
		if p.annotators == nil {
			m, err := NewModelAnnotator() // trained annotator (annotate_model*.go)
			if err != nil {
				return nil, err
			}
			p.annotators = []Annotator{KeepLabels{}, m}
		}
	}
	if opt.Mode != ModeScrub && (cfg.Dedupe.Enabled || opt.Mode != ModeCurate) {
		p.mh = NewMinHasher(cfg.Dedupe.Perms, cfg.Dedupe.Shingle, cfg.Seed)
		p.nb, p.nr = Bands(cfg.Dedupe.Threshold, cfg.Dedupe.Perms)
	}
	for _, in := range opt.Inputs {
		fi, err := os.Stat(in)
		if err != nil {
			return nil, err
		}
		if fi.IsDir() {
			return nil, fmt.Errorf("%s: is a directory; pass the JSONL files in it", in)
		}
		p.files = append(p.files, InputFile{Path: in, Bytes: fi.Size()})
	}
	if len(p.files) > 1<<16-1 {
		return nil, fmt.Errorf("%d inputs: at most 65535", len(p.files))
	}
	p.perWorker = make([]workerStats, p.workers)
	for i := range p.perWorker {
		w := &p.perWorker[i]
		w.filterReasons = map[string]int{}
		w.enc = json.NewEncoder(&w.buf)
		w.enc.SetEscapeHTML(false)
		if p.mh != nil {
			w.sig = make([]uint32, p.mh.Perms())
		}
	}
	return p, nil
}

// process runs the per-record stages on one item.
func (p *pipeline) process(w int, it *item) result {
	ws := &p.perWorker[w]
	var r result
	r.st = recState{file: it.file, line: it.line, ord: it.ord, kind: it.kind, sev: -1}
	if it.err != nil {
		r.rejects = append(r.rejects, p.rejectLine(it, Reject{Code: "invalid_record", Message: -1, Reason: it.err.Error(), Span: clip(it.raw)}, "import"))
		return r
	}
	t0 := time.Now()
	if p.scrub != nil {
		if it.kind == KindConversation {
			p.scrub.ScrubConversation(&it.conv, &ws.scrub)
		} else {
			p.scrub.ScrubPair(&it.pair, &ws.scrub)
		}
	}
	t1 := time.Now()
	ws.scrubT += t1.Sub(t0)
	view := &it.conv
	if it.kind == KindPair {
		view = pairAsConversation(&it.pair)
	}
	for _, f := range p.filters {
		for _, rj := range f.Check(view) {
			r.rejects = append(r.rejects, p.rejectLine(it, rj, "filter:"+f.Name()))
			ws.filterReasons[rj.Code]++
		}
	}
	t2 := time.Now()
	ws.filtT += t2.Sub(t1)
	if len(r.rejects) > 0 {
		return r
	}
	if len(p.annotators) > 0 {
		conf := 1.0
		for _, a := range p.annotators {
			view.Labels, conf = a.Annotate(view)
		}
		if conf < 1 && (len(view.Labels.Concerns) > 0 || view.Labels.Severity != nil) {
			c := conf
			view.Labels.Confidence = &c
		}
		if it.kind == KindConversation {
			it.conv.Labels = view.Labels
		} else {
			it.pair.Concerns = view.Labels.Concerns
		}
		r.st.review = conf < p.cfg.Review.Below
	}
	t3 := time.Now()
	ws.annT += t3.Sub(t2)
	p.stats(&r.st, view)
	msgs := view.Messages
	if it.kind == KindPair {
		msgs = it.pair.Prompt
		r.st.exact = exactHash(KindPair, it.pair.Prompt, it.pair.Chosen, it.pair.Rejected)
	} else {
		r.st.exact = exactHash(KindConversation, it.conv.Messages)
	}
	if p.mh != nil {
		ws.scratchWords = dedupeWords(msgs, ws.scratchWords[:0])
		ws.scratchShingle = p.mh.Shingles(ws.scratchWords, ws.scratchShingle)
		p.mh.Signature(ws.scratchShingle, ws.sig)
		r.bands = bandHashes(ws.sig, p.nb, p.nr, make([]uint32, 0, p.nb))
		r.sig = slices.Clone(ws.sig)
	}
	ws.hashT += time.Since(t3)
	ws.buf.Reset()
	var err error
	if it.kind == KindConversation {
		it.conv.Split = ""
		if err = it.conv.Validate(); err == nil {
			err = ws.enc.Encode(&it.conv)
		}
	} else {
		it.pair.Split = ""
		if err = it.pair.Validate(); err == nil {
			err = ws.enc.Encode(&it.pair)
		}
	}
	if err != nil {
		// Scrubbing can only shorten text to a placeholder, so this means
		// an annotator produced labels that do not fit the record.
		r.rejects = append(r.rejects, p.rejectLine(it, Reject{Code: "invalid_after_curation", Message: -1, Reason: err.Error()}, "annotate"))
		return r
	}
	r.json = bytes.Clone(ws.buf.Bytes())
	return r
}

// stats fills the per-record numbers the data card needs.
func (p *pipeline) stats(st *recState, c *conv.Conversation) {
	st.stratum = primaryConcern(c.Labels.Concerns)
	if c.Labels.Severity != nil {
		st.sev = int8(*c.Labels.Severity)
	}
	for _, t := range c.Labels.Turns {
		for k, s := range conv.Strategies {
			if t.Strategy == s && st.strat[k] < 255 {
				st.strat[k]++
			}
		}
	}
	n := 0
	for _, m := range c.Messages {
		n += approxTokens(m.Content)
	}
	st.tokens = uint32(n)
}

// approxTokens estimates a BPE token count without a tokenizer: words and
// punctuation marks, with long words counted per four bytes.
func approxTokens(s string) int {
	n, run := 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '\n' || c == '\t':
			n += (run + 3) / 4
			run = 0
		case c < 0x80 && !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '\''):
			n += (run+3)/4 + 1
			run = 0
		default:
			run++
		}
	}
	return n + (run+3)/4
}

func (p *pipeline) rejectLine(it *item, rj Reject, stage string) RejectLine {
	l := RejectLine{Code: rj.Code, Span: rj.Span, Reason: rj.Reason, Message: rj.Message, File: p.files[it.file].Path,
		Line: int(it.line), Record: int(it.ord), Stage: stage, Kind: "conversation"}
	if it.kind == KindPair {
		l.Kind, l.ID = "preference_pair", it.pair.ID
	} else {
		l.ID = it.conv.ID
	}
	return l
}

// Curate runs the pipeline and returns the manifest it wrote.
func Curate(ctx context.Context, opt CurateOptions) (*Manifest, error) {
	if opt.Mode == "" {
		opt.Mode = ModeCurate
	}
	if opt.MemBudget < 0 {
		return nil, fmt.Errorf("memory budget %d: must be positive", opt.MemBudget)
	}
	if opt.MemBudget == 0 {
		opt.MemBudget = DefaultMemBudget
	}
	start := time.Now()
	p, err := newPipeline(opt)
	if err != nil {
		return nil, err
	}
	// A killed run leaves its staging directory (and spill files) behind;
	// the next run for the same output removes it.
	if _, err := removeStaleStaging(opt.Out); err != nil {
		return nil, fmt.Errorf("removing a killed run's staging directory: %w", err)
	}
	dir, err := atomicfile.StageDir(opt.Out, opt.Force)
	if err != nil {
		return nil, err
	}
	defer dir.Abort()
	if err := claimStaging(dir.Path); err != nil {
		return nil, err
	}
	m := newManifest(p, opt)
	rw, err := newRunWriter(dir.Path, opt.Mode)
	if err != nil {
		return nil, err
	}
	defer rw.close()
	metricsFile, err := os.Create(filepath.Join(dir.Path, "metrics.jsonl"))
	if err != nil {
		return nil, err
	}
	defer metricsFile.Close()
	prog := newProgress(opt.Progress, metricsFile)

	t := time.Now()
	if err := p.pass1(ctx, rw, prog, m); err != nil {
		return nil, err
	}
	m.Durations["read_scrub_filter_annotate"] = time.Since(t).Seconds()
	p.collect(m)
	// The per-record stages are done: let the collector have their models
	// and scratch buffers while dedupe and split run.
	p.filters, p.annotators, p.scrub, p.perWorker = nil, nil, nil, nil
	store, err := openSpillStore(rw.spillPath(), rw.factsPath(), rw.n)
	if err != nil {
		return nil, err
	}
	defer store.close()

	t = time.Now()
	var dd *dedupeResult
	if p.mh != nil {
		dd, err = p.dedupe(ctx, rw, store, prog)
		if err != nil {
			return nil, err
		}
		defer dd.close()
		m.addDedupe(dd, p)
	}
	m.Durations["dedupe"] = time.Since(t).Seconds()

	t = time.Now()
	var splits *splitResult
	if opt.Mode == ModeCurate || opt.Mode == ModeSplit {
		if splits, err = p.split(rw, dd); err != nil {
			return nil, err
		}
		defer splits.close()
	}
	m.Durations["split"] = time.Since(t).Seconds()

	t = time.Now()
	if err := p.pass2(ctx, rw, store, dd, splits, m, prog); err != nil {
		return nil, err
	}
	m.Durations["write"] = time.Since(t).Seconds()
	m.Durations["total"] = time.Since(start).Seconds()
	m.Spill = SpillReport{BudgetBytes: opt.MemBudget, Runs: rw.count.runs.Load(), Bytes: rw.count.bytes.Load(),
		RecordBytes: rw.spillOff + int64(rw.n)*factSize}
	if p.mh != nil {
		m.Spill.RecordBytes += int64(rw.n) * int64(4*p.mh.Perms())
	}
	store.close()
	dd.close()
	splits.close()
	if err := rw.finish(); err != nil {
		return nil, err
	}
	if err := metricsFile.Close(); err != nil {
		return nil, err
	}
	if err := m.write(dir.Path, opt.Mode == ModeCurate); err != nil {
		return nil, err
	}
	if err := os.Remove(filepath.Join(dir.Path, ownerFile)); err != nil {
		return nil, err
	}
	if err := dir.Commit(); err != nil {
		return nil, err
	}
	return m, nil
}

// pass1 streams the inputs through the per-record stages and spills the
// survivors: JSON lines, facts, signatures, and the exact and band keys
// into external sorters.
func (p *pipeline) pass1(ctx context.Context, rw *runWriter, prog *progress, m *Manifest) error {
	var total int64
	for _, f := range p.files {
		total += f.Bytes
	}
	prog.begin("pass 1", total)
	rs := &recordStream{files: p.files, opt: Options{License: p.cfg.License}}
	const batch = 128
	pool := newOrderedPool(p.workers, func(w int, items []*item) []result {
		out := make([]result, len(items))
		for i, it := range items {
			out[i] = p.process(w, it)
		}
		return out
	})
	readErr := make(chan error, 1)
	hashes := make([]hash.Hash, len(p.files))
	go func() {
		defer pool.close()
		var cur []*item
		for i := range p.files {
			hashes[i] = sha256.New()
			next, err := rs.openHashed(i, hashes[i])
			if err != nil {
				readErr <- err
				return
			}
			for {
				if ctx.Err() != nil {
					rs.closeFn()
					readErr <- ctx.Err()
					return
				}
				it, err := next()
				if err == io.EOF {
					break
				}
				if err != nil {
					var le *conv.LineError
					if !p.cfg.SkipInvalid || !errors.As(err, &le) || errors.Is(err, ErrStreamBroken) {
						rs.closeFn()
						readErr <- err
						return
					}
					it.err = err
				}
				cur = append(cur, it)
				if len(cur) == batch {
					pool.submit(cur)
					cur = nil
				}
			}
			if err := rs.closeFn(); err != nil {
				readErr <- err
				return
			}
		}
		if len(cur) > 0 {
			pool.submit(cur)
		}
		readErr <- nil
	}()
	if p.mh != nil {
		// Band keys are nb per record, so they get most of the budget.
		if err := rw.openDedupe(p.opt.MemBudget/8, p.opt.MemBudget/2); err != nil {
			drainPool(pool)
			return err
		}
	}
	var read int64
	for ch := range pool.results() {
		for _, r := range <-ch {
			read++
			if len(r.rejects) > 0 {
				if err := rw.reject(r.rejects); err != nil {
					drainPool(pool)
					return err
				}
				if r.rejects[0].Code == "invalid_record" {
					m.Counts.Invalid++
				} else {
					m.Counts.Filtered++
				}
				continue
			}
			if rw.n >= 1<<31-1 {
				drainPool(pool)
				return fmt.Errorf("more than %d records: more than this build can index", rw.n)
			}
			if err := rw.spill(&r.st, r.json, r.bands, r.sig); err != nil {
				drainPool(pool)
				return err
			}
		}
		prog.tick(read, rs.read.Load(), false)
	}
	if err := <-readErr; err != nil {
		return err
	}
	prog.tick(read, rs.read.Load(), true)
	m.Counts.Read = int(read)
	for i := range p.files {
		p.files[i].SHA256 = hex.EncodeToString(hashes[i].Sum(nil))
	}
	m.Inputs = p.files
	return rw.flushSpill()
}

func drainPool[In, Out any](p *orderedPool[In, Out]) {
	go func() {
		for ch := range p.results() {
			<-ch
		}
	}()
}

// openHashed opens input i with its bytes also fed to h.
func (s *recordStream) openHashed(i int, h hash.Hash) (func() (*item, error), error) {
	s.hash = h
	return s.open(i)
}

// dedupe runs exact and near-duplicate detection on the spilled state.
func (p *pipeline) dedupe(ctx context.Context, rw *runWriter, store *spillStore, prog *progress) (*dedupeResult, error) {
	prog.begin("dedupe", 0)
	load := func(i int32) ([]uint64, error) {
		line, st, err := store.line(i)
		if err != nil {
			return nil, err
		}
		msgs, err := spillMessages(st.kind, line)
		if err != nil {
			return nil, fmt.Errorf("spill file, record %d: %w", i, err)
		}
		return p.mh.Shingles(dedupeWords(msgs, nil), nil), nil
	}
	cfg := p.cfg.Dedupe.DedupeConfig
	dropAny := p.opt.Mode != ModeSplit
	if !dropAny {
		cfg.DropNear = false
	}
	sf, err := os.Open(rw.sigPath())
	if err != nil {
		return nil, err
	}
	defer sf.Close()
	perms := p.mh.Perms()
	sig := func(i int32, out []uint32) error {
		buf := make([]byte, 4*perms)
		if _, err := sf.ReadAt(buf, int64(i)*int64(len(buf))); err != nil {
			return fmt.Errorf("signature file: %w", err)
		}
		for k := range out {
			out[k] = binary.LittleEndian.Uint32(buf[4*k:])
		}
		return nil
	}
	kind := func(i int32) (RecordKind, error) {
		st, _, err := store.fact(i)
		return st.kind, err
	}
	dd, err := runDedupe(cfg, dedupeInput{ctx: ctx, n: rw.n, nb: p.nb, exact: rw.exact, bands: rw.bands, kind: kind,
		load: load, dropExact: dropAny, sig: sig, perms: perms, dir: rw.dir, budget: p.opt.MemBudget / 2, count: &rw.count})
	if err != nil {
		return nil, err
	}
	rw.closeDedupe()
	prog.tick(int64(rw.n), 0, true)
	return dd, nil
}

// spillMessages decodes the messages a record is compared by.
func spillMessages(kind RecordKind, line []byte) ([]conv.Message, error) {
	if kind == KindPair {
		var pp struct {
			Prompt []conv.Message `json:"prompt"`
		}
		err := json.Unmarshal(line, &pp)
		return pp.Prompt, err
	}
	var c struct {
		Messages []conv.Message `json:"messages"`
	}
	err := json.Unmarshal(line, &c)
	return c.Messages, err
}

// split assigns splits to the surviving records, streaming their facts.
func (p *pipeline) split(rw *runWriter, dd *dedupeResult) (*splitResult, error) {
	facts, err := openFacts(rw.factsPath(), rw.n)
	if err != nil {
		return nil, err
	}
	defer facts.close()
	i := int32(-1)
	next := func() (splitRec, error) {
		st, _, err := facts.next()
		if err != nil {
			return splitRec{}, err
		}
		i++
		return splitRec{i: i, keep: p.keep(dd, i, &st), stratum: uint16(st.stratum)<<1 | uint16(st.kind), key: st.exact}, nil
	}
	in := splitInput{next: next, root: func(i int32) int32 { return i }, clustered: func(int32) bool { return false },
		dir: rw.dir, budget: p.opt.MemBudget, count: &rw.count}
	if dd != nil {
		in.root, in.clustered = dd.uf.find, dd.uf.clustered
	}
	return assignSplits(p.cfg.Split, p.cfg.Seed, in)
}

// keep reports whether record i goes into a split: not dropped as a
// duplicate, and not held out for review.
func (p *pipeline) keep(dd *dedupeResult, i int32, st *recState) bool {
	if p.cfg.Review.HoldOut && st.review {
		return false
	}
	if dd != nil {
		if why, _ := dd.dropOf(i); why != keepRecord {
			return false
		}
	}
	return true
}
