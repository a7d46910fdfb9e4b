package golang

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path"

	goroute "github.com/threatmap/threatmap/internal/detector/route/golang"
	"github.com/threatmap/threatmap/internal/facts"
)

// A URL fetched server-side is no way into the network when the code
// refuses an address that is not public before it connects: a dialer's
// Control or a transport's DialContext that returns an error for a
// private, loopback or link-local address (after DNS, so a rebinding name
// is refused too), or the resolved address checked on the way to the
// fetch. What decides is that a branch taken for such an address rejects
// (returns an error, or ends the handler), never a name: a dialer that
// only sets a timeout, or a check that only logs, guards nothing.

// addrClasses are the methods of net.IP and netip.Addr that say an
// address is not a public one (or, IsGlobalUnicast, that it is).
var addrClasses = map[string]bool{
	"IsPrivate": true, "IsLoopback": true, "IsLinkLocalUnicast": true, "IsLinkLocalMulticast": true,
	"IsUnspecified": true, "IsMulticast": true, "IsInterfaceLocalMulticast": true, "IsGlobalUnicast": true,
}

// guards finds the checks; it parses the files it reads itself, as the
// walk may have dropped the bodies of the functions it lowered.
type guards struct {
	m      *module
	parsed map[string]*guardFile
}

type guardFile struct {
	path    string
	fset    *token.FileSet
	ast     *ast.File
	imports map[string]string
}

func newGuards(m *module) *guards { return &guards{m: m, parsed: map[string]*guardFile{}} }

// file parses a Go file of the tree once; nil when it is not one.
func (g *guards) file(p string) *guardFile {
	if f, ok := g.parsed[p]; ok {
		return f
	}
	var f *guardFile
	if src := g.m.source(p); src != nil {
		fset := token.NewFileSet()
		if af, err := parser.ParseFile(fset, p, src, parser.SkipObjectResolution); err == nil {
			f = &guardFile{path: p, fset: fset, ast: af, imports: goroute.Imports(af)}
		}
	}
	g.parsed[p] = f
	return f
}

func (f *guardFile) line(p token.Pos) int { return f.fset.Position(p).Line }

// enclosing is the function declaration that holds a line.
func (f *guardFile) enclosing(line int) *ast.FuncDecl {
	for _, d := range f.ast.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil && f.line(fd.Pos()) <= line && line <= f.line(fd.End()) {
			return fd
		}
	}
	return nil
}

// callee is the repository's function a call runs, by its name in the
// same package or through an import of the tree's modules; methods are
// not followed.
func (g *guards) callee(f *guardFile, c *ast.CallExpr) (*guardFile, *ast.FuncDecl) {
	dir, name := path.Dir(f.path), ""
	switch fn := unparen(c.Fun).(type) {
	case *ast.Ident:
		name = fn.Name
	case *ast.SelectorExpr:
		id, ok := fn.X.(*ast.Ident)
		if !ok {
			return nil, nil
		}
		ip, ok := f.imports[id.Name]
		if !ok {
			return nil, nil
		}
		if dir = g.m.resolveImport(ip); dir == "" {
			return nil, nil
		}
		name = fn.Sel.Name
	default:
		return nil, nil
	}
	for _, s := range g.m.files[dir] {
		cf := g.file(s.path)
		if cf == nil {
			continue
		}
		for _, d := range cf.ast.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Body != nil && fd.Name.Name == name {
				return cf, fd
			}
		}
	}
	return nil, nil
}

// SSRF is where the code refuses a non-public address for a fetch that
// request data reaches along path (the route, the calls, the sink last):
// in the sink's function or a function of the repository it calls (the
// one that builds its client), or in a function on the way to it. Nil
// when nothing on the way refuses one.
func (g *guards) SSRF(steps []facts.Step) []facts.Evidence {
	for i := len(steps) - 1; i >= 1; i-- {
		f := g.file(steps[i].File)
		if f == nil {
			continue
		}
		fd := f.enclosing(steps[i].Line)
		if fd == nil {
			continue
		}
		if at := g.rejects(f, fd.Body); at > 0 {
			return []facts.Evidence{{File: f.path, Line: at}}
		}
		if i != len(steps)-1 {
			continue
		}
		// The sink's client may be made by a function it calls.
		var found []facts.Evidence
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			c, ok := n.(*ast.CallExpr)
			if !ok || found != nil {
				return found == nil
			}
			if cf, cd := g.callee(f, c); cd != nil {
				if at := g.rejects(cf, cd.Body); at > 0 {
					found = []facts.Evidence{{File: cf.path, Line: at}}
				}
			}
			return true
		})
		if found != nil {
			return found
		}
	}
	return nil
}

// rejects is the line of a branch in body, or in a function literal in
// it (a dialer's Control), that is taken for a non-public address and
// rejects: 0 when there is none. A variable set in a branch the address
// decides (safeIP = ip) carries the decision to a later branch on it (if
// safeIP == nil { return ..., err }).
func (g *guards) rejects(f *guardFile, body *ast.BlockStmt) int {
	decided := map[string]bool{}
	at := 0
	ast.Inspect(body, func(n ast.Node) bool {
		if at > 0 {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, r := range n.Rhs {
				if g.classifies(f, r) {
					markAssigned(n, decided)
				}
			}
		case *ast.IfStmt:
			byAddr := g.classifies(f, n.Cond)
			if !byAddr {
				ast.Inspect(n.Cond, func(c ast.Node) bool {
					if id, ok := c.(*ast.Ident); ok && decided[id.Name] {
						byAddr = true
					}
					return !byAddr
				})
			}
			if !byAddr {
				return true
			}
			if refuses(n.Body) {
				at = f.line(n.Pos())
				return false
			}
			ast.Inspect(n.Body, func(c ast.Node) bool {
				if a, ok := c.(*ast.AssignStmt); ok {
					markAssigned(a, decided)
				}
				return true
			})
		}
		return true
	})
	return at
}

func markAssigned(a *ast.AssignStmt, decided map[string]bool) {
	for _, l := range a.Lhs {
		if id, ok := l.(*ast.Ident); ok && id.Name != "_" {
			decided[id.Name] = true
		}
	}
}

// classifies says an expression asks whether an address is public: one
// of addrClasses, or a function of the repository whose body asks.
func (g *guards) classifies(f *guardFile, e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		c, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		if sel, ok := unparen(c.Fun).(*ast.SelectorExpr); ok && addrClasses[sel.Sel.Name] {
			found = true
			return false
		}
		if cf, cd := g.callee(f, c); cd != nil && cf != nil {
			ast.Inspect(cd.Body, func(n ast.Node) bool {
				if c, ok := n.(*ast.CallExpr); ok {
					if sel, ok := unparen(c.Fun).(*ast.SelectorExpr); ok && addrClasses[sel.Sel.Name] {
						found = true
					}
				}
				return !found
			})
		}
		return !found
	})
	return found
}

// refuses says a branch ends the attempt: it returns an error (a last
// result other than nil), ends a handler (a bare return) or panics.
func refuses(b *ast.BlockStmt) bool {
	for _, s := range b.List {
		switch s := s.(type) {
		case *ast.ReturnStmt:
			if len(s.Results) == 0 {
				return true
			}
			id, ok := unparen(s.Results[len(s.Results)-1]).(*ast.Ident)
			return !ok || id.Name != "nil" && id.Name != "true" && id.Name != "false"
		case *ast.ExprStmt:
			if c, ok := s.X.(*ast.CallExpr); ok {
				if id, ok := c.Fun.(*ast.Ident); ok && id.Name == "panic" {
					return true
				}
			}
		}
	}
	return false
}
