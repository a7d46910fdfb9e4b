package cli

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func init() {
	testCommands["crash-goroutine"] = func() {
		os.Exit(supervise(os.Args[1:], func() int {
			go func() { panic("a detector failed on another goroutine") }()
			time.Sleep(10 * time.Second)
			return ExitOK
		}))
	}
}

// runAs runs the test binary under the name of one of testCommands.
func runAs(t *testing.T, name string, args ...string) (string, int) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Skip(err)
	}
	link := filepath.Join(t.TempDir(), name)
	if err := os.Symlink(exe, link); err != nil {
		t.Skip(err)
	}
	var stderr bytes.Buffer
	cmd := exec.Command(link, args...)
	cmd.Stderr = &stderr
	err = cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatal(err)
	}
	return stderr.String(), cmd.ProcessState.ExitCode()
}

// exitCase is a run of the binary and how it must end.
type exitCase struct {
	name, as string
	args     []string
	code     int
	stderr   string
}

// TestExitCodes: the binary's codes, supervised; a crash the runtime cannot
// recover from is an internal error (3), not bad usage (2).
func TestExitCodes(t *testing.T) {
	tests := []exitCase{
		{"ok", "threatmap", []string{"version"}, ExitOK, ""},
		{"bad usage", "threatmap", []string{"no-such-command"}, ExitUsage, "unknown command"},
		{"invalid input", "threatmap", []string{"validate", filepath.Join("testdata", "no-such.yaml")}, ExitUsage, "no-such.yaml"},
		{"panic on another goroutine", "crash-goroutine", nil, ExitInternal, "please report it"},
	}
	tests = append(tests, platformCrashes...)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stderr, code := runAs(t, tt.as, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tt.code, stderr)
			}
			if !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderr, stderr)
			}
		})
	}
}

// panicWriter fails the way a bug would.
type panicWriter struct{}

func (panicWriter) Write([]byte) (int, error) { panic("a writer that panics") }

// TestRunRecovers: a panic inside Run is an internal error with a request
// to report it, never a crash.
func TestRunRecovers(t *testing.T) {
	var stderr bytes.Buffer
	if code := Run([]string{"version"}, panicWriter{}, &stderr); code != ExitInternal {
		t.Errorf("exit %d, want %d", code, ExitInternal)
	}
	for _, want := range []string{"internal error: a writer that panics", "please report it"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
		}
	}
}
