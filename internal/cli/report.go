package cli

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/threatmap/threatmap/internal/model"
	"github.com/threatmap/threatmap/internal/output"
	"github.com/threatmap/threatmap/internal/report"
)

// draftModel drafts a model in memory from the code in dir, for a report on
// a repository that has no threatmap.yaml yet. nil until the drafter is
// wired in.
var draftModel func(ctx context.Context, e *env, dir string) (*model.Model, error)

type reportOptions struct {
	out   outputFlags
	model string
	top   int
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

` + formatsHelp(output.Report),
		Example: `  # The page for the current repository, in the terminal
  threatmap report

  # A file to open in a browser or print
  threatmap report . --format html -o threatmap.html

  # The page as Markdown and HTML, and the JSON for a script, in one run
  threatmap report -o md=THREAT-MODEL.md -o html=threat-model.html -o json=threat-model.json

  # Every threat with its priority, for a script
  threatmap report --format json | jq '.threats[] | select(.open) | "\(.priority) \(.id)"'

  # A model kept elsewhere, showing only the ten most urgent rows
  threatmap report --model security/threatmap.yaml --top 10`,
		Args: maxOneArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runReport(cmd.Context(), e, dirArg(args), o)
		},
	}
	o.out.add(cmd, output.Report, "md", "")
	cmd.Flags().StringVar(&o.model, "model", "", "the model file (default DIR/"+model.FileName+")")
	cmd.Flags().IntVar(&o.top, "top", report.DefaultTop, "rows on the threat map and the fix-first list; the rest go to the 'All threats' appendix")
	return cmd
}

func runReport(ctx context.Context, e *env, dir string, o *reportOptions) error {
	targets, err := o.out.targets(e)
	if err != nil {
		return err
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
	return o.out.write(e, targets, &output.Result{Page: page})
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
