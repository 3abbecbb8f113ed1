// POST /v1/chat/completions: decode, run the safety pipeline, and answer as
// one JSON body or as a server-sent-events stream, in OpenAI's format with
// tend's safety metadata in the tend_safety extension field.
package serve

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"time"

	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/llm"
	"github.com/tend-project/tend/store"
)

func (s *Server) handleChat(w http.ResponseWriter, r *http.Request) error {
	if s.draining.Load() {
		return ErrShuttingDown
	}
	body, err := readBody(r, s.cfg.Limits)
	if err != nil {
		return err
	}
	req, err := decodeChatRequest(body, s.cfg.Limits)
	if err != nil {
		return err
	}
	if req.Model != "" && req.Model != s.cfg.ModelName {
		return badField("model", "unknown model "+quote(req.Model)+"; this server has "+quote(s.cfg.ModelName))
	}
	s.streams.Add(1)
	defer s.streams.Done()
	s.metrics.inflight.Inc()
	defer s.metrics.inflight.Dec()

	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.RequestTimeout)
	defer cancel()
	locale := s.requestLocale(r, req.Locale)
	id := "chatcmpl-" + randomID()
	start := time.Now()

	var res turnResult
	if req.Stream {
		sse := newSSEWriter(w, id, s.cfg.ModelName, time.Now().Unix())
		first := true
		res, err = s.pipe.run(ctx, req, locale, func(text string, last bool) error {
			if first {
				s.metrics.firstByte.Observe(time.Since(start).Seconds())
				first = false
			}
			if last {
				return sse.queueContent(text) // goes out with the finish event
			}
			return sse.content(text)
		})
		if err == nil {
			usage := (*llm.Usage)(nil)
			if req.StreamOptions != nil && req.StreamOptions.IncludeUsage {
				usage = &res.Usage
			}
			err = sse.finish(finishReason(res), res.Meta, usage)
		}
		if err != nil && !sse.started {
			return err // nothing sent yet: a normal error response
		}
		// A stream that failed midway is closed; the client sees no [DONE].
	} else {
		res, err = s.pipe.run(ctx, req, locale, func(string, bool) error { return nil })
		if err != nil {
			return err
		}
		err = writeJSON(w, llm.ChatResponse{
			ID: id, Object: "chat.completion", Created: time.Now().Unix(), Model: s.cfg.ModelName,
			Choices: []llm.ChatChoice{{Message: conv.Message{Role: conv.RoleAssistant, Content: res.Text}, FinishReason: finishReason(res)}},
			Usage:   &res.Usage,
			Safety:  res.Meta,
		})
	}
	s.observe(res, time.Since(start))
	s.logTurn(r, res, time.Since(start), err)
	if err == nil && s.cfg.StoreTranscripts {
		s.storeTranscript(r.Context(), req, res)
	}
	return nil
}

func finishReason(res turnResult) string {
	if res.FinishReason == "" {
		return "stop"
	}
	return res.FinishReason
}

func (s *Server) observe(res turnResult, d time.Duration) {
	s.metrics.latency.WithLabelValues(res.Meta.Path).Observe(d.Seconds())
	s.metrics.risk.WithLabelValues(res.Meta.RiskLevel).Inc()
	for _, rule := range res.Meta.GuardRules {
		s.metrics.guard.WithLabelValues(rule, res.Meta.GuardAction).Inc()
	}
	if n := res.Usage.CompletionTokens; n > 0 {
		s.metrics.tokens.Add(float64(n))
		if res.GenDuration > 0 {
			s.metrics.tokensRate.Observe(float64(n) / res.GenDuration.Seconds())
		}
	}
}

// logTurn writes a structured log line without any message text.
func (s *Server) logTurn(r *http.Request, res turnResult, d time.Duration, err error) {
	attrs := []any{"path", res.Meta.Path, "risk", res.Meta.RiskLevel, "guard", res.Meta.GuardAction,
		"rules", res.Meta.GuardRules, "locale", res.Meta.Locale, "ms", d.Milliseconds(),
		"completion_tokens", res.Usage.CompletionTokens}
	if err != nil {
		s.log.Warn("chat turn ended early", append(attrs, "err", err.Error())...)
		return
	}
	s.log.Info("chat turn", attrs...)
}

// storeTranscript saves the scrubbed conversation plus the reply. A storage
// failure is logged, never shown to the person.
func (s *Server) storeTranscript(ctx context.Context, req *llm.ChatRequest, res turnResult) {
	msgs := make([]conv.Message, 0, len(req.Messages)+1)
	for _, m := range append(req.Messages, conv.Message{Role: conv.RoleAssistant, Content: res.Text}) {
		msgs = append(msgs, conv.Message{Role: m.Role, Content: s.cfg.Scrub(m.Content)})
	}
	c := conv.Conversation{ID: "serve-" + randomID(), Messages: msgs, Source: "serve"}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	if err := s.store.PutConversation(ctx, store.StoredConversation{Conversation: c}); err != nil {
		s.log.Error("storing transcript", "err", err)
	}
	// Sweep expired transcripts at most once a minute.
	now := time.Now()
	if last := s.lastSweep.Load(); now.Unix()-last >= 60 && s.lastSweep.CompareAndSwap(last, now.Unix()) {
		if _, err := s.store.DeleteConversationsBefore(ctx, now.Add(-s.cfg.Retention)); err != nil {
			s.log.Error("retention sweep", "err", err)
		}
	}
}

func randomID() string {
	var b [12]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

func quote(s string) string { return "\"" + s + "\"" }
