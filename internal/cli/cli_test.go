package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/threatmap/threatmap/internal/golden"
	"github.com/threatmap/threatmap/internal/model"
)

// TestMain lets the testscripts run `threatmap` in-process: the test binary
// re-executes itself as the command.
func TestMain(m *testing.M) {
	testCommands["threatmap"] = func() {
		// THREATMAP_TEST_HOLD names a file diff writes its process id
		// to once it has written the base revision; it then waits to
		// be interrupted.
		if hold := os.Getenv("THREATMAP_TEST_HOLD"); hold != "" {
			afterExtract = func(ctx context.Context, name, dir string) {
				_ = os.WriteFile(hold, []byte(strconv.Itoa(os.Getpid())), 0o644)
				select {
				case <-ctx.Done():
				case <-time.After(time.Minute): // the signal never came: fail, do not hang
				}
			}
		}
		os.Exit(Main(os.Args[1:], os.Stdout, os.Stderr))
	}
	testscript.Main(m, testCommands)
}

// testCommands are the programs the test binary can run as (by the name it
// is called by); tests add theirs.
var testCommands = map[string]func(){}

// TestScript runs the command-line sessions in testdata/script: each
// .txtar file reads like a user's terminal. The golden switch
// (THREATMAP_UPDATE_GOLDEN=1) rewrites their cmp expectations from the
// actual output.
func TestScript(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: golden.Update(),
		Setup: func(env *testscript.Env) error {
			// Pin "today" so overdue dates and goldens do not drift.
			env.Setenv("THREATMAP_NOW", "2026-06-15")
			return nil
		},
	})
}

// TestReportExitCodes pins the exit codes the scripts can only see as
// "non-zero".
func TestReportExitCodes(t *testing.T) {
	dir := t.TempDir()
	valid := filepath.Join(dir, "valid.yaml")
	invalid := filepath.Join(dir, "invalid.yaml")
	writeFile(t, valid, "version: 1\nproduct: {name: Tiny}\n")
	writeFile(t, invalid, "version: 1\nproduct: {name: Tiny}\nsurfacez: []\n")
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"valid model", []string{"report", "--model", valid}, ExitOK},
		{"invalid model", []string{"report", "--model", invalid}, ExitUsage},
		{"missing --model", []string{"report", "--model", filepath.Join(dir, "nowhere.yaml")}, ExitUsage},
		{"unknown format", []string{"report", "--model", valid, "--format", "sarif"}, ExitUsage},
		{"bad top", []string{"report", "--model", valid, "--top", "-1"}, ExitUsage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			if code := Run(tt.args, &out, &errOut); code != tt.code {
				t.Errorf("exit %d, want %d; stderr: %s", code, tt.code, errOut.String())
			}
		})
	}
}

// TestReportMissingModel covers a DIR without threatmap.yaml, with and
// without a drafter behind the draftModel hook.
func TestReportMissingModel(t *testing.T) {
	saved := draftModel
	t.Cleanup(func() { draftModel = saved })
	dir := t.TempDir()

	draftModel = nil
	var out, errOut bytes.Buffer
	if code := Run([]string{"report", dir}, &out, &errOut); code != ExitUsage {
		t.Errorf("no drafter: exit %d, want %d", code, ExitUsage)
	}
	if want := "no threatmap.yaml in " + dir + "; run 'threatmap init " + dir + "' to draft one"; !strings.Contains(errOut.String(), want) {
		t.Errorf("no drafter: stderr %q lacks %q", errOut.String(), want)
	}

	draftModel = func(ctx context.Context, e *env, dir string) (*model.Model, error) {
		return &model.Model{Version: 1, Product: model.Product{Name: "Drafted app"}}, nil
	}
	out.Reset()
	errOut.Reset()
	if code := Run([]string{"report", dir}, &out, &errOut); code != ExitOK {
		t.Fatalf("drafter: exit %d; stderr: %s", code, errOut.String())
	}
	for _, want := range []string{"# Threat model: Drafted app", "Drafted from the code, not saved", "threatmap init"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("drafted report lacks %q:\n%s", want, out.String())
		}
	}
}

// TestReportOutput: -o writes a file atomically, into a device or to
// standard output as a person expects, and never replaces a link, a
// read-only file, a file a person wrote or a device (issue 16: as root, -o /dev/null renamed a
// file over the device).
func TestReportOutput(t *testing.T) {
	dir := t.TempDir()
	modelPath := filepath.Join(dir, "m.yaml")
	writeFile(t, modelPath, "version: 1\nproduct: {name: Tiny}\n")
	target := filepath.Join(dir, "target.md")
	writeFile(t, target, "mine\n")
	link := filepath.Join(dir, "link.md")
	if err := os.Symlink(target, link); err != nil {
		t.Skip(err)
	}
	devLink := filepath.Join(dir, "null-link")
	if err := os.Symlink(os.DevNull, devLink); err != nil {
		t.Skip(err)
	}
	readOnly := filepath.Join(dir, "read-only.md")
	writeFile(t, readOnly, "keep\n")
	if err := os.Chmod(readOnly, 0o444); err != nil {
		t.Fatal(err)
	}
	existing := filepath.Join(dir, "old.md")
	writeFile(t, existing, "# Threat model: Tiny\n\n**At a glance:** an older report\n")
	theirs := filepath.Join(dir, "notes.md")
	writeFile(t, theirs, "my notes\n")
	tests := []struct {
		name, out string
		code      int
		stdout    bool // the page went to standard output
		written   string
	}{
		{"new file", filepath.Join(dir, "page.md"), ExitOK, false, filepath.Join(dir, "page.md")},
		{"an older report is replaced", existing, ExitOK, false, existing},
		{"a file a person wrote", theirs, ExitUsage, false, ""},
		{"standard output", "-", ExitOK, true, ""},
		{"the null device", os.DevNull, ExitOK, false, ""},
		{"a link to the null device", devLink, ExitOK, false, ""},
		{"a link to a file", link, ExitUsage, false, ""},
		{"a read-only file", readOnly, ExitUsage, false, ""},
		{"a folder", dir, ExitUsage, false, ""},
		{"a missing folder", filepath.Join(dir, "no", "such", "page.md"), ExitUsage, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := Run([]string{"report", "--model", modelPath, "-o", tt.out}, &out, &errOut)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tt.code, errOut.String())
			}
			if got := strings.Contains(out.String(), "# Threat model: Tiny"); got != tt.stdout {
				t.Errorf("page on standard output = %v, want %v", got, tt.stdout)
			}
			if tt.written != "" {
				if data, err := os.ReadFile(tt.written); err != nil || !strings.Contains(string(data), "# Threat model: Tiny") {
					t.Errorf("%s does not hold the page (%v)", tt.written, err)
				}
			}
		})
	}
	if st, err := os.Stat(os.DevNull); err != nil || st.Mode()&os.ModeDevice == 0 {
		t.Errorf("%s is no longer a device: %v", os.DevNull, st.Mode())
	}
	for path, want := range map[string]string{target: "mine\n", readOnly: "keep\n", theirs: "my notes\n"} {
		if data, _ := os.ReadFile(path); string(data) != want {
			t.Errorf("%s changed to %q", path, data)
		}
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
