package cli

import (
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/output"
)

// TestHelpListsTheRegistry: each command's --help lists its formats as
// the registry has them, and its --format help names them all.
func TestHelpListsTheRegistry(t *testing.T) {
	for _, f := range []output.Family{output.Report, output.Check, output.Diff, output.Scan} {
		t.Run(string(f), func(t *testing.T) {
			out, code := run(t, string(f), "--help")
			if code != ExitOK {
				t.Fatalf("exit %d\n%s", code, out)
			}
			if !strings.Contains(out, output.Help(f)) {
				t.Errorf("--help lacks the registry's list:\n%s\nin:\n%s", output.Help(f), out)
			}
			if !strings.Contains(out, "output format: "+strings.Join(output.Names(f), ", ")) {
				t.Errorf("--format's help does not name %v", output.Names(f))
			}
		})
	}
}
