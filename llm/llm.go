// Package llm defines Generator, the one interface through which serving,
// evaluation and review ask a language model for a reply. Two real
// implementations exist: Remote, for any OpenAI-compatible server (vLLM,
// Ollama, llama.cpp's server, a hosted API), and the in-process engine.
//
// Generation is a single method. When onDelta is non-nil the reply streams:
// each new piece of text is passed to onDelta as soon as it exists, and an
// error returned by onDelta stops generation. The returned Response always
// holds the full text, so callers that don't stream pass nil.
package llm

import (
	"context"
	"errors"

	"github.com/tend-project/tend/conv"
)

// Sentinel errors. Check with errors.Is.
var (
	// ErrUnavailable means the backend could not be reached or kept failing.
	ErrUnavailable = errors.New("llm: backend unavailable")
	// ErrCircuitOpen means recent failures opened the circuit breaker, so the
	// call failed fast without contacting the backend.
	ErrCircuitOpen = errors.New("llm: circuit open after repeated backend failures")
	// ErrBadResponse means the backend answered with something that is not a
	// valid chat completion.
	ErrBadResponse = errors.New("llm: malformed backend response")
	// ErrRejected means the backend refused the request itself (a 4xx other
	// than 429); retrying would not help.
	ErrRejected = errors.New("llm: backend rejected the request")
)

// Request is one chat completion request, in the OpenAI parameter names'
// meaning. Zero values mean "backend default".
type Request struct {
	Messages    []conv.Message
	Temperature *float64
	TopP        *float64
	MaxTokens   int
	Stop        []string
	Seed        *int64
	// User is an opaque end-user id, passed through for abuse monitoring.
	User string
}

// Usage counts tokens as the backend reports them.
type Usage struct {
	PromptTokens     int `json:"prompt_tokens"`
	CompletionTokens int `json:"completion_tokens"`
	TotalTokens      int `json:"total_tokens"`
}

// Response is a finished reply.
type Response struct {
	Text string
	// FinishReason is "stop", "length" or a backend-specific reason.
	FinishReason string
	Usage        Usage
	// Model is the name the backend reports for itself.
	Model string
}

// Generator produces chat replies.
type Generator interface {
	// Name identifies the model, e.g. for reports and /v1/models.
	Name() string
	// Generate produces a reply to req.Messages. See the package comment for
	// onDelta.
	Generate(ctx context.Context, req Request, onDelta func(string) error) (Response, error)
}

// Func adapts a function to Generator; tests use it to build fakes.
type Func struct {
	ModelName string
	Fn        func(ctx context.Context, req Request, onDelta func(string) error) (Response, error)
}

var _ Generator = (*Func)(nil)

// Name returns ModelName.
func (f *Func) Name() string { return f.ModelName }

// Generate calls Fn.
func (f *Func) Generate(ctx context.Context, req Request, onDelta func(string) error) (Response, error) {
	return f.Fn(ctx, req, onDelta)
}
