// Streaming machinery for curation: opening inputs (tend JSONL read
// strictly, anything else through the importers), a progress meter with
// rate and ETA, a metrics log, and the ordered worker pool that runs the
// per-record stages in parallel while keeping output in input order.
package data

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"hash"
	"io"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/tend-project/tend/conv"
)

// InputFile is one input with its size (for the ETA) and sha256.
type InputFile struct {
	Path   string `json:"path"`
	Format string `json:"format"`
	Bytes  int64  `json:"bytes"`
	SHA256 string `json:"sha256"`
}

// nativeConvKeys and nativePairKeys are the JSON fields of tend's own
// records; a first record with only these is read strictly with conv's
// reader, keeping labels and failing on unknown labels.
var (
	nativeConvKeys = wordSet("id messages labels source license split")
	nativePairKeys = wordSet("id prompt chosen rejected reasons annotator concerns source license split")
)

// sniffNative reports whether the first record of br is a tend record and
// which kind.
func sniffNative(br *bufio.Reader) (kind RecordKind, native bool) {
	head, _ := br.Peek(sniffBytes)
	head = bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
	if len(head) == 0 || head[0] != '{' {
		return 0, false
	}
	line, _, _ := bytes.Cut(head, []byte("\n"))
	var obj map[string]json.RawMessage
	if json.Unmarshal(line, &obj) != nil {
		return 0, false
	}
	allIn := func(set map[string]bool) bool {
		for k := range obj {
			if !set[k] {
				return false
			}
		}
		return true
	}
	_, hasMsgs := obj["messages"]
	_, hasChosen := obj["chosen"]
	p := bytes.TrimSpace(obj["prompt"])
	// A near miss of a tend field ("lables") means a tend file with a
	// typo, which the strict reader reports, not an OpenAI file whose
	// extra keys an importer would silently ignore.
	nearMiss := false
	for k := range obj {
		for t := range nativeConvKeys {
			if k != t && editDistance(k, t) <= 2 {
				nearMiss = true
			}
		}
	}
	switch {
	case hasMsgs && (allIn(nativeConvKeys) || nearMiss) && messagesAreNative(obj["messages"]):
		return KindConversation, true
	case hasChosen && allIn(nativePairKeys) && len(p) > 0 && p[0] == '[':
		return KindPair, true
	}
	return 0, false
}

// editDistance is the Levenshtein distance between two short strings.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func messagesAreNative(raw json.RawMessage) bool {
	var msgs []map[string]json.RawMessage
	if json.Unmarshal(raw, &msgs) != nil {
		return false
	}
	for _, m := range msgs {
		for k, v := range m {
			if k != "role" && k != "content" || k == "content" && (len(v) == 0 || v[0] != '"') {
				return false
			}
		}
	}
	return true
}

// countingReader counts bytes read, for progress.
type countingReader struct {
	r io.Reader
	n *atomic.Int64
}

func (c countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// item is one record on its way through the per-record stages.
type item struct {
	kind RecordKind
	conv conv.Conversation
	pair conv.PreferencePair
	file uint16
	line uint32 // 0 when the importer does not report lines
	ord  uint32 // 1-based record number within the file
	err  error  // a skipped invalid record
	raw  string
}

// recordStream yields the records of every input in order.
type recordStream struct {
	files   []InputFile
	opt     Options
	read    atomic.Int64 // bytes consumed, all files
	hash    hash.Hash    // receives the raw bytes of the open file, if set
	closeFn func() error
}

// open opens file i and returns a function yielding its records.
func (s *recordStream) open(i int) (next func() (*item, error), err error) {
	f, err := os.Open(s.files[i].Path)
	if err != nil {
		return nil, err
	}
	var src io.Reader = f
	if s.hash != nil {
		src = io.TeeReader(f, s.hash)
	}
	var r io.Reader = countingReader{src, &s.read}
	var zr *gzip.Reader
	if strings.HasSuffix(strings.ToLower(s.files[i].Path), ".gz") {
		if zr, err = gzip.NewReader(r); err != nil {
			f.Close()
			return nil, fmt.Errorf("%s: %w", s.files[i].Path, err)
		}
		r = zr
	}
	s.closeFn = func() error {
		if zr != nil {
			zr.Close()
		}
		return f.Close()
	}
	name := s.files[i].Path
	br := NewBufferedReader(r)
	ord := uint32(0)
	if kind, ok := sniffNative(br); ok {
		if kind == KindConversation {
			s.files[i].Format = "tend"
			cr := conv.NewReader[conv.Conversation](br, name)
			return func() (*item, error) {
				c, err := cr.Next()
				ord++
				it := &item{kind: KindConversation, conv: c, file: uint16(i), line: uint32(cr.Line()), ord: ord}
				if err != nil {
					it.raw = string(cr.RawLine())
				}
				return it, err
			}, nil
		}
		s.files[i].Format = "tend-preferences"
		pr := conv.NewReader[conv.PreferencePair](br, name)
		return func() (*item, error) {
			p, err := pr.Next()
			ord++
			it := &item{kind: KindPair, pair: p, file: uint16(i), line: uint32(pr.Line()), ord: ord}
			if err != nil {
				it.raw = string(pr.RawLine())
			}
			return it, err
		}, nil
	}
	format, err := Detect(name, br)
	if err != nil {
		s.closeFn()
		return nil, err
	}
	s.files[i].Format = string(format)
	if format.Pairs() {
		pr := OpenPairs(br, name, s.opt)
		return func() (*item, error) {
			p, err := pr.Next()
			ord++
			return &item{kind: KindPair, pair: p, file: uint16(i), ord: ord, raw: string(pr.Raw())}, err
		}, nil
	}
	cr, err := OpenConversations(br, name, format, s.opt)
	if err != nil {
		s.closeFn()
		return nil, err
	}
	return func() (*item, error) {
		c, err := cr.Next()
		ord++
		return &item{kind: KindConversation, conv: c, file: uint16(i), ord: ord, raw: string(cr.Raw())}, err
	}, nil
}

// progress prints a rate and ETA on stderr at most every 500 ms and logs
// the same numbers to a metrics writer.
type progress struct {
	w       io.Writer
	metrics *json.Encoder
	stage   string
	start   time.Time
	last    time.Time
	total   int64 // bytes, for the ETA; 0 if unknown
	mu      sync.Mutex
}

func newProgress(w io.Writer, metrics io.Writer) *progress {
	p := &progress{w: w}
	if metrics != nil {
		p.metrics = json.NewEncoder(metrics)
	}
	return p
}

// begin starts timing a stage.
func (p *progress) begin(stage string, totalBytes int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.stage, p.total = stage, totalBytes
	p.start, p.last = time.Now(), time.Time{}
}

// tick reports records done and bytes consumed; force prints even if the
// last report was recent.
func (p *progress) tick(records int64, bytesDone int64, force bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	if !force && now.Sub(p.last) < 500*time.Millisecond {
		return
	}
	p.last = now
	el := now.Sub(p.start).Seconds()
	rate := 0.0
	if el > 0 {
		rate = float64(records) / el
	}
	eta := ""
	etaSec := -1.0
	if p.total > 0 && bytesDone > 0 && bytesDone < p.total {
		etaSec = el * float64(p.total-bytesDone) / float64(bytesDone)
		eta = fmt.Sprintf("  ETA %s", (time.Duration(etaSec) * time.Second).Round(time.Second))
	}
	if p.w != nil {
		fmt.Fprintf(p.w, "\rcurate: %-8s %9d records  %7.0f rec/s%s   ", p.stage, records, rate, eta)
		if force {
			fmt.Fprintln(p.w)
		}
	}
	if p.metrics != nil {
		p.metrics.Encode(map[string]any{"time": now.UTC().Format(time.RFC3339Nano), "stage": p.stage, "records": records,
			"records_per_s": round3(rate), "elapsed_s": round3(el), "eta_s": round3(etaSec), "bytes": bytesDone})
	}
}

func round3(x float64) float64 { return float64(int64(x*1000+0.5)) / 1000 }

// orderedPool runs fn over batches with n workers and delivers results to
// sink in submission order.
type orderedPool[In, Out any] struct {
	jobs  chan poolJob[In, Out]
	order chan chan Out
	wg    sync.WaitGroup
}

type poolJob[In, Out any] struct {
	in  In
	out chan Out
}

func newOrderedPool[In, Out any](n int, fn func(worker int, in In) Out) *orderedPool[In, Out] {
	p := &orderedPool[In, Out]{jobs: make(chan poolJob[In, Out], 2*n), order: make(chan chan Out, 4*n)}
	for w := 0; w < n; w++ {
		p.wg.Add(1)
		go func(w int) {
			defer p.wg.Done()
			for j := range p.jobs {
				j.out <- fn(w, j.in)
			}
		}(w)
	}
	return p
}

// submit queues a batch; it blocks when the pool is full.
func (p *orderedPool[In, Out]) submit(in In) {
	out := make(chan Out, 1)
	p.order <- out
	p.jobs <- poolJob[In, Out]{in, out}
}

// close stops accepting work; results still drain through results.
func (p *orderedPool[In, Out]) close() {
	close(p.jobs)
	close(p.order)
}

// results yields outputs in order until close and drain.
func (p *orderedPool[In, Out]) results() <-chan chan Out { return p.order }
