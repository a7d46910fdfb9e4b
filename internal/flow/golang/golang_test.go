package golang

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/detector"
	goroute "github.com/threatmap/threatmap/internal/detector/route/golang"
	"github.com/threatmap/threatmap/internal/facts"
)

// wantRE is a fixture's expectation on a sink's line:
// `// want: sql-injection via=query`, reached from a route; with
// `reach=none` (or a role), reached from no route (via=- when a
// function's parameter reaches it); `guarded` when the code refuses
// what the sink would be abused with on the way (Weakness.Guard).
var wantRE = regexp.MustCompile(`// want: ([a-z-]+) via=([a-z-]+)(?: reach=([a-z-]+))?( guarded)?`)

// TestFixtures scans each app under internal/flow/testdata/go with the
// Go route detector and this one, and compares the weaknesses found with
// the `// want:` comments: every one found, nothing else (the lookalikes
// beside them must not fire).
func TestFixtures(t *testing.T) {
	root := filepath.Join("..", "testdata", "go")
	apps, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, app := range apps {
		if !app.IsDir() {
			continue
		}
		t.Run(app.Name(), func(t *testing.T) {
			dir := filepath.Join(root, app.Name())
			got, want := scanApp(t, dir), wants(t, dir)
			for _, w := range want {
				if !slices.Contains(got, w) {
					t.Errorf("missed: %s", w)
				}
			}
			for _, g := range got {
				if !slices.Contains(want, g) {
					t.Errorf("unexpected: %s", g)
				}
			}
		})
	}
}

// scanApp runs the route detector and the flow detector over a tree and
// returns each weakness as "file:line kind via=source".
func scanApp(t *testing.T, dir string) []string {
	t.Helper()
	ctx := context.Background()
	sink := detector.NewSink()
	rd, fd := goroute.New(), New()
	var files []*detector.File
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		files = append(files, &detector.File{Path: filepath.ToSlash(rel), Data: data})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		for _, d := range []detector.Detector{rd, fd} {
			if d.Match(f.Path) {
				if err := d.Detect(ctx, f, sink); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	if err := rd.Finish(ctx, sink); err != nil {
		t.Fatal(err)
	}
	if err := fd.Finish(ctx, sink); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, w := range detector.Collected(sink, detector.WeaknessKind) {
		for _, e := range w.Evidence {
			src := w.Source
			if src == "" {
				src = "-"
			}
			guarded := ""
			if len(w.Guard) > 0 {
				guarded = " guarded"
			}
			out = append(out, e.File+":"+strconv.Itoa(e.Line)+" "+w.Kind+" via="+src+" reach="+w.Reach+guarded)
		}
		if w.Reach == facts.ReachRoute {
			checkPath(t, w)
		} else if len(w.Routes) > 0 || len(w.Path) < 2 {
			t.Errorf("%s at %v reached from no route: routes %v path %v", w.Kind, w.Evidence, w.Routes, w.Path)
		}
	}
	return out
}

// checkPath asserts a weakness's shape: routes named, a path from the
// route to the sink, reach route.
func checkPath(t *testing.T, w facts.Weakness) {
	t.Helper()
	if len(w.Routes) == 0 || w.Reach != facts.ReachRoute || len(w.Path) < 3 {
		t.Errorf("%s at %v: routes %v reach %q path %v", w.Kind, w.Evidence, w.Routes, w.Reach, w.Path)
		return
	}
	last := w.Path[len(w.Path)-1]
	if last.File != w.Evidence[0].File || last.Line != w.Evidence[0].Line {
		t.Errorf("%s: path ends at %s:%d, not at the sink %v", w.Kind, last.File, last.Line, w.Evidence)
	}
}

// wants reads the `// want:` comments of a tree.
func wants(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		for i, line := range strings.Split(string(data), "\n") {
			if m := wantRE.FindStringSubmatch(line); m != nil {
				reach := m[3]
				if reach == "" {
					reach = facts.ReachRoute
				}
				out = append(out, filepath.ToSlash(rel)+":"+strconv.Itoa(i+1)+" "+m[1]+" via="+m[2]+" reach="+reach+m[4])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
