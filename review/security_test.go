// Security tests: every route refuses anonymous users and the wrong role;
// CSRF tokens are required; passwords never reach the database or the logs
// in clear; request bodies are capped; logins are rate-limited; cookies
// carry Secure, HttpOnly and SameSite=Strict.
package review

import (
	"bytes"
	"context"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tend-project/tend/store"
)

// concrete fills a route pattern with real IDs.
func concrete(pattern string, task, item, user int64) (method, path string) {
	method, path, _ = strings.Cut(pattern, " ")
	r := strings.NewReplacer("{task}", fmt.Sprint(task), "{item}", fmt.Sprint(item), "{user}", fmt.Sprint(user),
		"{what}", "ratings.csv", "{$}", "")
	path = r.Replace(path)
	if strings.HasSuffix(path, "/static/") {
		path += "review.css"
	}
	return method, path
}

func TestEveryRouteChecksRole(t *testing.T) {
	st, _ := openSQLite(t)
	h := newHarness(t, st, Config{}, 2)
	task, items := h.task("routes", store.KindRate, 1, 2)
	admin := h.login("ada", testPassword)
	rev := h.login("rev1", testPassword)
	// An item rev1 is assigned, so a refusal below is about the role alone.
	as, err := st.ListAssignments(context.Background(), task.ID, h.revs[0].ID)
	if err != nil || len(as) == 0 {
		t.Fatalf("rev1 has no assignment: %v", err)
	}
	item := as[0].ItemID
	_ = items
	routes := h.app.routes()
	if len(routes) < 15 {
		t.Fatalf("only %d routes in the table", len(routes))
	}
	seen := map[string]bool{}
	for _, rt := range routes {
		if seen[rt.Pattern] {
			t.Errorf("route %q listed twice", rt.Pattern)
		}
		seen[rt.Pattern] = true
		switch rt.Role {
		case rolePublic, roleAny, roleAdmin, roleReviewer:
		default:
			t.Errorf("route %q: unknown role %q", rt.Pattern, rt.Role)
		}
		if rt.Role == rolePublic {
			if m, _, _ := strings.Cut(rt.Pattern, " "); m == http.MethodGet && !strings.Contains(rt.Pattern, "/login") && !strings.Contains(rt.Pattern, "/static/") {
				t.Errorf("route %q is public; only login and static files may be", rt.Pattern)
			}
			continue
		}
		t.Run(rt.Pattern, func(t *testing.T) {
			method, path := concrete(rt.Pattern, task.ID, item, h.revs[1].ID)
			send := func(c *client) *http.Response {
				req, _ := http.NewRequest(method, c.base+path, strings.NewReader(url.Values{"csrf": {c.csrf}}.Encode()))
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				res, _ := c.do(req)
				return res
			}
			res := send(h.anon())
			switch {
			case method == http.MethodGet && res.StatusCode == http.StatusSeeOther && strings.HasPrefix(res.Header.Get("Location"), "/login"):
			case res.StatusCode == http.StatusUnauthorized:
			default:
				t.Errorf("anonymous %s %s: status %d (Location %q), want a redirect to /login or 401",
					method, path, res.StatusCode, res.Header.Get("Location"))
			}
			var wrong, right *client
			switch rt.Role {
			case roleAdmin:
				wrong, right = rev, admin
			case roleReviewer:
				wrong, right = admin, rev
			default:
				// A fresh session: the logout route ends the one it is sent with.
				right = h.login("rev2", testPassword)
			}
			if wrong != nil {
				if res := send(wrong); res.StatusCode != http.StatusForbidden {
					t.Errorf("wrong role %s %s: status %d, want 403", method, path, res.StatusCode)
				}
			}
			// The right role gets past the guard (whatever the handler then says).
			if res := send(right); res.StatusCode == http.StatusForbidden || res.StatusCode == http.StatusUnauthorized {
				t.Errorf("right role %s %s: status %d", method, path, res.StatusCode)
			}
		})
	}
	// Nothing outside the table answers.
	if res, _ := admin.get("/debug/pprof/"); res.StatusCode != http.StatusNotFound {
		t.Errorf("unknown path: status %d, want 404", res.StatusCode)
	}
}

func TestCSRF(t *testing.T) {
	st, _ := openSQLite(t)
	h := newHarness(t, st, Config{}, 2)
	task, _ := h.task("csrf", store.KindRate, 2, 1)
	as, _ := st.ListAssignments(context.Background(), task.ID, h.revs[0].ID)
	draft := fmt.Sprintf("/items/%d/draft", as[0].ItemID)
	rev := h.login("rev1", testPassword)
	other := h.login("rev2", testPassword)
	tests := []struct {
		name   string
		form   url.Values
		header http.Header
		want   int
	}{
		{"no token", url.Values{"empathy": {"3"}}, nil, http.StatusForbidden},
		{"wrong token", url.Values{"empathy": {"3"}, "csrf": {"x" + rev.csrf[1:]}}, nil, http.StatusForbidden},
		{"another session's token", url.Values{"empathy": {"3"}, "csrf": {other.csrf}}, nil, http.StatusForbidden},
		{"wrong header", url.Values{"empathy": {"3"}}, http.Header{csrfHeader: {other.csrf}}, http.StatusForbidden},
		{"cross-site fetch", url.Values{"empathy": {"3"}, "csrf": {rev.csrf}}, http.Header{"Sec-Fetch-Site": {"cross-site"}}, http.StatusForbidden},
		{"form token", url.Values{"empathy": {"3"}, "csrf": {rev.csrf}}, nil, http.StatusOK},
		{"header token", url.Values{"empathy": {"4"}}, http.Header{csrfHeader: {rev.csrf}}, http.StatusOK},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if res, body := rev.post(draft, tc.form, tc.header); res.StatusCode != tc.want {
				t.Errorf("status %d, want %d: %s", res.StatusCode, tc.want, body)
			}
		})
	}
	r, err := st.GetRating(context.Background(), as[0].ItemID, h.revs[0].ID)
	if err != nil || r.Revision != 2 || r.Scores.Empathy != 4 {
		t.Errorf("after two accepted drafts: %+v, %v; want revision 2, empathy 4", r, err)
	}
	// Logout and the admin's forms need the token too.
	admin := h.login("ada", testPassword)
	for _, p := range []string{"/logout", "/admin/users", fmt.Sprintf("/admin/tasks/%d/assign", task.ID)} {
		if res, _ := admin.post(p, url.Values{"name": {"mallory"}, "role": {"admin"}, "password": {testPassword}}, nil); res.StatusCode != http.StatusForbidden {
			t.Errorf("POST %s without token: status %d, want 403", p, res.StatusCode)
		}
	}
	if _, err := st.GetUserByName(context.Background(), "mallory"); err == nil {
		t.Error("an account was created without a CSRF token")
	}
	// The login form has its own token, tied to a cookie.
	c := h.anon()
	if res, _ := c.post("/login", url.Values{"name": {"rev1"}, "password": {testPassword}, "csrf": {"forged-token-value"}}, nil); res.StatusCode != http.StatusForbidden {
		t.Errorf("login without the login cookie: status %d, want 403", res.StatusCode)
	}
}

func TestPasswordsNeverStoredOrLogged(t *testing.T) {
	st, path := openSQLite(t)
	h := newHarness(t, st, Config{}, 1)
	admin := h.login("ada", testPassword)
	const webPw = "Tr0ub4dor&3-web-only"
	if res, body := admin.post("/admin/users", admin.form(url.Values{"name": {"nora"}, "role": {"reviewer"}, "password": {webPw}}), nil); res.StatusCode != http.StatusOK || !strings.Contains(body, "Added nora") {
		t.Fatalf("add user: %d %s", res.StatusCode, body)
	}
	h.login("nora", webPw)
	const wrongPw = "wrong-guess-password-123"
	if code := h.anon().tryLogin("nora", wrongPw); code != http.StatusUnauthorized {
		t.Fatalf("wrong password: status %d", code)
	}
	// A too-short password is refused, not stored.
	if res, _ := admin.post("/admin/users", admin.form(url.Values{"name": {"short"}, "role": {"reviewer"}, "password": {"abc"}}), nil); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("short password: status %d, want 422", res.StatusCode)
	}
	u, err := st.GetUserByName(context.Background(), "nora")
	if err != nil || !strings.HasPrefix(string(u.PasswordHash), "$2") {
		t.Fatalf("stored hash %q, %v: want bcrypt", u.PasswordHash, err)
	}
	if s := fmt.Sprintf("%v %+v %#v", u, u, u); strings.Contains(s, "$2") {
		t.Errorf("printing a user shows the hash: %s", s)
	}
	st.Close()
	var dump []byte
	for _, f := range []string{path, path + "-wal", path + "-journal"} {
		b, _ := os.ReadFile(f)
		dump = append(dump, b...)
	}
	if len(dump) == 0 {
		t.Fatal("database file is empty")
	}
	logs := h.logs.String()
	if !strings.Contains(logs, "login") {
		t.Fatalf("expected login log lines, got %q", logs)
	}
	for _, pw := range []string{testPassword, webPw, wrongPw} {
		if bytes.Contains(dump, []byte(pw)) {
			t.Errorf("password %q found in the database file", pw)
		}
		if strings.Contains(logs, pw) {
			t.Errorf("password %q found in the logs", pw)
		}
	}
}

func TestBodyCap(t *testing.T) {
	st, _ := openSQLite(t)
	h := newHarness(t, st, Config{MaxBodyBytes: 4 << 10, MaxUploadBytes: 16 << 10}, 1)
	task, _ := h.task("cap", store.KindRate, 1, 1)
	as, _ := st.ListAssignments(context.Background(), task.ID, h.revs[0].ID)
	rev := h.login("rev1", testPassword)
	big := strings.Repeat("x", 8<<10)
	res, _ := rev.post(fmt.Sprintf("/items/%d/draft", as[0].ItemID), rev.form(url.Values{"comment": {big}}), nil)
	if res.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("8 KiB draft over a 4 KiB cap: status %d, want 413", res.StatusCode)
	}
	res, _ = rev.post(fmt.Sprintf("/items/%d/draft", as[0].ItemID), url.Values{"comment": {big}}, http.Header{csrfHeader: {rev.csrf}})
	if res.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("8 KiB draft with header token: status %d, want 413", res.StatusCode)
	}
	// Uploads have a larger cap, but a cap all the same.
	admin := h.login("ada", testPassword)
	upload := func(size int) int {
		var b bytes.Buffer
		mw := multipart.NewWriter(&b)
		for k, v := range map[string]string{"csrf": admin.csrf, "name": fmt.Sprint("up", size), "kind": "rate", "k": "1", "source": "file", "reviewer": fmt.Sprint(h.revs[0].ID)} {
			mw.WriteField(k, v)
		}
		fw, _ := mw.CreateFormFile("file", "items.jsonl")
		line := `{"context":"I feel low","response":"I'm sorry you feel low. What has been hardest?"}` + "\n"
		for b.Len() < size {
			fw.Write([]byte(strings.Replace(line, "low", fmt.Sprint("low ", b.Len()), 2)))
		}
		mw.Close()
		req, _ := http.NewRequest(http.MethodPost, admin.base+"/admin/tasks", &b)
		req.Header.Set("Content-Type", mw.FormDataContentType())
		res, _ := admin.do(req)
		return res.StatusCode
	}
	if code := upload(8 << 10); code != http.StatusSeeOther {
		t.Errorf("8 KiB upload under a 16 KiB cap: status %d, want 303", code)
	}
	if code := upload(64 << 10); code != http.StatusRequestEntityTooLarge {
		t.Errorf("64 KiB upload over a 16 KiB cap: status %d, want 413", code)
	}
}

type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *fakeClock) Add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

func TestLoginRateLimit(t *testing.T) {
	st, _ := openSQLite(t)
	clock := &fakeClock{t: time.Now()}
	h := newHarness(t, st, Config{LoginBurst: 3, LoginRefill: time.Minute, Now: clock.Now}, 1)
	c := h.anon()
	for i := range 3 {
		if code := c.tryLogin("rev1", "not the password!"); code != http.StatusUnauthorized {
			t.Fatalf("attempt %d: status %d, want 401", i+1, code)
		}
	}
	if code := c.tryLogin("rev1", testPassword); code != http.StatusTooManyRequests {
		t.Errorf("fourth attempt with the right password: status %d, want 429", code)
	}
	// Another name from the same address still has its own allowance, up
	// to the address's larger bucket.
	if code := h.anon().tryLogin("ada", testPassword); code != http.StatusSeeOther {
		t.Errorf("other name: status %d, want 303", code)
	}
	clock.Add(70 * time.Second)
	if code := h.anon().tryLogin("rev1", testPassword); code != http.StatusSeeOther {
		t.Errorf("after a minute: status %d, want 303", code)
	}
	es, err := st.ListAudit(context.Background(), store.AuditQuery{Action: "login.fail"})
	if err != nil || len(es) != 3 {
		t.Errorf("audit has %d login.fail entries (%v), want 3", len(es), err)
	}
}

func TestCookieAttributes(t *testing.T) {
	st, _ := openSQLite(t)
	h := newHarness(t, st, Config{}, 0)
	h.app.cfg.InsecureCookies = false // as in production
	c := h.anon()
	res, body := c.get("/login")
	m := csrfRE.FindStringSubmatch(body)
	if m == nil {
		t.Fatal("no csrf")
	}
	var loginCookieValue string
	for _, ck := range res.Cookies() {
		if ck.Name == loginCookie {
			loginCookieValue = ck.Value
		}
	}
	req, _ := http.NewRequest(http.MethodPost, c.base+"/login", strings.NewReader(url.Values{"csrf": {m[1]}, "name": {"ada"}, "password": {testPassword}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.AddCookie(&http.Cookie{Name: loginCookie, Value: loginCookieValue})
	res, _ = c.do(req)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("login: status %d", res.StatusCode)
	}
	found := false
	for _, line := range res.Header.Values("Set-Cookie") {
		if !strings.HasPrefix(line, sessionCookie+"=") {
			continue
		}
		found = true
		for _, attr := range []string{"Secure", "HttpOnly", "SameSite=Strict", "Path=/"} {
			if !strings.Contains(line, attr) {
				t.Errorf("session cookie %q lacks %s", line, attr)
			}
		}
	}
	if !found {
		t.Error("no session cookie set")
	}
	for _, hd := range []string{"Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options"} {
		if res.Header.Get(hd) == "" {
			t.Errorf("missing header %s", hd)
		}
	}
}

func TestDisabledAccountLosesSession(t *testing.T) {
	st, _ := openSQLite(t)
	h := newHarness(t, st, Config{}, 2)
	rev := h.login("rev1", testPassword)
	admin := h.login("ada", testPassword)
	if res, _ := admin.post(fmt.Sprintf("/admin/users/%d/disabled", h.revs[0].ID), admin.form(url.Values{"disabled": {"true"}}), nil); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("disable: status %d", res.StatusCode)
	}
	if res, _ := rev.get("/"); res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/login") {
		t.Errorf("disabled reviewer's session still works: status %d", res.StatusCode)
	}
	if code := h.anon().tryLogin("rev1", testPassword); code != http.StatusUnauthorized {
		t.Errorf("disabled reviewer logs in: status %d", code)
	}
}
