package generate

import (
	"context"
	"errors"
	"strings"
	"testing"

	"go.uber.org/goleak"

	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/model"
	"github.com/tend-project/tend/tokenizer"
)

// newTestEngine builds a tiny random model over the tokenizer fixture that
// uses tend's own chat template.
func newTestEngine(t *testing.T, maxCtx int) *Engine {
	t.Helper()
	tok, err := tokenizer.Load("../tokenizer/testdata/tend.json")
	if err != nil {
		t.Fatal(err)
	}
	tmpl, err := tokenizer.BuiltinTemplate("tend")
	if err != nil {
		t.Fatal(err)
	}
	cfg := model.Config{
		Architecture: "LlamaForCausalLM", Vocab: tok.VocabSize(), Hidden: 32, Layers: 2, Heads: 4,
		KVHeads: 2, Intermediate: 64, MaxPos: 512, RopeTheta: 10000, RMSEps: 1e-5,
	}
	m, err := model.New(cfg, 7)
	if err != nil {
		t.Fatal(err)
	}
	e, err := New(m, tok, tmpl, maxCtx)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

var hello = []conv.Message{{Role: conv.RoleUser, Content: "I'm feeling really anxious today."}}

func TestSeededGenerationIsReproducible(t *testing.T) {
	e := newTestEngine(t, 256)
	ctx := context.Background()
	cases := []struct {
		name string
		opt  Options
	}{
		{"greedy", Options{MaxNewTokens: 24}},
		{"temperature", Options{MaxNewTokens: 24, Temperature: 0.9, Seed: 3}},
		{"top-k", Options{MaxNewTokens: 24, Temperature: 1, TopK: 5, Seed: 3}},
		{"top-p", Options{MaxNewTokens: 24, Temperature: 1, TopP: 0.8, Seed: 3}},
		{"min-p", Options{MaxNewTokens: 24, Temperature: 1, MinP: 0.05, Seed: 3}},
		{"repetition", Options{MaxNewTokens: 24, Temperature: 0.7, RepetitionPenalty: 1.3, Seed: 3}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, err := e.Generate(ctx, hello, c.opt)
			if err != nil {
				t.Fatal(err)
			}
			b, err := e.Generate(ctx, hello, c.opt)
			if err != nil {
				t.Fatal(err)
			}
			if a.Text != b.Text || a.Tokens != b.Tokens {
				t.Errorf("same seed gave different output:\n%q\n%q", a.Text, b.Text)
			}
			if a.Tokens == 0 || a.PromptTokens == 0 {
				t.Errorf("result %+v generated nothing", a)
			}
		})
	}
	a, _ := e.Generate(ctx, hello, Options{MaxNewTokens: 24, Temperature: 1.5, Seed: 1})
	b, _ := e.Generate(ctx, hello, Options{MaxNewTokens: 24, Temperature: 1.5, Seed: 2})
	if a.Text == b.Text {
		t.Errorf("different seeds gave the same text %q", a.Text)
	}
}

func TestStreamJoinsToResult(t *testing.T) {
	e := newTestEngine(t, 256)
	var res Result
	var b strings.Builder
	n := 0
	for p, err := range e.Stream(context.Background(), hello, Options{MaxNewTokens: 30, Temperature: 0.8, Seed: 9}, &res) {
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString(p.Text)
		n++
	}
	if b.String() != res.Text {
		t.Errorf("pieces joined %q differ from result %q", b.String(), res.Text)
	}
	if n < 2 {
		t.Errorf("got %d pieces; want a stream", n)
	}
	if res.FinishReason != FinishLength && res.FinishReason != FinishStop {
		t.Errorf("finish reason %q", res.FinishReason)
	}
}

func TestStopStringAcrossTokens(t *testing.T) {
	e := newTestEngine(t, 256)
	ctx := context.Background()
	var pieces []string
	var full Result
	for p, err := range e.Stream(ctx, hello, Options{MaxNewTokens: 40}, &full) {
		if err != nil {
			t.Fatal(err)
		}
		pieces = append(pieces, p.Text)
	}
	// Pick a stop string that straddles the boundary between two pieces.
	var stop string
	prefix := ""
	for i := 1; i+1 < len(pieces); i++ {
		prefix += pieces[i-1]
		a, b := pieces[i], pieces[i+1]
		if len(a) >= 1 && len(b) >= 1 && !strings.Contains(prefix, a[len(a)-1:]+b[:1]) {
			stop = a[len(a)-1:] + b[:1]
			break
		}
	}
	if stop == "" {
		t.Skip("greedy output of the random model has no usable boundary")
	}
	res, err := e.Generate(ctx, hello, Options{MaxNewTokens: 40, StopStrings: []string{stop}})
	if err != nil {
		t.Fatal(err)
	}
	want := full.Text[:strings.Index(full.Text, stop)]
	if res.Text != want || res.FinishReason != FinishStop {
		t.Errorf("stop %q: got %q (%s), want %q (stop)", stop, res.Text, res.FinishReason, want)
	}
}

func TestStopper(t *testing.T) {
	cases := []struct {
		stops  []string
		chunks []string
		want   string
		hit    bool
	}{
		{[]string{"User:"}, []string{"Hello ", "Us", "er: hi"}, "Hello ", true},
		{[]string{"User:"}, []string{"Hello ", "Us", "ually fine"}, "Hello Usually fine", false},
		{[]string{"\n\n"}, []string{"a\n", "\nb"}, "a", true},
		{[]string{"ab", "b"}, []string{"xa", "b"}, "x", true}, // the earliest stop wins
		{nil, []string{"a", "b"}, "ab", false},
	}
	for _, c := range cases {
		s := &stopper{stops: c.stops}
		var out strings.Builder
		hit := false
		for _, ch := range c.chunks {
			txt, h := s.push(ch)
			out.WriteString(txt)
			if h {
				hit = true
				break
			}
		}
		if !hit {
			out.WriteString(s.flush())
		}
		if out.String() != c.want || hit != c.hit {
			t.Errorf("stops %q chunks %q: got %q hit=%v, want %q hit=%v", c.stops, c.chunks, out.String(), hit, c.want, c.hit)
		}
	}
}

func TestSampler(t *testing.T) {
	logits := func() []float32 { return []float32{1, 4, 3, 0.5, 2} }
	if got := newSampler(Options{}, 5).sample(logits()); got != 1 {
		t.Errorf("greedy = %d, want 1", got)
	}
	// top-k 2 only ever picks the two best.
	s := newSampler(Options{Temperature: 1, TopK: 2, Seed: 1}, 5)
	for range 200 {
		if got := s.sample(logits()); got != 1 && got != 2 {
			t.Fatalf("top-k 2 picked %d", got)
		}
	}
	// top-p small keeps only the top token.
	s = newSampler(Options{Temperature: 1, TopP: 0.1, Seed: 1}, 5)
	for range 50 {
		if got := s.sample(logits()); got != 1 {
			t.Fatalf("top-p 0.1 picked %d", got)
		}
	}
	// min-p 0.3 keeps tokens with at least 0.3 of the top probability:
	// token 2 has e^3/e^4 ≈ 0.37 of it, token 4 only e^2/e^4 ≈ 0.14.
	s = newSampler(Options{Temperature: 1, MinP: 0.3, Seed: 1}, 5)
	seen := map[int]bool{}
	for range 300 {
		seen[s.sample(logits())] = true
	}
	if !seen[1] || !seen[2] || seen[0] || seen[3] || seen[4] {
		t.Errorf("min-p 0.3 picked %v, want only 1 and 2", seen)
	}
	// A repetition penalty turns greedy away from a seen token.
	s = newSampler(Options{RepetitionPenalty: 2}, 5)
	s.observe(1)
	if got := s.sample(logits()); got != 2 {
		t.Errorf("penalised greedy = %d, want 2", got)
	}
}

func TestOptionsValidate(t *testing.T) {
	bad := []Options{{MaxNewTokens: -1}, {Temperature: -1}, {TopK: -2}, {TopP: 1.5}, {MinP: 1}, {RepetitionPenalty: -1}, {StopStrings: []string{""}}}
	e := newTestEngine(t, 128)
	for _, o := range bad {
		if _, err := e.Generate(context.Background(), hello, o); !errors.Is(err, ErrOptions) {
			t.Errorf("%+v: err = %v, want ErrOptions", o, err)
		}
	}
}

func TestCancelFreesResources(t *testing.T) {
	defer goleak.VerifyNone(t)
	e := newTestEngine(t, 256)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	n := 0
	var gotErr error
	for _, err := range e.Stream(ctx, hello, Options{MaxNewTokens: 200}, nil) {
		if err != nil {
			gotErr = err
			break
		}
		if n++; n == 3 {
			cancel()
		}
	}
	if !errors.Is(gotErr, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", gotErr)
	}
	// Breaking out early stops too.
	for range e.Stream(context.Background(), hello, Options{MaxNewTokens: 200}, nil) {
		break
	}
	// And a cancelled batch returns promptly without leaking workers.
	ctx2, cancel2 := context.WithCancel(context.Background())
	cancel2()
	if _, err := e.GenerateBatch(ctx2, [][]conv.Message{hello, hello, hello}, Options{MaxNewTokens: 50}, 2); err == nil {
		t.Error("cancelled batch returned no error")
	}
}

func TestBatchMatchesSequential(t *testing.T) {
	e := newTestEngine(t, 256)
	convs := [][]conv.Message{hello, {{Role: conv.RoleUser, Content: "Work is piling up."}}, {{Role: conv.RoleUser, Content: "I can't sleep."}}}
	opt := Options{MaxNewTokens: 16, Temperature: 0.7, Seed: 5}
	batch, err := e.GenerateBatch(context.Background(), convs, opt, 2)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range convs {
		one, err := e.Generate(context.Background(), c, opt)
		if err != nil {
			t.Fatal(err)
		}
		if one.Text != batch[i].Text {
			t.Errorf("conversation %d: batch %q, alone %q", i, batch[i].Text, one.Text)
		}
	}
}

func TestContextWindow(t *testing.T) {
	e := newTestEngine(t, 32)
	long := []conv.Message{{Role: conv.RoleUser, Content: strings.Repeat("tired and worried ", 40)}}
	if _, err := e.Generate(context.Background(), long, Options{}); err == nil || !strings.Contains(err.Error(), "context") {
		t.Errorf("err = %v, want a context-window error", err)
	}
	res, err := e.Generate(context.Background(), hello, Options{MaxNewTokens: 500})
	if err != nil {
		t.Fatal(err)
	}
	if res.FinishReason != FinishLength && res.FinishReason != FinishStop {
		t.Errorf("finish = %q", res.FinishReason)
	}
	if res.PromptTokens+res.Tokens > 32 {
		t.Errorf("used %d+%d tokens in a 32-token window", res.PromptTokens, res.Tokens)
	}
}
