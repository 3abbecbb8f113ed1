// The load test's fake backend: an OpenAI-compatible streaming server that
// costs as little CPU as possible (every server-sent event is encoded once,
// up front) and records, per request, when the request arrived and when each
// chunk left it. The client runs in the same process, so its timestamps and
// these share one monotonic clock and can be subtracted exactly.
package loadtest

import (
	"bytes"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// backend streams a fixed reply, one word per chunk, ChunkDelay apart.
type backend struct {
	reply    string
	events   [][]byte // one pre-encoded "data: {...}\n\n" event per piece
	pieceEnd []int    // byte offset in reply where each piece ends
	tail     []byte   // finish chunk, usage chunk and [DONE], sent as one write
	delay    time.Duration

	mu   sync.Mutex
	recs map[string]*record // by the request's user field

	srv *http.Server
	url string
}

// record is what the backend saw of one request.
type record struct {
	recv  time.Time   // the handler started (headers read)
	sent  []time.Time // just before each piece was written and flushed
	done  time.Time   // just before the tail was written; zero if it failed
	ready chan struct{}
}

func newBackend(reply string, delay time.Duration) (*backend, error) {
	b := &backend{reply: reply, delay: delay, recs: map[string]*record{}}
	end := 0
	for _, piece := range strings.SplitAfter(reply, " ") {
		if piece == "" {
			continue
		}
		content, _ := json.Marshal(piece)
		ev := `data: {"id":"fake","object":"chat.completion.chunk","created":1,"model":"fake","choices":[{"index":0,"delta":{"content":` +
			string(content) + `},"finish_reason":null}]}` + "\n\n"
		b.events = append(b.events, []byte(ev))
		end += len(piece)
		b.pieceEnd = append(b.pieceEnd, end)
	}
	n := strconv.Itoa(len(b.events))
	b.tail = []byte(`data: {"id":"fake","object":"chat.completion.chunk","created":1,"model":"fake","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}` + "\n\n" +
		`data: {"id":"fake","object":"chat.completion.chunk","created":1,"model":"fake","choices":[],"usage":{"prompt_tokens":20,"completion_tokens":` + n + `,"total_tokens":` + strconv.Itoa(20+len(b.events)) + `}}` + "\n\n" +
		"data: [DONE]\n\n")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	b.url = "http://" + ln.Addr().String() + "/v1"
	b.srv = &http.Server{Handler: http.HandlerFunc(b.handle), ReadHeaderTimeout: 10 * time.Second}
	go b.srv.Serve(ln)
	return b, nil
}

func (b *backend) close() { b.srv.Close() }

// take waits (up to a second) for the record of user's request to be
// complete and removes it. The client calls it after reading its [DONE],
// which the backend's own [DONE] may beat to the client only by moments.
func (b *backend) take(user string) (*record, bool) {
	b.mu.Lock()
	r, ok := b.recs[user]
	delete(b.recs, user)
	b.mu.Unlock()
	if !ok {
		return nil, false
	}
	select {
	case <-r.ready:
		return r, true
	case <-time.After(time.Second):
		return nil, false
	}
}

var bodyPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func (b *backend) handle(w http.ResponseWriter, r *http.Request) {
	rec := &record{recv: time.Now(), sent: make([]time.Time, 0, len(b.events)), ready: make(chan struct{})}
	if r.URL.Path != "/v1/chat/completions" || r.Method != http.MethodPost {
		http.NotFound(w, r)
		return
	}
	buf := bodyPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer bodyPool.Put(buf)
	if _, err := buf.ReadFrom(io.LimitReader(r.Body, 1<<20)); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	// Once per request, so encoding/json is cheap enough here; only the
	// two fields the fake needs are decoded.
	var req struct {
		User   string `json:"user"`
		Stream bool   `json:"stream"`
	}
	if err := json.Unmarshal(buf.Bytes(), &req); err != nil || !req.Stream || req.User == "" {
		http.Error(w, "the load-test backend wants a streaming request with a user id", http.StatusBadRequest)
		return
	}
	b.mu.Lock()
	b.recs[req.User] = rec
	b.mu.Unlock()
	defer close(rec.ready)

	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-cache")
	rc := http.NewResponseController(w)
	timer := time.NewTimer(time.Hour)
	defer timer.Stop()
	for i, ev := range b.events {
		if i > 0 && b.delay > 0 {
			timer.Reset(b.delay)
			select {
			case <-timer.C:
			case <-r.Context().Done():
				return
			}
		}
		// Stamped before the write: the bytes may reach tend, and tend's
		// reply the client, before this goroutine runs again after the
		// write, so a later stamp could make tend look faster than light.
		// The fake's own write is thereby counted against tend.
		rec.sent = append(rec.sent, time.Now())
		if _, err := w.Write(ev); err != nil {
			return
		}
		if rc.Flush() != nil {
			return
		}
	}
	done := time.Now()
	if _, err := w.Write(b.tail); err != nil {
		return
	}
	if rc.Flush() != nil {
		return
	}
	rec.done = done
}

// cause returns when the backend made the first n bytes of its reply
// available in a form the server can pass on: the chunk that completed
// them, or, when guarded, the end of the stream for a final sentence that
// has no whitespace after it (the guard can release that only once the
// stream ends).
func (b *backend) cause(rec *record, n int, guarded bool) time.Time {
	if !guarded || n < len(b.reply) || strings.HasSuffix(b.reply, " ") {
		for k, end := range b.pieceEnd {
			if end >= n && k < len(rec.sent) {
				return rec.sent[k]
			}
		}
	}
	return rec.done
}
