package serve

import (
	"encoding/json"
	"io"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/tend-project/tend/generate/generatetest"
	"github.com/tend-project/tend/llm"
	"github.com/tend-project/tend/llm/llmtest"
	"github.com/tend-project/tend/safety"
)

// TestWireFormatBothBackends drives the OpenAI wire format, streaming and
// not, against the remote backend (a loopback fake) and the in-process
// engine (a tiny random model).
func TestWireFormatBothBackends(t *testing.T) {
	fake := llmtest.New()
	defer fake.Close()
	remote, err := llm.NewRemote(llm.RemoteConfig{BaseURL: fake.URL, Model: "fake", Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	local, err := llm.OpenLocal("tiny", generatetest.TinyModelDir(t), 0, 2)
	if err != nil {
		t.Fatal(err)
	}
	for _, gen := range []llm.Generator{remote, local} {
		t.Run(gen.Name(), func(t *testing.T) {
			pol := safety.DefaultPolicy()
			srv, err := New(Config{}, Deps{Gen: gen, Policy: &pol, Logger: discardLogger()})
			if err != nil {
				t.Fatal(err)
			}
			ts := httptest.NewServer(srv)
			defer ts.Close()
			body := `{"model":"tend","max_tokens":12,"messages":[{"role":"user","content":"Work has been stressful lately."}]}`

			resp := post(t, ts.URL, body)
			var cr llm.ChatResponse
			if err := json.NewDecoder(resp.Body).Decode(&cr); err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != 200 || len(cr.Choices) != 1 || cr.Choices[0].Message.Content == "" || cr.Choices[0].FinishReason == "" {
				t.Fatalf("status %d, completion %+v", resp.StatusCode, cr)
			}

			resp = post(t, ts.URL, strings.Replace(body, `"max_tokens"`, `"stream":true,"stream_options":{"include_usage":true},"max_tokens"`, 1))
			text, chunks, done := readSSE(t, resp.Body)
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if !done || text == "" {
				t.Fatalf("stream done=%v text=%q", done, text)
			}
			last := chunks[len(chunks)-1]
			if last.Usage == nil || last.Usage.PromptTokens == 0 {
				t.Errorf("include_usage: last chunk %+v has no usage", last)
			}
		})
	}
}
