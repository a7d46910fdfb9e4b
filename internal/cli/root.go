// Package cli is threatmap's command line. main only calls Run, so every
// command can be tested in-process with real argument lists.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/threatmap/threatmap/internal/escape"
)

// Exit codes.
const (
	ExitOK       = 0 // nothing to report
	ExitFindings = 1 // check found something to fix
	ExitUsage    = 2 // bad usage or invalid input
	ExitInternal = 3 // threatmap itself failed: a bug, or out of memory
	// ExitInterrupted is the shell's code for a command ended by SIGINT.
	ExitInterrupted = 130
)

// exitCodes is the table --help prints.
const exitCodes = `Exit codes:
  0    ok (check: nothing fails the gate)
  1    check found something to fix
  2    bad usage or invalid input; a file threatmap refuses to change
  3    threatmap itself failed (a bug, or out of memory): please report it
  130  interrupted (Ctrl-C, or SIGTERM from a cancelled CI job)`

// reportBug ends every internal error.
const reportBug = "this is a bug in threatmap: please report it at https://github.com/threatmap/threatmap/issues with the command you ran and this output"

// version is set at build time with -ldflags "-X ...cli.version=v1.2.3".
var version = "dev"

// exitError carries an exit code and a message already meant for a person.
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

func usageErr(format string, args ...any) error {
	return &exitError{code: ExitUsage, msg: fmt.Sprintf(format, args...)}
}

// internalErr is a failure of threatmap itself, not of its input.
func internalErr(format string, args ...any) error {
	return &exitError{code: ExitInternal, msg: fmt.Sprintf(format, args...) + "\n" + reportBug}
}

// silentExit ends a command with a code and nothing more to print.
func silentExit(code int) error { return &exitError{code: code} }

// env is what commands share: where to write, and the clock (injected so
// tests and goldens are deterministic).
type env struct {
	stdout, stderr io.Writer
	now            func() time.Time
}

// Run executes threatmap with args (without the program name) and returns
// the exit code.
func Run(args []string, stdout, stderr io.Writer) int {
	return RunContext(context.Background(), args, stdout, stderr)
}

// Main is Run as a program runs it: Ctrl-C and SIGTERM (a cancelled CI
// job) cancel the command, which stops, removes its temporary folders and
// exits 130. On the process's own standard output and error it runs
// supervised (see supervise), so that a crash is an internal error.
func Main(args []string, stdout, stderr io.Writer) int {
	run := func() int {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		return RunContext(ctx, args, stdout, stderr)
	}
	if stdout != os.Stdout || stderr != os.Stderr {
		return run()
	}
	return supervise(args, run)
}

// RunContext is Run under ctx: when ctx is cancelled (main cancels it on
// SIGINT and SIGTERM) the command stops, removes what it wrote to
// temporary folders, and exits 130. A panic is an internal error
// (ExitInternal), never a crash that would read as bad usage.
func RunContext(ctx context.Context, args []string, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "threatmap: internal error: %v\n%s\nthreatmap: %s\n", r, debug.Stack(), reportBug)
			code = ExitInternal
		}
	}()
	e := &env{stdout: stdout, stderr: stderr, now: clock()}
	root := newRoot(e)
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return ExitOK
	}
	if ctx.Err() != nil {
		fmt.Fprintln(stderr, "threatmap: interrupted")
		return ExitInterrupted
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.msg != "" {
			fmt.Fprintln(stderr, "threatmap: "+escape.Lines(ee.msg))
		}
		return ee.code
	}
	fmt.Fprintln(stderr, "threatmap: "+escape.Lines(err.Error()))
	return ExitUsage
}

// clock returns the time source: THREATMAP_NOW (YYYY-MM-DD) pins "today"
// for reproducible output in tests and examples.
func clock() func() time.Time {
	if s := os.Getenv("THREATMAP_NOW"); s != "" {
		if t, err := time.Parse("2006-01-02", s); err == nil {
			return func() time.Time { return t }
		}
	}
	return time.Now
}

func newRoot(e *env) *cobra.Command {
	root := &cobra.Command{
		Use:   "threatmap",
		Short: "A one-page threat model, drafted from your code and kept honest by CI",
		Long: `threatmap answers three questions about your product, from its code:

  1. What you cannot afford to lose      (assets: user data, credentials and credits, integrity)
  2. Where those things are exposed      (surfaces: entry points, stores, exits, third parties)
  3. Which exposures would be found and exploited first  (threats ranked by difficulty x impact)

The answers live in your repository as threatmap.yaml, which people edit
(responses, owners, acceptances), and 'threatmap check' keeps it honest in CI.

` + exitCodes,
		Example: `  # See the threat map of the bundled example
  threatmap report examples/docqa

  # Your own repository: look, keep the model, then gate CI on it
  threatmap report .
  threatmap init .
  threatmap check .`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageErr("%v\nRun '%s --help' for usage.", err, c.CommandPath())
	})
	root.AddCommand(
		newVersionCmd(e),
		newValidateCmd(e),
		newReportCmd(e),
		newScanCmd(e),
		newRulesCmd(e),
		newCheckCmd(e),
		newInitCmd(e),
		newSyncCmd(e),
		newServicesCmd(e),
		newAcceptCmd(e),
		newTransferCmd(e),
		newEliminateCmd(e),
		newControlCmd(e),
		newReviewCmd(e),
		newDiffCmd(e),
		newExportCmd(e),
		newImportCmd(e),
		newServeCmd(e),
	)
	return root
}

func newVersionCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:     "version",
		Short:   "Print threatmap's version",
		Example: "  threatmap version",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			fmt.Fprintln(e.stdout, "threatmap "+version)
			return nil
		},
	}
}

func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usageErr("%s takes no arguments\nRun '%s --help' for usage.", cmd.CommandPath(), cmd.CommandPath())
	}
	return nil
}

func maxOneArg(cmd *cobra.Command, args []string) error {
	if len(args) > 1 {
		return usageErr("%s takes at most one argument, got %d\nRun '%s --help' for usage.", cmd.CommandPath(), len(args), cmd.CommandPath())
	}
	return nil
}
