// Decoding and validating a chat completion request. Everything a client
// sends passes through decodeChatRequest, which is fuzzed: it must turn any
// byte string into either a valid request or a 4xx error, never a panic.
package serve

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"unicode/utf8"

	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/llm"
)

// Limits bound what one request may ask for.
type Limits struct {
	MaxBodyBytes    int64 // whole request body
	MaxMessages     int   // messages per request
	MaxMessageBytes int   // one message's content
	MaxTokens       int   // ceiling for max_tokens
	MaxStops        int   // stop strings
}

// DefaultLimits are generous for chat and small enough to refuse abuse.
var DefaultLimits = Limits{
	MaxBodyBytes:    256 << 10,
	MaxMessages:     100,
	MaxMessageBytes: 32 << 10,
	MaxTokens:       2048,
	MaxStops:        4,
}

// withDefaults fills each unset (zero) limit from DefaultLimits, so a
// config that sets only some limits keeps sane values for the others.
func (l Limits) withDefaults() Limits {
	d := DefaultLimits
	if l.MaxBodyBytes == 0 {
		l.MaxBodyBytes = d.MaxBodyBytes
	}
	if l.MaxMessages == 0 {
		l.MaxMessages = d.MaxMessages
	}
	if l.MaxMessageBytes == 0 {
		l.MaxMessageBytes = d.MaxMessageBytes
	}
	if l.MaxTokens == 0 {
		l.MaxTokens = d.MaxTokens
	}
	if l.MaxStops == 0 {
		l.MaxStops = d.MaxStops
	}
	return l
}

// readBody reads at most lim.MaxBodyBytes, returning ErrTooLarge beyond.
func readBody(r *http.Request, lim Limits) ([]byte, error) {
	body, err := io.ReadAll(io.LimitReader(r.Body, lim.MaxBodyBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%w: reading body: %v", ErrBadRequest, err)
	}
	if int64(len(body)) > lim.MaxBodyBytes {
		return nil, fmt.Errorf("%w: limit is %d bytes", ErrTooLarge, lim.MaxBodyBytes)
	}
	return body, nil
}

// decodeChatRequest parses and validates a request body.
func decodeChatRequest(body []byte, lim Limits) (*llm.ChatRequest, error) {
	if !utf8.Valid(body) {
		return nil, fmt.Errorf("%w: body is not valid UTF-8", ErrBadRequest)
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	var req llm.ChatRequest
	if err := dec.Decode(&req); err != nil {
		var ute *json.UnmarshalTypeError
		if errors.As(err, &ute) && ute.Field != "" {
			return nil, badField(ute.Field, fmt.Sprintf("wrong type (got %s, want %s)", ute.Value, ute.Type))
		}
		if errors.Is(err, llm.ErrStopList) {
			return nil, badField("stop", "want a string or a list of strings")
		}
		return nil, fmt.Errorf("%w: malformed JSON: %v", ErrBadRequest, err)
	}
	if dec.More() {
		return nil, fmt.Errorf("%w: trailing data after the JSON object", ErrBadRequest)
	}
	if err := validateChatRequest(&req, lim); err != nil {
		return nil, err
	}
	return &req, nil
}

func validateChatRequest(req *llm.ChatRequest, lim Limits) error {
	if len(req.Messages) == 0 {
		return badField("messages", "must hold at least one message")
	}
	if len(req.Messages) > lim.MaxMessages {
		return badField("messages", fmt.Sprintf("%d messages; the limit is %d", len(req.Messages), lim.MaxMessages))
	}
	for i, m := range req.Messages {
		p := fmt.Sprintf("messages[%d]", i)
		if !m.Role.Valid() {
			return badField(p+".role", fmt.Sprintf("unknown role %q (want system, user or assistant)", m.Role))
		}
		if len(m.Content) > lim.MaxMessageBytes {
			return badField(p+".content", fmt.Sprintf("%d bytes; the limit is %d", len(m.Content), lim.MaxMessageBytes))
		}
	}
	if req.Messages[len(req.Messages)-1].Role != conv.RoleUser {
		return badField("messages", "the last message must be from the user")
	}
	if t := req.Temperature; t != nil && (math.IsNaN(*t) || *t < 0 || *t > 2) {
		return badField("temperature", "must be between 0 and 2")
	}
	if p := req.TopP; p != nil && (math.IsNaN(*p) || *p <= 0 || *p > 1) {
		return badField("top_p", "must be in (0, 1]")
	}
	if req.MaxTokens < 0 {
		return badField("max_tokens", "must not be negative")
	}
	if req.MaxTokens > lim.MaxTokens {
		return badField("max_tokens", fmt.Sprintf("%d; the limit is %d", req.MaxTokens, lim.MaxTokens))
	}
	if len(req.Stop) > lim.MaxStops {
		return badField("stop", fmt.Sprintf("%d stop strings; the limit is %d", len(req.Stop), lim.MaxStops))
	}
	for _, s := range req.Stop {
		if s == "" {
			return badField("stop", "stop strings must not be empty")
		}
	}
	return nil
}
