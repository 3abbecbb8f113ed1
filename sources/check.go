// Staleness: which entries are past their review age, and (where the network
// allows) which URLs no longer answer. A library that clinicians trust has
// to be re-reviewed; these checks tell them what to look at.
package sources

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Stale is an entry past its review age.
type Stale struct {
	Entry *Entry
	// Age is the time since LastVerified; zero when Never.
	Age time.Duration
	// Never is true for an entry that was never verified.
	Never bool
}

// Stale returns the entries whose last_verified is older than maxAge at
// now, or missing, oldest first (never-verified entries first of all).
func (l *Library) Stale(now time.Time, maxAge time.Duration) []Stale {
	var out []Stale
	for i := range l.entries {
		e := &l.entries[i]
		t, ok := e.VerifiedOn()
		if !ok {
			out = append(out, Stale{Entry: e, Never: true})
			continue
		}
		if age := now.Sub(t); age > maxAge {
			out = append(out, Stale{Entry: e, Age: age})
		}
	}
	slices.SortStableFunc(out, func(a, b Stale) int {
		switch {
		case a.Never != b.Never:
			if a.Never {
				return -1
			}
			return 1
		case a.Age != b.Age:
			if a.Age > b.Age {
				return -1
			}
			return 1
		}
		return 0
	})
	return out
}

// ParseAge reads a review age: Go durations ("720h") or a whole number of
// days ("365d") or weeks ("52w").
func ParseAge(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	for suffix, unit := range map[string]time.Duration{"d": 24 * time.Hour, "w": 7 * 24 * time.Hour} {
		if n, ok := strings.CutSuffix(s, suffix); ok {
			v, err := strconv.Atoi(n)
			if err != nil || v <= 0 {
				return 0, fmt.Errorf("age %q: want a positive number of days or weeks, like 365d", s)
			}
			return time.Duration(v) * unit, nil
		}
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("age %q: want e.g. 365d, 52w or 8760h", s)
	}
	return d, nil
}

// LinkResult is the outcome of checking one URL.
type LinkResult struct {
	URL string
	// IDs are the entries that cite the URL.
	IDs []string
	// Status is the final HTTP status, 0 when no response arrived.
	Status int
	Err    error
}

// OK reports whether the URL answered 2xx or 3xx.
func (r LinkResult) OK() bool { return r.Err == nil && r.Status >= 200 && r.Status < 400 }

// CheckOptions configure CheckLinks.
type CheckOptions struct {
	// Client makes the requests; nil means a client with Timeout.
	Client *http.Client
	// Timeout bounds each URL's check (HEAD plus any GET); 0 means 15s.
	Timeout time.Duration
	// Concurrency is how many URLs are checked at once; 0 means 8.
	Concurrency int
	// UserAgent identifies the checker to site operators.
	UserAgent string
	// Progress, if set, is called after each URL with the counts so far.
	Progress func(done, total int)
}

// CheckLinks requests every distinct URL in the library, HEAD first and GET
// when a server refuses HEAD, and returns one result per URL in sorted URL
// order. Redirects are followed; a 2xx or 3xx final answer is OK.
func (l *Library) CheckLinks(ctx context.Context, opt CheckOptions) []LinkResult {
	if opt.Timeout <= 0 {
		opt.Timeout = 15 * time.Second
	}
	if opt.Concurrency <= 0 {
		opt.Concurrency = 8
	}
	if opt.Client == nil {
		opt.Client = &http.Client{Timeout: opt.Timeout}
	}
	if opt.UserAgent == "" {
		opt.UserAgent = "tend-sources-check/1 (library link review)"
	}
	ids := map[string][]string{}
	for i := range l.entries {
		e := &l.entries[i]
		if !slices.Contains(ids[e.URL], e.ID) {
			ids[e.URL] = append(ids[e.URL], e.ID)
		}
	}
	urls := l.URLs()
	results := make([]LinkResult, len(urls))
	sem := make(chan struct{}, opt.Concurrency)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for i, u := range urls {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			status, err := checkURL(ctx, opt, u)
			results[i] = LinkResult{URL: u, IDs: ids[u], Status: status, Err: err}
			if opt.Progress != nil {
				mu.Lock()
				done++
				opt.Progress(done, len(urls))
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return results
}

func checkURL(ctx context.Context, opt CheckOptions, u string) (int, error) {
	ctx, cancel := context.WithTimeout(ctx, opt.Timeout)
	defer cancel()
	status, err := request(ctx, opt, http.MethodHead, u)
	// Some servers refuse or mishandle HEAD; ask again with GET before
	// calling the link broken.
	if err != nil || status == http.StatusMethodNotAllowed || status == http.StatusForbidden ||
		status == http.StatusNotImplemented || status == http.StatusBadRequest || status == http.StatusNotFound {
		if ctx.Err() != nil {
			return status, err
		}
		return request(ctx, opt, http.MethodGet, u)
	}
	return status, nil
}

func request(ctx context.Context, opt CheckOptions, method, u string) (int, error) {
	req, err := http.NewRequestWithContext(ctx, method, u, nil)
	if err != nil {
		return 0, err
	}
	req.Header.Set("User-Agent", opt.UserAgent)
	resp, err := opt.Client.Do(req)
	if err != nil {
		return 0, err
	}
	// Read a little so the connection can be reused, never the whole page.
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
	return resp.StatusCode, nil
}
