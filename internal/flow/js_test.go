package flow_test

import (
	"fmt"
	"testing"

	"github.com/threatmap/threatmap/internal/detector/detectortest"
	jsroute "github.com/threatmap/threatmap/internal/detector/route/js"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/flow"
)

// weaknesses reads the scan's weaknesses as the fixtures' wants do:
// "KIND via=SOURCE" at a sink a route reaches, "KIND reach=ROLE" at one
// only a function's parameter reaches.
func weaknesses(f facts.Facts) []string {
	var out []string
	for _, w := range f.Weaknesses {
		what := "via=" + w.Source
		if w.Reach != facts.ReachRoute {
			what = "reach=" + w.Reach
		}
		for _, e := range w.Evidence {
			out = append(out, fmt.Sprintf("%s %s @%s:%d", w.Kind, what, e.File, e.Line))
		}
	}
	return out
}

func TestJSFixtures(t *testing.T) {
	for _, dir := range []string{"testdata/js/express", "testdata/js/koa", "testdata/js/swig", "testdata/js/swig-escaped", "testdata/js/pollution", "testdata/js/pollution-fixed", "testdata/js/monorepo", "testdata/js/hono", "testdata/js/nestjs"} {
		t.Run(dir, func(t *testing.T) {
			f := detectortest.Scan(t, dir, jsroute.New(), jsroute.NewNext(), flow.NewJSDetector())
			detectortest.Check(t, dir, weaknesses(f), detectortest.WantsAt(t, dir, ""))
		})
	}
}
