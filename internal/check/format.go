package check

import (
	"encoding/json"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/threatmap/threatmap/internal/escape"
	"github.com/threatmap/threatmap/internal/redact"
)

// Report is what a check prints: its findings and how the run ended.
type Report struct {
	Model    string    `json:"model"`
	Findings []Finding `json:"findings"`
	// Failed says whether the findings fail the build at the chosen level.
	Failed bool   `json:"failed"`
	FailOn string `json:"fail_on"`
	// Prefix is the scanned folder relative to the repository's root
	// ("services/api/", "" at the root). SARIF and GitHub annotations name
	// files from the root, or code scanning puts them on the wrong files;
	// the other formats keep paths relative to the scanned folder.
	Prefix string `json:"-"`
}

// FromRoot names a finding's file from the repository's root: the prefix
// and the file, for a file inside the scanned folder.
func (r *Report) FromRoot(file string) string {
	if r.Prefix == "" || file == "" || path.IsAbs(file) || file == ".." || strings.HasPrefix(file, "../") {
		return file
	}
	return path.Join(r.Prefix, file)
}

// Formatter writes a report in one format.
type Formatter interface {
	Format(w io.Writer, r *Report) error
}

// JSON writes the report as one JSON object, keys redacted.
type JSON struct{}

// Format implements Formatter.
func (JSON) Format(w io.Writer, r *Report) error {
	r = redacted(r)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if r.Findings == nil {
		r.Findings = []Finding{}
	}
	return enc.Encode(r)
}

// redacted is a copy of r with every key masked, for the formats that
// print findings whole (JSON, SARIF).
func redacted(r *Report) *Report {
	c := redact.Copy(*r)
	return &c
}

// Human writes findings grouped by kind, for a terminal or a CI log. Text
// from the code and the model goes through escape.Terminal: a file name
// cannot start a line, colour the terminal or forge a workflow command.
type Human struct {
	Color bool
}

// Format implements Formatter.
func (h Human) Format(w io.Writer, r *Report) error {
	paint := func(code, s string) string {
		if !h.Color {
			return s
		}
		return "\033[" + code + "m" + s + "\033[0m"
	}
	levelColor := map[string]string{Error: "31", Warning: "33", Note: "36"}
	if len(r.Findings) == 0 {
		_, err := fmt.Fprintf(w, "%s %s is true to the code: no findings.\n", paint("32", "ok"), escape.Terminal(r.Model))
		return err
	}
	var b strings.Builder
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
		fmt.Fprintf(&b, "%s (%d)\n", paint("1", k.Title), len(fs))
		for _, f := range fs {
			where := escape.Terminal(f.File)
			if f.Line > 0 {
				where = fmt.Sprintf("%s:%d", where, f.Line)
			}
			if where != "" {
				where += ": "
			}
			fmt.Fprintf(&b, "  %s %s%s\n", paint(levelColor[f.Level], f.Level), where, escape.Terminal(f.Message))
			for _, l := range strings.Split(strings.TrimRight(f.Fix, "\n"), "\n") {
				fmt.Fprintf(&b, "      %s\n", paint("2", escape.Terminal(l)))
			}
		}
		b.WriteString("\n")
	}
	counts := map[string]int{}
	for _, f := range r.Findings {
		counts[f.Level]++
	}
	verdict := paint("32", "passed")
	if r.Failed {
		verdict = paint("31", "failed")
	}
	fmt.Fprintf(&b, "%s: %d error(s), %d warning(s), %d note(s) (%s)\n", verdict, counts[Error], counts[Warning], counts[Note], failOnText(r))
	_, err := io.WriteString(w, b.String())
	return err
}
