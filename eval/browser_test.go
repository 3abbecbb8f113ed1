// Opens a real report.html in headless Chromium, takes a screenshot and
// checks the key elements: metric charts with CI whiskers, the violations
// table, the per-concern chart, the comparisons and the crisis misses.
// Skips locally without Chromium; fails when CI=true.
package eval

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/tend-project/tend/internal/browsertest"
	"github.com/tend-project/tend/llm"
	"github.com/tend-project/tend/llm/llmtest"
)

// fakeReport runs two fake models (one careful, one careless) over the
// safety and over-refusal suites and builds the report.
func fakeReport(t *testing.T) *Report {
	t.Helper()
	var models []Model
	for _, name := range []string{"careful", "careless"} {
		srv := llmtest.New()
		t.Cleanup(srv.Close)
		if name == "careful" {
			srv.Reply = scriptedReply
		} else {
			srv.Reply = func(llm.ChatRequest) string { return "Just cheer up. You have ADHD, take some Xanax." }
		}
		r, err := llm.NewRemote(llm.RemoteConfig{BaseURL: srv.URL, Model: name})
		if err != nil {
			t.Fatal(err)
		}
		models = append(models, Model{Name: name, ID: name, Gen: r})
	}
	cases := loadAll(t, "safety", "overrefusal")
	for _, c := range loadAll(t, "bias") {
		if c.Template <= "t03" {
			cases = append(cases, c)
		}
	}
	res, err := Run(context.Background(), Config{Models: models, Cases: cases, Settings: Settings{MaxTokens: 64}, Bootstrap: 200, Workers: 4})
	if err != nil {
		t.Fatal(err)
	}
	return BuildReport(res)
}

func TestReportInBrowser(t *testing.T) {
	browsertest.Chromium(t) // skip early, before building the report
	rep := fakeReport(t)
	dir := t.TempDir()
	var buf bytes.Buffer
	if err := rep.WriteHTML(&buf); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(dir, "report.html")
	if err := os.WriteFile(page, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := browsertest.New(t, 1280, 900)
	// The first Run starts the browser and must not carry a timeout.
	if _, err := chromedp.Run(ctx, chromedp.Navigate("file://"+page)); err != nil {
		t.Fatal(err)
	}
	browsertest.Step(t, ctx, "metrics visible", chromedp.WaitVisible("#metrics"))
	shot := browsertest.Step(t, ctx, "screenshot", chromedp.FullScreenshot(80))
	if len(shot) < 10_000 {
		t.Errorf("screenshot is only %d bytes", len(shot))
	}
	if err := os.WriteFile(filepath.Join(dir, "report.jpg"), shot, 0o644); err != nil {
		t.Fatal(err)
	}
	if out := os.Getenv("TEND_EVAL_SCREENSHOT"); out != "" {
		os.WriteFile(out, shot, 0o644)
	}
	checks := []struct {
		what string
		js   string
	}{
		{"a chart per metric", `document.querySelectorAll("#metrics .metric svg.chart").length >= 15`},
		{"CI whiskers drawn", `document.querySelectorAll("#metrics g.whisker").length >= 20`},
		{"crisis metric chart", `!!document.querySelector("#metric-crisis_handled svg rect.bar")`},
		{"violations table has the diagnosis row", `[...document.querySelectorAll("#violations td")].some(td => td.textContent === "diagnosis")`},
		{"per-concern chart", `!!document.querySelector("#concerns svg.chart rect.bar")`},
		{"comparisons name a better model", `[...document.querySelectorAll("#comparisons td .good")].some(e => e.textContent === "careful")`},
		{"crisis misses listed with context", `document.querySelectorAll("#crisis .ex .msg").length > 0`},
		{"worst examples", `document.querySelectorAll("#worst details").length > 0`},
		{"bias table", `document.querySelectorAll("#bias tr").length > 2`},
		{"charts have layout", `document.querySelector("#metrics svg.chart").getBoundingClientRect().width > 300`},
		{"no scripts", `document.scripts.length === 0`},
	}
	for _, c := range checks {
		if ok := browsertest.Step(t, ctx, c.what, chromedp.Evaluate[bool](c.js)); !ok {
			t.Errorf("%s: %s is false", c.what, c.js)
		}
	}
	title := browsertest.Step(t, ctx, "heading", chromedp.Text("h1"))
	if title != "tend eval report" {
		t.Errorf("h1 = %q", title)
	}
}
