// Package golden pins test output to committed files and rewrites them on
// request, the same way in every package.
//
// The switch is the environment variable THREATMAP_UPDATE_GOLDEN, not a
// -update flag: a test flag exists only in the packages that define it, so
// `go test ./... -update` fails in every other package, while a variable
// reaches every test binary:
//
//	THREATMAP_UPDATE_GOLDEN=1 go test ./...
//
// rewrites every golden file (and the cmp expectations of the CLI's
// testscripts); review the diff like code. go test records the variable, so
// a cached result is not reused when it changes.
package golden

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/diff"
)

// Env is the variable that turns comparison into rewriting.
const Env = "THREATMAP_UPDATE_GOLDEN"

// Update reports whether this run rewrites golden files instead of
// comparing with them: Env is set to 1 (or another true value of
// strconv.ParseBool).
func Update() bool {
	on, err := strconv.ParseBool(os.Getenv(Env))
	return err == nil && on
}

// Check compares got with the file at path, a unified diff in the failure,
// or with Update rewrites the file (only when it differs, creating its
// folder) and passes. It reports with Errorf, so the other goldens of the
// test are still compared.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	want, err := os.ReadFile(path)
	if Update() {
		if err == nil && bytes.Equal(want, got) {
			return
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Errorf("golden: %v", err)
			return
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Errorf("golden: %v", err)
			return
		}
		t.Logf("golden: wrote %s", path)
		return
	}
	switch {
	case errors.Is(err, os.ErrNotExist):
		t.Errorf("golden file %s does not exist; write it with %s", path, hint(t))
	case err != nil:
		t.Errorf("golden: %v", err)
	case !bytes.Equal(want, got):
		t.Errorf("output differs from %s (- golden, + got):\n%s\nIf the change is intended, rewrite it with %s and review the diff.",
			path, diff.Diff(path, want, "got", got), hint(t))
	}
}

// hint is the command that rewrites this test's goldens, run from the
// module root.
func hint(t testing.TB) string {
	return fmt.Sprintf("%s=1 go test %s -run '^%s$'", Env, packageDir(), t.Name())
}

// packageDir is the test's package as a go test argument ("./internal/x"):
// go test runs a test in its package's folder, below the module's go.mod.
func packageDir() string {
	wd, err := os.Getwd()
	if err != nil {
		return "."
	}
	for dir := wd; ; {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			rel, err := filepath.Rel(dir, wd)
			if err != nil || rel == "." {
				return "."
			}
			return "./" + filepath.ToSlash(rel)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "."
		}
		dir = parent
	}
}
