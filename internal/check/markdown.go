package check

import (
	"fmt"
	"io"
	"strings"

	"github.com/threatmap/threatmap/internal/escape"
)

// MarkdownHeading starts the Markdown output, so a job summary or a
// pull-request comment bot can find it.
const MarkdownHeading = "## threatmap check"

// Markdown writes findings for a GitHub job summary or a pull-request
// comment: grouped by kind like the human output, each fix in a code
// block. Text from the code and the model is escaped (escape.Markdown,
// escape.Code): a route or file name cannot become a link, an image, a
// mention or markup, and keys are redacted as in JSON and SARIF.
type Markdown struct{}

// Format implements Formatter.
func (Markdown) Format(w io.Writer, r *Report) error {
	r = redacted(r)
	var b strings.Builder
	verdict := "passed"
	if r.Failed {
		verdict = "failed"
	}
	fmt.Fprintf(&b, "%s: %s\n\n", MarkdownHeading, verdict)
	if len(r.Findings) == 0 {
		fmt.Fprintf(&b, "%s is true to the code: no findings.\n", escape.Code(r.Model))
		_, err := io.WriteString(w, b.String())
		return err
	}
	counts := map[string]int{}
	for _, f := range r.Findings {
		counts[f.Level]++
	}
	fmt.Fprintf(&b, "%s: %d error(s), %d warning(s), %d note(s) (%s).\n", escape.Code(r.Model), counts[Error], counts[Warning], counts[Note], failOnText(r))
	for _, k := range Kinds {
		var fs []Finding
		for _, f := range r.Findings {
			if f.Kind == k.ID {
				fs = append(fs, f)
			}
		}
		if len(fs) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n### %s (%d)\n\n", escape.Markdown(k.Title), len(fs))
		for _, f := range fs {
			where := f.File
			if f.Line > 0 {
				where = fmt.Sprintf("%s:%d", where, f.Line)
			}
			if where != "" {
				where = escape.Code(where) + ": "
			}
			fmt.Fprintf(&b, "- **%s** %s%s\n", f.Level, where, escape.Markdown(f.Message))
			if fix := strings.TrimRight(f.Fix, "\n"); fix != "" {
				codeBlock(&b, "  ", fix)
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// codeBlock writes text as a fenced code block, each line indented by
// indent: inside it Markdown is inert, so only the fence must be longer
// than any run of backticks in the text, and each line is escaped as for
// a terminal.
func codeBlock(b *strings.Builder, indent, text string) {
	fence := "```"
	for strings.Contains(text, fence) {
		fence += "`"
	}
	b.WriteString(indent + fence + "\n")
	for _, l := range strings.Split(text, "\n") {
		b.WriteString(indent + escape.Terminal(strings.TrimRight(l, "\r")) + "\n")
	}
	b.WriteString(indent + fence + "\n")
}

// failOnText says, for the summary line, what fails the check.
func failOnText(r *Report) string {
	if r.FailOn != "never" {
		return "fails on " + r.FailOn
	}
	if r.Failed {
		// Only a weakened gate fails a check whose fail-on is never: its
		// findings are judged at the base revision's fail-on.
		return "fail-on is never; the weakened gate fails it"
	}
	return "fail-on is never: nothing fails"
}
