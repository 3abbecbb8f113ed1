// The root command and the list of subcommand groups. Adding a group means
// adding one line to newRootCmd; there are no init() registries.
package main

import (
	"github.com/spf13/cobra"
)

func newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "tend",
		Short: "Build, check and serve a supportive mental-health language model",
		Long: `tend curates conversation data, trains a small Llama-family model in pure Go,
keeps people safe with crisis detection and an output guard, evaluates
replies, lets clinicians review them, and serves an OpenAI-compatible API.

tend is not a therapist and its models are not one either.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.AddCommand(
		newVersionCmd(),
		newDataCmd(),
		newBenchCmd(),
		newTokenizerCmd(),
		newSourcesCmd(),
		newDemoCmd(),
		newServeCmd(),
		newChatCmd(),
		newSafetyCmd(),
		newEvalCmd(),
		newReviewCmd(),
		newTrainCmd(),
		newMergeCmd(),
		newExportCmd(),
		newRankCmd(),
	)
	return root
}
