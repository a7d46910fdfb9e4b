package cli

import (
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/threatmap/threatmap/internal/catalog"
)

func newServicesCmd(e *env) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "services",
		Short: "List the third-party services and stores threatmap recognises",
		Long: `services prints the catalogue scan uses to name what the code depends on:
each service's id, category (llm, payments, storage, email, ...), the asset
at risk if it is abused (user-data, credentials, integrity), the packages
and imports that point to it, and the environment variables it reads.

Drivers (PostgreSQL, Redis, ...) are stores the product runs, not third
parties; they are listed with their store kind.`,
		Example: `  threatmap services
  threatmap services --format json | jq -r '.[] | select(.category == "llm") | .id'`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			services := catalog.All()
			switch format {
			case "json":
				enc := json.NewEncoder(e.stdout)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				return enc.Encode(services)
			case "table":
				tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
				fmt.Fprintln(tw, "ID\tNAME\tCATEGORY\tASSET\tSTORE\tENV")
				for _, s := range services {
					fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", s.ID, s.Name, s.Category, s.Asset, orDash(s.Store), orDash(strings.Join(s.Env, ",")))
				}
				return tw.Flush()
			default:
				return usageErr("unknown --format %q: use table or json", format)
			}
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "table", "table or json")
	return cmd
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
