// tend bench: measures the engine on this machine and prints JSON: matmul
// GFLOP/s on the shapes of a 135M model, milliseconds per AdamW training
// step of the reference config (with peak RSS), and decode tokens/s with the
// KV cache on a 135M-shaped model with random weights. The PyTorch twin of
// the training step is /work/shared/bench/torch_train_step.py (see --help).
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/tend-project/tend/model"
	"github.com/tend-project/tend/tensor"
)

type benchMatmul struct {
	Shape  string  `json:"shape"`
	GFLOPS float64 `json:"gflops"`
}

type benchTrain struct {
	Config    string  `json:"config"`
	Params    int     `json:"params"`
	Steps     int     `json:"steps"`
	MinMS     float64 `json:"min_ms"`
	MedianMS  float64 `json:"median_ms"`
	Loss      float64 `json:"final_loss"`
	PeakRSSMB float64 `json:"peak_rss_mib"`
	// StateMB is parameters, gradients and the two AdamW moments;
	// ActivationsMB the preallocated activation and scratch buffers.
	StateMB       float64 `json:"params_grads_adamw_mib"`
	ActivationsMB float64 `json:"activations_mib"`
	// LiveHeapMB is the Go heap in use right after a collection at the end:
	// peak RSS minus this is garbage-collector slack, not model memory.
	LiveHeapMB float64 `json:"live_heap_mib"`
}

type benchDecode struct {
	Config       string  `json:"config"`
	Weights      string  `json:"weights"`
	Batch        int     `json:"batch"` // sequences decoded together (ForwardBatch)
	Tokens       int     `json:"tokens"`
	TokensPerSec float64 `json:"tokens_per_sec"`
	PeakRSSMB    float64 `json:"peak_rss_mib"`
}

type benchTorch struct {
	Script      string  `json:"script"`
	MinMS       float64 `json:"min_ms"`
	MedianMS    float64 `json:"median_ms"`
	PeakRSSMB   float64 `json:"peak_rss_mib"`
	RatioMin    float64 `json:"tend_over_torch_min"`
	RatioMedian float64 `json:"tend_over_torch_median"`
}

type benchReport struct {
	Kernel  string        `json:"kernel"`
	Threads int           `json:"threads"`
	Matmul  []benchMatmul `json:"matmul,omitempty"`
	Train   *benchTrain   `json:"train,omitempty"`
	Decode  []benchDecode `json:"decode,omitempty"`
	Torch   *benchTorch   `json:"torch_train,omitempty"`
}

func newBenchCmd() *cobra.Command {
	var only string
	var steps, tokens int
	var torchScript, python string
	cmd := &cobra.Command{
		Use:   "bench",
		Short: "Measure matmul, training-step and decode speed; print JSON",
		Long: `bench measures the engine and prints JSON.

  matmul  GFLOP/s of tensor.Gemm on 512×576·576×1536, 512×576·576×576,
          512×1536·1536×576 and 512×576·576×49152
  train   ms per AdamW training step of the reference config (4 layers,
          hidden 256, 4 heads, 2 KV heads, SwiGLU 704, vocabulary 8000,
          batch 4 × sequence 128), and peak RSS
  decode  tokens/s with the KV cache for a 135M-shaped model (hidden 576,
          30 layers, 9 heads, 3 KV heads, intermediate 1536, vocabulary
          49152) with random weights, in float32, with bfloat16 copies, and
          for 8 sequences at once (bfloat16)

With --torch SCRIPT, the PyTorch twin of the training step runs right
after tend's (same steps, OPENBLAS_NUM_THREADS=1, OPENBLAS_CORETYPE and
OPENBLAS_L2_SIZE unset) and the JSON gains the tend/PyTorch ratios:
  tend bench --only train --torch bench/torch_train_step.py`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if only != "" && only != "matmul" && only != "train" && only != "decode" {
				return fmt.Errorf("--only: want matmul, train or decode, got %q", only)
			}
			rep := benchReport{Kernel: tensor.KernelName(), Threads: tensor.Threads()}
			errw := cmd.ErrOrStderr()
			// Train first: peak RSS is per process, so it is only the training
			// step's own figure while nothing larger has run.
			if only == "" || only == "train" {
				fmt.Fprintln(errw, "bench: training step")
				t, err := benchTrainStep(steps)
				if err != nil {
					return err
				}
				rep.Train = t
				if torchScript != "" {
					fmt.Fprintln(errw, "bench: PyTorch training step")
					tt, err := benchTorchStep(cmd.Context(), python, torchScript, steps)
					if err != nil {
						return err
					}
					tt.RatioMin, tt.RatioMedian = t.MinMS/tt.MinMS, t.MedianMS/tt.MedianMS
					rep.Torch = tt
				}
			}
			if only == "" || only == "matmul" {
				fmt.Fprintln(errw, "bench: matmul")
				rep.Matmul = benchMatmuls()
			}
			if only == "" || only == "decode" {
				fmt.Fprintln(errw, "bench: decode")
				d, err := benchDecoding(tokens)
				if err != nil {
					return err
				}
				rep.Decode = d
			}
			out, err := json.MarshalIndent(rep, "", "  ")
			if err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), string(out))
			return nil
		},
	}
	cmd.Flags().StringVar(&only, "only", "", "run one benchmark: matmul, train or decode")
	cmd.Flags().IntVar(&steps, "steps", 10, "training steps to time (after 2 warm-up steps)")
	cmd.Flags().IntVar(&tokens, "tokens", 64, "tokens to decode")
	cmd.Flags().StringVar(&torchScript, "torch", "", "PyTorch twin of the training step to run for the ratio")
	cmd.Flags().StringVar(&python, "python", "/usr/bin/python3", "Python interpreter with torch, for --torch")
	return cmd
}

func randFill(r *rand.Rand, x []float32) {
	for i := range x {
		x[i] = float32(r.NormFloat64())
	}
}

func benchMatmuls() []benchMatmul {
	r := rand.New(rand.NewPCG(1, 1))
	var out []benchMatmul
	for _, s := range [][3]int{{512, 576, 1536}, {512, 576, 576}, {512, 1536, 576}, {512, 576, 49152}} {
		m, k, n := s[0], s[1], s[2]
		a, b, c := make([]float32, m*k), make([]float32, k*n), make([]float32, m*n)
		randFill(r, a)
		randFill(r, b)
		tensor.Gemm(false, false, m, n, k, 1, a, k, b, n, 0, c, n) // warm up
		best := time.Duration(1 << 62)
		deadline := time.Now().Add(700 * time.Millisecond)
		for i := 0; i < 3 || time.Now().Before(deadline); i++ {
			t0 := time.Now()
			tensor.Gemm(false, false, m, n, k, 1, a, k, b, n, 0, c, n)
			best = min(best, time.Since(t0))
		}
		out = append(out, benchMatmul{fmt.Sprintf("%dx%d·%dx%d", m, k, k, n), 2 * float64(m*n*k) / best.Seconds() / 1e9})
	}
	return out
}

func benchConfig(arch string, V, C, L, H, KV, F int, tied bool) (model.Config, error) {
	js := fmt.Sprintf(`{"architectures":[%q],"vocab_size":%d,"hidden_size":%d,"num_hidden_layers":%d,
		"num_attention_heads":%d,"num_key_value_heads":%d,"intermediate_size":%d,"max_position_embeddings":2048,
		"rms_norm_eps":1e-5,"rope_theta":10000,"tie_word_embeddings":%v}`, arch, V, C, L, H, KV, F, tied)
	return model.ParseConfig([]byte(js))
}

func peakRSSMiB() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Maxrss) / 1024 // Linux reports KiB
}

func benchTrainStep(steps int) (*benchTrain, error) {
	const B, T, V = 4, 128, 8000
	cfg, err := benchConfig("LlamaForCausalLM", V, 256, 4, 4, 2, 704, false)
	if err != nil {
		return nil, err
	}
	m, err := model.New(cfg, 1)
	if err != nil {
		return nil, err
	}
	m.EnableGrads()
	opt := model.NewAdamW(len(m.Params), 1e-3, 0.01)
	r := rand.New(rand.NewPCG(2, 2))
	b := &model.Batch{B: B, T: T, Tokens: make([]int32, B*T), Targets: make([]int32, B*T)}
	var times []float64
	var loss float64
	for step := range steps + 2 {
		for i := range b.Tokens {
			b.Tokens[i], b.Targets[i] = int32(r.IntN(V)), int32(r.IntN(V))
		}
		t0 := time.Now()
		m.ZeroGrad()
		if loss, err = m.TrainStep(b); err != nil {
			return nil, err
		}
		if err := opt.Update(m.Params, m.Grads); err != nil {
			return nil, err
		}
		if step >= 2 {
			times = append(times, float64(time.Since(t0).Microseconds())/1e3)
		}
	}
	slices.Sort(times)
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	runtime.KeepAlive(opt) // the optimizer state counts as live
	return &benchTrain{LiveHeapMB: float64(ms.HeapAlloc) / (1 << 20), Config: "L4 C256 H4 KV2 F704 V8000, B4×T128", Params: len(m.Params), Steps: steps,
		MinMS: times[0], MedianMS: times[len(times)/2], Loss: loss, PeakRSSMB: peakRSSMiB(),
		StateMB: float64(4*len(m.Params)*4) / (1 << 20), ActivationsMB: float64(m.ActivationBytes()) / (1 << 20)}, nil
}

// benchDecoding decodes with float32 weights, then with bfloat16 copies.
func benchDecoding(tokens int) ([]benchDecode, error) {
	cfg, err := benchConfig("LlamaForCausalLM", 49152, 576, 30, 9, 3, 1536, true)
	if err != nil {
		return nil, err
	}
	m, err := model.New(cfg, 3)
	if err != nil {
		return nil, err
	}
	var out []benchDecode
	for _, weights := range []string{"f32", "bf16"} {
		if weights == "bf16" {
			m.UseBF16()
		}
		runtime.GC()
		c := m.NewKVCache(tokens + 1)
		tok := 1
		if _, err := m.Forward([]int{tok}, 0, c); err != nil { // warm up, fills position 0
			return nil, err
		}
		t0 := time.Now()
		for i := range tokens {
			logits, err := m.Forward([]int{tok}, i+1, c)
			if err != nil {
				return nil, err
			}
			tok = argmax(logits)
		}
		out = append(out, benchDecode{Config: "135M shape: L30 C576 H9 KV3 F1536 V49152, tied embeddings", Weights: weights, Batch: 1,
			Tokens: tokens, TokensPerSec: float64(tokens) / time.Since(t0).Seconds(), PeakRSSMB: peakRSSMiB()})
	}
	// Eight sequences per step, as a server or an evaluation run would batch.
	const seqs = 8
	caches := make([]*model.KVCache, seqs)
	toks, pos := make([]int, seqs), make([]int, seqs)
	for i := range caches {
		caches[i] = m.NewKVCache(tokens)
		toks[i] = i + 1
	}
	t0 := time.Now()
	for range tokens {
		logits, err := m.ForwardBatch(toks, pos, caches)
		if err != nil {
			return nil, err
		}
		for i := range toks {
			toks[i] = argmax(logits[i])
			pos[i]++
		}
	}
	out = append(out, benchDecode{Config: "135M shape: L30 C576 H9 KV3 F1536 V49152, tied embeddings", Weights: "bf16", Batch: seqs,
		Tokens: seqs * tokens, TokensPerSec: float64(seqs*tokens) / time.Since(t0).Seconds(), PeakRSSMB: peakRSSMiB()})
	return out, nil
}

// torchSteady matches the summary line of torch_train_step.py.
var torchSteady = regexp.MustCompile(`steady min ([0-9.]+) ms median ([0-9.]+) ms.*peak RSS ([0-9.]+) MiB`)

func benchTorchStep(ctx context.Context, python, script string, steps int) (*benchTorch, error) {
	c := exec.CommandContext(ctx, python, script, strconv.Itoa(steps+2))
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "OPENBLAS_CORETYPE=") && !strings.HasPrefix(kv, "OPENBLAS_L2_SIZE=") && !strings.HasPrefix(kv, "OPENBLAS_NUM_THREADS=") {
			env = append(env, kv)
		}
	}
	c.Env = append(env, "OPENBLAS_NUM_THREADS=1")
	c.Stderr = os.Stderr
	out, err := c.Output()
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", python, script, err)
	}
	// tend's own twin (bench/torch_train_step.py) prints one JSON object.
	var js struct {
		Min    float64 `json:"ms_per_step_min"`
		Median float64 `json:"ms_per_step_median"`
		RSS    float64 `json:"peak_rss_mb"`
	}
	if json.Unmarshal(bytes.TrimSpace(out), &js) == nil && js.Min > 0 {
		return &benchTorch{Script: script, MinMS: js.Min, MedianMS: js.Median, PeakRSSMB: js.RSS}, nil
	}
	m := torchSteady.FindSubmatch(out)
	if m == nil {
		return nil, fmt.Errorf("%s: no \"steady min … ms median … ms … peak RSS … MiB\" line in its output", script)
	}
	t := &benchTorch{Script: script}
	t.MinMS, _ = strconv.ParseFloat(string(m[1]), 64)
	t.MedianMS, _ = strconv.ParseFloat(string(m[2]), 64)
	t.PeakRSSMB, _ = strconv.ParseFloat(string(m[3]), 64)
	return t, nil
}

func argmax(x []float32) int {
	best := 0
	for i, v := range x {
		if v > x[best] {
			best = i
		}
	}
	return best
}
