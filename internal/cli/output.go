package cli

import (
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/threatmap/threatmap/internal/output"
)

// outputFlags are a command's --format and -o, resolved through the one
// format registry (internal/output).
type outputFlags struct {
	family output.Family
	format string
	outs   []string
}

// outputHelp ends the --help of every command that prints a result.
const outputHelp = `-o PATH writes the --format output to PATH instead of standard output.
-o FORMAT=PATH writes FORMAT to PATH and may repeat: one run writes several
formats, all rendered from the same result. -o - (or -o FORMAT=-) is
standard output, which gets nothing else once -o is given. Files are
written atomically: a reader never sees half of one, and nothing is
replaced unless every output rendered. A device or a pipe (-o /dev/null)
is written into, never replaced; a symbolic link, a read-only file or a
file threatmap did not write is refused, and then nothing is written.`

// formatsHelp is the --help paragraph for a family: its formats, from the
// registry, then how -o works.
func formatsHelp(f output.Family) string {
	return output.Help(f) + "\n\n" + outputHelp
}

// add registers --format (default def; "" lets the family decide) and -o.
func (o *outputFlags) add(cmd *cobra.Command, f output.Family, def, defHelp string) {
	o.family = f
	help := "output format: " + strings.Join(output.Names(f), ", ")
	if defHelp != "" {
		help += " " + defHelp
	}
	cmd.Flags().StringVarP(&o.format, "format", "f", def, help)
	cmd.Flags().StringArrayVarP(&o.outs, "output", "o", nil, "write to `PATH` instead of standard output; FORMAT=PATH writes FORMAT there (repeatable; - is standard output)")
}

// targets resolves the outputs and checks each may be written, so that a
// bad name or a refused file ends the run before the scan.
func (o *outputFlags) targets(e *env) ([]output.Target, error) {
	ts, err := output.Targets(o.family, o.format, o.outs, isTerminal(e.stdout))
	if err != nil {
		return nil, usageErr("%v", err)
	}
	for _, t := range ts {
		if err := output.CanWrite(t.Path); err != nil {
			return nil, usageErr("%v; nothing was written", err)
		}
	}
	return ts, nil
}

// write renders r to every target.
func (o *outputFlags) write(e *env, ts []output.Target, r *output.Result) error {
	opt := output.Options{Version: version, Color: isTerminal(e.stdout) && os.Getenv("NO_COLOR") == ""}
	if err := output.Write(e.stdout, o.family, ts, r, opt); err != nil {
		return usageErr("%v", err)
	}
	return nil
}
