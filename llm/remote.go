// Remote is a Generator backed by any OpenAI-compatible server: vLLM, Ollama,
// llama.cpp's llama-server or a hosted API. It adds what a safety-critical
// caller needs around an unreliable network: a per-request timeout, retries
// with exponential backoff (only while nothing has been streamed yet), a
// circuit breaker so a dead backend fails fast, and a concurrency limit.
package llm

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"strings"
	"time"
)

// RemoteConfig configures a Remote generator.
type RemoteConfig struct {
	// BaseURL is the server root, with or without a trailing /v1
	// ("http://localhost:11434/v1", "http://vllm:8000").
	BaseURL string
	// Model is sent as the request's model field.
	Model string
	// APIKey, if set, is sent as a bearer token.
	APIKey string
	// Timeout bounds one attempt, including a whole stream. Default 120 s.
	Timeout time.Duration
	// Retries is how many times a failed attempt is retried. Default 2.
	Retries int
	// Backoff is the first retry delay; it doubles each time, with jitter.
	// Default 200 ms.
	Backoff time.Duration
	// MaxConcurrent limits in-flight requests. Default 8.
	MaxConcurrent int
	// BreakerFailures consecutive failures open the circuit. Default 5.
	BreakerFailures int
	// BreakerCooldown is how long the circuit stays open. Default 10 s.
	BreakerCooldown time.Duration
	// Client overrides the HTTP client (tests).
	Client *http.Client
}

// Remote talks to an OpenAI-compatible chat completions endpoint.
type Remote struct {
	cfg     RemoteConfig
	url     string
	client  *http.Client
	sem     chan struct{}
	breaker *breaker
}

var _ Generator = (*Remote)(nil)

// NewRemote validates cfg and returns a Remote.
func NewRemote(cfg RemoteConfig) (*Remote, error) {
	if cfg.BaseURL == "" {
		return nil, errors.New("llm: remote base URL is empty")
	}
	if !strings.HasPrefix(cfg.BaseURL, "http://") && !strings.HasPrefix(cfg.BaseURL, "https://") {
		return nil, fmt.Errorf("llm: remote base URL %q must start with http:// or https://", cfg.BaseURL)
	}
	if cfg.Model == "" {
		return nil, errors.New("llm: remote model name is empty")
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 120 * time.Second
	}
	if cfg.Retries < 0 {
		return nil, fmt.Errorf("llm: retries %d is negative", cfg.Retries)
	} else if cfg.Retries == 0 {
		cfg.Retries = 2
	}
	if cfg.Backoff <= 0 {
		cfg.Backoff = 200 * time.Millisecond
	}
	if cfg.MaxConcurrent <= 0 {
		cfg.MaxConcurrent = 8
	}
	if cfg.BreakerFailures <= 0 {
		cfg.BreakerFailures = 5
	}
	if cfg.BreakerCooldown <= 0 {
		cfg.BreakerCooldown = 10 * time.Second
	}
	client := cfg.Client
	if client == nil {
		client = &http.Client{}
	}
	base := strings.TrimRight(cfg.BaseURL, "/")
	if !strings.HasSuffix(base, "/v1") {
		base += "/v1"
	}
	return &Remote{
		cfg:     cfg,
		url:     base + "/chat/completions",
		client:  client,
		sem:     make(chan struct{}, cfg.MaxConcurrent),
		breaker: &breaker{threshold: cfg.BreakerFailures, cooldown: cfg.BreakerCooldown},
	}, nil
}

// Name returns the configured model name.
func (r *Remote) Name() string { return r.cfg.Model }

// Generate sends req, retrying transient failures until something has been
// streamed to onDelta; after that a failure is returned as is, because the
// caller has already shown part of the reply.
func (r *Remote) Generate(ctx context.Context, req Request, onDelta func(string) error) (Response, error) {
	select {
	case r.sem <- struct{}{}:
		defer func() { <-r.sem }()
	case <-ctx.Done():
		return Response{}, ctx.Err()
	}
	body, err := json.Marshal(r.wireRequest(req, onDelta != nil))
	if err != nil {
		return Response{}, err
	}
	var lastErr error
	delay := r.cfg.Backoff
	for attempt := 0; attempt <= r.cfg.Retries; attempt++ {
		if !r.breaker.allow(time.Now()) {
			return Response{}, ErrCircuitOpen
		}
		streamed := false
		wrapped := onDelta
		if onDelta != nil {
			wrapped = func(s string) error { streamed = true; return onDelta(s) }
		}
		resp, err := r.attempt(ctx, body, wrapped)
		if err == nil {
			r.breaker.success()
			return resp, nil
		}
		if ctx.Err() != nil {
			return Response{}, ctx.Err()
		}
		if errors.Is(err, ErrRejected) {
			// The backend is up; the request is at fault.
			r.breaker.success()
			return Response{}, err
		}
		var cbErr callbackError
		if errors.As(err, &cbErr) {
			return Response{}, cbErr.err
		}
		r.breaker.failure(time.Now())
		lastErr = err
		if streamed || attempt == r.cfg.Retries {
			break
		}
		jitter := time.Duration(rand.Int64N(int64(delay)/2 + 1))
		select {
		case <-time.After(delay + jitter):
		case <-ctx.Done():
			return Response{}, ctx.Err()
		}
		delay *= 2
	}
	return Response{}, fmt.Errorf("%w: %v", ErrUnavailable, lastErr)
}

func (r *Remote) wireRequest(req Request, stream bool) ChatRequest {
	w := ChatRequest{
		Model: r.cfg.Model, Messages: req.Messages, Temperature: req.Temperature,
		TopP: req.TopP, MaxTokens: req.MaxTokens, Stop: req.Stop, Seed: req.Seed,
		User: req.User, Stream: stream,
	}
	if stream {
		w.StreamOptions = &StreamOptions{IncludeUsage: true}
	}
	return w
}

// callbackError carries an error returned by the caller's onDelta, which
// must reach the caller unchanged and must not count against the backend.
type callbackError struct{ err error }

func (e callbackError) Error() string { return e.err.Error() }

func (r *Remote) attempt(ctx context.Context, body []byte, onDelta func(string) error) (Response, error) {
	ctx, cancel := context.WithTimeout(ctx, r.cfg.Timeout)
	defer cancel()
	hreq, err := http.NewRequestWithContext(ctx, http.MethodPost, r.url, bytes.NewReader(body))
	if err != nil {
		return Response{}, err
	}
	hreq.Header.Set("Content-Type", "application/json")
	if onDelta != nil {
		hreq.Header.Set("Accept", "text/event-stream")
	}
	if r.cfg.APIKey != "" {
		hreq.Header.Set("Authorization", "Bearer "+r.cfg.APIKey)
	}
	hresp, err := r.client.Do(hreq)
	if err != nil {
		return Response{}, err
	}
	defer hresp.Body.Close()
	if hresp.StatusCode != http.StatusOK {
		msg := readErrorMessage(hresp.Body)
		if hresp.StatusCode >= 400 && hresp.StatusCode < 500 && hresp.StatusCode != http.StatusTooManyRequests && hresp.StatusCode != http.StatusRequestTimeout {
			return Response{}, fmt.Errorf("%w: HTTP %d: %s", ErrRejected, hresp.StatusCode, msg)
		}
		return Response{}, fmt.Errorf("HTTP %d: %s", hresp.StatusCode, msg)
	}
	if onDelta == nil {
		return decodeCompletion(hresp.Body)
	}
	return readStream(hresp.Body, onDelta)
}

func readErrorMessage(body io.Reader) string {
	raw, _ := io.ReadAll(io.LimitReader(body, 4096))
	var eb ErrorBody
	if json.Unmarshal(raw, &eb) == nil && eb.Error.Message != "" {
		return eb.Error.Message
	}
	return strings.TrimSpace(string(raw))
}

func decodeCompletion(body io.Reader) (Response, error) {
	var cr ChatResponse
	if err := json.NewDecoder(io.LimitReader(body, 64<<20)).Decode(&cr); err != nil {
		return Response{}, fmt.Errorf("%w: %v", ErrBadResponse, err)
	}
	if len(cr.Choices) == 0 {
		return Response{}, fmt.Errorf("%w: no choices", ErrBadResponse)
	}
	resp := Response{Text: cr.Choices[0].Message.Content, FinishReason: cr.Choices[0].FinishReason, Model: cr.Model}
	if cr.Usage != nil {
		resp.Usage = *cr.Usage
	}
	return resp, nil
}
