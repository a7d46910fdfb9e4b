package exit

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/detectortest"
	"github.com/threatmap/threatmap/internal/detector/roles"
	"github.com/threatmap/threatmap/internal/facts"
)

// Fixture expectations: a comment "want: exit <kind>" on the line where
// the exit starts (the line of the call, even when its arguments go on).
// Scoring is by kind, file and line, per ecosystem.

func gotExits(f facts.Facts) []string {
	var out []string
	for _, e := range f.Exits {
		for _, ev := range e.Evidence {
			out = append(out, fmt.Sprintf("%s @%s:%d", e.Kind, ev.File, ev.Line))
		}
	}
	return out
}

// scanExits scans with the tree's roles: a page's script, and a helper
// only its scripts import, send no data from the servers.
func scanExits(t *testing.T, dir string) facts.Facts {
	return detectortest.Scan(t, dir, []detector.Detector{New(), roles.New()}...)
}

func TestFixtures(t *testing.T) {
	for _, eco := range []string{"python", "js", "go", "ruby", "csharp"} {
		t.Run(eco, func(t *testing.T) {
			dir := filepath.Join("testdata", eco)
			f := scanExits(t, dir)
			detectortest.Check(t, "exits/"+eco, gotExits(f), detectortest.WantsAt(t, dir, "exit "))
			for _, e := range f.Exits {
				t.Logf("%s %q %v", e.Kind, e.Detail, e.Evidence)
			}
			for _, w := range f.Warnings {
				t.Logf("warning %s: %s", w.File, w.Message)
			}
		})
	}
}

// TestKinds scores each kind across every ecosystem.
func TestKinds(t *testing.T) {
	var got, want []string
	for _, eco := range []string{"python", "js", "go", "ruby", "csharp"} {
		dir := filepath.Join("testdata", eco)
		for _, g := range gotExits(scanExits(t, dir)) {
			got = append(got, eco+"/"+g)
		}
		for _, w := range detectortest.WantsAt(t, dir, "exit ") {
			want = append(want, eco+"/"+w)
		}
	}
	for _, kind := range []string{KindErrorResponse, KindDebugMode, KindLog, KindEmail, KindExport, KindOutboundCall} {
		detectortest.Check(t, "exits/"+kind, filterKind(got, kind), filterKind(want, kind))
	}
}

func filterKind(xs []string, kind string) []string {
	var out []string
	for _, x := range xs {
		if strings.Contains(x, "/"+kind+" @") {
			out = append(out, x)
		}
	}
	return out
}
