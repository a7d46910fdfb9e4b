package scan_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/detector/all"
	"github.com/threatmap/threatmap/internal/detector/detectortest"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/scan"
)

// Each app under route's testdata/static mounts folders as static files.
// Where a mount is registered its routes are wanted: the mount itself
// ("route GET /public") and each file it serves ("serves
// /public/index.html"). Each app has a lookalike: a folder that looks
// served (static/, assets/) and is not mounted, whose files must not be
// listed. The scan runs on a copy with a link out of the tree in every
// folder that holds files: nothing behind it may be listed.
func TestStaticFiles(t *testing.T) {
	root := filepath.Join("..", "detector", "route", "testdata", "static")
	apps, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "passwd.txt"), []byte("outside\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, app := range apps {
		dir := filepath.Join(root, app.Name())
		t.Run(app.Name(), func(t *testing.T) {
			tree := filepath.Join(t.TempDir(), app.Name())
			if err := os.CopyFS(tree, os.DirFS(dir)); err != nil {
				t.Fatal(err)
			}
			linkOut(t, tree, outside)
			f, err := scan.Run(context.Background(), tree, all.New(), scan.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var have []string
			for _, r := range f.Surfaces {
				have = append(have, "route "+r.Method+" "+r.Path)
			}
			for _, r := range f.StaticFiles {
				have = append(have, "serves "+r.Path)
				if strings.Contains(r.StaticFile, "passwd") || strings.Contains(r.StaticFile, "linked") {
					t.Errorf("%s lists %s, behind a link out of the tree", r.Path, r.StaticFile)
				}
				if !slices.Contains(r.Tags, facts.TagStaticFile) || r.StaticMount == "" {
					t.Errorf("%s: not marked as a static file of its mount: %v %q", r.Path, r.Tags, r.StaticMount)
				}
			}
			detectortest.Check(t, app.Name(), have, detectortest.Wants(t, dir, ""))
		})
	}
}

// linkOut puts a link to outside in every folder of tree that holds a
// file, and one to a file there.
func linkOut(t *testing.T, tree, outside string) {
	t.Helper()
	var dirs []string
	err := filepath.WalkDir(tree, func(p string, d os.DirEntry, err error) error {
		if err == nil && d.IsDir() && p != tree {
			dirs = append(dirs, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		if err := os.Symlink(outside, filepath.Join(d, "linked")); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(filepath.Join(outside, "passwd.txt"), filepath.Join(d, "passwd.txt")); err != nil {
			t.Fatal(err)
		}
	}
}

// A folder with more files than the limit lists the first ones and says
// so in a warning with the mount's place.
func TestStaticFilesCapped(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{
		"go.mod":  "module example.com/x\n\ngo 1.22\n",
		"main.go": "package main\n\nimport \"github.com/gin-gonic/gin\"\n\nfunc main() {\n\tr := gin.Default()\n\tr.Static(\"/assets\", \"./public\")\n\tr.Run()\n}\n",
	}
	for _, n := range []string{"a", "b", "c", "d", "e"} {
		files["public/"+n+".txt"] = n + "\n"
	}
	writeTree(t, root, files)
	f, err := scan.Run(context.Background(), root, all.New(), scan.Options{StaticLimit: 3})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range f.StaticFiles {
		got = append(got, r.Path)
	}
	if strings.Join(got, " ") != "/assets/a.txt /assets/b.txt /assets/c.txt" {
		t.Errorf("listed %v, want the first three", got)
	}
	var w *facts.Warning
	for i := range f.Warnings {
		if f.Warnings[i].Kind == facts.WarnStaticCapped {
			w = &f.Warnings[i]
		}
	}
	if w == nil || w.File != "main.go" || w.Line != 7 || !strings.Contains(w.Message, "serves 5 files") {
		t.Errorf("warning %+v, want one at main.go:7 counting 5 files", w)
	}
	listed := f.Listed()
	if len(listed.Surfaces) != len(f.Surfaces)+3 || listed.Surfaces[1].StaticMount != listed.Surfaces[0].ID {
		t.Errorf("Listed does not put the files after their mount: %+v", listed.Surfaces)
	}
}
