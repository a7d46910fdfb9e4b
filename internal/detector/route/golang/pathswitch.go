package golang

import (
	"cmp"
	"go/ast"
	"go/parser"
	"go/token"
	"regexp"
	"strconv"
	"strings"
)

// A handler registered once (http.HandleFunc("/", h)) can be a route
// table of its own: it dispatches on the request's path with a switch
// (switch r.URL.Path { case "/about": ... }), a tagless switch or an if
// chain of strings.HasPrefix(r.URL.Path, "/raw/") tests. Each branch that
// hands the request on (or answers it) is a route, with the checks the
// handler makes before the switch and the branch's own. A switch on the
// path whose branches only pick a value (a content type, a log label)
// serves nothing per case and is no table.

// maxForward is how many handlers that only hand the request on
// (func(w, r) { s.Handler(w, r) }) are followed to the table.
const maxForward = 3

// handlerCode is a handler function's source: its file, where it starts
// and its text.
type handlerCode struct {
	f    *goFile
	pos  token.Pos
	text string
}

// parsedHandler is a handler's source parsed on its own, with the names
// of its request and response parameters.
type parsedHandler struct {
	code     handlerCode
	fset     *token.FileSet
	skip     int // bytes of the clause put before the text to parse it
	first    int // the file's line of the text's first line
	body     *ast.BlockStmt
	req, w   string
	pathVars map[string]bool // locals holding the request's path
	trimmed  map[string]bool // of those, the ones with the leading slash cut
	segVars  map[string]int  // locals holding its segments: the first one's index
	params   string          // the parameter list's text
	name     string          // a declaration's name (Hand), "" for a literal
}

// pathCase is one branch of a path table.
type pathCase struct {
	path    string // "" for the branch taken when no other is
	methods []string
	line    int
	body    string        // the handler up to the table, then the branch
	call    *ast.CallExpr // the one call the branch hands the request to
}

// expandPathSwitches replaces each registration whose handler is a path
// table with one registration per branch.
func (m *module) expandPathSwitches() {
	var out []*pendingRoute
	for _, p := range m.pending {
		if rs := m.pathSwitch(p); len(rs) > 0 {
			out = append(out, rs...)
			continue
		}
		out = append(out, p)
	}
	m.pending = out
}

func (m *module) pathSwitch(p *pendingRoute) []*pendingRoute {
	h := p.h
	if p.static || h == nil || h.node != nil || h.static || h.gql || h.file == nil || !h.pos.IsValid() || !strings.HasPrefix(h.body, "func") {
		return nil
	}
	code := handlerCode{f: h.file, pos: h.pos, text: h.body}
	for range maxForward + 1 {
		ph := parseHandler(code)
		if ph == nil {
			return nil
		}
		if cases := ph.table(); len(cases) > 0 {
			return m.caseRoutes(p, ph, cases)
		}
		next := ph.forwardsTo()
		if next == "" {
			return nil
		}
		fd := m.calledFunc(code.f, next)
		if fd == nil {
			return nil
		}
		code = handlerCode{f: fd.file, pos: fd.pos, text: fd.text()}
	}
	return nil
}

// caseRoutes is one registration per branch, at the branch's path under
// the registration's.
func (m *module) caseRoutes(p *pendingRoute, ph *parsedHandler, cases []pathCase) []*pendingRoute {
	method, raw := p.method, p.path
	if p.pattern {
		method, raw = splitPattern(raw)
	}
	var out []*pendingRoute
	exact := map[string]bool{}
	for _, c := range cases {
		exact[c.path] = true
	}
	for _, c := range cases {
		full, ok := casePath(raw, c.path, p.h)
		if !ok {
			continue
		}
		if c.path == "" && exact[raw] && strings.HasSuffix(raw, "/") {
			// What no branch takes, under a subtree whose own path is
			// a branch: any other path.
			full = raw + "{path...}"
		}
		h := &handlerInfo{name: cmp.Or(ph.name, p.h.name), body: c.body, file: ph.code.f, pos: ph.code.pos, wrappers: p.h.wrappers}
		if c.call != nil {
			name := exprText(c.call.Fun)
			h.name = name
			if fd := m.calledFunc(ph.code.f, name); fd != nil {
				h.file, h.pos = fd.file, fd.pos
			}
		}
		methods := c.methods
		if len(methods) == 0 {
			methods = []string{method}
		}
		for _, meth := range methods {
			out = append(out, &pendingRoute{
				node: p.node, method: meth, path: full, mw: p.mw, h: h,
				file: ph.code.f, line: c.line, seq: p.seq,
			})
		}
	}
	return out
}

// casePath is a branch's path as registered: the registration's own for
// the branch no test takes, the branch's when the registration's pattern
// matches it (after the prefix a StripPrefix around the handler cut).
func casePath(raw, c string, h *handlerInfo) (string, bool) {
	if c == "" {
		return raw, true
	}
	if h.stripped {
		return strings.TrimSuffix(h.strip, "/") + "/" + strings.TrimPrefix(c, "/"), true
	}
	if c == raw || strings.HasSuffix(raw, "/") && strings.HasPrefix(c, raw) {
		return c, true
	}
	return "", false
}

// calledFunc is the function a call by that name runs: findFunc's, or,
// when several methods share the name, the one of the package whose
// function or type made the receiver (rawData, err := raw.Load(db) ...
// rawData.Hand(w, r)).
func (m *module) calledFunc(f *goFile, name string) *funcDecl {
	if fd := m.findFunc(f, name); fd != nil {
		return fd
	}
	recv, meth, ok := strings.Cut(name, ".")
	if !ok || strings.Contains(meth, ".") {
		return nil
	}
	made := regexp.MustCompile(`\b` + regexp.QuoteMeta(recv) + `\b(?:\s*,\s*\w+)*\s*:?=\s*&?(\w+)\.`)
	sm := made.FindStringSubmatch(string(f.src.Bytes()))
	if sm == nil || f.imports[sm[1]] == "" {
		return nil
	}
	p := m.pkgDir(m.resolveImport(f.imports[sm[1]]))
	if p == nil || len(p.methods[meth]) != 1 {
		return nil
	}
	return p.methods[meth][0]
}

// parseHandler parses a function's source (a declaration or a literal)
// and finds its request parameter; nil when it takes none.
func parseHandler(code handlerCode) *parsedHandler {
	fset := token.NewFileSet()
	ph := &parsedHandler{code: code, fset: fset, first: code.f.lines().Line(code.pos)}
	var ft *ast.FuncType
	const decl, lit = "package p\n", "package p\nvar _ = "
	if f, err := parser.ParseFile(fset, "", decl+code.text, parser.SkipObjectResolution); err == nil && len(f.Decls) == 1 {
		if fd, ok := f.Decls[0].(*ast.FuncDecl); ok && fd.Body != nil {
			ft, ph.body, ph.skip, ph.name = fd.Type, fd.Body, len(decl), fd.Name.Name
		}
	}
	if ft == nil {
		f, err := parser.ParseFile(fset, "", lit+code.text, parser.SkipObjectResolution)
		if err != nil || len(f.Decls) != 1 {
			return nil
		}
		gd, ok := f.Decls[0].(*ast.GenDecl)
		if !ok || len(gd.Specs) != 1 {
			return nil
		}
		vs, ok := gd.Specs[0].(*ast.ValueSpec)
		if !ok || len(vs.Values) != 1 {
			return nil
		}
		fl, ok := vs.Values[0].(*ast.FuncLit)
		if !ok {
			return nil
		}
		ft, ph.body, ph.skip = fl.Type, fl.Body, len(lit)
	}
	for _, fld := range ft.Params.List {
		t := exprText(fld.Type)
		for _, n := range fld.Names {
			switch {
			case strings.HasSuffix(t, ".Request") && strings.HasPrefix(t, "*"):
				ph.req = n.Name
			case strings.HasSuffix(t, ".ResponseWriter"):
				ph.w = n.Name
			}
		}
	}
	if ph.req == "" {
		return nil
	}
	ph.params = ph.src(ft.Params.Pos(), ft.Params.End())
	ph.pathVars, ph.trimmed, ph.segVars = map[string]bool{}, map[string]bool{}, map[string]int{}
	return ph
}

// line is the file's line of a position of the parse.
func (ph *parsedHandler) line(pos token.Pos) int {
	return ph.first + ph.fset.Position(pos).Line - 2
}

// src is the handler's text between two positions of the parse.
func (ph *parsedHandler) src(pos, end token.Pos) string {
	a, b := ph.fset.Position(pos).Offset-ph.skip, ph.fset.Position(end).Offset-ph.skip
	if a < 0 || b > len(ph.code.text) || a > b {
		return ""
	}
	return ph.code.text[a:b]
}

// upTo is the handler as an anonymous function up to a position of its
// body: the statements that run before it. Anonymous, so that its own
// name is not read as a call.
func (ph *parsedHandler) upTo(pos token.Pos) string {
	return "func" + ph.params + " {" + ph.src(ph.body.Lbrace+1, pos)
}

// forwardsTo is the function a handler only hands its request to
// (func(w, r) { s.Handler(w, r) }): its name, or "".
func (ph *parsedHandler) forwardsTo() string {
	if len(ph.body.List) != 1 {
		return ""
	}
	var c *ast.CallExpr
	switch s := ph.body.List[0].(type) {
	case *ast.ExprStmt:
		c, _ = s.X.(*ast.CallExpr)
	case *ast.ReturnStmt:
		if len(s.Results) == 1 {
			c, _ = s.Results[0].(*ast.CallExpr)
		}
	}
	if c == nil || !ph.passesReq(c) {
		return ""
	}
	switch unparen(c.Fun).(type) {
	case *ast.Ident, *ast.SelectorExpr:
		return exprText(c.Fun)
	}
	return ""
}

// table reads the first statement of the handler's body that dispatches
// on the path to two branches or more that serve.
func (ph *parsedHandler) table() []pathCase {
	for _, st := range ph.body.List {
		ph.notePathVar(st)
		prefix := ph.upTo(st.Pos())
		var cases []pathCase
		switch s := st.(type) {
		case *ast.SwitchStmt:
			cases = ph.switchCases(s, prefix)
		case *ast.IfStmt:
			cases = ph.ifCases(s, prefix)
		}
		served := 0
		for _, c := range cases {
			if c.path != "" {
				served++
			}
		}
		if served >= 2 {
			return cases
		}
	}
	return nil
}

// notePathVar records a local the request's path is read into
// (path := strings.TrimSuffix(r.URL.Path, "/")). A path split into
// segments is not the path.
func (ph *parsedHandler) notePathVar(st ast.Stmt) {
	as, ok := st.(*ast.AssignStmt)
	if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
		return
	}
	id, ok := as.Lhs[0].(*ast.Ident)
	if !ok {
		return
	}
	rhs := as.Rhs[0]
	if c, ok := unparen(rhs).(*ast.CallExpr); ok {
		switch exprText(c.Fun) {
		case "strings.TrimSuffix", "strings.TrimPrefix", "strings.ToLower", "path.Clean", "strings.TrimRight", "strings.TrimLeft", "strings.Trim":
			if len(c.Args) > 0 && ph.isPath(c.Args[0]) {
				ph.pathVars[id.Name] = true
				ph.trimmed[id.Name] = ph.cutsSlash(c)
			}
		case "strings.Split", "strings.SplitN":
			// parts := strings.Split(r.URL.Path, "/"): parts[1] is the
			// first segment, parts[0] once the leading slash is cut.
			if len(c.Args) >= 2 {
				if sep, ok := strLit(c.Args[1]); ok && sep == "/" {
					if first, ok := ph.firstSegment(c.Args[0]); ok {
						ph.segVars[id.Name] = first
					}
				}
			}
		}
		return
	}
	if ph.isPath(rhs) {
		ph.pathVars[id.Name] = true
	}
}

// cutsSlash says a trim of the path cuts its leading slash.
func (ph *parsedHandler) cutsSlash(c *ast.CallExpr) bool {
	switch exprText(c.Fun) {
	case "strings.TrimPrefix", "strings.TrimLeft", "strings.Trim":
		cut, ok := strLit(arg(c.Args, 1))
		return ok && strings.Contains(cut, "/")
	}
	return false
}

// firstSegment is the index of the first segment when e, the request's
// path or a trim of it, is split at its slashes.
func (ph *parsedHandler) firstSegment(e ast.Expr) (int, bool) {
	if c, ok := unparen(e).(*ast.CallExpr); ok && len(c.Args) > 0 && ph.isPath(c.Args[0]) {
		if ph.cutsSlash(c) {
			return 0, true
		}
		return 1, exprText(c.Fun) == "strings.TrimSuffix" || exprText(c.Fun) == "strings.TrimRight"
	}
	if !ph.isPath(e) {
		return 0, false
	}
	if id, ok := unparen(e).(*ast.Ident); ok && ph.trimmed[id.Name] {
		return 0, true
	}
	return 1, true
}

// isFirstSegment says an expression is the path's first segment:
// parts[1] of parts := strings.Split(r.URL.Path, "/").
func (ph *parsedHandler) isFirstSegment(e ast.Expr) bool {
	ix, ok := unparen(e).(*ast.IndexExpr)
	if !ok {
		return false
	}
	id, ok := unparen(ix.X).(*ast.Ident)
	if !ok {
		return false
	}
	first, ok := ph.segVars[id.Name]
	lit, isLit := unparen(ix.Index).(*ast.BasicLit)
	return ok && isLit && lit.Kind == token.INT && lit.Value == strconv.Itoa(first)
}

// isPath says an expression is the request's path.
func (ph *parsedHandler) isPath(e ast.Expr) bool {
	switch e := unparen(e).(type) {
	case *ast.Ident:
		return ph.pathVars[e.Name]
	case *ast.SelectorExpr:
		if e.Sel.Name != "Path" && e.Sel.Name != "RawPath" {
			return false
		}
		u, ok := unparen(e.X).(*ast.SelectorExpr)
		if !ok || u.Sel.Name != "URL" {
			return false
		}
		id, ok := unparen(u.X).(*ast.Ident)
		return ok && id.Name == ph.req
	case *ast.CallExpr:
		// r.URL.EscapedPath()
		if sel, ok := unparen(e.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "EscapedPath" {
			if u, ok := unparen(sel.X).(*ast.SelectorExpr); ok && u.Sel.Name == "URL" {
				id, ok := unparen(u.X).(*ast.Ident)
				return ok && id.Name == ph.req
			}
		}
	}
	return false
}

// switchCases reads a switch on the path (its cases' literals) or a
// tagless switch whose cases test the path.
func (ph *parsedHandler) switchCases(s *ast.SwitchStmt, prefix string) []pathCase {
	if s.Init != nil {
		ph.notePathVar(s.Init)
	}
	tagged := s.Tag != nil
	segment := tagged && ph.isFirstSegment(s.Tag)
	if tagged && !segment && !ph.isPath(s.Tag) {
		return nil
	}
	var out []pathCase
	for _, st := range s.Body.List {
		cc, ok := st.(*ast.CaseClause)
		if !ok {
			continue
		}
		if cc.List == nil {
			// default: an if chain on the path there is more branches.
			if len(cc.Body) == 1 {
				if is, ok := cc.Body[0].(*ast.IfStmt); ok {
					if more := ph.ifCases(is, prefix); len(more) > 0 {
						out = append(out, more...)
						continue
					}
				}
			}
			if c, ok := ph.branch("", nil, cc.Body, cc.Pos(), cc.Colon+1, cc.End(), prefix); ok {
				out = append(out, c)
			}
			continue
		}
		var paths []string
		var methods []string
		for _, e := range cc.List {
			if tagged {
				if v, ok := strLit(e); ok {
					if segment {
						// The segment and everything under it.
						v = "/" + v
						if v != "/" {
							v += "/"
						}
					}
					paths = append(paths, v)
				}
				continue
			}
			ps, ms := ph.pathTest(e)
			paths, methods = append(paths, ps...), append(methods, ms...)
		}
		for _, p := range paths {
			if c, ok := ph.branch(p, methods, cc.Body, cc.Pos(), cc.Colon+1, cc.End(), prefix); ok {
				out = append(out, c)
			}
		}
	}
	return out
}

// ifCases reads an if / else if chain whose tests are on the path; the
// final else is the branch no test takes.
func (ph *parsedHandler) ifCases(s *ast.IfStmt, prefix string) []pathCase {
	var out []pathCase
	for s != nil {
		if s.Init != nil {
			return nil
		}
		paths, methods := ph.pathTest(s.Cond)
		if len(paths) == 0 {
			return nil
		}
		for _, p := range paths {
			if c, ok := ph.branch(p, methods, s.Body.List, s.Pos(), s.Body.Lbrace+1, s.Body.Rbrace, prefix); ok {
				out = append(out, c)
			}
		}
		switch e := s.Else.(type) {
		case *ast.IfStmt:
			s = e
		case *ast.BlockStmt:
			if c, ok := ph.branch("", nil, e.List, e.Pos(), e.Lbrace+1, e.Rbrace, prefix); ok {
				out = append(out, c)
			}
			s = nil
		default:
			s = nil
		}
	}
	return out
}

// pathTest reads a test on the path: r.URL.Path == "/a",
// strings.HasPrefix(r.URL.Path, "/raw/"), either joined by ||, and a
// method test joined by && (r.Method == "POST").
func (ph *parsedHandler) pathTest(e ast.Expr) (paths, methods []string) {
	switch e := unparen(e).(type) {
	case *ast.BinaryExpr:
		switch e.Op {
		case token.LOR:
			p1, m1 := ph.pathTest(e.X)
			p2, m2 := ph.pathTest(e.Y)
			if len(p1) == 0 || len(p2) == 0 {
				return nil, nil
			}
			return append(p1, p2...), append(m1, m2...)
		case token.LAND:
			p1, m1 := ph.pathTest(e.X)
			p2, m2 := ph.pathTest(e.Y)
			if m := ph.methodTest(e.Y, token.EQL); m != "" {
				m2 = append(m2, m)
			}
			if m := ph.methodTest(e.X, token.EQL); m != "" {
				m1 = append(m1, m)
			}
			return append(p1, p2...), append(m1, m2...)
		case token.EQL:
			for _, pair := range [][2]ast.Expr{{e.X, e.Y}, {e.Y, e.X}} {
				if ph.isPath(pair[0]) {
					if v, ok := strLit(pair[1]); ok {
						return []string{v}, nil
					}
				}
			}
		}
	case *ast.CallExpr:
		if exprText(e.Fun) == "strings.HasPrefix" && len(e.Args) == 2 && ph.isPath(e.Args[0]) {
			if v, ok := strLit(e.Args[1]); ok {
				return []string{v}, nil
			}
		}
	}
	return nil, nil
}

// methodTest reads r.Method compared with op to a method name.
func (ph *parsedHandler) methodTest(e ast.Expr, op token.Token) string {
	b, ok := unparen(e).(*ast.BinaryExpr)
	if !ok || b.Op != op {
		return ""
	}
	for _, pair := range [][2]ast.Expr{{b.X, b.Y}, {b.Y, b.X}} {
		if sel, ok := unparen(pair[0]).(*ast.SelectorExpr); ok && sel.Sel.Name == "Method" {
			if id, ok := unparen(sel.X).(*ast.Ident); ok && id.Name == ph.req {
				return methodName(pair[1])
			}
		}
	}
	return ""
}

// methodName is "POST" for "POST" or http.MethodPost.
func methodName(e ast.Expr) string {
	if v, ok := strLit(e); ok {
		return strings.ToUpper(v)
	}
	if sel, ok := unparen(e).(*ast.SelectorExpr); ok {
		if m, ok := strings.CutPrefix(sel.Sel.Name, "Method"); ok && m != "" {
			return strings.ToUpper(m)
		}
	}
	return ""
}

// branch is one branch as a case, when it serves: it hands the request to
// a call (other than http.NotFound and http.Error) or writes a response.
func (ph *parsedHandler) branch(path string, methods []string, body []ast.Stmt, at, start, end token.Pos, prefix string) (pathCase, bool) {
	var calls []*ast.CallExpr
	writes := false
	for _, st := range body {
		ast.Inspect(st, func(n ast.Node) bool {
			c, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			switch exprText(c.Fun) {
			case "http.NotFound", "http.Error":
				return true
			}
			if ph.passesReq(c) {
				calls = append(calls, c)
			} else if ph.writes(c) {
				writes = true
			}
			return true
		})
	}
	if len(calls) == 0 && !writes {
		return pathCase{}, false
	}
	c := pathCase{path: path, methods: methods, line: ph.line(at)}
	c.methods = append(c.methods, ph.branchMethods(body)...)
	c.body = prefix + "\n" + ph.src(start, end) + "\n}"
	if len(calls) == 1 {
		switch unparen(calls[0].Fun).(type) {
		case *ast.Ident, *ast.SelectorExpr:
			c.call = calls[0]
		}
	}
	return c, true
}

// branchMethods reads the methods a branch answers from its own tests:
// if r.Method != "POST" { ...refuse }, if r.Method == "GET" { ... } else
// if ..., switch r.Method { case "GET": ... }.
func (ph *parsedHandler) branchMethods(body []ast.Stmt) []string {
	var out []string
	for _, st := range body {
		switch s := st.(type) {
		case *ast.IfStmt:
			if m := ph.methodTest(s.Cond, token.NEQ); m != "" {
				return []string{m}
			}
			for s != nil {
				m := ph.methodTest(s.Cond, token.EQL)
				if m == "" {
					break
				}
				out = append(out, m)
				s, _ = s.Else.(*ast.IfStmt)
			}
		case *ast.SwitchStmt:
			sel, ok := unparen(s.Tag).(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "Method" {
				continue
			}
			if id, ok := unparen(sel.X).(*ast.Ident); !ok || id.Name != ph.req {
				continue
			}
			for _, cs := range s.Body.List {
				if cc, ok := cs.(*ast.CaseClause); ok {
					for _, e := range cc.List {
						if m := methodName(e); m != "" {
							out = append(out, m)
						}
					}
				}
			}
		}
	}
	return out
}

// passesReq says a call is handed the request.
func (ph *parsedHandler) passesReq(c *ast.CallExpr) bool {
	for _, a := range c.Args {
		if id, ok := unparen(a).(*ast.Ident); ok && id.Name == ph.req {
			return true
		}
	}
	return false
}

// writes says a call writes the response: w.Write(...), fmt.Fprintf(w,
// ...), io.WriteString(w, ...), a template executed into w.
func (ph *parsedHandler) writes(c *ast.CallExpr) bool {
	if ph.w == "" {
		return false
	}
	if sel, ok := unparen(c.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Write" {
		if id, ok := unparen(sel.X).(*ast.Ident); ok && id.Name == ph.w {
			return true
		}
	}
	for _, a := range c.Args {
		if id, ok := unparen(a).(*ast.Ident); ok && id.Name == ph.w {
			return true
		}
	}
	return false
}

// strLit is a string literal's value.
func strLit(e ast.Expr) (string, bool) {
	b, ok := unparen(e).(*ast.BasicLit)
	if !ok || b.Kind != token.STRING {
		return "", false
	}
	v, err := strconv.Unquote(b.Value)
	return v, err == nil
}
