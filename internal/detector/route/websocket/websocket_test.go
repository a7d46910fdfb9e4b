package websocket

import (
	"path/filepath"
	"strconv"
	"testing"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/detectortest"
)

var _ detector.Keyworded = (*Detector)(nil)

// Each app carries its events inline: `want: GET /socket.io#typing`, on
// the line of the handler.
func TestFixtures(t *testing.T) {
	for _, app := range []string{"node", "python"} {
		t.Run(app, func(t *testing.T) {
			dir := filepath.Join("testdata", app)
			f := detectortest.Scan(t, dir, New())
			var got []string
			for _, r := range f.Surfaces {
				got = append(got, r.Method+" "+r.Path+" @"+r.File+":"+strconv.Itoa(r.Line))
				if r.Kind != Kind {
					t.Errorf("%s %s: kind %q", r.Method, r.Path, r.Kind)
				}
			}
			detectortest.Check(t, app, got, detectortest.WantsAt(t, dir, ""))
		})
	}
}
