package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/threatmap/threatmap/internal/model"
	"github.com/threatmap/threatmap/internal/reconcile"
	"github.com/threatmap/threatmap/internal/report"
)

// draftModel drafts a model in memory from the code in dir, for a report on
// a repository that has no threatmap.yaml yet. nil until the drafter is
// wired in.
var draftModel func(ctx context.Context, e *env, dir string) (*model.Model, error)

type reportOptions struct {
	format string
	output string
	model  string
	top    int
}

func newReportCmd(e *env) *cobra.Command {
	o := &reportOptions{}
	cmd := &cobra.Command{
		Use:   "report [DIR]",
		Short: "Print the one page: what you cannot afford to lose, where it is exposed, what is found first",
		Long: `report renders the threat model of DIR (default .) as one page that answers
three questions:

  1. What you cannot afford to lose: the assets, in three buckets (user data;
     credentials and credits; product integrity and reputation).
  2. Where those things are exposed: the threat map, one row per threat:
     Surface | Asset at risk | What happens if abused | Difficulty | Mitigation | Status.
  3. Which exposures would be found and exploited first: the open threats in
     priority order, and the difficulty x impact matrix.

Then the decisions (accepted, transferred, eliminated; an acceptance past its
revisit date is OVERDUE), the data flow across trust boundaries (a Mermaid
diagram) and the upkeep (last review, next one due).

The model is DIR/threatmap.yaml, or --model FILE. When there is none, the
page is drafted in memory from the code and says so; 'threatmap init' keeps it.

The priority rule (1 = fix first):
  - difficulty first, low before medium before high: what a zero-knowledge,
    automated attacker finds first;
  - then impact, critical before high before medium before low;
  - then the surface's exposure, public before authenticated before internal;
  - then the threat's id, so the order is stable.
A threat leaves the fix-first list when it is answered (accepted, eliminated
or transferred) or when all its controls are implemented; it stays on the map
with its status.

Formats: md (GitHub-flavoured Markdown, the default), html (one self-contained
file, printable) and json (the whole model with each threat's priority;
schema/report.schema.json). -o writes the file atomically: a reader never sees
half a report. -o - is standard output; a device or a pipe (-o /dev/null) is
written into, never replaced; a symbolic link to a file or a read-only file is
refused.`,
		Example: `  # The page for the current repository, in the terminal
  threatmap report

  # A file to open in a browser or print
  threatmap report . --format html -o threatmap.html

  # Every threat with its priority, for a script
  threatmap report --format json | jq '.threats[] | select(.open) | "\(.priority) \(.id)"'

  # A model kept elsewhere, showing only the ten most urgent rows
  threatmap report --model security/threatmap.yaml --top 10`,
		Args: maxOneArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runReport(cmd.Context(), e, dirArg(args), o)
		},
	}
	cmd.Flags().StringVarP(&o.format, "format", "f", "md", "output format: "+strings.Join(report.FormatNames(), ", "))
	cmd.Flags().StringVarP(&o.output, "output", "o", "", "write to this file instead of standard output")
	cmd.Flags().StringVar(&o.model, "model", "", "the model file (default DIR/"+model.FileName+")")
	cmd.Flags().IntVar(&o.top, "top", report.DefaultTop, "rows on the threat map and the fix-first list; the rest go to the 'All threats' appendix")
	return cmd
}

func runReport(ctx context.Context, e *env, dir string, o *reportOptions) error {
	format, err := report.ForFormat(o.format)
	if err != nil {
		return usageErr("%v", err)
	}
	if o.top < 1 {
		return usageErr("--top must be at least 1, got %d", o.top)
	}
	if ctx == nil {
		ctx = context.Background()
	}
	m, drafted, err := reportModel(ctx, e, dir, o.model)
	if err != nil {
		return err
	}
	page := report.Build(m, e.now(), report.Options{Drafted: drafted, Top: o.top})
	if o.output == "" {
		return format.Writer.Write(e.stdout, page)
	}
	var buf bytes.Buffer
	if err := format.Writer.Write(&buf, page); err != nil {
		return fmt.Errorf("render %s: %w", format.Name, err)
	}
	if err := writeOutput(e, o.output, buf.Bytes()); err != nil {
		return usageErr("%v", err)
	}
	return nil
}

// reportModel loads the model file, or drafts one from the code when there
// is no file and none was named.
func reportModel(ctx context.Context, e *env, dir, path string) (*model.Model, bool, error) {
	named := path != ""
	if !named {
		path = filepath.Join(dir, model.FileName)
	}
	// Lstat: a link, even one leading nowhere, is there and is refused
	// by loadModel, not taken for a missing model.
	if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
		if named {
			return nil, false, usageErr("%s: no such file", path)
		}
		if draftModel == nil {
			return nil, false, usageErr("no %s in %s; run 'threatmap init %s' to draft one", model.FileName, dir, dir)
		}
		m, err := draftModel(ctx, e, dir)
		if err != nil {
			return nil, false, err
		}
		return m, true, nil
	}
	doc, err := loadModel(dir, path)
	if err != nil {
		return nil, false, err
	}
	return doc.Model, false, nil
}

// writeOutput writes a report where -o says: standard output for "-"; into
// a device or a pipe as it stands (-o /dev/null, -o /dev/stdout), never
// renamed over; any other path atomically, as reconcile.WriteFile does, so
// a reader never sees half a report, and never through a link to a file
// or over a read-only one.
func writeOutput(e *env, path string, data []byte) error {
	if path == "-" {
		_, err := e.stdout.Write(data)
		return err
	}
	if st, err := os.Stat(path); err == nil && st.Mode()&(fs.ModeDevice|fs.ModeNamedPipe) != 0 {
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
		if _, err := f.Write(data); err != nil {
			f.Close()
			return fmt.Errorf("write %s: %w", path, err)
		}
		return f.Close()
	}
	return reconcile.WriteFile(path, data)
}
