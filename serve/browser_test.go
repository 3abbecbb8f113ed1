package serve

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/tend-project/tend/llm"
)

// chromiumPath finds Debian's Chromium. Locally the test skips without it;
// in CI (CI=true) a missing browser is a failure, so the test cannot
// silently stop running.
func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, p := range []string{"/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("chromium is not installed; .ci/run must install Debian's chromium package")
	}
	t.Skip("chromium not installed")
	return ""
}

// newBrowser starts headless Chromium and returns its context.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath(t)),
		chromedp.Flag("headless", true), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.NoFirstRun, chromedp.Flag("disable-quic", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 800),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelCtx(); cancelAlloc() })
	return ctx
}

// step runs one browser action with a time limit.
func step[T any](t *testing.T, ctx context.Context, what string, a chromedp.Action[T]) T {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	v, err := chromedp.Run(sctx, a)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return v
}

func TestWebChatInBrowser(t *testing.T) {
	h := newHarness(t, Config{})
	h.backend.ChunkDelay = 20 * time.Millisecond
	h.backend.Reply = func(llm.ChatRequest) string {
		return "I'm sorry the week has been this heavy. What has been the hardest part?"
	}
	ctx := newBrowser(t)
	// The first Run starts the browser and must not carry a timeout.
	if _, err := chromedp.Run(ctx, chromedp.Navigate(h.tend.URL+"/?locale=GB")); err != nil {
		t.Fatal(err)
	}
	step(t, ctx, "banner visible", chromedp.WaitVisible("#disclosure"))
	banner := step(t, ctx, "banner text", chromedp.Text("#disclosure"))
	step(t, ctx, "type", chromedp.SendKeys("#input", "This week has been exhausting and I feel low."))
	step(t, ctx, "send", chromedp.Click("#send"))
	step(t, ctx, "reply appears", chromedp.WaitVisible(`li.msg.assistant .text`))
	step(t, ctx, "stream ends", chromedp.Poll[bool](`document.querySelector("#status").textContent === ""`))
	reply := step(t, ctx, "reply text", chromedp.Text(`li.msg.assistant .text`))
	step(t, ctx, "press Get help now", chromedp.Click("#help-button"))
	step(t, ctx, "help visible", chromedp.WaitVisible("#help-panel"))
	help := step(t, ctx, "help text", chromedp.Text("#help-panel"))
	step(t, ctx, "close help", chromedp.Click("#help-close"))
	hidden := step(t, ctx, "help hidden", chromedp.Evaluate[bool](`document.querySelector("#help-panel").hidden`))

	if !strings.Contains(banner, "AI, not a therapist") {
		t.Errorf("disclosure banner = %q", banner)
	}
	if !strings.Contains(reply, "What has been the hardest part?") {
		t.Errorf("streamed reply = %q", reply)
	}
	if !strings.Contains(strings.ToLower(reply), "ai") {
		t.Errorf("first reply lacks the AI disclosure: %q", reply)
	}
	if !strings.Contains(help, "116 123") {
		t.Errorf("GB help panel lacks Samaritans: %q", help)
	}
	if !hidden {
		t.Error("the help panel did not close")
	}
}
