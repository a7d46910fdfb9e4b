package js

import (
	"github.com/threatmap/threatmap/internal/urlpath"
	"path"
	"sort"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/route"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/syntax"
)

// nestRoute is a NestJS controller method; the global prefix and global
// guards come from the bootstrap, so it is finished in Finish.
type nestRoute struct {
	methods []string // one per path
	ctrl    strExpr
	paths   []strExpr
	line    int
	endLine int
	handler string
	body    string
	guards  []string
	public  bool
	upload  bool
	types   map[string]string
}

var nestMethods = map[string]string{
	"Get": "GET", "Post": "POST", "Put": "PUT", "Patch": "PATCH", "Delete": "DELETE",
	"Options": "OPTIONS", "Head": "HEAD", "All": "ANY",
}

// publicDecorators opt a route out of a global auth guard, by convention.
var publicDecorators = map[string]bool{"Public": true, "AllowAnonymous": true, "SkipAuth": true, "IsPublic": true, "NoAuth": true}

// decorator returns a decorator's name and arguments: @Get(':id') is
// Get with one argument, @Public is Public with none.
func decorator(t *syntax.Tree, d *sitter.Node) (string, []*sitter.Node) {
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
	syntax.Walk(t.Root(), func(n *sitter.Node) bool {
		switch n.Type() {
		case "class_declaration", "abstract_class_declaration":
			f.nestClass(t, n)
			return false
		case "object":
			// { provide: APP_GUARD, useClass: JwtAuthGuard }
			if p := objectField(t, n, "provide"); p != nil && t.Text(p) == "APP_GUARD" {
				if c := objectField(t, n, "useClass"); c != nil {
					f.nestGuards = append(f.nestGuards, t.Text(c))
				}
			}
		case "member_expression":
			if t.Text(n) == "NestFactory.create" {
				f.nestBoot = true
			}
		}
		return true
	})
}

func (f *fileFacts) nestClass(t *syntax.Tree, class *sitter.Node) {
	var decs []*sitter.Node
	for i := 0; i < int(class.NamedChildCount()); i++ {
		if c := class.NamedChild(i); c.Type() == "decorator" {
			decs = append(decs, c)
		}
	}
	if p := class.Parent(); p != nil && p.Type() == "export_statement" {
		for i := 0; i < int(p.NamedChildCount()); i++ {
			if c := p.NamedChild(i); c.Type() == "decorator" {
				decs = append(decs, c)
			}
		}
	}
	var (
		isCtrl    bool
		ctrl      strExpr
		guards    []string
		public    bool
		className = t.Text(class.ChildByFieldName("name"))
	)
	for _, d := range decs {
		name, args := decorator(t, d)
		switch {
		case name == "Controller":
			isCtrl = true
			if len(args) > 0 {
				if e, ok := f.strExpr(t, args[0]); ok {
					ctrl = e
				} else if ps := stringsOf(t, args[0]); len(ps) > 0 {
					ctrl = strExpr{{lit: ps[0]}}
				} else {
					ctrl = f.objectString(t, args[0], "path")
				}
			}
		case publicDecorators[name]:
			public = true
		default:
			guards = append(guards, nestGuards(t, name, args)...)
		}
	}
	if !isCtrl {
		return
	}
	body := class.ChildByFieldName("body")
	if body == nil {
		return
	}
	var pending []*sitter.Node
	for i := 0; i < int(body.NamedChildCount()); i++ {
		c := body.NamedChild(i)
		switch c.Type() {
		case "decorator":
			pending = append(pending, c)
			continue
		case "comment":
			continue
		case "method_definition":
			f.nestMethod(t, c, pending, className, ctrl, guards, public)
		}
		pending = nil
	}
}

// nestGuards turns a decorator into guard names: @UseGuards(A, B) is A
// and B; any other decorator is its own name (custom @Auth() wrappers),
// except Swagger's @Api* documentation decorators.
func nestGuards(t *syntax.Tree, name string, args []*sitter.Node) []string {
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

func (f *fileFacts) nestMethod(t *syntax.Tree, m *sitter.Node, decs []*sitter.Node, className string, ctrl strExpr, classGuards []string, classPublic bool) {
	r := nestRoute{ctrl: ctrl, line: syntax.Line(m), endLine: syntax.EndLine(m), body: t.Text(m), public: classPublic, types: map[string]string{}}
	r.guards = append(r.guards, classGuards...)
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
		if name == "UseInterceptors" {
			for _, a := range args {
				if strings.Contains(t.Text(a), "FileInterceptor") || strings.Contains(t.Text(a), "FilesInterceptor") {
					r.upload = true
				}
			}
		}
		r.guards = append(r.guards, nestGuards(t, name, args)...)
	}
	if len(r.methods) == 0 {
		return
	}
	if name := m.ChildByFieldName("name"); name != nil {
		r.handler = className + "." + t.Text(name)
	}
	// @Param('id', ParseIntPipe) id: number
	if params := m.ChildByFieldName("parameters"); params != nil {
		for i := 0; i < int(params.NamedChildCount()); i++ {
			p := params.NamedChild(i)
			for j := 0; j < int(p.NamedChildCount()); j++ {
				d := p.NamedChild(j)
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
func (f *fileFacts) nestCall(t *syntax.Tree, call *sitter.Node, prop string) {
	args := argList(call)
	if len(args) == 0 {
		return
	}
	switch prop {
	case "setGlobalPrefix":
		if e, ok := f.strExpr(t, args[0]); ok {
			f.nestPrefix = e
		}
	case "useGlobalGuards":
		for _, a := range args {
			if a.Type() == "new_expression" {
				a = a.ChildByFieldName("constructor")
			}
			f.nestGuards = append(f.nestGuards, clip(t.Text(a)))
		}
	}
}

// emitNest reports NestJS routes under the global prefix and guards of
// the nearest bootstrap (main.ts) above them.
func (r *resolver) emitNest(out *detector.Sink) {
	var boots, guardFiles []*fileFacts
	for _, p := range sortedKeys(r.files) {
		f := r.files[p]
		if f.nestBoot || f.nestPrefix != nil {
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
		if boot != nil && boot.nestPrefix != nil {
			prefix, _ = r.str(boot, boot.nestPrefix, 0)
		}
		var global []string
		for _, g := range guardFiles {
			if nearestDir(g.path, f.path) {
				global = append(global, g.nestGuards...)
			}
		}
		for _, nr := range f.nest {
			ctrl, ok := r.str(f, nr.ctrl, 0)
			if !ok {
				continue
			}
			guards := nr.guards
			if !nr.public {
				guards = concat(global, guards)
			}
			for i, pe := range nr.paths {
				local, ok := r.str(f, pe, 0)
				if !ok {
					continue
				}
				full, types := routePath(urlpath.Join(urlpath.Join(prefix, ctrl), local))
				for k, v := range nr.types {
					types[k] = v
				}
				auth, evidence := route.AuthOf(guards, nr.body, boot != nil)
				if nr.public && auth == facts.AuthUnknown {
					auth = facts.AuthNone
				}
				fr := facts.Route{
					Method: nr.methods[i], Path: full, Framework: fwNest, File: f.path, Line: nr.line, EndLine: nr.endLine,
					Handler: nr.handler, Auth: auth, AuthEvidence: evidence,
					Params: route.Params(full, paramTypes(full, types, nr.body)), Middleware: guards, Body: nr.body,
				}
				if nr.upload {
					fr.Tags = append(fr.Tags, facts.TagUpload)
				}
				route.Classify(&fr)
				out.AddRoute(fr)
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
