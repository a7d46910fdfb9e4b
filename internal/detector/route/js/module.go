package js

import (
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/syntax"
)

// importRef is one imported binding: the module specifier as written and
// the exported name it reads ("default" for a default import or a
// CommonJS require, "*" for a namespace import).
type importRef struct {
	from string
	name string
}

// ref points at a value: a local key in the same file, or an inline
// require('./x') / import('./x').
type ref struct {
	local string
	imp   *importRef
}

// strPart is a literal piece of a path or the name of a constant that
// holds one; paths are resolved once every file's constants are known.
type strPart struct {
	lit   string
	ident string
}

type strExpr []strPart

// funcInfo is a named function's source, so a route whose handler is
// named (even in another file) gets its body for tags and auth.
type funcInfo struct {
	text string
	key  string // fn@N of the function node, for its return value
	line int
}

func newFuncInfo(t *syntax.Tree, n *syntax.Node) funcInfo {
	return funcInfo{text: t.Text(n), key: fnKey(n), line: syntax.Line(n)}
}

// retVal is what a function returns when that is a router: one of its
// parameters (routes(router) hands the router back) or a local name
// (a factory's own express.Router()).
type retVal struct {
	param int // index of the returned parameter, or -1
	local string
}

// module is what the first pass learns about a file's bindings.
type module struct {
	path    string
	imports map[string]importRef // local name -> import
	exports map[string]ref       // export name -> value
	consts  map[string]strExpr   // const name -> string value
	funcs   map[string]funcInfo  // function name -> source
	// classes are class declarations by name: a NestJS guard or
	// middleware is a class whose code the auth analysis reads.
	classes map[string]funcInfo
	members map[string]string // const a = b.c: local name -> member it names
	// made are names bound to what a middleware factory returns: const
	// requireAuth = jwt({...}), const auth = { required: jwt({...}) },
	// auth.optional = jwt({...}). A guard applied by such a name does
	// what the call that made it does.
	made    map[string]madeGuard
	aliases map[string]string // function name -> fn@N key of a plugin/setup function
	// instances are names bound to a new instance of a class:
	// this.apiRouter = new ApiRouter(this) gives this.apiRouter -> ApiRouter.
	instances map[string]string
	returns   map[string]retVal // fn@N key -> the name it returns
	libs      map[string]bool   // server frameworks the file imports
	// reexports are modules whose every export this one hands on:
	// module.exports = require('./x') and export * from './x', the way an
	// index file stands for its folder.
	reexports []string
}

func newModule(p string) *module {
	return &module{
		path:      p,
		imports:   map[string]importRef{},
		exports:   map[string]ref{},
		consts:    map[string]strExpr{},
		funcs:     map[string]funcInfo{},
		classes:   map[string]funcInfo{},
		members:   map[string]string{},
		made:      map[string]madeGuard{},
		aliases:   map[string]string{},
		instances: map[string]string{},
		returns:   map[string]retVal{},
		libs:      map[string]bool{},
	}
}

// serverLibs maps an import specifier to the framework it brings.
var serverLibs = map[string]string{
	"express":           fwExpress,
	"fastify":           fwFastify,
	"koa":               fwKoa,
	"@koa/router":       fwKoa,
	"koa-router":        fwKoa,
	"hono":              fwHono,
	"@hono/zod-openapi": fwHono,
}

// requireSpec returns the specifier of require('x') or import('x').
func requireSpec(t *syntax.Tree, n *syntax.Node) (string, bool) {
	if n == nil {
		return "", false
	}
	if n.Type() == "await_expression" && n.NamedChildCount() > 0 {
		n = n.NamedChild(0)
	}
	if n.Type() != "call_expression" {
		return "", false
	}
	fn := n.ChildByFieldName("function")
	if fn == nil || (fn.Type() != "import" && !(fn.Type() == "identifier" && t.Text(fn) == "require")) {
		return "", false
	}
	args := argList(n)
	if len(args) != 1 {
		return "", false
	}
	return t.StringValue(args[0])
}

// argList is a call's arguments as named nodes, comments left out.
func argList(call *syntax.Node) []*syntax.Node {
	args := call.ChildByFieldName("arguments")
	if args == nil {
		return nil
	}
	var out []*syntax.Node
	for _, c := range syntax.NamedChildren(args) {
		if c.Type() != "comment" {
			out = append(out, c)
		}
	}
	return out
}

// collectBindings is the first pass: imports, exports, string constants
// and named functions, wherever they are declared (the namespace is flat:
// good enough for route files, which rarely shadow).
func (m *module) collectBindings(t *syntax.Tree) {
	syntax.Walk(t.Root(), func(n *syntax.Node) bool {
		switch n.Type() {
		case "import_statement":
			m.importStatement(t, n)
			return false
		case "export_statement":
			m.exportStatement(t, n)
		case "variable_declarator":
			m.declarator(t, n)
		case "function_declaration", "generator_function_declaration":
			if name := n.ChildByFieldName("name"); name != nil {
				m.funcs[t.Text(name)] = newFuncInfo(t, n)
			}
			m.noteReturn(t, n)
		case "function_expression", "function", "arrow_function", "method_definition":
			m.noteReturn(t, n)
			if n.Type() == "method_definition" {
				// A class's method, as Class.method, for a guard named
				// through an instance (this.auth.check) or this.
				if c := enclosingClass(n); c != nil && c.Type() == "class_declaration" {
					cn, mn := c.ChildByFieldName("name"), n.ChildByFieldName("name")
					if cn != nil && mn != nil {
						m.classes[t.Text(cn)+"."+t.Text(mn)] = newFuncInfo(t, n)
					}
				}
			}
		case "assignment_expression":
			m.assignment(t, n)
		case "class_declaration":
			if name := n.ChildByFieldName("name"); name != nil {
				m.classes[t.Text(name)] = newFuncInfo(t, n)
			}
		case "call_expression":
			m.decoration(t, n)
		}
		return true
	})
}

func (m *module) importStatement(t *syntax.Tree, n *syntax.Node) {
	src, ok := t.StringValue(n.ChildByFieldName("source"))
	if !ok {
		return
	}
	if fw, ok := serverLibs[src]; ok {
		m.libs[fw] = true
	}
	if strings.HasPrefix(src, "@nestjs/") {
		m.libs[fwNest] = true
	}
	ImportBindings(t, n, func(local, name string) {
		m.imports[local] = importRef{from: src, name: name}
	})
}

// ImportBindings calls bind for each name an ES import statement n binds:
// its local name and the name it has in the module ("default" for a
// default import, "*" for a namespace). The data-flow frontend reads
// imports the same way.
func ImportBindings(t *syntax.Tree, n *syntax.Node, bind func(local, name string)) {
	for _, clause := range syntax.NamedChildren(n) {
		if clause.Type() != "import_clause" {
			continue
		}
		for _, c := range syntax.NamedChildren(clause) {
			switch c.Type() {
			case "identifier":
				bind(t.Text(c), "default")
			case "namespace_import":
				if c.NamedChildCount() > 0 {
					bind(t.Text(c.NamedChild(0)), "*")
				}
			case "named_imports":
				for _, spec := range syntax.NamedChildren(c) {
					if spec.Type() != "import_specifier" {
						continue
					}
					name := t.Text(spec.ChildByFieldName("name"))
					local := name
					if a := spec.ChildByFieldName("alias"); a != nil {
						local = t.Text(a)
					}
					bind(local, name)
				}
			}
		}
	}
}

func (m *module) exportStatement(t *syntax.Tree, n *syntax.Node) {
	src, hasSrc := t.StringValue(n.ChildByFieldName("source"))
	if hasSrc && isStarExport(n) {
		m.reexports = append(m.reexports, src)
		return
	}
	if v := n.ChildByFieldName("value"); v != nil {
		// export default <expr>
		if r, ok := m.valueRef(t, v); ok {
			m.exports["default"] = r
		}
		return
	}
	if d := n.ChildByFieldName("declaration"); d != nil {
		switch d.Type() {
		case "function_declaration", "class_declaration", "generator_function_declaration":
			if name := d.ChildByFieldName("name"); name != nil {
				key := "default"
				if !isDefaultExport(t, n) {
					key = t.Text(name)
				}
				m.exports[key] = ref{local: t.Text(name)}
			}
		case "lexical_declaration", "variable_declaration":
			for _, c := range syntax.NamedChildren(d) {
				if v := c; v.Type() == "variable_declarator" {
					if name := v.ChildByFieldName("name"); name != nil && name.Type() == "identifier" {
						m.exports[t.Text(name)] = ref{local: t.Text(name)}
					}
				}
			}
		}
		return
	}
	for _, clause := range syntax.NamedChildren(n) {
		if clause.Type() != "export_clause" {
			continue
		}
		for _, spec := range syntax.NamedChildren(clause) {
			if spec.Type() != "export_specifier" {
				continue
			}
			name := t.Text(spec.ChildByFieldName("name"))
			alias := name
			if a := spec.ChildByFieldName("alias"); a != nil {
				alias = t.Text(a)
			}
			if hasSrc {
				m.exports[alias] = ref{imp: &importRef{from: src, name: name}}
			} else {
				m.exports[alias] = ref{local: name}
			}
		}
	}
}

// isStarExport says n is export * from './x' (not export * as ns from).
func isStarExport(n *syntax.Node) bool {
	star := false
	for _, c := range syntax.Children(n) {
		switch c.Type() {
		case "*":
			star = true
		case "namespace_export", "export_clause":
			return false
		}
	}
	return star
}

func isDefaultExport(t *syntax.Tree, n *syntax.Node) bool {
	for _, c := range syntax.Children(n) {
		if c.Type() == "default" {
			return true
		}
	}
	return false
}

// valueRef turns an exported or mounted expression into a ref: a name,
// an inline require, or a wrapped plugin (fp(plugin), fp(async f => ...)).
func (m *module) valueRef(t *syntax.Tree, v *syntax.Node) (ref, bool) {
	for range 4 {
		switch v.Type() {
		case "identifier":
			return ref{local: t.Text(v)}, true
		case "member_expression":
			if obj := v.ChildByFieldName("object"); obj != nil && obj.Type() == "this" {
				return ref{local: t.Text(v)}, true
			}
			return ref{}, false
		case "function_expression", "function", "arrow_function", "function_declaration":
			return ref{local: fnKey(v)}, true
		case "parenthesized_expression", "await_expression", "as_expression", "satisfies_expression":
			if v.NamedChildCount() == 0 {
				return ref{}, false
			}
			v = v.NamedChild(0)
			continue
		case "call_expression":
			if spec, ok := requireSpec(t, v); ok {
				return ref{imp: &importRef{from: spec, name: "default"}}, true
			}
			// module.exports = router.routes(): a Koa router handed on as
			// its middleware is the router.
			if fn := v.ChildByFieldName("function"); fn != nil && fn.Type() == "member_expression" && len(argList(v)) == 0 {
				if obj := fn.ChildByFieldName("object"); obj != nil && obj.Type() == "identifier" {
					if p := t.Text(fn.ChildByFieldName("property")); p == "routes" || p == "middleware" {
						return ref{local: t.Text(obj)}, true
					}
				}
			}
			// A wrapper such as fastify-plugin's fp(fn): follow its first argument.
			args := argList(v)
			if len(args) == 0 {
				return ref{}, false
			}
			v = args[0]
			continue
		}
		return ref{}, false
	}
	return ref{}, false
}

// fnKey names a function node by its position: plugin and setup functions
// are routers whose name is whatever binds them.
func fnKey(n *syntax.Node) string {
	return "fn@" + itoa(int(n.StartByte()))
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b [20]byte
	p := len(b)
	for i > 0 {
		p--
		b[p] = byte('0' + i%10)
		i /= 10
	}
	return string(b[p:])
}

func (m *module) declarator(t *syntax.Tree, n *syntax.Node) {
	name, value := n.ChildByFieldName("name"), n.ChildByFieldName("value")
	if name == nil || value == nil {
		return
	}
	if name.Type() == "object_pattern" {
		// const { list, create: make } = require('./c')
		spec, ok := requireSpec(t, value)
		if !ok {
			return
		}
		for _, p := range syntax.NamedChildren(name) {
			switch p.Type() {
			case "shorthand_property_identifier_pattern":
				m.imports[t.Text(p)] = importRef{from: spec, name: t.Text(p)}
			case "pair_pattern":
				k, v := p.ChildByFieldName("key"), p.ChildByFieldName("value")
				if k != nil && v != nil && v.Type() == "identifier" {
					m.imports[t.Text(v)] = importRef{from: spec, name: t.Text(k)}
				}
			}
		}
		return
	}
	if name.Type() != "identifier" {
		return
	}
	if value.Type() == "member_expression" && value.ChildByFieldName("object").Type() == "identifier" {
		// const isLoggedIn = sessionHandler.isLoggedInMiddleware: a guard
		// named by an alias.
		m.members[t.Text(name)] = t.Text(value)
	}
	local := t.Text(name)
	if spec, ok := requireSpec(t, value); ok {
		m.imports[local] = importRef{from: spec, name: "default"}
		if fw, ok := serverLibs[spec]; ok {
			m.libs[fw] = true
		}
		return
	}
	switch value.Type() {
	case "arrow_function", "function_expression", "function":
		m.funcs[local] = newFuncInfo(t, value)
		return
	}
	if fn := wrappedFunc(value); fn != nil {
		m.funcs[local] = newFuncInfo(t, fn)
		return
	}
	m.noteMade(t, local, value)
	if value.Type() == "object" {
		for _, p := range syntax.NamedChildren(value) {
			if k, v := p.ChildByFieldName("key"), p.ChildByFieldName("value"); p.Type() == "pair" && k != nil && v != nil {
				m.noteMade(t, local+"."+strings.Trim(t.Text(k), `'"`), v)
			}
		}
	}
	if e, ok := m.strExpr(t, value); ok {
		if _, dup := m.consts[local]; dup {
			// Declared twice: ambiguous, so resolve neither.
			m.consts[local] = nil
			return
		}
		m.consts[local] = e
	}
}

// decoration reads fastify.decorate('authenticate', fn): fn is then
// called by that name (fastify.authenticate) as a hook or preHandler.
func (m *module) decoration(t *syntax.Tree, n *syntax.Node) {
	fn := n.ChildByFieldName("function")
	if fn == nil || fn.Type() != "member_expression" || t.Text(fn.ChildByFieldName("property")) != "decorate" {
		return
	}
	args := argList(n)
	if len(args) < 2 || !isFunc(args[1]) {
		return
	}
	if name, ok := t.StringValue(args[0]); ok {
		if _, dup := m.funcs[name]; !dup {
			m.funcs[name] = newFuncInfo(t, args[1])
		}
	}
}

// assignment reads CommonJS exports: module.exports = x,
// module.exports = { a, b: c }, exports.a = x, module.exports.a = x.
func (m *module) assignment(t *syntax.Tree, n *syntax.Node) {
	left, right := n.ChildByFieldName("left"), n.ChildByFieldName("right")
	if left == nil || right == nil || left.Type() != "member_expression" {
		return
	}
	lt := t.Text(left)
	switch {
	case lt == "module.exports":
		if right.Type() == "object" {
			for _, p := range syntax.NamedChildren(right) {
				switch p.Type() {
				case "shorthand_property_identifier":
					m.exports[t.Text(p)] = ref{local: t.Text(p)}
				case "pair":
					k, v := p.ChildByFieldName("key"), p.ChildByFieldName("value")
					if k == nil || v == nil {
						continue
					}
					key := strings.Trim(t.Text(k), `'"`)
					if r, ok := m.valueRef(t, v); ok {
						m.exports[key] = r
					}
					if isFunc(v) {
						m.funcs[key] = newFuncInfo(t, v)
					} else if fn := wrappedFunc(v); fn != nil {
						m.funcs[key] = newFuncInfo(t, fn)
						m.exports[key] = ref{local: key}
					}
				case "method_definition":
					if k := p.ChildByFieldName("name"); k != nil {
						m.funcs[t.Text(k)] = newFuncInfo(t, p)
						m.exports[t.Text(k)] = ref{local: t.Text(k)}
					}
				}
			}
			return
		}
		if r, ok := m.valueRef(t, right); ok {
			m.exports["default"] = r
		}
		if spec, ok := requireSpec(t, right); ok {
			m.reexports = append(m.reexports, spec)
		}
	case strings.HasPrefix(lt, "exports.") || strings.HasPrefix(lt, "module.exports."):
		key := lt[strings.LastIndexByte(lt, '.')+1:]
		if fn := wrappedFunc(right); isFunc(right) || fn != nil {
			if fn == nil {
				fn = right
			}
			m.funcs[key] = newFuncInfo(t, fn)
			m.exports[key] = ref{local: key}
			return
		}
		if r, ok := m.valueRef(t, right); ok {
			m.exports[key] = r
		}
	case left.ChildByFieldName("object") != nil && left.ChildByFieldName("object").Type() == "identifier" && !strings.HasPrefix(lt, "exports."):
		// auth.required = jwt({...}): a guard kept as an object's member.
		m.noteMade(t, lt, right)
	case strings.HasPrefix(lt, "this.") && strings.Count(lt, ".") == 1 && isFunc(right):
		// A constructor's method (this.isLoggedIn = function ...): the
		// auth analysis looks guards up by name.
		key := lt[len("this."):]
		if _, dup := m.funcs[key]; !dup {
			m.funcs[key] = newFuncInfo(t, right)
		}
	}
}

// madeGuard is the call a name was bound to: the middleware factory it
// calls, as written, and whether its options let a caller without
// credentials through.
type madeGuard struct {
	callee   string
	optional bool
	line     int
}

// optionalCreds are a token middleware's options that let a request
// without a token through: express-jwt's credentialsRequired: false,
// koa-jwt's passthrough: true.
var optionalCreds = regexp.MustCompile(`\bcredentialsRequired\s*:\s*false\b|\bpassthrough\s*:\s*true\b`)

// noteMade records name as bound to the value of a call.
func (m *module) noteMade(t *syntax.Tree, name string, value *syntax.Node) {
	if value == nil || value.Type() != "call_expression" {
		return
	}
	if _, ok := requireSpec(t, value); ok {
		return
	}
	callee := mwName(t, value)
	if callee == "" {
		return
	}
	m.made[name] = madeGuard{callee: callee, line: syntax.Line(value), optional: optionalArgs(t, value)}
}

// optionalArgs reports whether a middleware factory's call is given
// options that let a request without credentials through.
func optionalArgs(t *syntax.Tree, call *syntax.Node) bool {
	for _, a := range argList(call) {
		if a.Type() == "object" && optionalCreds.MatchString(t.Text(a)) {
			return true
		}
	}
	return false
}

// noteReturn records the name a function returns, when it returns a bare
// name: the router a factory builds or the router it was handed.
func (m *module) noteReturn(t *syntax.Tree, fn *syntax.Node) {
	body := fn.ChildByFieldName("body")
	if body == nil {
		return
	}
	name := ""
	if body.Type() != "statement_block" {
		name = returnedName(t, body) // (router) => router
	} else {
		name = blockReturn(t, body, 0)
	}
	if name == "" {
		return
	}
	ret := retVal{param: -1, local: name}
	for i, p := range paramNames(t, fn) {
		if p == name {
			ret.param = i
		}
	}
	m.returns[fnKey(fn)] = ret
}

// blockReturn finds the first `return name` in a function body, looking
// into blocks (if, try) but not into nested functions.
func blockReturn(t *syntax.Tree, n *syntax.Node, depth int) string {
	if depth > 8 {
		return ""
	}
	for _, c := range syntax.NamedChildren(n) {
		switch c.Type() {
		case "return_statement":
			if c.NamedChildCount() > 0 {
				if name := returnedName(t, c.NamedChild(0)); name != "" {
					return name
				}
			}
		case "statement_block", "if_statement", "else_clause", "try_statement", "finally_clause":
			if name := blockReturn(t, c, depth+1); name != "" {
				return name
			}
		}
	}
	return ""
}

func returnedName(t *syntax.Tree, n *syntax.Node) string {
	for n != nil && (n.Type() == "parenthesized_expression" || n.Type() == "as_expression") && n.NamedChildCount() > 0 {
		n = n.NamedChild(0)
	}
	if n != nil && n.Type() == "identifier" {
		return t.Text(n)
	}
	return ""
}

// paramNames lists a function's parameter names ("" for a pattern).
func paramNames(t *syntax.Tree, fn *syntax.Node) []string {
	if p := fn.ChildByFieldName("parameter"); p != nil {
		return []string{t.Text(p)}
	}
	params := fn.ChildByFieldName("parameters")
	if params == nil {
		return nil
	}
	var out []string
	for _, p := range syntax.NamedChildren(params) {
		switch p.Type() {
		case "required_parameter", "optional_parameter":
			p = p.ChildByFieldName("pattern")
		case "assignment_pattern":
			p = p.ChildByFieldName("left")
		case "comment":
			continue
		}
		if p != nil && p.Type() == "identifier" {
			out = append(out, t.Text(p))
		} else {
			out = append(out, "")
		}
	}
	return out
}

// wrappedFunc is the function an async wrapper is handed as its one
// argument (catchAsync(async (req, res, next) => {...}), asyncHandler(
// function (req, res) {...}), or one wrapped twice): the wrapper only
// passes the request on and forwards a rejected promise, so the
// function's body is the guard's or handler's. nil for anything else.
func wrappedFunc(n *syntax.Node) *syntax.Node {
	for depth := 0; n != nil && n.Type() == "call_expression" && depth < 3; depth++ {
		args := argList(n)
		if len(args) != 1 {
			return nil
		}
		if isFunc(args[0]) {
			return args[0]
		}
		n = args[0]
	}
	return nil
}

func isFunc(n *syntax.Node) bool {
	switch n.Type() {
	case "arrow_function", "function_expression", "function", "function_declaration", "method_definition":
		return true
	}
	return false
}

// strExpr reads an expression that builds a path: literals, template
// literals, + concatenation, constants, and `process.env.X || '/api'`
// (the literal fallback is what the code serves by default).
func (m *module) strExpr(t *syntax.Tree, n *syntax.Node) (strExpr, bool) {
	if n == nil {
		return nil, false
	}
	if s, ok := t.StringValue(n); ok {
		return strExpr{{lit: s}}, true
	}
	switch n.Type() {
	case "identifier":
		return strExpr{{ident: t.Text(n)}}, true
	case "member_expression":
		// config.prefix, API.users: resolvable only as a const object,
		// which we do not track; keep it so the path is dropped, not guessed.
		return strExpr{{ident: t.Text(n)}}, true
	case "parenthesized_expression", "as_expression", "satisfies_expression":
		if n.NamedChildCount() == 0 {
			return nil, false
		}
		return m.strExpr(t, n.NamedChild(0))
	case "template_string":
		var out strExpr
		for _, c := range syntax.NamedChildren(n) {
			switch c.Type() {
			case "string_fragment":
				out = append(out, strPart{lit: t.Text(c)})
			case "template_substitution":
				if c.NamedChildCount() != 1 {
					return nil, false
				}
				e, ok := m.strExpr(t, c.NamedChild(0))
				if !ok {
					return nil, false
				}
				out = append(out, e...)
			case "escape_sequence":
				out = append(out, strPart{lit: strings.TrimPrefix(t.Text(c), `\`)})
			}
		}
		return out, true
	case "binary_expression":
		op := n.ChildByFieldName("operator")
		l, r := n.ChildByFieldName("left"), n.ChildByFieldName("right")
		switch t.Text(op) {
		case "+":
			a, ok := m.strExpr(t, l)
			if !ok {
				return nil, false
			}
			b, ok := m.strExpr(t, r)
			if !ok {
				return nil, false
			}
			return append(append(strExpr{}, a...), b...), true
		case "||", "??":
			if s, ok := t.StringValue(r); ok {
				return strExpr{{lit: s}}, true
			}
		}
	}
	return nil, false
}
