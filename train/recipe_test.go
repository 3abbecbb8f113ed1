package train

import (
	"context"
	"path/filepath"
	"testing"
)

// The quick recipe builds a complete, loadable model directory and its
// figures are measured (not NaN). Skipped with -short.
func TestRecipeQuick(t *testing.T) {
	if testing.Short() {
		t.Skip("trains several stages")
	}
	out := filepath.Join(t.TempDir(), "tend-mini")
	rep, err := RecipeTendMini(context.Background(), RecipeOptions{Out: out, Quick: true})
	if err != nil {
		t.Fatal(err)
	}
	if !(rep.SFT.EvalLoss < rep.SFT.BaseEvalLoss) {
		t.Errorf("SFT val loss %v not below base %v", rep.SFT.EvalLoss, rep.SFT.BaseEvalLoss)
	}
	for _, n := range []string{"config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json", "README.md", "reward/score.safetensors"} {
		if !exists(filepath.Join(out, n)) {
			t.Errorf("missing %s", n)
		}
	}
	if _, err := LoadRewardModel(filepath.Join(out, "reward")); err != nil {
		t.Fatal(err)
	}
	t.Logf("%+v", rep)
}
