// tend tokenizer: train a byte-level BPE tokenizer on a corpus, and encode
// or decode text with any Hugging Face tokenizer.json from the command line.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/tend-project/tend/atomicfile"
	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/tokenizer"
)

func newTokenizerCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "tokenizer",
		Short: "Train a BPE tokenizer, and encode or decode text with one",
	}
	cmd.AddCommand(newTokenizerTrainCmd(), newTokenizerEncodeCmd(), newTokenizerDecodeCmd(), newTokenizerRenderCmd())
	return cmd
}

func newTokenizerTrainCmd() *cobra.Command {
	var (
		opts  tokenizer.TrainOptions
		out   string
		bos   string
		chat  string
		force bool
	)
	cmd := &cobra.Command{
		Use:   "train --vocab N --out tokenizer.json CORPUS...",
		Short: "Train a byte-level BPE tokenizer and write a Hugging Face tokenizer.json",
		Long: `Train a byte-level BPE tokenizer on text files or tend JSONL conversation
files (*.jsonl, one conversation per line; every message's content is used).
Files are streamed. The written tokenizer.json has the pre-tokenizer,
normalizer and post-processor of the chosen family (gpt2, llama3 or qwen2)
and loads in tend and in Hugging Face's tokenizers library. When the special
tokens fit a built-in chat template, a tokenizer_config.json carrying it is
written next to the tokenizer, so the directory works as a model's tokenizer.`,
		Example: `  tend tokenizer train --vocab 8000 --out model/tokenizer.json corpus/seed/conversations.jsonl
  tend tokenizer train --vocab 32000 --pattern qwen2 --special '<|endoftext|>,<|im_start|>,<|im_end|>' --out tok/tokenizer.json books/*.txt`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if out == "" {
				return errors.New("--out is required")
			}
			switch bos {
			case "auto":
				opts.BOS = ""
				if opts.Pattern == "llama3" && slices.Contains(opts.Special, "<|begin_of_text|>") {
					opts.BOS = "<|begin_of_text|>"
				}
			case "none":
				opts.BOS = ""
			default:
				opts.BOS = bos
			}
			tr, err := tokenizer.NewTrainer(opts)
			if err != nil {
				return err
			}
			if chat == "auto" {
				chat = tokenizer.TemplateFor(opts.Special)
			}
			var config []byte
			cfgPath := filepath.Join(filepath.Dir(out), "tokenizer_config.json")
			if chat != "" && chat != "none" {
				tmpl, err := tokenizer.BuiltinTemplate(chat)
				if err != nil {
					return err
				}
				if config, err = tokenizer.ConfigJSON(tmpl); err != nil {
					return err
				}
			}
			for _, p := range []string{out, cfgPath} {
				if _, err := os.Stat(p); err == nil && !force && (p == out || config != nil) {
					return fmt.Errorf("%s: %w", p, atomicfile.ErrExists)
				}
			}
			stderr := cmd.ErrOrStderr()
			start := time.Now()
			for _, path := range args {
				if err := addCorpus(tr, path, stderr); err != nil {
					return err
				}
			}
			words, n := tr.Words()
			fmt.Fprintf(stderr, "counted %d distinct words in %.1f MB (%s)\n", words, float64(n)/1e6, time.Since(start).Round(time.Millisecond))
			last, shown := time.Now(), false
			data, err := tr.Train(func(v int) {
				if time.Since(last) > 500*time.Millisecond {
					fmt.Fprintf(stderr, "\rmerging: vocab %d/%d", v, opts.VocabSize)
					last, shown = time.Now(), true
				}
			})
			if shown {
				fmt.Fprintln(stderr)
			}
			if err != nil {
				return err
			}
			tok, err := tokenizer.Parse(data, out)
			if err != nil {
				return fmt.Errorf("the trained tokenizer does not load back: %w", err)
			}
			if err := atomicfile.WriteFile(out, data, force); err != nil {
				return err
			}
			fmt.Fprintf(stderr, "wrote %s: vocab %d in %s\n", out, tok.VocabSize(), time.Since(start).Round(time.Millisecond))
			if tok.VocabSize() < opts.VocabSize {
				fmt.Fprintf(stderr, "note: stopped below --vocab %d because no pair occurs --min-frequency %d times; use more text\n", opts.VocabSize, opts.MinFrequency)
			}
			if config != nil {
				if err := atomicfile.WriteFile(cfgPath, config, force); err != nil {
					return err
				}
				fmt.Fprintf(stderr, "wrote %s with the %s chat template\n", cfgPath, chat)
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.IntVar(&opts.VocabSize, "vocab", 8000, "vocabulary size, counting special and byte tokens")
	f.StringSliceVar(&opts.Special, "special", tokenizer.TendSpecialTokens, "special tokens (comma-separated), given the first ids")
	f.StringVar(&opts.Pattern, "pattern", "llama3", "pre-tokenizer family: gpt2, llama3 or qwen2")
	f.StringVar(&bos, "bos", "auto", `token the post-processor adds before each sequence; "auto" uses <|begin_of_text|> for llama3, "none" adds nothing`)
	f.IntVar(&opts.MinFrequency, "min-frequency", 2, "stop when the best pair occurs fewer times")
	f.BoolVar(&opts.LegacyMerges, "legacy-merges", false, `write merges as "a b" strings for Hugging Face tokenizers older than 0.20`)
	f.StringVar(&chat, "chat-template", "auto", `built-in chat template (tend, llama3, chatml) written to tokenizer_config.json next to --out; "auto" picks the one the special tokens fit, "none" writes no config`)
	f.StringVar(&out, "out", "", "output tokenizer.json")
	f.BoolVar(&force, "force", false, "overwrite --out if it exists")
	return cmd
}

// addCorpus streams one file into the trainer.
func addCorpus(tr *tokenizer.Trainer, path string, progress io.Writer) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if strings.HasSuffix(path, ".jsonl") {
		r := conv.NewReader[conv.Conversation](f, path)
		for {
			c, err := r.Next()
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return err
			}
			for _, m := range c.Messages {
				tr.Add(m.Content)
			}
		}
	}
	// Text is cut into chunks of about 64 KB at lines that start a new
	// paragraph-like block, so whitespace runs are never split.
	br := bufio.NewReaderSize(f, 1<<16)
	var chunk strings.Builder
	var total int64
	for {
		line, err := br.ReadString('\n')
		if line != "" {
			if chunk.Len() >= 1<<16 && line[0] != ' ' && line[0] != '\t' && line[0] != '\n' && line[0] != '\r' {
				tr.Add(chunk.String())
				total += int64(chunk.Len())
				chunk.Reset()
				if total%(8<<20) < 1<<16 {
					fmt.Fprintf(progress, "reading %s: %.0f MB\n", filepath.Base(path), float64(total)/1e6)
				}
			}
			chunk.WriteString(line)
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
	}
	tr.Add(chunk.String())
	return nil
}

// loadTokenizerArg accepts a tokenizer.json or a model directory.
func loadTokenizerArg(path string) (*tokenizer.Tokenizer, error) {
	if path == "" {
		return nil, errors.New("--tokenizer is required")
	}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return tokenizer.LoadDir(path)
	}
	return tokenizer.Load(path)
}

func newTokenizerEncodeCmd() *cobra.Command {
	var (
		path       string
		addSpecial bool
	)
	cmd := &cobra.Command{
		Use:   "encode --tokenizer FILE",
		Short: "Print each stdin line's token ids as a JSON array",
		Long: `Read text lines from stdin and print each line's token ids as a JSON array,
one per line. The line break itself is not encoded. Special tokens written in
the text (such as <|im_start|>) are recognised.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			tok, err := loadTokenizerArg(path)
			if err != nil {
				return err
			}
			sc := bufio.NewScanner(cmd.InOrStdin())
			sc.Buffer(make([]byte, 1<<20), 64<<20)
			w := bufio.NewWriter(cmd.OutOrStdout())
			for sc.Scan() {
				line := strings.TrimSuffix(sc.Text(), "\r")
				ids := tok.Encode(line, addSpecial)
				if ids == nil {
					ids = []int{}
				}
				b, _ := json.Marshal(ids)
				w.Write(b)
				w.WriteByte('\n')
			}
			if err := sc.Err(); err != nil {
				return fmt.Errorf("stdin: %w", err)
			}
			return w.Flush()
		},
	}
	cmd.Flags().StringVar(&path, "tokenizer", "", "tokenizer.json or a model directory")
	cmd.Flags().BoolVar(&addSpecial, "add-special", false, "add the post-processor's tokens (such as BOS)")
	return cmd
}

func newTokenizerDecodeCmd() *cobra.Command {
	var (
		path        string
		skipSpecial bool
	)
	cmd := &cobra.Command{
		Use:   "decode --tokenizer FILE",
		Short: "Read JSON arrays of token ids from stdin and print their text",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			tok, err := loadTokenizerArg(path)
			if err != nil {
				return err
			}
			sc := bufio.NewScanner(cmd.InOrStdin())
			sc.Buffer(make([]byte, 1<<20), 64<<20)
			w := bufio.NewWriter(cmd.OutOrStdout())
			for line := 1; sc.Scan(); line++ {
				if strings.TrimSpace(sc.Text()) == "" {
					continue
				}
				var ids []int
				if err := json.Unmarshal(sc.Bytes(), &ids); err != nil {
					return fmt.Errorf("stdin:%d: want a JSON array of ids: %w", line, err)
				}
				for k, id := range ids {
					if id < 0 || id >= tok.VocabSize() {
						return fmt.Errorf("stdin:%d: ids[%d] = %d is outside the vocabulary (size %d)", line, k, id, tok.VocabSize())
					}
				}
				w.WriteString(tok.Decode(ids, skipSpecial))
				w.WriteByte('\n')
			}
			if err := sc.Err(); err != nil {
				return fmt.Errorf("stdin: %w", err)
			}
			return w.Flush()
		},
	}
	cmd.Flags().StringVar(&path, "tokenizer", "", "tokenizer.json or a model directory")
	cmd.Flags().BoolVar(&skipSpecial, "skip-special", false, "leave special tokens out of the text")
	return cmd
}

func newTokenizerRenderCmd() *cobra.Command {
	var (
		path, tmplName string
		show           bool
	)
	cmd := &cobra.Command{
		Use:   "render --tokenizer DIR CONVERSATIONS.jsonl",
		Short: "Render conversations with a chat template into token ids and a loss mask",
		Long: `Render each conversation with the tokenizer's chat template (or a built-in
one) and print {"id", "input_ids", "loss_mask"} per line; loss_mask is 1 on
the tokens of each assistant reply and its end-of-turn token. With --show,
print the rendered text instead, with the trained-on spans between ⟦ and ⟧,
to check what a fine-tune will learn.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			tok, err := loadTokenizerArg(path)
			if err != nil {
				return err
			}
			tmpl := tok.ChatTemplate()
			if tmplName != "" {
				if tmpl, err = tokenizer.BuiltinTemplate(tmplName); err != nil {
					return err
				}
			}
			f, err := os.Open(args[0])
			if err != nil {
				return err
			}
			defer f.Close()
			r := conv.NewReader[conv.Conversation](f, args[0])
			w := bufio.NewWriter(cmd.OutOrStdout())
			for {
				c, err := r.Next()
				if err == io.EOF {
					break
				}
				if err != nil {
					return err
				}
				ids, mask, err := tok.RenderChat(tmpl, c.Messages, false)
				if err != nil {
					return fmt.Errorf("%s:%d: %w", args[0], r.Line(), err)
				}
				if show {
					fmt.Fprintf(w, "=== %s\n%s\n", c.ID, showMask(tok, ids, mask))
					continue
				}
				m := make([]int, len(mask))
				for i, b := range mask {
					if b {
						m[i] = 1
					}
				}
				b, _ := json.Marshal(struct {
					ID       string `json:"id"`
					InputIDs []int  `json:"input_ids"`
					LossMask []int  `json:"loss_mask"`
				}{c.ID, ids, m})
				w.Write(b)
				w.WriteByte('\n')
			}
			return w.Flush()
		},
	}
	cmd.Flags().StringVar(&path, "tokenizer", "", "model directory (tokenizer.json + tokenizer_config.json) or tokenizer.json")
	cmd.Flags().StringVar(&tmplName, "template", "", "built-in template to use instead of the tokenizer's: "+strings.Join(tokenizer.BuiltinTemplateNames, ", "))
	cmd.Flags().BoolVar(&show, "show", false, "print the text with masked spans marked instead of ids")
	return cmd
}

// showMask returns the decoded text with masked runs between ⟦ and ⟧.
func showMask(tok *tokenizer.Tokenizer, ids []int, mask []bool) string {
	var b strings.Builder
	for i := 0; i < len(ids); {
		j := i
		for j < len(ids) && mask[j] == mask[i] {
			j++
		}
		text := tok.Decode(ids[i:j], false)
		if mask[i] {
			text = "⟦" + text + "⟧"
		}
		b.WriteString(text)
		i = j
	}
	return b.String()
}
