package generate

import (
	"context"
	"os"
	"testing"

	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/model"
	"github.com/tend-project/tend/tokenizer"
)

const tendMini = "../models/tend-mini"

// benchGenerate reports end-to-end decode speed: chat template, prefill,
// sampling, streaming detokenisation and stop handling, as serving uses it.
func benchGenerate(b *testing.B, e *Engine, tokens int) {
	msgs := []conv.Message{{Role: conv.RoleUser, Content: "I've been feeling anxious about work all week and can't switch off."}}
	opt := Options{MaxNewTokens: tokens, Temperature: 0.7, TopP: 0.9, Seed: 1, StopTokens: nil}
	var generated int
	for b.Loop() {
		res, err := e.Generate(context.Background(), msgs, opt)
		if err != nil {
			b.Fatal(err)
		}
		generated += res.Tokens
	}
	b.ReportMetric(float64(generated)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkGenerateTendMini(b *testing.B) {
	if _, err := os.Stat(tendMini + "/config.json"); err != nil {
		b.Skip("models/tend-mini not present")
	}
	e, err := LoadDir(tendMini, 1024)
	if err != nil {
		b.Fatal(err)
	}
	// Ignore end-of-turn so every iteration decodes the same number of tokens.
	e.eot = nil
	benchGenerate(b, e, 128)
}

// BenchmarkGenerate135M uses random weights in the SmolLM2-135M shape with
// tend-mini's tokenizer (ids beyond it decode to nothing).
func BenchmarkGenerate135M(b *testing.B) {
	tok, err := tokenizer.LoadDir(tendMini)
	if err != nil {
		b.Skip("models/tend-mini not present")
	}
	cfg := model.Config{Architecture: "LlamaForCausalLM", Vocab: 49152, Hidden: 576, Layers: 30, Heads: 9,
		KVHeads: 3, HeadDim: 64, Intermediate: 1536, MaxPos: 2048, RopeTheta: 100000, RMSEps: 1e-5, TieEmbeddings: true}
	m, err := model.New(cfg, 1)
	if err != nil {
		b.Fatal(err)
	}
	e, err := New(m, tok, nil, 1024)
	if err != nil {
		b.Fatal(err)
	}
	e.eot = nil
	benchGenerate(b, e, 32)
}
