// Pipeline exposes the safety pipeline without HTTP, so the terminal chat
// and other Go programs answer through exactly the same steps as the API.
package serve

import (
	"context"

	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/llm"
)

// Pipeline runs single chat turns through the safety pipeline.
type Pipeline struct{ p *pipeline }

// NewPipeline builds a pipeline from the same parts as a Server.
func NewPipeline(cfg Config, d Deps) (*Pipeline, error) {
	cfg = cfg.withDefaults(d)
	p, err := newPipeline(cfg, d)
	if err != nil {
		return nil, err
	}
	return &Pipeline{p: p}, nil
}

// Turn answers the last user message of msgs. emit receives text as it
// becomes safe to show; it may be nil. locale "" means the configured one.
func (p *Pipeline) Turn(ctx context.Context, msgs []conv.Message, locale string, emit func(string) error) (string, Meta, error) {
	if emit == nil {
		emit = func(string) error { return nil }
	}
	if locale == "" {
		locale = p.p.cfg.Locale
	}
	req := &llm.ChatRequest{Messages: msgs}
	if err := validateChatRequest(req, p.p.cfg.Limits); err != nil {
		return "", Meta{}, err
	}
	res, err := p.p.run(ctx, req, locale, func(text string, _ bool) error { return emit(text) })
	return res.Text, res.Meta, err
}
