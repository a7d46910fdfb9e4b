// Package java is the data-flow frontend for Java: it lowers each method
// of a file into a flow.Func, resolves calls into the repository's own
// classes (this.m(), a static Cls.m(), a field or local typed by a class
// of the tree), and starts the engine from every Java route's handler,
// whose bound parameters (@RequestParam, @PathVariable, JAX-RS @QueryParam
// ...) and servlet request (getParameter, getHeader, getCookies) are the
// sources. Sinks, cleaners and request parts are data, in vocab.go.
package java

import (
	"context"
	"slices"
	"strings"
	"sync"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/flow"
	"github.com/threatmap/threatmap/internal/lang"
)

// Detector is the Java frontend as a detector: Detect lowers each file;
// Finish starts the engine from every Java route's handler and reports
// each sink request data reaches as a weakness on that route, and each
// injection sink only a method's parameter reaches with no route found.
type Detector struct {
	mu   sync.Mutex
	mods []*module
}

// New returns the frontend for one scan.
func New() *Detector { return &Detector{} }

// Name implements detector.Detector.
func (*Detector) Name() string { return "flow/java" }

// Match implements detector.Detector.
func (*Detector) Match(p string) bool { return lang.Of(p) == lang.Java }

// Detect implements detector.Detector.
func (d *Detector) Detect(ctx context.Context, f *detector.File, _ *detector.Sink) error {
	t, err := f.Tree(ctx, lang.Java)
	if err != nil {
		return err
	}
	m := &module{path: f.Path}
	extract(t, m)
	if err := ctx.Err(); err != nil {
		return err
	}
	d.mu.Lock()
	d.mods = append(d.mods, m)
	d.mu.Unlock()
	return nil
}

// program is every lowered class, for the resolver.
type program struct {
	classes map[string][]*class // by simple name
	// impls are the classes extending or implementing a name.
	impls   map[string][]*class
	callees map[*flow.Op][]*flow.Func
}

func newProgram(mods []*module) *program {
	p := &program{classes: map[string][]*class{}, impls: map[string][]*class{}, callees: map[*flow.Op][]*flow.Func{}}
	for _, m := range mods {
		for _, c := range m.classes {
			p.classes[c.name] = append(p.classes[c.name], c)
			for _, s := range c.supers {
				p.impls[s] = append(p.impls[s], c)
			}
		}
	}
	for _, m := range mods {
		for _, c := range m.classes {
			for _, f := range c.methods {
				for i := range f.Ops {
					op := &f.Ops[i]
					ci := f.calls[i]
					if op.Kind != flow.Call || ci == nil {
						continue
					}
					gs := p.resolve(f, ci)
					if len(gs) > 0 {
						p.callees[op] = gs
						continue
					}
					op.Sinks = append(op.Sinks, ci.sinks...)
					op.Clears = ci.clears
				}
				f.calls = nil
			}
		}
	}
	return p
}

// Resolve implements flow.Resolver.
func (p *program) Resolve(_ *flow.Func, op *flow.Op) []*flow.Func { return p.callees[op] }

// resolve finds the repository's methods a call may run.
func (p *program) resolve(f *method, ci *callInfo) []*flow.Func {
	if ci.ctor {
		return nil // an object made from its arguments
	}
	var cands []*class
	switch {
	case ci.self:
		cands = p.lineage(f.class, 0)
	case ci.typ != "":
		for _, c := range p.classes[ci.typ] {
			cands = append(cands, p.lineage(c, 0)...)
		}
		cands = append(cands, p.impls[ci.typ]...)
	}
	var out, loose []*flow.Func
	for _, c := range cands {
		for _, g := range c.methods {
			if g.name != ci.name || !g.body {
				continue
			}
			if len(g.params) == ci.nargs {
				out = append(out, g.Func)
			} else {
				loose = append(loose, g.Func)
			}
		}
		if len(out) >= 8 {
			break
		}
	}
	if len(out) == 0 {
		out = loose
	}
	if len(out) > 8 {
		out = out[:8]
	}
	return out
}

// lineage is a class and the classes of the tree it extends.
func (p *program) lineage(c *class, depth int) []*class {
	out := []*class{c}
	if depth > 4 {
		return out
	}
	for _, s := range c.supers {
		for _, sc := range p.classes[s] {
			if sc != c {
				out = append(out, p.lineage(sc, depth+1)...)
			}
		}
	}
	return out
}

// Finish implements detector.Finisher.
func (d *Detector) Finish(ctx context.Context, out *detector.Sink) error {
	d.mu.Lock()
	mods := d.mods
	d.mods = nil
	d.mu.Unlock()
	if len(mods) == 0 {
		return nil
	}
	p := newProgram(mods)
	byPath := map[string]*module{}
	for _, m := range mods {
		byPath[m.path] = m
	}
	eng := flow.NewProgram(p)
	rep := flow.NewReport()
	routes := out.Routes()
	entered := map[*flow.Func]bool{}
	for i := range routes {
		if err := ctx.Err(); err != nil {
			return err
		}
		r := &routes[i]
		file := r.HandlerFile
		if file == "" {
			file = r.File
		}
		m := byPath[file]
		if m == nil {
			continue
		}
		if e, ok, f := entry(m, r); ok {
			entered[f] = true
			for _, fd := range eng.Reach(e) {
				rep.Route(fd)
			}
		}
	}
	// Injection sinks no route reaches: a method's parameter reaches
	// them, and nothing the scan knows calls it (a route's handler, or
	// a method called from anywhere, reads what it is given from there).
	called := map[*flow.Func]bool{}
	for _, gs := range p.callees {
		for _, g := range gs {
			called[g] = true
		}
	}
	for _, m := range mods {
		for _, c := range m.classes {
			for _, f := range c.methods {
				if err := ctx.Err(); err != nil {
					return err
				}
				if called[f.Func] || entered[f.Func] || !hasSink(f.Func) {
					continue
				}
				for _, h := range eng.Summarize(f.Func).Hits {
					if h.Deferred || h.Origin.Param < 0 || !unreachedKinds[h.Kind] || rep.Has(h.Kind, h.At) {
						continue
					}
					w := facts.Weakness{Kind: h.Kind, Detail: flow.Detail[h.Kind] + " (from a method's parameter; no route found that reaches it)",
						Path: []facts.Step{{File: f.File, Line: f.Line, Note: f.Name + "(…) called with its parameter"}, h.At}, Reach: facts.ReachNone}
					rep.Add(w, h.At)
				}
			}
		}
	}
	for _, w := range rep.Weaknesses() {
		out.AddWeakness(w)
	}
	return nil
}

// unreachedKinds are reported when only a parameter reaches them.
var unreachedKinds = map[string]bool{flow.SQLInjection: true, flow.CommandInjection: true}

func hasSink(f *flow.Func) bool {
	for i := range f.Ops {
		if len(f.Ops[i].Sinks) > 0 {
			return true
		}
	}
	return false
}

// entry is the handler a route runs, with what its parameters carry.
func entry(m *module, r *facts.Route) (flow.Entry, bool, *flow.Func) {
	line := r.HandlerLine
	if line == 0 {
		line = r.Line
	}
	name := r.Handler
	if i := strings.LastIndexAny(name, ".:"); i >= 0 {
		name = name[i+1:]
	}
	var best *method
	for _, c := range m.classes {
		for _, f := range c.methods {
			if !f.body || line < f.Line || line > f.EndLine {
				continue
			}
			if best == nil || f.name == name || f.Line > best.Line && best.name != name {
				best = f
			}
		}
	}
	if best == nil {
		return flow.Entry{}, false, nil
	}
	e := flow.Entry{Route: r.ID, Roles: map[int]flow.Role{}, Parts: fromRequest,
		Steps: []facts.Step{{File: r.File, Line: r.Line, Note: r.Method + " " + r.Path}}}
	if best.File != r.File || best.Line != r.Line {
		e.Steps = append(e.Steps, facts.Step{File: best.File, Line: best.Line, Note: "handler " + best.Name})
	}
	cp := *best.Func
	cp.Params = slices.Clone(best.Params)
	jaxrs := strings.Contains(r.Framework, "jax")
	for i, pr := range best.params {
		if requestTypes[pr.typ] {
			e.Roles[i] = flow.RoleRequest
			continue
		}
		if src := paramSource(pr, jaxrs, r); src != "" {
			cp.Params[i].Source = src
			if src != facts.SourceBody || pr.typ == "String" {
				// One named value bound (a query or form field, a
				// header), not the whole body as parsed.
				cp.Params[i].Path = "." + pr.name
			}
		}
	}
	e.Func = &cp
	return e, true, best.Func
}

// paramSource is what a handler's parameter carries, from its
// annotations and type.
func paramSource(pr param, jaxrs bool, r *facts.Route) string {
	if scalar[pr.typ] || nonData[pr.typ] {
		return ""
	}
	for a, src := range paramSources {
		if _, ok := pr.anns[a]; ok {
			return src
		}
	}
	if len(pr.anns) > 0 {
		// @AuthenticationPrincipal, @Valid alone, @Context: what the
		// framework or a guard gives, unless a binding says otherwise.
		if _, ok := pr.anns["Valid"]; !ok || len(pr.anns) > 1 {
			return ""
		}
	}
	switch {
	case jaxrs:
		// JAX-RS: the one unannotated parameter is the entity body.
		return facts.SourceBody
	case pr.typ == "String" || pr.typ == "List" || pr.typ == "Map" || pr.typ == "MultiValueMap":
		// Spring binds a simple unannotated parameter from the query
		// or form by its name.
		if strings.Contains(r.Path, "{"+pr.name+"}") {
			return facts.SourceParam
		}
		return facts.SourceQuery
	case pr.typ == "MultipartFile":
		return facts.SourceBody
	}
	return ""
}
