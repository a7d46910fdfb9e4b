package golang

import (
	"context"
	"go/ast"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/flow"
)

// TestSinkCallNames lowers every function of every Go fixture in the
// repository and checks that each one the lowering finds a sink in
// passes callsSinkName, the gate the pass over unreached functions
// applies before lowering: a sink under a name the gate does not know
// would never be reported there.
func TestSinkCallNames(t *testing.T) {
	roots := []string{filepath.Join("..", "testdata", "go"), filepath.Join("..", "..", "detector"), filepath.Join("..", "..", "..", "examples")}
	sinks := 0
	for _, root := range roots {
		d := New()
		err := filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() || !(strings.HasSuffix(p, ".go") && strings.Contains(filepath.ToSlash(p), "/testdata/") || filepath.Base(p) == "go.mod") {
				return err
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(root, p)
			return d.Detect(context.Background(), &detector.File{Path: filepath.ToSlash(rel), Data: data}, detector.NewSink())
		})
		if err != nil {
			t.Fatal(err)
		}
		m := &module{files: d.files, modules: d.modules, pkgs: map[string]*pkg{}}
		a := newAnalyzer(m)
		for _, dir := range sortedDirs(m.files) {
			pk := m.pkgAt(dir)
			if pk == nil {
				continue
			}
			for _, f := range pk.files {
				for _, decl := range f.ast.Decls {
					fd, ok := decl.(*ast.FuncDecl)
					if !ok || fd.Body == nil {
						continue
					}
					fn := a.lower(f, fd)
					if !slices.ContainsFunc(fn.Ops, func(o flow.Op) bool { return len(o.Sinks) > 0 }) {
						continue
					}
					sinks++
					if !callsSinkName(fd.Body) {
						t.Errorf("%s: %s holds a sink, but calls nothing named in sinkCallNames", filepath.Join(root, f.path), fd.Name.Name)
					}
				}
			}
		}
	}
	if sinks < 20 {
		t.Errorf("only %d functions with a sink in the fixtures: the walk missed them", sinks)
	}
}
