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
	"cmp"
	"context"
	"fmt"
	"go/ast"
	"path"
	"slices"
	"strconv"
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
	byKey := map[string]*facts.Weakness{}
	var keys []string
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
		findings, ok := reach(a, p, f, node, r)
		if !ok {
			failed++
			continue
		}
		for _, fd := range findings {
			key := fd.Kind + "\x00" + fd.Sink.File + "\x00" + strconv.Itoa(fd.Sink.Line)
			if wk := byKey[key]; wk != nil {
				if !slices.Contains(wk.Routes, r.ID) {
					wk.Routes = append(wk.Routes, r.ID)
				}
				continue
			}
			byKey[key] = &facts.Weakness{
				ID:       detector.ID("weakness", fd.Kind, fd.Sink.File, strconv.Itoa(fd.Sink.Line)),
				Kind:     fd.Kind,
				Detail:   flow.Detail[fd.Kind],
				Evidence: []facts.Evidence{{File: fd.Sink.File, Line: fd.Sink.Line}},
				Routes:   []string{r.ID},
				Source:   fd.Source,
				Path:     fd.Path,
				Reach:    facts.ReachRoute,
			}
			keys = append(keys, key)
		}
	}
	slices.Sort(keys)
	out := make([]facts.Weakness, 0, len(keys))
	for _, k := range keys {
		out = append(out, *byKey[k])
	}
	return out, failed
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
