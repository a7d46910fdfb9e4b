package golang

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/detector/route"
	"github.com/threatmap/threatmap/internal/detector/route/router"
	"github.com/threatmap/threatmap/internal/facts"
)

// beegoApp is Beego (v2's server/web, v1's astaxie/beego). Its package
// functions register on the app web.Run serves (web.Router, web.Get,
// web.InsertFilter); a Namespace is a router of its own, built from
// NS options (web.NSRouter, web.NSNamespace, web.NSBefore) or its
// methods, and mounted by web.AddNamespace. A route's handler is a
// controller method: the one its mapping names ("get:List"), or, with
// none, the controller's own Get, Post... Beego runs the controller's
// Prepare before each of them.
func beegoApp(keyword string, pkgs ...string) *framework {
	return &framework{
		name: beego, keyword: keyword, pkgs: pkgs,
		types: []string{"Namespace"},
		verbs: titleVerbs(map[string]string{"Any": "ANY"}),
		route: func(fr *frame, n *node, method string, c *ast.CallExpr) {
			fr.register(n, method, c.Args[0], c.Args[1], nil, c, false)
		},
		methods: map[string]routerMethod{
			"Router":        beegoRouter,
			"Handler":       beegoHandler,
			"InsertFilter":  beegoFilter,
			"Filter":        beegoNSFilter,
			"Namespace":     beegoSubNamespaces,
			"AddNamespace":  beegoAddNamespace,
			"SetStaticPath": serveStatic,
			"Run":           serve,
		},
		// this.GetFile("f"), this.SaveToFile("f", path) on a controller.
		vocab: route.Vocabulary{Upload: []string{"GetFile", "GetFiles", "SaveToFile"}},
	}
}

// beegoMethods are the controller methods Beego calls for each HTTP
// method when a route names none.
var beegoMethods = []string{"Get", "Post", "Put", "Delete", "Patch", "Head", "Options"}

// beegoPkg says an import path is Beego's web package.
func beegoPkg(ip string) bool {
	fw := rootFramework(ip)
	return fw != nil && fw.name == beego
}

// beegoAPI says a name of Beego's web package builds routes.
func beegoAPI(fw *framework, name string) bool {
	_, m := fw.methods[name]
	_, v := fw.verbs[name]
	return m || v || name == "NewNamespace" || strings.HasPrefix(name, "NS") || slices.Contains(fw.types, name)
}

// beegoCall is one of Beego's package functions: NewNamespace makes a
// namespace; the rest act on the app (see beegoApp).
func (fr *frame) beegoCall(name string, c *ast.CallExpr) *value {
	if name == "NewNamespace" {
		ns := &node{fw: beego, prefix: fr.prefix(arg(c.Args, 0), c)}
		fr.beegoOptions(ns, rest(c.Args, 1))
		return &value{node: ns}
	}
	if fr.m.beegoApp == nil {
		fr.m.beegoApp = &node{fw: beego}
	}
	if v, ok := fr.routerMethod(fr.m.beegoApp, name, c); ok {
		return v
	}
	fr.evalArgs(c)
	return nil
}

// beegoOptions applies a namespace's NS options: NSRouter, NSGet... are
// its methods without the prefix; NSNamespace nests one; NSBefore guards
// it.
func (fr *frame) beegoOptions(ns *node, opts []ast.Expr) {
	for _, o := range opts {
		oc, ok := unparen(o).(*ast.CallExpr)
		if !ok {
			continue
		}
		sel, ok := unparen(oc.Fun).(*ast.SelectorExpr)
		if !ok || !beegoPkg(fr.importOf(sel.X)) {
			continue
		}
		switch name := strings.TrimPrefix(sel.Sel.Name, "NS"); name {
		case "Namespace":
			child := &node{fw: beego, parent: ns, prefix: fr.prefix(arg(oc.Args, 0), oc)}
			fr.beegoOptions(child, rest(oc.Args, 1))
		case "Before":
			ns.mw = append(ns.mw, fr.guards(oc.Args)...)
		default:
			fr.routerMethod(ns, name, oc)
		}
	}
}

// beegoAddNamespace is web.AddNamespace(ns...): each under the app.
func beegoAddNamespace(fr *frame, n *node, c *ast.CallExpr) (*value, bool) {
	for _, a := range c.Args {
		if v := fr.eval(a); v != nil && v.node != nil && v.node != n && !v.node.isAncestorOf(n) {
			v.node.parent = n
		}
	}
	return nil, true
}

// beegoSubNamespaces is ns.Namespace(sub...): each under ns.
func beegoSubNamespaces(fr *frame, n *node, c *ast.CallExpr) (*value, bool) {
	beegoAddNamespace(fr, n, c)
	return &value{node: n}, true
}

// beegoFilter is web.InsertFilter(pattern, pos, filter): the filter runs
// on the requests whose path matches the pattern, before the router when
// pos says so (BeforeStatic, BeforeRouter, BeforeExec).
func beegoFilter(fr *frame, n *node, c *ast.CallExpr) (*value, bool) {
	if len(c.Args) < 3 {
		return nil, false
	}
	pattern, ok := fr.str(c.Args[0])
	if !ok || !beforeHandler(c.Args[1]) {
		return nil, true
	}
	for _, g := range fr.guards(c.Args[2:3]) {
		g.Scope = pattern
		// "/manager" and "/manager/*" are one scope here: a filter put
		// on both is listed once.
		if !slices.ContainsFunc(n.mw, func(o router.Guard) bool {
			return o.Name == g.Name && strings.TrimSuffix(o.Scope, "/*") == strings.TrimSuffix(g.Scope, "/*")
		}) {
			n.mw = append(n.mw, g)
		}
	}
	return nil, true
}

// beegoNSFilter is ns.Filter("before", filters...).
func beegoNSFilter(fr *frame, n *node, c *ast.CallExpr) (*value, bool) {
	if when, ok := fr.str(arg(c.Args, 0)); ok && when == "before" {
		n.mw = append(n.mw, fr.guards(rest(c.Args, 1))...)
	}
	return &value{node: n}, true
}

// beforeHandler says a filter position runs before the controller.
func beforeHandler(e ast.Expr) bool {
	name := exprText(e)
	name = name[strings.LastIndexByte(name, '.')+1:]
	return name == "BeforeStatic" || name == "BeforeRouter" || name == "BeforeExec"
}

// beegoHandler is Handler(path, http.Handler): every method.
func beegoHandler(fr *frame, n *node, c *ast.CallExpr) (*value, bool) {
	if len(c.Args) < 2 {
		return nil, false
	}
	fr.register(n, "ANY", c.Args[0], c.Args[1], nil, c, false)
	return &value{node: n}, true
}

// beegoRouter is Router(path, &Ctrl{}, "get,post:Save;*:Index"): a route
// per method the mapping names, or per HTTP method the controller
// declares when it names none. The controller's Prepare runs before each.
func beegoRouter(fr *frame, n *node, c *ast.CallExpr) (*value, bool) {
	if len(c.Args) < 2 {
		return nil, false
	}
	path, ok := fr.str(c.Args[0])
	if !ok {
		fr.m.miss(fr.f.path, fr.line(c))
		return &value{node: n}, true
	}
	typ, p := fr.controllerType(c.Args[1])
	var mw []router.Guard
	if pd := fr.m.controllerMethod(p, typ, "Prepare", 0); pd != nil {
		mw = append(mw, router.Guard{Name: pd.recvType + ".Prepare", Source: pd.text(),
			Applied: facts.Evidence{File: fr.f.path, Line: fr.line(c)},
			Defined: facts.Evidence{File: pd.file.path, Line: pd.file.lines().Line(pd.pos)}})
	}
	reg := func(method, fn string) {
		h := &handlerInfo{name: typ}
		if fn != "" {
			h.name += "." + fn
		}
		if fd := fr.m.controllerMethod(p, typ, fn, 0); fd != nil {
			h.body, h.file, h.pos = fd.text(), fd.file, fd.pos
		}
		fr.m.pending = append(fr.m.pending, &pendingRoute{
			node: n, method: method, path: path, mw: mw, h: h,
			file: fr.f, line: fr.line(c), seq: fr.m.tick(),
		})
	}
	var mapping []string
	for _, a := range c.Args[2:] {
		if s, ok := fr.str(a); ok {
			mapping = append(mapping, s)
		}
	}
	if len(mapping) == 0 {
		found := false
		for _, m := range beegoMethods {
			if fr.m.controllerMethod(p, typ, m, 0) != nil {
				reg(strings.ToUpper(m), m)
				found = true
			}
		}
		if !found {
			reg("ANY", "")
		}
		return &value{node: n}, true
	}
	for _, mp := range mapping {
		for _, pair := range strings.Split(mp, ";") {
			methods, fn, ok := strings.Cut(pair, ":")
			if !ok {
				continue
			}
			for _, m := range strings.Split(methods, ",") {
				m = strings.ToUpper(strings.TrimSpace(m))
				if m == "*" {
					m = "ANY"
				}
				reg(m, strings.TrimSpace(fn))
			}
		}
	}
	return &value{node: n}, true
}

// controllerType is the type a controller argument makes (&Ctrl{},
// &controllers.Ctrl{}, new(Ctrl)) and the package that declares it, nil
// when it is not the module's.
func (fr *frame) controllerType(e ast.Expr) (string, *pkg) {
	e = unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok {
		e = unparen(u.X)
	}
	var t ast.Expr
	switch e := e.(type) {
	case *ast.CompositeLit:
		t = e.Type
	case *ast.CallExpr:
		if id, ok := e.Fun.(*ast.Ident); ok && id.Name == "new" && len(e.Args) == 1 {
			t = e.Args[0]
		}
	}
	return fr.m.typeIn(fr.p, fr.f, t)
}

// typeIn resolves a type expression written in f of p: its name and the
// package of the module that declares it (nil when none does).
func (m *module) typeIn(p *pkg, f *goFile, t ast.Expr) (string, *pkg) {
	switch t := unparen(t).(type) {
	case *ast.StarExpr:
		return m.typeIn(p, f, t.X)
	case *ast.Ident:
		return t.Name, p
	case *ast.SelectorExpr:
		if x, ok := t.X.(*ast.Ident); ok {
			if dir := m.resolveImport(f.imports[x.Name]); dir != "" {
				return t.Sel.Name, m.pkgDir(dir)
			}
		}
		return t.Sel.Name, nil
	}
	return "", nil
}

// controllerMethod is the method name of type typ in p, its own or one
// a type it embeds has (BaseController.Prepare), nil when neither does.
func (m *module) controllerMethod(p *pkg, typ, name string, depth int) *funcDecl {
	if p == nil || typ == "" || name == "" || depth > 3 {
		return nil
	}
	for _, fd := range p.methods[name] {
		if fd.recvType == typ {
			return fd
		}
	}
	for _, f := range p.files {
		if !bytes.Contains(f.src.Bytes(), []byte(typ+" struct")) {
			continue
		}
		af := m.parsed(f)
		if af == nil {
			continue
		}
		for _, d := range af.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.TYPE {
				continue
			}
			for _, sp := range gd.Specs {
				ts := sp.(*ast.TypeSpec)
				st, ok := ts.Type.(*ast.StructType)
				if !ok || ts.Name.Name != typ {
					continue
				}
				for _, fl := range st.Fields.List {
					if len(fl.Names) > 0 {
						continue
					}
					et, ep := m.typeIn(p, f, fl.Type)
					if fd := m.controllerMethod(ep, et, name, depth+1); fd != nil {
						return fd
					}
				}
			}
		}
	}
	return nil
}

// declOf is a function's declaration, parsed again from its file when
// Detect kept only its signature facts.
func (m *module) declOf(fd *funcDecl) *ast.FuncDecl {
	if fd.decl != nil {
		return fd.decl
	}
	af := m.parsed(fd.file)
	if af == nil {
		return nil
	}
	for _, d := range af.Decls {
		d, ok := d.(*ast.FuncDecl)
		if !ok || d.Name.Name != fd.name || (d.Recv != nil) != fd.method {
			continue
		}
		if d.Recv == nil || len(d.Recv.List) > 0 && typeName(d.Recv.List[0].Type) == fd.recvType {
			return d
		}
	}
	return nil
}

// parsed is f's declarations, parsed again once (Detect keeps no syntax
// tree of type declarations).
func (m *module) parsed(f *goFile) *ast.File {
	if af, ok := m.reparsed[f]; ok {
		return af
	}
	af, err := parser.ParseFile(token.NewFileSet(), f.path, f.src.Bytes(), parser.SkipObjectResolution)
	if err != nil {
		af = nil
	}
	if m.reparsed == nil {
		m.reparsed = map[*goFile]*ast.File{}
	}
	m.reparsed[f] = af
	return af
}
