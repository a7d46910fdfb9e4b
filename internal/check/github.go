package check

import (
	"fmt"
	"io"
	"strings"

	"github.com/threatmap/threatmap/internal/escape"
)

// GitHub writes findings as GitHub Actions workflow commands, so each one
// shows as an annotation on the file and line in a pull request. Values
// are escaped for a terminal (the log shows them) and then as the runner
// unescapes them.
type GitHub struct{}

// githubCommand maps a level to its workflow command.
var githubCommand = map[string]string{Error: "error", Warning: "warning", Note: "notice"}

// Format implements Formatter.
func (GitHub) Format(w io.Writer, r *Report) error {
	var b strings.Builder
	counts := map[string]int{}
	for _, f := range r.Findings {
		counts[f.Level]++
		cmd := githubCommand[f.Level]
		if cmd == "" {
			cmd = "notice"
		}
		file := f.File
		if file == "" {
			file = r.Model
		}
		file = r.FromRoot(file)
		file = escape.Terminal(file)
		props := []string{"file=" + escapeProperty(file)}
		if f.Line > 0 {
			props = append(props, fmt.Sprintf("line=%d", f.Line))
		}
		title := f.Kind
		if k, ok := KindByID(f.Kind); ok {
			title = k.Title
		}
		props = append(props, "title="+escapeProperty(escape.Terminal(title)))
		fmt.Fprintf(&b, "::%s %s::%s\n", cmd, strings.Join(props, ","), escapeData(githubText(f)))
	}
	verdict := "passed"
	if r.Failed {
		verdict = "failed"
	}
	fmt.Fprintf(&b, "threatmap check %s: %d error(s), %d warning(s), %d note(s) (%s)\n", verdict, counts[Error], counts[Warning], counts[Note], failOnText(r))
	_, err := io.WriteString(w, b.String())
	return err
}

// githubText is resultText with the message and each line of the fix
// escaped as for a terminal: the runner's log shows them, and reads
// escape sequences.
func githubText(f Finding) string {
	f.Message = escape.Terminal(f.Message)
	f.Fix = escape.Lines(f.Fix)
	return resultText(f)
}

// escapeData escapes a workflow command's message the way the runner
// unescapes it: '%' first, then line breaks.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a property value, where ':' and ',' also end it.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
