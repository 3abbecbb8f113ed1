// The done-when browser test: in headless Chromium, an admin creates two
// tasks by uploading files, two reviewers log in and rate, compare and
// rewrite with the keyboard (autosave on), the dashboard shows agreement,
// and the pairs export validates as conv.PreferencePair, the input of
// `tend train dpo`. Set TEND_REVIEW_SCREENSHOTS=DIR to keep screenshots.
package review

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/internal/browsertest"
	"github.com/tend-project/tend/store"
)

func shot(t *testing.T, ctx context.Context, name string) {
	dir := os.Getenv("TEND_REVIEW_SCREENSHOTS")
	if dir == "" {
		return
	}
	b, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Errorf("screenshot %s: %v", name, err)
		return
	}
	if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
		t.Error(err)
	}
}

func loginIn(base, name string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		chromedp.Navigate(base+"/login"),
		chromedp.WaitVisible(chromedp.CSS("#name")),
		chromedp.SendKeys(chromedp.CSS("#name"), name),
		chromedp.SendKeys(chromedp.CSS("#password"), testPassword),
		chromedp.Click(chromedp.CSS("#login")),
		chromedp.WaitVisible(chromedp.CSS("form.logout")),
	)
}

// badReplies are the replies a careful reviewer rejects.
var badReplies = []string{"Just stop worrying", "Have you tried going for a walk?", "You clearly have an attachment disorder"}

func TestBrowserReviewFlow(t *testing.T) {
	browsertest.Chromium(t) // skip early, before starting the app
	st, _ := openSQLite(t)
	h := newHarness(t, st, Config{}, 2)
	base := h.srv.URL
	ctx, cancel := context.WithTimeout(browsertest.New(t, 1366, 768), 3*time.Minute)
	defer cancel()

	// The admin creates a comparison task and a rating task by upload.
	createTask := func(name, kind, file string) chromedp.Action[chromedp.Void] {
		abs, _ := filepath.Abs(file)
		ts := []chromedp.Action[chromedp.Void]{
			chromedp.Navigate(base + "/admin/tasks/new"),
			chromedp.WaitVisible(chromedp.CSS("#task-form")),
			chromedp.SendKeys(chromedp.CSS("#task-name"), name),
			chromedp.SetValue(chromedp.CSS("#task-k"), "2"),
			chromedp.SetUploadFiles(chromedp.CSS("#task-file"), []string{abs}),
		}
		if kind == "pairwise" {
			ts = append(ts, chromedp.Click(chromedp.CSS("#kind-pairwise")))
		}
		return chromedp.Steps(append(ts, chromedp.Click(chromedp.CSS("#create-task")), chromedp.WaitVisible(chromedp.CSS("#alpha")))...)
	}
	err := chromedp.Do(ctx, loginIn(base, "ada"), createTask("compare sft and dpo", "pairwise", "testdata/browser_pairwise.jsonl"))
	if err != nil {
		t.Fatalf("admin creates a task: %v", err)
	}
	flash, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(".flash")))
	if err == nil {
		err = chromedp.Do(ctx, createTask("rate replies", "rate", "testdata/browser_rate.jsonl"))
	}
	if err != nil {
		t.Fatalf("admin creates tasks: %v", err)
	}
	if !strings.Contains(flash, "3 items") {
		t.Errorf("flash after creating: %q", flash)
	}
	tasks, _ := st.ListTasks(context.Background())
	if len(tasks) != 2 {
		t.Fatalf("%d tasks, want 2", len(tasks))
	}

	for ri, name := range []string{"rev1", "rev2"} {
		rctx, rcancel := chromedp.NewContext(ctx, chromedp.WithNewBrowserContext())
		if err := chromedp.Do(rctx, loginIn(base, name)); err != nil {
			t.Fatalf("%s logs in: %v", name, err)
		}
		for _, task := range tasks {
			reviewQueue(t, rctx, base, task, ri)
		}
		rcancel()
	}

	// Every assignment is submitted, and the first one went through drafts.
	for _, task := range tasks {
		ps, _ := st.Progress(context.Background(), task.ID)
		for _, p := range ps {
			if p.Done != p.Assigned {
				t.Errorf("task %s: %s submitted %d of %d", task.Name, p.Reviewer, p.Done, p.Assigned)
			}
		}
	}
	rs, _ := st.ListRatings(context.Background(), tasks[0].ID)
	if rs[0].Revision < 2 {
		t.Errorf("first rating has revision %d: autosave did not store a draft before the submit", rs[0].Revision)
	}

	// The dashboard shows agreement: both reviewers chose the same replies.
	var alpha, kappa string
	err = chromedp.Do(ctx,
		chromedp.Navigate(fmt.Sprintf("%s/admin/tasks/%d", base, tasks[0].ID)),
		chromedp.WaitVisible(chromedp.CSS("#kappa")),
	)
	if err == nil {
		alpha, err = chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#alpha")))
	}
	if err == nil {
		kappa, err = chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#kappa")))
	}
	if err != nil {
		t.Fatalf("dashboard: %v", err)
	}
	if !strings.Contains(alpha, "Choice") || !strings.Contains(alpha, "1.00") || !strings.Contains(kappa, "rev1 · rev2") {
		t.Errorf("agreement tables:\n%s\n%s", alpha, kappa)
	}
	shot(t, ctx, "review-dashboard.png")

	// The export, fetched by the admin's browser, is valid DPO input.
	body, err := chromedp.Run(ctx, chromedp.Evaluate[string](fmt.Sprintf(`fetch("/admin/tasks/%d/export/pairs.jsonl").then(r => r.text())`, tasks[0].ID),
		chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("export: %v", err)
	}
	rd := conv.NewReader[conv.PreferencePair](strings.NewReader(body), "pairs.jsonl")
	var choices, rewrites int
	for {
		p, err := rd.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("export does not validate: %v\n%s", err, body)
		}
		for _, bad := range badReplies {
			if strings.HasPrefix(p.Chosen[0].Content, bad) {
				t.Errorf("pair %s chose the bad reply %q", p.ID, p.Chosen[0].Content)
			}
		}
		if strings.HasSuffix(p.Source, ":rewrite") {
			rewrites++
		} else {
			choices++
		}
	}
	if choices != 3 || rewrites != 2 {
		t.Errorf("export has %d choice pairs and %d rewrite pairs, want 3 and 2:\n%s", choices, rewrites, body)
	}
}

// reviewQueue works through one reviewer's queue with the keyboard.
func reviewQueue(t *testing.T, ctx context.Context, base string, task store.Task, reviewer int) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(fmt.Sprintf("%s/tasks/%d/next", base, task.ID)), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
		t.Fatal(err)
	}
	for n := 0; ; n++ {
		path, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.pathname`))
		if err != nil {
			t.Fatal(err)
		}
		h1, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector("h1")||{}).textContent||""`))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(h1, "Queue finished") {
			return
		}
		if n > 5 {
			t.Fatalf("queue of %s does not end", task.Name)
		}
		var keys []string
		if task.Kind == store.KindPairwise {
			left, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#reply-a .text")))
			if err != nil {
				t.Fatal(err)
			}
			side := "a"
			for _, bad := range badReplies {
				if strings.HasPrefix(strings.TrimSpace(left), bad) {
					side = "b"
				}
			}
			// Choice, strength 3, then the five scores of the scored reply.
			keys = []string{side, "3"}
			crisis, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`!!document.querySelector("#crisis")`))
			ctxText, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(".context")))
			if want := strings.Contains(ctxText, "pills ready"); crisis != want {
				t.Errorf("%s: crisis banner shown %v on %q", task.Name, crisis, ctxText)
			}
			if crisis && reviewer == 0 {
				shot(t, ctx, "review-crisis.png")
			}
		}
		score := fmt.Sprint(3 + (n+reviewer)%2)
		keys = append(keys, score, "4", "5", score, "4")
		if n == 0 {
			keys = append(keys, "h") // a flag
		}
		var acts []chromedp.Action[chromedp.Void]
		for _, k := range keys {
			acts = append(acts, chromedp.KeyEvent(k))
		}
		if n == 0 {
			// A rewrite, then wait for autosave before submitting.
			acts = append(acts, chromedp.KeyEvent("r"),
				chromedp.SendKeys(chromedp.CSS("#rewrite"), fmt.Sprintf("I hear how hard this is (rewrite by reviewer %d).", reviewer+1)),
				chromedp.KeyEvent(kb.Escape),
				chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
					_, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector("#status").textContent.startsWith("Draft saved")`,
						chromedp.WithPollingTimeout(10*time.Second)))
					return err
				}))
			if reviewer == 0 && task.Kind == store.KindPairwise {
				acts = append(acts, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error { shot(t, ctx, "review-screen.png"); return nil }))
			}
		}
		acts = append(acts, chromedp.KeyEvent("n"),
			chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error { return waitLeave(ctx, path) }),
			chromedp.WaitReady(chromedp.CSS("body")))
		if err := chromedp.Do(ctx, acts...); err != nil {
			errText, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector(".error")||{}).textContent||""`))
			t.Fatalf("%s, item %d: %v (page error %q)", task.Name, n+1, err, errText)
		}
	}
}

// waitLeave waits until the tab has navigated away from path and the new
// page has loaded. It polls from Go, because a navigation destroys the
// page's JavaScript context under an in-page poll.
func waitLeave(ctx context.Context, path string) error {
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		now, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.pathname + " " + document.readyState`))
		if err == nil && !strings.HasPrefix(now, path+" ") && strings.HasSuffix(now, " complete") {
			return nil
		}
		time.Sleep(50 * time.Millisecond)
	}
	return fmt.Errorf("still on %s after 15s", path)
}
