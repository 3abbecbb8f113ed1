// Package generate turns a model and its tokenizer into text: it renders a
// conversation with the chat template, runs the prompt through the model
// with a KV cache, samples token by token, and streams decoded text pieces
// as an iter.Seq2 that stops on the end-of-turn token, a stop string, the
// token budget or context cancellation.
package generate

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"sync"

	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/model"
	"github.com/tend-project/tend/tokenizer"
)

// Finish reasons, as in the OpenAI API.
const (
	FinishStop   = "stop"   // end-of-turn token or stop string
	FinishLength = "length" // token budget or context window reached
)

// Engine generates with one model. It is safe for concurrent use: each
// generation has its own KV cache, and the weights are only read.
type Engine struct {
	m      *model.Model
	tok    *tokenizer.Tokenizer
	tmpl   *tokenizer.ChatTemplate
	maxCtx int
	eot    []int // end-of-turn token ids
	caches sync.Pool
}

// New returns an Engine. tmpl may be nil to use the tokenizer's own
// template. maxCtx bounds prompt plus reply; 0 means 2048.
func New(m *model.Model, tok *tokenizer.Tokenizer, tmpl *tokenizer.ChatTemplate, maxCtx int) (*Engine, error) {
	if tmpl == nil {
		tmpl = tok.ChatTemplate()
	}
	if tmpl == nil {
		return nil, errors.New("generate: the tokenizer has no chat template and none was given")
	}
	if maxCtx <= 0 {
		maxCtx = 2048
	}
	if tok.VocabSize() > m.Config.Vocab {
		return nil, fmt.Errorf("generate: tokenizer has %d tokens but the model's vocabulary is %d", tok.VocabSize(), m.Config.Vocab)
	}
	e := &Engine{m: m, tok: tok, tmpl: tmpl, maxCtx: maxCtx}
	for _, name := range []string{tmpl.EOS, "<|im_end|>", "<|eot_id|>", "<|end_of_text|>", "<|endoftext|>", "</s>", "<|end|>"} {
		if id, ok := tok.TokenID(name); ok && name != "" && !containsInt(e.eot, id) {
			e.eot = append(e.eot, id)
		}
	}
	e.caches.New = func() any { return m.NewKVCache(maxCtx) }
	return e, nil
}

func containsInt(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// Piece is one streamed part of a reply.
type Piece struct {
	Text  string
	Token int // the token that completed this piece, or -1
}

// Result is a finished generation.
type Result struct {
	Text         string
	FinishReason string
	PromptTokens int
	Tokens       int // generated tokens
}

// Prompt renders msgs with the chat template plus the assistant header.
func (e *Engine) Prompt(msgs []conv.Message) ([]int, error) {
	ids, _, err := e.tok.RenderChat(e.tmpl, msgs, true)
	return ids, err
}

// Stream generates a reply to msgs. Ranging over it yields text pieces; the
// final error (if any) is yielded with an empty piece. Breaking out of the
// loop or cancelling ctx stops generation and frees the cache.
func (e *Engine) Stream(ctx context.Context, msgs []conv.Message, opt Options, res *Result) iter.Seq2[Piece, error] {
	return func(yield func(Piece, error) bool) {
		prompt, err := e.Prompt(msgs)
		if err != nil {
			yield(Piece{Token: -1}, err)
			return
		}
		if err := e.run(ctx, prompt, opt, res, yield); err != nil {
			yield(Piece{Token: -1}, err)
		}
	}
}

// Generate returns the whole reply to msgs.
func (e *Engine) Generate(ctx context.Context, msgs []conv.Message, opt Options) (Result, error) {
	var res Result
	for _, err := range e.Stream(ctx, msgs, opt, &res) {
		if err != nil {
			return res, err
		}
	}
	return res, nil
}

// GenerateBatch answers many conversations, running up to workers at once
// (0 means 2). Results are in input order; the first error stops the rest.
func (e *Engine) GenerateBatch(ctx context.Context, convs [][]conv.Message, opt Options, workers int) ([]Result, error) {
	if workers <= 0 {
		workers = 2
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	out := make([]Result, len(convs))
	errs := make([]error, len(convs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range next {
				out[i], errs[i] = e.Generate(ctx, convs[i], opt)
				if errs[i] != nil {
					cancel()
				}
			}
		})
	}
feed:
	for i := range convs {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return out, fmt.Errorf("conversation %d: %w", i, err)
		}
	}
	return out, ctx.Err()
}

// run is the decode loop over prompt ids.
func (e *Engine) run(ctx context.Context, prompt []int, opt Options, res *Result, yield func(Piece, error) bool) error {
	if err := opt.Validate(); err != nil {
		return err
	}
	if opt.MaxNewTokens == 0 {
		opt.MaxNewTokens = 256
	}
	if len(prompt) == 0 {
		return errors.New("generate: empty prompt")
	}
	if len(prompt) >= e.maxCtx {
		return fmt.Errorf("generate: prompt of %d tokens fills the %d-token context", len(prompt), e.maxCtx)
	}
	if res == nil {
		res = &Result{}
	}
	*res = Result{PromptTokens: len(prompt), FinishReason: FinishLength}
	cache := e.caches.Get().(*model.KVCache)
	cache.Len = 0
	defer e.caches.Put(cache)

	s := newSampler(opt, e.m.Config.Vocab)
	for _, id := range prompt {
		s.observe(id)
	}
	stops := append(append([]int(nil), e.eot...), opt.StopTokens...)
	stop := &stopper{stops: opt.StopStrings}
	dec := e.tok.NewDecoder(true)
	var text []byte
	emit := func(piece string, tok int) bool {
		if piece == "" {
			return true
		}
		text = append(text, piece...)
		return yield(Piece{Text: piece, Token: tok}, nil)
	}
	defer func() { res.Text = string(text) }()

	logits, err := e.m.Forward(prompt, 0, cache)
	if err != nil {
		return err
	}
	pos := len(prompt)
	for res.Tokens < opt.MaxNewTokens {
		if err := ctx.Err(); err != nil {
			return err
		}
		id := s.sample(logits)
		if containsInt(stops, id) {
			res.FinishReason = FinishStop
			break
		}
		res.Tokens++
		s.observe(id)
		out, hit := stop.push(dec.Add(id))
		if !emit(out, id) {
			return nil
		}
		if hit {
			res.FinishReason = FinishStop
			return nil
		}
		if pos+1 >= e.maxCtx {
			break
		}
		if logits, err = e.m.Forward([]int{id}, pos, cache); err != nil {
			return err
		}
		pos++
	}
	out, hit := stop.push(dec.Flush())
	if hit {
		res.FinishReason = FinishStop
	}
	if !emit(out, -1) {
		return nil
	}
	if !hit {
		emit(stop.flush(), -1)
	}
	return nil
}
