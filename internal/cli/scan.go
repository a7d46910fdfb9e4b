package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/all"
	"github.com/threatmap/threatmap/internal/detector/route"
	"github.com/threatmap/threatmap/internal/detector/secret"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/gitsafe"
	"github.com/threatmap/threatmap/internal/history"
	"github.com/threatmap/threatmap/internal/noir"
	"github.com/threatmap/threatmap/internal/output"
	"github.com/threatmap/threatmap/internal/scan"
	"github.com/threatmap/threatmap/internal/source"
)

type scanOptions struct {
	maxFileSize int64
	noGitignore bool
	exclude     []string
	history     bool
	// auth is what threatmap-check.yaml teaches about auth.
	auth *route.Taught
	// routesFrom is OWASP Noir's output (--routes-from): its endpoints
	// join the scan's routes.
	routesFrom string
}

// routesFromHelp is the --routes-from flag's help.
const routesFromHelp = "also read the endpoints OWASP Noir found (`FILE` from noir -f json or -f jsonl); a route threatmap finds itself wins"

// addRoutesFrom registers --routes-from.
func (o *scanOptions) addRoutesFrom(cmd *cobra.Command) {
	cmd.Flags().StringVar(&o.routesFrom, "routes-from", "", routesFromHelp)
}

func (o *scanOptions) addWalkFlags(cmd *cobra.Command) {
	cmd.Flags().Int64Var(&o.maxFileSize, "max-file-size", source.DefaultMaxFileSize, "skip files larger than this many bytes")
	cmd.Flags().BoolVar(&o.noGitignore, "no-gitignore", false, "also read files that .gitignore excludes")
	cmd.Flags().StringArrayVar(&o.exclude, "exclude", nil, "skip paths matching this .gitignore-style glob (repeatable)")
	cmd.Flags().BoolVar(&o.history, "history", false, "also look for secrets in every commit of the git history (deleted keys are still in every clone)")
}

func newScanCmd(e *env) *cobra.Command {
	o := &scanOptions{}
	var out outputFlags
	cmd := &cobra.Command{
		Use:   "scan [DIR]",
		Short: "List the facts found in the code: routes, assets, stores, exits, secrets",
		Long: `scan reads the tree at DIR (default .) and prints what it finds: every entry
point (routes with their full paths, auth and tags), the third parties the
code calls, the stores it opens, the user data its models hold, the exits
where data leaves, committed secrets (always redacted), infrastructure and
CI/CD facts.

It never runs the code it reads, never follows a symbolic link out of the
tree, and makes no network call. .gitignore is respected; dependencies,
build output, binaries, minified bundles and files over --max-file-size
are skipped. A file that cannot be parsed is a warning; the scan goes on.

A route's auth comes from what its guards do. DIR/threatmap-check.yaml can
name guards whose code is not in the tree and routes that are public on
purpose:

  auth:
    guards: [parseRequest, requireUser]
    public: ["GET /health", "POST /api/webhooks/*"]

--routes-from FILE adds the endpoints OWASP Noir found (noir -f json, or
-f jsonl) for a stack threatmap does not parse yet: each HTTP or WebSocket
endpoint joins the routes with "source": "noir", its framework as Noir
names it, its first code path as file:line, and auth required where a Noir
tagger saw a guard. A route threatmap finds itself (the same method and
path, parameter names aside) is kept once, threatmap's, with Noir's guard
when threatmap could not tell. Command-line and mobile endpoints are left
out. A file that is not Noir's output is an error at FILE:line:col.

--history also reads every commit that touches DIR, from git's object
store: the lines each commit added to a file are searched for secrets, so
a key committed and later deleted is found, at the commit that added it.
It reads DIR's own repository only (a .git file naming another one is
refused) and runs nothing the repository configures; a file version the
clone lacks is a warning.

` + formatsHelp(output.Scan),
		Example: `  threatmap scan examples/docqa
  threatmap scan . --format json | jq '.surfaces[] | "\(.method) \(.path)"'
  threatmap scan . -o json=facts.json -o table=facts.txt

  # Routes OWASP Noir found too, for frameworks threatmap does not read
  noir -b . -f json --no-log > noir.json
  threatmap scan . --routes-from noir.json`,
		Args: maxOneArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := dirArg(args)
			targets, err := out.targets(e)
			if err != nil {
				return err
			}
			cfg, err := loadCheckConfig(dir, "")
			if err != nil {
				return err
			}
			o.auth = cfg.Taught()
			res, err := runScan(cmd.Context(), e, dir, o)
			if err != nil {
				return err
			}
			return out.write(e, targets, &output.Result{Scan: &res})
		},
	}
	out.add(cmd, output.Scan, "", "(default: table on a terminal, json otherwise)")
	o.addWalkFlags(cmd)
	o.addRoutesFrom(cmd)
	return cmd
}

func dirArg(args []string) string {
	if len(args) == 1 {
		return args[0]
	}
	return "."
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && isatty.IsTerminal(f.Fd())
}

// runScan scans dir with every detector, showing progress on a terminal.
func runScan(ctx context.Context, e *env, dir string, o *scanOptions) (facts.Facts, error) {
	st, err := os.Stat(dir)
	if err != nil {
		return facts.Facts{}, usageErr("%s: no such folder", dir)
	}
	if !st.IsDir() {
		return facts.Facts{}, usageErr("%s is not a folder", dir)
	}
	if ctx == nil {
		ctx = context.Background()
	}
	opt := scan.Options{Walk: source.Options{MaxFileSize: o.maxFileSize, NoGitignore: o.noGitignore, Exclude: o.exclude}, Auth: o.auth}
	var fromTool *noir.Result
	if o.routesFrom != "" {
		data, err := source.ReadInput(dir, o.routesFrom, noir.MaxSize+1)
		if err != nil {
			return facts.Facts{}, usageErr("--routes-from: %v", err)
		}
		if fromTool, err = noir.Parse(o.routesFrom, data, dir); err != nil {
			return facts.Facts{}, usageErr("--routes-from: %v", err)
		}
		opt.Routes = fromTool.Routes
	}
	if isTerminal(e.stderr) {
		opt.Progress = func(n int) {
			if n%500 == 0 {
				fmt.Fprintf(e.stderr, "\rscanning: %d files", n)
			}
		}
		defer fmt.Fprint(e.stderr, "\r\033[K")
	}
	res, err := scan.Run(ctx, dir, all.New(), opt)
	if err != nil {
		return res, fmt.Errorf("scan %s: %w", dir, err)
	}
	if fromTool != nil && fromTool.Skipped > 0 {
		res.Warnings = append(res.Warnings, facts.Warning{File: filepath.ToSlash(o.routesFrom),
			Message: fmt.Sprintf("%d of Noir's endpoints are no web surface (a command line, a mobile deep link) or name no URL; left out", fromTool.Skipped)})
	}
	if o.history {
		repo, err := gitsafe.Open(ctx, dir)
		if err != nil {
			return res, usageErr("--history: %v", err)
		}
		if err := addHistory(ctx, e, repo, "", o, &res); err != nil {
			return res, err
		}
	}
	return res, nil
}

// addHistory adds the secrets the git history up to rev holds that the
// tree no longer shows; one still in the tree is reported once, as a tree
// finding. History is read for the repository's folder only, and a
// subfolder's scan says so.
func addHistory(ctx context.Context, e *env, repo *gitsafe.Repo, rev string, o *scanOptions, res *facts.Facts) error {
	past, err := history.Secrets(ctx, repo, secret.New(), history.Options{Rev: rev, MaxFileSize: o.maxFileSize})
	var ge *gitsafe.Error
	if errors.As(err, &ge) {
		return usageErr("--history: %v", err)
	}
	if err != nil {
		return fmt.Errorf("--history: %w", err)
	}
	if past.Folder != "" && rev == "" {
		fmt.Fprintf(e.stderr, "threatmap: --history covers the commits that touch %s, the scanned folder, not the rest of its repository\n", past.Folder)
	}
	inTree := map[string]bool{}
	for _, s := range res.Secrets {
		inTree[s.Rule+"\x00"+s.File+"\x00"+s.Variable+"\x00"+s.Redacted] = true
	}
	for _, s := range past.Secrets {
		if !inTree[s.Rule+"\x00"+s.File+"\x00"+s.Variable+"\x00"+s.Redacted] {
			s.ID = detector.ID("secret", s.Rule, s.File, s.Variable, s.Redacted, s.Commit)
			res.Secrets = append(res.Secrets, s)
		}
	}
	res.Warnings = append(res.Warnings, past.Warnings...)
	return nil
}
