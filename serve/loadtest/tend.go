// Starting the tend server under test: in this process, or in a separate
// process that calls ServeChild, so the load generator's and fake backend's
// work (and garbage collections) do not pause the server being measured.
package loadtest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"

	"github.com/tend-project/tend/llm"
	"github.com/tend-project/tend/safety"
	"github.com/tend-project/tend/serve"
)

// Environment variables of the separate server process.
const (
	EnvServe      = "TEND_LOADTEST_SERVE"             // the fake backend's URL
	EnvSessions   = "TEND_LOADTEST_SERVE_SESSIONS"    // connection pool size
	EnvCPUProfile = "TEND_LOADTEST_SERVER_CPUPROFILE" // optional CPU profile path
	EnvMemProfile = "TEND_LOADTEST_SERVER_MEMPROFILE" // optional allocation profile path
	EnvProxy      = "TEND_LOADTEST_SERVE_PROXY"       // "1": the baseline proxy instead of tend
)

// newServer builds tend, or with proxy the baseline: a plain streaming
// proxy (read the request, forward it, copy the stream back with a flush
// per read), which shows what one extra HTTP hop through a Go process costs
// on the same machine at the same moment.
func newServer(backendURL string, sessions int, proxy bool) (http.Handler, func(), error) {
	if !proxy {
		return newTend(backendURL, sessions)
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: sessions * 2, DisableCompression: true}}
	target := backendURL + "/chat/completions"
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		req, err := http.NewRequestWithContext(r.Context(), http.MethodPost, target, bytes.NewReader(body))
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		req.Header.Set("Content-Type", "application/json")
		resp, err := client.Do(req)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		w.Header().Set("Content-Type", resp.Header.Get("Content-Type"))
		w.WriteHeader(resp.StatusCode)
		rc := http.NewResponseController(w)
		buf := make([]byte, 16<<10)
		for {
			n, err := resp.Body.Read(buf)
			if n > 0 {
				if _, werr := w.Write(buf[:n]); werr != nil || rc.Flush() != nil {
					return
				}
			}
			if err != nil {
				return
			}
		}
	}), func() {}, nil
}

// newTend builds the server under test, as `tend serve --backend-url` would.
// done releases what it opened.
func newTend(backendURL string, sessions int) (h http.Handler, done func(), err error) {
	gen, err := llm.NewRemote(llm.RemoteConfig{
		BaseURL: backendURL, Model: "fake", MaxConcurrent: sessions * 2, Timeout: time.Minute,
		// Enough idle connections that every session keeps its own, or the
		// test measures connection churn rather than tend.
		Client: &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: sessions * 2, DisableCompression: true}},
	})
	if err != nil {
		return nil, nil, err
	}
	pol := safety.DefaultPolicy()
	// A real server logs every turn; logging to the null device keeps the
	// formatting and the write in the measurement.
	logTo, done := io.Writer(io.Discard), func() {}
	if f, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0); err == nil {
		logTo, done = f, func() { f.Close() }
	}
	srv, err := serve.New(serve.Config{}, serve.Deps{Gen: gen, Policy: &pol, Logger: slog.New(slog.NewJSONHandler(logTo, nil))})
	if err != nil {
		done()
		return nil, nil, err
	}
	return srv, done, nil
}

// tendUnderTest is a running server and how to stop it.
type tendUnderTest struct {
	url  string
	stop func() (cpuCores float64, err error)
}

func startTend(ctx context.Context, cfg Config, backendURL string) (*tendUnderTest, error) {
	if cfg.ServerExe == "" {
		h, done, err := newServer(backendURL, cfg.Sessions, cfg.Proxy)
		if err != nil {
			return nil, err
		}
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return nil, err
		}
		srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
		go srv.Serve(ln)
		return &tendUnderTest{url: "http://" + ln.Addr().String(), stop: func() (float64, error) { defer done(); return 0, srv.Close() }}, nil
	}
	cmd := exec.CommandContext(ctx, cfg.ServerExe)
	cmd.Env = append(append(os.Environ(), EnvServe+"="+backendURL, EnvSessions+"="+strconv.Itoa(cfg.Sessions), EnvProxy+"="+strconv.FormatBool(cfg.Proxy)), cfg.ServerEnv...)
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	started := time.Now()
	line, err := bufio.NewReader(stdout).ReadString('\n')
	url, ok := strings.CutPrefix(strings.TrimSpace(line), "listening ")
	if err != nil || !ok {
		stdin.Close()
		cmd.Wait()
		return nil, fmt.Errorf("loadtest: server process did not start (said %q): %v", line, err)
	}
	return &tendUnderTest{url: url, stop: func() (float64, error) {
		stdin.Close() // ServeChild stops when its stdin closes
		if err := cmd.Wait(); err != nil {
			return 0, fmt.Errorf("loadtest: server process: %w", err)
		}
		st := cmd.ProcessState
		return (st.UserTime() + st.SystemTime()).Seconds() / time.Since(started).Seconds(), nil
	}}, nil
}

// ServeChild is the separate server process's main: it serves tend in
// front of the backend named by TEND_LOADTEST_SERVE on a loopback port,
// writes "listening URL" to out, and returns when in is closed (or at EOF).
func ServeChild(in io.Reader, out io.Writer) error {
	backendURL := os.Getenv(EnvServe)
	if backendURL == "" {
		return errors.New("loadtest: " + EnvServe + " is not set")
	}
	sessions, _ := strconv.Atoi(os.Getenv(EnvSessions))
	if sessions <= 0 {
		sessions = 100
	}
	if path := os.Getenv(EnvCPUProfile); path != "" {
		f, err := os.Create(path)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	proxy, _ := strconv.ParseBool(os.Getenv(EnvProxy))
	h, done, err := newServer(backendURL, sessions, proxy)
	if err != nil {
		return err
	}
	defer done()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	if _, err := fmt.Fprintf(out, "listening http://%s\n", ln.Addr()); err != nil {
		return err
	}
	io.Copy(io.Discard, in)
	if err := srv.Close(); err != nil {
		return err
	}
	if path := os.Getenv(EnvMemProfile); path != "" {
		f, err := os.Create(path)
		if err != nil {
			return err
		}
		defer f.Close()
		return pprof.Lookup("allocs").WriteTo(f, 0)
	}
	return nil
}
