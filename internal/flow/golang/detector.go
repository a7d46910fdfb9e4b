// Package golang follows request data through Go handlers to the calls
// that must not receive it (SQL text, a shell, a URL fetched, a redirect,
// a file path, HTML, a database filter, a model saved whole, a template
// parsed), and reports each such sink on the routes that reach it, with
// the path from the request to the sink.
//
// It starts where the Go route detector resolved each route's handler
// (facts.Route.HandlerFile and HandlerLine), walks the handler's syntax
// tree (go/ast; nothing is type-checked, built or run), and follows
// calls into the repository's own packages through per-parameter
// summaries, a few calls deep. Only the packages a walk reaches are
// parsed.
package golang

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"go/ast"
	"go/token"
	"path"
	"slices"
	"sync"

	"github.com/threatmap/threatmap/internal/detector"
	goroute "github.com/threatmap/threatmap/internal/detector/route/golang"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/flow"
	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/packed"
)

// Detector is the Go data-flow frontend. It must run after the route
// detectors: its Finish reads their routes.
type Detector struct {
	mu      sync.Mutex
	files   map[string][]*srcFile
	modules map[string]string
}

// New returns a detector for one scan.
func New() *Detector {
	return &Detector{files: map[string][]*srcFile{}, modules: map[string]string{}}
}

// Name implements detector.Detector.
func (*Detector) Name() string { return "flow/go" }

// Match keeps the Go sources a server runs (not tests) and go.mod, which
// names the module for calls across packages.
func (*Detector) Match(p string) bool {
	if lang.Of(p) == lang.Go {
		return !lang.IsTest(p)
	}
	return path.Base(p) == "go.mod"
}

// Detect keeps the file, deflated: which files matter is known only once
// the routes are.
func (d *Detector) Detect(ctx context.Context, f *detector.File, out *detector.Sink) error {
	if path.Base(f.Path) == "go.mod" {
		if mod := goroute.ModulePath(f.Data); mod != "" {
			d.mu.Lock()
			d.modules[path.Dir(f.Path)] = mod
			d.mu.Unlock()
		}
		return nil
	}
	s := &srcFile{path: f.Path, src: packed.Pack(f.Data)}
	d.mu.Lock()
	d.files[path.Dir(f.Path)] = append(d.files[path.Dir(f.Path)], s)
	d.mu.Unlock()
	return nil
}

// Finish implements detector.Finisher: every Go route's handler is
// walked once, and each sink reached is one weakness naming every route
// that reaches it.
func (d *Detector) Finish(ctx context.Context, out *detector.Sink) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, fs := range d.files {
		slices.SortFunc(fs, func(a, b *srcFile) int { return cmp.Compare(a.path, b.path) })
	}
	m := &module{files: d.files, modules: d.modules, pkgs: map[string]*pkg{}}
	ws, failed := Analyze(ctx, m, out.Routes())
	for _, w := range ws {
		out.AddWeakness(w)
	}
	d.files = nil
	if failed > 0 {
		return fmt.Errorf("internal error while following request data in %d handlers; their findings are missing", failed)
	}
	return ctx.Err()
}

// Analyze walks the handlers of routes and returns the weaknesses found,
// one per sink, naming every route that reaches it, in a stable order.
func Analyze(ctx context.Context, m *module, routes []facts.Route) (ws []facts.Weakness, failed int) {
	routes = slices.Clone(routes)
	slices.SortFunc(routes, func(a, b facts.Route) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Method, b.Method), cmp.Compare(a.Path, b.Path))
	})
	a := newAnalyzer(m)
	p := flow.NewProgram(a)
	rep := flow.NewReport()
	var walked []span
	for _, r := range routes {
		if ctx.Err() != nil {
			break
		}
		if r.HandlerFile == "" || lang.Of(r.HandlerFile) != lang.Go || r.Condition != "" {
			continue
		}
		f := m.fileAt(r.HandlerFile)
		if f == nil {
			continue
		}
		node := f.funcAt(r.HandlerLine)
		if node == nil {
			continue
		}
		walked = append(walked, span{f.path, f.line(node.Pos()), f.line(node.End())})
		findings, ok := reach(a, p, f, node, r)
		if !ok {
			failed++
			continue
		}
		for _, fd := range findings {
			rep.Route(fd)
		}
		a.release(p, false)
	}
	n := unreached(ctx, m, a, p, rep, walked)
	ws = rep.Weaknesses()
	g := newGuards(m)
	for i := range ws {
		if ws[i].Kind == flow.SSRF {
			ws[i].Guard = g.SSRF(ws[i].Path)
		}
	}
	return ws, failed + n
}

// span is the lines of a route's handler.
type span struct {
	file        string
	first, last int
}

func (s span) holds(at facts.Step) bool {
	return at.File == s.file && at.Line >= s.first && at.Line <= s.last
}

// unreachedKinds are reported when only a function's parameter reaches
// them: the injections whose text the function builds itself.
var unreachedKinds = map[string]bool{flow.SQLInjection: true, flow.CommandInjection: true}

// unreached reports the sinks no route reaches: in a function shaped
// like a handler (it reads a request itself) that no route the scan
// found calls, or, for the injections, from a function's parameter that
// nothing calls with request data. Their reach is the role of the code
// holding them, or none: the threat rules do not rank them as a bot's.
// Only the packages whose files name a sink are parsed for this.
func unreached(ctx context.Context, m *module, a *analyzer, p *flow.Program, rep *flow.Report, walked []span) (failed int) {
	for _, dir := range sortedDirs(m.files) {
		if ctx.Err() != nil {
			return failed
		}
		if !slices.ContainsFunc(m.files[dir], namesSink) {
			continue
		}
		// No handler is looked up from here on: the bodies lowered
		// so far, and each package's after it, are freed.
		a.release(p, true)
		pk := m.pkgAt(dir)
		if pk == nil {
			continue
		}
		for _, f := range pk.files {
			for _, d := range f.ast.Decls {
				fd, ok := d.(*ast.FuncDecl)
				if !ok || !a.callsSink(fd) {
					continue // no call a sink could be: nothing to lower
				}
				hits, ok := summarize(a, p, f, fd)
				if !ok {
					failed++
					continue
				}
				for _, h := range hits {
					if rep.Has(h.Kind, h.At) || h.Deferred || slices.ContainsFunc(walked, func(s span) bool { return s.holds(h.At) }) {
						continue // a route's handler holds it: walked from there already
					}
					w := facts.Weakness{Kind: h.Kind, Reach: facts.ReachNone}
					switch {
					case h.Origin.Param < 0 && h.Origin.Source != "":
						w.Source = h.Origin.Source
						w.Detail = flow.Detail[h.Kind] + " (in a handler no route found reaches)"
					case h.Origin.Param >= 0 && unreachedKinds[h.Kind] && h.Sink != sinkCommand && buildsAt(a.funcs[fd], h.At.Line) &&
						!literalArgs(pk, fd.Name.Name, h.Origin.Param):
						// (A program path or a statement a function is
						// given, as a git wrapper or a query helper is,
						// says nothing: only text it builds.)
						w.Detail = flow.Detail[h.Kind] + " (from a function's parameter; no route found reaches it)"
					default:
						continue
					}
					w.Path = flow.UnreachedPath(facts.Step{File: f.path, Line: f.line(fd.Pos()), Note: fd.Name.Name + " (no route found calls it)"}, h)
					rep.Add(w, h.At)
				}
				// Its own sinks are reported: once summarised, a caller
				// only reads the summary.
				if fn := a.funcs[fd]; fn != nil && p.Summarized(fn) {
					fn.Ops = nil
					delete(a.calls, fn)
				}
			}
		}
	}
	return failed
}

// literalArgs says every call of a function of this name in its package
// passes text the code writes at argument i (a literal, literals joined):
// a condition the caller writes ("alias = ?"), no request's. With no call
// found it says nothing.
func literalArgs(pk *pkg, name string, i int) bool {
	found, all := false, true
	for _, f := range pk.files {
		ast.Inspect(f.ast, func(n ast.Node) bool {
			c, ok := n.(*ast.CallExpr)
			if !ok || !all {
				return all
			}
			var callee string
			switch fn := c.Fun.(type) {
			case *ast.Ident:
				callee = fn.Name
			case *ast.SelectorExpr:
				callee = fn.Sel.Name
			}
			if callee != name {
				return true
			}
			if i >= len(c.Args) || c.Ellipsis.IsValid() {
				all = false
				return false
			}
			found = true
			all = codeText(c.Args[i])
			return all
		})
		if !all {
			return false
		}
	}
	return found
}

// codeText is an expression of text the code writes: string literals
// and their joins.
func codeText(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.BasicLit:
		return x.Kind == token.STRING
	case *ast.ParenExpr:
		return codeText(x.X)
	case *ast.BinaryExpr:
		return x.Op == token.ADD && codeText(x.X) && codeText(x.Y)
	}
	return false
}

// summarize is a function's hits, lowered on first need; ok is false
// after a panic.
func summarize(a *analyzer, p *flow.Program, f *file, fd *ast.FuncDecl) (hits []flow.Hit, ok bool) {
	defer func() {
		if recover() != nil {
			hits, ok = nil, false
		}
	}()
	fn := a.lower(f, fd)
	if !hasSinkOp(fn) {
		return nil, true
	}
	return p.Summarize(fn).Hits, true
}

// buildsAt says the sink at a line of fn is given text fn builds itself
// (a concatenation or a format there, or a local assigned one).
func buildsAt(fn *flow.Func, line int) bool {
	if fn == nil {
		return false
	}
	built := map[string]bool{}
	for _, op := range fn.Ops {
		if op.Kind == flow.Assign && op.Src.Built {
			built[op.Dst] = true
		}
		if op.Kind != flow.Call || op.Line != line {
			continue
		}
		for _, u := range op.Sinks {
			for _, i := range u.Args {
				if i < 0 || i >= len(op.Args) {
					continue
				}
				if op.Args[i].Built || slices.ContainsFunc(op.Args[i].Refs, func(r flow.Ref) bool { return built[r.Var] }) {
					return true
				}
			}
		}
	}
	return false
}

// sinkWords are what a file that calls a sink names; files without any
// are not parsed to look for unreached sinks.
var sinkWords = []string{"exec.Command", "Query", "Exec(", "Raw(", "Where(", "Redirect(", "http.Get", "http.Post",
	"http.Head", "NewRequest", "os.Open", "os.Create", "ReadFile", "WriteFile", "ServeFile", "template.HTML", ".Parse(",
	"Find", ".File(", "SendFile", "Fprint", "WriteString", "Create(", "Save(", "Updates("}

func namesSink(s *srcFile) bool {
	src := s.src.Bytes()
	for _, w := range sinkWords {
		if bytes.Contains(src, []byte(w)) {
			return true
		}
	}
	return false
}

// reach is what one route's handler reaches. Code the frontend did not
// foresee costs that route's findings, never the scan's: ok is false
// after a panic.
func reach(a *analyzer, p *flow.Program, f *file, node ast.Node, r facts.Route) (out []flow.Finding, ok bool) {
	defer func() {
		if recover() != nil {
			out, ok = nil, false
		}
	}()
	e := flow.Entry{Func: a.lower(f, node), Route: r.ID, Steps: []facts.Step{
		{File: r.File, Line: r.Line, Note: r.Method + " " + r.Path},
		{File: r.HandlerFile, Line: r.HandlerLine, Note: "handler " + r.Handler},
	}}
	return p.Reach(e), true
}
