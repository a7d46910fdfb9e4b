package python

import (
	pyroute "github.com/threatmap/threatmap/internal/detector/route/python"
	"slices"
	"sort"
	"strings"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/flow"
	"github.com/threatmap/threatmap/internal/flow/oo"
)

// program is every module of the scan, indexed for resolution.
type program struct {
	mods   []*module
	byPath map[string]*module
	byName *pyroute.Modules[*module]
	byFunc map[*flow.Func]*fn
	// callees are the repository functions each call resolves to, by
	// function and op index: computed once, before the engine runs.
	callees map[*flow.Op][]*flow.Func
}

func newProgram(mods []*module) *program {
	sort.Slice(mods, func(i, j int) bool { return mods[i].path < mods[j].path })
	p := &program{mods: mods, byPath: map[string]*module{},
		byFunc: map[*flow.Func]*fn{}, callees: map[*flow.Op][]*flow.Func{}}
	for _, m := range mods {
		p.byPath[m.path] = m
		for _, f := range m.order {
			p.byFunc[f.Func] = f
		}
	}
	p.byName = pyroute.NewModules(mods, func(m *module) string { return m.path }, func(m *module) string { return m.dotted })
	return p
}

// module is the module an import of dotted from `from` means, found as
// the route detector finds it.
func (p *program) module(from *module, dotted string) *module {
	m, _ := p.byName.Resolve(from.path, dotted)
	return m
}

// split cuts a qualified name into the repository module it names and
// the rest (a function, Class.method, or a module-level variable and
// what follows), trying the longest module first. A package that binds
// a name itself (app/models/__init__.py: from .Benefits.benefits import
// Benefits) means its own binding, not the submodule of that name, as
// Python's attribute lookup does.
func (p *program) split(from *module, q string) (*module, string) {
	parts := strings.Split(q, ".")
	for i := len(parts) - 1; i >= 1; i-- {
		m := p.module(from, strings.Join(parts[:i], "."))
		if m == nil {
			continue
		}
		if i >= 2 {
			if pkg := p.module(from, strings.Join(parts[:i-1], ".")); pkg != nil && pkg != m && pkg.binds(parts[i-1]) {
				return pkg, strings.Join(parts[i-1:], ".")
			}
		}
		return m, strings.Join(parts[i:], ".")
	}
	return nil, ""
}

// deep resolves a qualified name through the repository: a name
// imported from another module that is bound there to a call's result
// (from shop.db import mongo, where mongo = MongoClient()) becomes that
// call's qualified name.
func (p *program) deep(from *module, q string) string {
	for range 4 {
		m, rest := p.split(from, q)
		if m == nil {
			return q
		}
		root, tail, _ := strings.Cut(rest, ".")
		switch {
		case m.types[root] != "":
			q = join(m.types[root], tail)
		case m.imports[root] != "" && m.imports[root] != q:
			q = join(m.imports[root], tail)
		default:
			return q
		}
		from = m
	}
	return q
}

// resolve finds the repository functions a call may call.
func (p *program) resolve(f *fn, ci *callInfo) []*fn {
	q := ci.fun
	if rest, ok := strings.CutPrefix(q, "self."); ok && f.class != "" {
		return p.method(f.mod, f.class, rest, 0)
	}
	if rest, ok := strings.CutPrefix(q, "cls."); ok && f.class != "" {
		return p.method(f.mod, f.class, rest, 0)
	}
	m, rest := p.split(f.mod, q)
	if m == nil {
		return nil
	}
	if g := m.funcs[rest]; g != nil {
		return []*fn{g}
	}
	// Class.method, or an instance's method: mod.Class.method where
	// the instance's type is the class.
	if cls, meth, ok := strings.Cut(rest, "."); ok {
		if _, isClass := m.classes[cls]; isClass && !strings.Contains(meth, ".") {
			return p.method(m, cls, meth, 0)
		}
	}
	return nil
}

// function is the module-level function of the repository a name
// written in from means, through its imports; nil for anything else.
func (p *program) function(from *module, name string) *fn {
	m, rest := p.split(from, p.deep(from, from.qualify(name, nil)))
	if m == nil {
		return nil
	}
	if g := m.funcs[rest]; g != nil && g.class == "" {
		return g
	}
	return nil
}

// method finds name on a class or, failing that, on its bases in the
// repository.
func (p *program) method(m *module, class, name string, depth int) []*fn {
	if depth > 4 {
		return nil
	}
	if g := m.funcs[class+"."+name]; g != nil {
		return []*fn{g}
	}
	for _, b := range m.classes[class] {
		bm, rest := m, b
		if _, local := m.classes[b]; !local {
			bm, rest = p.split(m, p.deep(m, m.qualify(b, nil)))
			if bm == nil {
				continue
			}
		}
		if out := p.method(bm, rest, name, depth+1); len(out) > 0 {
			return out
		}
	}
	return nil
}

// isClass reports whether a qualified name is a class in the repository.
func (p *program) isClass(from *module, q string) bool {
	m, rest := p.split(from, q)
	if m == nil {
		return false
	}
	_, ok := m.classes[rest]
	return ok
}

// djangoForm reports whether a qualified name is a class of the
// repository whose lineage reaches django.forms (Form, ModelForm): built
// from the request, it renders its fields as widgets whose values
// Django escapes, even under |safe.
func (p *program) djangoForm(from *module, q string, depth int) bool {
	m, rest := p.split(from, q)
	if m == nil || depth > 4 {
		return false
	}
	return p.formClass(m, rest, depth)
}

// formClass is djangoForm for a class of module m.
func (p *program) formClass(m *module, class string, depth int) bool {
	for _, b := range m.classes[class] {
		if _, local := m.classes[b]; local {
			if depth < 4 && p.formClass(m, b, depth+1) {
				return true
			}
			continue
		}
		qb := p.deep(m, m.qualify(b, nil))
		if strings.HasPrefix(qb, "django.forms.") || p.djangoForm(m, qb, depth+1) {
			return true
		}
	}
	return false
}

// prepare gives every call its sinks, sanitisers and repository
// callees, with keyword arguments put where the callee's parameters are.
func (p *program) prepare() {
	for _, m := range p.mods {
		for _, f := range m.order {
			for i := range f.Ops {
				op := &f.Ops[i]
				if op.Kind != flow.Call {
					continue
				}
				if slices.Contains(f.returnsHTML, i) {
					if f.flaskView() {
						op.Sinks = append(op.Sinks, flow.SinkUse{Sink: sinkBuiltHTML, Args: []int{0}})
					}
					continue
				}
				ci := f.calls[i]
				if ci == nil {
					continue
				}
				if !strings.Contains(ci.fun, ".") {
					// A function the module defines below the caller:
					// lowering had not seen it yet.
					ci.fun = m.qualify(ci.fun, nil)
				}
				ci.fun = p.deep(m, ci.fun)
				if gs := p.resolve(f, ci); len(gs) > 0 {
					p.bindCallees(op, ci, gs)
					continue
				}
				if gs := p.resolveTyped(f, ci); len(gs) > 0 {
					p.bindCallees(op, ci, gs)
					continue
				}
				p.library(f, op, ci)
				storedRead(f.Func, i, ci)
				p.formData(f, i, ci)
			}
		}
	}
}

func (p *program) bindCallees(op *flow.Op, ci *callInfo, gs []*fn) {
	for _, g := range gs {
		p.callees[op] = append(p.callees[op], g.Func)
	}
	if len(gs) != 1 || len(ci.kw) == 0 && ci.splat < 0 {
		return
	}
	g := gs[0]
	args := slices.Clone(op.Args[:ci.npos])
	for k, name := range ci.kw {
		at := slices.IndexFunc(g.params, func(pr param) bool { return pr.name == name && !pr.splat })
		if at < 0 {
			continue
		}
		for len(args) <= at {
			args = append(args, flow.Expr{})
		}
		args[at] = op.Args[ci.npos+k]
	}
	if ci.splat >= 0 {
		// A dict spread into the call (**body.dict()) fills the
		// parameters no argument gave by their names. One only staff
		// should set (admin, role) filled from the request body is the
		// body choosing it: the call is a record written from it.
		for at, pr := range g.params {
			if pr.splat || !flow.PrivilegedField(pr.name) || at < ci.npos && at != ci.splat || slices.Contains(ci.kw, pr.name) {
				continue
			}
			for len(args) <= at {
				args = append(args, flow.Expr{})
			}
			args[at] = op.Args[ci.splat]
			op.Sinks = append(op.Sinks, flow.SinkUse{Sink: flow.SinkMassAssign, Args: []int{at}})
			break
		}
	}
	op.Args = args
}

// resolveTyped finds the repository method a call on a parameter calls
// when the parameter's annotation names a class of the repository
// (users_repo: UsersRepository, then users_repo.update_user(...)).
func (p *program) resolveTyped(f *fn, ci *callInfo) []*fn {
	root, rest, ok := strings.Cut(ci.fun, ".")
	if !ok || strings.Contains(rest, ".") {
		return nil
	}
	at := slices.IndexFunc(f.params, func(pr param) bool { return pr.name == root && !pr.splat })
	if at < 0 {
		return nil
	}
	ann := strings.TrimSpace(f.params[at].annotation)
	if inner, ok := strings.CutPrefix(ann, "Optional["); ok {
		ann = strings.TrimSuffix(inner, "]")
	}
	if ann == "" || !isClassName(ann[strings.LastIndexByte(ann, '.')+1:]) {
		return nil
	}
	q := p.deep(f.mod, f.mod.qualify(ann, nil))
	if !p.isClass(f.mod, q) {
		return nil
	}
	typed := *ci
	typed.fun = q + "." + rest
	return p.resolve(f, &typed)
}

// library gives a call outside the repository what the vocabulary says
// it is.
func (p *program) library(f *fn, op *flow.Op, ci *callInfo) {
	q := ci.fun
	name := op.Callee.Name
	add := func(specs []sinkSpec) {
		for _, s := range specs {
			if s.when != nil && !s.when(ci) {
				continue
			}
			if at, ok := ci.arg(s); ok {
				op.Sinks = append(op.Sinks, flow.SinkUse{Sink: s.sink, Args: []int{at}})
			}
		}
	}
	if specs, ok := sinks[q]; ok {
		add(specs)
	} else if op.Callee.Recv != "" {
		if specs, ok := methodSinks[name]; ok {
			add(specs)
		}
		if mongoMethods[name] && hasPrefix(q, mongoLibs) {
			add(spec(flow.SinkNoSQL, "filter", 0))
			add(spec(flow.SinkWhere, "filter", 0))
		}
		if name == "extra" {
			// QuerySet.extra: every argument is SQL text.
			all := make([]int, len(op.Args))
			for k := range all {
				all[k] = k
			}
			op.Sinks = append(op.Sinks, flow.SinkUse{Sink: sinkSQLFragment, Args: all})
		}
		if name == "update" && ci.npos == 1 && (strings.HasSuffix(op.Callee.Recv, "__dict__") || strings.Contains(q, ".query.") || strings.Contains(q, ".filter")) {
			add(spec(flow.SinkMassAssign, "", 0))
		}
	}
	if ci.splat >= 0 && (createMethods[name] || p.isClass(f.mod, q) || isClassName(name)) {
		op.Sinks = append(op.Sinks, flow.SinkUse{Sink: flow.SinkMassAssign, Args: []int{ci.splat}})
	}
	if kinds, ok := sanitisers[q]; ok {
		op.Clears = kinds
	} else if isClassName(name) && p.djangoForm(f.mod, q, 0) {
		op.Clears = []string{flow.XSS}
	} else if name == "url_for" && op.Callee.Recv != "" {
		// request.url_for("login") (Starlette): the URL of the app's
		// own route, whatever the path parameters.
		op.Clears = []string{flow.OpenRedirect, flow.SSRF}
	}
	renderCall(op, ci, q)
}

// renders are the calls that render a template file by name: where the
// name is, and the context dict's position (-1: the keyword arguments
// are the values).
var renders = map[string]struct {
	name, context int
	contextKw     string
}{
	"flask.render_template":                     {0, -1, ""},
	"quart.render_template":                     {0, -1, ""},
	"django.shortcuts.render":                   {1, 2, "context"},
	"django.shortcuts.render_to_response":       {0, 1, "context"},
	"django.template.loader.render_to_string":   {0, 1, "context"},
	"django.template.response.TemplateResponse": {1, 2, "context"},
	"TemplateResponse":                          {0, 1, "context"}, // Starlette's and FastAPI's Jinja2Templates
}

// renderCall marks a call that renders a template file by a literal name
// with values: each value is keyed by the name the template reads it by
// (a context dict's keys, or the keyword arguments), for
// Templates.Bind.
func renderCall(op *flow.Op, ci *callInfo, q string) {
	r, ok := renders[q]
	if !ok && strings.HasSuffix(q, ".TemplateResponse") {
		r, ok = renders["TemplateResponse"]
	}
	if !ok || r.name >= len(ci.argText) {
		return
	}
	name, ok := ci.argLit[r.name]
	if !ok {
		return
	}
	var locals flow.Expr
	switch {
	case r.context >= 0 && r.context < ci.npos:
		locals = op.Args[r.context]
	case r.contextKw != "" && slices.Contains(ci.kw, r.contextKw):
		locals = op.Args[ci.npos+slices.Index(ci.kw, r.contextKw)]
	case r.context < 0:
		for k, kw := range ci.kw {
			for _, ref := range op.Args[ci.npos+k].Refs {
				ref.Key = kw
				locals.Refs = append(locals.Refs, ref)
			}
		}
		if ci.splat >= 0 {
			locals.Refs = append(locals.Refs, op.Args[ci.splat].Refs...)
		}
	default:
		return
	}
	op.Args = append(op.Args, locals)
	op.Render = &flow.Render{Template: name, Locals: len(op.Args) - 1}
}

// arg is the index in the op's Args of the argument a sink reads.
func (ci *callInfo) arg(s sinkSpec) (int, bool) {
	for _, a := range s.args {
		if a < 0 || a < ci.npos {
			return a, true
		}
	}
	if s.kw != "" {
		if k := slices.Index(ci.kw, s.kw); k >= 0 {
			return ci.npos + k, true
		}
	}
	return 0, false
}

// isClassName reports whether a callee is named as a class is (CapWords):
// a model built from keyword arguments.
func isClassName(name string) bool {
	return name != "" && name[0] >= 'A' && name[0] <= 'Z' && strings.ToUpper(name) != name
}

func hasPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// importsFlask reports whether the module imports flask or a name in it.
func (m *module) importsFlask() bool {
	for _, imp := range m.imports {
		if imp == "flask" || strings.HasPrefix(imp, "flask.") {
			return true
		}
	}
	return false
}

// flaskView reports whether f is a Flask view: what it returns is the
// response body, sent as HTML.
func (f *fn) flaskView() bool {
	if !f.mod.importsFlask() {
		return false
	}
	for _, d := range f.decorators {
		if strings.Contains(d, ".route(") {
			return true
		}
	}
	return false
}

// Resolve implements flow.Resolver.
func (p *program) Resolve(_ *flow.Func, op *flow.Op) []*flow.Func { return p.callees[op] }

// requestModel reads a class of the repository as a request model: the
// fields it and its bases declare, and whether it keeps fields it does
// not declare. ok is false unless its lineage reaches pydantic's
// BaseModel through classes of the repository only: another base may
// keep any field.
func (p *program) requestModel(from *module, q string, depth int) (fields []string, extra, ok bool) {
	m, rest := p.split(from, q)
	if m == nil || depth > 4 {
		return nil, false, false
	}
	bases, isClass := m.classes[rest]
	if !isClass || len(bases) == 0 {
		return nil, false, false
	}
	fields, extra = slices.Clone(m.fields[rest]), m.extras[rest]
	for _, b := range bases {
		qb := p.deep(m, m.qualify(b, nil))
		if qb == "pydantic.BaseModel" || qb == "pydantic.main.BaseModel" {
			continue
		}
		bf, bx, bok := p.requestModel(m, qb, depth+1)
		if !bok {
			return nil, false, false
		}
		fields, extra = append(fields, bf...), extra || bx
	}
	return fields, extra, true
}

// fixedFields reports whether a parameter annotated ann is a request
// model that keeps only the fields it declares, none of them one only
// staff or the system should set (flow.PrivilegedField): written whole
// into a record, it sets only what a form offers, so no mass assignment.
func (p *program) fixedFields(f *fn, ann string) bool {
	ann = strings.TrimSpace(ann)
	for _, wrap := range []string{"Optional[", "Annotated["} {
		if inner, ok := strings.CutPrefix(ann, wrap); ok {
			ann, _, _ = strings.Cut(strings.TrimSuffix(inner, "]"), ",")
			ann = strings.TrimSpace(ann)
		}
	}
	if a, _, ok := strings.Cut(ann, "|"); ok {
		ann = strings.TrimSpace(a)
	}
	if ann == "" {
		return false
	}
	fields, extra, ok := p.requestModel(f.mod, p.deep(f.mod, f.mod.qualify(ann, nil)), 0)
	if !ok || extra {
		return false
	}
	return !slices.ContainsFunc(fields, flow.PrivilegedField)
}

// rowReaders are the calls that hand back what an ORM query found: rows
// or one record (SQLAlchemy's all() and first(), a cursor's fetchall(),
// Django's get()).
var rowReaders = map[string]bool{"all": true, "first": true, "one": true, "one_or_none": true, "get": true,
	"first_or_404": true, "get_or_404": true, "one_or_404": true, "scalar": true, "scalars": true,
	"scalar_one": true, "scalar_one_or_none": true, "fetchone": true, "fetchall": true, "fetchmany": true,
	"filter": true, "filter_by": true, "exclude": true, "order_by": true, "last": true}

// storedRead makes the result of a call that reads records from a store
// (session.query(Note).all(), Note.query.get(id), Note.objects.filter())
// a source of what users saved earlier (facts.SourceStored): only a sink
// that writes it into a page as HTML takes it (flow.Sink.Stored).
func storedRead(f *flow.Func, i int, ci *callInfo) {
	op := &f.Ops[i]
	if op.Callee.Recv == "" || !rowReaders[op.Callee.Name] {
		return
	}
	parts := strings.Split(ci.fun, ".")
	orm := strings.HasPrefix(op.Callee.Name, "fetch")
	for _, s := range parts[:len(parts)-1] {
		// A query object (session.query, Flask-SQLAlchemy's Model.query)
		// or a Django manager (Model.objects) on the way to the call.
		orm = orm || s == "query" || s == "objects"
	}
	if !orm {
		return
	}
	mark := func(e *flow.Expr) {
		for k := range e.Refs {
			if r := &e.Refs[k]; r.Call == i+1 && r.Source == "" {
				r.Source, r.Call = facts.SourceStored, 0
				r.Line, r.Note = op.Line, oo.Clip(op.Note+" read")
			}
		}
	}
	for j := i + 1; j < len(f.Ops); j++ {
		o := &f.Ops[j]
		mark(&o.Src)
		for k := range o.Args {
			mark(&o.Args[k])
		}
		if o.Callee.RecvExpr != nil {
			mark(o.Callee.RecvExpr)
		}
	}
}

// formData reads a WTForms form built from the request whose class
// declares a field only staff should set (is_admin = BooleanField()):
// its .data is then the request's fields as posted, privileged one
// included, so form.data written into a record is the whole body.
// A form declaring none offers no more than it should.
func (p *program) formData(f *fn, i int, ci *callInfo) {
	fields, ok := p.wtForm(f.mod, ci.fun, 0)
	if !ok || !slices.ContainsFunc(fields, flow.PrivilegedField) {
		return
	}
	ops := f.Ops
	dst := ""
	for j := i + 1; j < len(ops) && dst == ""; j++ {
		if o := &ops[j]; o.Kind == flow.Assign && len(o.Src.Refs) == 1 && o.Src.Refs[0].Call == i+1 && o.Src.Refs[0].Path == "" {
			dst = o.Dst
		}
	}
	if dst == "" {
		return
	}
	whole := func(e *flow.Expr) {
		for k := range e.Refs {
			if r := &e.Refs[k]; r.Var == dst && (r.Path == ".data" || strings.HasPrefix(r.Path, ".data.") || strings.HasPrefix(r.Path, ".data[")) {
				r.Path = strings.TrimPrefix(r.Path, ".data")
			}
		}
	}
	for j := i + 1; j < len(ops); j++ {
		o := &ops[j]
		whole(&o.Src)
		for k := range o.Args {
			whole(&o.Args[k])
		}
		if o.Callee.RecvExpr != nil {
			whole(o.Callee.RecvExpr)
		}
	}
}

// wtForm is the fields a WTForms form class of the repository declares
// (its own and its repository bases'), if q is one.
func (p *program) wtForm(from *module, q string, depth int) ([]string, bool) {
	m, class := p.split(from, q)
	if m == nil || depth > 4 {
		return nil, false
	}
	bases, ok := m.classes[class]
	if !ok {
		return nil, false
	}
	var fields []string
	for f := range m.columns[class] {
		fields = append(fields, f)
	}
	form := false
	for _, b := range bases {
		if _, local := m.classes[b]; local {
			if fs, ok := p.wtForm(m, m.dotted+"."+b, depth+1); ok {
				fields, form = append(fields, fs...), true
			}
			continue
		}
		qb := p.deep(m, m.qualify(b, nil))
		if strings.HasPrefix(qb, "wtforms.") || strings.HasPrefix(qb, "flask_wtf.") {
			form = true
		} else if fs, ok := p.wtForm(m, qb, depth+1); ok {
			fields, form = append(fields, fs...), true
		}
	}
	return fields, form
}
