// Package generatetest builds tiny, randomly initialised model directories
// for tests of the packages that run models (llm, serve, eval): a real
// tokenizer trained on a few sentences, tend's chat template, and a small
// Llama-shaped model saved in Hugging Face format. Nothing is downloaded.
package generatetest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tend-project/tend/model"
	"github.com/tend-project/tend/tokenizer"
)

// corpus is a few lines of our own text, enough for a few hundred merges.
const corpus = `I'm sorry you're feeling this way. It makes sense to feel tired after a long week.
Would it help to talk about what has been weighing on you most?
Taking a few slow breaths can help a little, and so can a short walk outside.
If this keeps going, a doctor or counsellor can help you find support that fits.
Thank you for telling me. You are not alone in this, and it is okay to ask for help.
Work has been stressful and I can't sleep. My friend hasn't texted back in days.`

// TinyModelDir writes a model directory into a temporary folder and returns
// its path. The model is random, so its replies are noise, but every part of
// the loading and generation path is real.
func TinyModelDir(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	tr, err := tokenizer.NewTrainer(tokenizer.TrainOptions{
		VocabSize: 400, Pattern: "llama3",
		Special: []string{"<|begin_of_text|>", "<|end_of_text|>", "<|system|>", "<|user|>", "<|assistant|>", "<|end|>"},
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(corpus, "\n") {
		tr.Add(line + "\n")
	}
	tokJSON, err := tr.Train(nil)
	if err != nil {
		t.Fatal(err)
	}
	tmpl, err := tokenizer.BuiltinTemplate("tend")
	if err != nil {
		t.Fatal(err)
	}
	cfgJSON, err := tokenizer.ConfigJSON(tmpl)
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"tokenizer.json": tokJSON, "tokenizer_config.json": cfgJSON} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tok, err := tokenizer.Load(filepath.Join(dir, "tokenizer.json"))
	if err != nil {
		t.Fatal(err)
	}
	cfg := model.Config{
		Architecture: "LlamaForCausalLM", Vocab: tok.VocabSize(), Hidden: 32, Layers: 2, Heads: 4,
		KVHeads: 2, HeadDim: 8, Intermediate: 64, MaxPos: 1024, RopeTheta: 10000, RMSEps: 1e-5,
	}
	m, err := model.New(cfg, 11)
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Save(dir, true); err != nil {
		t.Fatal(err)
	}
	return dir
}
