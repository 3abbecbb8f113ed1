// A progress line on stderr for long runs: done/total, rate, ETA and cache
// hits, redrawn at most a few times a second.
package eval

import (
	"fmt"
	"io"
	"sync"
	"time"
)

type progress struct {
	mu       sync.Mutex
	w        io.Writer
	what     string
	total    int
	n, hits  int
	start    time.Time
	lastDraw time.Time
}

func newProgress(w io.Writer, what string, total int) *progress {
	return &progress{w: w, what: what, total: total, start: time.Now()}
}

func (p *progress) add(cached bool) {
	if p.w == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.n++
	if cached {
		p.hits++
	}
	if now := time.Now(); now.Sub(p.lastDraw) >= 250*time.Millisecond || p.n == p.total {
		p.lastDraw = now
		p.draw()
	}
}

func (p *progress) draw() {
	el := time.Since(p.start).Seconds()
	rate := 0.0
	if el > 0 {
		rate = float64(p.n) / el
	}
	eta := "?"
	if rate > 0 {
		eta = (time.Duration(float64(p.total-p.n)/rate) * time.Second).Round(time.Second).String()
	}
	fmt.Fprintf(p.w, "\r%s: %d/%d (%.0f%%) %.1f/s ETA %s, %d cached   ", p.what, p.n, p.total, 100*float64(p.n)/float64(max(p.total, 1)), rate, eta, p.hits)
}

func (p *progress) done() {
	if p.w == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.draw()
	fmt.Fprintf(p.w, "in %s\n", time.Since(p.start).Round(time.Millisecond))
}
