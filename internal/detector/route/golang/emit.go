package golang

import (
	"go/ast"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/threatmap/threatmap/internal/urlpath"

	"github.com/threatmap/threatmap/internal/detector/route"
	"github.com/threatmap/threatmap/internal/detector/route/router"
	"github.com/threatmap/threatmap/internal/facts"
)

// routes turns every registration into a facts.Route, now that every
// mount and middleware is known.
func (m *module) routes() []facts.Route {
	for _, gr := range m.gorilla {
		if gr.h == nil || gr.buildOnly {
			continue
		}
		methods := gr.methods
		if len(methods) == 0 {
			methods = []string{"ANY"}
		}
		for _, meth := range methods {
			m.pending = append(m.pending, &pendingRoute{node: gr.node, method: meth, path: gr.path, mw: gr.h.wrappers, h: gr.h, file: gr.file, line: gr.line})
		}
	}
	m.expandPathSwitches()
	seen := map[string]bool{}
	var out []facts.Route
	t := tree{}
	for _, p := range m.pending {
		r := p.route(m, t)
		key := r.Method + " " + r.Path + "\x00" + r.File + "\x00" + strconv.Itoa(r.Line)
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, r)
	}
	return out
}

// tree is the interpreter's routers as the shared router tree, made once
// every mount is known.
type tree map[*node]*router.Node

func (t tree) of(n *node) *router.Node {
	if rn, ok := t[n]; ok {
		return rn
	}
	rn := &router.Node{
		Framework: n.fw, Prefix: n.prefix, Guards: n.mw,
		Incomplete: n.unresolved || n.partial || n.parent == nil && !n.served,
	}
	t[n] = rn
	if n.parent != nil {
		m := router.Mount{Parent: t.of(n.parent)}
		if n.parent.fw != fiber {
			// gin and echo groups copy the parent's Use() middleware
			// when made; fiber's see it as each route registers.
			m.Seq = n.born
		}
		rn.MountUnder(m)
	}
	return rn
}

func (p *pendingRoute) route(m *module, t tree) facts.Route {
	method, raw := p.method, p.path
	if p.pattern {
		method, raw = splitPattern(raw)
	}
	raw, types := goParams(raw)
	c := t.of(p.node).Paths()[0].Compose(&router.Route{Path: raw, Guards: p.mw, Seq: p.seq})
	full, declared := urlpath.Braces(c.Path)
	for k, v := range declared {
		types[k] = v
	}
	h := p.h
	for _, prm := range route.Params(full, nil) {
		if t := bodyParamType(h.body, prm.Name); t != "" && types[prm.Name] == "" {
			types[prm.Name] = t
		}
	}
	guards := c.Names()
	r := facts.Route{
		Method:     method,
		Path:       full,
		Framework:  p.node.fw,
		File:       p.file.path,
		Line:       p.line,
		Handler:    h.name,
		Params:     route.Params(full, types),
		Middleware: guards,
		Body:       h.body,
	}
	if h.endLine > p.line {
		r.EndLine = h.endLine
	}
	if h.file != nil && h.pos.IsValid() {
		r.HandlerFile, r.HandlerLine = h.file.path, h.file.lines().Line(h.pos)
	}
	dec := route.DecidePath(m.taught, c.Guards, h.body, p.file.path+":"+strconv.Itoa(p.line), full, c.Complete, m.guardLookup(p.file))
	r.Auth, r.AuthEvidence, r.AuthRole = dec.Auth, dec.Evidence, dec.Role
	if h.gql {
		r.Framework = graphql
		r.Tags = append(r.Tags, facts.TagGraphQL)
	}
	if h.static || p.static {
		r.Tags = append(r.Tags, facts.TagStatic)
	}
	switch {
	case p.static && p.dir != "":
		// Go's file servers serve dotfiles: nothing hides them.
		r.Served = &facts.Served{Dir: p.dir, Dotfiles: true}
	case h.static && h.dir != "":
		// http.FileServer looks up the whole URL path, or what is left
		// once StripPrefix has cut its prefix.
		r.Served = &facts.Served{Dir: h.dir, Dotfiles: true, HasURL: true, URL: h.strip}
	}
	vocab := mux.vocab
	if fw := routerFramework(p.node.fw); fw != nil {
		vocab = fw.vocab
	}
	route.Classify(&r, vocab)
	return r
}

// splitPattern reads a net/http pattern: "[METHOD ][HOST]/path".
func splitPattern(pat string) (method, p string) {
	method = "ANY"
	pat = strings.TrimSpace(pat)
	if i := strings.IndexAny(pat, " \t"); i > 0 {
		method, pat = strings.ToUpper(pat[:i]), strings.TrimSpace(pat[i+1:])
	}
	if i := strings.Index(pat, "/"); i > 0 {
		pat = pat[i:] // drop the host
	}
	return method, strings.ReplaceAll(pat, "{$}", "")
}

var (
	goWildcard      = regexp.MustCompile(`\{([A-Za-z_][A-Za-z0-9_]*)\.\.\.\}`)
	fiberConstraint = regexp.MustCompile(`:([A-Za-z_][A-Za-z0-9_]*)<([^>]*)>`)
	// optionalParam is fasthttp/router's optional segment, {name?} or
	// {name?:regex}: the route answers with and without it; shown as one.
	optionalParam = regexp.MustCompile(`\{([A-Za-z_][A-Za-z0-9_]*)\?(:[^{}]*)?\}`)
)

// goParams rewrites Go-specific parameter syntax the shared Braces does
// not know: net/http's {rest...} and fiber's :id<int>.
func goParams(p string) (string, map[string]string) {
	types := map[string]string{}
	p = goWildcard.ReplaceAllString(p, "{$1}")
	p = optionalParam.ReplaceAllString(p, "{$1$2}")
	p = fiberConstraint.ReplaceAllStringFunc(p, func(s string) string {
		sm := fiberConstraint.FindStringSubmatch(s)
		switch {
		case strings.Contains(sm[2], "int"):
			types[sm[1]] = facts.TypeInt
		case strings.Contains(sm[2], "guid"), strings.Contains(sm[2], "uuid"):
			types[sm[1]] = facts.TypeUUID
		}
		return ":" + sm[1]
	})
	return p, types
}

var (
	intParse  = regexp.MustCompile(`strconv\.(Atoi|ParseInt|ParseUint)\(|ParamsInt\(`)
	uuidParse = regexp.MustCompile(`uuid\.(Parse|MustParse|FromString|FromStringOrNil)\(`)
)

// bodyParamType types a path parameter from what the handler does with
// it: read by name ("id") and parsed as an integer or UUID, on the same
// line or through the variable it was read into.
func bodyParamType(body, name string) string {
	if body == "" {
		return ""
	}
	quoted := `"` + name + `"`
	for _, line := range strings.Split(body, "\n") {
		i := strings.Index(line, quoted)
		if i < 0 {
			continue
		}
		if t := parseType(line); t != "" {
			return t
		}
		// idStr := chi.URLParam(r, "id") ... strconv.Atoi(idStr)
		lhs, _, ok := strings.Cut(line[:i], "=")
		if !ok {
			continue
		}
		fields := strings.FieldsFunc(strings.TrimSuffix(lhs, ":"), func(r rune) bool { return r == ',' || r == ' ' || r == '\t' })
		if len(fields) == 0 {
			continue
		}
		v := regexp.QuoteMeta(fields[0])
		if regexp.MustCompile(`(strconv\.(Atoi|ParseInt|ParseUint))\(\s*` + v + `\b`).MatchString(body) {
			return facts.TypeInt
		}
		if regexp.MustCompile(`uuid\.(Parse|MustParse|FromString|FromStringOrNil)\(\s*` + v + `\b`).MatchString(body) {
			return facts.TypeUUID
		}
	}
	return ""
}

func parseType(line string) string {
	switch {
	case intParse.MatchString(line):
		return facts.TypeInt
	case uuidParse.MatchString(line):
		return facts.TypeUUID
	}
	return ""
}

// guardLookup finds a middleware's or helper's source by the name it is
// called by, last segment first in the calling file's package (requireAuth,
// s.requireAuth, mw.Auth), then in the one package of the module that
// declares it.
func (m *module) guardLookup(f *goFile) route.Lookup {
	return func(name string) (string, string, bool) {
		name = strings.TrimSuffix(strings.TrimSpace(name), " (optional)")
		if v, ok := strings.CutPrefix(name, route.ValuePrefix); ok {
			return m.valueLookup(f, v[strings.LastIndexByte(v, '.')+1:])
		}
		fd := m.findFunc(f, name)
		if fd == nil {
			return "", "", false
		}
		return fd.text(), fd.file.path + ":" + strconv.Itoa(fd.file.lines().Line(fd.pos)), true
	}
}

// findFunc is the one function or method of the module a call from f by
// that name runs (requireAuth, s.requireAuth, mw.Auth): last segment first
// in f's package, then in the one package of the module that declares it;
// nil when none or several.
func (m *module) findFunc(f *goFile, name string) *funcDecl {
	key := name[strings.LastIndexByte(name, '.')+1:]
	var found []*funcDecl
	q, _, _ := strings.Cut(name, ".")
	qualified := q != name && f.imports[q] != ""
	if qualified {
		// A package-qualified call (store.New) runs that package's
		// function, never the caller's own of the same name; one
		// from outside the module is not here to read.
		p := m.pkgDir(m.resolveImport(f.imports[q]))
		if p == nil {
			return nil
		}
		found = p.funcs[key]
	} else if p := m.pkgs[f.dir+"\x00"+f.pkg]; p != nil {
		found = slices.Concat(p.funcs[key], p.methods[key])
	}
	if len(found) == 0 && !qualified {
		for _, dir := range m.dirs {
			p := m.pkgs[dir]
			found = append(found, p.funcs[key]...)
			found = append(found, p.methods[key]...)
		}
	}
	if len(found) != 1 {
		return nil
	}
	return found[0]
}

// valueLookup finds a package-level var or const called name, in the
// calling file's package first, then in the one package of the module
// that declares it: its spec's source (errSignIn = Failure{401, "..."})
// and where it is.
func (m *module) valueLookup(f *goFile, name string) (string, string, bool) {
	specs := func(p *pkg) (out []string, at []string) {
		for _, gf := range p.files {
			for _, d := range gf.vars {
				for _, s := range d.Specs {
					vs, ok := s.(*ast.ValueSpec)
					if !ok {
						continue
					}
					for _, id := range vs.Names {
						if id.Name == name {
							out = append(out, gf.text(vs.Pos(), vs.End()))
							at = append(at, gf.path+":"+strconv.Itoa(gf.lines().Line(vs.Pos())))
						}
					}
				}
			}
		}
		return out, at
	}
	var code, at []string
	if p := m.pkgs[f.dir+"\x00"+f.pkg]; p != nil {
		code, at = specs(p)
	}
	if len(code) == 0 {
		for _, dir := range m.dirs {
			c, a := specs(m.pkgs[dir])
			code, at = append(code, c...), append(at, a...)
		}
	}
	if len(code) != 1 {
		return "", "", false
	}
	return code[0], at[0], true
}

// withReceiverCalls is a method's source followed by the methods of its
// own type it calls on its receiver whose names the module declares more
// than once (m.ServeHTTP(w, r, next): a name like ServeHTTP has many
// methods in a package, and only the receiver's type says which one
// runs), two calls deep. A name declared once is left to the lookup,
// which says where it is.
func (m *module) withReceiverCalls(fd *funcDecl) string {
	src := fd.text()
	if fd.recvType == "" {
		return src
	}
	p := m.pkgs[fd.file.dir+"\x00"+fd.file.pkg]
	recv := receiverName.FindStringSubmatch(src)
	if p == nil || recv == nil {
		return src
	}
	call := regexp.MustCompile(`\b` + regexp.QuoteMeta(recv[1]) + `\.(\w+)\(`)
	seen := map[*funcDecl]bool{fd: true}
	out, todo := src, []string{src}
	for depth := 0; depth < 2 && len(todo) > 0; depth++ {
		var next []string
		for _, code := range todo {
			for _, c := range call.FindAllStringSubmatch(code, -1) {
				if m.declared(c[1]) < 2 {
					continue // found by its name alone, with where it is
				}
				for _, md := range p.methods[c[1]] {
					if md.recvType == fd.recvType && !seen[md] {
						seen[md] = true
						t := md.text()
						out += "\n\n" + t
						next = append(next, t)
					}
				}
			}
		}
		todo = next
	}
	return out
}

// declared counts the functions and methods of the module called name.
func (m *module) declared(name string) int {
	n := 0
	for _, key := range m.dirs {
		n += len(m.pkgs[key].funcs[name]) + len(m.pkgs[key].methods[name])
	}
	return n
}

// receiverName is a method's receiver: m in func (m *T) Name(.
var receiverName = regexp.MustCompile(`(?m)^func\s*\(\s*(\w+)\s+\*?\w+`)
