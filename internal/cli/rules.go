package cli

import (
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/threatmap/threatmap/internal/threat"
)

func newRulesCmd(e *env) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List the threat rules: what each fires on, its STRIDE letters and the controls it checks",
		Long: `rules prints the catalogue that drafts threats from the code. Each rule
fires on evidence (an LLM call in a route handler, a webhook route, an
upload, a committed secret), answers one or more of the six STRIDE
questions, rates difficulty for a zero-knowledge automated attacker and
impact, and suggests controls. A control with a check is marked
implemented only when the check finds it in the code.

--format md prints the reference kept in docs/rules.md.`,
		Example: `  threatmap rules
  threatmap rules --format json | jq -r '.[] | select(.stride | index("D")) | .id'
  threatmap rules --format md > docs/rules.md`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			switch format {
			case "json":
				enc := json.NewEncoder(e.stdout)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				return enc.Encode(threat.Info())
			case "md":
				return threat.WriteReference(e.stdout)
			case "table":
				tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
				fmt.Fprintln(tw, "RULE\tSTRIDE\tCWE\tTITLE")
				for _, r := range threat.Info() {
					fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, strings.Join(r.Stride, ""), strings.Join(r.CWE, ","), r.Title)
				}
				return tw.Flush()
			}
			return usageErr("unknown --format %q: use table, json or md", format)
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "table", "table, json or md")
	return cmd
}
