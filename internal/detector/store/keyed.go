package store

import (
	"go/ast"
	"go/token"
	"regexp"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/facts"
)

// A folder the product keeps request files in, when no upload word says
// so: Go code that creates files named by a value (os.Create,
// os.WriteFile or os.OpenFile with O_CREATE, at filepath.Join(dir, id))
// in a package whose handlers read request bodies. A file at a fixed
// name (filepath.Join(dir, "config.json")) is a setting or an export,
// and a package that takes no requests writes no one's files.

// goRequestBodyRE reads a request's body or form files: net/http's
// r.Body, r.FormFile, r.MultipartReader; gin's and echo's c.Request.Body,
// c.FormFile; fiber's c.Body().
var goRequestBodyRE = regexp.MustCompile(`\b(?:r|req|request)\.(?:Body\b|FormFile\(|MultipartReader\(|ParseMultipartForm\()|\.Request(?:\(\))?\.Body\b|\bc\.(?:FormFile|MultipartForm|Body)\(`)

var goWriteWords = []string{"os.Create", "os.WriteFile", "os.OpenFile"}

// goKeyedWrites are the places a Go file creates a file whose name is a
// value under a folder.
func goKeyedWrites(f *detector.File, src []byte) []facts.Evidence {
	if !containsAny(src, goWriteWords...) {
		return nil
	}
	return goFileCreations(f, keyedJoin, true)
}

// goFileCreations are the places a Go file creates a file (os.Create,
// os.WriteFile, and os.OpenFile with O_CREATE when withOpenFile) at a path
// that pathOK accepts, written in place or held by a local assigned one.
func goFileCreations(f *detector.File, pathOK func(ast.Expr) bool, withOpenFile bool) []facts.Evidence {
	af, tf, err := f.GoSyntax()
	if err != nil {
		return nil
	}
	vars := map[string]bool{} // locals assigned such a path, by name
	ast.Inspect(af, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok && len(as.Lhs) == len(as.Rhs) {
			for i, r := range as.Rhs {
				if id, ok := as.Lhs[i].(*ast.Ident); ok && pathOK(r) {
					vars[id.Name] = true
				}
			}
		}
		return true
	})
	var out []facts.Evidence
	ast.Inspect(af, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) == 0 {
			return true
		}
		switch fn := pkgFunc(call.Fun, "os"); {
		case fn == "Create" || fn == "WriteFile":
		case fn == "OpenFile" && withOpenFile:
			if len(call.Args) < 2 || !mentions(call.Args[1], "O_CREATE") {
				return true
			}
		default:
			return true
		}
		if id, ok := call.Args[0].(*ast.Ident); ok && vars[id.Name] || pathOK(call.Args[0]) {
			out = append(out, facts.Evidence{File: f.Path, Line: tf.Line(call.Pos())})
		}
		return true
	})
	return out
}

// keyedJoin: filepath.Join or path.Join whose last part is a value, not
// a fixed name.
func keyedJoin(e ast.Expr) bool {
	call, ok := e.(*ast.CallExpr)
	if !ok || len(call.Args) < 2 {
		return false
	}
	if pkgFunc(call.Fun, "filepath") != "Join" && pkgFunc(call.Fun, "path") != "Join" {
		return false
	}
	lit, ok := call.Args[len(call.Args)-1].(*ast.BasicLit)
	return !ok || lit.Kind != token.STRING
}

// pkgFunc is the name of pkg.Name called, or "".
func pkgFunc(fun ast.Expr, pkg string) string {
	sel, ok := fun.(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	if x, ok := sel.X.(*ast.Ident); ok && x.Name == pkg {
		return sel.Sel.Name
	}
	return ""
}

// mentions: the expression names ident (os.O_CREATE in a flag set).
func mentions(e ast.Expr, ident string) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && id.Name == ident {
			found = true
		}
		return !found
	})
	return found
}
