package detector

import (
	"go/ast"
	"go/parser"
	"go/token"
	"sync/atomic"
)

var goParses atomic.Int64

// GoParses is how many times ParseGo has run in this process: tests hold
// the detectors that read one Go file to a single parse of it.
func GoParses() int64 { return goParses.Load() }

// ParseGo reads Go source into a file set of its own, so positions are
// the same on every parse of the same bytes. A file with a syntax error
// gives only the error.
func ParseGo(name string, src []byte) (*ast.File, *token.File, error) {
	goParses.Add(1)
	fset := token.NewFileSet()
	af, err := parser.ParseFile(fset, name, src, parser.SkipObjectResolution)
	if err != nil {
		return nil, nil, err
	}
	return af, fset.File(af.Pos()), nil
}

type goSyntaxKey struct{}

type goSyntax struct {
	af  *ast.File
	tf  *token.File
	err error
}

// GoSyntax is the file parsed as Go (ParseGo, named by its path), once
// per File for every detector that reads its declarations: the Go route
// detector and the response detector read one parse. Callers must not
// change the tree.
func (f *File) GoSyntax() (*ast.File, *token.File, error) {
	s := Memo(f, goSyntaxKey{}, func() goSyntax {
		af, tf, err := ParseGo(f.Path, f.Data)
		return goSyntax{af, tf, err}
	})
	return s.af, s.tf, s.err
}
