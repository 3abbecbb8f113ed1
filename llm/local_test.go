package llm_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/tend-project/tend/generate/generatetest"
	"github.com/tend-project/tend/llm"
)

func TestLocalGenerate(t *testing.T) {
	dir := generatetest.TinyModelDir(t)
	l, err := llm.OpenLocal("tiny", dir, 0, 2)
	if err != nil {
		t.Fatal(err)
	}
	seed := int64(4)
	temp := 0.8
	req := llm.Request{Messages: userReq("I can't sleep").Messages, MaxTokens: 12, Seed: &seed, Temperature: &temp}
	plain, err := l.Generate(context.Background(), req, nil)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	streamed, err := l.Generate(context.Background(), req, func(s string) error { b.WriteString(s); return nil })
	if err != nil {
		t.Fatal(err)
	}
	if plain.Text != streamed.Text || b.String() != streamed.Text {
		t.Errorf("plain %q, streamed %q, pieces %q should all match", plain.Text, streamed.Text, b.String())
	}
	if plain.Usage.PromptTokens == 0 || plain.Usage.CompletionTokens == 0 || plain.Model != "tiny" {
		t.Errorf("response metadata %+v", plain)
	}
	// Concurrent sessions all complete.
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			if _, err := l.Generate(context.Background(), req, nil); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	// A callback error stops generation and comes back unchanged.
	stop := errors.New("stop")
	if _, err := l.Generate(context.Background(), req, func(string) error { return stop }); !errors.Is(err, stop) {
		t.Errorf("err = %v, want the callback's", err)
	}
	// Invalid settings are the caller's fault.
	bad := -1.0
	if _, err := l.Generate(context.Background(), llm.Request{Messages: req.Messages, Temperature: &bad}, nil); !errors.Is(err, llm.ErrRejected) {
		t.Errorf("err = %v, want ErrRejected", err)
	}
}
