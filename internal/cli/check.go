package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/threatmap/threatmap/internal/check"
	"github.com/threatmap/threatmap/internal/model"
	"github.com/threatmap/threatmap/internal/output"
	"github.com/threatmap/threatmap/internal/source"
	"github.com/threatmap/threatmap/internal/threat"
)

type checkOptions struct {
	scanOptions
	out    outputFlags
	model  string
	failOn string
	config string
	base   string
	// repoRoot is where SARIF and GitHub paths start ("" finds it).
	repoRoot string
}

func newCheckCmd(e *env) *cobra.Command {
	o := &checkOptions{}
	cmd := &cobra.Command{
		Use:   "check [DIR]",
		Short: "The CI gate: fail when the threat model is no longer true to the code",
		Long: `check scans DIR (default .), compares it with DIR/threatmap.yaml and reports
where the model has stopped being true:

  drift               the code has a surface the model does not know (error)
  site-added          a threat accepted or transferred for the routes that
                      share its cause gained a route its decision did not
                      cover: one threatmap.yaml does not list, or with
                      --base, one it did not list at REV (error)
  undecided           a low-difficulty threat with high or critical impact has
                      no response (error)
  unverified-control  a control marked implemented has no evidence in the code,
                      or the file:line given shows nothing its check
                      recognises nearby: the wishlist problem (error)
  not-eliminated      a threat marked eliminated whose surface is still in the
                      code (error)
  acceptance-expired  an accepted risk is past its revisit date (error)
  review-overdue      the last review is older than review.every, default 90
                      days, or there never was one (error)
  secret-committed    a secret is committed, with no recorded decision (error)
  stale               the model names code that is gone (warning)
  stale-page          THREATMAP.md, rendered by threatmap, no longer shows the
                      model: a decision or edit since (warning)
  re-rated            a surface's exposure changed by hand (public to internal,
                      or back) moved its drafted threats' difficulty (note)

Every finding says what to do, with the command or YAML that fixes it.

DIR/threatmap-check.yaml (or --config FILE) tunes it: fail-on, a kind's
level (or off), ignores (kind, path glob, id or id glob such as "idor.*";
a reason is required, an until date optional) and paths to exclude from the
scan: their surfaces and the threats on them are left out too. Ignores that
hide nothing are reported as notes; past their until date they stop applying.
Its auth: names guards the code alone cannot show and routes public on
purpose (auth: {guards: [requireUser], public: ["GET /health"]}); scan,
report, init and sync read it too.

--base REV (on pull requests: --base origin/main) also reads threatmap.yaml at
REV, for site-added, and compares the check configuration with its version
at REV: a lower fail-on, a kind's level
lowered or off, an ignore added or extended, a path newly excluded or an
auth guard newly named is a gate-weakened error, which the changed file's own levels, ignores and
fail-on cannot silence (REV's fail-on, or --fail-on, decides).

SARIF and GitHub annotations name files from the repository's root, so that
a check of one folder of a monorepo (services/api) annotates the right
files: the root is the nearest folder above DIR with a .git, or --repo-root.

` + formatsHelp(output.Check) + `

Exit code 1 when a finding is at or above --fail-on (default error), 0 when
none is, 2 on bad usage or an invalid model.`,
		Example: `  threatmap check
  threatmap check . --format json
  threatmap check --fail-on warning
  threatmap check --base origin/main
  threatmap check --format sarif > threatmap.sarif

  # CI: the log, SARIF for code scanning and Markdown for the job summary, from one scan
  threatmap check --base origin/main -o - -o sarif=threatmap.sarif -o md=threatmap-check.md`,
		Args: maxOneArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := dirArg(args)
			targets, err := o.out.targets(e)
			if err != nil {
				return err
			}
			cfg, err := loadCheckConfig(dir, o.config)
			if err != nil {
				return err
			}
			o.auth = cfg.Taught()
			if cfg != nil {
				o.exclude = append(o.exclude, cfg.Exclude...)
				if cfg.FailOn != "" && !cmd.Flags().Changed("fail-on") {
					o.failOn = cfg.FailOn
				}
			}
			failRank, ok := failRank(o.failOn)
			if !ok {
				return usageErr("unknown --fail-on %q: use error, warning, note or never", o.failOn)
			}
			modelPath := o.model
			if modelPath == "" {
				modelPath = filepath.Join(dir, "threatmap.yaml")
			}
			doc, err := loadModel(dir, modelPath)
			if err != nil {
				return err
			}
			f, err := runScan(cmd.Context(), e, dir, &o.scanOptions)
			if err != nil {
				return err
			}
			rel := relTo(dir, modelPath)
			stalePage := ""
			if page := pagePath(modelPath); !pageUpToDate(dir, page, doc.Model) {
				stalePage = relTo(dir, page)
			}
			var base *model.Model
			if o.base != "" {
				if base, err = baseModel(cmd.Context(), e, dir, modelPath, o.base); err != nil {
					return err
				}
			}
			findings := check.Run(check.Input{
				Root: dir, ModelPath: modelPath, ModelRel: rel, Doc: doc, Facts: f, Base: base,
				Draft: threat.Draft(f, threat.Options{Roles: cfg.Role}), Now: e.now(),
				Excluded: source.Excluder(o.exclude), StalePage: stalePage,
			})
			findings = cfg.Apply(findings, e.now())
			prefix, err := repoPrefix(dir, o.repoRoot)
			if err != nil {
				return err
			}
			rep := &check.Report{Model: rel, Findings: findings, FailOn: o.failOn, Prefix: prefix}
			for _, fd := range findings {
				if check.LevelRank(fd.Level) <= failRank {
					rep.Failed = true
				}
			}
			if o.base != "" {
				// Added after the config applied: the file being judged
				// cannot silence or excuse its own weakening.
				g, err := compareGate(cmd.Context(), e, dir, o.config, cfg, o.base)
				if err != nil {
					return err
				}
				gateFail := failRank
				if !cmd.Flags().Changed("fail-on") {
					gateFail, _ = failRankOf(g.failOn)
				}
				for _, fd := range g.findings {
					if check.LevelRank(fd.Level) <= gateFail {
						rep.Failed = true
					}
				}
				rep.Findings = append(rep.Findings, g.findings...)
				check.SortFindings(rep.Findings)
			}
			if err := o.out.write(e, targets, &output.Result{Check: rep}); err != nil {
				return err
			}
			if rep.Failed {
				return silentExit(ExitFindings)
			}
			return nil
		},
	}
	o.out.add(cmd, output.Check, "human", "")
	cmd.Flags().StringVar(&o.model, "model", "", "the model file (default DIR/threatmap.yaml)")
	cmd.Flags().StringVar(&o.failOn, "fail-on", "error", "lowest level that fails the check: error, warning, note or never")
	cmd.Flags().StringVar(&o.base, "base", "", "also compare the check configuration with its version at this git revision, and fail when it is less strict (for pull requests)")
	cmd.Flags().StringVar(&o.repoRoot, "repo-root", "", "the repository's root, which SARIF and GitHub annotations name files from (default: the nearest folder above DIR with a .git)")
	cmd.Flags().StringVar(&o.config, "config", "", "the check configuration (default DIR/"+check.ConfigFile+" when it exists)")
	o.addWalkFlags(cmd)
	o.addRoutesFrom(cmd)
	return cmd
}

// repoPrefix is dir relative to the repository's root, with a trailing
// slash ("" at the root, or outside any repository): root when given,
// else the nearest folder at or above dir holding a .git (a folder, or the
// file of a worktree or submodule). It runs no git: finding the root needs
// no config the repository could set.
func repoPrefix(dir, root string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	if root == "" {
		for d := abs; ; d = filepath.Dir(d) {
			if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
				root = d
				break
			}
			if filepath.Dir(d) == d {
				return "", nil
			}
		}
	}
	rootAbs, err := filepath.Abs(root)
	if err != nil {
		return "", err
	}
	rel, err := filepath.Rel(rootAbs, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", usageErr("--repo-root %s does not hold %s", root, dir)
	}
	if rel == "." {
		return "", nil
	}
	return filepath.ToSlash(rel) + "/", nil
}

// relTo names path relative to dir when it is inside it, as findings do.
func relTo(dir, path string) string {
	if r, err := filepath.Rel(dir, path); err == nil && !strings.HasPrefix(r, "..") {
		return filepath.ToSlash(r)
	}
	return path
}

// pageUpToDate says whether the page at path is fine as far as check
// is concerned: absent, written by a person (threatmap does not judge it),
// or threatmap's own and showing the model as it is.
func pageUpToDate(dir, path string, m *model.Model) bool {
	state, err := checkPage(path)
	if err != nil || state != pageOurs {
		return true
	}
	return pageIsCurrent(dir, path, m)
}

// failRank turns --fail-on into the highest level rank that fails.
func failRank(s string) (int, bool) {
	switch s {
	case check.Error:
		return 0, true
	case check.Warning:
		return 1, true
	case check.Note:
		return 2, true
	case "never":
		return -1, true
	}
	return 0, false
}

// loadCheckConfig reads the check configuration: the named file, which must
// exist, or DIR/threatmap-check.yaml when there is one. Problems in it are
// exit 2 with file:line:col, like the model's.
func loadCheckConfig(dir, path string) (*check.Config, error) {
	named := path != ""
	if !named {
		path = filepath.Join(dir, check.ConfigFile)
	}
	cfg, err := check.LoadConfigIn(dir, path)
	switch {
	case err == nil:
	case errors.Is(err, os.ErrNotExist) && !named:
		return nil, nil
	case errors.Is(err, os.ErrNotExist):
		return nil, usageErr("%s: no such file", path)
	default:
		var ps model.Problems
		if errors.As(err, &ps) {
			return nil, &exitError{code: ExitUsage, msg: fmt.Sprintf("%s has %d problem%s:\n%s", path, len(ps), plural(len(ps)), ps.Error())}
		}
		return nil, usageErr("%v", err)
	}
	if r, err := filepath.Rel(dir, path); err == nil && !strings.HasPrefix(r, "..") {
		cfg.File = filepath.ToSlash(r)
	}
	return cfg, nil
}
