package js

import (
	"maps"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/threatmap/threatmap/internal/urlpath"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/route"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/syntax"
)

// nestRoute is a NestJS controller method; the global prefix and global
// guards come from the bootstrap, so it is finished in Finish.
type nestRoute struct {
	class   string
	methods []string // one per path
	ctrl    strExpr
	paths   []strExpr
	line    int
	endLine int
	handler string
	body    string
	guards  []string
	guardAt map[string]int // where each guard is applied (its decorator's line)
	// decorated are the guards that are decorators of their own (@Auth(),
	// @SerializeOptions()), not @UseGuards arguments: guards only by
	// their code. meta is each such decorator's first argument
	// (@Roles(Role.Admin) is Roles: Role.Admin).
	decorated map[string]bool
	meta      map[string]string
	public    bool
	upload    bool
	types     map[string]string
	// versions are the route's API versions (@Version on the method, else
	// the controller's version); nil when neither says, "" for
	// VERSION_NEUTRAL. They are in the path only under URI versioning.
	versions []string
}

// nestVersioning is app.enableVersioning({type: VersioningType.URI}) (URI
// is the default type): each version is a path segment, prefix+version,
// after the global prefix.
type nestVersioning struct {
	prefix   string
	defaults []string // defaultVersion
}

var nestMethods = map[string]string{
	"Get": "GET", "Post": "POST", "Put": "PUT", "Patch": "PATCH", "Delete": "DELETE",
	"Options": "OPTIONS", "Head": "HEAD", "All": "ANY",
	"Sse":         "GET", // server-sent events: a GET that streams
	"QueryMethod": "QUERY",
}

// nestApply is consumer.apply(mw...).exclude(...).forRoutes(...) in a
// module's configure(): middleware for the routes it names.
type nestApply struct {
	names    []string
	targets  []nestTarget
	excludes []nestTarget
}

// nestTarget is one forRoutes/exclude argument: a path (with an optional
// method) or a controller class.
type nestTarget struct {
	path   strExpr
	method string // "" for every method
	ctrl   string
}

// publicDecorators opt a route out of a global auth guard, by convention.
var publicDecorators = map[string]bool{"Public": true, "AllowAnonymous": true, "SkipAuth": true, "IsPublic": true, "NoAuth": true}

// decorator returns a decorator's name and arguments: @Get(':id') is
// Get with one argument, @Public is Public with none.
func decorator(t *syntax.Tree, d *syntax.Node) (string, []*syntax.Node) {
	if d.NamedChildCount() == 0 {
		return "", nil
	}
	e := d.NamedChild(0)
	switch e.Type() {
	case "call_expression":
		return t.Text(e.ChildByFieldName("function")), argList(e)
	case "identifier", "member_expression":
		return t.Text(e), nil
	}
	return "", nil
}

// collectNest reads @Controller classes, their route methods and guards,
// and APP_GUARD providers.
func (f *fileFacts) collectNest(t *syntax.Tree) {
	syntax.Walk(t.Root(), func(n *syntax.Node) bool {
		switch n.Type() {
		case "class_declaration", "abstract_class_declaration":
			// Module classes hold configure(consumer): keep walking.
			f.nestClass(t, n)
		case "object":
			// { provide: APP_GUARD, useClass: JwtAuthGuard }
			if p := objectField(t, n, "provide"); p != nil && t.Text(p) == "APP_GUARD" {
				for _, k := range []string{"useClass", "useExisting"} {
					if c := objectField(t, n, k); c != nil {
						f.nestGuards = append(f.nestGuards, clip(t.Text(c)))
						f.nestGuardAt = append(f.nestGuardAt, syntax.Line(n))
					}
				}
			}
		case "call_expression":
			if fn := n.ChildByFieldName("function"); fn != nil && fn.Type() == "member_expression" && t.Text(fn.ChildByFieldName("property")) == "forRoutes" {
				f.nestForRoutes(t, n)
			} else if fn != nil && t.Text(fn) == "RouterModule.register" {
				if args := argList(n); len(args) > 0 {
					f.nestRouter(t, args[0], nil)
				}
			}
		case "variable_declarator":
			// export const AllowGuest = () => SetMetadata(IS_PUBLIC_KEY, true)
			if name := n.ChildByFieldName("name"); name != nil && name.Type() == "identifier" && f.marksPublic(t, n) {
				f.nestPublic = append(f.nestPublic, t.Text(name))
			}
		case "member_expression":
			if t.Text(n) == "NestFactory.create" {
				f.nestBoot = true
			}
		}
		return true
	})
}

// nestModule is a @Module class and the controllers it declares.
type nestModule struct {
	class       string
	controllers []string
}

// nestMount is one RouterModule.register entry: the module's controllers
// are served under path, its parents' paths first.
type nestMount struct {
	module string
	path   []strExpr
}

// nestRouter reads RouterModule.register's table (an array, or a const
// of this file holding one): {path, module, children}, where a child is
// an entry of its own or a bare module served under its parent's path.
func (f *fileFacts) nestRouter(t *syntax.Tree, table *syntax.Node, parent []strExpr) {
	if table.Type() == "identifier" {
		name := t.Text(table)
		table = nil
		syntax.Walk(t.Root(), func(n *syntax.Node) bool {
			if table == nil && n.Type() == "variable_declarator" && t.Text(n.ChildByFieldName("name")) == name {
				table = n.ChildByFieldName("value")
			}
			return table == nil
		})
		if table == nil {
			return
		}
	}
	for table.Type() == "as_expression" || table.Type() == "satisfies_expression" || table.Type() == "parenthesized_expression" {
		table = table.NamedChild(0)
	}
	if table.Type() != "array" {
		return
	}
	for _, e := range syntax.NamedChildren(table) {
		if e.Type() == "identifier" {
			f.nestMounts = append(f.nestMounts, nestMount{module: t.Text(e), path: parent})
			continue
		}
		if e.Type() != "object" {
			continue
		}
		own := slices.Clone(parent)
		if p := objectField(t, e, "path"); p != nil {
			x, ok := f.strExpr(t, p)
			if !ok {
				continue // a path not read would put the routes elsewhere
			}
			own = append(own, x)
		}
		if m := objectField(t, e, "module"); m != nil && m.Type() == "identifier" {
			f.nestMounts = append(f.nestMounts, nestMount{module: t.Text(m), path: own})
		}
		if c := objectField(t, e, "children"); c != nil {
			f.nestRouter(t, c, own)
		}
	}
}

// nestModulePaths maps each controller (its file and class) to the path
// RouterModule serves its module under, when the module is in the
// router's table. Classes are known by the file that declares them: two
// apps' NotesController are two controllers.
func (r *resolver) nestModulePaths() map[string]string {
	mounts := map[string]string{}
	for _, p := range sortedKeys(r.files) {
		f := r.files[p]
		for _, m := range f.nestMounts {
			full := ""
			ok := true
			for _, e := range m.path {
				s, k := r.str(f, e, 0)
				ok = ok && k
				full = urlpath.Join(full, s)
			}
			if key := r.classKey(f, m.module); ok && key != "" {
				if _, seen := mounts[key]; !seen {
					mounts[key] = full
				}
			}
		}
	}
	out := map[string]string{}
	if len(mounts) == 0 {
		return out
	}
	for _, p := range sortedKeys(r.files) {
		f := r.files[p]
		for _, m := range f.nestModules {
			path, ok := mounts[f.path+"#"+m.class]
			if !ok {
				continue
			}
			for _, c := range m.controllers {
				if key := r.classKey(f, c); key != "" {
					out[key] = path
				}
			}
		}
	}
	return out
}

// classKey names the class a file refers to by name: file#Class, where
// file declares it (this one, or the one it is imported from).
func (r *resolver) classKey(f *fileFacts, name string) string {
	if imp, ok := f.imports[name]; ok {
		t := r.target(f.path, imp.from)
		if t == nil {
			return ""
		}
		if imp.name != "" && imp.name != "default" {
			name = imp.name
		}
		return t.path + "#" + name
	}
	return f.path + "#" + name
}

// readsPublicMarker is a guard's read, through the reflector, of a
// metadata key that marks a route public (IS_PUBLIC_KEY, 'isPublic').
var readsPublicMarker = regexp.MustCompile(`(?i)reflector\??\.\w+\s*(?:<[^>]*>)?\s*\(\s*['"]?\w*(?:public|anonymous|guest|skip_?auth|no_?auth|allow_?any)`)

// publicKey is a SetMetadata key or decorator name that marks a route
// public by convention.
var publicKey = regexp.MustCompile(`(?i)public|anonymous|guest|skip_?auth|no_?auth|allow_?any`)

// marksPublic says a declarator defines a decorator that sets public
// metadata, by its name or its key.
func (f *fileFacts) marksPublic(t *syntax.Tree, decl *syntax.Node) bool {
	v := decl.ChildByFieldName("value")
	if v == nil || !strings.Contains(t.Text(v), "SetMetadata(") {
		return false
	}
	if publicKey.MatchString(t.Text(decl.ChildByFieldName("name"))) {
		return true
	}
	var found bool
	syntax.Walk(v, func(n *syntax.Node) bool {
		if found || n.Type() != "call_expression" || t.Text(n.ChildByFieldName("function")) != "SetMetadata" {
			return !found
		}
		if args := argList(n); len(args) > 0 {
			key := t.Text(args[0])
			if c := f.consts[key]; len(c) == 1 {
				key = c[0].lit
			}
			found = publicKey.MatchString(key)
		}
		return false
	})
	return found
}

// nestForRoutes reads consumer.apply(A, B).exclude(...).forRoutes(...).
func (f *fileFacts) nestForRoutes(t *syntax.Tree, call *syntax.Node) {
	a := nestApply{targets: f.nestTargets(t, argList(call))}
	obj := call.ChildByFieldName("function").ChildByFieldName("object")
	for range 8 {
		if obj == nil || obj.Type() != "call_expression" {
			break
		}
		fn := obj.ChildByFieldName("function")
		if fn == nil || fn.Type() != "member_expression" {
			break
		}
		switch t.Text(fn.ChildByFieldName("property")) {
		case "exclude":
			a.excludes = append(a.excludes, f.nestTargets(t, argList(obj))...)
		case "apply":
			for _, m := range argList(obj) {
				if m.Type() == "call_expression" {
					a.names = append(a.names, mwName(t, m))
				} else {
					a.names = append(a.names, clip(t.Text(m)))
				}
			}
		}
		obj = fn.ChildByFieldName("object")
	}
	if len(a.names) > 0 && len(a.targets) > 0 {
		f.nestApplies = append(f.nestApplies, a)
	}
}

func (f *fileFacts) nestTargets(t *syntax.Tree, args []*syntax.Node) []nestTarget {
	var out []nestTarget
	for _, a := range args {
		switch a.Type() {
		case "object":
			p := objectField(t, a, "path")
			e, ok := f.strExpr(t, p)
			if !ok {
				continue
			}
			nt := nestTarget{path: e}
			if m := objectField(t, a, "method"); m != nil {
				method := strings.ToUpper(t.Text(m)[strings.LastIndexByte(t.Text(m), '.')+1:])
				if method != "ALL" {
					nt.method = method
				}
			}
			out = append(out, nt)
		case "identifier":
			if e := f.consts[t.Text(a)]; e != nil {
				out = append(out, nestTarget{path: e})
			} else {
				out = append(out, nestTarget{ctrl: t.Text(a)})
			}
		default:
			if e, ok := f.strExpr(t, a); ok {
				out = append(out, nestTarget{path: e})
			}
		}
	}
	return out
}

// matches says a forRoutes target covers a controller route: same
// controller, or the same method and path (parameter names aside, a
// trailing wildcard covering everything below).
func (r *resolver) matches(f *fileFacts, nt nestTarget, class, method, rel string) bool {
	if nt.ctrl != "" {
		return nt.ctrl == class
	}
	if nt.method != "" && nt.method != method {
		return false
	}
	p, ok := r.str(f, nt.path, 0)
	if !ok {
		return false
	}
	p = strings.TrimSpace(p)
	wild := false
	for _, w := range []string{"(.*)", "{*splat}", "*"} {
		if strings.HasSuffix(p, w) {
			p, wild = strings.TrimSuffix(p, w), true
			break
		}
	}
	target := urlpath.Shape(urlpath.Canonical(p))
	route := urlpath.Shape(urlpath.Canonical(rel))
	if target == route {
		return true
	}
	return wild && (target == "/" || strings.HasPrefix(route, target+"/"))
}

// nestCovers says a consumer.apply() reaches a route: a target names it
// and no exclude does.
func (r *resolver) nestCovers(f *fileFacts, a nestApply, class, method, rel string) bool {
	for _, ex := range a.excludes {
		if r.matches(f, ex, class, method, rel) {
			return false
		}
	}
	for _, nt := range a.targets {
		if r.matches(f, nt, class, method, rel) {
			return true
		}
	}
	return false
}

func (f *fileFacts) nestClass(t *syntax.Tree, class *syntax.Node) {
	var decs []*syntax.Node
	for _, c := range syntax.NamedChildren(class) {
		if c.Type() == "decorator" {
			decs = append(decs, c)
		}
	}
	if p := class.Parent(); p != nil && p.Type() == "export_statement" {
		for _, c := range syntax.NamedChildren(p) {
			if c.Type() == "decorator" {
				decs = append(decs, c)
			}
		}
	}
	var isCtrl bool
	base := nestRoute{class: t.Text(class.ChildByFieldName("name")), guardAt: map[string]int{}, decorated: map[string]bool{}, meta: map[string]string{}}
	for _, d := range decs {
		name, args := decorator(t, d)
		switch {
		case name == "Module":
			if len(args) > 0 {
				if cs := objectField(t, args[0], "controllers"); cs != nil && cs.Type() == "array" {
					m := nestModule{class: base.class}
					for _, c := range syntax.NamedChildren(cs) {
						if c.Type() == "identifier" {
							m.controllers = append(m.controllers, t.Text(c))
						}
					}
					f.nestModules = append(f.nestModules, m)
				}
			}
		case name == "Controller":
			isCtrl = true
			if len(args) > 0 {
				if e, ok := f.strExpr(t, args[0]); ok {
					base.ctrl = e
				} else if ps := stringsOf(t, args[0]); len(ps) > 0 {
					base.ctrl = strExpr{{lit: ps[0]}}
				} else {
					base.ctrl = f.objectString(t, args[0], "path")
					base.versions = nestVersions(t, objectField(t, args[0], "version"))
				}
			}
		case publicDecorators[name]:
			base.public = true
		default:
			base.addGuards(t, d, name, args)
		}
	}
	if !isCtrl {
		return
	}
	body := class.ChildByFieldName("body")
	if body == nil {
		return
	}
	var pending []*syntax.Node
	for _, c := range syntax.NamedChildren(body) {
		switch c.Type() {
		case "decorator":
			pending = append(pending, c)
			continue
		case "comment":
			continue
		case "method_definition":
			f.nestMethod(t, c, pending, base)
		}
		pending = nil
	}
}

// nestGuards turns a decorator into guard names: @UseGuards(A, B) is A
// and B; any other decorator is its own name (custom @Auth() wrappers),
// except Swagger's @Api* documentation decorators.
func nestGuards(t *syntax.Tree, name string, args []*syntax.Node) []string {
	switch {
	case name == "UseGuards":
		var out []string
		for _, a := range args {
			out = append(out, clip(t.Text(a)))
		}
		return out
	case strings.HasPrefix(name, "Api"), name == "UseInterceptors", name == "HttpCode", name == "Header":
		return nil
	}
	if name == "" {
		return nil
	}
	return []string{name}
}

// addGuards records decorator d's guards on r, where it is applied, and
// whether it is a guard only by being a decorator.
func (r *nestRoute) addGuards(t *syntax.Tree, d *syntax.Node, name string, args []*syntax.Node) {
	for _, g := range nestGuards(t, name, args) {
		r.guards = append(r.guards, g)
		r.guardAt[g] = syntax.Line(d)
		if name != "UseGuards" {
			r.decorated[g] = true
			if len(args) > 0 {
				r.meta[g] = t.Text(args[0])
			}
		}
	}
}

// nestMethod reads one method of a controller whose own decorators made
// cls (its path, versions, guards).
func (f *fileFacts) nestMethod(t *syntax.Tree, m *syntax.Node, decs []*syntax.Node, cls nestRoute) {
	r := cls
	r.line, r.endLine, r.body, r.types = syntax.Line(m), syntax.EndLine(m), t.Text(m), map[string]string{}
	r.guards, r.guardAt = slices.Clone(cls.guards), maps.Clone(cls.guardAt)
	r.decorated, r.meta = maps.Clone(cls.decorated), maps.Clone(cls.meta)
	className := cls.class
	for _, d := range decs {
		name, args := decorator(t, d)
		if method, ok := nestMethods[name]; ok {
			if r.line > syntax.Line(d) {
				r.line = syntax.Line(d)
			}
			var paths []strExpr
			if len(args) == 0 {
				paths = []strExpr{nil}
			} else if e, ok := f.strExpr(t, args[0]); ok {
				paths = []strExpr{e}
			} else {
				for _, p := range stringsOf(t, args[0]) {
					paths = append(paths, strExpr{{lit: p}})
				}
			}
			for _, p := range paths {
				r.methods = append(r.methods, method)
				r.paths = append(r.paths, p)
			}
			continue
		}
		if publicDecorators[name] {
			r.public = true
			continue
		}
		if name == "Version" && len(args) > 0 {
			// The method's own version replaces the controller's.
			r.versions = nestVersions(t, args[0])
			continue
		}
		if name == "UseInterceptors" {
			for _, a := range args {
				if strings.Contains(t.Text(a), "FileInterceptor") || strings.Contains(t.Text(a), "FilesInterceptor") {
					r.upload = true
				}
			}
		}
		r.addGuards(t, d, name, args)
	}
	if len(r.methods) == 0 {
		return
	}
	if name := m.ChildByFieldName("name"); name != nil {
		r.handler = className + "." + t.Text(name)
	}
	// @Param('id', ParseIntPipe) id: number
	if params := m.ChildByFieldName("parameters"); params != nil {
		for _, p := range syntax.NamedChildren(params) {
			for _, d := range syntax.NamedChildren(p) {
				if d.Type() != "decorator" {
					continue
				}
				name, args := decorator(t, d)
				if name != "Param" || len(args) < 2 {
					continue
				}
				pn, ok := t.StringValue(args[0])
				if !ok {
					continue
				}
				pipes := t.Text(d)
				switch {
				case strings.Contains(pipes, "ParseIntPipe"):
					r.types[pn] = facts.TypeInt
				case strings.Contains(pipes, "ParseUUIDPipe"):
					r.types[pn] = facts.TypeUUID
				}
			}
		}
	}
	f.nest = append(f.nest, r)
}

// nestCall reads the bootstrap: app.setGlobalPrefix('api') and
// app.useGlobalGuards(new JwtAuthGuard()).
func (f *fileFacts) nestCall(t *syntax.Tree, call *syntax.Node, prop string) {
	args := argList(call)
	if prop == "enableVersioning" && len(args) == 0 {
		f.nestVersion = &nestVersioning{prefix: "v"} // URI versioning by default
		return
	}
	if len(args) == 0 {
		return
	}
	switch prop {
	case "setGlobalPrefix":
		if e, ok := f.strExpr(t, args[0]); ok {
			f.nestPrefix = e
		}
		if len(args) > 1 {
			if ex := objectField(t, args[1], "exclude"); ex != nil && ex.Type() == "array" {
				f.nestExclude = f.nestTargets(t, syntax.NamedChildren(ex))
			}
		}
	case "enableVersioning":
		v := &nestVersioning{prefix: "v"}
		if o := args[0]; o.Type() == "object" {
			if ty := objectField(t, o, "type"); ty != nil && !strings.HasSuffix(t.Text(ty), "URI") {
				return // header, media type or custom: the path stays as it is
			}
			if p := objectField(t, o, "prefix"); p != nil {
				if s, ok := t.StringValue(p); ok {
					v.prefix = s
				} else if t.Text(p) == "false" {
					v.prefix = ""
				}
			}
			v.defaults = nestVersions(t, objectField(t, o, "defaultVersion"))
		}
		f.nestVersion = v
	case "useGlobalGuards":
		for _, a := range args {
			if a.Type() == "new_expression" {
				a = a.ChildByFieldName("constructor")
			}
			f.nestGuards = append(f.nestGuards, clip(t.Text(a)))
			f.nestGuardAt = append(f.nestGuardAt, syntax.Line(call))
		}
	}
}

// emitNest reports NestJS routes under the global prefix and guards of
// the nearest bootstrap (main.ts) above them.
func (r *resolver) emitNest(out *detector.Sink) {
	var boots, guardFiles []*fileFacts
	modulePath := r.nestModulePaths()
	customPublic := map[string]bool{}
	applyFile := map[int]*fileFacts{}
	for _, p := range sortedKeys(r.files) {
		f := r.files[p]
		for _, name := range f.nestPublic {
			customPublic[name] = true
		}
		if f.nestBoot || f.nestPrefix != nil || f.nestVersion != nil {
			boots = append(boots, f)
		}
		if len(f.nestGuards) > 0 {
			guardFiles = append(guardFiles, f)
		}
	}
	for _, p := range sortedKeys(r.files) {
		f := r.files[p]
		if len(f.nest) == 0 {
			continue
		}
		boot := nearest(boots, f.path)
		var prefix string
		var versioning *nestVersioning
		if boot != nil && boot.nestPrefix != nil {
			prefix, _ = r.str(boot, boot.nestPrefix, 0)
		}
		if boot != nil {
			versioning = boot.nestVersion
		}
		// APP_GUARD and consumer.apply() are app-wide wherever the module
		// declaring them sits: they reach every controller of the same
		// bootstrap.
		var global []string
		globalAt := map[string]facts.Evidence{}
		var applies []nestApply
		for _, g := range guardFiles {
			if nearestDir(g.path, f.path) || nearest(boots, g.path) == boot {
				global = append(global, g.nestGuards...)
				for i, name := range g.nestGuards {
					if _, ok := globalAt[name]; !ok && i < len(g.nestGuardAt) {
						globalAt[name] = facts.Evidence{File: g.path, Line: g.nestGuardAt[i]}
					}
				}
			}
		}
		for _, p := range sortedKeys(r.files) {
			if af := r.files[p]; len(af.nestApplies) > 0 && (nearestDir(af.path, f.path) || nearest(boots, af.path) == boot) {
				for _, a := range af.nestApplies {
					applies = append(applies, a)
					applyFile[len(applies)-1] = af
				}
			}
		}
		for _, nr := range f.nest {
			ctrl, ok := r.str(f, nr.ctrl, 0)
			if !ok {
				continue
			}
			public := nr.public
			var own []string
			for _, g := range nr.guards {
				if customPublic[g] {
					public = true
					continue
				}
				own = append(own, g)
			}
			if public {
				// A guard of the controller's or the route's own that reads
				// the public marker lets this route through, as a global
				// one does.
				lookup := r.lookup(f)
				own = slices.DeleteFunc(slices.Clone(own), func(g string) bool {
					code, _, ok := lookup(g)
					return ok && readsPublicMarker.MatchString(code)
				})
			}
			for i, pe := range nr.paths {
				local, ok := r.str(f, pe, 0)
				if !ok {
					continue
				}
				guards := own
				if !public {
					guards = slices.Concat(global, guards)
				}
				rel := urlpath.Join(ctrl, local)
				for ai, a := range applies {
					if r.nestCovers(applyFile[ai], a, nr.class, nr.methods[i], rel) {
						guards = slices.Concat(a.names, guards)
					}
				}
				served := prefix
				for _, ex := range boot.nestExcludes() {
					if r.matches(boot, ex, nr.class, nr.methods[i], rel) {
						served = ""
					}
				}
				for _, version := range versioning.segments(nr.versions) {
					full, types := routePath(urlpath.Join(urlpath.Join(urlpath.Join(served, version), modulePath[f.path+"#"+nr.class]), rel))
					for k, v := range nr.types {
						types[k] = v
					}
					gs := route.Named(guards)
					for gi := range gs {
						// A @UseGuards class rejects when canActivate is false
						// even where its code is not in the tree; a decorator of
						// its own (@SerializeOptions()) is a guard only by its code.
						if (slices.Contains(own, gs[gi].Name) && !nr.decorated[gs[gi].Name]) || slices.Contains(global, gs[gi].Name) {
							gs[gi].Framework = "NestJS"
						}
						if line := nr.guardAt[gs[gi].Name]; line > 0 && slices.Contains(own, gs[gi].Name) {
							gs[gi].Applied = facts.Evidence{File: f.path, Line: line}
						} else if at, ok := globalAt[gs[gi].Name]; ok && !slices.Contains(own, gs[gi].Name) {
							// useGlobalGuards in main.ts, APP_GUARD in a module.
							gs[gi].Applied = at
						}
					}
					dec := route.Decide(r.taught, gs, nr.body, "", boot != nil, r.lookup(f))
					if dec.Auth == facts.AuthRequired && dec.Role == "" {
						dec.Role = r.nestRole(f, nr, guards)
					}
					auth, evidence := dec.Auth, dec.Evidence
					if public && auth == facts.AuthUnknown {
						auth = facts.AuthNone
					}
					fr := facts.Route{
						Method: nr.methods[i], Path: full, Framework: fwNest, File: f.path, Line: nr.line, EndLine: nr.endLine,
						Handler: nr.handler, Auth: auth, AuthEvidence: evidence, AuthRole: dec.Role,
						Params: route.Params(full, paramTypes(full, types, nr.body)), Middleware: guards, Body: nr.body,
					}
					if nr.upload {
						fr.Tags = append(fr.Tags, facts.TagUpload)
					}
					route.Classify(&fr, nodeVocab)
					out.AddRoute(fr)
				}
			}
		}
	}
}

// nearest is the bootstrap whose folder is the closest ancestor of p's
// (src/main.ts for src/users/users.controller.ts); with one bootstrap in
// the tree, that one.
func nearest(boots []*fileFacts, p string) *fileFacts {
	var best *fileFacts
	for _, b := range boots {
		if nearestDir(b.path, p) && (best == nil || len(b.path) > len(best.path)) {
			best = b
		}
	}
	if best == nil && len(boots) == 1 {
		return boots[0]
	}
	return best
}

// nearestDir says file a's folder contains file b.
func nearestDir(a, b string) bool {
	dir := path.Dir(a)
	return dir == "." || strings.HasPrefix(b, dir+"/")
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// nestVersions reads a version: '1', ['1', '2'], VERSION_NEUTRAL ("").
func nestVersions(t *syntax.Tree, n *syntax.Node) []string {
	if n == nil {
		return nil
	}
	if strings.HasSuffix(t.Text(n), "VERSION_NEUTRAL") && n.Type() != "string" {
		return []string{""}
	}
	if n.Type() == "array" {
		var out []string
		for _, c := range syntax.NamedChildren(n) {
			out = append(out, nestVersions(t, c)...)
		}
		return out
	}
	if s, ok := t.StringValue(n); ok {
		return []string{s}
	}
	return nil
}

// segments are the path segments a route's versions put before its
// controller's path: one per version under URI versioning (the default
// version where the route names none), none otherwise: without
// enableVersioning NestJS ignores the versions.
func (v *nestVersioning) segments(versions []string) []string {
	if v == nil {
		return []string{""}
	}
	if versions == nil {
		versions = v.defaults
	}
	if len(versions) == 0 {
		return []string{""}
	}
	out := make([]string, 0, len(versions))
	for _, ver := range versions {
		if ver == "" {
			out = append(out, "")
		} else {
			out = append(out, v.prefix+ver)
		}
	}
	return out
}

// nestExcludes are the bootstrap's setGlobalPrefix excludes.
func (f *fileFacts) nestExcludes() []nestTarget {
	if f == nil {
		return nil
	}
	return f.nestExclude
}

// nestRole is the role a metadata decorator on the route names for a guard
// on it to check: @Roles(RoleEnum.admin), where Roles is
// SetMetadata('roles', roles) and a guard's canActivate reads 'roles'
// through the reflector. A key no guard of the route reads is no role
// (@CacheKey('users') beside a RolesGuard). A guard that compares the
// caller's level of access with the one the handler asks for
// (@RequirePermission(Level.Write), levelFor(userId, noteId) >= needed)
// demands that level: a permission check on the record, for every
// handler of a class it guards.
func (r *resolver) nestRole(f *fileFacts, nr nestRoute, guards []string) string {
	lookup := r.lookup(f)
	for _, name := range guards {
		arg, ok := nr.meta[name]
		if !ok {
			continue
		}
		code, _, found := lookup(name)
		m := metadataKey.FindStringSubmatch(code)
		if !found || m == nil {
			continue
		}
		key := regexp.MustCompile(`(?:getAllAndOverride|getAllAndMerge|\.get)\b[^;]{0,160}?[(,\[]\s*` + regexp.QuoteMeta(m[1]) + `\s*[,)]`)
		for _, g := range guards {
			if g == name {
				continue
			}
			gc, _, ok := lookup(g)
			if ok && strings.Contains(gc, "canActivate") && key.MatchString(gc) && (userRole.MatchString(gc) || callerLevel.MatchString(gc) && returnsCompare.MatchString(gc)) {
				if role := roleArg(arg); role != "" {
					return role
				}
			}
		}
	}
	return ""
}

var (
	// metadataKey is the key a decorator factory sets: SetMetadata(KEY, ...).
	metadataKey = regexp.MustCompile(`\bSetMetadata\(\s*([\w$]+|'[^']*'|"[^"]*")\s*,`)
	// userRole is a guard reading the caller's role or permissions.
	userRole = regexp.MustCompile(`(?i)\buser\b[\w?.\]\[]*\.?(?:roles?|permissions?|scopes?|groups?)\b`)
	// callerLevel is a guard asking for the caller's level of access
	// (to the record at the path): a call handed the caller's id,
	// levelFor(callerId, request.params.boardId),
	// determinePermission(userId, noteId); returnsCompare is its
	// answer, that level compared with the one the handler asks for.
	callerLevel    = regexp.MustCompile(`(?i)\w\(\s*(?:[^()]*[,\s.])?\w*(?:user|caller|principal|member|account)\w*\s*[,)]`)
	returnsCompare = regexp.MustCompile(`\breturn\s+[\w.]+\s*(?:>=|<=|>|<|===?)\s*[\w.]+\s*;`)
	// roleValue is a decorator argument naming a role: 'admin',
	// Role.Admin, RoleEnum.admin, [Role.Admin].
	roleValue = regexp.MustCompile(`^\[?\s*(?:['"]([\w:.-]{1,60})['"]|[A-Za-z_$][\w$]*\.([A-Za-z_$][\w$]*))\s*(?:[,\]]|$)`)
)

// roleArg is the role a decorator's argument names, or "".
func roleArg(arg string) string {
	m := roleValue.FindStringSubmatch(strings.TrimSpace(arg))
	if m == nil {
		return ""
	}
	return strings.ToLower(m[1] + m[2])
}
