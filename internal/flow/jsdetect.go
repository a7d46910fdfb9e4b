package flow

import (
	"bytes"
	"context"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/syntax"
)

// JSDetector is the JavaScript/TypeScript frontend as a detector: Detect
// lowers each file (in parallel); Finish resolves every JS route's
// handler, follows its calls across files, and reports each sink
// request data reaches as a weakness on that route. A sink no route
// reaches but a function's parameter does is reported with where its
// code runs (Reach), so the threat rules do not rank it as reachable.
type JSDetector struct {
	mu    sync.Mutex
	files map[string]*jsFile
	// The server-side templates, for the values each writes unescaped.
	tmpl *Templates
	// What the repository uses, for sinks that depend on it.
	mongo, yaml3, orm bool
	// oldMerge, oldSet: a package.json pins a release of lodash (or of
	// its one-function packages) whose merge, or whose set, walks
	// __proto__.
	oldMerge, oldSet bool
}

// NewJSDetector returns the frontend for one scan.
func NewJSDetector() *JSDetector {
	return &JSDetector{files: map[string]*jsFile{}, tmpl: NewTemplates()}
}

// Name implements detector.Detector.
func (*JSDetector) Name() string { return "flow/js" }

// Match implements detector.Detector: JavaScript and TypeScript sources
// (tests too: they are reported as reached from tests only), and
// package.json for the versions of libraries whose sinks depend on it,
// and server-side templates (EJS, Handlebars, Nunjucks, Pug).
func (*JSDetector) Match(p string) bool {
	if strings.HasSuffix(p, "package.json") || IsTemplate(p) {
		return true
	}
	switch lang.Of(p) {
	case lang.JavaScript, lang.JSX, lang.TypeScript, lang.TSX:
		return !strings.HasSuffix(p, ".d.ts")
	}
	return false
}

var (
	yaml3Dep = regexp.MustCompile(`"js-yaml"\s*:\s*"[~^>=\s]*[0-3]\.`)
	// ormLib: a record written from the whole body is mass assignment
	// when the records are a model's, with fields the form does not
	// offer; a bare store of an event is not.
	ormLib = map[string]bool{"mongoose": true, "sequelize": true, "typeorm": true, "@prisma/client": true, "objection": true,
		"@mikro-orm/core": true, "bookshelf": true, "waterline": true, "marsdb": true, "drizzle-orm": true, "knex": true, "mongodb": true}
	mongoLib = map[string]bool{"mongoose": true, "mongodb": true, "marsdb": true, "nedb": true, "@seald-io/nedb": true, "monk": true, "mongojs": true, "nedb-promises": true, "mongoist": true}
)

// Detect implements detector.Detector.
func (d *JSDetector) Detect(ctx context.Context, f *detector.File, _ *detector.Sink) error {
	if strings.HasSuffix(f.Path, "package.json") {
		oldMerge, oldSet := pollutingPins(f.Data)
		d.mu.Lock()
		d.yaml3 = d.yaml3 || yaml3Dep.Match(f.Data)
		d.oldMerge = d.oldMerge || oldMerge
		d.oldSet = d.oldSet || oldSet
		d.mu.Unlock()
		return nil
	}
	if IsTemplate(f.Path) {
		d.tmpl.Add(f.Path, f.Data)
		return nil
	}
	t, err := f.Tree(ctx, lang.Of(f.Path))
	if err != nil {
		return err
	}
	if bytes.Contains(f.Data, []byte("autoescape")) && escapeOffJS(t) {
		d.tmpl.EscapeOff()
	}
	l := NewLowerer(JS, t, f.Path)
	m := newJSFile(f.Path)
	// Imports first: sinks are known by the module they come from.
	m.imports = l.Imports
	m.bindings(l, true)
	l.LowerAll()
	m.regs = map[int][]handlerRef{}
	m.bindings(l, false) // all of it, now that functions are known by node
	m.funcs = l.Funcs
	for _, fn := range m.funcs {
		fn.Compact()
	}
	m.returned = l.Returned
	mongo, orm := false, false
	for _, imp := range m.imports {
		mongo = mongo || mongoLib[imp.From]
		orm = orm || ormLib[imp.From]
	}
	d.mu.Lock()
	d.files[f.Path] = m
	d.mongo = d.mongo || mongo
	d.orm = d.orm || orm
	d.mu.Unlock()
	return nil
}

// Finish implements detector.Finisher.
func (d *JSDetector) Finish(ctx context.Context, out *detector.Sink) error {
	// The lowered files are not needed after this: the steps that finish
	// after this one do not hold them too.
	defer func() { d.files, d.tmpl = nil, nil }()
	p := NewProgram(&jsResolver{files: d.files})
	var funcs []*Func
	for _, m := range d.files {
		funcs = append(funcs, m.funcs...)
	}
	d.tmpl.Bind(funcs)
	rep := NewReport()
	entered := map[*Func]bool{}
	routes := out.Routes()
	for i := range routes {
		if err := ctx.Err(); err != nil {
			return err
		}
		r := &routes[i]
		m := d.files[r.File]
		if m == nil {
			continue
		}
		for _, e := range d.entries(m, r) {
			entered[e.Func] = true
			for _, fd := range p.Reach(e) {
				if d.keep(fd.By) {
					rep.Route(fd)
				}
			}
		}
	}
	// Sinks no route reaches: a parameter of some function reaches them,
	// and nothing the scan knows calls it with request data.
	files := make([]string, 0, len(d.files))
	for f := range d.files {
		files = append(files, f)
	}
	sort.Strings(files)
	called := calledFuncs(p.Resolver, files, d.files)
	for _, file := range files {
		for _, f := range d.files[file].funcs {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if !reachesSink(p, f) {
				continue
			}
			for _, h := range p.Summarize(f).Hits {
				cli := h.Origin.Source == SourceCLI
				if (h.Origin.Param < 0 && !cli) || h.Deferred || !d.keep(h.Sink) || rep.Has(h.Kind, h.At) {
					continue
				}
				w := facts.Weakness{Kind: h.Kind}
				// A function shaped like a handler (it reads a request's
				// parts) that no route the scan found reaches: its route
				// was missed, or it is dead code.
				src, rest, ok := FromRequest(h.Origin.Path)
				switch {
				case cli:
					if !unreachedKinds[h.Kind] {
						continue
					}
					w.Detail = strings.Replace(Detail[h.Kind], "request data", "the command line's arguments", 1)
				case ok && h.Origin.Param <= 1 && !constructor(f) && !insideEntry(d.files[file].funcs, f, entered) &&
					(h.Sink.From == nil || h.Sink.From(Concrete(Origin{Param: -1, Source: src, Path: rest}))):
					w.Source = src
					w.Detail = Detail[h.Kind] + " (in a handler no route found reaches)"
				case unreachedKinds[h.Kind]:
					// A function the repository calls, or a callback, is
					// judged by what its callers pass: a caller nothing
					// calls that hands on its own parameter reports the
					// sink; one that passes only values of its own (a
					// build script's execAsync("rm -rf build")) does not.
					if called[f] {
						continue
					}
					w.Detail = Detail[h.Kind] + " (from a function's parameter; no route found reaches it)"
				default:
					continue
				}
				w.Reach = facts.ReachNone
				w.Path = UnreachedPath(facts.Step{File: f.File, Line: f.Line, Note: f.Name + " (no route found calls it)"}, h)
				rep.Add(w, h.At)
			}
		}
	}
	for _, w := range rep.Weaknesses() {
		out.AddWeakness(w)
	}
	return nil
}

// constructor says whether f is a class's constructor: what it is given
// is the options its class is made with (options.path is a setting), never
// a request a server hands a handler.
func constructor(f *Func) bool {
	return f.Name == "constructor" || strings.HasSuffix(f.Name, ".constructor")
}

// escapeOffJS says whether the file configures a template engine not to
// escape: an option autoescape: false (swig.setDefaults,
// nunjucks.configure, new nunjucks.Environment), in code, not a comment.
func escapeOffJS(t *syntax.Tree) bool {
	found := false
	syntax.Walk(t.Root(), func(n *syntax.Node) bool {
		if found {
			return false
		}
		if n.Type() == "pair" {
			k, v := n.ChildByFieldName("key"), n.ChildByFieldName("value")
			if k != nil && v != nil && strings.Trim(t.Text(k), `"'`) == "autoescape" && v.Type() == "false" {
				found = true
			}
		}
		return true
	})
	return found
}

// insideEntry reports whether f is written inside a function a route
// enters: a callback there (fs.readFile(p, (err, data) => res.send(err.path)))
// is called by the library it is passed to, with that library's values;
// the request is the enclosing handler's, which was followed with the
// callback lowered in place.
func insideEntry(funcs []*Func, f *Func, entered map[*Func]bool) bool {
	for _, o := range funcs {
		if o != f && entered[o] && o.Line <= f.Line && f.EndLine <= o.EndLine && (o.Line < f.Line || f.EndLine < o.EndLine) {
			return true
		}
	}
	return false
}

// unreachedKinds are reported when only a parameter reaches them: the
// injections the pattern rules found before, whose text is built from
// values in the function itself.
var unreachedKinds = map[string]bool{SQLInjection: true, CommandInjection: true, CodeInjection: true}

// calledFuncs are the functions some other function of the files calls,
// as the resolver finds them, and the callbacks.
func calledFuncs(r Resolver, files []string, mods map[string]*jsFile) map[*Func]bool {
	called := map[*Func]bool{}
	for _, file := range files {
		for _, f := range mods[file].funcs {
			if f.Callback {
				called[f] = true
			}
			for i := range f.Ops {
				if f.Ops[i].Kind != Call {
					continue
				}
				for _, g := range r.Resolve(f, &f.Ops[i]) {
					if g != f {
						called[g] = true
					}
				}
			}
		}
	}
	return called
}

// reachesSink reports a function with a sink, or one whose summary
// reaches a sink through what it calls.
func reachesSink(p *Program, f *Func) bool {
	if hasSink(f) {
		return true
	}
	for i := range f.Ops {
		if f.Ops[i].Kind == Call && len(p.Resolver.Resolve(f, &f.Ops[i])) > 0 {
			return len(p.Summarize(f).Hits) > 0
		}
	}
	return false
}

func hasSink(f *Func) bool {
	for _, op := range f.Ops {
		if len(op.Sinks) > 0 {
			return true
		}
	}
	return false
}

// keep drops sinks that depend on what the repository uses.
func (d *JSDetector) keep(s *Sink) bool {
	switch s {
	case SinkYAML:
		return d.yaml3 // js-yaml 4's load is safe
	case SinkDeepMerge:
		return d.oldMerge
	case SinkPathSet:
		return d.oldSet
	}
	switch s.Kind {
	case NoSQLInjection:
		return d.mongo
	case MassAssignment:
		return d.orm
	}
	return true
}

// entries finds a route's handler: the last argument of the registration
// on the route's line, followed through names, imports, wrappers and
// factories; else the function the route's line opens or sits in
// (NestJS methods, Next.js exports, resolvers, socket handlers).
func (d *JSDetector) entries(m *jsFile, r *facts.Route) []Entry {
	res := &jsResolver{files: d.files}
	var fns []*Func
	for _, h := range m.regs[r.Line] {
		for ref := &h; ref != nil; ref = ref.prev {
			fns = append(fns, res.handler(m, *ref, 0)...)
		}
	}
	if len(fns) == 0 {
		var best *Func
		for _, f := range m.funcs {
			if f.Name == "<module>" {
				continue
			}
			if f.Line == r.Line || (r.EndLine > 0 && f.Line >= r.Line && f.EndLine <= r.EndLine) {
				if best == nil || f.Line < best.Line || (f.Line == best.Line && f.EndLine > best.EndLine) {
					best = f
				}
			}
		}
		if best == nil {
			for _, f := range m.funcs {
				if f.Name != "<module>" && f.Line <= r.Line && r.Line <= f.EndLine && (best == nil || f.Line > best.Line) {
					best = f
				}
			}
		}
		if best != nil {
			fns = append(fns, best)
		}
	}
	roles := map[int]Role{0: RoleRequest, 1: RoleRequest}
	switch r.Kind {
	case "graphql":
		roles = map[int]Role{1: RoleArgs}
	case "websocket":
		roles = map[int]Role{0: RoleMessage}
	}
	var out []Entry
	seen := map[*Func]bool{}
	for _, f := range fns {
		if seen[f] {
			continue
		}
		seen[f] = true
		steps := []facts.Step{{File: r.File, Line: r.Line, Note: r.Method + " " + r.Path}}
		if f.File != r.File || f.Line != r.Line {
			steps = append(steps, facts.Step{File: f.File, Line: f.Line, Note: "handler " + f.Name})
		}
		out = append(out, Entry{Func: f, Roles: roles, Route: r.ID, Steps: steps})
	}
	return out
}

// jsResolver resolves calls across the repository's JavaScript files.
type jsResolver struct {
	files map[string]*jsFile
}

// Resolve implements Resolver.
func (r *jsResolver) Resolve(from *Func, op *Op) []*Func {
	m := r.files[from.File]
	if m == nil {
		return nil
	}
	if op.Callee.Recv == "" {
		return r.name(m, op.Callee.Name, 0)
	}
	recv := op.Callee.Recv
	if recv == "this" {
		if c := m.classOf[from]; c != "" {
			if f := m.locals[c+"."+op.Callee.Name]; f != nil {
				return []*Func{f}
			}
		}
		return nil
	}
	// this.svc.method(): the class of the instance the field holds.
	if f, ok := strings.CutPrefix(recv, "this."); ok && !strings.ContainsAny(f, ".([") {
		if c := m.fields[m.classOf[from]+"."+f]; c != "" && m.classOf[from] != "" {
			return r.instanceMember(m, c, op.Callee.Name, 0)
		}
		return nil
	}
	return r.member(m, recv, op.Callee.Name, 0)
}

// instanceMember resolves a method of an instance of class c, named in
// m: a class of m's, or one m imports.
func (r *jsResolver) instanceMember(m *jsFile, c, name string, depth int) []*Func {
	if f := m.locals[c+"."+name]; f != nil {
		return one(f)
	}
	if imp, ok := m.imports[c]; ok {
		if t := resolveSpec(r.files, m.path, imp.From); t != nil {
			return r.classMember(t, imp.Name, name, depth+1)
		}
	}
	return nil
}

func one(f *Func) []*Func {
	if f == nil {
		return nil
	}
	return []*Func{f}
}

// name resolves a plain name in m: a local function, an alias, an
// import.
func (r *jsResolver) name(m *jsFile, name string, depth int) []*Func {
	if depth > 6 {
		return nil
	}
	if f := m.locals[name]; f != nil {
		return one(f)
	}
	if a, ok := m.aliases[name]; ok {
		if i := strings.LastIndexByte(a, '.'); i > 0 {
			return r.member(m, a[:i], a[i+1:], depth+1)
		}
		return r.name(m, a, depth+1)
	}
	if imp, ok := m.imports[name]; ok {
		if t := resolveSpec(r.files, m.path, imp.From); t != nil {
			return r.export(t, imp.Name, depth+1)
		}
	}
	return nil
}

// export resolves a module's export.
func (r *jsResolver) export(m *jsFile, name string, depth int) []*Func {
	if depth > 6 {
		return nil
	}
	if e, ok := m.exports[name]; ok {
		switch {
		case e.fn != nil:
			return one(e.fn)
		case e.from != "":
			if t := resolveSpec(r.files, m.path, e.from); t != nil {
				return r.export(t, e.name, depth+1)
			}
			return nil
		case e.local != "":
			if i := strings.LastIndexByte(e.local, '.'); i > 0 {
				return r.member(m, e.local[:i], e.local[i+1:], depth+1)
			}
			return r.name(m, e.local, depth+1)
		}
	}
	if name != "default" {
		if f := m.locals["module.exports."+name]; f != nil {
			return one(f)
		}
		for _, s := range m.stars {
			if t := resolveSpec(r.files, m.path, s); t != nil {
				if fs := r.export(t, name, depth+1); len(fs) > 0 {
					return fs
				}
			}
		}
	}
	return nil
}

// member resolves recv.name in m: an object literal's or a class's
// method, an instance's class's, an imported module's export, a
// default-exported object's or instance's member.
func (r *jsResolver) member(m *jsFile, recv, name string, depth int) []*Func {
	if depth > 6 {
		return nil
	}
	if f := m.locals[recv+"."+name]; f != nil {
		return one(f)
	}
	if a, ok := m.aliases[recv+"."+name]; ok {
		return r.name(m, a, depth+1)
	}
	if c, ok := m.inst[recv]; ok {
		if fs := r.instanceMember(m, c, name, depth); len(fs) > 0 {
			return fs
		}
	}
	if a, ok := m.aliases[recv]; ok && a != recv {
		return r.member(m, a, name, depth+1)
	}
	imp, ok := m.imports[recv]
	if !ok {
		// query.user.create: a member of a member an imported module
		// exports by a local name (module.exports = { user }).
		head, rest, dotted := strings.Cut(recv, ".")
		if imp, ok := m.imports[head]; ok && dotted && !strings.ContainsAny(rest, ".([") {
			if t := resolveSpec(r.files, m.path, imp.From); t != nil {
				if e, ok := t.exports[rest]; ok && e.local != "" && e.fn == nil {
					return r.member(t, e.local, name, depth+1)
				}
			}
		}
		return nil
	}
	t := resolveSpec(r.files, m.path, imp.From)
	if t == nil {
		return nil
	}
	if imp.Name == "*" {
		return r.export(t, name, depth+1)
	}
	if imp.Name == "default" {
		if fs := r.export(t, name, depth+1); len(fs) > 0 && t.exports["default"].fn == nil {
			return fs
		}
	}
	return r.classMember(t, imp.Name, name, depth+1)
}

// classMember resolves a member of what module t exports as exp: a
// class, an object, an instance.
func (r *jsResolver) classMember(t *jsFile, exp, name string, depth int) []*Func {
	e, ok := t.exports[exp]
	if !ok {
		return nil
	}
	local := e.local
	if e.fn != nil {
		local = e.fn.Name
	}
	if local == "" {
		if e.from != "" {
			if u := resolveSpec(r.files, t.path, e.from); u != nil {
				return r.classMember(u, e.name, name, depth+1)
			}
		}
		return nil
	}
	if f := t.locals[local+"."+name]; f != nil {
		return one(f)
	}
	if local == "module.exports" || exp == "default" {
		if f := t.locals["module.exports."+name]; f != nil {
			return one(f)
		}
	}
	return r.member(t, local, name, depth+1)
}

// handler resolves a registration's handler argument to functions.
func (r *jsResolver) handler(m *jsFile, h handlerRef, depth int) []*Func {
	if depth > 4 {
		return nil
	}
	switch {
	case h.fn != nil:
		return one(h.fn)
	case h.callName != "":
		// A factory (login()) returns the handler; a wrapper
		// (asyncHandler(fn)) takes it last.
		var callee []*Func
		if h.callRecv != "" {
			callee = r.member(m, h.callRecv, h.callName, 0)
		} else {
			callee = r.name(m, h.callName, 0)
		}
		var out []*Func
		for _, f := range callee {
			if g := r.files[f.File].returned[f]; g != nil {
				out = append(out, g)
			}
		}
		// A wrapper's own returned function calls what it was given: the
		// handler it was given is an entry too.
		if h.call != nil {
			out = append(out, r.handler(m, *h.call, depth+1)...)
		}
		return out
	case h.recv != "":
		if h.recv == "this" {
			return nil
		}
		return r.member(m, h.recv, h.name, 0)
	case h.name != "":
		return r.name(m, h.name, 0)
	}
	return nil
}

// pollutionFixed is, for each package whose merge or set walked
// __proto__, the first release that does not ("" : none does).
var pollutionFixed = map[string]struct{ merge, set string }{
	"lodash":              {"4.17.12", "4.17.19"},
	"lodash.merge":        {"4.6.2", ""},
	"lodash.mergewith":    {"4.6.2", ""},
	"lodash.defaultsdeep": {"4.6.1", ""},
	"lodash.set":          {"", ""},
	"lodash.setwith":      {"", ""},
}

var depSpec = regexp.MustCompile(`"(lodash(?:\.[a-z]+)?)"\s*:\s*"([^"]*)"`)

// pollutingPins reads a package.json for a lodash its range holds to a
// release before the fix: "4.17.4" or "~4.16.0" does, "^4.17.4" does not
// (it installs the newest 4.x). A package with no fixed release is
// always old.
func pollutingPins(data []byte) (merge, set bool) {
	for _, m := range depSpec.FindAllSubmatch(data, -1) {
		fix, ok := pollutionFixed[string(m[1])]
		if !ok {
			continue
		}
		spec := string(m[2])
		switch string(m[1]) {
		case "lodash.set", "lodash.setwith":
			set = true
		case "lodash":
			set = set || !allowsAtLeast(spec, fix.set)
			merge = merge || !allowsAtLeast(spec, fix.merge)
		default:
			merge = merge || !allowsAtLeast(spec, fix.merge)
		}
	}
	return merge, set
}

// allowsAtLeast reports whether a semver range admits a release at or
// above fix. A range it cannot read (>=, ||, a tag, a URL) is taken to
// admit it.
func allowsAtLeast(spec, fix string) bool {
	spec = strings.TrimSpace(spec)
	if strings.ContainsAny(spec, "><|*: /") || spec == "" || spec == "latest" {
		return true
	}
	op := ""
	if spec[0] == '^' || spec[0] == '~' || spec[0] == '=' || spec[0] == 'v' {
		op, spec = spec[:1], strings.TrimLeft(spec[1:], "=v")
	}
	const open = 1 << 30 // any number
	top := [3]int{open, open, open}
	parts := strings.SplitN(strings.SplitN(spec, "-", 2)[0], ".", 3)
	got := [3]int{}
	for i := range 3 {
		if i >= len(parts) || parts[i] == "x" || parts[i] == "X" {
			got[i] = open
			continue
		}
		n, err := strconv.Atoi(parts[i])
		if err != nil {
			return true
		}
		got[i] = n
	}
	switch {
	case op == "^" && got[0] > 0:
		top[0] = got[0]
	case op == "^" || op == "~":
		top[0], top[1] = got[0], got[1]
	default:
		top = got
	}
	f := [3]int{}
	for i, p := range strings.SplitN(fix, ".", 3) {
		f[i], _ = strconv.Atoi(p)
	}
	for i := range 3 {
		if top[i] != f[i] {
			return top[i] > f[i]
		}
	}
	return true
}
