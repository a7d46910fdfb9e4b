package threat_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/model"
)

// A sink in a command-line command (a Flask blueprint's cli group, an
// Artisan command class) runs from an operator's shell: its row leaves
// the map for the not-in-production section and says so. The same sink
// in a route handler, in the same file (Flask) or the same app
// (Laravel), stays on the map.
func TestCommandLineCommands(t *testing.T) {
	for _, tc := range []struct {
		app              string
		command, handler model.Evidence
		how              string
	}{
		{"cli-command-flask", model.Evidence{File: "app/cli.py", Line: 18}, model.Evidence{File: "app/cli.py", Line: 26}, "@archive.command"},
		{"cli-command-laravel", model.Evidence{File: "app/Console/Commands/PackArchive.php", Line: 13},
			model.Evidence{File: "app/Http/Controllers/ArchiveController.php", Line: 11}, "extends Command"},
	} {
		t.Run(tc.app, func(t *testing.T) {
			m := draft(t, filepath.Join("testdata", "where", tc.app))
			var cli, served *model.Threat
			for i, th := range m.Threats {
				if th.Rule != "command-injection" || !th.IsOpen() {
					continue
				}
				if slices.Contains(th.Evidence, tc.command) {
					cli = &m.Threats[i]
				}
				if slices.Contains(th.Evidence, tc.handler) {
					served = &m.Threats[i]
				}
			}
			if cli == nil || served == nil || cli == served {
				t.Fatalf("want one row for the command and one for the handler:\n%s", describe(m, "command-injection"))
			}
			want := "in a CLI command (registered with " + tc.how + "): needs shell access to the server"
			if cli.Where != want || cli.Difficulty != model.Hard {
				t.Errorf("command's row: where %q, difficulty %s; want %q, hard", cli.Where, cli.Difficulty, want)
			}
			if !strings.Contains(cli.Statement, "shell access to the server") {
				t.Errorf("command's statement: %s", cli.Statement)
			}
			if served.Where != "" {
				t.Errorf("handler's row is out of production: %q", served.Where)
			}
		})
	}
}
