// Writing a chat completion as server-sent events in OpenAI's chunk format:
// a role chunk, content chunks, a finish chunk carrying tend's safety
// metadata, an optional usage chunk, then "data: [DONE]".
//
// Content chunks are the per-token path, so they are appended as bytes into
// one reused buffer (the id, model and timestamp prefix is encoded once per
// stream) rather than marshalled; the bytes are exactly what encoding/json
// would write (TestSSEContentMatchesEncodingJSON). Events that are ready
// together (the role chunk and the first content; the reply's last text
// and the finish, usage and [DONE] events) go out in one write and flush.
package serve

import (
	"encoding/json"
	"net/http"
	"strconv"
	"unicode/utf8"

	"github.com/tend-project/tend/llm"
)

type sseWriter struct {
	w       http.ResponseWriter
	flusher http.Flusher
	id      string
	model   string
	created int64
	head    []byte // `data: {"id":…,"object":…,"created":…,"model":…`
	buf     []byte
	started bool
}

func newSSEWriter(w http.ResponseWriter, id, model string, created int64) *sseWriter {
	f, _ := w.(http.Flusher)
	s := &sseWriter{w: w, flusher: f, id: id, model: model, created: created, buf: make([]byte, 0, 512)}
	h := append(make([]byte, 0, 128), `data: {"id":`...)
	h = appendJSONString(h, id)
	h = append(h, `,"object":"chat.completion.chunk","created":`...)
	h = strconv.AppendInt(h, created, 10)
	h = append(h, `,"model":`...)
	s.head = appendJSONString(h, model)
	return s
}

// start sends the headers and queues the role chunk; the caller's next
// event goes out with it.
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
	s.buf = append(s.buf, s.head...)
	s.buf = append(s.buf, `,"choices":[{"index":0,"delta":{"role":"assistant"},"finish_reason":null}]}`+"\n\n"...)
	return nil
}

// content sends a content event at once.
func (s *sseWriter) content(text string) error {
	if text == "" {
		return nil
	}
	if err := s.queueContent(text); err != nil {
		return err
	}
	return s.flush()
}

// queueContent adds a content event to be sent with the next one; the
// reply's last text waits for the finish event this way.
func (s *sseWriter) queueContent(text string) error {
	if text == "" {
		return nil
	}
	if err := s.start(); err != nil {
		return err
	}
	s.buf = append(s.buf, s.head...)
	s.buf = append(s.buf, `,"choices":[{"index":0,"delta":{"content":`...)
	s.buf = appendJSONString(s.buf, text)
	s.buf = append(s.buf, `},"finish_reason":null}]}`+"\n\n"...)
	return nil
}

func (s *sseWriter) finish(reason string, safety any, usage *llm.Usage) error {
	if err := s.start(); err != nil {
		return err
	}
	if err := s.queue(llm.ChatChunk{Choices: []llm.ChunkChoice{{FinishReason: &reason}}, Safety: safety}); err != nil {
		return err
	}
	if usage != nil {
		if err := s.queue(llm.ChatChunk{Choices: []llm.ChunkChoice{}, Usage: usage}); err != nil {
			return err
		}
	}
	s.buf = append(s.buf, "data: [DONE]\n\n"...)
	return s.flush()
}

// queue appends a once-per-stream event, marshalled with encoding/json.
func (s *sseWriter) queue(ch llm.ChatChunk) error {
	ch.ID, ch.Object, ch.Created, ch.Model = s.id, "chat.completion.chunk", s.created, s.model
	b, err := json.Marshal(ch)
	if err != nil {
		return err
	}
	s.buf = append(s.buf, "data: "...)
	s.buf = append(s.buf, b...)
	s.buf = append(s.buf, "\n\n"...)
	return nil
}

// flush writes the queued events and pushes them to the client.
func (s *sseWriter) flush() error {
	_, err := s.w.Write(s.buf)
	s.buf = s.buf[:0]
	if err != nil {
		return err
	}
	if s.flusher != nil {
		s.flusher.Flush()
	}
	return nil
}

// appendJSONString appends s as a JSON string the way encoding/json writes
// it: <, > and & escaped for HTML, U+2028 and U+2029 escaped for
// JavaScript, invalid UTF-8 replaced by U+FFFD.
func appendJSONString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '"', '\\':
				dst = append(dst, '\\', c)
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
