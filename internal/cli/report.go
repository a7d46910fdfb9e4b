package cli

import "github.com/spf13/cobra"

func newReportCmd(e *env) *cobra.Command {
	return &cobra.Command{Use: "report [DIR]", Short: "Print the one page", Args: maxOneArg}
}
