package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/threatmap/threatmap/internal/diff"
	"github.com/threatmap/threatmap/internal/model"
	"github.com/threatmap/threatmap/internal/source"
	"github.com/threatmap/threatmap/internal/threat"
)

type diffOptions struct {
	scanOptions
	dir string
}

func newDiffCmd(e *env) *cobra.Command {
	o := &diffOptions{}
	cmd := &cobra.Command{
		Use:   "diff BASE [HEAD]",
		Short: "The threat-map rows a change adds, removes or re-rates, for a pull request",
		Long: `diff drafts the threat map at two git revisions and compares them: the
surfaces a change adds or removes (a route by method and path, anything
else by what it stands for), the threat rows it adds or removes, and the
rows whose difficulty, impact or priority it changes. HEAD defaults to
HEAD; a detached HEAD is just a revision.

Each revision is read with 'git archive' into a temporary folder: the work
tree is never touched, and links in the archive are never written. When
threatmap.yaml exists at HEAD, added rows say whether it already covers
them.

--format md (default) is ready to post as a pull-request comment; json is
{"base", "head", "surfaces": {"added", "removed"}, "threats": {"added",
"removed", "changed"}}.

Exit code 0 when the comparison ran (changed or not), 2 when it could not:
not a git repository, git not installed, an unknown revision, or a shallow
clone that lacks BASE.`,
		Example: `  threatmap diff main
  threatmap diff origin/main HEAD --format json
  threatmap diff HEAD~1`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) < 1 || len(args) > 2 {
				return usageErr("%s takes BASE and an optional HEAD, got %d arguments\nRun '%s --help' for usage.", cmd.CommandPath(), len(args), cmd.CommandPath())
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.format != "md" && o.format != "json" {
				return usageErr("unknown --format %q: use md or json", o.format)
			}
			base, head := args[0], "HEAD"
			if len(args) == 2 {
				head = args[1]
			}
			res, err := runDiff(cmd.Context(), e, o, base, head)
			var de *diff.Error
			if errors.As(err, &de) {
				return usageErr("%s", de.Msg)
			}
			if err != nil {
				return err
			}
			if o.format == "json" {
				return res.JSON(e.stdout)
			}
			return res.Markdown(e.stdout)
		},
	}
	cmd.Flags().StringVarP(&o.format, "format", "f", "md", "md or json")
	cmd.Flags().StringVarP(&o.dir, "dir", "C", ".", "a folder in the repository; the revisions are read from it down")
	o.addWalkFlags(cmd)
	return cmd
}

func runDiff(ctx context.Context, e *env, o *diffOptions, baseRev, headRev string) (*diff.Result, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	repo, err := diff.Open(ctx, o.dir)
	if err != nil {
		return nil, err
	}
	baseCommit, err := repo.Resolve(ctx, baseRev)
	if err != nil {
		return nil, err
	}
	headCommit, err := repo.Resolve(ctx, headRev)
	if err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "threatmap-diff-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)

	draftAt := func(name, commit string) (*model.Model, string, error) {
		dir := filepath.Join(tmp, name)
		if err := os.Mkdir(dir, 0o700); err != nil {
			return nil, "", err
		}
		if err := repo.Extract(ctx, commit, dir, o.maxFileSize); err != nil {
			return nil, "", err
		}
		f, err := runScan(ctx, e, dir, &o.scanOptions)
		if err != nil {
			return nil, "", err
		}
		return threat.Draft(f, threat.Options{Product: "diff"}), dir, nil
	}
	baseModel, _, err := draftAt("base", baseCommit)
	if err != nil {
		return nil, err
	}
	headModel, headDir, err := draftAt("head", headCommit)
	if err != nil {
		return nil, err
	}
	covering := headThreatmap(e, headDir, headRev)
	res := diff.Compare(baseModel, headModel, covering)
	res.Base, res.Head, res.BaseCommit, res.HeadCommit = baseRev, headRev, baseCommit, headCommit
	if covering != nil {
		res.Model = model.FileName
	}
	return res, nil
}

// headThreatmap loads the threatmap.yaml of the head revision, if it has
// one. An invalid one is a warning: the diff stands without coverage.
func headThreatmap(e *env, dir, rev string) *model.Model {
	data, err := source.ReadFile(dir, model.FileName, model.MaxFileSize)
	if err != nil {
		return nil
	}
	doc, err := model.Parse(model.FileName, data)
	if err != nil {
		fmt.Fprintf(e.stderr, "threatmap: warning: %s at %s is not valid (run 'threatmap validate'); not saying which rows it covers\n", model.FileName, rev)
		return nil
	}
	return doc.Model
}
