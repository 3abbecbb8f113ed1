package serve

import (
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/llm"
)

// marshalEvent is how the stream looked when every event went through
// encoding/json: the reference for the appended bytes.
func marshalEvent(t testing.TB, ch llm.ChatChunk) string {
	b, err := json.Marshal(ch)
	if err != nil {
		t.Fatal(err)
	}
	return "data: " + string(b) + "\n\n"
}

var sseTexts = []string{
	"Hello there. ",
	"quotes \" and \\ backslashes",
	"<b>tags</b> & ampersands",
	"line\nbreaks\r\tand\x00controls\x1f\x7f\b\f",
	"caf\u00e9, \u4f60\u597d, emoji \U0001F600",
	"separators \u2028 \u2029",
	"invalid \xff\xfe UTF-8 \xc3",
	"",
}

// TestSSEStreamMatchesEncodingJSON checks a whole stream, byte for byte,
// against the events encoding/json would have produced.
func TestSSEStreamMatchesEncodingJSON(t *testing.T) {
	for _, model := range []string{"tend", `odd "model" <name>`} {
		rec := httptest.NewRecorder()
		sse := newSSEWriter(rec, "chatcmpl-1", model, 1700000000)
		base := llm.ChatChunk{ID: "chatcmpl-1", Object: "chat.completion.chunk", Created: 1700000000, Model: model}
		var want strings.Builder
		role := base
		role.Choices = []llm.ChunkChoice{{Delta: llm.Delta{Role: conv.RoleAssistant}}}
		want.WriteString(marshalEvent(t, role))
		for _, text := range sseTexts {
			if err := sse.content(text); err != nil {
				t.Fatal(err)
			}
			if text == "" {
				continue // empty text sends nothing
			}
			ch := base
			ch.Choices = []llm.ChunkChoice{{Delta: llm.Delta{Content: text}}}
			want.WriteString(marshalEvent(t, ch))
		}
		usage := &llm.Usage{PromptTokens: 3, CompletionTokens: 4, TotalTokens: 7}
		meta := Meta{RiskLevel: "none", Path: "model", Locale: "GB"}
		if err := sse.finish("stop", meta, usage); err != nil {
			t.Fatal(err)
		}
		stop := "stop"
		fin := base
		fin.Choices, fin.Safety = []llm.ChunkChoice{{FinishReason: &stop}}, meta
		want.WriteString(marshalEvent(t, fin))
		u := base
		u.Choices, u.Usage = []llm.ChunkChoice{}, usage
		want.WriteString(marshalEvent(t, u))
		want.WriteString("data: [DONE]\n\n")
		if diff := cmp.Diff(want.String(), rec.Body.String()); diff != "" {
			t.Errorf("model %q: stream (-encoding/json +sseWriter):\n%s", model, diff)
		}
		if got := rec.Header().Get("Content-Type"); got != "text/event-stream" {
			t.Errorf("Content-Type = %q", got)
		}
	}
}

// FuzzAppendJSONString checks appendJSONString against encoding/json.
func FuzzAppendJSONString(f *testing.F) {
	for _, s := range sseTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, _ := json.Marshal(s)
		if got := appendJSONString(nil, s); string(got) != string(want) {
			t.Errorf("appendJSONString(%q) = %s, want %s", s, got, want)
		}
	})
}

// BenchmarkSSEContent measures one content event, appended versus
// marshalled with encoding/json as before.
func BenchmarkSSEContent(b *testing.B) {
	text := "That sounds like a lot to carry this week. "
	b.Run("append", func(b *testing.B) {
		sse := newSSEWriter(discardWriter{httptest.NewRecorder()}, "chatcmpl-0123456789abcdef01234567", "tend", 1700000000)
		sse.started = true
		b.ReportAllocs()
		for b.Loop() {
			if err := sse.content(text); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding/json", func(b *testing.B) {
		b.ReportAllocs()
		var buf []byte
		for b.Loop() {
			out, _ := json.Marshal(llm.ChatChunk{ID: "chatcmpl-0123456789abcdef01234567", Object: "chat.completion.chunk", Created: 1700000000, Model: "tend",
				Choices: []llm.ChunkChoice{{Delta: llm.Delta{Content: text}}}})
			buf = append(append(append(buf[:0], "data: "...), out...), "\n\n"...)
		}
	})
}

// discardWriter keeps a recorder's headers but drops the body.
type discardWriter struct{ *httptest.ResponseRecorder }

func (d discardWriter) Write(b []byte) (int, error) { return len(b), nil }

// TestSSELastTextWaitsForFinish: queued text is not written until the
// finish event, so both leave in one write.
func TestSSELastTextWaitsForFinish(t *testing.T) {
	rec := httptest.NewRecorder()
	sse := newSSEWriter(rec, "id", "tend", 1)
	if err := sse.queueContent("Last words."); err != nil {
		t.Fatal(err)
	}
	if rec.Body.Len() != 0 {
		t.Fatalf("queued text was written before the finish: %q", rec.Body.String())
	}
	if err := sse.finish("stop", nil, nil); err != nil {
		t.Fatal(err)
	}
	body := rec.Body.String()
	for _, want := range []string{`"role":"assistant"`, `"content":"Last words."`, `"finish_reason":"stop"`, "data: [DONE]\n\n"} {
		if !strings.Contains(body, want) {
			t.Errorf("stream lacks %s:\n%s", want, body)
		}
	}
	if !strings.HasSuffix(body, "data: [DONE]\n\n") {
		t.Errorf("stream does not end with [DONE]:\n%s", body)
	}
}
