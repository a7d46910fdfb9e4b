package cli

import (
	"github.com/spf13/cobra"

	"github.com/threatmap/threatmap/internal/output"
	"github.com/threatmap/threatmap/internal/threat"
)

func newRulesCmd(e *env) *cobra.Command {
	var out outputFlags
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List the threat rules: what each fires on, its STRIDE letters and the controls it checks",
		Long: `rules prints the catalogue that drafts threats from the code. Each rule
fires on evidence (an LLM call in a route handler, a webhook route, an
upload, a committed secret), answers one or more of the six STRIDE
questions, rates difficulty for a zero-knowledge automated attacker and
impact, and suggests controls. A control with a check is marked
implemented only when the check finds it in the code.

` + formatsHelp(output.Rules),
		Example: `  threatmap rules
  threatmap rules --format json | jq -r '.[] | select(.stride | index("D")) | .id'
  threatmap rules -o md=docs/rules.md`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			targets, err := out.targets(e)
			if err != nil {
				return err
			}
			return out.write(e, targets, &output.Result{Rules: threat.Info()})
		},
	}
	out.add(cmd, output.Rules, "table", "")
	return cmd
}
