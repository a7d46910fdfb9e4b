// Package output is the one registry of output formats. Every command that
// prints a result (report, check, diff, scan, export, rules) resolves --format and -o
// through it, --help lists each command's formats from it, and one run may
// write several formats (-o sarif=PATH -o md=PATH) rendered from one
// result. Files are written as reconcile writes the model: atomically, and
// never through a link, over a device or a read-only file, or over a file
// threatmap did not write.
package output

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/check"
	"github.com/threatmap/threatmap/internal/diff"
	"github.com/threatmap/threatmap/internal/exchange"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/report"
	"github.com/threatmap/threatmap/internal/threat"
)

// Family is the kind of result a command prints.
type Family string

// The families: one per command that prints a result.
const (
	Report Family = "report"
	Check  Family = "check"
	Diff   Family = "diff"
	Scan   Family = "scan"
	// Export is the model in another threat modelling tool's format
	// (threatmap export); those formats write the report family too.
	Export Family = "export"
	// Rules is the threat rules' catalogue (threatmap rules).
	Rules Family = "rules"
)

// Result is what one run produced. The field of the run's family is set;
// every output of the run renders from it.
type Result struct {
	Page  *report.Page
	Check *check.Report
	Diff  *diff.Result
	Scan  *facts.Facts
	Rules []threat.RuleInfo
}

// Options tune a rendering to where it goes.
type Options struct {
	Color   bool   // the human output may use colour (set for a terminal only)
	Version string // threatmap's version, named in SARIF
}

// Writer renders one family's result in one format.
type Writer struct {
	Help  string // one line, for --help
	Write func(w io.Writer, r *Result, o Options) error
}

// Format is a named output format and the families it writes.
type Format struct {
	Name    string   // what --format and -o NAME=PATH take
	Aliases []string // other names accepted for it
	Writers map[Family]Writer
	// Ours recognises the start of a file this format wrote, so that -o
	// replaces threatmap's own output and never a file a person wrote.
	Ours func(head []byte) bool
}

// Formats is every format. Each command's formats are listed in this
// order, its default first.
var Formats = []Format{
	{Name: "md", Aliases: []string{"markdown"}, Ours: oursMarkdown, Writers: map[Family]Writer{
		Report: {"GitHub-flavoured Markdown: the one page", func(w io.Writer, r *Result, _ Options) error { return report.Markdown{}.Write(w, r.Page) }},
		Check:  {"Markdown for a job summary or a pull-request comment", func(w io.Writer, r *Result, _ Options) error { return check.Markdown{}.Format(w, r.Check) }},
		Diff:   {"Markdown, ready to post as a pull-request comment", func(w io.Writer, r *Result, _ Options) error { return r.Diff.Markdown(w) }},
		Rules:  {"the reference kept in docs/rules.md", func(w io.Writer, _ *Result, _ Options) error { return threat.WriteReference(w) }},
	}},
	{Name: "html", Ours: oursHTML, Writers: map[Family]Writer{
		Report: {"one self-contained page to open in a browser or print", func(w io.Writer, r *Result, _ Options) error { return report.HTML{}.Write(w, r.Page) }},
	}},
	{Name: "human", Ours: oursHuman, Writers: map[Family]Writer{
		Check: {"findings grouped by kind, each with its fix, for a terminal or a CI log", func(w io.Writer, r *Result, o Options) error {
			return check.Human{Color: o.Color}.Format(w, r.Check)
		}},
	}},
	{Name: "table", Ours: oursTable, Writers: map[Family]Writer{
		Scan:  {"the facts, section by section, for a person (the default on a terminal)", func(w io.Writer, r *Result, _ Options) error { return writeScanTable(w, r.Scan) }},
		Rules: {"one rule a line: id, STRIDE letters, CWE, title", func(w io.Writer, r *Result, _ Options) error { return writeRulesTable(w, r.Rules) }},
	}},
	{Name: "json", Ours: oursJSON, Writers: map[Family]Writer{
		Report: {"the whole model with each threat's priority (schema/report.schema.json)", func(w io.Writer, r *Result, _ Options) error { return report.JSON{}.Write(w, r.Page) }},
		Check:  {"the findings and the verdict as one object", func(w io.Writer, r *Result, _ Options) error { return check.JSON{}.Format(w, r.Check) }},
		Diff:   {`{"base", "head", "surfaces", "threats", "gate"} as one object`, func(w io.Writer, r *Result, _ Options) error { return r.Diff.JSON(w) }},
		Scan:   {"every fact as one object (schema/scan.schema.json; the default anywhere but a terminal)", func(w io.Writer, r *Result, _ Options) error { return writeIndentedJSON(w, r.Scan.Listed()) }},
		Rules:  {"every rule with what it fires on, its rating and its controls", func(w io.Writer, r *Result, _ Options) error { return writeIndentedJSON(w, r.Rules) }},
	}},
	{Name: "otm", Ours: oursOTM, Writers: map[Family]Writer{
		Report: {"Open Threat Model 0.2.0 JSON, for IriusRisk and OWASP Threat Dragon (docs/formats.md)", writeOTM},
		Export: {"Open Threat Model 0.2.0 JSON, for IriusRisk and OWASP Threat Dragon (default)", writeOTM},
	}},
	{Name: "tmbom", Aliases: []string{"tm-bom"}, Ours: oursTMBOM, Writers: map[Family]Writer{
		Report: {"OWASP Threat Model Library TM-BOM 1.0.2 JSON (docs/formats.md)", writeTMBOM},
		Export: {"OWASP Threat Model Library TM-BOM 1.0.2 JSON", writeTMBOM},
	}},
	{Name: "sarif", Ours: oursSARIF, Writers: map[Family]Writer{
		Check: {"SARIF 2.1.0, for GitHub code scanning", func(w io.Writer, r *Result, o Options) error {
			return check.SARIF{Version: o.Version}.Format(w, r.Check)
		}},
	}},
	{Name: "github", Ours: oursGitHub, Writers: map[Family]Writer{
		Check: {"workflow commands that annotate the pull request", func(w io.Writer, r *Result, _ Options) error { return check.GitHub{}.Format(w, r.Check) }},
	}},
}

// Default is the format a family writes when none is named. Scan prints
// a table to a terminal and JSON anywhere else.
func Default(f Family, terminal bool) string {
	switch f {
	case Check:
		return "human"
	case Scan:
		if terminal {
			return "table"
		}
		return "json"
	case Export:
		return "otm"
	case Rules:
		return "table"
	}
	return "md"
}

// The exchange formats write the page's model: the model as written,
// with every secret redacted (report.Build).
func writeOTM(w io.Writer, r *Result, _ Options) error { return exchange.WriteOTM(w, r.Page.Model) }
func writeTMBOM(w io.Writer, r *Result, _ Options) error {
	return exchange.WriteTMBOM(w, r.Page.Model, r.Page.Flow.Mermaid())
}

// For lists the formats family writes, its default first.
func For(f Family) []*Format {
	var fs []*Format
	for i := range Formats {
		if _, ok := Formats[i].Writers[f]; ok {
			fs = append(fs, &Formats[i])
		}
	}
	def := Default(f, false)
	slices.SortStableFunc(fs, func(a, b *Format) int {
		switch {
		case a.Name == def && b.Name != def:
			return -1
		case b.Name == def && a.Name != def:
			return 1
		}
		return 0
	})
	return fs
}

// Names lists the names of the formats family writes, its default first.
func Names(f Family) []string {
	var names []string
	for _, ft := range For(f) {
		names = append(names, ft.Name)
	}
	return names
}

// Lookup returns the format called name (case-insensitive) for family;
// the error lists the formats it writes.
func Lookup(f Family, name string) (*Format, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	for _, ft := range For(f) {
		if ft.Name == n || slices.Contains(ft.Aliases, n) {
			return ft, nil
		}
	}
	return nil, fmt.Errorf("unknown format %q: use %s", name, strings.Join(Names(f), ", "))
}

// Help is the list of a family's formats for its command's --help.
func Help(f Family) string {
	var b strings.Builder
	b.WriteString("Formats (--format FORMAT, or -o FORMAT=PATH for several in one run):\n")
	for _, ft := range For(f) {
		line := ft.Writers[f].Help
		if ft.Name == Default(f, false) && f != Scan && f != Export {
			line += " (default)"
		}
		fmt.Fprintf(&b, "  %-7s %s\n", ft.Name, line)
	}
	return strings.TrimRight(b.String(), "\n")
}

// Write renders r with this format for family f.
func (ft *Format) Write(w io.Writer, f Family, r *Result, o Options) error {
	wr, ok := ft.Writers[f]
	if !ok {
		return fmt.Errorf("format %s does not write threatmap %s", ft.Name, f)
	}
	return wr.Write(w, r, o)
}
