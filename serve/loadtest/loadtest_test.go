package loadtest

import (
	"context"
	"os"
	"strconv"
	"testing"
	"time"
)

// TestLoad runs a short load test. TEND_LOADTEST_SECONDS,
// TEND_LOADTEST_SESSIONS and TEND_LOADTEST_CHUNK_MS scale it up to the full
// 200 sessions × 60 s. The default 2 ms between streamed chunks is a backend
// far faster than any LLM (500 tokens/s per session); 20 ms (50 tokens/s
// per session, 10,000 chunks/s across 200 sessions) is a fast real one.
func TestLoad(t *testing.T) {
	cfg := Config{Sessions: 20, Duration: 3 * time.Second, ChunkDelay: 2 * time.Millisecond}
	if v, err := strconv.Atoi(os.Getenv("TEND_LOADTEST_SECONDS")); err == nil {
		cfg.Duration = time.Duration(v) * time.Second
	}
	if v, err := strconv.Atoi(os.Getenv("TEND_LOADTEST_SESSIONS")); err == nil {
		cfg.Sessions = v
	}
	if v, err := strconv.Atoi(os.Getenv("TEND_LOADTEST_CHUNK_MS")); err == nil {
		cfg.ChunkDelay = time.Duration(v) * time.Millisecond
	}
	res, err := Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%+v", res)
	if res.Errors != 0 {
		t.Errorf("%d errors (first: %s)", res.Errors, res.FirstErr)
	}
	if res.Requests < cfg.Sessions {
		t.Errorf("only %d requests completed", res.Requests)
	}
}
