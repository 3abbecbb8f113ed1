// Package serve is tend's HTTP front door: an OpenAI-compatible chat API and
// a web chat, with the safety pipeline wrapped around any llm.Generator. The
// crisis path never waits for the model; every model sentence passes the
// output guard before it is sent.
//
// This file holds the Server, its configuration and its routes.
package serve

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/llm"
	"github.com/tend-project/tend/safety"
	"github.com/tend-project/tend/sources"
	"github.com/tend-project/tend/store"
)

//go:embed web
var webFS embed.FS

// Config configures a Server. The zero value of every field has a safe
// default (see withDefaults).
type Config struct {
	// ModelName is the id clients see in /v1/models and responses.
	ModelName string
	// Locale is the default country for crisis resources ("US", "GB", …);
	// empty means the policy's locale, then the international entry.
	Locale string
	// Limits bound request size.
	Limits Limits
	// RatePerMinute and RateBurst limit each client; 0 disables.
	RatePerMinute float64
	RateBurst     int
	// RequestTimeout bounds one completion, stream included.
	RequestTimeout time.Duration
	// APIKeys, when non-empty, are the accepted bearer tokens for /v1.
	APIKeys []string
	// SystemPrompt replaces the default boundary-setting system prompt.
	SystemPrompt string
	// Citations says when replies carry "Learn more" links.
	Citations sources.CitationMode
	// StoreTranscripts keeps PII-scrubbed transcripts in Store for Retention.
	StoreTranscripts bool
	Retention        time.Duration
	// Scrub removes personal data from text before it is stored. Required
	// when StoreTranscripts is on.
	Scrub func(string) string
	// DetectConcerns labels a user message with tend concerns, for
	// citations and referrals; nil means only safety categories are used.
	DetectConcerns func(string) []conv.Concern
}

func (c Config) withDefaults(d Deps) Config {
	if c.Locale == "" && d.Policy != nil {
		c.Locale = d.Policy.Locale
	}
	if c.ModelName == "" {
		c.ModelName = "tend"
	}
	if c.Locale == "" {
		c.Locale = "INTL"
	}
	c.Limits = c.Limits.withDefaults()
	if c.RequestTimeout <= 0 {
		c.RequestTimeout = 2 * time.Minute
	}
	if c.SystemPrompt == "" {
		c.SystemPrompt = DefaultSystemPrompt
	}
	if c.Citations == "" {
		c.Citations = sources.CitationsOn
	}
	if c.Retention <= 0 {
		c.Retention = 30 * 24 * time.Hour
	}
	return c
}

// Deps are the parts a Server is built from. Gen and Policy are required.
type Deps struct {
	Gen     llm.Generator
	Policy  *safety.Policy
	Library *sources.Library // optional: no citations without it
	Store   store.Store      // optional: needed only to store transcripts
	Logger  *slog.Logger
}

// Server serves the chat API and web chat.
type Server struct {
	cfg      Config
	pipe     *pipeline
	store    store.Store
	log      *slog.Logger
	metrics  *metrics
	limiter  *clientLimiter
	page     *template.Template
	mux      *http.ServeMux
	ready    atomic.Bool
	draining atomic.Bool
	streams  sync.WaitGroup
	// lastSweep is the Unix time of the last transcript retention sweep.
	lastSweep atomic.Int64
	created   int64
}

// New builds a Server. It fails on a config that would be unsafe, such as
// storing transcripts without a scrubber.
func New(cfg Config, d Deps) (*Server, error) {
	cfg = cfg.withDefaults(d)
	if d.Gen == nil {
		return nil, errors.New("serve: no generator")
	}
	if d.Policy == nil {
		return nil, errors.New("serve: no safety policy")
	}
	if cfg.StoreTranscripts && (d.Store == nil || cfg.Scrub == nil) {
		return nil, errors.New("serve: storing transcripts needs a store and a PII scrubber")
	}
	if _, err := sources.ParseCitationMode(string(cfg.Citations)); err != nil {
		return nil, fmt.Errorf("serve: citations: %w", err)
	}
	logger := d.Logger
	if logger == nil {
		logger = slog.Default()
	}
	pipe, err := newPipeline(cfg, d)
	if err != nil {
		return nil, err
	}
	page, err := template.ParseFS(webFS, "web/chat.html")
	if err != nil {
		return nil, err
	}
	s := &Server{
		cfg: cfg, pipe: pipe, store: d.Store, log: logger, metrics: newMetrics(),
		limiter: newClientLimiter(cfg.RatePerMinute, cfg.RateBurst), page: page,
		mux: http.NewServeMux(), created: time.Now().Unix(),
	}
	s.routes()
	s.ready.Store(true)
	return s, nil
}

func (s *Server) routes() {
	static, _ := fs.Sub(webFS, "web")
	s.mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	s.mux.HandleFunc("GET /{$}", s.handleChatPage)
	s.mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok\n")) })
	s.mux.HandleFunc("GET /readyz", s.handleReady)
	s.mux.Handle("GET /metrics", promhttp.HandlerFor(s.metrics.reg, promhttp.HandlerOpts{}))
	s.mux.HandleFunc("GET /v1/models", s.api(s.handleModels))
	s.mux.HandleFunc("POST /v1/chat/completions", s.api(s.handleChat))
	s.mux.HandleFunc("GET /v1/resources", s.api(s.handleResources))
	s.mux.HandleFunc("/v1/", s.api(func(w http.ResponseWriter, r *http.Request) error {
		if r.URL.Path == "/v1/chat/completions" || r.URL.Path == "/v1/models" {
			return ErrMethod
		}
		return fmt.Errorf("%w: %s", ErrNotFound, r.URL.Path)
	}))
}

// ServeHTTP implements http.Handler with security headers on every response.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	rec := &statusRecorder{ResponseWriter: w, code: http.StatusOK}
	s.mux.ServeHTTP(rec, r)
	s.metrics.requests.WithLabelValues(routeOf(r), strconv.Itoa(rec.code)).Inc()
}

// api wraps an API handler with auth, rate limiting and error mapping.
func (s *Server) api(h func(http.ResponseWriter, *http.Request) error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := s.authorize(r); err != nil {
			writeError(w, err)
			return
		}
		if !s.limiter.allow(clientKey(r), time.Now()) {
			w.Header().Set("Retry-After", "10")
			writeError(w, ErrRateLimited)
			return
		}
		if err := h(w, r); err != nil {
			if rec, ok := w.(*statusRecorder); ok && rec.wrote {
				return // a stream already started; the error was sent in-band
			}
			status, _ := statusOf(err)
			if status >= 500 {
				s.log.Warn("request failed", "route", routeOf(r), "status", status, "err", err)
			}
			writeError(w, err)
		}
	}
}

func (s *Server) authorize(r *http.Request) error {
	if len(s.cfg.APIKeys) == 0 {
		return nil
	}
	got := r.Header.Get("Authorization")
	for _, k := range s.cfg.APIKeys {
		if constantTimeEqual(got, "Bearer "+k) {
			return nil
		}
	}
	return ErrUnauthorized
}

func (s *Server) handleReady(w http.ResponseWriter, r *http.Request) {
	if !s.ready.Load() || s.draining.Load() {
		http.Error(w, "not ready", http.StatusServiceUnavailable)
		return
	}
	w.Write([]byte("ready\n"))
}

func (s *Server) handleModels(w http.ResponseWriter, r *http.Request) error {
	return writeJSON(w, llm.ModelList{Object: "list", Data: []llm.ModelCard{{
		ID: s.cfg.ModelName, Object: "model", Created: s.created, OwnedBy: "tend",
	}}})
}

// Shutdown stops accepting chat requests and waits for open streams to
// finish (or ctx to expire). Use it with http.Server.Shutdown.
func (s *Server) Shutdown(ctx context.Context) error {
	s.draining.Store(true)
	done := make(chan struct{})
	go func() { s.streams.Wait(); close(done) }()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
