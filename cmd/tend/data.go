// tend data: the data subcommand group (import, seed, and the curation
// stages). Each subcommand lives in its own data_*.go file.
package main

import "github.com/spf13/cobra"

func newDataCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "data",
		Short: "Import, generate and curate conversation data",
	}
	cmd.AddCommand(newDataImportCmd(), newDataExportCmd(), newDataSeedCmd())
	cmd.AddCommand(newDataCurateCmd(), newDataScrubCmd(), newDataDedupeCmd(), newDataSplitCmd())
	cmd.AddCommand(newDataFilterCmd(), newDataAnnotateCmd())
	return cmd
}
