package cli

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

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
			golden := filepath.Join("testdata", "golden", tc.name)
			if *update {
				if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/cli -run TestExamplePagesGolden -update)", err)
			}
			if string(want) != out {
				t.Errorf("%s changed; review the diff and run with -update:\n%s", tc.name, lineDiff(string(want), out))
			}
		})
	}
}
