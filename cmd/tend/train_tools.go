// tend merge (fold a PEFT adapter into its base), tend export gguf (for
// llama.cpp and Ollama) and tend rank (best-of-n reranking with a reward
// model trained by `tend train reward`).
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/generate"
	"github.com/tend-project/tend/train"
)

func newMergeCmd() *cobra.Command {
	var base, adapter, out, dtype string
	var force bool
	cmd := &cobra.Command{
		Use:   "merge",
		Short: "Merge a LoRA adapter (PEFT format) into its base model",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if base == "" || adapter == "" || out == "" {
				return fmt.Errorf("--base, --adapter and --out are required")
			}
			if err := train.Merge(base, adapter, out, dtype, force); err != nil {
				return err
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "merged %s into %s → %s\n", adapter, base, out)
			return nil
		},
	}
	cmd.Flags().StringVar(&base, "base", "", "base model directory")
	cmd.Flags().StringVar(&adapter, "adapter", "", "adapter directory (adapter_config.json, adapter_model.safetensors)")
	cmd.Flags().StringVar(&out, "out", "", "merged model directory to write")
	cmd.Flags().StringVar(&dtype, "dtype", "F32", "stored weight type: F32, BF16 or F16")
	cmd.Flags().BoolVar(&force, "force", false, "overwrite --out")
	return cmd
}

func newExportCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "export", Short: "Export models to other formats"}
	var f32, force bool
	gguf := &cobra.Command{
		Use:   "gguf MODEL_DIR OUT.gguf",
		Short: "Write a model directory (with its tokenizer) as GGUF for llama.cpp and Ollama",
		Args:  cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := train.ExportGGUF(args[0], args[1], !f32, force); err != nil {
				return err
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "wrote %s\n", args[1])
			return nil
		},
	}
	gguf.Flags().BoolVar(&f32, "f32", false, "store matrices as F32 instead of F16")
	gguf.Flags().BoolVar(&force, "force", false, "overwrite OUT.gguf")
	cmd.AddCommand(gguf)
	return cmd
}

// rankRequest is one line of `tend rank --input`.
type rankRequest struct {
	Messages   []conv.Message `json:"messages"`
	Candidates []string       `json:"candidates"`
}

type rankResult struct {
	Messages   []conv.Message `json:"messages"`
	Candidates []string       `json:"candidates"`
	Scores     []float64      `json:"scores"`
	Best       int            `json:"best"`
}

func newRankCmd() *cobra.Command {
	var rewardDir, input, genDir, prompt string
	var n int
	var temp float64
	var seed uint64
	cmd := &cobra.Command{
		Use:   "rank",
		Short: "Best-of-n reranking with a reward model",
		Long: `Score candidate replies with a reward model (from tend train reward) and pick
the best. Either read JSONL lines {"messages": [...], "candidates": [...]} from
--input (- for stdin), or generate --n candidates to --prompt with --model.
Writes JSONL with the scores and the index of the best candidate.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if rewardDir == "" {
				return fmt.Errorf("--reward is required")
			}
			rm, err := train.LoadRewardModel(rewardDir)
			if err != nil {
				return err
			}
			enc := json.NewEncoder(cmd.OutOrStdout())
			score := func(req rankRequest) error {
				s, err := rm.Rank(req.Messages, req.Candidates)
				if err != nil {
					return err
				}
				best := 0
				for i := range s {
					if s[i] > s[best] {
						best = i
					}
				}
				return enc.Encode(rankResult{req.Messages, req.Candidates, s, best})
			}
			if genDir != "" {
				if prompt == "" {
					return fmt.Errorf("--model needs --prompt")
				}
				eng, err := generate.LoadDir(genDir, 0)
				if err != nil {
					return err
				}
				msgs := []conv.Message{{Role: "user", Content: prompt}}
				req := rankRequest{Messages: msgs}
				for i := range n {
					r, err := eng.Generate(cmd.Context(), msgs, generate.Options{Temperature: temp, TopP: 0.95, Seed: seed + uint64(i), MaxNewTokens: 200})
					if err != nil {
						return err
					}
					req.Candidates = append(req.Candidates, r.Text)
				}
				return score(req)
			}
			var r io.Reader = os.Stdin
			if input != "-" && input != "" {
				f, err := os.Open(input)
				if err != nil {
					return err
				}
				defer f.Close()
				r = f
			}
			sc := bufio.NewScanner(r)
			sc.Buffer(make([]byte, 1<<20), 16<<20)
			for line := 1; sc.Scan(); line++ {
				if strings.TrimSpace(sc.Text()) == "" {
					continue
				}
				var req rankRequest
				if err := json.Unmarshal(sc.Bytes(), &req); err != nil {
					return fmt.Errorf("%s:%d: %w", input, line, err)
				}
				if len(req.Candidates) == 0 {
					return fmt.Errorf("%s:%d: no candidates", input, line)
				}
				if err := score(req); err != nil {
					return fmt.Errorf("%s:%d: %w", input, line, err)
				}
			}
			return sc.Err()
		},
	}
	cmd.Flags().StringVar(&rewardDir, "reward", "", "reward model directory (with score.safetensors)")
	cmd.Flags().StringVar(&input, "input", "-", "JSONL of {messages, candidates}; - for stdin")
	cmd.Flags().StringVar(&genDir, "model", "", "generate candidates with this model instead of reading --input")
	cmd.Flags().StringVar(&prompt, "prompt", "", "the user message to answer (with --model)")
	cmd.Flags().IntVar(&n, "n", 4, "candidates to generate (with --model)")
	cmd.Flags().Float64Var(&temp, "temperature", 0.8, "sampling temperature (with --model)")
	cmd.Flags().Uint64Var(&seed, "seed", 1, "sampling seed (with --model)")
	return cmd
}
