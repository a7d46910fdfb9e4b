package python

import (
	"path/filepath"
	"testing"

	"github.com/threatmap/threatmap/internal/detector/detectortest"
	"github.com/threatmap/threatmap/internal/facts"
)

// scan runs the detector over a fixture app.
func scan(t *testing.T, app string) facts.Facts {
	t.Helper()
	return detectortest.Scan(t, filepath.Join("testdata", app), New())
}

// TestFixtures scores each fixture app's routes against its inline wants.
func TestFixtures(t *testing.T) {
	for _, app := range []string{"flask", "flask_restful", "fastapi", "django"} {
		t.Run(app, func(t *testing.T) {
			f := scan(t, app)
			var got []string
			for _, r := range f.Surfaces {
				got = append(got, r.Method+" "+r.Path)
			}
			detectortest.Check(t, app, got, detectortest.Wants(t, filepath.Join("testdata", app), ""))
			for _, w := range f.Warnings {
				t.Logf("warning: %s: %s", w.File, w.Message)
			}
		})
	}
}
