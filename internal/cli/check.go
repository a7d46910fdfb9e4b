package cli

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/threatmap/threatmap/internal/check"
	"github.com/threatmap/threatmap/internal/threat"
)

type checkOptions struct {
	scanOptions
	model  string
	failOn string
}

func newCheckCmd(e *env) *cobra.Command {
	o := &checkOptions{}
	cmd := &cobra.Command{
		Use:   "check [DIR]",
		Short: "The CI gate: fail when the threat model is no longer true to the code",
		Long: `check scans DIR (default .), compares it with DIR/threatmap.yaml and reports
where the model has stopped being true:

  drift               the code has a surface the model does not know (error)
  undecided           a low-difficulty threat with high or critical impact has
                      no response (error)
  unverified-control  a control marked implemented has no evidence in the code:
                      the wishlist problem (error)
  acceptance-expired  an accepted risk is past its revisit date (error)
  review-overdue      the last review is older than review.every, default 90
                      days, or there never was one (error)
  secret-committed    a secret is committed, with no recorded decision (error)
  stale               the model names code that is gone (warning)

Every finding says what to do, with the command or YAML that fixes it.
Exit code 1 when a finding is at or above --fail-on (default error), 0 when
none is, 2 on bad usage or an invalid model.`,
		Example: `  threatmap check
  threatmap check . --format json
  threatmap check --fail-on warning`,
		Args: maxOneArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := dirArg(args)
			format := strings.ToLower(o.format)
			if format == "" {
				format = "human"
			}
			var formatter check.Formatter
			if format == "human" {
				formatter = check.Human{Color: isTerminal(e.stdout) && os.Getenv("NO_COLOR") == ""}
			} else if f, ok := check.Formats[format]; ok {
				formatter = f
			} else {
				return usageErr("unknown --format %q: use %s", o.format, strings.Join(check.FormatNames(), ", "))
			}
			failRank, ok := failRank(o.failOn)
			if !ok {
				return usageErr("unknown --fail-on %q: use error, warning, note or never", o.failOn)
			}
			modelPath := o.model
			if modelPath == "" {
				modelPath = filepath.Join(dir, "threatmap.yaml")
			}
			doc, err := loadModel(modelPath)
			if err != nil {
				return err
			}
			f, err := runScan(cmd.Context(), e, dir, &o.scanOptions)
			if err != nil {
				return err
			}
			rel := modelPath
			if r, err := filepath.Rel(dir, modelPath); err == nil && !strings.HasPrefix(r, "..") {
				rel = filepath.ToSlash(r)
			}
			findings := check.Run(check.Input{
				Root: dir, ModelPath: modelPath, ModelRel: rel, Doc: doc, Facts: f,
				Draft: threat.Draft(f, threat.Options{}), Now: e.now(),
			})
			rep := &check.Report{Model: rel, Findings: findings, FailOn: o.failOn}
			for _, fd := range findings {
				if check.LevelRank(fd.Level) <= failRank {
					rep.Failed = true
				}
			}
			if err := formatter.Format(e.stdout, rep); err != nil {
				return err
			}
			if rep.Failed {
				return silentExit(ExitFindings)
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&o.format, "format", "f", "human", "output: "+strings.Join(check.FormatNames(), ", "))
	cmd.Flags().StringVar(&o.model, "model", "", "the model file (default DIR/threatmap.yaml)")
	cmd.Flags().StringVar(&o.failOn, "fail-on", "error", "lowest level that fails the check: error, warning, note or never")
	o.addWalkFlags(cmd)
	return cmd
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
