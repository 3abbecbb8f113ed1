// Perplexity of reference replies under a local model: the conversation is
// rendered with the model's chat template, and only the tokens of the
// reference reply (the chat template's assistant loss mask, restricted to
// the last assistant turn) are scored.
package eval

import (
	"fmt"
	"math"
	"sync"

	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/model"
	"github.com/tend-project/tend/tokenizer"
)

// Perplexer scores text under one model directory. Calls are serialised
// (the model reuses its activation buffers).
type Perplexer struct {
	mu   sync.Mutex
	m    *model.Model
	tok  *tokenizer.Tokenizer
	tmpl *tokenizer.ChatTemplate
}

// OpenPerplexer loads the model and tokenizer in dir. A tokenizer without
// a chat template gets the built-in template its special tokens fit.
func OpenPerplexer(dir string) (*Perplexer, error) {
	m, err := model.Load(dir)
	if err != nil {
		return nil, err
	}
	tok, err := tokenizer.LoadDir(dir)
	if err != nil {
		return nil, err
	}
	tmpl, err := tok.ChatTemplateOrBuiltin()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", dir, err)
	}
	return &Perplexer{m: m, tok: tok, tmpl: tmpl}, nil
}

// NLL returns the summed negative log-likelihood (nats) of reference as
// the assistant's reply to msgs, and the number of tokens scored (the
// reply's tokens and its end-of-turn token). When the conversation is
// longer than the model's context, the oldest tokens are dropped.
func (p *Perplexer) NLL(msgs []conv.Message, reference string) (float64, int, error) {
	full := append(append([]conv.Message(nil), msgs...), conv.Message{Role: conv.RoleAssistant, Content: reference})
	ids, mask, err := p.tok.RenderChat(p.tmpl, full, false)
	if err != nil {
		return 0, 0, err
	}
	// Score only the last assistant turn: earlier assistant turns in the
	// context are part of the prompt.
	prefix, _, err := p.tok.RenderChat(p.tmpl, msgs, true)
	if err != nil {
		return 0, 0, err
	}
	start := 0
	if len(prefix) <= len(ids) && equalInts(prefix, ids[:len(prefix)]) {
		start = len(prefix)
	}
	if maxT := p.m.Config.MaxPos; maxT > 0 && len(ids) > maxT {
		cut := len(ids) - maxT
		ids, mask = ids[cut:], mask[cut:]
		start = max(0, start-cut)
	}
	if len(ids) < 2 {
		return 0, 0, fmt.Errorf("eval: reference renders to %d tokens", len(ids))
	}
	T := len(ids) - 1
	b := &model.Batch{B: 1, T: T, Tokens: make([]int32, T), Targets: make([]int32, T)}
	n := 0
	for i := range T {
		b.Tokens[i] = int32(ids[i])
		if mask[i+1] && i+1 >= start {
			b.Targets[i] = int32(ids[i+1])
			n++
		} else {
			b.Targets[i] = ignoreIndex
		}
	}
	if n == 0 {
		return 0, 0, fmt.Errorf("eval: no reference tokens to score")
	}
	p.mu.Lock()
	losses, err := p.m.TokenLosses(b)
	p.mu.Unlock()
	if err != nil {
		return 0, 0, err
	}
	var sum float64
	for i, l := range losses {
		if b.Targets[i] != ignoreIndex {
			sum += float64(l)
		}
	}
	return sum, n, nil
}

// Perplexity is exp(total NLL / total tokens) over a set of references:
// the token-weighted corpus perplexity.
func Perplexity(nll []float64, tokens []int) float64 {
	var s float64
	var n int
	for i := range nll {
		s += nll[i]
		n += tokens[i]
	}
	if n == 0 {
		return math.NaN()
	}
	return math.Exp(s / float64(n))
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// ignoreIndex is the target id the model's loss skips (nn.IgnoreIndex;
// eval does not import nn, so the value is repeated here).
const ignoreIndex = -100
