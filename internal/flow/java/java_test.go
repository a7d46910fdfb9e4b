package java_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/detectortest"
	"github.com/threatmap/threatmap/internal/detector/route/jvm"
	javaflow "github.com/threatmap/threatmap/internal/flow/java"
)

func detectors() []detector.Detector {
	return []detector.Detector{jvm.New(), javaflow.New()}
}

// TestFixtures runs the frontend, with the routes it starts from, over
// small apps: every sink a route reaches with request data is written
// `// want: KIND via=SOURCE` on the sink's line, and the lookalikes
// (prepared statements, allow-lists, parsed numbers, escaped or plain
// text, fixed hosts) carry no want. A sink only a method's parameter
// reaches, in code no route calls, is written `// want: KIND reach=none`.
func TestFixtures(t *testing.T) {
	for _, app := range []string{"spring", "jaxrs", "jsp"} {
		t.Run(app, func(t *testing.T) {
			dir := filepath.Join("..", "testdata", "java", app)
			f := detectortest.Scan(t, dir, detectors()...)
			detectortest.Check(t, app, detectortest.FlowWeaknesses(f), detectortest.WantsAt(t, dir, ""))
		})
	}
}

// FuzzDetect feeds arbitrary source through both phases: no input may
// panic or hang, and the seeds run as ordinary tests.
func FuzzDetect(f *testing.F) {
	seeds := []string{
		"@RestController class C { @GetMapping(\"/a\") String a(@RequestParam String q) { return \"redirect:\" + q; } }\n",
		"class D { void x(HttpServletRequest r) throws Exception { Runtime.getRuntime().exec(new String[]{\"sh\", \"-c\", r.getParameter(\"c\")}); } }\n",
		"class E { void x(String s) { StringBuilder b = new StringBuilder(); b.append(\"select * from t where a='\").append(s); st.executeQuery(b.toString()); for (Cookie c : r.getCookies()) { y = c; } } }\n",
		"class F { Object f(String p) { Path x = Paths.get(p).normalize(); if (!x.startsWith(root) || p.equals(\"a\")) throw new E(); switch (p) { case \"a\" -> g(); default -> { return this.f(p); } } } }\n",
		"record R(String a) { R { a = a.trim(); } } interface I { void m(); } enum K { A; void k() { new Object() { void z() { k(); } }; } }\n",
		"class G { void g() { x = () -> { return y -> y + 1; }; int[] a = {1, 2}; a[0] += 3; this.f = (String) o; } }\n",
		"class H extends H { void h() { h(); super.h(); } }\n",
		"@Path(\"/r\") class J { @GET String j(@QueryParam(\"q\") String q) { return String.format(\"%s\", q); } }\n",
		"class {",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		jd, fd := jvm.New(), javaflow.New()
		sink := detector.NewSink()
		ctx := context.Background()
		file := &detector.File{Path: "src/main/java/a/C.java", Data: []byte(src)}
		for _, d := range []detector.Detector{jd, fd} {
			if err := d.Detect(ctx, file, sink); err != nil {
				t.Fatal(err)
			}
		}
		if err := jd.Finish(ctx, sink); err != nil {
			t.Fatal(err)
		}
		if err := fd.Finish(ctx, sink); err != nil {
			t.Fatal(err)
		}
	})
}
