package loadtest

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestMain doubles as the separate tend server process: Run re-executes
// this test binary with TEND_LOADTEST_SERVE set.
func TestMain(m *testing.M) {
	if os.Getenv(EnvServe) != "" {
		if err := ServeChild(os.Stdin, os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// TestLoad runs a short load test. TEND_LOADTEST_SECONDS,
// TEND_LOADTEST_SESSIONS and TEND_LOADTEST_CHUNK_MS scale it up to the full
// 200 sessions × 60 s. The default 2 ms between streamed chunks is a backend
// far faster than any LLM (500 tokens/s per session); 20 ms (50 tokens/s
// per session, 10,000 chunks/s across 200 sessions) is a fast real one.
// tend runs in a separate process unless TEND_LOADTEST_INPROCESS=1;
// TEND_LOADTEST_SERVER_CPUPROFILE=path profiles that process, and
// TEND_LOADTEST_SERVER_ENV="GOGC=400 GOMAXPROCS=1" sets its runtime.
// TEND_LOADTEST_PROXY=1 measures a plain streaming reverse proxy instead of
// tend: the floor any extra hop has on this machine at this moment.
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
	cfg.Proxy = os.Getenv("TEND_LOADTEST_PROXY") == "1"
	if os.Getenv("TEND_LOADTEST_INPROCESS") != "1" {
		exe, err := os.Executable()
		if err != nil {
			t.Fatal(err)
		}
		cfg.ServerExe = exe
		cfg.ServerEnv = strings.Fields(os.Getenv("TEND_LOADTEST_SERVER_ENV"))
	}
	res, err := Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", res)
	if res.Errors != 0 {
		t.Errorf("%d errors (first: %s)", res.Errors, res.FirstErr)
	}
	if res.Requests < cfg.Sessions {
		t.Errorf("only %d requests measured", res.Requests)
	}
	// tend cannot deliver text before the backend wrote it: a negative
	// overhead would mean the timestamps are matched wrongly.
	if res.ReleaseMinms < 0 {
		t.Errorf("a release overhead is negative (%.3f ms): the measurement is broken", res.ReleaseMinms)
	}
}
