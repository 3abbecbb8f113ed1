// tend chat: an interactive terminal chat for quick manual checks of a
// model. By default every turn goes through the same safety pipeline as
// tend serve; --raw shows the model's unguarded output instead.
package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/llm"
	"github.com/tend-project/tend/safety"
	"github.com/tend-project/tend/serve"
	"github.com/tend-project/tend/sources"
)

func newChatCmd() *cobra.Command {
	var dir, system, locale string
	var raw bool
	var maxTokens int
	var temperature float64
	cmd := &cobra.Command{
		Use:   "chat --model DIR",
		Short: "Chat with a model in the terminal, through the safety layer",
		Long: `Chat with a model directory in the terminal. Type a message and press Enter;
/reset starts over, /quit (or Ctrl-D) leaves. Replies stream as they are
generated and pass the same crisis detection and output guard as tend serve,
unless --raw is given.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if dir == "" {
				return errors.New("--model is required")
			}
			local, err := llm.OpenLocal("chat", dir, 0, 1)
			if err != nil {
				return err
			}
			local.Defaults.MaxNewTokens, local.Defaults.Temperature = maxTokens, temperature
			var turn func(msgs []conv.Message, out io.Writer) (string, error)
			if raw {
				turn = func(msgs []conv.Message, out io.Writer) (string, error) {
					if system != "" {
						msgs = append([]conv.Message{{Role: conv.RoleSystem, Content: system}}, msgs...)
					}
					resp, err := local.Generate(cmd.Context(), llm.Request{Messages: msgs}, func(s string) error {
						_, err := io.WriteString(out, s)
						return err
					})
					return resp.Text, err
				}
			} else {
				pol := safety.DefaultPolicy()
				if locale != "" {
					pol.Locale = locale
				}
				lib, err := sources.Bundled()
				if err != nil {
					return err
				}
				pipe, err := serve.NewPipeline(serve.Config{SystemPrompt: system, DetectConcerns: concernDetector()}, serve.Deps{
					Gen: local, Policy: &pol, Library: lib, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
				})
				if err != nil {
					return err
				}
				turn = func(msgs []conv.Message, out io.Writer) (string, error) {
					text, meta, err := pipe.Turn(cmd.Context(), msgs, "", func(s string) error {
						_, err := io.WriteString(out, s)
						return err
					})
					if err == nil && (meta.RiskLevel != "none" || len(meta.GuardRules) > 0) {
						fmt.Fprintf(out, "\n  [risk %s, path %s, guard %v]", meta.RiskLevel, meta.Path, meta.GuardRules)
					}
					return text, err
				}
			}
			return chatLoop(cmd.InOrStdin(), cmd.OutOrStdout(), turn)
		},
	}
	f := cmd.Flags()
	f.StringVar(&dir, "model", "", "model directory (tend or Hugging Face format)")
	f.StringVar(&system, "system", "", "system prompt (default: tend's boundary-setting prompt)")
	f.StringVar(&locale, "locale", "", "country for crisis resources")
	f.BoolVar(&raw, "raw", false, "show the model's output without the safety layer")
	f.IntVar(&maxTokens, "max-tokens", 200, "maximum tokens per reply")
	f.Float64Var(&temperature, "temperature", 0.7, "sampling temperature (0 = greedy)")
	return cmd
}

// chatLoop reads user lines and prints streamed replies until EOF or /quit.
func chatLoop(in io.Reader, out io.Writer, turn func([]conv.Message, io.Writer) (string, error)) error {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	var msgs []conv.Message
	fmt.Fprintln(out, "tend chat: you are talking to an AI, not a therapist. /reset starts over, /quit leaves.")
	for {
		fmt.Fprint(out, "\nyou> ")
		if !sc.Scan() {
			fmt.Fprintln(out)
			return sc.Err()
		}
		line := strings.TrimSpace(sc.Text())
		switch line {
		case "":
			continue
		case "/quit", "/exit":
			return nil
		case "/reset":
			msgs = nil
			fmt.Fprintln(out, "(new conversation)")
			continue
		}
		msgs = append(msgs, conv.Message{Role: conv.RoleUser, Content: line})
		fmt.Fprint(out, "tend> ")
		reply, err := turn(msgs, out)
		fmt.Fprintln(out)
		if err != nil {
			return err
		}
		msgs = append(msgs, conv.Message{Role: conv.RoleAssistant, Content: reply})
	}
}
