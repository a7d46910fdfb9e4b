package output

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/threatmap/threatmap/internal/threat"
)

// rulesTableHead opens the rules table: its header row.
const rulesTableHead = "RULE"

func writeRulesTable(w io.Writer, rules []threat.RuleInfo) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, rulesTableHead+"\tSTRIDE\tCWE\tTITLE")
	for _, r := range rules {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, strings.Join(r.Stride, ""), strings.Join(r.CWE, ","), r.Title)
	}
	return tw.Flush()
}
