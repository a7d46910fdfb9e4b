package python

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/threatmap/threatmap/internal/detector"
	pyroute "github.com/threatmap/threatmap/internal/detector/route/python"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/flow"
	"github.com/threatmap/threatmap/internal/lang"
)

// Detector is the Python frontend as a detector: Detect lowers each
// file; Finish starts the engine from every Python route's handler and
// reports each sink request data reaches as a weakness on that route,
// and each sink only a function's parameter reaches with where its code
// runs.
type Detector struct {
	mu   sync.Mutex
	mods []*module
	// The server-side templates, for the values each writes unescaped.
	tmpl *flow.Templates
}

// New returns the frontend for one scan.
func New() *Detector { return &Detector{tmpl: flow.NewTemplates()} }

// Name implements detector.Detector.
func (*Detector) Name() string { return "flow/python" }

// Match implements detector.Detector: Python sources, tests included
// (what they reach is reported as reached from tests only), and
// server-side templates (Jinja, Django).
func (*Detector) Match(p string) bool { return lang.Of(p) == lang.Python || flow.IsTemplate(p) }

// Detect implements detector.Detector.
func (d *Detector) Detect(ctx context.Context, f *detector.File, _ *detector.Sink) error {
	if lang.Of(f.Path) != lang.Python {
		d.tmpl.Add(f.Path, f.Data)
		return nil
	}
	t, err := f.Tree(ctx, lang.Python)
	if err != nil {
		return err
	}
	dotted, pkg := pyroute.ModuleName(f.Path)
	m := &module{path: f.Path, dotted: dotted, pkg: pkg, imports: map[string]string{}, types: map[string]string{},
		funcs: map[string]*fn{}, classes: map[string][]string{}, fields: map[string][]string{}, extras: map[string]bool{}, columns: map[string]map[string]string{}}
	extract(t, m)
	for _, fn := range m.order {
		fn.Compact()
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	d.mu.Lock()
	d.mods = append(d.mods, m)
	d.mu.Unlock()
	return nil
}

func relativeImport(pkg string, dots int, rest string) string {
	return pyroute.RelativeImport(pkg, dots, rest)
}

// Finish implements detector.Finisher.
func (d *Detector) Finish(ctx context.Context, out *detector.Sink) error {
	d.mu.Lock()
	mods, tmpl := d.mods, d.tmpl
	d.mods, d.tmpl = nil, nil
	d.mu.Unlock()
	p := newProgram(mods)
	p.prepare()
	var funcs []*flow.Func
	for _, m := range p.mods {
		for _, f := range m.order {
			funcs = append(funcs, f.Func)
		}
	}
	tmpl.Bind(funcs)
	eng := flow.NewProgram(p)
	rep := flow.NewReport()
	routes := out.Routes()
	for i := range routes {
		if err := ctx.Err(); err != nil {
			return err
		}
		r := &routes[i]
		m := p.byPath[r.File]
		if m == nil {
			continue
		}
		for _, e := range p.entries(m, r) {
			for _, fd := range eng.Reach(e) {
				rep.Route(fd)
			}
		}
	}
	p.requestHooks(eng, rep, routes)
	p.storedMarkup(rep)
	calls := p.callSites()
	// Sinks no route reaches: a function's parameter reaches them, and
	// nothing the scan knows calls it with request data.
	for _, m := range p.mods {
		for _, f := range m.order {
			if err := ctx.Err(); err != nil {
				return err
			}
			if !hasSink(f.Func) {
				continue
			}
			for _, h := range eng.Summarize(f.Func).Hits {
				// Request data read where no route found leads (a view
				// registered in a way the scan cannot follow) is every
				// kind; a parameter, the injections only.
				fromRequest := h.Origin.Param < 0 && h.Origin.Source != ""
				if h.Deferred || rep.Has(h.Kind, h.At) || (!fromRequest && (h.Origin.Param < 0 || !unreachedKinds[h.Kind])) {
					continue
				}
				if !fromRequest && p.onlyConstants(calls[f.Func], h.Origin.Param) {
					continue
				}
				w := facts.Weakness{Kind: h.Kind, Detail: flow.Detail[h.Kind] + " (from a function's parameter; no route found that reaches it)",
					Path: []facts.Step{{File: f.File, Line: f.Line, Note: f.Name + "(…) called with its parameter"}, h.At}, Reach: facts.ReachNone}
				if fromRequest {
					w.Detail = flow.Detail[h.Kind] + " (request data read in " + f.Name + ", which no route found calls)"
					w.Source = h.Origin.Source
					w.Path = flow.UnreachedPath(facts.Step{File: f.File, Line: f.Line, Note: f.Name}, h)
				}
				rep.Add(w, h.At)
			}
		}
	}
	for _, w := range rep.Weaknesses() {
		out.AddWeakness(w)
	}
	return nil
}

// requestHooks starts the engine from Flask's request hooks (before_request,
// after_request, an error handler), which run around every route of their
// app, or of their blueprint: what a hook reaches, each of those routes
// reaches, so it is not a sink no route leads to.
func (p *program) requestHooks(eng *flow.Program, rep *flow.Report, routes []facts.Route) {
	for _, m := range p.mods {
		for _, f := range m.order {
			scope := f.requestHook()
			if scope == "" {
				continue
			}
			for i := range routes {
				r := &routes[i]
				if p.byPath[r.File] == nil || (scope == hookBlueprint && r.File != f.File) {
					continue
				}
				e := flow.Entry{Func: f.Func, Route: r.ID, Parts: fromRequest, Roles: map[int]flow.Role{},
					Steps: []facts.Step{{File: r.File, Line: r.Line, Note: r.Method + " " + r.Path}, {File: f.File, Line: f.Line, Note: "request hook " + f.Name}}}
				for _, fd := range eng.Reach(e) {
					rep.Route(fd)
				}
			}
		}
	}
}

const (
	hookApp       = "app"
	hookBlueprint = "blueprint"
)

// flaskHook matches a decorator registering a request hook: its receiver
// and the hook.
var flaskHook = regexp.MustCompile(`^@\s*(\w+)\.(before_request|before_app_request|after_request|after_app_request|teardown_request|teardown_app_request|errorhandler|app_errorhandler)\b`)

// requestHook says whether f is a Flask request hook and whose routes it
// runs around: hookApp (the app's, or a blueprint's *_app_* hooks) or
// hookBlueprint (a blueprint's own hooks: its routes, taken as those of
// the module that declares it). "" if f is no hook.
func (f *fn) requestHook() string {
	if !f.mod.importsFlask() {
		return ""
	}
	for _, d := range f.decorators {
		m := flaskHook.FindStringSubmatch(d)
		if m == nil {
			continue
		}
		if strings.Contains(m[2], "app_") || !strings.HasSuffix(f.mod.types[m[1]], "Blueprint") {
			return hookApp
		}
		return hookBlueprint
	}
	return ""
}

// callSites are the calls of each repository function the scan resolved.
func (p *program) callSites() map[*flow.Func][]*flow.Op {
	sites := map[*flow.Func][]*flow.Op{}
	for _, m := range p.mods {
		for _, f := range m.order {
			for i := range f.Ops {
				for _, g := range p.callees[&f.Ops[i]] {
					sites[g] = append(sites[g], &f.Ops[i])
				}
			}
		}
	}
	return sites
}

// onlyConstants reports a function called, and at every call given, as
// parameter param, a value the code wrote (a literal, or no argument: the
// default): what reaches its sink is never the request's. A function
// nobody calls keeps its unreached row, as the Java frontend does.
func (p *program) onlyConstants(sites []*flow.Op, param int) bool {
	if len(sites) == 0 {
		return false
	}
	for _, op := range sites {
		for i, a := range op.Args {
			// A call of several functions keeps its arguments as written
			// (keywords not moved to their parameters): all must be.
			if len(a.Refs) > 0 && (i == param || len(p.callees[op]) > 1) {
				return false
			}
		}
	}
	return true
}

// unreachedKinds are reported when only a parameter reaches them: the
// injections whose text a function builds from its own parameters.
var unreachedKinds = map[string]bool{flow.SQLInjection: true, flow.CommandInjection: true, flow.CodeInjection: true}

func hasSink(f *flow.Func) bool {
	for i := range f.Ops {
		if len(f.Ops[i].Sinks) > 0 {
			return true
		}
	}
	return false
}

// verbMethods are the methods of a class-based view (Django View, DRF
// APIView and ViewSet, Flask MethodView) that serve each HTTP method.
var verbMethods = map[string][]string{
	"GET":    {"get", "list", "retrieve", "head"},
	"POST":   {"post", "create"},
	"PUT":    {"put", "update"},
	"PATCH":  {"patch", "partial_update"},
	"DELETE": {"delete", "destroy"},
}

// entries are the functions a route runs, each with what its
// parameters carry.
func (p *program) entries(m *module, r *facts.Route) []flow.Entry {
	var fns []*fn
	handler := r.Handler
	for _, f := range m.order {
		if f.Line < r.Line || f.Line > max(r.EndLine, r.Line) {
			continue
		}
		switch {
		case f.Name == handler || strings.HasSuffix(handler, "."+f.Name):
			fns = []*fn{f}
		case f.class != "" && (f.class == handler || strings.HasSuffix(handler, "."+f.class)) && servesVerb(f.Name[len(f.class)+1:], r.Method):
			fns = append(fns, f)
		default:
			continue
		}
		if f.Name == handler {
			break
		}
	}
	// A class view's hooks the framework calls for every method
	// (get_queryset, perform_create): they read self.request.
	var hooks []*fn
	for _, f := range m.order {
		ofView := f.class != "" && (f.class == handler || strings.HasSuffix(handler, "."+f.class) || len(fns) > 0 && f.class == fns[0].class)
		if ofView && viewHooks[strings.TrimPrefix(f.Name, f.class+".")] && !slices.Contains(fns, f) {
			hooks = append(hooks, f)
		}
	}
	if len(fns) == 0 {
		// The outermost function the route's span starts at.
		for _, f := range m.order {
			if f.Line >= r.Line && f.Line <= max(r.EndLine, r.Line) && f.class == "" {
				fns = []*fn{f}
				break
			}
		}
	}
	if len(fns) == 0 && handler != "" {
		// A URLconf names a view defined in another module, through its
		// imports: url(r'^upload/', views.forms_views.upload), where
		// views is a package that imports forms_views.
		if g := p.function(m, handler); g != nil {
			fns = []*fn{g}
		}
	}
	var out []flow.Entry
	for _, f := range fns {
		e := flow.Entry{Func: f.Func, Route: r.ID, Parts: fromRequest,
			Steps: []facts.Step{{File: r.File, Line: r.Line, Note: r.Method + " " + r.Path}}}
		if f.File != r.File || f.Line != r.Line {
			e.Steps = append(e.Steps, facts.Step{File: f.File, Line: f.Line, Note: "handler " + f.Name})
		}
		e.Roles, e.Func = p.roles(f, r)
		out = append(out, e)
	}
	for _, f := range hooks {
		out = append(out, flow.Entry{Func: f.Func, Route: r.ID, Parts: fromRequest, Roles: map[int]flow.Role{},
			Steps: []facts.Step{{File: r.File, Line: r.Line, Note: r.Method + " " + r.Path}, {File: f.File, Line: f.Line, Note: "view hook " + f.Name}}})
	}
	return out
}

// viewHooks are the methods of a class-based view (Django's generic
// views, DRF's) the framework calls while serving any method: what they
// read from self.request is the route's.
var viewHooks = map[string]bool{"get_queryset": true, "get_object": true, "filter_queryset": true, "get_context_data": true,
	"perform_create": true, "perform_update": true, "perform_destroy": true, "get_serializer_context": true}

func servesVerb(method, verb string) bool {
	if verb == "ANY" {
		for _, ms := range verbMethods {
			if slices.Contains(ms, method) {
				return true
			}
		}
		return method == "dispatch"
	}
	return slices.Contains(verbMethods[verb], method)
}

// roles says what each of an entry's parameters carries; parameters
// whose source is known from the parameter alone (a URL kwarg, a
// FastAPI query parameter) get it on a copy of the function.
func (p *program) roles(f *fn, r *facts.Route) (map[int]flow.Role, *flow.Func) {
	roles := map[int]flow.Role{}
	sources := map[int]string{}
	cleared := map[int][]string{}
	pathParam := func(name string) (bool, bool) {
		for _, prm := range r.Params {
			if prm.Name == name {
				return true, prm.Type == facts.TypeInt || prm.Type == facts.TypeUUID
			}
		}
		return strings.Contains(r.Path, "{"+name+"}"), false
	}
	switch {
	case r.Kind == "graphql":
		after := slices.IndexFunc(f.params, func(pr param) bool { return pr.name == "info" || strings.HasSuffix(pr.annotation, "Info") })
		for i, pr := range f.params {
			if i > after && !strings.HasSuffix(pr.annotation, "Info") {
				roles[i] = flow.RoleArgs
			}
		}
	case r.Kind == "websocket":
		for i, pr := range f.params {
			if r.Framework == "python-socketio" && i == 0 && len(f.params) > 1 {
				continue // the session id
			}
			_ = pr
			roles[i] = flow.RoleMessage
		}
	case r.Framework == "fastapi":
		for i, pr := range f.params {
			if src := fastapiSource(p, f, pr, pathParam); src == "request" {
				roles[i] = flow.RoleRequest
			} else if src != "" {
				sources[i] = src
				if src == facts.SourceBody && p.fixedFields(f, pr.annotation) {
					// A model that drops undeclared fields and declares
					// no privileged one: no body sets more than it offers.
					cleared[i] = []string{flow.MassAssignment}
				}
			}
		}
	case r.Framework == "django" || r.Framework == "drf" || r.Framework == "aiohttp":
		for i, pr := range f.params {
			switch {
			case i == 0:
				roles[i] = flow.RoleRequest
			case pr.splat:
			default:
				if in, typed := pathParam(pr.name); !typed && (in || !strings.Contains(r.Path, "{")) {
					sources[i] = facts.SourceParam
				}
			}
		}
	default: // Flask and its extensions: the view's arguments are URL parts.
		for i, pr := range f.params {
			if in, typed := pathParam(pr.name); in && !typed {
				sources[i] = facts.SourceParam
			}
		}
	}
	if len(sources) == 0 {
		return roles, f.Func
	}
	cp := *f.Func
	cp.Params = slices.Clone(f.Params)
	for i := range cp.Params {
		if src, ok := sources[cp.Params[i].Index]; ok {
			cp.Params[i].Source = src
			cp.Params[i].Cleared = cleared[cp.Params[i].Index]
		}
	}
	return roles, &cp
}

// scalar annotations carry nothing a sink misreads.
var scalar = map[string]bool{"int": true, "float": true, "bool": true, "UUID": true, "uuid.UUID": true, "datetime": true,
	"date": true, "datetime.date": true, "datetime.datetime": true, "Decimal": true, "PositiveInt": true, "conint": true}

// fastapiSource is what a FastAPI parameter carries, from its
// annotation and default: "request" for the Request object itself.
func fastapiSource(p *program, f *fn, pr param, pathParam func(string) (bool, bool)) string {
	ann := strings.TrimSpace(pr.annotation)
	if inner, ok := strings.CutPrefix(ann, "Optional["); ok {
		ann = strings.TrimSuffix(inner, "]")
	}
	if a, _, ok := strings.Cut(ann, "|"); ok {
		ann = strings.TrimSpace(a)
	}
	if inner, ok := strings.CutPrefix(ann, "Annotated["); ok {
		// Annotated[str, Query()]: the marker says where.
		ann, pr.def, _ = strings.Cut(strings.TrimSuffix(inner, "]"), ",")
		pr.def = strings.TrimSpace(pr.def)
	}
	def := pr.def
	switch {
	case strings.HasPrefix(def, "Depends(") || strings.HasPrefix(def, "Security("):
		return ""
	case ann == "Request" || strings.HasSuffix(ann, ".Request") || ann == "WebSocket":
		return "request"
	case scalar[ann] || strings.HasPrefix(ann, "conint"):
		return ""
	case strings.HasPrefix(def, "Header("):
		return facts.SourceHeader
	case strings.HasPrefix(def, "Cookie("):
		return facts.SourceCookie
	case strings.HasPrefix(def, "Body(") || strings.HasPrefix(def, "Form("):
		return facts.SourceBody
	case strings.HasPrefix(def, "File(") || strings.Contains(ann, "UploadFile"):
		return facts.SourceFileName
	case strings.HasPrefix(def, "Path("):
		return facts.SourceParam
	case strings.HasPrefix(def, "Query("):
		return facts.SourceQuery
	}
	if in, _ := pathParam(pr.name); in {
		return facts.SourceParam
	}
	switch {
	case ann == "" || ann == "str" || strings.HasPrefix(ann, "List[str") || strings.HasPrefix(ann, "list[str"):
		return facts.SourceQuery
	case ann == "dict" || strings.HasPrefix(ann, "Dict") || strings.HasPrefix(ann, "dict[") || ann == "Any":
		return facts.SourceBody
	case p.isClass(f.mod, p.deep(f.mod, f.mod.qualify(ann, nil))):
		// A model the repository defines: the JSON body.
		return facts.SourceBody
	}
	return ""
}

// textColumns are the Django model fields that hold text a user types.
var textColumns = map[string]bool{"django.db.models.CharField": true, "django.db.models.TextField": true,
	"django.db.models.SlugField": true, "django.db.models.EmailField": true}

// storedMarkup reports a model's method that marks one of the model's
// own text fields safe HTML (return mark_safe(self.first_name)): what a
// user saved there is written into every page that shows it, unescaped.
func (p *program) storedMarkup(rep *flow.Report) {
	for _, m := range p.mods {
		for _, f := range m.order {
			cols := m.columns[f.class]
			if len(cols) == 0 {
				continue
			}
			for i := range f.Ops {
				op := &f.Ops[i]
				for _, use := range op.Sinks {
					if use.Sink != sinkMarkSafe {
						continue
					}
					for _, a := range use.Args {
						if a < 0 || a >= len(op.Args) {
							continue
						}
						for _, r := range op.Args[a].Refs {
							field, _, _ := strings.Cut(strings.TrimPrefix(r.Path, "."), ".")
							call, ok := cols[field]
							if r.Var != "self" || !ok || !textColumns[p.deep(m, m.qualify(call, nil))] {
								continue
							}
							at := facts.Step{File: f.File, Line: op.Line, Note: op.Note}
							rep.Add(facts.Weakness{Kind: flow.XSS, Source: facts.SourceStored,
								Detail: "a text field users save (" + f.class + "." + field + ") marked safe HTML: written unescaped wherever it is shown",
								Path:   []facts.Step{{File: f.File, Line: f.Line, Note: f.Name}, at}}, at)
						}
					}
				}
			}
		}
	}
}
