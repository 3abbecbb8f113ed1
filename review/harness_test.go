// Test harness: a store on SQLite (or PostgreSQL when
// TEND_TEST_POSTGRES_URL is set), the app behind an httptest server, users
// of both roles, and an HTTP client that logs in like a browser does.
package review

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"
	"golang.org/x/crypto/bcrypt"

	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/store"
)

const testPassword = "correct horse battery staple"

func openSQLite(t testing.TB) (store.Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "review.db")
	st, err := store.OpenSQLite(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st, path
}

const pgEnv = "TEND_TEST_POSTGRES_URL"

// openPostgres gives the test its own schema in the database named by
// TEND_TEST_POSTGRES_URL, dropped afterwards. Without the variable the test
// skips locally and fails in CI.
func openPostgres(t testing.TB) store.Store {
	t.Helper()
	base := os.Getenv(pgEnv)
	if base == "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is not set; CI must run the PostgreSQL tests (see .ci/run)", pgEnv)
		}
		t.Skipf("%s not set; skipping PostgreSQL", pgEnv)
	}
	ctx := context.Background()
	b := make([]byte, 6)
	rand.Read(b)
	schema := "tend_review_" + hex.EncodeToString(b)
	admin, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	defer admin.Close(ctx)
	if _, err := admin.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	st, err := store.OpenPostgres(ctx, u.String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		st.Close()
		c, err := pgx.Connect(context.Background(), base)
		if err != nil {
			t.Errorf("drop schema: %v", err)
			return
		}
		defer c.Close(context.Background())
		c.Exec(context.Background(), "DROP SCHEMA "+schema+" CASCADE")
	})
	return st
}

// syncBuffer collects log output from concurrent handlers.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// fakeScrub stands in for data.Scrubber: it replaces one known address.
func fakeScrub(s string) string { return strings.ReplaceAll(s, "sam@example.com", "[EMAIL]") }

type harness struct {
	t     testing.TB
	st    store.Store
	app   *App
	srv   *httptest.Server
	logs  *syncBuffer
	admin store.User
	revs  []store.User
}

func newHarness(t testing.TB, st store.Store, cfg Config, reviewers int) *harness {
	t.Helper()
	logs := &syncBuffer{}
	cfg.Store, cfg.Scrub, cfg.InsecureCookies = st, fakeScrub, true
	cfg.BcryptCost = bcrypt.MinCost
	cfg.Log = slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	app, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	h := &harness{t: t, st: st, app: app, logs: logs}
	h.srv = httptest.NewServer(app)
	t.Cleanup(h.srv.Close)
	ctx := context.Background()
	if h.admin, err = AddUser(ctx, st, "ada", store.RoleAdmin, testPassword, bcrypt.MinCost, 0); err != nil {
		t.Fatal(err)
	}
	for i := range reviewers {
		u, err := AddUser(ctx, st, fmt.Sprintf("rev%d", i+1), store.RoleReviewer, testPassword, bcrypt.MinCost, 0)
		if err != nil {
			t.Fatal(err)
		}
		h.revs = append(h.revs, u)
	}
	return h
}

// task creates a task of n items assigned to the harness's reviewers.
func (h *harness) task(name string, kind store.TaskKind, k, n int) (store.Task, []store.Item) {
	h.t.Helper()
	var items []store.Item
	for i := range n {
		it := store.Item{
			Context:   []conv.Message{{Role: conv.RoleUser, Content: fmt.Sprintf("I have been sleeping badly for weeks (%d). Write to me at sam@example.com", i)}},
			ResponseA: fmt.Sprintf("That sounds exhausting. What has changed lately? (%d)", i),
			ModelA:    "model-alpha", SourceRef: fmt.Sprintf("%s-%d", name, i),
		}
		if kind == store.KindPairwise {
			it.ResponseB = fmt.Sprintf("Try melatonin, 10 mg a night. (%d)", i)
			it.ModelB = "model-beta"
		}
		items = append(items, it)
	}
	var ids []int64
	for _, u := range h.revs {
		ids = append(ids, u.ID)
	}
	t, _, err := CreateTask(context.Background(), h.st, NewTask{Name: name, Kind: kind, K: k, CreatedBy: h.admin.ID, Items: items, Reviewers: ids})
	if err != nil {
		h.t.Fatal(err)
	}
	items, err = h.st.ListItems(context.Background(), t.ID)
	if err != nil {
		h.t.Fatal(err)
	}
	return t, items
}

type client struct {
	t    testing.TB
	base string
	c    *http.Client
	csrf string
}

func (h *harness) anon() *client {
	jar, _ := cookiejar.New(nil)
	return &client{t: h.t, base: h.srv.URL, c: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
}

var csrfRE = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// login logs in through the login form and picks up the session's token.
func (h *harness) login(name, pw string) *client {
	h.t.Helper()
	c := h.anon()
	if code := c.tryLogin(name, pw); code != http.StatusSeeOther {
		h.t.Fatalf("login %s: status %d", name, code)
	}
	_, body := c.get("/")
	if m := csrfRE.FindStringSubmatch(body); m != nil {
		c.csrf = m[1]
	} else {
		// Admins are redirected from / to /admin/.
		_, body = c.get("/admin/")
		m = csrfRE.FindStringSubmatch(body)
		if m == nil {
			h.t.Fatalf("no csrf token after login as %s", name)
		}
		c.csrf = m[1]
	}
	return c
}

func (c *client) tryLogin(name, pw string) int {
	c.t.Helper()
	_, body := c.get("/login")
	m := csrfRE.FindStringSubmatch(body)
	if m == nil {
		c.t.Fatal("login page has no csrf field")
	}
	res, _ := c.post("/login", url.Values{"csrf": {m[1]}, "name": {name}, "password": {pw}}, nil)
	return res.StatusCode
}

func (c *client) do(req *http.Request) (*http.Response, string) {
	c.t.Helper()
	res, err := c.c.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

func (c *client) get(path string) (*http.Response, string) {
	c.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, c.base+path, nil)
	return c.do(req)
}

// post sends a form; header adds or overrides request headers.
func (c *client) post(path string, form url.Values, header http.Header) (*http.Response, string) {
	c.t.Helper()
	req, _ := http.NewRequest(http.MethodPost, c.base+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for k, v := range header {
		req.Header[k] = v
	}
	return c.do(req)
}

// form returns v with the client's csrf token added.
func (c *client) form(v url.Values) url.Values {
	if v == nil {
		v = url.Values{}
	}
	v.Set("csrf", c.csrf)
	return v
}

func mustURL(s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		panic(err)
	}
	return u
}
