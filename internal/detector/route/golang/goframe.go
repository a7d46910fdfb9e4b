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

// goFrameBind is s.BindHandler("POST:/login", h): a method before the
// path when it names one.
func goFrameBind(fr *frame, n *node, c *ast.CallExpr) (*value, bool) {
	if len(c.Args) < 2 {
		return nil, false
	}
	p, ok := fr.str(c.Args[0])
	if !ok {
		fr.m.miss(fr.f.path, fr.line(c))
		return nil, true
	}
	method := "ANY"
	if m, rest, ok := strings.Cut(p, ":"); ok && !strings.Contains(m, "/") {
		method, p = strings.ToUpper(m), rest
	}
	p, _, _ = strings.Cut(p, "@") // a domain after the path
	fr.registerAt(n, method, p, c.Args[1], nil, c, false)
	return nil, true
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
