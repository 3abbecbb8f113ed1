package train

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// The quick recipe builds a complete, loadable model directory and its
// figures are measured. It trains six stages (minutes of CPU), so it runs
// only with TEND_RECIPE_TEST=1.
func TestRecipeQuick(t *testing.T) {
	if os.Getenv("TEND_RECIPE_TEST") == "" {
		t.Skip("set TEND_RECIPE_TEST=1 to run the quick tend-mini recipe")
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
