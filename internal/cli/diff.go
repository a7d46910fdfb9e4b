package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/threatmap/threatmap/internal/check"
	"github.com/threatmap/threatmap/internal/diff"
	"github.com/threatmap/threatmap/internal/escape"
	"github.com/threatmap/threatmap/internal/gitsafe"
	"github.com/threatmap/threatmap/internal/model"
	"github.com/threatmap/threatmap/internal/output"
	"github.com/threatmap/threatmap/internal/source"
	"github.com/threatmap/threatmap/internal/threat"
)

type diffOptions struct {
	scanOptions
	out outputFlags
	dir string
	// workTree compares with the work tree when it has uncommitted
	// changes (HEAD was not named).
	workTree bool
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
HEAD; a detached HEAD is just a revision. Without HEAD, uncommitted changes
count: when the files a scan reads differ from HEAD's (edited, added and
not ignored, or removed), the work tree as it stands is compared instead,
and the heading says "work tree".

Each revision's files are read from git's object store into a temporary
folder, removed when diff ends: the work tree is never touched,
.gitattributes does not apply, links are never written, and nothing the
repository configures is run. When threatmap.yaml exists at HEAD, added
rows say whether it already covers them. When threatmap-check.yaml at HEAD
makes the check less strict than at BASE (a lower fail-on, a level
lowered, an ignore or exclude added), a "Gate weakened" section says how.

--history also reads each revision's git history for secrets, as scan
--history does.

` + formatsHelp(output.Diff) + `

Exit code 0 when the comparison ran (changed or not), 2 when it could not:
not a git repository, git not installed, an unknown revision, or a shallow
clone that lacks BASE.`,
		Example: `  threatmap diff main
  threatmap diff origin/main HEAD --format json
  threatmap diff HEAD~1

  # The pull-request comment and the JSON for a bot, from one comparison
  threatmap diff origin/main -o md=threatmap-diff.md -o json=threatmap-diff.json`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) < 1 || len(args) > 2 {
				return usageErr("%s takes BASE and an optional HEAD, got %d arguments\nRun '%s --help' for usage.", cmd.CommandPath(), len(args), cmd.CommandPath())
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			targets, err := o.out.targets(e)
			if err != nil {
				return err
			}
			base, head := args[0], "HEAD"
			if len(args) == 2 {
				head = args[1]
			}
			// Without HEAD, uncommitted changes are part of the change.
			o.workTree = len(args) == 1
			res, err := runDiff(cmd.Context(), e, o, base, head)
			var de *diff.Error
			if errors.As(err, &de) {
				return usageErr("%s", de.Msg)
			}
			if err != nil {
				return err
			}
			return o.out.write(e, targets, &output.Result{Diff: res})
		},
	}
	o.out.add(cmd, output.Diff, "md", "")
	cmd.Flags().StringVarP(&o.dir, "dir", "C", ".", "a folder in the repository; the revisions are read from it down")
	o.addWalkFlags(cmd)
	return cmd
}

// afterExtract, when set by a test, runs after each revision is written
// to its temporary folder.
var afterExtract func(ctx context.Context, name, dir string)

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
	// Both revisions, with whatever .env they hold, are written here:
	// removed on every way out, Ctrl-C and SIGTERM included (they cancel
	// ctx, and every step below returns when it is cancelled).
	tmp, err := os.MkdirTemp("", "threatmap-diff-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)

	// The extracted trees are not repositories: history, when asked for,
	// is read from the repository itself, up to each revision.
	treeOpts := o.scanOptions
	treeOpts.history = false
	draftAt := func(name, commit string) (*model.Model, string, error) {
		dir := filepath.Join(tmp, name)
		if err := os.Mkdir(dir, 0o700); err != nil {
			return nil, "", err
		}
		if err := diff.Extract(ctx, repo, commit, dir, o.maxFileSize); err != nil {
			return nil, "", err
		}
		if afterExtract != nil {
			afterExtract(ctx, name, dir)
		}
		// The revision's own check configuration, if it is valid
		// (gateConfig warns when it is not): its roles and what it
		// teaches about auth.
		cfg, _ := check.LoadConfigIn(dir, filepath.Join(dir, check.ConfigFile))
		if cfg != nil {
			cfg.File = check.ConfigFile // named as in the repository, not the extracted copy
		}
		revOpts := treeOpts
		revOpts.auth = cfg.Taught()
		f, err := runScan(ctx, e, dir, &revOpts)
		if err != nil {
			return nil, "", err
		}
		if o.history {
			if err := addHistory(ctx, e, repo, commit, &o.scanOptions, &f); err != nil {
				return nil, "", err
			}
		}
		return threat.Draft(f, threat.Options{Product: "diff", Roles: cfg.Role}), dir, nil
	}
	baseModel, baseDir, err := draftAt("base", baseCommit)
	if err != nil {
		return nil, err
	}
	workTree := false
	if o.workTree {
		if workTree, err = diff.Changed(ctx, repo, headCommit, o.maxFileSize); err != nil {
			return nil, err
		}
	}
	var headModel *model.Model
	var headDir string
	if workTree {
		headModel, headDir, err = draftWorkTree(ctx, e, o, repo, headCommit)
		headRev, headCommit = "work tree", ""
	} else {
		headModel, headDir, err = draftAt("head", headCommit)
	}
	if err != nil {
		return nil, err
	}
	// The model is read from the revision itself, not from what was
	// extracted for the scan: the scan's size cap and its refusal of links
	// would make a model it skips look absent.
	covering := headThreatmap(e, headRev, func() ([]byte, error) {
		if workTree {
			return source.ReadFile(o.dir, model.FileName, model.MaxFileSize)
		}
		return repo.File(ctx, headCommit, repo.Prefix+model.FileName, model.MaxFileSize)
	})
	res := diff.Compare(baseModel, headModel, covering)
	res.Base, res.Head, res.BaseCommit, res.HeadCommit = baseRev, headRev, baseCommit, headCommit
	if covering != nil {
		res.Model = model.FileName
	}
	res.Gate = check.Loosenings(gateConfig(e, baseDir, baseRev), gateConfig(e, headDir, headRev))
	if len(res.Gate) > 0 {
		res.GateFile = check.ConfigFile
	}
	return res, ctx.Err()
}

// gateConfig loads the threatmap-check.yaml of a revision, if it has one.
// An invalid one is a warning (check stops at it, so it weakens nothing).
func gateConfig(e *env, dir, rev string) *check.Config {
	cfg, err := check.LoadConfigIn(dir, filepath.Join(dir, check.ConfigFile))
	if err != nil {
		if !errors.Is(err, os.ErrNotExist) {
			fmt.Fprintf(e.stderr, "threatmap: warning: %s at %s is not valid; not comparing the check's configuration\n", check.ConfigFile, rev)
		}
		return nil
	}
	return cfg
}

// headThreatmap loads the threatmap.yaml of the head (read by read), if it
// has one. One that cannot be read (too large, a link) or is
// invalid is a warning: the diff stands without coverage.
func headThreatmap(e *env, rev string, read func() ([]byte, error)) *model.Model {
	data, err := read()
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if errors.Is(err, gitsafe.ErrTooLarge) || errors.Is(err, source.ErrTooLarge) {
		fmt.Fprintf(e.stderr, "threatmap: warning: %s at %s is larger than %d MiB; not saying which rows it covers\n", model.FileName, rev, model.MaxFileSize>>20)
		return nil
	}
	if err != nil {
		why := pathErrText(err)
		if errors.Is(err, gitsafe.ErrNotRegular) {
			why = gitsafe.ErrNotRegular.Error()
		}
		fmt.Fprintf(e.stderr, "threatmap: warning: %s at %s cannot be read (%s); not saying which rows it covers\n", model.FileName, rev, escape.Terminal(why))
		return nil
	}
	doc, err := model.Parse(model.FileName, data)
	if err != nil {
		fmt.Fprintf(e.stderr, "threatmap: warning: %s at %s is not valid (run 'threatmap validate'); not saying which rows it covers\n", model.FileName, rev)
		return nil
	}
	return doc.Model
}

// pathErrText is what went wrong with a file, without its path.
func pathErrText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// draftWorkTree drafts the model of the repository's folder as it stands,
// uncommitted changes and all; history, when asked for, is read up to
// HEAD's commit.
func draftWorkTree(ctx context.Context, e *env, o *diffOptions, repo *gitsafe.Repo, head string) (*model.Model, string, error) {
	opts := o.scanOptions
	opts.history = false
	if cfg, err := loadCheckConfig(o.dir, ""); err == nil {
		opts.auth = cfg.Taught()
	}
	f, err := runScan(ctx, e, o.dir, &opts)
	if err != nil {
		return nil, "", err
	}
	if o.history {
		if err := addHistory(ctx, e, repo, head, &o.scanOptions, &f); err != nil {
			return nil, "", err
		}
	}
	return threat.Draft(f, threat.Options{Product: "diff"}), o.dir, nil
}
