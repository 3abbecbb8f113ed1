// Accounts, logins and sessions: bcrypt passwords, random session tokens
// stored hashed, CSRF tokens, the login rate limit and the guard that every
// route passes through (body cap, session, role, CSRF).
package review

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/tend-project/tend/store"
)

const (
	sessionCookie = "tend_review_session"
	loginCookie   = "tend_review_login"
	csrfHeader    = "X-CSRF-Token"
	csrfField     = "csrf"
)

// Password rules. bcrypt reads at most 72 bytes, so longer passwords are
// refused rather than silently truncated.
const (
	MinPasswordLen = 12
	MaxPasswordLen = 72
)

// ErrWeakPassword: a password outside the length rules.
var ErrWeakPassword = fmt.Errorf("password must be %d to %d bytes long", MinPasswordLen, MaxPasswordLen)

// HashPassword hashes a password with bcrypt at the given cost.
func HashPassword(pw string, cost int) ([]byte, error) {
	if len(pw) < MinPasswordLen || len(pw) > MaxPasswordLen {
		return nil, ErrWeakPassword
	}
	return bcrypt.GenerateFromPassword([]byte(pw), cost)
}

// AddUser creates an account with a hashed password and records it in the
// audit log; actorID 0 means the command line.
func AddUser(ctx context.Context, st store.Store, name string, role store.Role, password string, cost int, actorID int64) (store.User, error) {
	h, err := HashPassword(password, cost)
	if err != nil {
		return store.User{}, err
	}
	u, err := st.CreateUser(ctx, store.User{Name: strings.TrimSpace(name), Role: role, PasswordHash: h})
	if err != nil {
		return store.User{}, err
	}
	err = st.AppendAudit(ctx, store.AuditEntry{ActorID: actorID, Action: "user.add", Target: fmt.Sprintf("user:%d", u.ID),
		Detail: fmt.Sprintf("name %q, role %s", u.Name, u.Role)})
	return u, err
}

func randomToken() string {
	b := make([]byte, 32)
	rand.Read(b) // never fails (crypto/rand panics on broken systems)
	return base64.RawURLEncoding.EncodeToString(b)
}

func sameToken(a, b string) bool {
	return a != "" && len(a) == len(b) && subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}

// session is the logged-in user of a request.
type session struct {
	user      store.User
	csrf      string
	tokenHash []byte
}

type sessionKey struct{}

func sessionFrom(ctx context.Context) *session {
	s, _ := ctx.Value(sessionKey{}).(*session)
	return s
}

func (a *App) loadSession(r *http.Request) *session {
	c, err := r.Cookie(sessionCookie)
	if err != nil || c.Value == "" || len(c.Value) > 100 {
		return nil
	}
	h := store.HashToken(c.Value)
	s, u, err := a.st.GetSession(r.Context(), h, a.cfg.Now())
	if err != nil {
		if !errors.Is(err, store.ErrNotFound) {
			a.log.Error("session lookup", "err", err)
		}
		return nil
	}
	return &session{user: u, csrf: s.CSRFToken, tokenHash: h}
}

func (a *App) setCookie(w http.ResponseWriter, name, value string, maxAge time.Duration) {
	http.SetCookie(w, &http.Cookie{Name: name, Value: value, Path: "/", MaxAge: int(maxAge / time.Second),
		HttpOnly: true, Secure: !a.cfg.InsecureCookies, SameSite: http.SameSiteStrictMode})
}

// guard wraps a route's handler with the checks its table entry asks for.
func (a *App) guard(rt route) http.Handler {
	limit := a.cfg.MaxBodyBytes
	if rt.Upload {
		limit = a.cfg.MaxUploadBytes
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, limit)
		if r.ContentLength > limit {
			a.fail(w, r, &http.MaxBytesError{Limit: limit})
			return
		}
		if !safeMethod(r.Method) && r.Header.Get("Sec-Fetch-Site") == "cross-site" {
			http.Error(w, "cross-site request refused", http.StatusForbidden)
			return
		}
		if rt.Role == rolePublic {
			rt.Handler(w, r)
			return
		}
		s := a.loadSession(r)
		if s == nil {
			if r.Method == http.MethodGet && !wantsJSON(r) {
				http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
				return
			}
			writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "log in first"})
			return
		}
		if rt.Role != roleAny && string(rt.Role) != string(s.user.Role) {
			a.log.Warn("wrong role", "user", s.user.ID, "role", s.user.Role, "route", rt.Pattern)
			http.Error(w, "your account's role may not use this page", http.StatusForbidden)
			return
		}
		if !safeMethod(r.Method) {
			tok := r.Header.Get(csrfHeader)
			if tok == "" {
				if err := parseForm(r, rt.Upload, limit); err != nil {
					a.fail(w, r, err)
					return
				}
				tok = r.PostFormValue(csrfField)
			}
			if !sameToken(tok, s.csrf) {
				a.log.Warn("csrf token mismatch", "user", s.user.ID, "route", rt.Pattern)
				http.Error(w, "missing or wrong CSRF token; reload the page", http.StatusForbidden)
				return
			}
		}
		rt.Handler(w, r.WithContext(context.WithValue(r.Context(), sessionKey{}, s)))
	})
}

func safeMethod(m string) bool { return m == http.MethodGet || m == http.MethodHead }

func parseForm(r *http.Request, multipart bool, limit int64) error {
	if multipart && strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/") {
		return r.ParseMultipartForm(min(limit, 8<<20))
	}
	return r.ParseForm()
}

func wantsJSON(r *http.Request) bool {
	return strings.Contains(r.Header.Get("Accept"), "application/json") || r.Header.Get(csrfHeader) != ""
}

func (a *App) clientIP(r *http.Request) string {
	if a.cfg.TrustProxy {
		if xff := r.Header.Get("X-Forwarded-For"); xff != "" {
			parts := strings.Split(xff, ",")
			return strings.TrimSpace(parts[len(parts)-1])
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

type loginData struct {
	Next string
	Name string
}

func (a *App) loginForm(w http.ResponseWriter, r *http.Request) {
	if s := a.loadSession(r); s != nil {
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return
	}
	tok := randomToken()
	a.setCookie(w, loginCookie, tok, time.Hour)
	a.render(w, r, http.StatusOK, "login", page{Title: "Log in", CSRF: tok, Data: loginData{Next: localPath(r.URL.Query().Get("next"))}})
}

// localPath keeps a post-login redirect on this site.
func localPath(p string) string {
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || strings.HasPrefix(p, "/\\") {
		return "/"
	}
	return p
}

// dummyHash is compared against when a name is unknown, so a failed login
// takes as long whether or not the account exists. It uses the app's bcrypt
// cost, the cost of the accounts it stands in for.
func (a *App) dummyHash() []byte {
	a.dummyOnce.Do(func() {
		a.dummy, _ = bcrypt.GenerateFromPassword([]byte(randomToken()), a.cfg.BcryptCost)
	})
	return a.dummy
}

func (a *App) login(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		a.fail(w, r, err)
		return
	}
	c, err := r.Cookie(loginCookie)
	if err != nil || !sameToken(r.PostFormValue(csrfField), c.Value) {
		http.Error(w, "missing or wrong CSRF token; reload the login page", http.StatusForbidden)
		return
	}
	name := strings.TrimSpace(r.PostFormValue("name"))
	if len(name) > 64 {
		name = name[:64]
	}
	pw := r.PostFormValue("password")
	next := localPath(r.PostFormValue("next"))
	ip := a.clientIP(r)
	again := func(status int, msg string) {
		tok := randomToken()
		a.setCookie(w, loginCookie, tok, time.Hour)
		a.render(w, r, status, "login", page{Title: "Log in", CSRF: tok, Error: msg, Data: loginData{Next: next, Name: name}})
	}
	keys := []string{"ip:" + ip, "name:" + ip + "|" + strings.ToLower(name)}
	if wait := a.limiter.take(keys); wait > 0 {
		a.log.Warn("login rate-limited", "ip", ip)
		w.Header().Set("Retry-After", fmt.Sprint(int(wait.Seconds())+1))
		again(http.StatusTooManyRequests, fmt.Sprintf("Too many attempts. Try again in %s.", wait.Round(time.Second)))
		return
	}
	u, err := a.st.GetUserByName(r.Context(), name)
	hash := a.dummyHash()
	if err == nil {
		hash = u.PasswordHash
	}
	okPw := bcrypt.CompareHashAndPassword(hash, []byte(pw)) == nil
	if err != nil || !okPw || u.Disabled {
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			a.fail(w, r, err)
			return
		}
		// The actor is unknown (whoever typed the name), so it is the system.
		a.audit(r, store.AuditEntry{Action: "login.fail", Target: "name:" + name, Detail: "from " + ip})
		a.log.Info("login failed", "ip", ip)
		again(http.StatusUnauthorized, "Wrong name or password.")
		return
	}
	a.limiter.reset(keys[1])
	tok := randomToken()
	now := a.cfg.Now()
	if err := a.st.CreateSession(r.Context(), store.Session{TokenHash: store.HashToken(tok), UserID: u.ID, CSRFToken: randomToken(),
		CreatedAt: now, ExpiresAt: now.Add(a.cfg.SessionTTL)}); err != nil {
		a.fail(w, r, err)
		return
	}
	if _, err := a.st.DeleteExpiredSessions(r.Context(), now); err != nil {
		a.log.Error("expired session sweep", "err", err)
	}
	a.setCookie(w, sessionCookie, tok, a.cfg.SessionTTL)
	a.setCookie(w, loginCookie, "", -time.Second)
	a.audit(r, store.AuditEntry{ActorID: u.ID, Action: "login", Target: fmt.Sprintf("user:%d", u.ID), Detail: "from " + ip})
	a.log.Info("login", "user", u.ID, "ip", ip)
	http.Redirect(w, r, next, http.StatusSeeOther)
}

func (a *App) logout(w http.ResponseWriter, r *http.Request) {
	s := sessionFrom(r.Context())
	if err := a.st.DeleteSession(r.Context(), s.tokenHash); err != nil {
		a.fail(w, r, err)
		return
	}
	a.setCookie(w, sessionCookie, "", -time.Second)
	a.audit(r, store.AuditEntry{ActorID: s.user.ID, Action: "logout", Target: fmt.Sprintf("user:%d", s.user.ID)})
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}

// audit appends an entry; a failure is logged, not shown.
func (a *App) audit(r *http.Request, e store.AuditEntry) {
	if err := a.st.AppendAudit(r.Context(), e); err != nil {
		a.log.Error("audit", "action", e.Action, "err", err)
	}
}

// limiter is a token bucket per key: burst attempts, one more per refill.
// The per-address bucket is four times larger, so one address cannot try
// many names either.
type limiter struct {
	mu      sync.Mutex
	burst   float64
	refill  time.Duration
	now     func() time.Time
	buckets map[string]*bucket
}

type bucket struct {
	tokens float64
	at     time.Time
}

func newLimiter(burst int, refill time.Duration, now func() time.Time) *limiter {
	return &limiter{burst: float64(burst), refill: refill, now: now, buckets: map[string]*bucket{}}
}

// take spends one token from every key's bucket, or none and reports how
// long until the emptiest has one.
func (l *limiter) take(keys []string) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	if len(l.buckets) > 50_000 {
		for k, b := range l.buckets {
			if now.Sub(b.at) > time.Duration(l.burst*4)*l.refill {
				delete(l.buckets, k)
			}
		}
	}
	var wait time.Duration
	bs := make([]*bucket, len(keys))
	for i, k := range keys {
		capacity := l.burst
		if strings.HasPrefix(k, "ip:") {
			capacity *= 4
		}
		b := l.buckets[k]
		if b == nil {
			b = &bucket{tokens: capacity, at: now}
			l.buckets[k] = b
		}
		b.tokens = min(capacity, b.tokens+float64(now.Sub(b.at))/float64(l.refill))
		b.at = now
		if b.tokens < 1 {
			wait = max(wait, time.Duration((1-b.tokens)*float64(l.refill)))
		}
		bs[i] = b
	}
	if wait > 0 {
		return wait
	}
	for _, b := range bs {
		b.tokens--
	}
	return 0
}

func (l *limiter) reset(key string) {
	l.mu.Lock()
	delete(l.buckets, key)
	l.mu.Unlock()
}
