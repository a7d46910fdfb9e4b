package lang

import (
	"bytes"
	"encoding/json"
	"maps"
	"path"
	"regexp"
	"slices"
	"strings"
)

// A script of the product's pages is known by what it does: it reads the
// page's globals (document, window, localStorage) and imports nothing only
// a server has (fs, child_process, express). Code written for both sides
// (typeof window) is the server's too. Its fetch goes from the user's
// browser, so it is no server-side request.

var (
	// browserGlobal is a use of a browser-only global: document.title, not
	// opts.window.ms or a local named window.
	browserGlobal = regexp.MustCompile(`(?:^|[^\w$.])(?:document|window|localStorage|sessionStorage|navigator|customElements)\.[A-Za-z_$]|(?m:^\s*['"]use client['"])`)
	// bothSides tests where it runs: code written for the server too, or
	// a page module's server half (Next.js's data functions, a server
	// action).
	bothSides = regexp.MustCompile(`\btypeof\s+(?:window|document)\b|\b(?:getServerSideProps|getStaticProps|getInitialProps)\b|(?m:^\s*['"]use server['"])`)
	// eventProp is a JSX element's event handler (<button onClick={...}>):
	// it runs when the user acts on the page, in the browser. A server
	// component can pass none.
	eventProp = regexp.MustCompile(`<[A-Za-z][\w.]*\s[^<>]*?\b(on[A-Z][A-Za-z]+)=\{`)
)

// serverModules are modules only a server has (and node:*).
var serverModules = map[string]bool{
	"fs": true, "fs/promises": true, "child_process": true, "http": true, "https": true, "net": true, "tls": true,
	"dgram": true, "cluster": true, "worker_threads": true, "os": true, "express": true, "koa": true, "fastify": true,
	"next/server": true, "next/headers": true, "pg": true, "mysql": true, "mysql2": true, "mongoose": true,
	"sequelize": true, "typeorm": true, "@prisma/client": true,
}

func serverModule(m string) bool {
	return serverModules[m] || strings.HasPrefix(m, "node:") || strings.HasPrefix(m, "@nestjs/")
}

// importWords come before a module's name in quotes: require('x'),
// from 'x', import 'x', import('x').
var importWords = [][]byte{[]byte("require("), []byte("from"), []byte("import")}

// imports are the modules code imports, found with a search for each
// word rather than one regular expression over the file (every script of
// the tree is read): whether one is a server's, and the relative ones
// (./x, ../y), and the packages of the others (@scope/name, name).
func imports(code []byte) (server bool, rel, pkgs []string) {
	for _, w := range importWords {
		for i := 0; ; {
			j := bytes.Index(code[i:], w)
			if j < 0 {
				break
			}
			at := i + j
			i = at + len(w)
			if at > 0 && isIdentByte(code[at-1]) {
				continue
			}
			spec, ok := quotedAfter(code[i:])
			if !ok {
				continue
			}
			switch {
			case serverModule(spec):
				server = true
			case strings.HasPrefix(spec, "./") || strings.HasPrefix(spec, "../"):
				rel = append(rel, spec)
			default:
				pkgs = append(pkgs, packageOf(spec))
			}
		}
	}
	return server, rel, pkgs
}

// packageOf is the package a bare module specifier names: its first part,
// the first two for a scoped one (@scope/name/sub is @scope/name).
func packageOf(spec string) string {
	n := 1
	if strings.HasPrefix(spec, "@") {
		n = 2
	}
	parts := strings.SplitN(spec, "/", n+1)
	if len(parts) > n {
		parts = parts[:n]
	}
	return strings.Join(parts, "/")
}

// quotedAfter is the text in quotes that follows spaces and one
// opening parenthesis at the start of b: 'x' in " 'x'" or "('x')".
func quotedAfter(b []byte) (string, bool) {
	k := 0
	for k < len(b) && (b[k] == ' ' || b[k] == '\t' || b[k] == '(') {
		k++
	}
	if k >= len(b) || b[k] != '\'' && b[k] != '"' {
		return "", false
	}
	end := bytes.IndexByte(b[k+1:], b[k])
	if end <= 0 || bytes.IndexByte(b[k+1:k+1+end], '\n') >= 0 {
		return "", false
	}
	return string(b[k+1 : k+1+end]), true
}

func isIdentByte(c byte) bool {
	return c == '_' || c == '$' || c == '.' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// browserScript says why a script is a page's (what it reads), or ""
// when it is not.
func browserScript(l Lang, src []byte) string {
	if !mayBeBrowser(src) {
		return ""
	}
	code := StripComments(l, src)
	m := browserGlobal.Find(code)
	var event [][]byte
	if m == nil && (l == JSX || l == TSX) {
		event = eventProp.FindSubmatch(code)
	}
	if m == nil && event == nil || bothSides.Match(code) {
		return ""
	}
	if server, _, _ := imports(code); server {
		return ""
	}
	if m == nil {
		return "handles the page's " + string(event[1])
	}
	g := bytes.TrimLeft(m, " \t\r\n;,({[=!&|?:+-*/<>")
	if i := bytes.IndexAny(g, ".'\""); i > 0 {
		g = g[:i]
	}
	if len(g) == 0 || bytes.Contains(m, []byte("use client")) {
		return "marked 'use client'"
	}
	return "reads the page's " + string(g)
}

// mayBeBrowser is the cheap test before the comments are stripped.
func mayBeBrowser(src []byte) bool {
	for _, w := range []string{"document.", "window.", "localStorage.", "sessionStorage.", "navigator.", "customElements.", "use client", "={"} {
		if bytes.Contains(src, []byte(w)) {
			return true
		}
	}
	return false
}

// The tree decides the scripts a page's script alone imports: a helper
// the page's code imports and no server code does (frontend/utils.js,
// which reads no global itself) is the page's; so is the entry a bundler
// builds for the page (rollup's input, webpack's entry, the module script
// of vite's index.html). A page's script that server code imports runs on
// the server as well.

// script is what the tree keeps of one JavaScript or TypeScript file.
type script struct {
	imports []string // relative imports, resolved to paths without extension
	browser string   // why its content is a page's (browserScript), or ""
	server  bool     // imports a module only a server has
	pkgs    []string // the packages it imports by name (cliPackageRoles)
}

var (
	// bundleEntry is the entry option of a bundler's configuration.
	bundleEntry = regexp.MustCompile(`\b(?:input|entry|entryPoints)\s*:\s*(\[[^\]]*\]|\{[^}]*\}|['"][^'"]+['"])`)
	quoted      = regexp.MustCompile(`['"]([^'"]+\.(?:m?js|cjs|jsx?|tsx?))['"]`)
	// moduleScript is a page's module script (vite's index.html).
	moduleScript = regexp.MustCompile(`<script[^>]*\btype=["']module["'][^>]*\bsrc=["']([^"']+)["']|<script[^>]*\bsrc=["']([^"']+)["'][^>]*\btype=["']module["']`)
)

// bundlerConfig reports a bundler's configuration file, by name.
func bundlerConfig(base string) bool {
	for _, pre := range []string{"rollup.config.", "webpack.config.", "vite.config.", "esbuild.config.", "rspack.config."} {
		if len(base) > len(pre) && base[:len(pre)] == pre {
			return true
		}
	}
	return false
}

// readScript reads a script's imports and what it is, and the entries a
// bundler's configuration or a page names (as paths in the tree).
func readScript(p string, src []byte) (*script, []string) {
	l := Of(p)
	base := path.Base(p)
	var entries []string
	dir := path.Dir(p)
	switch {
	case l == HTML:
		for _, m := range moduleScript.FindAllSubmatch(src, -1) {
			entries = append(entries, treePath(dir, string(m[1])+string(m[2])))
		}
		return nil, entries
	case bundlerConfig(base):
		for _, m := range bundleEntry.FindAllSubmatch(StripComments(l, src), -1) {
			for _, q := range quoted.FindAllSubmatch(m[1], -1) {
				entries = append(entries, treePath(dir, string(q[1])))
			}
		}
		return nil, entries
	case l.Family() != JavaScript || RoleOf(p).Kind != App:
		return nil, nil
	}
	sc := &script{browser: browserScript(l, src)}
	server, rel, pkgs := imports(src)
	if server {
		// An import in a comment imports nothing.
		server, _, _ = imports(StripComments(l, src))
	}
	sc.server = server
	sc.pkgs = pkgs
	for _, r := range rel {
		sc.imports = append(sc.imports, Stem(path.Join(dir, r)))
	}
	return sc, nil
}

// treePath is a path a file in dir names, as a path in the tree: "/src/x"
// in a page is from the page's folder, "./src/x" and "src/x" too.
func treePath(dir, ref string) string {
	return path.Join(dir, strings.TrimPrefix(ref, "/"))
}

// browserRoles are the roles of scripts the tree decides.
func (t *Tree) browserRoles() map[string]Role {
	out := map[string]Role{}
	if len(t.scripts) == 0 {
		return out
	}
	byStem := make(map[string]string, len(t.scripts))
	for p := range t.scripts {
		byStem[Stem(p)] = p
	}
	importers := map[string][]string{}
	for _, p := range slices.Sorted(maps.Keys(t.scripts)) {
		for _, imp := range t.scripts[p].imports {
			target, ok := byStem[imp]
			if !ok {
				target, ok = byStem[imp+"/index"]
			}
			if ok && target != p {
				importers[target] = append(importers[target], p)
			}
		}
	}
	browser := map[string]bool{}
	for p, sc := range t.scripts {
		if sc.server {
			continue
		}
		if sc.browser != "" {
			browser[p] = true
		}
		if cfg, ok := t.entries[p]; ok && sc.browser == "" {
			browser[p] = true
			out[p] = Role{Kind: Browser, why: "the entry of a page's bundle, in " + cfg}
		} else if why := t.pageBundle(p); why != "" && sc.browser == "" {
			browser[p] = true
			out[p] = Role{Kind: Browser, why: why}
		}
	}
	// A page's script that server code imports runs on the server too.
	for p := range browser {
		for _, imp := range importers[p] {
			if t.scripts[imp].server {
				delete(browser, p)
				out[p] = Role{Kind: App, why: "imported by server code, " + imp}
				break
			}
		}
	}
	// Helpers only the pages' scripts import are the pages', to a fixed
	// point: a chain of them is followed from the page down.
	for changed := true; changed; {
		changed = false
		for _, p := range slices.Sorted(maps.Keys(t.scripts)) {
			ims := importers[p]
			if browser[p] || t.scripts[p].server || len(ims) == 0 || !all(ims, func(i string) bool { return browser[i] }) {
				continue
			}
			browser[p] = true
			out[p] = Role{Kind: Browser, why: "imported only by the page's scripts, " + path.Base(ims[0])}
			changed = true
		}
	}
	return out
}

// pkgDeps is what a package.json says of where its code runs.
type pkgDeps struct {
	server string // a server framework or module it depends on, or ""
	ui     string // a page framework it depends on, or ""
	// name is the package's name, bin the files its bin field installs as
	// commands, deps what it depends on at run time (not its
	// devDependencies): together they find a command-line tool of the
	// workspace (cliPackageRoles).
	name string
	bin  []string
	deps []string
	// devOnly: it lists devDependencies and nothing to run (no
	// dependencies, no peers): a manifest of developer tools.
	devOnly bool
}

// uiModules are frameworks that render pages in the browser.
var uiModules = []string{"react", "react-dom", "vue", "svelte", "preact", "@angular/core", "solid-js", "lit"}

// serverFrameworks are modules only a server's package depends on, beyond
// the modules only a server imports: frameworks that serve pages or an
// API from the same package as the pages' code.
var serverFrameworks = map[string]bool{
	"next": true, "nuxt": true, "@sveltejs/kit": true, "@remix-run/node": true, "@remix-run/server-runtime": true,
	"hono": true, "@hapi/hapi": true, "restify": true, "astro": true, "@solidjs/start": true, "h3": true,
	"nitropack": true, "electron": true, "ws": true, "socket.io": true, "@nestjs/core": true,
}

// readPackage reads a package.json of app code: whether it depends on a
// server's module or framework (its dependencies, not its build's), and
// on a page framework (any of its lists).
func readPackage(p string, src []byte) (pkgDeps, bool) {
	if path.Base(p) != "package.json" || RoleOf(p).Kind != App {
		return pkgDeps{}, false
	}
	var pj struct {
		Name string          `json:"name"`
		Bin  json.RawMessage `json:"bin"`
		Deps map[string]any  `json:"dependencies"`
		Peer map[string]any  `json:"peerDependencies"`
		Dev  map[string]any  `json:"devDependencies"`
		// Workspaces: a workspace's root installs its packages' too.
		Workspaces json.RawMessage `json:"workspaces"`
		Scripts    map[string]any  `json:"scripts"`
	}
	if json.Unmarshal(src, &pj) != nil {
		return pkgDeps{}, false
	}
	d := pkgDeps{name: pj.Name, bin: binFiles(path.Dir(p), pj.Bin)}
	for _, m := range []map[string]any{pj.Deps, pj.Peer} {
		for _, name := range slices.Sorted(maps.Keys(m)) {
			d.deps = append(d.deps, name)
			if d.server == "" && (serverModule(name) || serverFrameworks[name]) {
				d.server = name
			}
		}
	}
	for _, name := range uiModules {
		if _, ok := pj.Deps[name]; ok || pj.Peer[name] != nil || pj.Dev[name] != nil {
			d.ui = name
			break
		}
	}
	d.devOnly = len(pj.Deps) == 0 && len(pj.Peer) == 0 && len(pj.Dev) > 0 && len(pj.Workspaces) == 0 && !buildsWith(pj.Scripts)
	return d, true
}

// buildScripts are the script names that build, serve or start what a
// package makes: its devDependencies then go into the product (a
// SvelteKit or Vite app keeps its framework among them).
var buildScripts = []string{"build", "start", "dev", "serve", "preview", "prod", "production", "generate", "export", "prepare"}

// buildsWith says a package's scripts build, serve or start something.
func buildsWith(scripts map[string]any) bool {
	for _, n := range buildScripts {
		if _, ok := scripts[n]; ok {
			return true
		}
	}
	return false
}

// pageBundle says why a script is a page's by its package: the nearest
// package.json above it depends on a page framework and on no server's
// module, and a bundler's configuration beside it builds the folder: a
// client bundle (a frontend folder of its own, a visualisation library).
// "" when it is not.
func (t *Tree) pageBundle(p string) string {
	for dir := path.Dir(p); ; dir = path.Dir(dir) {
		if pk, ok := t.packages[dir]; ok {
			cfg := t.bundled[dir]
			if pk.server != "" || pk.ui == "" || cfg == "" {
				return ""
			}
			return "in a page bundle: " + path.Join(dir, "package.json") + " depends on " + pk.ui + " and no server's module, built by " + path.Base(cfg)
		}
		if dir == "." || dir == "/" || dir == "" {
			return ""
		}
	}
}

func all(xs []string, ok func(string) bool) bool {
	for _, x := range xs {
		if !ok(x) {
			return false
		}
	}
	return true
}
