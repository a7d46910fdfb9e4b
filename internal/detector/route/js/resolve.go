package js

import (
	"maps"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/route"
	"github.com/threatmap/threatmap/internal/detector/route/router"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/urlpath"
)

// maxContexts caps the mount paths one router is reported under: a router
// mounted in many places is rare, and the cap keeps a pathological tree
// from multiplying routes.
const maxContexts = 16

// node is one router of the whole tree.
type node struct {
	f      *fileFacts
	d      *routerDecl
	in     []edge         // where it is mounted
	guards []router.Guard // what it applies with use(), in order
	routes []routeDecl

	rn        *router.Node
	sortIndex int
}

type edge struct {
	parent *node
	seq    int
	prefix string
	guards []router.Guard
	cond   string
}

type resolver struct {
	taught *route.Taught
	byName map[string][]*fileFacts // function name -> files defining it, for guard lookups
	sorted []*fileFacts
	files  map[string]*fileFacts
	nodes  map[string]*node
	order  []*node
	// unsure are mounts whose prefix is built at run time, by file: the
	// routers under them are kept under urlpath.UnknownPrefix, and said.
	unsure map[string][]int
}

func newResolver(files map[string]*fileFacts) *resolver {
	r := &resolver{files: files, nodes: map[string]*node{}, unsure: map[string][]int{}}
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		f := files[p]
		keys := make([]string, 0, len(f.routers))
		for k := range f.routers {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			n := &node{f: f, d: f.routers[k], sortIndex: len(r.order)}
			r.nodes[p+"#"+k] = n
			r.order = append(r.order, n)
		}
		for _, rt := range f.routes {
			if n := r.nodes[p+"#"+rt.owner]; n != nil {
				n.routes = append(n.routes, rt)
			}
		}
	}
	for _, p := range paths {
		r.link(files[p])
		r.autoload(files[p])
	}
	return r
}

// autoload mounts every plugin file under an autoloaded folder on the
// instance that registered AutoLoad. A folder holding an index file
// loads that file only (and its subfolders); _id folders are :id.
func (r *resolver) autoload(f *fileFacts) {
	for _, a := range f.autoloads {
		owner := r.nodes[f.path+"#"+a.owner]
		if owner == nil {
			continue
		}
		base, ok := r.str(f, a.prefix, 0)
		if !ok {
			continue
		}
		for _, tf := range r.sortedFiles() {
			rel, under := strings.CutPrefix(tf.path, a.dir+"/")
			if !under || tf == f {
				continue
			}
			sub := path.Dir(rel)
			if stem := lang.Stem(path.Base(rel)); stem != "index" && r.indexIn(path.Join(a.dir, sub)) {
				continue
			}
			child := r.export(tf, "default", 0)
			if child == nil || child == owner {
				continue
			}
			prefix := base
			if own, ok := r.str(tf, tf.autoPrefix, 0); ok && tf.autoPrefix != nil {
				prefix += own
			} else if a.dirPrefix && sub != "." {
				for _, seg := range strings.Split(sub, "/") {
					if name, ok := strings.CutPrefix(seg, "_"); ok && name != "" {
						seg = ":" + name
					}
					prefix += "/" + seg
				}
			}
			child.in = append(child.in, edge{parent: owner, seq: a.seq, prefix: prefix})
		}
	}
}

// indexIn says whether a folder holds an index source file.
func (r *resolver) indexIn(dir string) bool {
	return lang.ModuleFile(dir+"/index", r.has) != ""
}

func (r *resolver) has(p string) bool { _, ok := r.files[p]; return ok }

// link turns a file's uses into mount edges and scoped middleware.
func (r *resolver) link(f *fileFacts) {
	for _, u := range f.uses {
		owner := r.nodes[f.path+"#"+u.owner]
		if owner == nil {
			continue
		}
		prefix, known := "", true
		if u.path != nil {
			prefix, known = r.str(f, u.path, 0)
		}
		if !known {
			// app.use(process.env.API_PREFIX, api): the routers mounted
			// here are served somewhere under it, never at the root.
			prefix = urlpath.UnknownPrefix
		}
		var (
			names []string
			lines []int    // where each name, then the inline text, is applied
			calls []string // each name's factory call, if it is one
			text  string
		)
		applied := func(gs []router.Guard) []router.Guard {
			for i := range gs {
				if i < len(lines) && lines[i] > 0 {
					gs[i].Applied = facts.Evidence{File: f.path, Line: lines[i]}
				}
				if i < len(calls) {
					gs[i].Text = calls[i]
				}
				r.judgeMade(f, &gs[i])
			}
			return gs
		}
		for _, it := range u.items {
			var child *node
			if it.call != nil {
				child = r.call(f, it.call, 0)
			}
			if child == nil && it.ref != nil {
				child = r.ref(f, *it.ref, 0)
			}
			if child != nil && child.d.fn && !u.mountOnly && len(child.routes) == 0 {
				// app.use(validateSession) with validateSession(req, res, next)
				// handing req on to a helper: a function use() is given
				// requests, not a router, and one that registers no route
				// is middleware.
				child = nil
			}
			if child != nil && child != owner {
				child.in = append(child.in, edge{parent: owner, seq: u.seq, prefix: prefix, guards: applied(guardsOf(names, text, 0, "")), cond: u.cond})
				if !known {
					r.unsure[f.path] = append(r.unsure[f.path], it.line)
				}
				continue
			}
			if !known {
				continue // middleware or a folder at a place we cannot say
			}
			if u.mountOnly {
				continue
			}
			if it.static {
				// A static folder answers only the files it holds; the
				// request falls through to the routes otherwise, so it is
				// no middleware of theirs. Mounted at a path, it is one
				// GET surface (uploads served back are worth a row).
				if u.path != nil && !it.vendored {
					owner.routes = append(owner.routes, routeDecl{
						owner: u.owner, seq: u.seq, methods: methodList("GET"), paths: []strExpr{u.path},
						line: int32(it.line), handler: it.name, mw: slices.Clone(names), guardText: text, static: true, served: it.served,
					})
				}
				continue
			}
			if u.path != nil && it.serves {
				owner.routes = append(owner.routes, routeDecl{
					owner: u.owner, seq: u.seq, methods: methodList("ANY"), paths: []strExpr{u.path},
					line: int32(it.line), body: it.text, mw: slices.Clone(names), guardText: text,
				})
				continue
			}
			if it.name != "" {
				name := it.name
				if it.wrapped != "" {
					// A wrapper that hands each request to the middleware it
					// was given guards as that middleware does.
					if r.transparent(f, it.name) {
						name = it.wrapped
					}
				}
				names = append(names, name)
				lines = slices.Insert(lines, len(names)-1, it.line)
				calls = append(calls, it.callText)
			}
			if it.text != "" && text == "" {
				lines = append(lines, it.line) // the inline guard's: it comes after the names
			}
			text += it.text
		}
		// Middleware put on only in development or tests (a limiter, a
		// guard) does not stand in front of the deployed routes.
		if !u.mountOnly && u.cond == "" && (len(names) > 0 || text != "") {
			owner.guards = append(owner.guards, applied(guardsOf(names, text, u.seq, prefix))...)
		}
	}
}

// ref resolves a value to a router: a local name, a plugin function, or
// an import followed to its file's export.
func (r *resolver) ref(f *fileFacts, v ref, depth int) *node {
	if depth > 8 {
		return nil
	}
	if v.imp != nil {
		target := r.target(f.path, v.imp.from)
		if target == nil {
			return nil
		}
		return r.export(target, v.imp.name, depth+1)
	}
	name := v.local
	if n := r.nodes[f.path+"#"+name]; n != nil {
		return n
	}
	if k, ok := f.aliases[name]; ok {
		return r.nodes[f.path+"#"+k]
	}
	if imp, ok := f.imports[name]; ok {
		return r.ref(f, ref{imp: &imp}, depth+1)
	}
	if i := strings.LastIndex(name, "."); i > 0 {
		// this.apiRouter.router with this.apiRouter = new ApiRouter(...):
		// the router the class keeps as this.router, in its own module or
		// this one.
		if cls, ok := f.instances[name[:i]]; ok {
			tf := f
			if imp, ok := f.imports[cls]; ok {
				tf = r.target(f.path, imp.from)
			}
			if tf != nil {
				if n := r.nodes[tf.path+"#this."+name[i+1:]]; n != nil {
					return n
				}
			}
		}
	}
	if head, tail, ok := strings.Cut(name, "."); ok && head != "this" {
		// routes.users with routes a namespace or CommonJS object import.
		if imp, ok := f.imports[head]; ok {
			if target := r.target(f.path, imp.from); target != nil {
				return r.export(target, tail, depth+1)
			}
		}
	}
	return nil
}

// call resolves a call used as a router: the callee's returned
// parameter is the argument passed there (routes(router) gives router
// back), a returned local is the router the callee built.
func (r *resolver) call(f *fileFacts, c *callRef, depth int) *node {
	tf, key := r.funcOf(f, c.callee, depth)
	if tf == nil {
		return nil
	}
	if ret, ok := tf.returns[key]; ok {
		if ret.param >= 0 {
			if ret.param < len(c.args) && c.args[ret.param] != nil {
				if n := r.ref(f, *c.args[ret.param], depth+1); n != nil {
					return n
				}
			}
			// makeRoutes(express.Router()): the function's own routes
			// are registered on the fresh router it hands back.
			if ret.param == 0 {
				return r.nodes[tf.path+"#"+key]
			}
			return nil
		}
		if n := r.ref(tf, ref{local: ret.local}, depth+1); n != nil {
			return n
		}
	}
	if tf != f {
		return r.onlyRouter(tf)
	}
	return nil
}

// funcOf finds the function a name or import stands for, as its file
// and fn@N key.
func (r *resolver) funcOf(f *fileFacts, v ref, depth int) (*fileFacts, string) {
	if f == nil || depth > 8 {
		return nil, ""
	}
	if v.imp != nil {
		target := r.target(f.path, v.imp.from)
		if target == nil {
			return nil, ""
		}
		if tf, e, ok := r.exportOf(target, v.imp.name, depth+1); ok {
			return r.funcOf(tf, e, depth+1)
		}
		if fi, ok := target.funcs[v.imp.name]; ok && fi.key != "" {
			return target, fi.key
		}
		return nil, ""
	}
	name := v.local
	if strings.HasPrefix(name, "fn@") {
		return f, name
	}
	if fi, ok := f.funcs[name]; ok && fi.key != "" {
		return f, fi.key
	}
	if k, ok := f.aliases[name]; ok {
		return f, k
	}
	if imp, ok := f.imports[name]; ok {
		return r.funcOf(f, ref{imp: &imp}, depth+1)
	}
	if head, tail, ok := strings.Cut(name, "."); ok {
		if imp, ok := f.imports[head]; ok {
			return r.funcOf(f, ref{imp: &importRef{from: imp.from, name: tail}}, depth+1)
		}
	}
	return nil, ""
}

// onlyRouter is a file's one declared router, for an exported factory
// whose return the first pass could not name.
func (r *resolver) onlyRouter(f *fileFacts) *node {
	var only *node
	for k, d := range f.routers {
		if d.fn || d.guessed {
			continue
		}
		if only != nil {
			return nil
		}
		only = r.nodes[f.path+"#"+k]
	}
	return only
}

// exportOf finds name among f's exports, following whole-module
// re-exports (an index file's module.exports = require('./routes') or
// export * from './routes'): the file that defines it and its value.
func (r *resolver) exportOf(f *fileFacts, name string, depth int) (*fileFacts, ref, bool) {
	if f == nil || depth > 8 {
		return nil, ref{}, false
	}
	if v, ok := f.exports[name]; ok {
		return f, v, true
	}
	if name == "default" {
		return nil, ref{}, false // export * does not hand on a default
	}
	for _, spec := range f.reexports {
		if tf, v, ok := r.exportOf(r.target(f.path, spec), name, depth+1); ok {
			return tf, v, true
		}
	}
	return nil, ref{}, false
}

func (r *resolver) export(f *fileFacts, name string, depth int) *node {
	f, v, ok := r.exportOf(f, name, depth)
	if !ok {
		return nil
	}
	if n := r.ref(f, v, depth+1); n != nil {
		return n
	}
	// An exported factory (export default function makeRouter(db) {...})
	// builds the file's one router.
	if _, isFunc := f.funcs[v.local]; isFunc && v.local != "" {
		return r.onlyRouter(f)
	}
	return nil
}

// str resolves a path expression through constants, in this file or
// imported.
func (r *resolver) str(f *fileFacts, e strExpr, depth int) (string, bool) {
	if depth > 8 {
		return "", false
	}
	var b strings.Builder
	for _, p := range e {
		if p.ident == "" {
			b.WriteString(p.lit)
			continue
		}
		s, ok := r.constant(f, p.ident, depth+1)
		if !ok {
			return "", false
		}
		b.WriteString(s)
	}
	return b.String(), true
}

func (r *resolver) constant(f *fileFacts, name string, depth int) (string, bool) {
	if c := f.consts[name]; c != nil {
		return r.str(f, c, depth+1)
	}
	head, member, dotted := strings.Cut(name, ".")
	imp, ok := f.imports[head]
	if !ok {
		return "", false
	}
	target := r.target(f.path, imp.from)
	if target == nil {
		return "", false
	}
	target, v, ok := r.exportOf(target, imp.name, depth+1)
	if !ok || v.local == "" {
		return "", false
	}
	if dotted {
		// RouteKey.User, RouteKey imported: the member of the exported table.
		return r.constant(target, v.local+"."+member, depth+1)
	}
	return r.constant(target, v.local, depth+1)
}

// asyncWrappers are packages whose default export wraps a middleware and
// hands it each request unchanged, catching a rejected promise.
var asyncWrappers = map[string]bool{"express-async-handler": true, "express-async-wrap": true, "express-async-wrapper": true}

// transparent says a wrapper call's callee hands each request to the
// function it was given and turns no one away itself: a known async
// wrapper package's export, or a function whose code returns one that
// calls its parameter with the request.
func (r *resolver) transparent(f *fileFacts, name string) bool {
	if imp, ok := f.imports[name]; ok && asyncWrappers[imp.from] && imp.name == "default" {
		return true
	}
	src, _, ok := r.lookup(f)(name)
	return ok && passesRequest(src) && !route.Rejects(src)
}

// guardsOf is middleware as router guards: the names, then inline
// functions' source as one guard with no name. seq and scope place a
// use() (0 and "" for a mount's or a route's own).
func guardsOf(names []string, text string, seq int, scope string) []router.Guard {
	var out []router.Guard
	for _, n := range names {
		out = append(out, router.Guard{Name: n, Seq: seq, Scope: scope})
	}
	if text != "" {
		out = append(out, router.Guard{Source: text, Seq: seq, Scope: scope})
	}
	return out
}

// tree builds the shared router tree once every mount is linked. An app
// nothing mounts saw every guard; a router nothing mounts may be mounted
// where we cannot see, and a guessed router may not be one.
func (r *resolver) tree() {
	for _, n := range r.order {
		own, _ := r.str(n.f, n.d.prefix, 0)
		n.rn = &router.Node{
			Framework: n.d.framework, Prefix: own, Guards: n.guards,
			Incomplete: n.d.guessed || len(n.in) == 0 && !n.d.app,
		}
	}
	for _, n := range r.order {
		for _, e := range n.in {
			n.rn.MountUnder(router.Mount{Parent: e.parent.rn, Prefix: e.prefix, Seq: e.seq, Guards: e.guards, Condition: e.cond})
		}
	}
}

// koaRelative says a path is written without its leading slash on a Koa
// router, where that still serves it.
func koaRelative(n *node, local string) bool {
	if local == "" || strings.HasPrefix(local, "/") || strings.HasPrefix(local, "*") || strings.Contains(local, "://") {
		return false
	}
	fw := n.d.framework
	if fw == "" {
		fw = n.f.mainLib()
	}
	return fw == fwKoa
}

// whyPath is why a registration's route is missed.
const whyPath = "its path is built at run time, not from literals and constants"

func (r *resolver) emit(out *detector.Sink) {
	r.tree()
	for _, n := range r.order {
		for _, rt := range n.routes {
			locals := make([]string, 0, len(rt.paths))
			for _, pe := range rt.paths {
				local, ok := r.str(n.f, pe, 0)
				if ok && koaRelative(n, local) {
					// @koa/router joins prefix and path as written:
					// router.post('documents.list') under use('/') is
					// /documents.list.
					local = "/" + local
				}
				if !ok || !(local == "" || strings.HasPrefix(local, "/") || strings.HasPrefix(local, "*")) {
					out.MissRoutes(n.f.path, int(rt.line), len(rt.methods), "route/js", whyPath)
					continue
				}
				locals = append(locals, local)
			}
			for _, p := range n.rn.Paths() {
				r.emitRoute(out, n, rt, locals, p)
			}
		}
	}
	for _, p := range slices.Sorted(maps.Keys(r.files)) {
		for _, line := range r.files[p].missed {
			out.MissRoutes(p, int(line), 1, "route/js", whyPath)
		}
		for _, line := range slices.Compact(slices.Sorted(slices.Values(r.unsure[p]))) {
			out.UnsurePrefix(p, line, "route/js")
		}
	}
}

func (r *resolver) emitRoute(out *detector.Sink, n *node, rt routeDecl, locals []string, p router.Path) {
	body := rt.body
	if body == "" && rt.byRef {
		body = r.funcText(n.f, rt.handler, 0)
	}
	own := guardsOf(rt.mw, rt.guardText, 0, "")
	for i := range own {
		own[i].Applied = facts.Evidence{File: n.f.path, Line: int(rt.line)}
		if i < len(rt.mwCalls) && i < len(rt.mw) {
			own[i].Text = rt.mwCalls[i]
		}
		if i < len(rt.mwWrapped) && i < len(rt.mw) && rt.mwWrapped[i] != "" && r.transparent(n.f, rt.mw[i]) {
			// asyncHandler(auth.jwt) guards as auth.jwt does.
			own[i].Name, own[i].Text = rt.mwWrapped[i], ""
		}
		r.judgeMade(n.f, &own[i])
	}
	for _, local := range locals {
		c := p.Compose(&router.Route{Path: local, Seq: rt.seq, Guards: own, Condition: rt.cond})
		fw := c.Framework
		if fw == "" {
			fw = n.f.mainLib()
		}
		if fw == "" {
			fw = guessFramework(n.f.routers[rt.owner])
		}
		mw := c.Names()
		full, types := routePath(c.Path)
		dec := route.DecidePath(r.taught, c.Guards, body, n.f.path+":"+itoa(int(rt.line)), full, c.Complete, r.lookup(n.f))
		for _, m := range rt.methods {
			fr := facts.Route{
				Method: m, Path: full, Framework: fw, File: n.f.path, Line: int(rt.line), EndLine: int(rt.endLine),
				Handler: rt.handler, Auth: dec.Auth, AuthEvidence: dec.Evidence, AuthRole: dec.Role,
				Params: route.Params(full, paramTypes(full, types, body)), Middleware: mw, Body: body,
				Condition: c.Condition,
			}
			if rt.static {
				fr.Tags = append(fr.Tags, facts.TagStatic)
				fr.Served = rt.served
			}
			route.Classify(&fr, nodeVocab)
			out.AddRoute(fr)
		}
	}
}

// judgeMade has a guard applied by a name bound to a factory's call
// judged as that call (madeGuard), and says where it was made.
func (r *resolver) judgeMade(f *fileFacts, g *router.Guard) {
	if g.Text != "" || g.Name == "" {
		return
	}
	if mg, at, ok := r.made(f, g.Name, 0); ok {
		g.Text, g.Defined = mg.callee, at
		if mg.optional {
			g.Text += " (optional)"
		}
	}
}

// made finds the call a middleware's name was bound to (madeGuard), in
// f or through its imports (import auth from './auth'; auth.required),
// with the factory named as its module exports it: express-jwt's
// expressjwt imported as jwt is expressjwt.
func (r *resolver) made(f *fileFacts, name string, depth int) (madeGuard, facts.Evidence, bool) {
	if f == nil || depth > 6 {
		return madeGuard{}, facts.Evidence{}, false
	}
	if mg, ok := f.made[name]; ok {
		head, rest, _ := strings.Cut(mg.callee, ".")
		if imp, ok := f.imports[head]; ok && !strings.HasPrefix(imp.from, ".") {
			switch imp.name {
			case "default", "*":
				// The package's own export: express-jwt, koa-jwt.
				head = imp.from[strings.LastIndexByte(imp.from, '/')+1:]
			default:
				head = imp.name
			}
			mg.callee = head
			if rest != "" {
				mg.callee += "." + rest
			}
		}
		return mg, facts.Evidence{File: f.path, Line: mg.line}, true
	}
	if a, ok := f.members[name]; ok && a != name {
		return r.made(f, a, depth+1)
	}
	head, tail, dotted := strings.Cut(name, ".")
	imp, ok := f.imports[head]
	if !ok {
		return madeGuard{}, facts.Evidence{}, false
	}
	target := r.target(f.path, imp.from)
	if target == nil {
		return madeGuard{}, facts.Evidence{}, false
	}
	tf, v, ok := r.exportOf(target, imp.name, depth+1)
	if !ok || v.local == "" || strings.HasPrefix(v.local, "fn@") {
		return madeGuard{}, facts.Evidence{}, false
	}
	local := v.local
	if dotted {
		local += "." + tail
	}
	return r.made(tf, local, depth+1)
}

// guessFramework names the framework of an unmounted plugin by the
// conventional name of its parameter.
func guessFramework(d *routerDecl) string {
	if d != nil && strings.Contains(strings.ToLower(d.param), "fastify") {
		return fwFastify
	}
	return fwExpress
}

// funcText finds a named handler's source: in this file, or through an
// import (controllers.list, import { list } from './controllers').
func (r *resolver) funcText(f *fileFacts, name string, depth int) string {
	if f == nil || depth > 6 {
		return ""
	}
	if fi, ok := f.funcs[name]; ok {
		return fi.text
	}
	head, tail, dotted := strings.Cut(name, ".")
	key := name
	if dotted {
		key = head
	}
	imp, ok := f.imports[key]
	if !ok {
		return ""
	}
	target := r.target(f.path, imp.from)
	if target == nil {
		return ""
	}
	want := imp.name
	if dotted {
		want = tail
	}
	if tf, v, ok := r.exportOf(target, want, depth+1); ok && v.local != "" && !strings.HasPrefix(v.local, "fn@") {
		return r.funcText(tf, v.local, depth+1)
	}
	if fi, ok := target.funcs[want]; ok {
		return fi.text
	}
	return ""
}

// lookup finds a function's source for the guard analysis: in f, through
// f's imports, and else by a name only one file of the tree defines
// (middleware named in a parent router's file).
func (r *resolver) lookup(f *fileFacts) route.Lookup {
	return func(name string) (string, string, bool) {
		if f != nil {
			if a, ok := f.members[name]; ok {
				name = a
			}
		}
		if fi, file, ok := r.funcDef(f, name, 0); ok {
			return fi.text, file + ":" + itoa(fi.line), true
		}
		if i := strings.LastIndexByte(name, '.'); i > 0 && strings.HasPrefix(name, "this.") {
			// this.auth.check applied in the file that set this.auth =
			// new Auth(): read there when only one file of the tree did.
			var hit *funcInfo
			var where string
			n := 0
			for _, ff := range r.sortedFiles() {
				if _, ok := ff.instances[name[:i]]; ok && ff != f {
					if fi, file, ok := r.funcDef(ff, name, 0); ok {
						hit, where = &fi, file
						n++
					}
				}
			}
			if strings.Count(name, ".") == 1 {
				// this.check applied in another file's class (a mount's
				// wrapped middleware): the one class method of that name.
				for _, ff := range r.sortedFiles() {
					for k, fi := range ff.classes {
						if strings.HasSuffix(k, "."+name[i+1:]) && strings.Count(k, ".") == 1 {
							fi := fi
							hit, where = &fi, ff.path
							n++
						}
					}
				}
			}
			if n == 1 {
				return hit.text, where + ":" + itoa(hit.line), true
			}
		}
		key := name[strings.LastIndexByte(name, '.')+1:]
		if head, _, dotted := strings.Cut(name, "."); dotted && requestValues[head] {
			// req.isAuthenticated, this.check: a method of the request
			// or the receiver, not a function some file of the tree defines.
			return "", "", false
		}
		if r.byName == nil {
			r.byName = map[string][]*fileFacts{}
			for _, ff := range r.sortedFiles() {
				for k := range ff.funcs {
					r.byName[k] = append(r.byName[k], ff)
				}
				for k := range ff.classes {
					if _, both := ff.funcs[k]; !both {
						r.byName[k] = append(r.byName[k], ff)
					}
				}
			}
		}
		if defs := r.byName[key]; len(defs) == 1 {
			fi, ok := defs[0].funcs[key]
			if !ok {
				fi = defs[0].classes[key]
			}
			return fi.text, defs[0].path + ":" + itoa(fi.line), true
		}
		return "", "", false
	}
}

// target is the scanned file an import names (lang.ResolveImport).
func (r *resolver) target(from, spec string) *fileFacts {
	return r.files[lang.ResolveImport(from, spec, r.has)]
}

func (r *resolver) sortedFiles() []*fileFacts {
	if r.sorted != nil {
		return r.sorted
	}
	paths := make([]string, 0, len(r.files))
	for p := range r.files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	out := make([]*fileFacts, len(paths))
	for i, p := range paths {
		out[i] = r.files[p]
	}
	r.sorted = out
	return out
}

// requestValues name the request, response and receiver in handlers.
var requestValues = map[string]bool{"req": true, "res": true, "request": true, "response": true, "reply": true, "ctx": true, "c": true, "this": true, "context": true, "event": true}

// funcDef is funcText with where the function is: the file that defines it.
func (r *resolver) funcDef(f *fileFacts, name string, depth int) (funcInfo, string, bool) {
	if f == nil || depth > 6 {
		return funcInfo{}, "", false
	}
	if fi, ok := f.funcs[name]; ok {
		return fi, f.path, true
	}
	if fi, ok := f.classes[name]; ok {
		return fi, f.path, true
	}
	if i := strings.LastIndexByte(name, '.'); i > 0 {
		inst, meth := name[:i], name[i+1:]
		if inst == "this" {
			// this.check: the method of the one class here that has it.
			var found []funcInfo
			for k, fi := range f.classes {
				if strings.HasSuffix(k, "."+meth) && !strings.Contains(strings.TrimSuffix(k, "."+meth), ".") {
					found = append(found, fi)
				}
			}
			if len(found) == 1 {
				return found[0], f.path, true
			}
		} else if cls, ok := f.instances[inst]; ok {
			// this.auth.check with this.auth = new Auth(...): Auth's method,
			// in its own module or this one.
			tf := f
			if imp, ok := f.imports[cls]; ok {
				tf = r.target(f.path, imp.from)
			}
			if tf != nil {
				if fi, ok := tf.classes[cls+"."+meth]; ok {
					return fi, tf.path, true
				}
			}
		}
	}
	head, tail, dotted := strings.Cut(name, ".")
	key := name
	if dotted {
		key = head
	}
	imp, ok := f.imports[key]
	if !ok {
		return funcInfo{}, "", false
	}
	target := r.target(f.path, imp.from)
	if target == nil {
		return funcInfo{}, "", false
	}
	want := imp.name
	if dotted {
		want = tail
	}
	if tf, v, ok := r.exportOf(target, want, depth+1); ok {
		if v.local != "" && !strings.HasPrefix(v.local, "fn@") {
			return r.funcDef(tf, v.local, depth+1)
		}
		if v.imp != nil {
			// export { x } from './y'
			if t := r.target(tf.path, v.imp.from); t != nil {
				return r.funcDef(t, v.imp.name, depth+1)
			}
		}
	}
	if fi, ok := target.funcs[want]; ok {
		return fi, target.path, true
	}
	if fi, ok := target.classes[want]; ok {
		return fi, target.path, true
	}
	return funcInfo{}, "", false
}
