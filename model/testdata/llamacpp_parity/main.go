// Command llamacpp_parity is tend's side of llamacpp_parity.sh, the manual
// check that a GGUF export runs in llama.cpp and decodes greedily to the
// same tokens as tend. It is a program under testdata, so `go test ./...`
// and `go vet ./...` leave it alone; the script runs it with `go run`.
//
//	tiny    -from DIR -out DIR -arch llama|qwen2 [-tied] [-rope-scaling llama3|linear] [-seed N]
//	        a random model with DIR's tokenizer; weights are drawn wider
//	        than a fresh init (and norms and biases away from 1 and 0) so
//	        that greedy choices have clear margins and a misplaced tensor
//	        changes them
//	greedy  -model DIR (-message TEXT | -ids JSON) -n N -out FILE -request FILE
//	        tend's greedy decoding (model forward with the KV cache, argmax,
//	        as generate does at temperature 0) for up to N tokens, stopping
//	        after an end-of-turn token; writes the ids with their log-probs
//	        and the llama-server /completion request for the same prompt.
//	        With -message it also checks that generate.Engine at
//	        temperature 0 writes the same text.
//	encode  -model DIR -file FILE
//	        the ids of FILE's whole text (line breaks included, no BOS) in
//	        llama-tokenize's --ids format: [1, 2, 3]
//	compare -tend FILE -llama FILE [-label NAME] [-max-dlogprob X]
//	        compares the ids token by token and the log-probs of the chosen
//	        tokens. Exits 0 when the ids are identical; 3 when they part at a
//	        near-tie (llama.cpp took tend's runner-up, and both tokens'
//	        log-probs at that step are within twice the largest difference
//	        seen on the identical prefix); 1 on any other difference, or
//	        when the log-probs differ by more than X.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/generate"
	"github.com/tend-project/tend/model"
	"github.com/tend-project/tend/nn"
	"github.com/tend-project/tend/tokenizer"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: llamacpp_parity tiny|greedy|encode|compare [flags]")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "tiny":
		err = tiny(os.Args[2:])
	case "greedy":
		err = greedy(os.Args[2:])
	case "compare":
		err = compare(os.Args[2:])
	case "encode":
		err = encode(os.Args[2:])
	default:
		err = fmt.Errorf("unknown mode %q: want tiny, greedy, encode or compare", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "llamacpp_parity:", err)
		os.Exit(1)
	}
}

func tiny(args []string) error {
	fs := flag.NewFlagSet("tiny", flag.ExitOnError)
	from := fs.String("from", "", "model directory whose tokenizer to use")
	out := fs.String("out", "", "directory to write")
	arch := fs.String("arch", "llama", "llama or qwen2")
	tied := fs.Bool("tied", false, "tie the LM head to the embedding")
	seed := fs.Uint64("seed", 7, "weight seed")
	rope := fs.String("rope-scaling", "", "rope_scaling type: llama3 or linear (llama only)")
	fs.Parse(args)
	if *from == "" || *out == "" {
		return errors.New("tiny: -from and -out are required")
	}
	tok, err := tokenizer.LoadDir(*from)
	if err != nil {
		return err
	}
	src, err := model.LoadConfig(*from)
	if err != nil {
		return err
	}
	// head_dim 16 with hidden 48 and 4 heads: q is wider than the residual
	// stream, so a writer that assumes head_dim = hidden/heads breaks.
	cfg := model.Config{
		Architecture: "LlamaForCausalLM", Vocab: tok.VocabSize(), Hidden: 48, Layers: 2, Heads: 4,
		KVHeads: 2, HeadDim: 16, Intermediate: 96, MaxPos: 512, RopeTheta: 10000, RMSEps: 1e-5,
		TieEmbeddings: *tied, BOS: src.BOS, EOS: src.EOS,
	}
	switch *arch {
	case "llama":
	case "qwen2":
		// llama.cpp's qwen2 graph (at the commit in docs/gguf.md) wants
		// q as wide as the residual stream, as every Qwen2 checkpoint has.
		cfg.Architecture, cfg.QKVBias, cfg.RMSEps, cfg.RopeTheta = "Qwen2ForCausalLM", true, 1e-6, 1e6
		cfg.Hidden = cfg.Heads * cfg.HeadDim
	default:
		return fmt.Errorf("tiny: -arch %q: want llama or qwen2", *arch)
	}
	switch *rope {
	case "":
	case "llama3":
		// original_max_position 64 puts the slowest frequencies of head_dim
		// 16 in the scaled band and a few in the smoothed one.
		cfg.RopeScaling = &nn.RopeScaling{Type: "llama3", Factor: 8, LowFreqFactor: 1, HighFreqFactor: 4, OriginalMaxPos: 64}
	case "linear":
		cfg.RopeScaling = &nn.RopeScaling{Type: "linear", Factor: 4}
	default:
		return fmt.Errorf("tiny: -rope-scaling %q: want llama3 or linear", *rope)
	}
	m, err := model.New(cfg, *seed)
	if err != nil {
		return err
	}
	r := rand.New(rand.NewPCG(*seed, 99))
	for i := range m.Params {
		m.Params[i] *= 8 // N(0, 0.16)
	}
	// A wider LM head spreads the logits, so the greedy margins are far
	// above F16 rounding (tied heads share the embedding's slice).
	scale := func(s []float32, f float32) {
		for i := range s {
			s[i] *= f
		}
	}
	scale(m.W.Embed, 4)
	if !*tied {
		scale(m.W.Head, 4)
	}
	jitter := func(s []float32, base, spread float64) {
		for i := range s {
			s[i] = float32(base + spread*r.NormFloat64())
		}
	}
	for _, ly := range m.W.Layers {
		jitter(ly.AttnNorm, 1, 0.3)
		jitter(ly.MLPNorm, 1, 0.3)
		jitter(ly.BQKV, 0, 0.5)
	}
	jitter(m.W.Norm, 1, 0.3)
	if err := m.Save(*out, false); err != nil {
		return err
	}
	for _, name := range []string{"tokenizer.json", "tokenizer_config.json"} {
		b, err := os.ReadFile(filepath.Join(*from, name))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(*out, name), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// result is what greedy writes: the prompt, the chosen ids and, for each
// step, the chosen token's log-prob and the runner-up with its log-prob.
type result struct {
	Prompt         []int     `json:"prompt"`
	Tokens         []int     `json:"tokens"`
	LogProbs       []float64 `json:"logprobs"`
	Second         []int     `json:"second"`
	SecondLogProbs []float64 `json:"second_logprobs"`
}

func greedy(args []string) error {
	fs := flag.NewFlagSet("greedy", flag.ExitOnError)
	dir := fs.String("model", "", "model directory")
	msg := fs.String("message", "", "a user message, rendered with the chat template")
	idsJSON := fs.String("ids", "", "prompt token ids as a JSON array")
	n := fs.Int("n", 32, "tokens to generate at most")
	out := fs.String("out", "", "result JSON to write")
	reqOut := fs.String("request", "", "llama-server /completion request to write")
	fs.Parse(args)
	if *dir == "" || *out == "" || *reqOut == "" || (*msg == "") == (*idsJSON == "") {
		return errors.New("greedy: -model, -out, -request and one of -message or -ids are required")
	}
	m, err := model.Load(*dir)
	if err != nil {
		return err
	}
	tok, err := tokenizer.LoadDir(*dir)
	if err != nil {
		return err
	}
	eng, err := generate.LoadDir(*dir, 0)
	if err != nil {
		return err
	}
	var prompt []int
	msgs := []conv.Message{{Role: conv.RoleUser, Content: *msg}}
	if *msg != "" {
		if prompt, err = eng.Prompt(msgs); err != nil {
			return err
		}
	} else if err := json.Unmarshal([]byte(*idsJSON), &prompt); err != nil {
		return fmt.Errorf("greedy: -ids: %w", err)
	}
	// The end-of-turn tokens generate stops on (see generate.New).
	var stops []int
	for _, name := range []string{"<|im_end|>", "<|eot_id|>", "<|end_of_text|>", "<|endoftext|>", "</s>", "<|end|>"} {
		if id, ok := tok.TokenID(name); ok {
			stops = append(stops, id)
		}
	}
	res := result{Prompt: prompt}
	cache := m.NewKVCache(len(prompt) + *n)
	logits, err := m.Forward(prompt, 0, cache)
	if err != nil {
		return err
	}
	for pos := len(prompt); len(res.Tokens) < *n; pos++ {
		lp := logSoftmax(logits)
		best, second := top2(lp)
		res.Tokens = append(res.Tokens, best)
		res.LogProbs = append(res.LogProbs, lp[best])
		res.Second = append(res.Second, second)
		res.SecondLogProbs = append(res.SecondLogProbs, lp[second])
		if slices.Contains(stops, best) || len(res.Tokens) == *n {
			break
		}
		if logits, err = m.Forward([]int{best}, pos, cache); err != nil {
			return err
		}
	}
	if *msg != "" {
		// The product path: the engine's text must be these ids' text.
		got, err := eng.Generate(context.Background(), msgs, generate.Options{Temperature: 0, MaxNewTokens: *n})
		if err != nil {
			return err
		}
		ids := res.Tokens
		if len(ids) > 0 && slices.Contains(stops, ids[len(ids)-1]) {
			ids = ids[:len(ids)-1]
		}
		if want := tok.Decode(ids, true); got.Text != want {
			return fmt.Errorf("greedy: generate.Engine wrote %q, the argmax loop %q", got.Text, want)
		}
	}
	req := map[string]any{
		"prompt": prompt, "n_predict": *n, "temperature": 0, "top_k": 1, "top_p": 1, "min_p": 0,
		"repeat_penalty": 1, "return_tokens": true, "n_probs": 2, "cache_prompt": false,
	}
	if err := writeJSON(*reqOut, req); err != nil {
		return err
	}
	return writeJSON(*out, res)
}

// llamaResponse is the part of llama-server's /completion answer we read.
// completion_probabilities has one entry per token except that a token
// ending inside a UTF-8 character shares the entry of the token that
// completes it, so entries are matched to tokens by id.
type llamaResponse struct {
	Tokens []int `json:"tokens"`
	Probs  []struct {
		ID      int     `json:"id"`
		LogProb float64 `json:"logprob"`
		Top     []struct {
			ID      int     `json:"id"`
			LogProb float64 `json:"logprob"`
		} `json:"top_logprobs"`
	} `json:"completion_probabilities"`
	StopType string `json:"stop_type"`
}

// exitNearTie is compare's exit code for a divergence at a near-tie.
const exitNearTie = 3

func compare(args []string) error {
	fs := flag.NewFlagSet("compare", flag.ExitOnError)
	tendPath := fs.String("tend", "", "greedy's result JSON")
	llamaPath := fs.String("llama", "", "llama-server's /completion response")
	label := fs.String("label", "", "name printed with the result")
	maxDLP := fs.Float64("max-dlogprob", 0, "fail when a chosen token's log-probs differ by more than this (0: no limit)")
	fs.Parse(args)
	var t result
	var l llamaResponse
	if err := readJSON(*tendPath, &t); err != nil {
		return err
	}
	if err := readJSON(*llamaPath, &l); err != nil {
		return err
	}
	same := 0
	for same < len(t.Tokens) && same < len(l.Tokens) && t.Tokens[same] == l.Tokens[same] {
		same++
	}
	// step[i] is the token index of llama's i-th probability entry.
	step := make([]int, len(l.Probs))
	j := 0
	for i, p := range l.Probs {
		for j < len(l.Tokens) && l.Tokens[j] != p.ID {
			j++
		}
		step[i] = j
		j++
	}
	maxDiff, compared := 0.0, 0
	for i, p := range l.Probs {
		if s := step[i]; s < same {
			maxDiff = max(maxDiff, math.Abs(t.LogProbs[s]-p.LogProb))
			compared++
		}
	}
	minMargin := math.Inf(1)
	for i := range same {
		minMargin = min(minMargin, t.LogProbs[i]-t.SecondLogProbs[i])
	}
	fmt.Printf("%s: %d prompt ids; tend %d tokens, llama.cpp %d (stop: %s); %d identical; max |Δ log-prob| %.2g over %d steps; smallest top-1/top-2 margin %.3g\n",
		*label, len(t.Prompt), len(t.Tokens), len(l.Tokens), l.StopType, same, maxDiff, compared, minMargin)
	if *maxDLP > 0 && maxDiff > *maxDLP {
		return fmt.Errorf("%s: log-probs differ by up to %.2g, more than %g", *label, maxDiff, *maxDLP)
	}
	if same == len(t.Tokens) && same == len(l.Tokens) {
		return nil
	}
	msg := fmt.Sprintf("%s: ids differ at step %d:\n  tend  %v\n  llama %v", *label, same, t.Tokens, l.Tokens)
	if same == len(t.Tokens) || same == len(l.Tokens) {
		return errors.New(msg)
	}
	// A near-tie: llama.cpp picked tend's runner-up, and at this step both
	// tokens' log-probs agree between the two within twice the largest
	// difference on the identical prefix, so the step is as close as every
	// other and rounding alone decided between two almost equal tokens.
	a, b := t.Tokens[same], l.Tokens[same]
	tendMargin := t.LogProbs[same] - t.SecondLogProbs[same]
	da, db := math.Inf(1), math.Inf(1)
	for i, p := range l.Probs {
		if step[i] != same || p.ID != b {
			continue
		}
		db = math.Abs(p.LogProb - t.SecondLogProbs[same])
		for _, top := range p.Top {
			if top.ID == a {
				da = math.Abs(top.LogProb - t.LogProbs[same])
			}
		}
	}
	if t.Second[same] == b && da <= 2*maxDiff && db <= 2*maxDiff {
		fmt.Printf("%s: near-tie at step %d: tend chose %d over %d by %.2g; the two log-probs differ from llama.cpp's by %.2g and %.2g\n",
			*label, same, a, b, tendMargin, da, db)
		os.Exit(exitNearTie)
	}
	return fmt.Errorf("%s (tend margin %.3g; log-prob differences at that step %.3g and %.3g)", msg, tendMargin, da, db)
}

func encode(args []string) error {
	fs := flag.NewFlagSet("encode", flag.ExitOnError)
	dir := fs.String("model", "", "model directory")
	file := fs.String("file", "", "text file to encode")
	fs.Parse(args)
	tok, err := tokenizer.LoadDir(*dir)
	if err != nil {
		return err
	}
	text, err := os.ReadFile(*file)
	if err != nil {
		return err
	}
	ids := tok.Encode(string(text), false)
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = strconv.Itoa(id)
	}
	fmt.Printf("[%s]\n", strings.Join(parts, ", "))
	return nil
}

func logSoftmax(x []float32) []float64 {
	mx := float64(slices.Max(x))
	sum := 0.0
	for _, v := range x {
		sum += math.Exp(float64(v) - mx)
	}
	lse := mx + math.Log(sum)
	out := make([]float64, len(x))
	for i, v := range x {
		out[i] = float64(v) - lse
	}
	return out
}

// top2 returns the indices of the largest and second-largest values; ties
// go to the lower index, as generate's argmax does.
func top2(x []float64) (int, int) {
	best, second := 0, -1
	for i := 1; i < len(x); i++ {
		switch {
		case x[i] > x[best]:
			best, second = i, best
		case second < 0 || x[i] > x[second]:
			second = i
		}
	}
	return best, second
}

func writeJSON(path string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(b, '\n'), 0o644)
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}
