// Package loadtest measures how much latency tend's serving layer adds: it
// starts a loopback fake backend and a tend server in front of it, runs many
// concurrent streaming chat sessions for a bounded time, and for every
// request subtracts the time the backend itself spent (recorded by the fake,
// matched through the request's user field) from the time the client saw.
// Only loopback addresses are used.
package loadtest

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/llm"
	"github.com/tend-project/tend/llm/llmtest"
	"github.com/tend-project/tend/safety"
	"github.com/tend-project/tend/serve"
)

// Config sets the load.
type Config struct {
	Sessions   int           // concurrent streaming sessions
	Duration   time.Duration // how long to run
	ChunkDelay time.Duration // backend delay between streamed chunks
}

// Result summarises a run. Durations are in milliseconds.
type Result struct {
	Sessions      int     `json:"sessions"`
	Seconds       float64 `json:"seconds"`
	Requests      int     `json:"requests"`
	Errors        int     `json:"errors"`
	RequestsPerS  float64 `json:"requests_per_second"`
	OverheadP50ms float64 `json:"overhead_p50_ms"`
	OverheadP99ms float64 `json:"overhead_p99_ms"`
	TotalP50ms    float64 `json:"total_p50_ms"`
	TotalP99ms    float64 `json:"total_p99_ms"`
	FirstErr      string  `json:"first_error,omitempty"`
}

// Run performs the load test until cfg.Duration passes or ctx ends.
func Run(ctx context.Context, cfg Config) (Result, error) {
	if cfg.Sessions <= 0 || cfg.Duration <= 0 {
		return Result{}, fmt.Errorf("loadtest: sessions and duration must be positive")
	}
	var backendTime sync.Map // user id → time.Duration
	fake := llmtest.New()
	defer fake.Close()
	fake.ChunkDelay = cfg.ChunkDelay
	fake.Reply = func(req llm.ChatRequest) string {
		return "That sounds like a lot to carry this week. What has felt heaviest? Sometimes a short walk helps a little."
	}
	fake.Observe = func(req llm.ChatRequest, d time.Duration) { backendTime.Store(req.User, d) }

	gen, err := llm.NewRemote(llm.RemoteConfig{BaseURL: fake.URL, Model: "fake", MaxConcurrent: cfg.Sessions * 2, Timeout: time.Minute})
	if err != nil {
		return Result{}, err
	}
	pol := safety.DefaultPolicy()
	srv, err := serve.New(serve.Config{}, serve.Deps{Gen: gen, Policy: &pol, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		return Result{}, err
	}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: cfg.Sessions * 2}}
	// The backend's transport needs as many idle connections too, or the
	// test measures connection churn rather than tend.
	if tr, ok := http.DefaultTransport.(*http.Transport); ok {
		tr.MaxIdleConnsPerHost = cfg.Sessions * 2
	}

	ctx, cancel := context.WithTimeout(ctx, cfg.Duration)
	defer cancel()
	var (
		mu        sync.Mutex
		overheads []float64
		totals    []float64
		errs      atomic.Int64
		firstErr  atomic.Value
		seq       atomic.Int64
		wg        sync.WaitGroup
	)
	start := time.Now()
	for s := range cfg.Sessions {
		wg.Go(func() {
			for ctx.Err() == nil {
				user := fmt.Sprintf("s%d-%d", s, seq.Add(1))
				t0 := time.Now()
				err := stream(ctx, client, ts.URL, user)
				total := time.Since(t0)
				if ctx.Err() != nil {
					return // cut off by the end of the run; not an error
				}
				if err != nil {
					errs.Add(1)
					firstErr.CompareAndSwap(nil, err.Error())
					continue
				}
				bt, ok := backendTime.LoadAndDelete(user)
				if !ok {
					errs.Add(1)
					firstErr.CompareAndSwap(nil, "backend never saw request "+user)
					continue
				}
				mu.Lock()
				overheads = append(overheads, ms(total-bt.(time.Duration)))
				totals = append(totals, ms(total))
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	el := time.Since(start).Seconds()
	res := Result{
		Sessions: cfg.Sessions, Seconds: el, Requests: len(totals), Errors: int(errs.Load()),
		RequestsPerS:  float64(len(totals)) / el,
		OverheadP50ms: pct(overheads, 0.50), OverheadP99ms: pct(overheads, 0.99),
		TotalP50ms: pct(totals, 0.50), TotalP99ms: pct(totals, 0.99),
	}
	if v, ok := firstErr.Load().(string); ok {
		res.FirstErr = v
	}
	return res, nil
}

// stream sends one streaming chat request and reads it to [DONE].
func stream(ctx context.Context, client *http.Client, base, user string) error {
	body, _ := json.Marshal(llm.ChatRequest{
		Model: "tend", Stream: true, User: user,
		Messages: []conv.Message{{Role: conv.RoleUser, Content: "Work has been stressful and I keep worrying about deadlines."}},
	})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+"/v1/chat/completions", strings.NewReader(string(body)))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("HTTP %d", resp.StatusCode)
	}
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		if sc.Text() == "data: [DONE]" {
			return nil
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	return fmt.Errorf("stream ended without [DONE]")
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func pct(xs []float64, p float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	i := int(p * float64(len(s)-1))
	return s[i]
}
