package llm_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/llm"
	"github.com/tend-project/tend/llm/llmtest"
)

func newRemote(t *testing.T, url string, mod func(*llm.RemoteConfig)) *llm.Remote {
	t.Helper()
	cfg := llm.RemoteConfig{BaseURL: url, Model: "fake-model", Backoff: time.Millisecond, Timeout: 2 * time.Second}
	if mod != nil {
		mod(&cfg)
	}
	r, err := llm.NewRemote(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func userReq(text string) llm.Request {
	return llm.Request{Messages: []conv.Message{{Role: conv.RoleUser, Content: text}}, MaxTokens: 20, Stop: []string{"\n\n"}}
}

func TestRemoteGenerate(t *testing.T) {
	for _, stream := range []bool{false, true} {
		name := map[bool]string{false: "plain", true: "stream"}[stream]
		t.Run(name, func(t *testing.T) {
			srv := llmtest.New()
			defer srv.Close()
			r := newRemote(t, srv.URL, nil)
			var pieces []string
			var onDelta func(string) error
			if stream {
				onDelta = func(s string) error { pieces = append(pieces, s); return nil }
			}
			resp, err := r.Generate(context.Background(), userReq("hello there friend"), onDelta)
			if err != nil {
				t.Fatal(err)
			}
			if want := "echo: hello there friend"; resp.Text != want {
				t.Errorf("text = %q, want %q", resp.Text, want)
			}
			if resp.FinishReason != "stop" {
				t.Errorf("finish = %q, want stop", resp.FinishReason)
			}
			if resp.Usage.PromptTokens != 3 {
				t.Errorf("usage = %+v, want prompt_tokens 3", resp.Usage)
			}
			if stream {
				if len(pieces) != 4 || strings.Join(pieces, "") != resp.Text {
					t.Errorf("pieces = %q, want 4 joining to the text", pieces)
				}
			}
			got := srv.Requests()[0]
			if got.Model != "fake-model" || got.MaxTokens != 20 || len(got.Stop) != 1 || got.Stream != stream {
				t.Errorf("wire request = %+v", got)
			}
		})
	}
}

func TestRemoteBaseURLForms(t *testing.T) {
	srv := llmtest.New()
	defer srv.Close()
	for _, base := range []string{srv.URL, srv.URL + "/", srv.URL + "/v1", srv.URL + "/v1/"} {
		r := newRemote(t, base, nil)
		if _, err := r.Generate(context.Background(), userReq("x"), nil); err != nil {
			t.Errorf("base %q: %v", base, err)
		}
	}
}

func TestRemoteConfigErrors(t *testing.T) {
	cases := []struct {
		name string
		cfg  llm.RemoteConfig
		want string
	}{
		{"no url", llm.RemoteConfig{Model: "m"}, "base URL is empty"},
		{"bad scheme", llm.RemoteConfig{BaseURL: "ftp://x", Model: "m"}, "must start with http"},
		{"no model", llm.RemoteConfig{BaseURL: "http://x"}, "model name is empty"},
		{"negative retries", llm.RemoteConfig{BaseURL: "http://x", Model: "m", Retries: -1}, "negative"},
	}
	for _, c := range cases {
		_, err := llm.NewRemote(c.cfg)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want it to contain %q", c.name, err, c.want)
		}
	}
}

func TestRemoteRetriesTransientFailures(t *testing.T) {
	srv := llmtest.New()
	defer srv.Close()
	srv.FailFirst = 2
	r := newRemote(t, srv.URL, func(c *llm.RemoteConfig) { c.Retries = 2 })
	resp, err := r.Generate(context.Background(), userReq("hi"), nil)
	if err != nil {
		t.Fatalf("want success on the third attempt, got %v", err)
	}
	if resp.Text != "echo: hi" || srv.Calls() != 3 {
		t.Errorf("text %q after %d calls, want echo after 3", resp.Text, srv.Calls())
	}
}

func TestRemoteGivesUp(t *testing.T) {
	srv := llmtest.New()
	defer srv.Close()
	srv.Status = 502
	r := newRemote(t, srv.URL, func(c *llm.RemoteConfig) { c.Retries = 1; c.BreakerFailures = 100 })
	_, err := r.Generate(context.Background(), userReq("hi"), nil)
	if !errors.Is(err, llm.ErrUnavailable) {
		t.Fatalf("err = %v, want ErrUnavailable", err)
	}
	if srv.Calls() != 2 {
		t.Errorf("calls = %d, want 2 (one try, one retry)", srv.Calls())
	}
}

func TestRemoteDoesNotRetryRejectedRequest(t *testing.T) {
	srv := llmtest.New()
	defer srv.Close()
	srv.Status = 400
	r := newRemote(t, srv.URL, nil)
	_, err := r.Generate(context.Background(), userReq("hi"), nil)
	if !errors.Is(err, llm.ErrRejected) {
		t.Fatalf("err = %v, want ErrRejected", err)
	}
	if srv.Calls() != 1 {
		t.Errorf("calls = %d, want 1", srv.Calls())
	}
}

func TestRemoteCircuitBreaker(t *testing.T) {
	srv := llmtest.New()
	defer srv.Close()
	srv.Status = 503
	r := newRemote(t, srv.URL, func(c *llm.RemoteConfig) {
		c.Retries = 1
		c.BreakerFailures = 3
		c.BreakerCooldown = 50 * time.Millisecond
	})
	ctx := context.Background()
	r.Generate(ctx, userReq("a"), nil) // 2 failures
	r.Generate(ctx, userReq("b"), nil) // 3rd failure opens the circuit
	calls := srv.Calls()
	if _, err := r.Generate(ctx, userReq("c"), nil); !errors.Is(err, llm.ErrCircuitOpen) {
		t.Fatalf("err = %v, want ErrCircuitOpen", err)
	}
	if srv.Calls() != calls {
		t.Errorf("an open circuit contacted the backend")
	}
	// After the cooldown a trial call goes through; success closes the circuit.
	time.Sleep(60 * time.Millisecond)
	srv.Status = 0
	if _, err := r.Generate(ctx, userReq("d"), nil); err != nil {
		t.Fatalf("trial after cooldown: %v", err)
	}
	if _, err := r.Generate(ctx, userReq("e"), nil); err != nil {
		t.Fatalf("after recovery: %v", err)
	}
}

func TestRemoteNoRetryAfterPartialStream(t *testing.T) {
	srv := llmtest.New()
	defer srv.Close()
	srv.Reply = func(llm.ChatRequest) string { return "one two three four" }
	srv.DropStreamAfter = 2
	r := newRemote(t, srv.URL, func(c *llm.RemoteConfig) { c.Retries = 3 })
	var got strings.Builder
	_, err := r.Generate(context.Background(), userReq("x"), func(s string) error { got.WriteString(s); return nil })
	if !errors.Is(err, llm.ErrUnavailable) {
		t.Fatalf("err = %v, want ErrUnavailable", err)
	}
	if srv.Calls() != 1 {
		t.Errorf("calls = %d: a partly streamed reply must not be retried", srv.Calls())
	}
	if got.String() != "one two " {
		t.Errorf("streamed %q, want the two pieces before the drop", got.String())
	}
}

func TestRemoteCallbackErrorStops(t *testing.T) {
	srv := llmtest.New()
	defer srv.Close()
	stop := errors.New("guard said stop")
	r := newRemote(t, srv.URL, nil)
	n := 0
	_, err := r.Generate(context.Background(), userReq("a b c d"), func(string) error {
		n++
		if n == 2 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) {
		t.Fatalf("err = %v, want the callback's error", err)
	}
	if srv.Calls() != 1 {
		t.Errorf("calls = %d, want 1", srv.Calls())
	}
}

func TestRemoteTimeoutAndCancel(t *testing.T) {
	srv := llmtest.New()
	defer srv.Close()
	srv.Hang = true
	r := newRemote(t, srv.URL, func(c *llm.RemoteConfig) { c.Timeout = 30 * time.Millisecond; c.Retries = 1 })
	if _, err := r.Generate(context.Background(), userReq("x"), nil); !errors.Is(err, llm.ErrUnavailable) {
		t.Errorf("timeout: err = %v, want ErrUnavailable", err)
	}
	r2 := newRemote(t, srv.URL, func(c *llm.RemoteConfig) { c.Timeout = time.Minute })
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if _, err := r2.Generate(ctx, userReq("x"), nil); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("cancel: err = %v, want context.DeadlineExceeded", err)
	}
}

func TestRemoteConcurrencyLimit(t *testing.T) {
	srv := llmtest.New()
	defer srv.Close()
	var inFlight, peak atomic.Int64
	srv.Reply = func(llm.ChatRequest) string {
		n := inFlight.Add(1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		time.Sleep(5 * time.Millisecond)
		inFlight.Add(-1)
		return "ok"
	}
	r := newRemote(t, srv.URL, func(c *llm.RemoteConfig) { c.MaxConcurrent = 2 })
	var wg sync.WaitGroup
	for range 10 {
		wg.Go(func() {
			if _, err := r.Generate(context.Background(), userReq("x"), nil); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if peak.Load() > 2 {
		t.Errorf("peak in-flight = %d, want at most 2", peak.Load())
	}
}

func TestStopListDecoding(t *testing.T) {
	cases := []struct {
		in   string
		want []string
		err  bool
	}{
		{`"x"`, []string{"x"}, false},
		{`["a","b"]`, []string{"a", "b"}, false},
		{`null`, nil, false},
		{`3`, nil, true},
	}
	for _, c := range cases {
		var s llm.StopList
		err := s.UnmarshalJSON([]byte(c.in))
		if (err != nil) != c.err || strings.Join(s, ",") != strings.Join(c.want, ",") {
			t.Errorf("%s: got %q, %v", c.in, s, err)
		}
	}
}
