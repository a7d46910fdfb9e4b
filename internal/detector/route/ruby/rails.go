package ruby

import (
	"regexp"
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/detector/route/router"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/urlpath"
)

// A decl is one route the routing DSL declares.
type decl struct {
	methods    []string
	path       string
	controller string // "admin/reports", "" when unknown
	action     string
	file       string
	line       int
	guards     []router.Guard // authenticate blocks of routes.rb
	mounted    string         // the app or engine a mount serves
	framework  string
	// body and where it is, for a Sinatra block.
	body      string
	bodyLine  int
	bodyEnd   int
	sinatraOf *class
	// gem is the Devise controller a devise_for route is drawn for
	// ("devise/sessions"), where the app names its own in its place.
	gem string
}

// scope is where the routing DSL is: the path prefix, the controller
// module and the resource a block nests under.
type scope struct {
	path       string
	module     string
	controller string
	guards     []router.Guard
	// res is the resources block the statement is in; member/collection
	// say which of its blocks.
	res        *resource
	member     bool
	collection bool
	newBlock   bool
	file       string
}

type resource struct {
	name       string // photos
	singular   bool
	controller string // with module
	param      string // id
	base       string // the resource's own path, with the scope's prefix
}

// memberPath is /photos/{id}, collectionPath /photos, nestedPath
// /photos/{photo_id}.
func (r *resource) memberPath() string {
	if r.singular {
		return r.base
	}
	return r.base + "/:" + r.param
}

func (r *resource) nestedPath() string {
	if r.singular {
		return r.base
	}
	return r.base + "/:" + singularize(r.name) + "_" + r.param
}

// rails evaluates an app's routing DSL.
type rails struct {
	ix       *index
	out      []*decl
	concerns map[string][]*call
	depth    int
	// engines are the engines' own routes (X::Engine.routes.draw), by
	// the engine's constant.
	engines map[string][]draw
	mounted map[string]bool
	// grapeMounted are the Grape APIs a route mounts, by class name.
	grapeMounted map[string]bool
}

var verbs = map[string]string{"get": "GET", "post": "POST", "put": "PUT", "patch": "PATCH", "delete": "DELETE", "options": "OPTIONS", "head": "HEAD", "query": "QUERY"}

func (rl *rails) calls(cs []*call, s scope) {
	rl.depth++
	defer func() { rl.depth-- }()
	if rl.depth > 40 {
		return
	}
	for _, c := range cs {
		if c.recv != "" {
			continue
		}
		rl.stmt(c, s)
	}
}

func (rl *rails) stmt(c *call, s scope) {
	switch c.name {
	case "get", "post", "put", "patch", "delete", "options", "head", "query":
		rl.verb(c, []string{verbs[c.name]}, s)
	case "match":
		var ms []string
		for _, v := range c.opt("via").strs() {
			if v == "all" {
				ms = []string{"ANY"}
				break
			}
			if m, ok := verbs[strings.ToLower(v)]; ok {
				ms = append(ms, m)
			}
		}
		if len(ms) == 0 {
			ms = []string{"ANY"}
		}
		rl.verb(c, ms, s)
	case "root":
		to := c.opt("to")
		if to == nil {
			to = c.positional(0)
		}
		ctrl, action := target(to, s)
		rl.add(&decl{methods: []string{"GET"}, path: s.path + "/", controller: ctrl, action: action, file: s.file, line: c.line, guards: s.guards})
	case "resources", "resource":
		rl.resources(c, s, c.name == "resource")
	case "namespace":
		name, _ := c.positional(0).str()
		p := name
		if v, ok := c.opt("path").str(); ok {
			p = v
		}
		ns := s
		ns.path = join(s.path, p)
		ns.module = joinMod(s.module, name)
		if v, ok := c.opt("module").str(); ok {
			ns.module = joinMod(s.module, v)
		}
		ns.res, ns.member, ns.collection = nil, false, false
		rl.calls(c.block, ns)
	case "scope":
		ns := s
		if v, ok := c.positional(0).str(); ok {
			ns.path = join(s.path, v)
		}
		if v, ok := c.opt("path").str(); ok {
			ns.path = join(s.path, v)
		}
		if v, ok := c.opt("module").str(); ok {
			ns.module = joinMod(s.module, v)
		}
		if v, ok := c.opt("controller").str(); ok {
			ns.controller = v
		}
		rl.calls(c.block, ns)
	case "controller":
		ns := s
		if v, ok := c.positional(0).str(); ok {
			ns.controller = v
		}
		rl.calls(c.block, ns)
	case "constraints", "defaults", "with_options", "direct":
		if c.name != "direct" {
			rl.calls(c.block, s)
		}
	case "authenticate", "authenticated":
		ns := s
		scopeName := "user"
		if v, ok := c.positional(0).str(); ok {
			scopeName = v
		}
		g := router.Guard{Name: c.name + " :" + scopeName, Applied: facts.Evidence{File: s.file, Line: c.line}, Defined: facts.Evidence{File: s.file, Line: c.line}}
		if c.name == "authenticate" {
			g.Verdict = router.Verdict{Auth: facts.AuthRequired, Evidence: "Devise's authenticate block sends a caller who is not signed in to sign in"}
		} else {
			g.Verdict = router.Verdict{Auth: facts.AuthRequired, Evidence: "Devise's authenticated block matches signed-in callers only (404 for the others)"}
		}
		ns.guards = append(slices.Clone(s.guards), g)
		rl.calls(c.block, ns)
	case "member", "collection", "new":
		if s.res == nil {
			return
		}
		ns := s
		ns.member, ns.collection, ns.newBlock = c.name == "member", c.name == "collection", c.name == "new"
		rl.calls(c.block, ns)
	case "concern":
		if name, ok := c.positional(0).str(); ok {
			rl.concerns[name] = c.block
		}
	case "concerns":
		for _, a := range c.args {
			for _, n := range a.strs() {
				rl.calls(rl.concerns[n], s)
			}
		}
	case "draw":
		name, ok := c.positional(0).str()
		if !ok {
			return
		}
		for _, f := range rl.ix.drawFiles(s.file, name) {
			ns := s
			ns.file = f.path
			rl.calls(f.top.macros, ns)
		}
	case "mount":
		rl.mount(c, s)
	case "devise_for":
		rl.devise(c, s)
	case "use_doorkeeper":
		for _, r := range [][3]string{{"GET", "/oauth/authorize", "doorkeeper/authorizations#new"}, {"POST", "/oauth/authorize", "doorkeeper/authorizations#create"},
			{"DELETE", "/oauth/authorize", "doorkeeper/authorizations#destroy"}, {"POST", "/oauth/token", "doorkeeper/tokens#create"},
			{"POST", "/oauth/revoke", "doorkeeper/tokens#revoke"}, {"POST", "/oauth/introspect", "doorkeeper/tokens#introspect"},
			{"GET", "/oauth/token/info", "doorkeeper/token_info#show"}} {
			ctrl, action, _ := strings.Cut(r[2], "#")
			rl.add(&decl{methods: []string{r[0]}, path: s.path + r[1], controller: ctrl, action: action, file: s.file, line: c.line, guards: s.guards})
		}
	}
}

// target reads "ctrl#action" (or a symbol action under the scope's
// controller).
func target(a *arg, s scope) (ctrl, action string) {
	v, ok := a.str()
	if !ok {
		return "", ""
	}
	if a.kind == argSymbol {
		return "", v
	}
	c, act, found := strings.Cut(v, "#")
	if !found {
		return "", ""
	}
	return c, act
}

// verb reads get/post/... and match.
func (rl *rails) verb(c *call, methods []string, s scope) {
	var path, ctrl, action string
	explicit := false
	if ar := c.arrow(); ar != nil {
		path, _ = ar.key.str()
		ctrl, action = target(ar.value, s)
		explicit = true
	} else if p := c.positional(0); p != nil {
		v, ok := p.str()
		if !ok {
			return
		}
		path = v
		if p.kind == argSymbol {
			action = v
		}
	} else {
		return
	}
	if to := c.opt("to"); to != nil {
		ctrl, action = target(to, s)
		explicit = true
	}
	if v, ok := c.opt("controller").str(); ok {
		ctrl = v
		explicit = true
	}
	if v, ok := c.opt("action").str(); ok {
		action = v
	}
	if c.opt("to") != nil && ctrl == "" && action == "" {
		// to: a Rack app or a redirect: served, no controller.
		explicit = true
	}
	if !explicit && action == "" {
		// get "photos/search": the path names controller/action; under a
		// resource, the action.
		seg := strings.Trim(stripOptional(path), "/")
		if s.res != nil || s.controller != "" {
			action = strings.ReplaceAll(seg, "/", "_")
		} else if i := strings.LastIndexByte(seg, '/'); i > 0 {
			ctrl, action = seg[:i], seg[i+1:]
		}
	}
	if v, ok := c.opt("path").str(); ok && c.positional(0) != nil && c.positional(0).kind == argSymbol {
		path = v
	}
	full := s.path
	if s.res != nil {
		switch {
		case s.member || c.optIs("on", "member"):
			full = s.res.memberPath()
		case s.collection || c.optIs("on", "collection"):
			full = s.res.base
		case s.newBlock || c.optIs("on", "new"):
			full = s.res.base + "/new"
		default:
			full = s.res.nestedPath()
		}
	}
	full = join(full, path)
	if ctrl == "" {
		if s.res != nil {
			ctrl = s.res.controller
		} else if s.controller != "" {
			ctrl = joinMod(s.module, s.controller)
		}
	} else if !strings.HasPrefix(ctrl, "/") {
		ctrl = joinMod(s.module, ctrl)
	}
	rl.add(&decl{methods: methods, path: full, controller: strings.TrimPrefix(ctrl, "/"), action: action, file: s.file, line: c.line, guards: s.guards})
}

func (c *call) optIs(name, val string) bool {
	v, ok := c.opt(name).str()
	return ok && v == val
}

var standard = []struct {
	action, method, suffix string
	plural, singular       bool
}{
	{"index", "GET", "", true, false},
	{"create", "POST", "", true, true},
	{"new", "GET", "/new", true, true},
	{"edit", "GET", "/:id/edit", true, false},
	{"show", "GET", "/:id", true, false},
	{"update", "PATCH", "/:id", true, false},
	{"update", "PUT", "/:id", true, false},
	{"destroy", "DELETE", "/:id", true, false},
	{"edit", "GET", "/edit", false, true},
	{"show", "GET", "", false, true},
	{"update", "PATCH", "", false, true},
	{"update", "PUT", "", false, true},
	{"destroy", "DELETE", "", false, true},
}

func (rl *rails) resources(c *call, s scope, singular bool) {
	var names []string
	for i := 0; ; i++ {
		p := c.positional(i)
		if p == nil {
			break
		}
		if v, ok := p.str(); ok {
			names = append(names, v)
		}
	}
	for _, name := range names {
		base := s.path
		if s.res != nil {
			if s.member || c.optIs("on", "member") {
				base = s.res.memberPath()
			} else if s.collection {
				base = s.res.base
			} else {
				base = s.res.nestedPath()
			}
		}
		seg := name
		if v, ok := c.opt("path").str(); ok {
			seg = v
		}
		ctrl := name
		if singular {
			ctrl = pluralize(name)
		}
		ctrl = joinMod(s.module, ctrl)
		if v, ok := c.opt("module").str(); ok {
			ctrl = joinMod(joinMod(s.module, v), name)
		}
		if v, ok := c.opt("controller").str(); ok {
			ctrl = joinMod(s.module, v)
			if strings.Contains(v, "/") {
				ctrl = v
			}
		}
		param := "id"
		if v, ok := c.opt("param").str(); ok {
			param = v
		}
		res := &resource{name: name, singular: singular, controller: ctrl, param: param, base: join(base, seg)}
		only, except := c.opt("only"), c.opt("except")
		for _, st := range standard {
			if singular && !st.singular || !singular && !st.plural {
				continue
			}
			if only != nil && (only.kind == argList || only.kind == argSymbol || only.kind == argString) && !slices.Contains(only.strs(), st.action) {
				continue
			}
			if except != nil && slices.Contains(except.strs(), st.action) {
				continue
			}
			suffix := strings.ReplaceAll(st.suffix, ":id", ":"+param)
			rl.add(&decl{methods: []string{st.method}, path: res.base + suffix, controller: ctrl, action: st.action, file: s.file, line: c.line, guards: s.guards})
		}
		ns := s
		ns.res, ns.member, ns.collection, ns.newBlock = res, false, false, false
		for _, a := range c.opt("concerns").strs() {
			rl.calls(rl.concerns[a], ns)
		}
		rl.calls(c.block, ns)
	}
}

// mount serves a Rack app or an engine under a prefix: an engine whose
// routes are in the tree is composed under it; any other app is one
// route at its prefix.
func (rl *rails) mount(c *call, s scope) {
	var app, at string
	if ar := c.arrow(); ar != nil {
		// mount Sidekiq::Web => "/sidekiq": the key is the app.
		at, _ = ar.value.str()
		app = ar.key.val
	}
	for i := range c.args {
		a := &c.args[i]
		if a.kind == argPair && a.key != nil && a.key.kind == argConst {
			app = a.key.val
			at, _ = a.value.str()
		}
	}
	if p := c.positional(0); p != nil && app == "" {
		app = p.val
	}
	if v, ok := c.opt("at").str(); ok {
		at = v
	}
	if app == "" || at == "" {
		return
	}
	prefix := join(s.path, at)
	if api := rl.ix.class(app, nil); rl.ix.grapeAPI(api) {
		// A Grape API's routes are served under the mount.
		rl.grapeMounted[api.name] = true
		rl.out = append(rl.out, rl.ix.grape(api, prefix, s.guards, map[string]bool{}, 0)...)
		return
	}
	if draws, ok := rl.engines[strings.TrimPrefix(app, "::")]; ok && !rl.mounted[app] {
		rl.mounted[app] = true
		for _, d := range draws {
			ns := scope{path: prefix, file: d.file, guards: s.guards}
			rl.calls(d.calls, ns)
		}
		rl.mounted[app] = false
		return
	}
	rl.add(&decl{methods: []string{"ANY"}, path: prefix, file: s.file, line: c.line, guards: s.guards, mounted: app})
}

// deviseRoutes are the routes each Devise module draws, by module.
var deviseRoutes = map[string][][3]string{
	"database_authenticatable": {{"GET", "/sign_in", "sessions#new"}, {"POST", "/sign_in", "sessions#create"}, {"DELETE", "/sign_out", "sessions#destroy"}},
	"recoverable":              {{"GET", "/password/new", "passwords#new"}, {"GET", "/password/edit", "passwords#edit"}, {"PATCH", "/password", "passwords#update"}, {"PUT", "/password", "passwords#update"}, {"POST", "/password", "passwords#create"}},
	"registerable":             {{"GET", "/cancel", "registrations#cancel"}, {"GET", "/sign_up", "registrations#new"}, {"GET", "/edit", "registrations#edit"}, {"PATCH", "", "registrations#update"}, {"PUT", "", "registrations#update"}, {"DELETE", "", "registrations#destroy"}, {"POST", "", "registrations#create"}},
	"confirmable":              {{"GET", "/confirmation/new", "confirmations#new"}, {"GET", "/confirmation", "confirmations#show"}, {"POST", "/confirmation", "confirmations#create"}},
	"lockable":                 {{"GET", "/unlock/new", "unlocks#new"}, {"GET", "/unlock", "unlocks#show"}, {"POST", "/unlock", "unlocks#create"}},
}

// devisePath is a Devise route's path under its scope, each segment
// renamed as path_names says ({ sign_in: "login", registration:
// "register" }): the registration routes sit under the registration's
// name, "" by default.
func devisePath(p, ctrl string, names *arg) string {
	var segs []string
	if ctrl == "registrations" {
		if v, ok := names.entry("registration"); ok && v != "" {
			segs = append(segs, v)
		}
	}
	for _, seg := range strings.Split(strings.Trim(p, "/"), "/") {
		if seg == "" {
			continue
		}
		if v, ok := names.entry(seg); ok && v != "" {
			seg = v
		}
		segs = append(segs, seg)
	}
	if len(segs) == 0 {
		return ""
	}
	return "/" + strings.Join(segs, "/")
}

var deviseOrder = []string{"database_authenticatable", "recoverable", "registerable", "confirmable", "lockable"}

// devise draws devise_for's routes: the modules the model's devise call
// names (sign-in alone when the model is not in the tree).
func (rl *rails) devise(c *call, s scope) {
	for i := 0; ; i++ {
		p := c.positional(i)
		if p == nil {
			break
		}
		name, ok := p.str()
		if !ok {
			continue
		}
		mods := map[string]bool{"database_authenticatable": true}
		if m := rl.ix.class(camelize(singularize(name)), nil); m != nil {
			for _, mc := range m.macros {
				if mc.name == "devise" {
					mods = map[string]bool{}
					for _, a := range mc.args {
						for _, v := range a.strs() {
							mods[v] = true
						}
					}
				}
			}
		}
		skip := c.opt("skip").strs()
		base := join(s.path, name)
		if v, ok := c.opt("path").str(); ok {
			base = join(s.path, v)
		}
		names := c.opt("path_names")
		ctrls := c.opt("controllers")
		for _, mod := range deviseOrder {
			if !mods[mod] {
				continue
			}
			for _, r := range deviseRoutes[mod] {
				ctrl, action, _ := strings.Cut(r[2], "#")
				if slices.Contains(skip, ctrl) {
					continue
				}
				d := &decl{methods: []string{r[0]}, path: base + devisePath(r[1], ctrl, names), controller: "devise/" + ctrl, action: action, file: s.file, line: c.line, guards: s.guards}
				if v, ok := ctrls.entry(ctrl); ok {
					d.controller, d.gem = v, d.controller // controllers: { sessions: "users/sessions" }
				}
				rl.add(d)
			}
		}
	}
}

func (rl *rails) add(d *decl) {
	d.framework = "rails"
	rl.out = append(rl.out, d)
}

var optional = regexp.MustCompile(`\([^()]*\)`)

// stripOptional drops Rails' optional segments: feed(.:format) is /feed.
func stripOptional(p string) string {
	for i := 0; i < 4 && strings.Contains(p, "("); i++ {
		p = optional.ReplaceAllString(p, "")
	}
	return p
}

func join(prefix, p string) string {
	p = stripOptional(p)
	prefix = stripOptional(prefix)
	if prefix == "" {
		return "/" + strings.Trim(p, "/")
	}
	if p == "" {
		return prefix
	}
	return strings.TrimRight(prefix, "/") + "/" + strings.TrimLeft(p, "/")
}

// finalPath is a declared path in threatmap's form.
func finalPath(p string) (string, map[string]string) {
	p = strings.ReplaceAll(p, "*", "*")
	b, types := urlpath.Braces(p)
	return urlpath.Normalize(b), types
}

func joinMod(mod, name string) string {
	name = strings.Trim(name, "/")
	if mod == "" {
		return name
	}
	if name == "" {
		return mod
	}
	return mod + "/" + name
}

// camelize: admin/user_reports → Admin::UserReports.
func camelize(s string) string {
	var b strings.Builder
	for i, part := range strings.Split(s, "/") {
		if i > 0 {
			b.WriteString("::")
		}
		for _, w := range strings.Split(part, "_") {
			if w != "" {
				b.WriteString(strings.ToUpper(w[:1]) + w[1:])
			}
		}
	}
	return b.String()
}

func singularize(s string) string {
	switch {
	case strings.HasSuffix(s, "ies"):
		return s[:len(s)-3] + "y"
	case strings.HasSuffix(s, "sses"), strings.HasSuffix(s, "shes"), strings.HasSuffix(s, "ches"), strings.HasSuffix(s, "xes"):
		return s[:len(s)-2]
	case strings.HasSuffix(s, "ss"):
		return s
	case strings.HasSuffix(s, "s"):
		return s[:len(s)-1]
	}
	return s
}

func pluralize(s string) string {
	switch {
	case strings.HasSuffix(s, "y") && len(s) > 1 && !strings.ContainsRune("aeiou", rune(s[len(s)-2])):
		return s[:len(s)-1] + "ies"
	case strings.HasSuffix(s, "s"), strings.HasSuffix(s, "x"), strings.HasSuffix(s, "sh"), strings.HasSuffix(s, "ch"):
		return s + "es"
	}
	return s + "s"
}
