// Perplexity checked by hand: the NLL Perplexer reports equals −log softmax
// of the model's own logits summed over exactly the reference reply's
// tokens (the last assistant turn and its end-of-turn token), not the
// earlier assistant turn in the context.
package eval

import (
	"math"
	"testing"

	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/model"
)

func TestPerplexityByHand(t *testing.T) {
	dir, _ := tinyModels(t)
	p, err := OpenPerplexer(dir)
	if err != nil {
		t.Fatal(err)
	}
	ctx := []conv.Message{
		{Role: conv.RoleUser, Content: "Work has been stressful."},
		{Role: conv.RoleAssistant, Content: "I'm sorry. What has been hardest?"},
		{Role: conv.RoleUser, Content: "I can't sleep."},
	}
	ref := "That sounds exhausting. Would it help to talk about it?"
	nll, n, err := p.NLL(ctx, ref)
	if err != nil {
		t.Fatal(err)
	}
	full := append(append([]conv.Message(nil), ctx...), conv.Message{Role: conv.RoleAssistant, Content: ref})
	ids, mask, err := p.tok.RenderChat(p.tmpl, full, false)
	if err != nil {
		t.Fatal(err)
	}
	prefix, _, err := p.tok.RenderChat(p.tmpl, ctx, true)
	if err != nil {
		t.Fatal(err)
	}
	// The reference's tokens: masked positions after the prompt. Both
	// assistant turns are masked, so counting all masked tokens would be
	// more than n.
	wantN, allMasked := 0, 0
	for i, m := range mask {
		if m {
			allMasked++
			if i >= len(prefix) {
				wantN++
			}
		}
	}
	if n != wantN || allMasked <= wantN {
		t.Fatalf("scored %d tokens, want %d (of %d masked in total)", n, wantN, allMasked)
	}
	T := len(ids) - 1
	b := &model.Batch{B: 1, T: T, Tokens: make([]int32, T)}
	for i := range T {
		b.Tokens[i] = int32(ids[i])
	}
	logits, err := p.m.Logits(b)
	if err != nil {
		t.Fatal(err)
	}
	V := p.m.Config.Vocab
	var want float64
	for i := len(prefix) - 1; i < T; i++ {
		if !mask[i+1] {
			continue
		}
		row := logits[i*V : (i+1)*V]
		mx := math.Inf(-1)
		for _, x := range row {
			mx = math.Max(mx, float64(x))
		}
		var z float64
		for _, x := range row {
			z += math.Exp(float64(x) - mx)
		}
		want += -(float64(row[ids[i+1]]) - mx - math.Log(z))
	}
	if math.Abs(nll-want) > 1e-3*math.Abs(want) {
		t.Errorf("NLL = %v, hand-computed %v", nll, want)
	}
	// A random model over a 400-token vocabulary: perplexity near 400.
	if ppl := math.Exp(nll / float64(n)); ppl < 100 || ppl > 2000 {
		t.Errorf("perplexity %v is implausible for a random tiny model", ppl)
	}
}
