package serve

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/tend-project/tend/internal/browsertest"
	"github.com/tend-project/tend/llm"
)

func TestWebChatInBrowser(t *testing.T) {
	h := newHarness(t, Config{})
	h.backend.ChunkDelay = 20 * time.Millisecond
	h.backend.Reply = func(llm.ChatRequest) string {
		return "I'm sorry the week has been this heavy. What has been the hardest part?"
	}
	ctx := browsertest.New(t, 1280, 800)
	// The first Run starts the browser and must not carry a timeout.
	if _, err := chromedp.Run(ctx, chromedp.Navigate(h.tend.URL+"/?locale=GB")); err != nil {
		t.Fatal(err)
	}
	browsertest.Step(t, ctx, "banner visible", chromedp.WaitVisible("#disclosure"))
	banner := browsertest.Step(t, ctx, "banner text", chromedp.Text("#disclosure"))
	browsertest.Step(t, ctx, "type", chromedp.SendKeys("#input", "This week has been exhausting and I feel low."))
	browsertest.Step(t, ctx, "send", chromedp.Click("#send"))
	browsertest.Step(t, ctx, "reply appears", chromedp.WaitVisible(`li.msg.assistant .text`))
	browsertest.Step(t, ctx, "stream ends", chromedp.Poll[bool](`document.querySelector("#status").textContent === ""`))
	reply := browsertest.Step(t, ctx, "reply text", chromedp.Text(`li.msg.assistant .text`))
	browsertest.Step(t, ctx, "press Get help now", chromedp.Click("#help-button"))
	browsertest.Step(t, ctx, "help visible", chromedp.WaitVisible("#help-panel"))
	help := browsertest.Step(t, ctx, "help text", chromedp.Text("#help-panel"))
	browsertest.Step(t, ctx, "close help", chromedp.Click("#help-close"))
	hidden := browsertest.Step(t, ctx, "help hidden", chromedp.Evaluate[bool](`document.querySelector("#help-panel").hidden`))

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
