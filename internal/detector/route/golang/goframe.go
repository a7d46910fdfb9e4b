package golang

import (
	"go/ast"
	"strings"

	"github.com/threatmap/threatmap/internal/detector/route"
)

// goFrameServer is GoFrame's ghttp.Server, the one g.Server() (or
// ghttp.GetServer()) gives: s.BindHandler("[METHOD:]path", h),
// s.Group(prefix, func(group) {...}) whose group registers with
// group.GET(path, h) and is guarded by group.Middleware (for what it binds
// after), s.Use (every route) and s.BindMiddleware(pattern, mw) (the
// paths the pattern covers).
var goFrameServer = framework{
	name: goFrame, keyword: "github.com/gogf/gf", pkgs: []string{"v2/net/ghttp", "net/ghttp", "v2/frame/g", "frame/g"},
	types: []string{"Server", "RouterGroup"},
	verbs: upperVerbs(map[string]string{"ALL": "ANY"}),
	route: func(fr *frame, n *node, method string, c *ast.CallExpr) {
		fr.register(n, method, c.Args[0], c.Args[1], nil, c, false)
	},
	methods: map[string]routerMethod{
		"BindHandler":    goFrameBind,
		"ALLMap":         goFrameMap,
		"Bind":           goFrameObjects,
		"Map":            goFrameMap,
		"Group":          goFrameGroup,
		"Middleware":     useAfter,
		"Use":            useAlways,
		"BindMiddleware": goFrameScoped,
		"Run":            serve,
		"Start":          serve,
	},
	// r.GetUploadFile("f"), r.GetUploadFiles on the request.
	vocab: route.Vocabulary{Upload: []string{"GetUploadFile", "GetUploadFiles"}},
}

// goFrameAPI says a name of GoFrame's packages builds or serves routes:
// its server, not the rest of g (g.Map, g.Log) that handlers use.
func goFrameAPI(name string) bool {
	return name == "Server" || name == "GetServer" || name == "RouterGroup" || name == "Request"
}

// goFrameDefault is g.Server() and ghttp.GetServer(): one server, the
// same wherever it is asked for.
func (fr *frame) goFrameDefault(ip, name string) (*value, bool) {
	fw := rootFramework(ip)
	if fw == nil || fw.name != goFrame || (name != "Server" && name != "GetServer") {
		return nil, false
	}
	if fr.m.goFrame == nil {
		fr.m.goFrame = &node{fw: goFrame}
	}
	return &value{node: fr.m.goFrame}, true
}

// goFrameBind is s.BindHandler("POST:/login", h).
func goFrameBind(fr *frame, n *node, c *ast.CallExpr) (*value, bool) {
	if len(c.Args) < 2 {
		return nil, false
	}
	fr.goFramePattern(n, c.Args[0], c.Args[1], c)
	return nil, true
}

// goFrameObjects is group.Bind(ctrl...): each controller method that
// takes a request struct serves the path its g.Meta tag names. Those
// tags are not read yet: the routes are noted missed, not dropped.
func goFrameObjects(fr *frame, n *node, c *ast.CallExpr) (*value, bool) {
	if len(c.Args) > 0 {
		fr.m.miss(fr.f.path, fr.line(c))
	}
	return &value{node: n}, true
}

// goFrameMap is group.ALLMap(g.Map{"/profile": h, ...}) (and Map): a
// route per entry.
func goFrameMap(fr *frame, n *node, c *ast.CallExpr) (*value, bool) {
	cl, ok := unparen(arg(c.Args, 0)).(*ast.CompositeLit)
	if !ok {
		if len(c.Args) > 0 {
			fr.m.miss(fr.f.path, fr.line(c))
		}
		return nil, len(c.Args) > 0
	}
	for _, el := range cl.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			fr.goFramePattern(n, kv.Key, kv.Value, kv)
		}
	}
	return nil, true
}

// goFramePattern registers h at a pattern "[METHOD:]path[@domain]".
func (fr *frame) goFramePattern(n *node, pattern, h ast.Expr, at ast.Node) {
	p, ok := fr.str(pattern)
	if !ok {
		fr.m.miss(fr.f.path, fr.line(at))
		return
	}
	method := "ANY"
	if m, rest, ok := strings.Cut(p, ":"); ok && !strings.Contains(m, "/") {
		method, p = strings.ToUpper(m), rest
	}
	p, _, _ = strings.Cut(p, "@") // a domain after the path
	fr.registerAt(n, method, p, h, nil, at, false)
}

// goFrameGroup is Group(prefix, func(group) {...}...): the group, built
// by the functions given, and returned for a chain (s.Group("/x").GET(...)).
func goFrameGroup(fr *frame, n *node, c *ast.CallExpr) (*value, bool) {
	g := &node{fw: n.fw, parent: n, prefix: fr.prefix(arg(c.Args, 0), c), born: fr.m.tick()}
	for _, fn := range rest(c.Args, 1) {
		fr.callWith(fn, g)
	}
	return &value{node: g}, true
}

// goFrameScoped is s.BindMiddleware("/api/*", mw...): guards the paths the
// pattern covers.
func goFrameScoped(fr *frame, n *node, c *ast.CallExpr) (*value, bool) {
	p, ok := fr.str(arg(c.Args, 0))
	if !ok {
		n.partial = true
		return nil, true
	}
	for _, g := range fr.guards(rest(c.Args, 1)) {
		g.Scope = p
		n.mw = append(n.mw, g)
	}
	return nil, true
}
