package csharp_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/detectortest"
	"github.com/threatmap/threatmap/internal/detector/route/csharp"
	csflow "github.com/threatmap/threatmap/internal/flow/csharp"
)

func detectors() []detector.Detector {
	return []detector.Detector{csharp.New(), csflow.New()}
}

// TestFixtures runs the frontend, with the routes it starts from, over
// small apps: every sink a route reaches with request data is written
// `// want: KIND via=SOURCE` on the sink's line, and the lookalikes
// (interpolated FromSql, parameters, parsed numbers, base names, local
// URL checks, encoded or plain text, fixed types) carry no want. A sink
// only a method's parameter reaches, in code no route calls, is written
// `// want: KIND reach=none`.
func TestFixtures(t *testing.T) {
	for _, app := range []string{"webapi", "minimal", "mvc", "mediatr"} {
		t.Run(app, func(t *testing.T) {
			dir := filepath.Join("..", "testdata", "csharp", app)
			f := detectortest.Scan(t, dir, detectors()...)
			detectortest.Check(t, app, detectortest.FlowWeaknesses(f), detectortest.WantsAt(t, dir, ""))
		})
	}
}

// FuzzDetect feeds arbitrary source through both phases: no input may
// panic or hang, and the seeds run as ordinary tests.
func FuzzDetect(f *testing.F) {
	seeds := []string{
		"[Route(\"a\")] class C : Controller { [HttpGet] IActionResult A(string q) => Redirect(q); }\n",
		"class D { void X() { var s = $\"select {Request.Query[\"a\"]}\"; db.FromSql(s); foreach (var x in y) { z += x; } } }\n",
		"app.MapGet(\"/x\", (string q) => { if (!Url.IsLocalUrl(q)) return 1; return Results.Redirect(q); });\n",
		"class E { E() : base() {} int P { get; set; } void F() { var p = new ProcessStartInfo { FileName = a, Arguments = b }; x?.Y(z); } }\n",
		"record R(string A); interface I { void M(); } struct S { void T() { switch (a) { case 1: b(); break; } try { } catch { } finally { } } }\n",
		"class {",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		rd, fd := csharp.New(), csflow.New()
		sink := detector.NewSink()
		ctx := context.Background()
		file := &detector.File{Path: "Controllers/C.cs", Data: []byte(src)}
		for _, d := range []detector.Detector{rd, fd} {
			if err := d.Detect(ctx, file, sink); err != nil {
				t.Fatal(err)
			}
		}
		if fin, ok := detector.Detector(rd).(detector.Finisher); ok {
			if err := fin.Finish(ctx, sink); err != nil {
				t.Fatal(err)
			}
		}
		if err := fd.Finish(ctx, sink); err != nil {
			t.Fatal(err)
		}
	})
}
