package js

import (
	"path"
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/syntax"
)

// fastifyRoute reads fastify.route({ method, url, preHandler, handler }).
func (f *fileFacts) fastifyRoute(t *syntax.Tree, call *syntax.Node, owner string, opts *syntax.Node) {
	r := routeDecl{owner: owner, seq: f.seq, line: int32(syntax.Line(call))}
	if m := objectField(t, opts, "method"); m != nil {
		for _, s := range stringsOf(t, m) {
			r.methods = append(r.methods, strings.ToUpper(s))
		}
	}
	u := objectField(t, opts, "url")
	if u == nil {
		u = objectField(t, opts, "path")
	}
	if u == nil || len(r.methods) == 0 {
		return
	}
	e, ok := f.strExpr(t, u)
	if !ok {
		return
	}
	r.paths = []strExpr{e}
	for _, k := range []string{"onRequest", "preValidation", "preHandler", "beforeHandler"} {
		if v := objectField(t, opts, k); v != nil {
			f.addMW(t, &r, v)
		}
	}
	h := objectField(t, opts, "handler")
	if h == nil {
		return
	}
	if h.Type() == "method_definition" {
		r.body = t.Text(h)
		r.endLine = int32(syntax.EndLine(h))
	} else {
		f.setHandler(t, &r, h)
	}
	f.routes = append(f.routes, r)
}

// autoload is fastify.register(AutoLoad, {dir: path.join(__dirname,
// 'routes')}): every plugin file under dir is registered, its prefix the
// options' prefix, then its own autoPrefix export or else (unless
// dirNameRoutePrefix is false) its folder below dir.
type autoload struct {
	owner     string
	seq       int
	dir       string // a tree path
	prefix    strExpr
	dirPrefix bool
}

var (
	autoloadLibs = map[string]bool{"@fastify/autoload": true, "fastify-autoload": true}
	staticLibs   = map[string]bool{"@fastify/static": true, "fastify-static": true}
	// autoPrefixExport is a plugin file's autoPrefix: export const
	// autoPrefix = '/x', module.exports.autoPrefix = '/x' or
	// plugin.autoPrefix = '/x'.
	autoPrefixExport = regexp.MustCompile(`(?m)^[ \t]*(?:export\s+const\s+autoPrefix|[\w$.]*\.autoPrefix)\s*=\s*(?:'([^'\n]*)'|"([^"\n]*)"|` + "`([^`$\\n]*)`)")
)

// fastifyPlugin reads the registration of two plugins that serve routes
// without a router of the app's own: @fastify/autoload (recorded for
// Finish) and @fastify/static, one GET surface at its prefix like a
// static folder under Express. It says whether the call was either.
func (f *fileFacts) fastifyPlugin(t *syntax.Tree, call *syntax.Node, owner string, args []*syntax.Node, prefix strExpr) bool {
	lib, _ := f.libOf(t, args[0])
	switch {
	case autoloadLibs[lib]:
		if len(args) < 2 {
			return true
		}
		dir, ok := f.autoloadDir(t, objectField(t, args[1], "dir"))
		if !ok {
			f.missed = append(f.missed, int32(syntax.Line(call)))
			return true
		}
		a := autoload{owner: owner, seq: f.seq, dir: dir, dirPrefix: true}
		if v := objectField(t, args[1], "dirNameRoutePrefix"); v != nil && t.Text(v) == "false" {
			a.dirPrefix = false
		}
		if o := objectField(t, args[1], "options"); o != nil {
			a.prefix = f.objectString(t, o, "prefix")
		}
		f.autoloads = append(f.autoloads, a)
		return true
	case staticLibs[lib]:
		if len(args) < 2 || prefix == nil {
			return true // served at the root: no surface of its own
		}
		f.routes = append(f.routes, routeDecl{owner: owner, seq: f.seq, methods: methodList("GET"), paths: []strExpr{prefix},
			line: int32(syntax.Line(call)), handler: lib, static: true, served: folderOf(t, objectField(t, args[1], "root"))})
		return true
	}
	return false
}

// autoloadDir reads autoload's dir as a tree path: path.join(__dirname,
// 'routes') and the like; a folder named otherwise is not known.
func (f *fileFacts) autoloadDir(t *syntax.Tree, n *syntax.Node) (string, bool) {
	s := folderOf(t, n)
	if s == nil || !s.InFile {
		return "", false
	}
	dir := path.Join(path.Dir(f.path), s.Dir)
	if dir == ".." || strings.HasPrefix(dir, "../") {
		return "", false
	}
	return dir, true
}

// declared is the value a name is declared with in the file, when it is
// declared once (const, let or var).
func declared(t *syntax.Tree, name string) *syntax.Node {
	var value *syntax.Node
	count := 0
	syntax.Walk(t.Root(), func(n *syntax.Node) bool {
		if n.Type() == "variable_declarator" {
			if id := n.ChildByFieldName("name"); id != nil && id.Type() == "identifier" && t.Text(id) == name {
				value = n.ChildByFieldName("value")
				count++
			}
		}
		return true
	})
	if count != 1 {
		return nil
	}
	return value
}

// staticFolder is the folder a static middleware serves, from its first
// argument: serve-static's, koa-static's and sirv's folder, whose files
// answer below the mount; or Hono's serveStatic({ root }), which looks up
// the request's whole path under root (/static/* with root './' serves
// ./static/).
func staticFolder(t *syntax.Tree, a *syntax.Node) *facts.Served {
	if a != nil && a.Type() == "object" {
		s := folderOf(t, objectField(t, a, "root"))
		if s != nil {
			s.HasURL = true
		}
		return s
	}
	return folderOf(t, a)
}

// arg0 is a call's first argument, or nil.
func arg0(call *syntax.Node) *syntax.Node {
	if args := argList(call); len(args) > 0 {
		return args[0]
	}
	return nil
}

// folderOf reads a folder as the code names it: beside the file
// (path.join(__dirname, 'public'), path.resolve(__dirname, '..', 'web'),
// `${__dirname}/public`, __dirname + '/public'), or relative to the
// working folder ('public', path.join(process.cwd(), 'public')). Nil when
// it is built otherwise.
func folderOf(t *syntax.Tree, n *syntax.Node) *facts.Served {
	if n == nil {
		return nil
	}
	if s, ok := t.StringValue(n); ok {
		return &facts.Served{Dir: s}
	}
	if n.Type() == "identifier" {
		// const publicDir = path.join(__dirname, 'public'), once in the file.
		if v := declared(t, t.Text(n)); v != nil && v.Type() != "identifier" {
			return folderOf(t, v)
		}
		return nil
	}
	strs := func(ns []*syntax.Node) ([]string, bool) {
		var out []string
		for _, a := range ns {
			s, ok := t.StringValue(a)
			if !ok {
				return nil, false
			}
			out = append(out, s)
		}
		return out, true
	}
	switch n.Type() {
	case "call_expression":
		fn := n.ChildByFieldName("function")
		if fn == nil || !strings.HasSuffix(t.Text(fn), "join") && !strings.HasSuffix(t.Text(fn), "resolve") {
			return nil
		}
		args := argList(n)
		if len(args) == 0 {
			return nil
		}
		base, inFile := args, false
		switch first := t.Text(args[0]); {
		case strings.Contains(first, "dirname"):
			base, inFile = args[1:], true
		case first == "process.cwd()":
			base = args[1:]
		}
		parts, ok := strs(base)
		if !ok || len(parts) == 0 {
			return nil
		}
		return &facts.Served{Dir: path.Join(parts...), InFile: inFile}
	case "template_string":
		rest, ok := strings.CutPrefix(t.Text(n), "`${__dirname}")
		if !ok || strings.Contains(rest, "${") {
			return nil
		}
		return &facts.Served{Dir: "." + strings.TrimSuffix(rest, "`"), InFile: true}
	case "binary_expression":
		l, r := n.ChildByFieldName("left"), n.ChildByFieldName("right")
		if l == nil || r == nil || t.Text(l) != "__dirname" {
			return nil
		}
		if s, ok := t.StringValue(r); ok {
			return &facts.Served{Dir: "." + s, InFile: true}
		}
	}
	return nil
}

// autoPrefixOf reads a plugin file's autoPrefix export.
func autoPrefixOf(src []byte) strExpr {
	m := autoPrefixExport.FindSubmatch(src)
	if m == nil {
		return nil
	}
	return strExpr{{lit: string(m[1]) + string(m[2]) + string(m[3])}}
}
