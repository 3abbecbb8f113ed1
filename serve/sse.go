// Writing a chat completion as server-sent events in OpenAI's chunk format:
// a role chunk, content chunks, a finish chunk carrying tend's safety
// metadata, an optional usage chunk, then "data: [DONE]".
package serve

import (
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/llm"
)

type sseWriter struct {
	w       http.ResponseWriter
	flusher http.Flusher
	id      string
	model   string
	created int64
	started bool
}

func newSSEWriter(w http.ResponseWriter, id, model string, created int64) *sseWriter {
	f, _ := w.(http.Flusher)
	return &sseWriter{w: w, flusher: f, id: id, model: model, created: created}
}

func (s *sseWriter) start() error {
	if s.started {
		return nil
	}
	s.started = true
	h := s.w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Accel-Buffering", "no")
	s.w.WriteHeader(http.StatusOK)
	return s.send(llm.ChatChunk{Choices: []llm.ChunkChoice{{Delta: llm.Delta{Role: conv.RoleAssistant}}}})
}

func (s *sseWriter) content(text string) error {
	if text == "" {
		return nil
	}
	if err := s.start(); err != nil {
		return err
	}
	return s.send(llm.ChatChunk{Choices: []llm.ChunkChoice{{Delta: llm.Delta{Content: text}}}})
}

func (s *sseWriter) finish(reason string, safety any, usage *llm.Usage) error {
	if err := s.start(); err != nil {
		return err
	}
	if err := s.send(llm.ChatChunk{Choices: []llm.ChunkChoice{{FinishReason: &reason}}, Safety: safety}); err != nil {
		return err
	}
	if usage != nil {
		if err := s.send(llm.ChatChunk{Choices: []llm.ChunkChoice{}, Usage: usage}); err != nil {
			return err
		}
	}
	if _, err := fmt.Fprint(s.w, "data: [DONE]\n\n"); err != nil {
		return err
	}
	s.flush()
	return nil
}

func (s *sseWriter) send(ch llm.ChatChunk) error {
	ch.ID, ch.Object, ch.Created, ch.Model = s.id, "chat.completion.chunk", s.created, s.model
	b, err := json.Marshal(ch)
	if err != nil {
		return err
	}
	if _, err := fmt.Fprintf(s.w, "data: %s\n\n", b); err != nil {
		return err
	}
	s.flush()
	return nil
}

func (s *sseWriter) flush() {
	if s.flusher != nil {
		s.flusher.Flush()
	}
}
