package output

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/threatmap/threatmap/internal/escape"
	"github.com/threatmap/threatmap/internal/facts"
)

// scanTableTitle opens the scan table; it also tells a table threatmap
// wrote from a file a person wrote.
const scanTableTitle = "threatmap scan of "

// writeScanTable writes the facts readably, section by section.
func writeScanTable(w io.Writer, f *facts.Facts) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	// row prints one line; every value is escaped for a terminal, so a tab
	// or a line break in a name cannot shift a column or start a line.
	row := func(format string, args ...any) {
		for i, a := range args {
			if s, ok := a.(string); ok {
				args[i] = escape.Terminal(s)
			}
		}
		fmt.Fprintf(tw, format, args...)
	}
	section := func(title string, n int) bool {
		fmt.Fprintf(tw, "\n%s (%d)\n", title, n)
		return n > 0
	}
	ev := func(es []facts.Evidence) string {
		if len(es) == 0 {
			return ""
		}
		s := fmt.Sprintf("%s:%d", es[0].File, es[0].Line)
		if len(es) > 1 {
			s += fmt.Sprintf(" (+%d)", len(es)-1)
		}
		return s
	}
	row(scanTableTitle+"%s: %d files read\n", f.Root, f.Stats.Files)
	if section("Entry points", len(f.Surfaces)) {
		fmt.Fprintln(tw, "  METHOD\tPATH\tAUTH\tTAGS\tWHERE")
		for _, r := range f.Surfaces {
			row("  %s\t%s\t%s\t%s\t%s:%d\n", r.Method, r.Path, r.Auth, strings.Join(r.Tags, ","), r.File, r.Line)
		}
	}
	if f.Stats.RoutesMissed > 0 {
		row("  (and %d route registrations that could not be composed: see Warnings)\n", f.Stats.RoutesMissed)
	}
	if section("Third parties", len(f.ThirdParties)) {
		for _, t := range f.ThirdParties {
			row("  %s\t%s\t%s\t%s\n", t.Service, t.Category, strings.Join(t.Credentials, ","), ev(t.Evidence))
		}
	}
	if section("Assets", len(f.Assets)) {
		for _, a := range f.Assets {
			row("  %s\t%s\t%s\t%s\n", a.Kind, a.Name, strings.Join(a.Fields, ","), ev(a.Evidence))
		}
	}
	if section("Stores", len(f.Stores)) {
		for _, s := range f.Stores {
			row("  %s\t%s\t%s\n", s.Kind, s.Name, ev(s.Evidence))
		}
	}
	if section("Exits", len(f.Exits)) {
		for _, x := range f.Exits {
			row("  %s\t%s\t%s\n", x.Kind, x.Detail, ev(x.Evidence))
		}
	}
	if section("Secrets (redacted)", len(f.Secrets)) {
		for _, s := range f.Secrets {
			row("  %s\t%s\t%s:%d\n", s.Rule, s.Redacted, s.File, s.Line)
		}
	}
	if section("Credentials read", len(f.Credentials)) {
		for _, c := range f.Credentials {
			kind := "config"
			if c.Secret {
				kind = "secret"
			}
			row("  %s\t%s\t%s\t%s\n", c.Name, kind, c.Service, ev(c.Evidence))
		}
	}
	if section("Infrastructure", len(f.Infrastructure)) {
		for _, x := range f.Infrastructure {
			row("  %s\t%s\t%s\n", x.Kind, x.Detail, ev(x.Evidence))
		}
	}
	if section("Pipeline", len(f.Pipeline)) {
		for _, x := range f.Pipeline {
			row("  %s\t%s\t%s\n", x.Kind, x.Detail, ev(x.Evidence))
		}
	}
	if section("Controls found", len(f.Controls)) {
		for _, x := range f.Controls {
			row("  %s\t%s\t%s\n", x.Kind, x.Detail, ev(x.Evidence))
		}
	}
	if len(f.Warnings) > 0 {
		section("Warnings", len(f.Warnings))
		for _, x := range f.Warnings {
			row("  %s\t%s\n", x.Where(), x.Message)
		}
	}
	return tw.Flush()
}
