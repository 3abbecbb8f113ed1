// tend serve: the OpenAI-compatible chat API and web chat, with the safety
// pipeline around a backend: a remote OpenAI-compatible server (vLLM,
// Ollama, llama.cpp) or tend's in-process engine. Settings come from a YAML
// file; flags override it.
package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"gopkg.in/yaml.v3"

	"github.com/tend-project/tend/llm"
	"github.com/tend-project/tend/safety"
	"github.com/tend-project/tend/serve"
	"github.com/tend-project/tend/sources"
	"github.com/tend-project/tend/store"
)

// serveConfig is the YAML shape of `tend serve --config`.
type serveConfig struct {
	Listen    string        `yaml:"listen"`
	Name      string        `yaml:"name"`
	Model     string        `yaml:"model"` // in-process model directory
	Backend   backendConfig `yaml:"backend"`
	Locale    string        `yaml:"locale"`
	Policy    string        `yaml:"policy"`
	Citations string        `yaml:"citations"`
	Libraries []string      `yaml:"libraries"`
	Limits    struct {
		MaxBodyBytes    int64 `yaml:"max_body_bytes"`
		MaxMessages     int   `yaml:"max_messages"`
		MaxMessageBytes int   `yaml:"max_message_bytes"`
		MaxTokens       int   `yaml:"max_tokens"`
	} `yaml:"limits"`
	RateLimit struct {
		PerMinute float64 `yaml:"per_minute"`
		Burst     int     `yaml:"burst"`
	} `yaml:"rate_limit"`
	RequestTimeout time.Duration `yaml:"request_timeout"`
	// APIKeysEnv names an environment variable holding comma-separated keys;
	// keys never live in the config file.
	APIKeysEnv  string `yaml:"api_keys_env"`
	Transcripts struct {
		Store     bool          `yaml:"store"`
		DSN       string        `yaml:"dsn"`
		Retention time.Duration `yaml:"retention"`
	} `yaml:"transcripts"`
}

type backendConfig struct {
	URL       string        `yaml:"url"`
	Model     string        `yaml:"model"`
	APIKeyEnv string        `yaml:"api_key_env"`
	Timeout   time.Duration `yaml:"timeout"`
	Retries   int           `yaml:"retries"`
	MaxConc   int           `yaml:"max_concurrent"`
}

func defaultServeConfig() serveConfig {
	c := serveConfig{Listen: "127.0.0.1:8080", Name: "tend", Citations: "on", APIKeysEnv: "TEND_API_KEYS"}
	c.Backend.APIKeyEnv = "OPENAI_API_KEY"
	c.RateLimit.PerMinute, c.RateLimit.Burst = 60, 10
	return c
}

// loadServeConfig reads a YAML file over the defaults; unknown fields are
// errors that name the field and line.
func loadServeConfig(path string, into *serveConfig) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(into); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

func newServeCmd() *cobra.Command {
	cfg := defaultServeConfig()
	var configPath string
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the chat API and web chat with the safety layer around a model",
		Long: `Serve an OpenAI-compatible API (POST /v1/chat/completions, GET /v1/models) and a
web chat at /, with crisis detection, the output guard, AI disclosure and
citations applied to every turn. The backend is a remote OpenAI-compatible
server (--backend-url, e.g. vLLM, Ollama or llama.cpp's server) or a tend or
Hugging Face model directory run in process (--model).

Crisis handling cannot be turned off: high-risk messages are answered at once
with local resources, without calling the model.`,
		Example: `  tend serve --backend-url http://localhost:11434/v1 --backend-model llama3.2 --locale GB
  tend serve --config serve.yaml --listen :9000`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if configPath != "" {
				file := defaultServeConfig()
				if err := loadServeConfig(configPath, &file); err != nil {
					return err
				}
				// Flags given on the command line win over the file.
				flagged := cfg
				cfg = file
				cmd.Flags().Visit(func(f *pflag.Flag) { applyServeFlag(&cfg, &flagged, f.Name) })
			}
			return runServe(cmd.Context(), cfg, cmd.ErrOrStderr(), nil)
		},
	}
	f := cmd.Flags()
	f.StringVar(&configPath, "config", "", "YAML config file (flags override it)")
	f.StringVar(&cfg.Listen, "listen", cfg.Listen, "address to listen on")
	f.StringVar(&cfg.Name, "name", cfg.Name, "model name clients see")
	f.StringVar(&cfg.Model, "model", "", "in-process model directory (tend or Hugging Face format)")
	f.StringVar(&cfg.Backend.URL, "backend-url", "", "remote OpenAI-compatible base URL")
	f.StringVar(&cfg.Backend.Model, "backend-model", "", "model name to request from the remote backend")
	f.StringVar(&cfg.Locale, "locale", "", "default country for crisis resources (US, GB, IE, CA, AU, NZ, IN, DE, FR)")
	f.StringVar(&cfg.Policy, "policy", "", "safety policy YAML")
	f.StringVar(&cfg.Citations, "citations", cfg.Citations, "Learn-more links: on, off or psychoeducation")
	f.StringSliceVar(&cfg.Libraries, "library", nil, "extra sources library file (repeatable)")
	return cmd
}

// applyServeFlag copies one flag's value from the command-line config.
func applyServeFlag(dst, src *serveConfig, name string) {
	switch name {
	case "listen":
		dst.Listen = src.Listen
	case "name":
		dst.Name = src.Name
	case "model":
		dst.Model = src.Model
	case "backend-url":
		dst.Backend.URL = src.Backend.URL
	case "backend-model":
		dst.Backend.Model = src.Backend.Model
	case "locale":
		dst.Locale = src.Locale
	case "policy":
		dst.Policy = src.Policy
	case "citations":
		dst.Citations = src.Citations
	case "library":
		dst.Libraries = src.Libraries
	}
}

// runServe builds the server and serves until ctx ends. If ready is not
// nil it receives the listening address once the server accepts requests.
func runServe(ctx context.Context, cfg serveConfig, logw interface{ Write([]byte) (int, error) }, ready chan<- string) error {
	logger := slog.New(slog.NewJSONHandler(logw, nil))
	pol := safety.DefaultPolicy()
	if cfg.Policy != "" {
		p, err := safety.LoadPolicy(cfg.Policy)
		if err != nil {
			return err
		}
		pol = p
	}
	if cfg.Locale != "" {
		pol.Locale = cfg.Locale
	}
	gen, err := openBackend(cfg)
	if err != nil {
		return err
	}
	lib, err := sources.Load(false, cfg.Libraries...)
	if err != nil {
		return err
	}
	defer lib.Close()
	citations, err := sources.ParseCitationMode(cfg.Citations)
	if err != nil {
		return fmt.Errorf("citations: %w", err)
	}
	scfg := serve.Config{
		ModelName: cfg.Name, Locale: pol.Locale, Citations: citations,
		Limits: serve.Limits{
			MaxBodyBytes: cfg.Limits.MaxBodyBytes, MaxMessages: cfg.Limits.MaxMessages,
			MaxMessageBytes: cfg.Limits.MaxMessageBytes, MaxTokens: cfg.Limits.MaxTokens,
		},
		RatePerMinute: cfg.RateLimit.PerMinute, RateBurst: cfg.RateLimit.Burst,
		RequestTimeout: cfg.RequestTimeout,
		DetectConcerns: concernDetector(),
	}
	if env := cfg.APIKeysEnv; env != "" {
		for _, k := range strings.Split(os.Getenv(env), ",") {
			if k = strings.TrimSpace(k); k != "" {
				scfg.APIKeys = append(scfg.APIKeys, k)
			}
		}
	}
	deps := serve.Deps{Gen: gen, Policy: &pol, Library: lib, Logger: logger}
	if cfg.Transcripts.Store {
		if cfg.Transcripts.DSN == "" {
			return errors.New("transcripts.store is on but transcripts.dsn is empty")
		}
		st, err := store.Open(ctx, cfg.Transcripts.DSN)
		if err != nil {
			return err
		}
		defer st.Close()
		scrub, err := transcriptScrubber(cfg.Libraries)
		if err != nil {
			return err
		}
		deps.Store, scfg.StoreTranscripts, scfg.Retention, scfg.Scrub = st, true, cfg.Transcripts.Retention, scrub
	}
	srv, err := serve.New(scfg, deps)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.Listen)
	if err != nil {
		return err
	}
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	addr := ln.Addr().String()
	logger.Info("serving", "addr", addr, "model", cfg.Name, "locale", pol.Locale, "backend", backendName(cfg))
	if ready != nil {
		ready <- addr
	}
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	// Graceful shutdown: stop new chats, let open streams finish.
	sctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	srv.Shutdown(sctx)
	return hs.Shutdown(sctx)
}

func backendName(cfg serveConfig) string {
	if cfg.Model != "" {
		return "in-process:" + cfg.Model
	}
	return "remote:" + cfg.Backend.URL
}

// openBackend returns the configured Generator.
func openBackend(cfg serveConfig) (llm.Generator, error) {
	switch {
	case cfg.Model != "" && cfg.Backend.URL != "":
		return nil, errors.New("set either --model (in-process) or --backend-url (remote), not both")
	case cfg.Model != "":
		return openLocalGenerator(cfg.Model, cfg.Name)
	case cfg.Backend.URL != "":
		model := cfg.Backend.Model
		if model == "" {
			model = cfg.Name
		}
		return llm.NewRemote(llm.RemoteConfig{
			BaseURL: cfg.Backend.URL, Model: model, APIKey: os.Getenv(cfg.Backend.APIKeyEnv),
			Timeout: cfg.Backend.Timeout, Retries: cfg.Backend.Retries, MaxConcurrent: cfg.Backend.MaxConc,
		})
	}
	return nil, errors.New("no backend: give --model DIR or --backend-url URL")
}
