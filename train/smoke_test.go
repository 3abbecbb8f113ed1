package train

import (
	"context"
	"os"
	"testing"
)

func TestSmokeMethods(t *testing.T) {
	f := newFixture(t)
	for _, method := range []string{"sft", "dpo", "reward", "pretrain"} {
		c := f.config(t, method)
		s, err := Run(context.Background(), c, os.Stderr)
		if err != nil {
			t.Fatalf("%s: %v", method, err)
		}
		t.Logf("%s: %+v", method, s)
	}
}
