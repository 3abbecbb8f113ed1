// Local is the in-process Generator: tend's own engine running a model
// directory on this machine's CPU. Requests wait in a queue for one of a
// fixed number of generation slots, so concurrent sessions share the cores
// instead of all slowing to a crawl.
package llm

import (
	"context"
	"errors"

	"github.com/tend-project/tend/generate"
)

// Local serves one generate.Engine.
type Local struct {
	name  string
	eng   *generate.Engine
	slots chan struct{}
	// Defaults apply when a request leaves a setting unset.
	Defaults generate.Options
}

var _ Generator = (*Local)(nil)

// NewLocal wraps eng. concurrent is the number of generations run at once
// (0 means 2, one per core on the reference machine).
func NewLocal(name string, eng *generate.Engine, concurrent int) *Local {
	if concurrent <= 0 {
		concurrent = 2
	}
	return &Local{
		name: name, eng: eng, slots: make(chan struct{}, concurrent),
		Defaults: generate.Options{MaxNewTokens: 256, Temperature: 0.7, TopP: 0.9, RepetitionPenalty: 1.1},
	}
}

// OpenLocal loads a model directory and wraps it.
func OpenLocal(name, dir string, maxCtx, concurrent int) (*Local, error) {
	eng, err := generate.LoadDir(dir, maxCtx)
	if err != nil {
		return nil, err
	}
	return NewLocal(name, eng, concurrent), nil
}

// Name returns the model name.
func (l *Local) Name() string { return l.name }

// Generate waits for a slot, then generates.
func (l *Local) Generate(ctx context.Context, req Request, onDelta func(string) error) (Response, error) {
	select {
	case l.slots <- struct{}{}:
		defer func() { <-l.slots }()
	case <-ctx.Done():
		return Response{}, ctx.Err()
	}
	opt := l.Defaults
	if req.Temperature != nil {
		opt.Temperature = *req.Temperature
	}
	if req.TopP != nil {
		opt.TopP = *req.TopP
	}
	if req.MaxTokens > 0 {
		opt.MaxNewTokens = req.MaxTokens
	}
	if req.Seed != nil {
		opt.Seed = uint64(*req.Seed)
	}
	opt.StopStrings = req.Stop
	var res generate.Result
	for piece, err := range l.eng.Stream(ctx, req.Messages, opt, &res) {
		if err != nil {
			if errors.Is(err, generate.ErrOptions) {
				return Response{}, errors.Join(ErrRejected, err)
			}
			return Response{}, err
		}
		if onDelta != nil {
			if err := onDelta(piece.Text); err != nil {
				return Response{}, err
			}
		}
	}
	return Response{
		Text: res.Text, FinishReason: res.FinishReason, Model: l.name,
		Usage: Usage{PromptTokens: res.PromptTokens, CompletionTokens: res.Tokens, TotalTokens: res.PromptTokens + res.Tokens},
	}, nil
}
