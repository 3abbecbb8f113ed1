// Package llmtest provides a loopback fake of an OpenAI-compatible chat
// server, so tests of llm.Remote, serving and evaluation exercise the real
// wire format without a model. It speaks both the plain JSON and the
// server-sent-events forms of /v1/chat/completions.
package llmtest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/llm"
)

// Server is a fake OpenAI-compatible server on loopback.
type Server struct {
	*httptest.Server

	// Reply computes the assistant text for a request. Default: echoes the
	// last user message prefixed with "echo: ".
	Reply func(req llm.ChatRequest) string
	// Chunks splits the reply into streamed pieces. Default: one piece per
	// word (with its trailing space).
	Chunks func(text string) []string
	// ChunkDelay is slept between streamed chunks.
	ChunkDelay time.Duration
	// FailFirst makes the first N requests answer HTTP 503.
	FailFirst int64
	// Status, if non-zero, makes every request answer with that HTTP status.
	Status int
	// Hang makes requests block until the client gives up.
	Hang bool
	// DropStreamAfter, if > 0, closes a stream after that many chunks
	// without sending [DONE].
	DropStreamAfter int
	// Observe, if set, is called after each completion with the request and
	// the time the fake spent answering it (load tests subtract it).
	Observe func(req llm.ChatRequest, d time.Duration)

	calls    atomic.Int64
	mu       sync.Mutex
	requests []llm.ChatRequest
}

// New starts a fake server. Close it with s.Close().
func New() *Server {
	s := &Server{}
	s.Server = httptest.NewServer(http.HandlerFunc(s.handle))
	return s
}

// Calls returns how many completion requests arrived.
func (s *Server) Calls() int64 { return s.calls.Load() }

// Requests returns a copy of the decoded requests so far.
func (s *Server) Requests() []llm.ChatRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]llm.ChatRequest(nil), s.requests...)
}

func (s *Server) handle(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/v1/models" {
		json.NewEncoder(w).Encode(llm.ModelList{Object: "list", Data: []llm.ModelCard{{ID: "fake", Object: "model"}}})
		return
	}
	if r.URL.Path != "/v1/chat/completions" || r.Method != http.MethodPost {
		http.NotFound(w, r)
		return
	}
	n := s.calls.Add(1)
	start := time.Now()
	var req llm.ChatRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	s.mu.Lock()
	s.requests = append(s.requests, req)
	s.mu.Unlock()
	// observe runs just before the final bytes go out, so a client that
	// has seen the end of the reply can rely on the record existing.
	observe := func() {
		if s.Observe != nil {
			s.Observe(req, time.Since(start))
		}
	}
	if s.Hang {
		<-r.Context().Done()
		return
	}
	if s.Status != 0 {
		writeError(w, s.Status, "fake status")
		return
	}
	if n <= s.FailFirst {
		writeError(w, http.StatusServiceUnavailable, "fake outage")
		return
	}
	text := s.reply(req)
	if !req.Stream {
		stop := "stop"
		observe()
		json.NewEncoder(w).Encode(llm.ChatResponse{
			ID: fmt.Sprintf("fake-%d", n), Object: "chat.completion", Model: req.Model,
			Choices: []llm.ChatChoice{{Message: conv.Message{Role: conv.RoleAssistant, Content: text}, FinishReason: stop}},
			Usage:   &llm.Usage{PromptTokens: 3, CompletionTokens: len(strings.Fields(text)), TotalTokens: 3 + len(strings.Fields(text))},
		})
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	flusher, _ := w.(http.Flusher)
	send := func(ch llm.ChatChunk) {
		b, _ := json.Marshal(ch)
		fmt.Fprintf(w, "data: %s\n\n", b)
		if flusher != nil {
			flusher.Flush()
		}
	}
	pieces := s.chunks(text)
	for i, p := range pieces {
		if s.DropStreamAfter > 0 && i >= s.DropStreamAfter {
			return
		}
		if i > 0 && s.ChunkDelay > 0 {
			select {
			case <-time.After(s.ChunkDelay):
			case <-r.Context().Done():
				return
			}
		}
		send(llm.ChatChunk{ID: fmt.Sprintf("fake-%d", n), Object: "chat.completion.chunk", Model: req.Model,
			Choices: []llm.ChunkChoice{{Delta: llm.Delta{Content: p}}}})
	}
	stop := "stop"
	send(llm.ChatChunk{Object: "chat.completion.chunk", Model: req.Model, Choices: []llm.ChunkChoice{{FinishReason: &stop}}})
	if req.StreamOptions != nil && req.StreamOptions.IncludeUsage {
		send(llm.ChatChunk{Object: "chat.completion.chunk", Model: req.Model, Choices: []llm.ChunkChoice{},
			Usage: &llm.Usage{PromptTokens: 3, CompletionTokens: len(pieces), TotalTokens: 3 + len(pieces)}})
	}
	observe()
	fmt.Fprint(w, "data: [DONE]\n\n")
}

func (s *Server) reply(req llm.ChatRequest) string {
	if s.Reply != nil {
		return s.Reply(req)
	}
	last := ""
	for _, m := range req.Messages {
		if m.Role == "user" {
			last = m.Content
		}
	}
	return "echo: " + last
}

func (s *Server) chunks(text string) []string {
	if s.Chunks != nil {
		return s.Chunks(text)
	}
	var out []string
	for _, w := range strings.SplitAfter(text, " ") {
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

func writeError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(llm.ErrorBody{Error: llm.ErrorDetail{Message: msg, Type: "fake_error"}})
}
