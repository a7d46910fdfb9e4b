package python_test

import (
	"path/filepath"
	"testing"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/detectortest"
	"github.com/threatmap/threatmap/internal/detector/route/graphql"
	pyroute "github.com/threatmap/threatmap/internal/detector/route/python"
	"github.com/threatmap/threatmap/internal/detector/route/websocket"
	pyflow "github.com/threatmap/threatmap/internal/flow/python"
)

func detectors() []detector.Detector {
	return []detector.Detector{pyroute.New(), graphql.New(), websocket.New(), pyflow.New()}
}

// TestFixtures runs the frontend, with the routes it starts from, over one
// small app per framework: every sink a route reaches with request data is
// written `# want: KIND via=SOURCE` on the sink's line, and the lookalikes
// (parameterised, sanitised, checked) carry no want. A sink only a
// function's parameter reaches, in code no route calls, is written
// `# want: KIND reach=ROLE` (none, script, migration...).
func TestFixtures(t *testing.T) {
	for _, app := range []string{"flask", "fastapi", "django", "aiohttp"} {
		t.Run(app, func(t *testing.T) {
			dir := filepath.Join("..", "testdata", "python", app)
			f := detectortest.Scan(t, dir, detectors()...)
			detectortest.Check(t, app, detectortest.FlowWeaknesses(f), detectortest.WantsAt(t, dir, ""))
		})
	}
}
