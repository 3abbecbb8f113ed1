// Package review is the clinicians' web app: admins build review queues from
// eval outputs, imported responses, curation's needs_review.jsonl or logged
// conversations; reviewers rate replies on five Likert dimensions, flag
// problems, compare two replies blind, rewrite replies and comment; the
// dashboard shows progress, inter-rater agreement and rating distributions;
// and exports turn the judgements into training data (TRL preference pairs)
// and new eval cases.
//
// Pages are server-rendered with html/template from an embedded file system
// and use one small script for keyboard shortcuts and autosave. Nothing is
// loaded from a third party.
//
// Security: accounts have the admin or reviewer role and bcrypt-hashed
// passwords; sessions are random tokens stored hashed, sent in Secure,
// HttpOnly, SameSite=Strict cookies; every state-changing request carries the
// session's CSRF token; logins are rate-limited per client address and name;
// every route names the role it needs (see routes.go); request bodies are
// capped; and actions are written to the store's audit log. Reviewers never
// see model names, and the order of the two replies in a comparison is
// shuffled per (item, reviewer).
package review

import (
	"cmp"
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/tend-project/tend/store"
)

//go:embed web
var webFS embed.FS

// Config wires the app.
type Config struct {
	Store store.Store
	// Scrub removes personal data from text before reviewers see it (and
	// before imported items are stored). Required.
	Scrub func(string) string
	// InsecureCookies drops the Secure attribute, for plain http on
	// localhost only.
	InsecureCookies bool
	// SessionTTL is how long a login lasts; default 12 hours.
	SessionTTL time.Duration
	// MaxBodyBytes caps a request body; default 256 KiB. Task uploads get
	// MaxUploadBytes instead (default 32 MiB).
	MaxBodyBytes   int64
	MaxUploadBytes int64
	// BcryptCost for passwords set through the web app; default 12.
	BcryptCost int
	// LoginBurst failed logins are allowed per (address, name) and per
	// address x4, refilled one per LoginRefill; defaults 5 and one minute.
	LoginBurst  int
	LoginRefill time.Duration
	// PairStrength is the default strength threshold of the pairs export.
	PairStrength int
	// TrustProxy takes the client address from X-Forwarded-For's last hop
	// (set it only behind a reverse proxy you run).
	TrustProxy bool
	Log        *slog.Logger
	Now        func() time.Time
}

// App is the review web app; it is an http.Handler.
type App struct {
	cfg     Config
	st      store.Store
	mux     *http.ServeMux
	pages   map[string]*template.Template
	static  http.Handler
	limiter *limiter
	log     *slog.Logger

	dummyOnce sync.Once
	dummy     []byte
}

// New checks cfg and builds the app.
func New(cfg Config) (*App, error) {
	if cfg.Store == nil {
		return nil, errors.New("review: no store")
	}
	if cfg.Scrub == nil {
		return nil, errors.New("review: no PII scrubber; reviewers must see scrubbed text only")
	}
	cfg.SessionTTL = cmp.Or(cfg.SessionTTL, 12*time.Hour)
	cfg.MaxBodyBytes = cmp.Or(cfg.MaxBodyBytes, 256<<10)
	cfg.MaxUploadBytes = cmp.Or(cfg.MaxUploadBytes, 32<<20)
	cfg.BcryptCost = cmp.Or(cfg.BcryptCost, 12)
	cfg.LoginBurst = cmp.Or(cfg.LoginBurst, 5)
	cfg.LoginRefill = cmp.Or(cfg.LoginRefill, time.Minute)
	cfg.PairStrength = cmp.Or(cfg.PairStrength, 2)
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	a := &App{cfg: cfg, st: cfg.Store, log: cfg.Log,
		limiter: newLimiter(cfg.LoginBurst, cfg.LoginRefill, cfg.Now)}
	if err := a.parsePages(); err != nil {
		return nil, err
	}
	static, err := fs.Sub(webFS, "web/static")
	if err != nil {
		return nil, err
	}
	a.static = http.StripPrefix("/static/", http.FileServerFS(static))
	a.mux = http.NewServeMux()
	for _, rt := range a.routes() {
		a.mux.Handle(rt.Pattern, a.guard(rt))
	}
	return a, nil
}

// ServeHTTP sets the security headers every response carries and routes.
func (a *App) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "+
		"connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cache-Control", "no-store")
	a.mux.ServeHTTP(w, r)
}

func (a *App) parsePages() error {
	funcs := template.FuncMap{
		"add":  func(a, b int) int { return a + b },
		"pct":  pct,
		"fmtf": fmtFloat,
	}
	names, err := fs.Glob(webFS, "web/pages/*.html")
	if err != nil {
		return err
	}
	a.pages = map[string]*template.Template{}
	for _, n := range names {
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(webFS, "web/layout.html", n)
		if err != nil {
			return fmt.Errorf("review: template %s: %w", n, err)
		}
		a.pages[n[len("web/pages/"):len(n)-len(".html")]] = t
	}
	return nil
}

// page is what every template receives.
type page struct {
	Title string
	User  *store.User
	CSRF  string
	Flash string
	Error string
	Data  any
}

func (a *App) render(w http.ResponseWriter, r *http.Request, status int, name string, p page) {
	t := a.pages[name]
	if t == nil {
		a.fail(w, r, fmt.Errorf("no page %q", name))
		return
	}
	if s := sessionFrom(r.Context()); s != nil {
		p.User, p.CSRF = &s.user, s.csrf
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	if err := t.Execute(w, p); err != nil {
		a.log.Error("render", "page", name, "err", err)
	}
}

// statusOf is the one place that maps error kinds to HTTP statuses.
func statusOf(err error) int {
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe):
		return http.StatusRequestEntityTooLarge
	case errors.Is(err, store.ErrNotFound):
		return http.StatusNotFound
	case errors.Is(err, store.ErrConflict), errors.Is(err, store.ErrDuplicate):
		return http.StatusConflict
	case errors.Is(err, store.ErrInvalid), errors.Is(err, ErrInput), errors.Is(err, errForm):
		return http.StatusUnprocessableEntity
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

// fail answers with the error's status; internal errors are logged and shown
// without detail.
func (a *App) fail(w http.ResponseWriter, r *http.Request, err error) {
	code := statusOf(err)
	msg := err.Error()
	if code == http.StatusInternalServerError {
		a.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
		msg = "Something went wrong on the server; the error is logged."
	}
	if wantsJSON(r) {
		writeJSON(w, code, map[string]string{"error": msg})
		return
	}
	a.render(w, r, code, "error", page{Title: http.StatusText(code), Error: msg})
}

var errForm = errors.New("invalid form")

func formErr(format string, args ...any) error {
	return fmt.Errorf("%w: %s", errForm, fmt.Sprintf(format, args...))
}

func pct(done, total int) int {
	if total == 0 {
		return 0
	}
	return done * 100 / total
}

func fmtFloat(v float64) string {
	if v != v {
		return "—"
	}
	return fmt.Sprintf("%.2f", v)
}
