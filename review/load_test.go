// Load test: 50 reviewers over loopback HTTP load the review screen, save
// drafts and submit ratings as fast as they can, on SQLite and on
// PostgreSQL. Afterwards every rating must be exactly the last one the
// server acknowledged, with one revision per acknowledged save: nothing
// lost, nothing corrupted. The suite runs 5 seconds per backend; set
// TEND_REVIEW_LOAD=2m (any Go duration) for the full run. Latency
// percentiles are logged (go test -v).
package review

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tend-project/tend/store"
)

func loadDuration(t *testing.T) time.Duration {
	if v := os.Getenv("TEND_REVIEW_LOAD"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil {
			t.Fatalf("TEND_REVIEW_LOAD=%q: %v", v, err)
		}
		return d
	}
	if testing.Short() {
		return time.Second
	}
	return 5 * time.Second
}

func TestLoadSQLite(t *testing.T) {
	st, _ := openSQLite(t)
	runLoad(t, st)
}

func TestLoadPostgres(t *testing.T) {
	runLoad(t, openPostgres(t))
}

// expected is what the server acknowledged for one (item, reviewer).
type expected struct {
	saves int
	last  store.Rating
}

func runLoad(t *testing.T, st store.Store) {
	const reviewers, perReviewer, k = 50, 20, 2
	dur := loadDuration(t)
	h := newHarness(t, st, Config{LoginBurst: 10 * reviewers}, reviewers)
	h.task("load", store.KindRate, k, reviewers*perReviewer/k)
	tasks, _ := st.ListTasks(context.Background())
	task := tasks[0]

	transport := &http.Transport{MaxIdleConns: 2 * reviewers, MaxIdleConnsPerHost: 2 * reviewers}
	defer transport.CloseIdleConnections()
	type result struct {
		lat      map[string][]time.Duration
		expect   map[int64]*expected
		failures []string
	}
	results := make([]result, reviewers)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for ri := range reviewers {
		c := h.login(fmt.Sprintf("rev%d", ri+1), testPassword)
		jar := c.c.Jar
		c.c = &http.Client{Jar: jar, Transport: transport, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		as, err := st.ListAssignments(context.Background(), task.ID, h.revs[ri].ID)
		if err != nil || len(as) != perReviewer {
			t.Fatalf("rev%d: %d assignments (%v), want %d", ri+1, len(as), err, perReviewer)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			res := result{lat: map[string][]time.Duration{}, expect: map[int64]*expected{}}
			defer func() { results[ri] = res }()
			<-start
			deadline := time.Now().Add(dur)
			timed := func(kind string, do func() (int, error)) int {
				t0 := time.Now()
				code, err := do()
				res.lat[kind] = append(res.lat[kind], time.Since(t0))
				if err != nil {
					res.failures = append(res.failures, fmt.Sprintf("%s: %v", kind, err))
					return 0
				}
				return code
			}
			for n := 0; time.Now().Before(deadline); n++ {
				item := as[n%len(as)].ItemID
				e := res.expect[item]
				if e == nil {
					e = &expected{}
					res.expect[item] = e
				}
				path := "/items/" + strconv.FormatInt(item, 10)
				if code := timed("screen", func() (int, error) { return fetch(c, http.MethodGet, path, nil, "") }); code != http.StatusOK {
					res.failures = append(res.failures, fmt.Sprintf("GET %s: %d", path, code))
					continue
				}
				r := loadRating(item, h.revs[ri].ID, n)
				form := ratingForm(r)
				if !e.last.Submitted {
					// A draft first, as autosave would send.
					code := timed("draft", func() (int, error) {
						return fetch(c, http.MethodPost, path+"/draft", form, c.csrf)
					})
					if code != http.StatusOK {
						res.failures = append(res.failures, fmt.Sprintf("draft %s: %d", path, code))
						continue
					}
					e.saves++
				}
				form.Set("csrf", c.csrf)
				code := timed("submit", func() (int, error) { return fetch(c, http.MethodPost, path+"/submit", form, "") })
				if code != http.StatusSeeOther {
					res.failures = append(res.failures, fmt.Sprintf("submit %s: %d", path, code))
					continue
				}
				e.saves++
				e.last = r
			}
		}()
	}
	t0 := time.Now()
	close(start)
	wg.Wait()
	elapsed := time.Since(t0)

	lat := map[string][]time.Duration{}
	var all []time.Duration
	for _, r := range results {
		for _, f := range r.failures {
			t.Error(f)
		}
		for kind, ds := range r.lat {
			lat[kind] = append(lat[kind], ds...)
			all = append(all, ds...)
		}
	}
	// Verify: every acknowledged submit is stored exactly, with one
	// revision per acknowledged save.
	stored, err := st.ListRatings(context.Background(), task.ID)
	if err != nil {
		t.Fatal(err)
	}
	got := map[[2]int64]store.Rating{}
	for _, r := range stored {
		got[[2]int64{r.ItemID, r.ReviewerID}] = r
	}
	submits, checked := 0, 0
	for ri, r := range results {
		for item, e := range r.expect {
			if e.saves == 0 {
				continue
			}
			checked++
			g, ok := got[[2]int64{item, h.revs[ri].ID}]
			switch {
			case !ok:
				t.Errorf("item %d, rev%d: rating lost", item, ri+1)
			case g.Revision != e.saves:
				t.Errorf("item %d, rev%d: revision %d, want %d acknowledged saves", item, ri+1, g.Revision, e.saves)
			case e.last.Submitted && (g.Scores != e.last.Scores || g.Flags != e.last.Flags || g.Comment != e.last.Comment || !g.Submitted):
				t.Errorf("item %d, rev%d: stored %+v, want %+v", item, ri+1, g, e.last)
			}
		}
		submits += len(r.lat["submit"])
	}
	if len(got) != checked {
		t.Errorf("%d ratings stored, %d expected", len(got), checked)
	}
	for _, kind := range []string{"screen", "draft", "submit"} {
		p50, p99, mx := percentiles(lat[kind])
		t.Logf("%-6s n=%6d  p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms", kind, len(lat[kind]), ms(p50), ms(p99), ms(mx))
	}
	p50, p99, mx := percentiles(all)
	t.Logf("all    n=%6d  p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms; %d reviewers, %s, %.0f requests/s, %d submits, %d ratings verified",
		len(all), ms(p50), ms(p99), ms(mx), reviewers, elapsed.Round(time.Millisecond), float64(len(all))/elapsed.Seconds(), submits, checked)
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func percentiles(ds []time.Duration) (p50, p99, mx time.Duration) {
	if len(ds) == 0 {
		return
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	at := func(q float64) time.Duration { return s[min(len(s)-1, int(q*float64(len(s))))] }
	return at(0.50), at(0.99), s[len(s)-1]
}

// loadRating is the n-th rating a reviewer gives an item: every field
// depends on (item, reviewer, n), so a mix-up between requests shows.
func loadRating(item, reviewer int64, n int) store.Rating {
	v := int(item*7+reviewer*3) + n
	return store.Rating{ItemID: item, ReviewerID: reviewer, Submitted: true,
		Scores:  store.Scores{Empathy: 1 + v%5, Helpfulness: 1 + (v/5)%5, Safety: 1 + (v/25)%5, ClinicalAccuracy: 1 + (v+2)%5, Boundaries: 1 + (v+4)%5},
		Flags:   store.Flags{Harmful: v%3 == 0, Stigma: v%7 == 0},
		Comment: fmt.Sprintf("item %d reviewer %d pass %d", item, reviewer, n)}
}

func ratingForm(r store.Rating) url.Values {
	f := url.Values{"comment": {r.Comment}}
	for _, d := range r.Scores.Dimensions() {
		f.Set(d.Name, strconv.Itoa(d.Value))
	}
	if r.Flags.Harmful {
		f.Set("flag_harmful", "on")
	}
	if r.Flags.Stigma {
		f.Set("flag_stigma", "on")
	}
	return f
}

// fetch sends a request without failing the test from a goroutine.
func fetch(c *client, method, path string, form url.Values, csrfHeaderValue string) (int, error) {
	var req *http.Request
	var err error
	if form != nil {
		req, err = http.NewRequest(method, c.base+path, stringsReader(form.Encode()))
		if err == nil {
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		}
	} else {
		req, err = http.NewRequest(method, c.base+path, nil)
	}
	if err != nil {
		return 0, err
	}
	if csrfHeaderValue != "" {
		req.Header.Set(csrfHeader, csrfHeaderValue)
	}
	res, err := c.c.Do(req)
	if err != nil {
		return 0, err
	}
	drain(res)
	return res.StatusCode, nil
}

func stringsReader(s string) *strings.Reader { return strings.NewReader(s) }

func drain(res *http.Response) {
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
}
