package js

import (
	"context"
	"encoding/json"
	"path"
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/route"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/syntax"
	"github.com/threatmap/threatmap/internal/urlpath"
)

// Frameworks that route by file layout besides Next.js, read by the
// same detector: their handlers are exported by files whose place names
// the URL, and a hook or middleware file of the app may guard them all.
const (
	fwSvelteKit = "sveltekit"
	fwNuxt      = "nuxt"
	fwRemix     = "remix" // and React Router's framework mode
)

// layoutKind is what a layout-routed file serves.
type layoutKind int

const (
	layoutNone       layoutKind = iota
	svelteEndpoint              // src/routes/**/+server.ts: exports GET, POST...
	sveltePageServer            // src/routes/**/+page.server.ts: load (GET) and form actions (POST)
	nitroHandler                // server/api/** and server/routes/**: a default-exported event handler
	svelteHooks                 // src/hooks.server.ts: handle runs before every route
	nitroMiddleware             // server/middleware/*.ts: runs before every route
	remixRoute                  // app/routes/**: loader (GET) and action (POST)
)

// layoutFile is where a layout-routed file sits: its URL, its app root
// (the folder holding src/ or server/), the method a Nitro file's name
// gives (users.post.ts), and its framework.
type layoutFile struct {
	kind   layoutKind
	url    string
	root   string
	method string
	fw     string
}

// layoutPath maps a SvelteKit or Nuxt/Nitro file to what it serves:
// src/routes/blog/[slug]/+server.ts is /blog/{slug}; (group) folders are
// not in the URL. server/api/users/[id].delete.ts is DELETE
// /api/users/{id}; server/routes/feed.xml.ts is /feed.xml.
func layoutPath(p string) (layoutFile, bool) {
	segs := strings.Split(p, "/")
	last := segs[len(segs)-1]
	ext := path.Ext(last)
	if !isSource(p) || strings.HasSuffix(last, ".d.ts") {
		return layoutFile{}, false
	}
	stem := strings.TrimSuffix(last, ext)
	dirs := segs[:len(segs)-1]
	for i, s := range dirs {
		root := strings.Join(dirs[:i], "/")
		switch {
		case s == "src" && i+1 < len(dirs) && dirs[i+1] == "routes" && (stem == "+server" || stem == "+page.server"):
			kind := svelteEndpoint
			if stem == "+page.server" {
				kind = sveltePageServer
			}
			u, ok := layoutURL(dirs[i+2:], true)
			return layoutFile{kind: kind, url: u, root: root, fw: fwSvelteKit}, ok
		case s == "app" && i+1 < len(dirs) && dirs[i+1] == "routes":
			u, ok := remixURL(dirs[i+2:], stem)
			return layoutFile{kind: remixRoute, url: u, root: root, fw: fwRemix}, ok
		case s == "src" && i == len(dirs)-1 && stem == "hooks.server":
			return layoutFile{kind: svelteHooks, root: root, fw: fwSvelteKit}, true
		case s == "server" && i+1 < len(dirs) && (dirs[i+1] == "api" || dirs[i+1] == "routes"):
			rest := dirs[i+2:]
			name, method := stem, ""
			if j := strings.LastIndexByte(stem, '.'); j > 0 {
				if m := strings.ToUpper(stem[j+1:]); nextMethods[m] {
					name, method = stem[:j], m
				}
			}
			if name != "index" {
				rest = append(append([]string{}, rest...), name)
			}
			if dirs[i+1] == "api" {
				rest = append([]string{"api"}, rest...)
			}
			u, ok := layoutURL(rest, false)
			return layoutFile{kind: nitroHandler, url: u, root: root, method: method, fw: fwNuxt}, ok
		case s == "server" && i == len(dirs)-2 && dirs[i+1] == "middleware":
			return layoutFile{kind: nitroMiddleware, root: root, fw: fwNuxt}, true
		}
	}
	return layoutFile{}, false
}

// layoutURL writes folder names as a path: [id] and [...rest] (and
// SvelteKit's [[optional]] and [id=matcher]) are parameters; SvelteKit's
// (group) folders are not in the URL, and a folder of any framework
// whose name starts with _ or . routes nothing.
func layoutURL(segs []string, svelte bool) (string, bool) {
	var out []string
	for _, s := range segs {
		switch {
		case s == "" || strings.HasPrefix(s, ".") || strings.HasPrefix(s, "_"):
			return "", false
		case svelte && strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")"):
			continue
		case strings.HasPrefix(s, "[") && strings.HasSuffix(s, "]"):
			name := strings.Trim(s, "[]")
			name = strings.TrimPrefix(name, "...")
			if k := strings.IndexByte(name, '='); k >= 0 {
				name = name[:k] // [id=integer]: the matcher is SvelteKit's
			}
			if name == "" {
				return "", false
			}
			out = append(out, "{"+name+"}")
		default:
			out = append(out, s)
		}
	}
	return urlpath.Normalize("/" + strings.Join(out, "/")), true
}

// remixURL writes a Remix (or React Router) route module's place as a
// path: folders and the dots of flat file names separate segments;
// $id is a parameter and a lone $ the rest of the path; ($lang) is an
// optional one; _index, index and route name no segment; a segment that
// starts with _ is a layout with no path, and one ending in _ is not
// nested in its parent's layout (the URL is the same); [.] escapes.
func remixURL(dirs []string, stem string) (string, bool) {
	var parts []string
	for _, d := range dirs {
		parts = append(parts, splitFlat(d)...)
	}
	if stem != "route" && stem != "index" && stem != "_index" {
		parts = append(parts, splitFlat(stem)...)
	}
	var out []string
	for _, p := range parts {
		p = strings.TrimSuffix(p, "_")
		switch {
		case p == "" || p == "_index" || p == "index":
			continue
		case strings.HasPrefix(p, "_"):
			continue // a pathless layout
		case strings.HasPrefix(p, "($") && strings.HasSuffix(p, ")"):
			out = append(out, "{"+p[2:len(p)-1]+"}")
		case p == "$":
			out = append(out, "{splat}")
		case strings.HasPrefix(p, "$"):
			out = append(out, "{"+p[1:]+"}")
		case p == "test" || p == "spec" || p == "d":
			return "", false // app/routes/users.test.tsx, a .d.ts
		default:
			out = append(out, strings.NewReplacer("[", "", "]", "").Replace(p))
		}
	}
	return urlpath.Normalize("/" + strings.Join(out, "/")), true
}

// splitFlat splits a flat route name at its dots, except dots escaped
// in brackets (sitemap[.]xml is one segment).
func splitFlat(name string) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(name); i++ {
		switch name[i] {
		case '[':
			depth++
		case ']':
			depth = max(0, depth-1)
		case '.':
			if depth == 0 {
				out = append(out, name[start:i])
				start = i + 1
			}
		}
	}
	return append(out, name[start:])
}

// layoutApp says which layout framework a file marks its folder as the
// app root of: svelte.config.* or nuxt.config.* / nitro.config.*, or a
// package.json depending on @sveltejs/kit, nuxt or nitropack.
func layoutApp(p string, data []byte) (dir, fw string) {
	base := path.Base(p)
	dir = path.Dir(p)
	if dir == "." {
		dir = ""
	}
	switch {
	case strings.HasPrefix(base, "svelte.config."):
		return dir, fwSvelteKit
	case strings.HasPrefix(base, "nuxt.config."), strings.HasPrefix(base, "nitro.config."):
		return dir, fwNuxt
	case strings.HasPrefix(base, "remix.config."), strings.HasPrefix(base, "react-router.config."):
		return dir, fwRemix
	case base != "package.json":
		return "", ""
	}
	var m struct {
		Dependencies, DevDependencies map[string]json.RawMessage
	}
	if json.Unmarshal(data, &m) != nil {
		return "", ""
	}
	for _, deps := range []map[string]json.RawMessage{m.Dependencies, m.DevDependencies} {
		switch {
		case deps["@sveltejs/kit"] != nil:
			return dir, fwSvelteKit
		case deps["nuxt"] != nil, deps["nitropack"] != nil:
			return dir, fwNuxt
		case deps["@remix-run/node"] != nil, deps["@remix-run/react"] != nil, deps["@react-router/dev"] != nil:
			return dir, fwRemix
		}
	}
	return "", ""
}

// plainWrappers define a handler and check nothing: a handler wrapped
// in one is the function inside, with no guard.
var plainWrappers = map[string]bool{
	"defineEventHandler": true, "eventHandler": true, "defineCachedEventHandler": true,
	"cachedEventHandler": true, "defineLazyEventHandler": true, "lazyEventHandler": true,
}

// dataExports are the exports a page module serves requests with, and
// the method each answers: the page's data (GET) and its form posts.
var dataExports = map[layoutKind]map[string]string{
	sveltePageServer: {"load": "GET", "actions": "POST"},
	remixRoute:       {"loader": "GET", "action": "POST"},
}

// layoutRoutes reads a SvelteKit, Nitro or Remix route file's handlers.
func (d *Next) layoutRoutes(ctx context.Context, file *detector.File, out *detector.Sink, lf layoutFile) error {
	t, err := file.Tree(ctx, lang.Of(file.Path))
	if err != nil {
		out.Warn(file.Path, "route/"+lf.fw+": "+err.Error())
		return nil
	}
	values := topValues(t)
	mod := newModule(file.Path)
	mod.collectBindings(t)
	d.mu.Lock()
	d.modules[file.Path] = &fileFacts{module: mod}
	d.mu.Unlock()
	add := func(method string, line int, v *syntax.Node, handler string) {
		guards, fn := unwrapHandler(t, v, values)
		r := nextRoute{root: lf.root, guards: guards}
		r.Method, r.Path, r.Framework, r.File, r.Line, r.Handler = method, lf.url, lf.fw, file.Path, line, handler
		if fn != nil {
			r.Body, r.EndLine = t.Text(fn), syntax.EndLine(fn)
			if name := fn.ChildByFieldName("name"); name != nil && r.Handler == "" {
				r.Handler = t.Text(name)
			}
		} else if v != nil {
			r.Body, r.EndLine = t.Text(v), syntax.EndLine(v)
		}
		switch {
		case lf.kind == remixRoute && handler == "action":
			// An action answers every non-GET method a form or fetcher
			// submits with; one that tests the method serves those.
			d.keepEachMethod(r, method)
		case method != "":
			d.keep(r)
		default:
			// A Nitro handler without a method in its file name serves
			// every method unless it tests the request's.
			d.keepEachMethod(r, "ANY")
		}
	}
	for _, n := range syntax.NamedChildren(t.Root()) {
		if n.Type() != "export_statement" {
			continue
		}
		switch lf.kind {
		case svelteEndpoint:
			appExports(t, n, func(m string, line int, v *syntax.Node) { add(m, line, v, m) })
		case nitroHandler:
			if v := n.ChildByFieldName("value"); v != nil {
				add(lf.method, syntax.Line(n), v, "")
			} else if decl := n.ChildByFieldName("declaration"); decl != nil && isDefaultExport(t, n) {
				add(lf.method, syntax.Line(n), decl, "")
			}
		case sveltePageServer, remixRoute:
			decl := n.ChildByFieldName("declaration")
			if decl == nil {
				continue
			}
			switch decl.Type() {
			case "function_declaration":
				if m := dataExports[lf.kind][t.Text(decl.ChildByFieldName("name"))]; m != "" {
					add(m, syntax.Line(decl), decl, t.Text(decl.ChildByFieldName("name")))
				}
			case "lexical_declaration", "variable_declaration":
				for _, v := range syntax.NamedChildren(decl) {
					if v.Type() != "variable_declarator" {
						continue
					}
					// SvelteKit's form actions post to the page (?/name picks
					// one): one POST entry point whose code is all of them.
					name := t.Text(v.ChildByFieldName("name"))
					if m := dataExports[lf.kind][name]; m != "" && v.ChildByFieldName("value") != nil {
						add(m, syntax.Line(v), v.ChildByFieldName("value"), name)
					}
				}
			}
		}
	}
	return ctx.Err()
}

// layoutMiddleware keeps a SvelteKit hooks.server file or a Nitro
// server middleware as code that runs before every route of its app,
// and the paths it refuses on when its code scopes its refusal.
func (d *Next) layoutMiddleware(ctx context.Context, file *detector.File, lf layoutFile) {
	var scopes []string
	if t, err := file.Tree(ctx, lang.Of(file.Path)); err == nil {
		scopes = pathScopes(t)
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	d.middleware[lf.root] = true
	g, ok := d.mwCode[lf.root]
	if !ok {
		g.Name, g.Defined = path.Base(file.Path), facts.Evidence{File: file.Path, Line: 1}
	}
	// Several Nitro middleware files all run: read as one, refusing on
	// every path as soon as one refuses without a scope.
	g.Source += string(file.Data) + "\n"
	d.mwCode[lf.root] = g
	switch {
	case d.unscoped[lf.root]:
	case scopes == nil && route.Rejects(string(file.Data)):
		d.unscoped[lf.root] = true
		delete(d.matchers, lf.root)
	case scopes != nil:
		d.matchers[lf.root] = append(d.matchers[lf.root], scopes...)
	}
}

// startsWith is a test that a request's path begins with a literal
// prefix; negated (!path.startsWith('/login')) it lets paths through.
var startsWith = regexp.MustCompile("(!\\s*)?[\\w$.?]+\\.startsWith\\(\\s*['\"`](/[^'\"`]*)['\"`]\\s*\\)")

// pathScopes are the paths a middleware refuses on when it scopes its
// refusal by the request's path (if (url.pathname.startsWith('/admin')
// && !user) throw redirect(...)): each prefix, as matcher patterns. Nil
// when no refusal is scoped that way, or when it also refuses outside
// its scoped tests (then it runs on every path).
func pathScopes(t *syntax.Tree) []string {
	var out []string
	src := []byte(t.Text(t.Root()))
	base := t.Root().StartByte()
	syntax.Walk(t.Root(), func(n *syntax.Node) bool {
		if n.Type() != "if_statement" {
			return true
		}
		cond := t.Text(n.ChildByFieldName("condition"))
		var prefixes []string
		for _, m := range startsWith.FindAllStringSubmatch(cond, -1) {
			if m[1] == "" {
				prefixes = append(prefixes, strings.TrimSuffix(m[2], "/"))
			}
		}
		if len(prefixes) == 0 || !route.Rejects(t.Text(n)) {
			return true
		}
		method := ""
		if m := methodCompare.FindStringSubmatch(cond); m != nil && !strings.Contains(m[0], "!") {
			method = m[1] + m[2] + " " // && event.method === 'DELETE'
		}
		for _, p := range prefixes {
			if p == "" {
				p = "/"
			}
			out = append(out, method+p, method+strings.TrimSuffix(p, "/")+"/:path*")
		}
		// Blank the scoped test, so what is left shows any refusal
		// outside it.
		for i := n.StartByte() - base; i < n.EndByte()-base && int(i) < len(src); i++ {
			if src[i] != '\n' {
				src[i] = ' '
			}
		}
		return false
	})
	if out != nil && route.Rejects(string(src)) {
		return nil
	}
	return out
}
