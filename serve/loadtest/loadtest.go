// Package loadtest measures how much latency tend's serving layer adds to
// streamed chat replies. It starts a loopback fake backend (backend.go),
// puts tend in front of it (in this process, or in a separate one as in a
// real deployment, where the backend runs elsewhere), and runs many
// concurrent streaming sessions for a bounded time. The fake records when
// each request arrived and when each chunk left it; the client records when
// each piece of text reached it. Both run in this process, so they share one
// monotonic clock and tend's overhead is a subtraction, not an estimate:
//
//   - first token: (backend received − client sent) + (client read the first
//     text − backend wrote the chunk that let the guard release it);
//   - per release: for every piece of text, client read − backend wrote the
//     chunk that completed it (the guard holds text until its sentence ends;
//     that wait is the guard's design, reported separately as the hold);
//   - whole request: client's total − the backend's own time from receiving
//     the request to writing [DONE].
//
// Only loopback addresses are used.
package loadtest

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Reply is what the fake backend streams, one word per chunk: three
// sentences, so the guard releases text three times per request.
const Reply = "That sounds like a lot to carry this week. What has felt heaviest lately? Sometimes a short walk or a chat with a friend helps a little."

// Config sets the load.
type Config struct {
	Sessions   int           // concurrent streaming sessions
	Duration   time.Duration // how long to run, warm-up included
	ChunkDelay time.Duration // backend delay between streamed chunks
	// Warmup is the start of the run whose requests are not measured (new
	// connections, first allocations). Errors in it still count. Default 1 s.
	Warmup time.Duration
	// ServerExe, when set, runs tend in a separate process: the executable
	// is started with TEND_LOADTEST_SERVE set and must call ServeChild (the
	// package's test binary does, from TestMain). Empty runs tend here.
	ServerExe string
	// ServerEnv is added to the separate process's environment (GOGC,
	// GOMAXPROCS, TEND_LOADTEST_SERVER_CPUPROFILE=path).
	ServerEnv []string
	// Proxy replaces tend with a plain streaming reverse proxy: the
	// baseline of what any extra hop costs on this machine right now.
	Proxy bool
}

// Result summarises a run. Latencies are milliseconds of overhead added by
// tend unless named otherwise.
type Result struct {
	Sessions       int     `json:"sessions"`
	Seconds        float64 `json:"seconds"`
	SeparateServer bool    `json:"separate_server"`
	Proxy          bool    `json:"baseline_proxy,omitempty"` // a plain proxy stood in for tend
	Requests       int     `json:"requests"`                 // measured (after warm-up)
	Errors         int     `json:"errors"`
	RequestsPerS   float64 `json:"requests_per_second"`
	ChunksPerS     float64 `json:"backend_chunks_per_second"`
	FirstP50ms     float64 `json:"first_token_overhead_p50_ms"`
	FirstP99ms     float64 `json:"first_token_overhead_p99_ms"`
	ReleaseP50ms   float64 `json:"release_overhead_p50_ms"`
	ReleaseP99ms   float64 `json:"release_overhead_p99_ms"`
	ReleaseMaxms   float64 `json:"release_overhead_max_ms"`
	ReleaseMinms   float64 `json:"release_overhead_min_ms"` // below 0 would mean a broken measurement
	TotalP50ms     float64 `json:"request_overhead_p50_ms"`
	TotalP99ms     float64 `json:"request_overhead_p99_ms"`
	UpP50ms        float64 `json:"request_leg_p50_ms"` // backend received − client sent
	UpP99ms        float64 `json:"request_leg_p99_ms"`
	EndP50ms       float64 `json:"end_leg_p50_ms"` // client read [DONE] − backend began its [DONE]
	EndP99ms       float64 `json:"end_leg_p99_ms"`
	HoldP50ms      float64 `json:"guard_hold_p50_ms"` // first text: client read − backend wrote the sentence's first word
	ClientP50ms    float64 `json:"client_total_p50_ms"`
	ClientP99ms    float64 `json:"client_total_p99_ms"`
	ServerCores    float64 `json:"server_cpu_cores,omitempty"` // separate process only
	ClientCores    float64 `json:"client_cpu_cores"`           // load generator and fake backend (and tend, in process)
	LoadBefore     string  `json:"loadavg_before,omitempty"`
	LoadAfter      string  `json:"loadavg_after,omitempty"`
	FirstErr       string  `json:"first_error,omitempty"`
}

// String formats r for a log line.
func (r Result) String() string {
	var b strings.Builder
	server := "tend"
	if r.Proxy {
		server = "baseline proxy (not tend)"
	}
	fmt.Fprintf(&b, "%s: %d sessions, %.0f s, in a separate process: %v\n", server, r.Sessions, r.Seconds, r.SeparateServer)
	fmt.Fprintf(&b, "requests %d (%.0f/s), backend chunks %.0f/s, errors %d\n", r.Requests, r.RequestsPerS, r.ChunksPerS, r.Errors)
	fmt.Fprintf(&b, "overhead added by %s: first token p50 %.2f ms p99 %.2f ms; per release p50 %.2f ms p99 %.2f ms max %.1f ms; whole request p50 %.2f ms p99 %.2f ms\n",
		server, r.FirstP50ms, r.FirstP99ms, r.ReleaseP50ms, r.ReleaseP99ms, r.ReleaseMaxms, r.TotalP50ms, r.TotalP99ms)
	fmt.Fprintf(&b, "legs: request to backend p50 %.2f ms p99 %.2f ms; backend's end to client's [DONE] p50 %.2f ms p99 %.2f ms\n", r.UpP50ms, r.UpP99ms, r.EndP50ms, r.EndP99ms)
	fmt.Fprintf(&b, "guard sentence hold p50 %.0f ms; client total p50 %.0f ms p99 %.0f ms\n", r.HoldP50ms, r.ClientP50ms, r.ClientP99ms)
	if r.SeparateServer && r.ChunksPerS > 0 {
		fmt.Fprintf(&b, "CPU: %s %.2f cores (%.1f µs per backend chunk, request costs included), load generator + fake %.2f cores",
			server, r.ServerCores, r.ServerCores*1e6/r.ChunksPerS, r.ClientCores)
	} else {
		fmt.Fprintf(&b, "CPU: %s, load generator and fake together %.2f cores", server, r.ClientCores)
	}
	fmt.Fprintf(&b, "; loadavg before %q after %q", r.LoadBefore, r.LoadAfter)
	if r.FirstErr != "" {
		fmt.Fprintf(&b, "\nfirst error: %s", r.FirstErr)
	}
	return b.String()
}

// samples are one session's measurements, merged at the end.
type samples struct {
	proxy                                        bool // no guard holds the last sentence
	first, release, total, hold, client, up, end []float64
	chunks                                       int
}

// Run performs the load test until cfg.Duration passes or ctx ends.
func Run(ctx context.Context, cfg Config) (Result, error) {
	if cfg.Sessions <= 0 || cfg.Duration <= 0 {
		return Result{}, fmt.Errorf("loadtest: sessions and duration must be positive")
	}
	if cfg.Warmup <= 0 {
		cfg.Warmup = time.Second
	}
	if cfg.Warmup >= cfg.Duration {
		cfg.Warmup = cfg.Duration / 4
	}
	be, err := newBackend(Reply, cfg.ChunkDelay)
	if err != nil {
		return Result{}, err
	}
	defer be.close()
	tend, err := startTend(ctx, cfg, be.url)
	if err != nil {
		return Result{}, err
	}
	res := Result{Sessions: cfg.Sessions, SeparateServer: cfg.ServerExe != "", Proxy: cfg.Proxy, LoadBefore: loadavg()}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: cfg.Sessions, DisableCompression: true}}

	var (
		errs     atomic.Int64
		firstErr atomic.Value
		seq      atomic.Int64
		wg       sync.WaitGroup
		all      = make([]samples, cfg.Sessions)
	)
	fail := func(err error) {
		errs.Add(1)
		firstErr.CompareAndSwap(nil, err.Error())
	}
	runCtx, cancel := context.WithTimeout(ctx, cfg.Duration)
	defer cancel()
	cpu0 := selfCPU()
	start := time.Now()
	measureFrom := start.Add(cfg.Warmup)
	for i := range cfg.Sessions {
		wg.Go(func() {
			s := &session{client: client, url: tend.url + "/v1/chat/completions", reply: Reply}
			out := &all[i]
			out.proxy = cfg.Proxy
			for runCtx.Err() == nil {
				user := "s" + strconv.Itoa(i) + "-" + strconv.FormatInt(seq.Add(1), 10)
				obs, err := s.do(runCtx, user)
				if runCtx.Err() != nil {
					return // cut off by the end of the run; not an error
				}
				if err != nil {
					fail(fmt.Errorf("%s: %w", user, err))
					continue
				}
				rec, ok := be.take(user)
				if !ok || rec.done.IsZero() {
					fail(fmt.Errorf("%s: the backend has no complete record of the request", user))
					continue
				}
				if obs.start.Before(measureFrom) {
					continue
				}
				out.add(be, obs, rec)
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start).Seconds()
	res.ClientCores = (selfCPU() - cpu0).Seconds() / elapsed
	cores, err := tend.stop()
	if err != nil {
		return Result{}, err
	}
	res.ServerCores = cores
	res.LoadAfter = loadavg()

	var m samples
	for _, s := range all {
		m.first = append(m.first, s.first...)
		m.release = append(m.release, s.release...)
		m.total = append(m.total, s.total...)
		m.hold = append(m.hold, s.hold...)
		m.client = append(m.client, s.client...)
		m.up = append(m.up, s.up...)
		m.end = append(m.end, s.end...)
		m.chunks += s.chunks
	}
	measured := elapsed - cfg.Warmup.Seconds()
	res.Seconds = elapsed
	res.Requests = len(m.total)
	res.Errors = int(errs.Load())
	res.RequestsPerS = float64(res.Requests) / measured
	res.ChunksPerS = float64(m.chunks) / measured
	res.FirstP50ms, res.FirstP99ms = pct(m.first, 0.50), pct(m.first, 0.99)
	res.ReleaseP50ms, res.ReleaseP99ms, res.ReleaseMaxms = pct(m.release, 0.50), pct(m.release, 0.99), pct(m.release, 1)
	res.ReleaseMinms = pct(m.release, 0)
	res.TotalP50ms, res.TotalP99ms = pct(m.total, 0.50), pct(m.total, 0.99)
	res.HoldP50ms = pct(m.hold, 0.50)
	res.UpP50ms, res.UpP99ms = pct(m.up, 0.50), pct(m.up, 0.99)
	res.EndP50ms, res.EndP99ms = pct(m.end, 0.50), pct(m.end, 0.99)
	res.ClientP50ms, res.ClientP99ms = pct(m.client, 0.50), pct(m.client, 0.99)
	if v, ok := firstErr.Load().(string); ok {
		res.FirstErr = v
	}
	return res, nil
}

// add turns one request's timestamps into overheads.
func (s *samples) add(be *backend, obs *observation, rec *record) {
	if len(obs.arrivals) == 0 {
		return
	}
	s.chunks += len(rec.sent)
	up := rec.recv.Sub(obs.start)
	a0 := obs.arrivals[0]
	s.first = append(s.first, ms(up+a0.at.Sub(be.cause(rec, a0.n, !s.proxy))))
	s.hold = append(s.hold, ms(a0.at.Sub(rec.sent[0])))
	for _, a := range obs.arrivals {
		s.release = append(s.release, ms(a.at.Sub(be.cause(rec, a.n, !s.proxy))))
	}
	client := obs.end.Sub(obs.start)
	s.total = append(s.total, ms(client-rec.done.Sub(rec.recv)))
	s.client = append(s.client, ms(client))
	s.up = append(s.up, ms(up))
	s.end = append(s.end, ms(obs.end.Sub(rec.done)))
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// pct returns the p-quantile of xs (nearest rank); p = 1 is the maximum.
func pct(xs []float64, p float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[int(p*float64(len(s)-1))]
}

// loadavg returns the first three fields of /proc/loadavg, or "" where
// there is none.
func loadavg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return ""
	}
	return strings.Join(f[:3], " ")
}
