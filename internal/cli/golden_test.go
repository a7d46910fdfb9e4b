package cli

import (
	"path/filepath"
	"testing"

	"github.com/threatmap/threatmap/internal/golden"
)

// The bundled examples' pages are pinned: the vulnerable docqa from its
// hand-written model, and both examples drafted from their code alone.
func TestExamplePagesGolden(t *testing.T) {
	t.Setenv("THREATMAP_NOW", "2026-11-29")
	tests := []struct {
		name string
		args []string
	}{
		{"docqa.md", []string{"report", "../../examples/docqa"}},
		{"docqa.json", []string{"report", "../../examples/docqa", "--format", "json"}},
		{"docqa-hardened-drafted.md", []string{"report", "../../examples/docqa-hardened"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, code := run(t, tc.args...)
			if code != ExitOK {
				t.Fatalf("exit %d\n%s", code, out)
			}
			golden.Check(t, filepath.Join("testdata", "golden", tc.name), []byte(out))
		})
	}
}
