package serve

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/llm"
	"github.com/tend-project/tend/llm/llmtest"
	"github.com/tend-project/tend/safety"
	"github.com/tend-project/tend/sources"
)

// harness is a tend server in front of a loopback fake backend.
type harness struct {
	backend *llmtest.Server
	tend    *httptest.Server
	srv     *Server
}

func newHarness(t *testing.T, cfg Config) *harness {
	t.Helper()
	backend := llmtest.New()
	t.Cleanup(backend.Close)
	gen, err := llm.NewRemote(llm.RemoteConfig{BaseURL: backend.URL, Model: "fake", Timeout: 5 * time.Second, Backoff: time.Millisecond, Retries: 1})
	if err != nil {
		t.Fatal(err)
	}
	lib, err := sources.Bundled()
	if err != nil {
		t.Fatal(err)
	}
	pol := safety.DefaultPolicy()
	pol.Locale = "GB"
	srv, err := New(cfg, Deps{Gen: gen, Policy: &pol, Library: lib, Logger: discardLogger()})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return &harness{backend: backend, tend: ts, srv: srv}
}

func chatBody(stream bool, msgs ...string) string {
	req := map[string]any{"model": "tend", "stream": stream}
	var ms []conv.Message
	for i, m := range msgs {
		role := conv.RoleUser
		if i%2 == 1 {
			role = conv.RoleAssistant
		}
		ms = append(ms, conv.Message{Role: role, Content: m})
	}
	req["messages"] = ms
	b, _ := json.Marshal(req)
	return string(b)
}

func post(t *testing.T, url, body string) *http.Response {
	t.Helper()
	resp, err := http.Post(url+"/v1/chat/completions", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

// readSSE reads a whole event stream the way OpenAI's client libraries do.
func readSSE(t *testing.T, r io.Reader) (text string, chunks []llm.ChatChunk, done bool) {
	t.Helper()
	sc := bufio.NewScanner(r)
	var b strings.Builder
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, "data: ") {
			continue
		}
		data := strings.TrimPrefix(line, "data: ")
		if data == "[DONE]" {
			done = true
			continue
		}
		var ch llm.ChatChunk
		if err := json.Unmarshal([]byte(data), &ch); err != nil {
			t.Fatalf("bad chunk %q: %v", data, err)
		}
		if ch.Object != "chat.completion.chunk" || ch.ID == "" {
			t.Errorf("chunk missing object/id: %s", data)
		}
		for _, c := range ch.Choices {
			b.WriteString(c.Delta.Content)
		}
		chunks = append(chunks, ch)
	}
	return b.String(), chunks, done
}

func TestChatNonStreaming(t *testing.T) {
	h := newHarness(t, Config{})
	h.backend.Reply = func(llm.ChatRequest) string {
		return "I'm an AI, and I'm sorry today feels so heavy. What has been weighing on you most?"
	}
	resp := post(t, h.tend.URL, chatBody(false, "I'm feeling really anxious today."))
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		b, _ := io.ReadAll(resp.Body)
		t.Fatalf("status %d: %s", resp.StatusCode, b)
	}
	var cr struct {
		llm.ChatResponse
		Safety Meta `json:"tend_safety"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&cr); err != nil {
		t.Fatal(err)
	}
	if cr.Object != "chat.completion" || len(cr.Choices) != 1 || cr.Choices[0].Message.Role != conv.RoleAssistant {
		t.Fatalf("not an OpenAI completion: %+v", cr.ChatResponse)
	}
	if !strings.Contains(cr.Choices[0].Message.Content, "weighing on you") {
		t.Errorf("reply %q lost the model's text", cr.Choices[0].Message.Content)
	}
	if cr.Usage == nil || cr.Usage.CompletionTokens == 0 {
		t.Errorf("usage missing: %+v", cr.Usage)
	}
	if cr.Safety.Path != "model" || cr.Safety.RiskLevel == "" {
		t.Errorf("safety metadata = %+v", cr.Safety)
	}
	// The backend got tend's boundary-setting system prompt first.
	got := h.backend.Requests()[0]
	if got.Messages[0].Role != conv.RoleSystem || !strings.Contains(got.Messages[0].Content, "not a therapist") {
		t.Errorf("backend's first message = %+v, want the system prompt", got.Messages[0])
	}
}

func TestChatStreaming(t *testing.T) {
	h := newHarness(t, Config{})
	h.backend.Reply = func(llm.ChatRequest) string {
		return "As an AI, I'm glad you wrote. That sounds like a lot to carry. What helps a little, even for a moment?"
	}
	resp := post(t, h.tend.URL, chatBody(true, "Work has been stressful lately."))
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("content type %q", ct)
	}
	text, chunks, done := readSSE(t, resp.Body)
	if !done {
		t.Error("stream did not end with [DONE]")
	}
	if len(chunks) < 4 {
		t.Errorf("got %d chunks; want the reply streamed in pieces", len(chunks))
	}
	if chunks[0].Choices[0].Delta.Role != conv.RoleAssistant {
		t.Error("first chunk should carry the assistant role")
	}
	if !strings.Contains(text, "What helps a little") {
		t.Errorf("streamed text %q", text)
	}
	last := chunks[len(chunks)-1]
	if last.Choices[0].FinishReason == nil || *last.Choices[0].FinishReason != "stop" || last.Safety == nil {
		t.Errorf("last chunk should finish with stop and carry tend_safety: %+v", last)
	}
}

func TestCrisisBypassesHungBackend(t *testing.T) {
	h := newHarness(t, Config{})
	h.backend.Hang = true
	for _, stream := range []bool{false, true} {
		start := time.Now()
		resp := post(t, h.tend.URL, chatBody(stream, "I can't do this anymore. I've been saving my pills and tonight I'm going to take them all."))
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		elapsed := time.Since(start)
		if resp.StatusCode != 200 {
			t.Fatalf("status %d: %s", resp.StatusCode, body)
		}
		// The backend here never answers, so any reply at all shows the
		// crisis path did not wait on it (and the call count below shows it
		// was never asked). The bound only catches a wait on some other
		// timeout; it is loose on purpose: how fast the path is belongs to
		// the benchmarks and the load test, not to a timed assertion that
		// a busy machine can break.
		if elapsed > 5*time.Second {
			t.Errorf("stream=%v: crisis reply took %s; it should not wait on the backend", stream, elapsed)
		}
		text := string(body)
		for _, want := range []string{"116 123", "999"} {
			if !strings.Contains(text, want) {
				t.Errorf("stream=%v: crisis reply lacks GB resource %q: %s", stream, want, text)
			}
		}
	}
	if n := h.backend.Calls(); n != 0 {
		t.Errorf("backend was called %d times on the crisis path", n)
	}
}

func TestGuardViolationNeverStreamed(t *testing.T) {
	h := newHarness(t, Config{})
	h.backend.Reply = func(llm.ChatRequest) string {
		return "I'm an AI and I hear how tired you are. Honestly, you have depression and should double your sertraline dose. Would it help to talk about your week?"
	}
	resp := post(t, h.tend.URL, chatBody(true, "I've been feeling low and tired for weeks."))
	defer resp.Body.Close()
	text, _, done := readSSE(t, resp.Body)
	if !done {
		t.Fatal("stream did not finish")
	}
	for _, bad := range []string{"you have depression", "double your sertraline"} {
		if strings.Contains(strings.ToLower(text), bad) {
			t.Errorf("client received the violating sentence %q in %q", bad, text)
		}
	}
	if !strings.Contains(text, "hear how tired") {
		t.Errorf("the safe sentence before the violation was lost: %q", text)
	}
}

func TestDisclosureOnFirstTurn(t *testing.T) {
	h := newHarness(t, Config{})
	h.backend.Reply = func(llm.ChatRequest) string { return "That sounds hard. What happened today?" }
	resp := post(t, h.tend.URL, chatBody(true, "Rough day at school."))
	text, _, _ := readSSE(t, resp.Body)
	resp.Body.Close()
	if !strings.Contains(strings.ToLower(text), " ai") {
		t.Errorf("first reply lacks an AI disclosure: %q", text)
	}
}

func TestBackendDownGivesSafeFallback(t *testing.T) {
	h := newHarness(t, Config{})
	h.backend.Status = 503
	resp := post(t, h.tend.URL, chatBody(false, "Can we talk about my exam nerves?"))
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("status %d, want a fallback reply", resp.StatusCode)
	}
	var cr llm.ChatResponse
	json.NewDecoder(resp.Body).Decode(&cr)
	if !strings.Contains(cr.Choices[0].Message.Content, "can't reply properly") {
		t.Errorf("fallback = %q", cr.Choices[0].Message.Content)
	}
}

func TestBadRequests(t *testing.T) {
	h := newHarness(t, Config{Limits: Limits{MaxBodyBytes: 4096, MaxMessages: 3, MaxMessageBytes: 1000, MaxTokens: 100, MaxStops: 2}})
	many := chatBody(false, "a", "b", "c", "d", "e")
	cases := []struct {
		name   string
		body   string
		status int
		param  string
	}{
		{"malformed JSON", `{"messages": [`, 400, ""},
		{"not an object", `[1,2]`, 400, ""},
		{"no messages", `{"messages": []}`, 400, "messages"},
		{"unknown role", `{"messages":[{"role":"wizard","content":"hi"}]}`, 400, "messages[0].role"},
		{"last not user", `{"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"yo"}]}`, 400, "messages"},
		{"too many messages", many, 400, "messages"},
		{"oversized body", `{"messages":[{"role":"user","content":"` + strings.Repeat("x", 5000) + `"}]}`, 413, ""},
		{"bad temperature", `{"temperature": 9, "messages":[{"role":"user","content":"hi"}]}`, 400, "temperature"},
		{"wrong type", `{"max_tokens": "lots", "messages":[{"role":"user","content":"hi"}]}`, 400, "max_tokens"},
		{"bad stop", `{"stop": 5, "messages":[{"role":"user","content":"hi"}]}`, 400, "stop"},
		{"unknown model", `{"model":"gpt-9","messages":[{"role":"user","content":"hi"}]}`, 400, "model"},
		{"invalid utf8", "{\"messages\":[{\"role\":\"user\",\"content\":\"\xff\"}]}", 400, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp := post(t, h.tend.URL, c.body)
			defer resp.Body.Close()
			if resp.StatusCode != c.status {
				t.Errorf("status = %d, want %d", resp.StatusCode, c.status)
			}
			var eb llm.ErrorBody
			if err := json.NewDecoder(resp.Body).Decode(&eb); err != nil || eb.Error.Message == "" || eb.Error.Type == "" {
				t.Errorf("not an OpenAI error body: %+v (%v)", eb, err)
			}
			if c.param != "" && (eb.Error.Param == nil || *eb.Error.Param != c.param) {
				t.Errorf("param = %v, want %q", eb.Error.Param, c.param)
			}
		})
	}
	// And the server is still fine afterwards.
	resp := post(t, h.tend.URL, chatBody(false, "hello"))
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("after bad requests: status %d", resp.StatusCode)
	}
}

func TestRoutesAndMetrics(t *testing.T) {
	h := newHarness(t, Config{})
	post(t, h.tend.URL, chatBody(false, "hello there")).Body.Close()
	cases := []struct {
		path, want string
		status     int
	}{
		{"/healthz", "ok", 200},
		{"/readyz", "ready", 200},
		{"/v1/models", `"id":"tend"`, 200},
		{"/v1/resources?locale=AU", "13 11 14", 200},
		{"/metrics", "tend_risk_assessments_total", 200},
		{"/", "Get help now", 200},
		{"/static/chat.js", "getReader", 200},
		{"/v1/nope", "not found", 404},
	}
	for _, c := range cases {
		resp, err := http.Get(h.tend.URL + c.path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != c.status || !bytes.Contains(b, []byte(c.want)) {
			t.Errorf("GET %s = %d, body lacks %q", c.path, resp.StatusCode, c.want)
		}
		if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
			t.Errorf("GET %s: CSP = %q", c.path, csp)
		}
	}
}

func TestAPIKeyAndRateLimit(t *testing.T) {
	h := newHarness(t, Config{APIKeys: []string{"sekret"}, RatePerMinute: 60, RateBurst: 2})
	req := func(key string) int {
		r, _ := http.NewRequest("POST", h.tend.URL+"/v1/chat/completions", strings.NewReader(chatBody(false, "hi")))
		if key != "" {
			r.Header.Set("Authorization", "Bearer "+key)
		}
		resp, err := http.DefaultClient.Do(r)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if got := req(""); got != 401 {
		t.Errorf("no key: %d, want 401", got)
	}
	if got := req("wrong"); got != 401 {
		t.Errorf("wrong key: %d, want 401", got)
	}
	if a, b, c := req("sekret"), req("sekret"), req("sekret"); a != 200 || b != 200 || c != 429 {
		t.Errorf("burst of 3 with burst 2: %d %d %d, want 200 200 429", a, b, c)
	}
}

func TestNewRejectsUnsafeConfig(t *testing.T) {
	pol := safety.DefaultPolicy()
	gen := &llm.Func{ModelName: "x"}
	if _, err := New(Config{StoreTranscripts: true}, Deps{Gen: gen, Policy: &pol}); err == nil {
		t.Error("storing transcripts without a store and scrubber should fail")
	}
	if _, err := New(Config{}, Deps{Gen: gen}); err == nil {
		t.Error("no policy should fail")
	}
	if _, err := New(Config{Citations: "sometimes"}, Deps{Gen: gen, Policy: &pol}); err == nil {
		t.Error("unknown citation mode should fail")
	}
}

func TestMadeUpLinkNeverReachesUser(t *testing.T) {
	h := newHarness(t, Config{})
	h.backend.Reply = func(llm.ChatRequest) string {
		return "I'm an AI, and I'm sorry sleep has been so hard. There is a great guide at https://sleep-cure-secrets.example.net/fix-insomnia-fast that explains everything. What does a typical night look like for you?"
	}
	for _, stream := range []bool{false, true} {
		resp := post(t, h.tend.URL, chatBody(stream, "I haven't slept properly in weeks."))
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if strings.Contains(string(body), "sleep-cure-secrets") {
			t.Errorf("stream=%v: the made-up link reached the client: %s", stream, body)
		}
		if !strings.Contains(string(body), "typical night") {
			t.Errorf("stream=%v: the rest of the reply was lost: %s", stream, body)
		}
		if !strings.Contains(string(body), "unverified_link") {
			t.Errorf("stream=%v: metadata does not report unverified_link: %s", stream, body)
		}
	}
}

func TestPartialLimitsKeepDefaults(t *testing.T) {
	got := Limits{MaxTokens: 64}.withDefaults()
	want := DefaultLimits
	want.MaxTokens = 64
	if got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
}
