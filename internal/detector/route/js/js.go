// Package js finds the HTTP routes of JavaScript and TypeScript servers:
// Express, Fastify, Koa (@koa/router), Hono and NestJS in one detector
// (each file is parsed once), and Next.js by file layout in another.
//
// Routers are mounted under prefixes in other files, so the work is in
// two phases: Detect reads each file into its declarations (routers,
// routes, uses and mounts, imports and exports) and Finish resolves
// imports by relative path and composes every prefix. A router also
// travels through calls: app.use('/p', routes(router)) mounts what the
// called function returns, followed to its file.
//
// Static folders are not middleware of the routes after them. One
// mounted at a path (app.use('/uploads', express.static(...))) is a
// single GET surface tagged static: files served back to users are worth
// a row. One mounted at the root, or serving a package from
// node_modules, is none.
package js

import (
	"bytes"
	"context"
	"maps"
	"regexp"
	"slices"
	"sync"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/route"
	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/syntax"
)

// Framework names, as facts.Route.Framework.
const (
	fwExpress = "express"
	fwFastify = "fastify"
	fwKoa     = "koa"
	fwNest    = "nestjs"
	fwNext    = "nextjs"
	fwHono    = "hono"
)

// Detector finds Express, Fastify, Koa, Hono and NestJS routes.
type Detector struct {
	mu    sync.Mutex
	files map[string]*fileFacts
}

// New returns a detector for one scan.
func New() *Detector { return &Detector{files: map[string]*fileFacts{}} }

// Name implements detector.Detector.
func (*Detector) Name() string { return "route/js" }

// Match implements detector.Detector: JavaScript and TypeScript sources
// that are not tests.
func (*Detector) Match(p string) bool { return isSource(p) }

// isSource says a path is JavaScript or TypeScript code that may serve
// routes: not a type declaration, a single-file component or a test.
func isSource(p string) bool {
	switch lang.Of(p) {
	case lang.JavaScript, lang.JSX, lang.TypeScript, lang.TSX:
		return !lang.IsTest(p)
	}
	return false
}

// routeKeywords: a file with none of these registers no route, mounts
// no router and re-exports none.
var routeKeywords = []string{
	".get(", ".post(", ".put(", ".patch(", ".delete(", ".del(", ".all(", ".options(", ".head(",
	".route(", ".use(", ".register(", ".on(", ".addHook(",
	// QUERY routes by their path: a bare .query( is every database call.
	".query('/", ".query(\"/", ".query(`/",
	// router['get'](...): a method named by a string.
	"'](", "\"](",
	"@Controller", "setGlobalPrefix", "useGlobalGuards", "enableVersioning", "APP_GUARD", "useStaticAssets",
	"export {", "export *", "exports.",
	// A module that only hands a router on (routes(router), setup(app))
	// registers nothing itself but carries the mount.
	"(router)", "(app)", "(router,", "(app,", ", router)", ", app)",
	// REST resource generators: finale.resource({model, endpoints}).
	// Route tables: [{method, path, handler}].
	"handler:",
	".resource(",
	"forRoutes(", "SetMetadata(",
}

// importKeywords are the quoted specifiers of the server frameworks
// (require('express'), from "hono"): a file that imports one is read
// whatever its spacing, since the call keywords above are written without
// spaces and app . get ( '/x' ) or app\n  . get\n  ( is the same call to
// the parser.
var importKeywords = func() []string {
	var out []string
	for _, spec := range slices.Sorted(maps.Keys(serverLibs)) {
		out = append(out, "'"+spec+"'", `"`+spec+`"`)
	}
	return append(out, "'@nestjs/", `"@nestjs/`)
}()

// handlerKeywords mark a controller file: its handlers' bodies are the
// evidence of an auth check for routes declared elsewhere, so its
// bindings are read even when it declares no route.
var handlerKeywords = []string{"module.exports = {", "(req, res", "(req,res"}

// reexportKeywords mark an index file that hands on another module whole
// (module.exports = require('./routes'), export * from './routes'): a
// router imported through it is found only if its bindings are read.
var reexportKeywords = []string{"module.exports = require(", "export * from"}

// wrapperKeywords mark a file that may hold an async wrapper a route hands
// its middleware through (fn(...args), .catch(next)): its bindings are read
// so the wrapper can be seen to pass each request on.
var wrapperKeywords = []string{"(...args)", ".catch(next)"}

// guardKeywords mark a file that may hold a guard or an auth helper a
// route calls (a 401, an auth exception, a redirect, a token check): its
// bindings are read so the auth analysis can follow the call.
var guardKeywords = []string{"401", "403", "nauthori", "orbidden", "redirect", "jwtVerify", "canActivate", "protect("}

// guardLibKeywords mark a file that imports a token middleware library:
// it may build the guards routes elsewhere apply by name (const auth =
// { required: jwt({...}) }; export default auth), which are read from it.
var guardLibKeywords = []string{"'express-jwt'", `"express-jwt"`, "'koa-jwt'", `"koa-jwt"`}

// guardFile is the finer test behind guardKeywords: 401 and 403 as
// numbers of their own, not digits of a longer one.
var guardFile = regexp.MustCompile(`(?:^|[^\w.])40[13](?:[^\w.]|$)|nauthori|orbidden|redirect|jwtVerify|canActivate|protect\(`)

// Keywords implements detector.Keyworded. Besides route files it asks for
// files exporting constants (export const API_PREFIX = '/api'), which
// are read with a regexp, not parsed.
func (*Detector) Keywords() []string {
	return append(slices.Concat(routeKeywords, importKeywords, handlerKeywords, wrapperKeywords, reexportKeywords, guardKeywords, guardLibKeywords), "export const", "enum ")
}

// exportedString is `export const NAME = '/literal'`.
var exportedString = regexp.MustCompile("(?m)^export\\s+const\\s+([A-Za-z_$][\\w$]*)\\s*(?::\\s*string\\s*)?=\\s*(?:'([^'\\n]*)'|\"([^\"\\n]*)\"|`([^`$\\n]*)`)")

func hasAny(data []byte, words []string) bool {
	for _, w := range words {
		if bytes.Contains(data, []byte(w)) {
			return true
		}
	}
	return false
}

// Detect implements detector.Detector.
func (d *Detector) Detect(ctx context.Context, file *detector.File, out *detector.Sink) error {
	routes := hasAny(file.Data, routeKeywords) || hasAny(file.Data, importKeywords)
	if !routes && !hasAny(file.Data, handlerKeywords) && !hasAny(file.Data, wrapperKeywords) && !hasAny(file.Data, reexportKeywords) && !hasAny(file.Data, guardLibKeywords) && !(hasAny(file.Data, guardKeywords) && guardFile.Match(file.Data)) {
		d.constants(file)
		return nil
	}
	t, err := file.Tree(ctx, lang.Of(file.Path))
	if err != nil {
		if routes {
			out.Warn(file.Path, "route/js: "+err.Error())
		}
		return nil
	}
	t = decoratedJS(ctx, t, file)
	f := &fileFacts{module: newModule(file.Path), routers: map[string]*routerDecl{}}
	f.memberConsts(file.Data)
	f.collectBindings(t)
	if err := ctx.Err(); err != nil {
		return err // over its time budget: the scan has given up on this read
	}
	if !routes {
		// A controller: only its functions matter, and a syntax error in
		// it is no route lost.
		d.mu.Lock()
		d.files[file.Path] = f
		d.mu.Unlock()
		return nil
	}
	if t.Root().HasError() {
		out.Warn(file.Path, "route/js: syntax error; routes in this file may be incomplete")
	}
	f.collectRouters(t)
	f.collectCalls(t)
	f.autoPrefix = autoPrefixOf(file.Data)
	f.routeTables(t)
	if f.libs[fwNest] || bytes.Contains(file.Data, []byte("@Controller")) {
		f.collectNest(t)
	}
	f.trim()
	if err := ctx.Err(); err != nil {
		return err // over its time budget: the scan has given up on this read
	}
	d.mu.Lock()
	d.files[file.Path] = f
	d.mu.Unlock()
	return nil
}

// decoratedJS reads again, as TypeScript, a JavaScript file the
// JavaScript grammar cannot: NestJS in JavaScript (Babel's decorators
// plugin) puts decorators on parameters, @Body() body, which only the
// TypeScript grammar knows. The better tree is kept.
func decoratedJS(ctx context.Context, t *syntax.Tree, file *detector.File) *syntax.Tree {
	l := lang.Of(file.Path)
	if l != lang.JavaScript && l != lang.JSX || !t.Root().HasError() || !bytes.Contains(file.Data, []byte("@")) {
		return t
	}
	as := lang.TypeScript
	if l == lang.JSX {
		as = lang.TSX
	}
	ts, err := file.Tree(ctx, as)
	if err != nil || ts.Root().HasError() {
		return t
	}
	return ts
}

// stringTable is an enum or a flat object literal bound to a name
// (enum RouteKey { User = 'users' }, const Paths = { user: '/users' }):
// its members with string values name paths as RouteKey.User.
var (
	stringTable  = regexp.MustCompile(`(?m)^[ \t]*(export\s+)?(?:(?:const\s+)?enum\s+([A-Za-z_$][\w$]*)|(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^={]*)?=)\s*\{([^{}]*)\}`)
	stringMember = regexp.MustCompile(`(?:^|[,{\s])['"]?([A-Za-z_$][\w$]*)['"]?\s*[:=]\s*(?:'([^'\n]*)'|"([^"\n]*)"|` + "`([^`$\\n]*)`" + `)\s*(?:,|$|\n|})`)
)

// memberConsts records the string members of a file's enums and flat
// object constants as constants named Table.Member, and says whether
// there were any.
func (f *fileFacts) memberConsts(src []byte) bool {
	found := false
	for _, t := range stringTable.FindAllSubmatch(src, -1) {
		table := string(t[2]) + string(t[3])
		for _, m := range stringMember.FindAllSubmatch(t[4], -1) {
			key := table + "." + string(m[1])
			if _, dup := f.consts[key]; dup {
				f.consts[key] = nil // twice: ambiguous
				continue
			}
			f.consts[key] = strExpr{{lit: string(m[2]) + string(m[3]) + string(m[4])}}
			found = true
		}
		if len(t[1]) > 0 {
			f.exports[table] = ref{local: table}
		}
	}
	return found
}

// constants keeps a file's exported string constants, for paths built
// from them in other files.
func (d *Detector) constants(file *detector.File) {
	m := exportedString.FindAllSubmatch(file.Data, -1)
	f := &fileFacts{module: newModule(file.Path), routers: map[string]*routerDecl{}}
	if !f.memberConsts(file.Data) && len(m) == 0 {
		return
	}
	for _, c := range m {
		name := string(c[1])
		f.consts[name] = strExpr{{lit: string(c[2]) + string(c[3]) + string(c[4])}}
		f.exports[name] = ref{local: name}
	}
	d.mu.Lock()
	d.files[file.Path] = f
	d.mu.Unlock()
}

// Finish implements detector.Finisher: compose prefixes across files and
// report every route.
func (d *Detector) Finish(ctx context.Context, out *detector.Sink) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	r := newResolver(d.files)
	r.taught = route.TaughtFrom(ctx)
	r.emit(out)
	r.emitNest(out)
	return nil
}
