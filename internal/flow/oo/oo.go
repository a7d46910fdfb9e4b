// Package oo is what the frontends of class-based languages (Java, C#)
// share: the classes a file declares with their lowered methods, the
// resolver that finds which of the repository's methods a call may run
// (its own class's, a field's or local's declared type, the classes
// extending or implementing it), the handler a route's line falls in,
// and the pass over injection sinks only a method's parameter reaches.
// Each frontend lowers its own syntax into these.
package oo

import (
	"context"
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/flow"
)

// Class is one class (interface, record, struct) and its methods.
type Class struct {
	Name string
	File string
	// Supers are the simple names it extends and implements.
	Supers []string
	// Fields maps a field's (or property's) name to its declared type
	// (simple name).
	Fields map[string]string
	// Unbound are fields a record's save never takes from a bound
	// request: the inverse side of a relation (JPA's mappedBy), a field
	// the JSON binder ignores or reads only, a transient one.
	Unbound map[string]bool
	Methods []*Method
}

// Method is one lowered method, constructor or handler lambda.
type Method struct {
	*flow.Func
	Class *Class
	// Short is the method's own name (Func.Name is Class.name).
	Short string
	Decls []Param
	// Calls holds, per op index, what lowering knew of a call.
	Calls map[int]*Call
	// Body: the method has one (an interface's abstract method has not).
	Body bool
}

// Param is one declared parameter.
type Param struct {
	Name, Type string
	// Anns are its annotations or attributes by simple name, with their
	// text.
	Anns map[string]string
}

// Call is a call as written, before its callee is known.
type Call struct {
	Name string
	// Type is the receiver's declared type (simple name), or the class of
	// a static call or a constructor; empty when unknown.
	Type string
	// Self: a call of the enclosing class's own method (m(), this.m()).
	Self bool
	// Ctor: new T(...).
	Ctor  bool
	NArgs int
	// ArgTypes are its arguments' declared types (simple names), where
	// lowering knew them and a frontend needs them once every class is
	// read: the record a repository's save is handed.
	ArgTypes []string
	// Sinks and Clears are what the vocabulary says the call is, kept
	// unless the call resolves into the repository.
	Sinks  []flow.SinkUse
	Clears []string
}

// Program is every lowered class, as a flow.Resolver.
type Program struct {
	classes map[string][]*Class // by simple name
	// impls are the classes extending or implementing a name.
	impls   map[string][]*Class
	callees map[*flow.Op][]*flow.Func
}

// NewProgram resolves every call of the classes: a call into the
// repository runs its methods; any other keeps the vocabulary's sinks
// and cleaners lowering found for it.
func NewProgram(classes []*Class) *Program {
	p := &Program{classes: map[string][]*Class{}, impls: map[string][]*Class{}, callees: map[*flow.Op][]*flow.Func{}}
	for _, c := range classes {
		p.classes[c.Name] = append(p.classes[c.Name], c)
		for _, s := range c.Supers {
			p.impls[s] = append(p.impls[s], c)
		}
	}
	for _, c := range classes {
		for _, f := range c.Methods {
			for i := range f.Ops {
				op := &f.Ops[i]
				ci := f.Calls[i]
				if op.Kind != flow.Call || ci == nil {
					continue
				}
				gs := p.resolve(f, ci)
				if len(gs) > 0 && !slices.ContainsFunc(gs, notAccessor) && op.Callee.RecvExpr != nil {
					// form.getText(): a getter gives back its object's
					// field, so the result is the receiver's data, read
					// as a library method's is (the field of a form
					// bound from the request is request data).
					gs = nil
				}
				if len(gs) > 0 {
					p.callees[op] = gs
					continue
				}
				op.Sinks = append(op.Sinks, ci.Sinks...)
				op.Clears = ci.Clears
			}
			f.Calls = nil
		}
	}
	return p
}

// Resolve implements flow.Resolver.
func (p *Program) Resolve(_ *flow.Func, op *flow.Op) []*flow.Func { return p.callees[op] }

// resolve finds the repository's methods a call may run.
func (p *Program) resolve(f *Method, ci *Call) []*flow.Func {
	if ci.Ctor {
		return nil // an object made from its arguments
	}
	var cands []*Class
	switch {
	case ci.Self:
		cands = p.lineage(f.Class, 0)
	case ci.Type != "":
		for _, c := range p.classes[ci.Type] {
			cands = append(cands, p.lineage(c, 0)...)
		}
		cands = append(cands, p.impls[ci.Type]...)
	}
	var out, loose []*flow.Func
	for _, c := range cands {
		for _, g := range c.Methods {
			if g.Short != ci.Name || !g.Body {
				continue
			}
			if len(g.Decls) == ci.NArgs {
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

// notAccessor reports a method that is more than a getter: one with
// parameters, or whose body does anything but return one of its class's
// fields.
func notAccessor(g *flow.Func) bool {
	if len(g.Params) > 0 || len(g.Ops) != 1 || g.Ops[0].Kind != flow.Return {
		return true
	}
	refs := g.Ops[0].Src.Refs
	return len(refs) != 1 || !strings.HasPrefix(refs[0].Var, "this.") || refs[0].Path != ""
}

// lineage is a class and the classes of the tree it extends.
func (p *Program) lineage(c *Class, depth int) []*Class {
	out := []*Class{c}
	if depth > 4 {
		return out
	}
	for _, s := range c.Supers {
		for _, sc := range p.classes[s] {
			if sc != c {
				out = append(out, p.lineage(sc, depth+1)...)
			}
		}
	}
	return out
}

// Handler is the method a route runs in a file's classes: the one whose
// lines hold the route's handler line, by the handler's name if several
// do, else the innermost.
func Handler(classes []*Class, r *facts.Route) *Method {
	line := r.HandlerLine
	if line == 0 {
		line = r.Line
	}
	name := r.Handler
	if i := strings.LastIndexAny(name, ".:"); i >= 0 {
		name = name[i+1:]
	}
	var best *Method
	for _, c := range classes {
		for _, f := range c.Methods {
			if !f.Body || line < f.Line || line > f.EndLine {
				continue
			}
			if best == nil || f.Short == name || f.Line > best.Line && best.Short != name {
				best = f
			}
		}
	}
	return best
}

// EntryOf is the entry a route runs its handler with: its steps, and a
// copy of the handler whose parameters say what they carry (set by the
// frontend on the copy's Params).
func EntryOf(r *facts.Route, m *Method) flow.Entry {
	e := flow.Entry{Route: r.ID, Roles: map[int]flow.Role{},
		Steps: []facts.Step{{File: r.File, Line: r.Line, Note: r.Method + " " + r.Path}}}
	if m.File != r.File || m.Line != r.Line {
		e.Steps = append(e.Steps, facts.Step{File: m.File, Line: m.Line, Note: "handler " + m.Name})
	}
	cp := *m.Func
	cp.Params = slices.Clone(m.Func.Params)
	e.Func = &cp
	return e
}

// Run starts the engine from every route whose handler is in one of the
// files, with the entry the frontend makes for it, then reports the
// injection sinks (kinds) only a method's parameter reaches in methods
// nothing calls and no route enters, and adds every weakness to out.
func Run(ctx context.Context, out *detector.Sink, classes []*Class, kinds map[string]bool,
	entry func(r *facts.Route, m *Method) flow.Entry) error {
	p := NewProgram(classes)
	byFile := map[string][]*Class{}
	for _, c := range classes {
		byFile[c.File] = append(byFile[c.File], c)
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
		cs := byFile[file]
		if cs == nil {
			continue
		}
		if m := Handler(cs, r); m != nil {
			entered[m.Func] = true
			for _, fd := range eng.Reach(entry(r, m)) {
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
	for _, c := range classes {
		for _, f := range c.Methods {
			if err := ctx.Err(); err != nil {
				return err
			}
			if called[f.Func] || entered[f.Func] || !hasSink(f.Func) {
				continue
			}
			for _, h := range eng.Summarize(f.Func).Hits {
				if h.Deferred || h.Origin.Param < 0 || !kinds[h.Kind] || rep.Has(h.Kind, h.At) {
					continue
				}
				w := facts.Weakness{Kind: h.Kind, Detail: flow.Detail[h.Kind] + " (from a method's parameter; no route found that reaches it)",
					Path: []facts.Step{{File: f.File, Line: f.Line, Note: f.Name + "(…) called with its parameter"}, h.At}, Reach: facts.ReachNone}
				rep.Add(w, h.At)
			}
		}
	}
	for _, w := range rep.Weaknesses() {
		out.AddWeakness(w)
	}
	return nil
}

func hasSink(f *flow.Func) bool {
	for i := range f.Ops {
		if len(f.Ops[i].Sinks) > 0 {
			return true
		}
	}
	return false
}
