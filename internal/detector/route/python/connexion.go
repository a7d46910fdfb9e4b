package python

import (
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/route"
	"github.com/threatmap/threatmap/internal/detector/route/openapi"
	"github.com/threatmap/threatmap/internal/detector/route/router"
	"github.com/threatmap/threatmap/internal/facts"
)

// connexion serves an OpenAPI document: each operation's operationId
// (joined to x-openapi-router-controller) names the Python function that
// handles it, and connexion itself answers 401 for an operation whose
// security names a scheme it can check (the scheme's x-bearerInfoFunc,
// x-tokenInfoFunc, x-basicInfoFunc, x-apikeyInfoFunc or x-tokenInfoUrl).
// A scheme with no such function is not checked at all.

// spec is an OpenAPI document whose operations name dotted handlers.
type spec struct {
	path string
	doc  *openapi.Doc
}

// servesDotted says a document names at least one handler the way
// connexion does (module.function), so it is worth keeping for Finish.
func servesDotted(d *openapi.Doc) bool {
	for _, r := range d.Routes {
		if strings.Contains(r.Handler, ".") {
			return true
		}
	}
	return false
}

// connexionApp is one connexion.App (FlaskApp, AsyncApp) in the tree.
type connexionApp struct {
	mod  *module
	name string
	dir  string // where its documents are read from: specification_dir under the module's folder
}

// served is one document an app serves, under base when add_api sets
// base_path.
type served struct {
	app     *connexionApp
	spec    spec
	base    string
	hasBase bool
	at      facts.Evidence // the add_api call
}

// connexionRoutes adds a route for every operation of a document a
// connexion app serves, at its handler's def, with its auth decided from
// the document's security and the handler's code.
func (ix *index) connexionRoutes(specs []spec, out *detector.Sink) {
	if len(specs) == 0 {
		return
	}
	apps := ix.connexionApps()
	if len(apps) == 0 {
		return
	}
	slices.SortFunc(specs, func(a, b spec) int { return strings.Compare(a.path, b.path) })
	byPath := map[string]spec{}
	for _, s := range specs {
		byPath[s.path] = s
	}
	var all []served
	unmatched := false
	for _, m := range ix.mods {
		for _, c := range m.calls {
			if c.callee() != "add_api" || c.fn.kind != exAttr {
				continue
			}
			s := ix.resolve(m, c.fn.obj)
			app := appOf(apps, s)
			if app == nil {
				continue
			}
			name, ok := ix.str(m, c.arg(0, "specification"))
			sp, found := byPath[path.Join(app.dir, name)]
			if !ok || !found {
				unmatched = true
				continue
			}
			sv := served{app: app, spec: sp, at: at(m, c)}
			if b := c.arg(-1, "base_path"); b != nil {
				sv.base, sv.hasBase = ix.str(m, b)
			}
			all = append(all, sv)
		}
	}
	if unmatched {
		// A document named at run time (a path built from settings): any
		// document naming dotted handlers beside the app is its best guess.
		for _, sp := range specs {
			if !slices.ContainsFunc(all, func(s served) bool { return s.spec.path == sp.path }) {
				all = append(all, served{app: apps[0], spec: sp})
			}
		}
	}
	for _, sv := range all {
		for i := range sv.spec.doc.Routes {
			out.AddRoute(ix.connexionRoute(sv, i))
		}
	}
}

// connexionApps finds the connexion applications the tree constructs.
func (ix *index) connexionApps() []*connexionApp {
	var apps []*connexionApp
	for _, m := range ix.mods {
		for _, name := range sortedKeys(m.assigns) {
			v := m.assigns[name]
			if v.kind != exCall || !ix.isConnexionApp(m, v) {
				continue
			}
			dir, _ := ix.str(m, v.arg(-1, "specification_dir"))
			apps = append(apps, &connexionApp{mod: m, name: name, dir: path.Join(path.Dir(m.path), dir)})
		}
	}
	return apps
}

// isConnexionApp says call constructs a connexion application.
func (ix *index) isConnexionApp(m *module, call *expr) bool {
	s := ix.resolve(m, call.fn)
	if s.ext == "" || s.root() != "connexion" {
		return false
	}
	switch s.last() {
	case "App", "FlaskApp", "AsyncApp":
		return true
	}
	return false
}

func appOf(apps []*connexionApp, s symbol) *connexionApp {
	for _, a := range apps {
		if s.mod == a.mod && s.name == a.name {
			return a
		}
	}
	return nil
}

// connexionRoute is operation i of a served document as a route: at the
// handler's def when the tree has it, else at the operation.
func (ix *index) connexionRoute(sv served, i int) facts.Route {
	doc := sv.spec.doc
	r := doc.Routes[i]
	if sv.hasBase {
		r = doc.Rebase(i, sv.base)
	}
	r.Framework = "connexion"
	specAt := facts.Evidence{File: sv.spec.path, Line: r.Line}
	r.File = sv.spec.path
	r.Documented = specAt
	var chain guards
	if g, ok := securityGuard(doc, i, sv.spec.path); ok {
		chain = append(chain, g)
	}
	fn, fmod := ix.handler(sv.app.mod, r.Handler)
	if fn == nil {
		if _, guarded := router.Required(chain); !guarded && !doc.Ops[i].Public {
			r.Auth, r.AuthEvidence = facts.AuthUnknown, "handler "+r.Handler+": its code is not in the tree (operation at "+specAt.File+":"+strconv.Itoa(specAt.Line)+")"
			if r.Handler == "" {
				r.AuthEvidence = "no operationId (operation at " + specAt.File + ":" + strconv.Itoa(specAt.Line) + ")"
			}
		} else {
			dec := ix.decide(nil, chain, "", "", true)
			r.Auth, r.AuthEvidence, r.AuthRole = dec.Auth, dec.Evidence, dec.Role
		}
		r.Middleware = chain.names()
		return r
	}
	for _, d := range fn.decorators {
		n, _ := decoratorName(d)
		chain.add("@"+d.text, n, at(fmod, d))
	}
	r.File, r.Line, r.EndLine, r.Body = fmod.path, fn.line, fn.endLine, fn.source()
	r.Middleware = chain.names()
	dec := ix.decide(fmod, chain, r.Body, r.File+":"+strconv.Itoa(r.Line), true)
	r.Auth, r.AuthEvidence, r.AuthRole = dec.Auth, dec.Evidence, dec.Role
	if r.Auth == facts.AuthNone && r.AuthEvidence == "" {
		r.AuthEvidence = unchecked(doc, i)
	}
	route.Classify(&r, pythonVocab)
	return r
}

// securityGuard is what connexion checks before the handler runs: a
// guard that rejects when every alternative the operation's security
// lists names a scheme connexion can check, with its scopes as the role.
// An operation whose security is empty, or lets one alternative through
// unchecked, gets none.
func securityGuard(doc *openapi.Doc, i int, file string) (router.Guard, bool) {
	op := doc.Ops[i]
	if op.Public || len(op.Security) == 0 {
		return router.Guard{}, false
	}
	var names []string
	checked, role := "", ""
	defined := facts.Evidence{}
	for _, alt := range op.Security {
		ok := false
		for _, req := range alt {
			names = append(names, req.Scheme)
			sc, declared := doc.Schemes[req.Scheme]
			if !declared || sc.Checker == "" {
				continue
			}
			ok = true
			if checked == "" {
				checked, defined = sc.Checker, facts.Evidence{File: file, Line: sc.Line}
			}
			if role == "" && len(req.Scopes) > 0 {
				role = strings.ToLower(req.Scopes[0])
			}
		}
		if !ok {
			return router.Guard{}, false
		}
	}
	slices.Sort(names)
	name := "security: " + strings.Join(slices.Compact(names), ", ")
	return router.Guard{
		Name: name, Defined: defined, Applied: facts.Evidence{File: file, Line: op.SecurityLine},
		Verdict: router.Verdict{Auth: facts.AuthRequired, Role: role,
			Evidence: "connexion answers 401 unless " + checked + " accepts the credential"},
	}, true
}

// unchecked says why an operation with security is still public: the
// schemes it names have no function connexion checks them with.
func unchecked(doc *openapi.Doc, i int) string {
	op := doc.Ops[i]
	if op.Public || len(op.Security) == 0 {
		return ""
	}
	var names []string
	for _, alt := range op.Security {
		for _, req := range alt {
			if doc.Schemes[req.Scheme].Checker == "" {
				names = append(names, req.Scheme)
			}
		}
	}
	if len(names) == 0 {
		return ""
	}
	slices.Sort(names)
	return "security: " + strings.Join(slices.Compact(names), ", ") + " names no check function (x-*InfoFunc), so connexion lets every request through"
}

// handler finds the function an operationId names (pkg.module.function
// or pkg.module.Class.method), read from the app's module.
func (ix *index) handler(from *module, dotted string) (*function, *module) {
	parts := strings.Split(dotted, ".")
	for k := len(parts) - 1; k >= 1; k-- {
		m := ix.module(from, strings.Join(parts[:k], "."))
		if m == nil {
			continue
		}
		rest := parts[k:]
		s := ix.lookup(m, rest[0], 0)
		switch {
		case len(rest) == 1 && s.fn != nil:
			return s.fn, s.mod
		case len(rest) == 2 && s.cls != nil:
			if f, fm := ix.method(s.mod, s.cls, rest[1]); f != nil {
				return f, fm
			}
		}
		return nil, nil
	}
	return nil, nil
}
