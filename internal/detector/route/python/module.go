package python

import (
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/syntax"
)

// A module is what one Python file declares that routing can depend on,
// copied out of the syntax tree so the tree can be freed before Finish.
type module struct {
	path   string // repo-relative file
	dotted string // app/routers/items.py → app.routers.items
	pkg    string // the package relative imports start from

	imports map[string]importRef
	// assigns holds the value last bound to each name; a module-level
	// binding wins over one inside a function (constants, app objects).
	assigns map[string]*expr
	// appends are later additions to urlpatterns (+= [...], .append,
	// .extend): the only list whose additions Finish reads.
	appends map[string][]*expr
	funcs   map[string]*function
	classes map[string]*class
	// calls are the method calls that mount, register or add routes,
	// wherever they appear (app factories register inside functions).
	calls []*expr
	// usesFlask / usesFastAPI say which framework an unresolved
	// decorator object most likely belongs to.
	usesFlask, usesFastAPI bool
	usesAiohttp            bool
	usesPyramid            bool
}

// importRef is what a local name is bound to: a module, or a name in one.
type importRef struct {
	module string // absolute dotted name (relative imports resolved)
	name   string // "" when the local name is the module itself
}

type function struct {
	name    string
	line    int // the first decorator's line, or the def line
	endLine int
	// Most functions have no decorators and no parameter Finish reads:
	// they share noDetail.
	*funcDetail
	src  *packedSource
	body span // the def, to its end
}

type funcDetail struct {
	decorators []*expr
	// params are kept for functions and for the methods a class-based
	// view routes by HTTP verb, the only ones whose params are read.
	params []param
	// perms are a DRF get_permissions method's branches, when simple.
	perms []permRule
	// forward is a method that hands its arguments on to a registration
	// of its own object (self.add_resource(resource, *urls)).
	forward *forward
	// makes is the callee of the call a module-level function returns
	// as its one return (def get_settings(): return Settings()), so that
	// get_settings().API_PREFIX reads the class's default.
	makes *expr
}

// noDetail is the detail of every function with none. Never write to it.
var noDetail = &funcDetail{}

// source is the function's source, def to end (Finish only: not safe
// for concurrent use).
func (f *function) source() string { return f.src.text(f.body) }

type param struct {
	name       string
	annotation *expr
	def        *expr // only a default that may declare a dependency (mayDepend)
}

type class struct {
	name       string
	line       int
	endLine    int
	bases      []*expr
	decorators []*expr
	methods    map[string]*function
	attrs      map[string]*expr

	src *packedSource
	// head is the class line up to its body; members are the body's
	// statements other than methods.
	head    span
	members []span
	body    string // head and members, once read (see source)
}

// source is the class's source without its methods: what a route the
// class serves through an inherited method can be judged by. It is read
// from the packed file on first use (Finish only).
func (c *class) source() string {
	if c.body == "" {
		var b strings.Builder
		b.WriteString(c.src.text(c.head))
		for _, m := range c.members {
			b.WriteString(c.src.text(m))
			b.WriteByte('\n')
		}
		c.body = b.String()
	}
	return c.body
}

type exprKind uint8

const (
	exOther exprKind = iota
	exStr
	exFString // parts: literal strings and interpolated expressions
	exName
	exAttr
	exCall
	exList // list, tuple or set
	exDict
	exAdd // binary +: parts
	exSplat
	exAnd // binary &: items left and right (DRF's permission composition)
	exOr  // binary |: items left and right
)

// expr is the little of a Python expression routing needs. The strings
// of one expression and its parts share one copy of its source text.
type expr struct {
	text  string
	str   string           // exStr value
	name  string           // exName identifier, exAttr attribute
	obj   *expr            // exAttr object, exSplat value
	fn    *expr            // exCall callee
	items []*expr          // exCall positional args, exList items, exFString/exAdd parts
	kw    map[string]*expr // exCall keyword args, exDict string keys; nil when none
	line  int32
	kind  exprKind
}

// arg returns positional argument i or keyword name of a call.
func (e *expr) arg(i int, name string) *expr {
	if e == nil || e.kind != exCall {
		return nil
	}
	if v, ok := e.kw[name]; ok && name != "" {
		return v
	}
	if i >= 0 && i < len(e.items) {
		return e.items[i]
	}
	return nil
}

// callee is the last name of a call's function: "route" for app.route(...).
func (e *expr) callee() string {
	if e == nil || e.kind != exCall || e.fn == nil {
		return ""
	}
	switch e.fn.kind {
	case exName, exAttr:
		return e.fn.name
	}
	return ""
}

// dotted returns a.b.c for a name or attribute chain.
func (e *expr) dotted() (string, bool) {
	switch {
	case e == nil:
		return "", false
	case e.kind == exName:
		return e.name, true
	case e.kind == exAttr:
		o, ok := e.obj.dotted()
		return o + "." + e.name, ok
	}
	return "", false
}

// moduleName maps a file to its dotted module name and package.
func moduleName(p string) (dotted, pkg string) {
	p = lang.Stem(p)
	parts := strings.Split(p, "/")
	if parts[len(parts)-1] == "__init__" {
		parts = parts[:len(parts)-1]
		d := strings.Join(parts, ".")
		return d, d
	}
	return strings.Join(parts, "."), strings.Join(parts[:len(parts)-1], ".")
}

// urlpatterns is the Django URLconf list, the one list Finish reads
// additions to.
const urlpatterns = "urlpatterns"

// mountCalls are the method calls that build the routing tree.
var mountCalls = map[string]bool{
	"register_blueprint": true, "include_router": true, "add_resource": true,
	"add_url_rule": true, "add_api_route": true, "add_api_websocket_route": true,
	"add_websocket_route": true, "register": true, "add_namespace": true,
	"mount": true, "init_app": true, "before_request": true, "add_middleware": true,
	"before_app_request": true, "url_value_preprocessor": true, "app_url_value_preprocessor": true,
	"append": true, "extend": true, "add_router": true,
	"add_view": true, "add_view_no_menu": true, "add_api": true, // Flask-AppBuilder
	// aiohttp
	"add_get": true, "add_post": true, "add_put": true, "add_patch": true, "add_delete": true,
	"add_head": true, "add_options": true, "add_route": true, "add_routes": true, "add_subapp": true, "add_static": true,
	"blueprint": true, "static": true, "add_handlers": true, // Sanic, Tornado
	// Falcon
	"add_static_route": true,
	// Pyramid
	"add_static_view": true, "set_security_policy": true, "set_authorization_policy": true, "set_default_permission": true,
	// Pyramid's config.include(module, route_prefix=...)
	"include": true,
	// Bottle's app.route(path, callback=fn)
	"route": true,
}

// extract reads a parsed file into a module.
func extract(t *syntax.Tree, file string) *module {
	m := &module{
		path:    file,
		imports: map[string]importRef{},
		assigns: map[string]*expr{},
		appends: map[string][]*expr{},
		funcs:   map[string]*function{},
		classes: map[string]*class{},
	}
	m.dotted, m.pkg = moduleName(file)
	x := &extractor{t: t, m: m, lo: len(t.Src)}
	x.block(t.Root(), 0, nil)
	x.trim()
	if len(x.defs) > 0 {
		src := pack(t.Src, x.lo, x.hi)
		for _, f := range x.defs {
			f.src = src
		}
		for _, c := range x.classes {
			c.src = src
		}
	}
	return m
}

type extractor struct {
	t *syntax.Tree
	m *module
	// span is the source text of the expression being copied and
	// spanStart its offset: its parts' strings are slices of it.
	span      string
	spanStart uint32
	// defs and classes get the packed source once the file is read;
	// lo and hi bound what their spans cover.
	defs    []*function
	classes []*class
	lo, hi  int
}

// trim drops the arguments of bound calls that Finish can never read,
// once every binding of the module is known: rows = session.execute(...)
// in every function is most of what a module binds.
//
// Finish reads a bound call's arguments in two cases: it builds a
// routing object (ctorKind: the callee resolves to an in-tree class or to
// one of ctorNames), or it lists URL patterns (path(...) and the calls
// that wrap patterns, by name). Otherwise it reads only the callee: to
// resolve it (settings = Settings(), router = DefaultRouter(), a security
// scheme) and to know the name is bound.
func (x *extractor) trim() {
	for _, v := range x.m.assigns {
		if v.kind == exCall && !patternCall(v.callee()) && !x.mayConstruct(v.fn) {
			// Nothing reads the text of a bound call either (texts are
			// read from decorators, dependencies, permission lists and
			// mount calls): only the callee is kept.
			v.text, v.items, v.kw = "", nil, nil
			detach(v.fn)
		}
	}
	for _, f := range x.defs {
		if f.makes == nil {
			continue
		}
		if !x.mayConstruct(f.makes) {
			// Only a class's defaults are read through it.
			f.makes = nil
			if d := f.funcDetail; d.decorators == nil && d.params == nil && d.perms == nil && d.forward == nil {
				f.funcDetail = noDetail
			}
			continue
		}
		detach(f.makes)
	}
	for _, c := range x.classes {
		for name, v := range c.attrs {
			switch name {
			case "decorators", "method_decorators", "permission_classes":
				// Read whole: their text is guard evidence.
				continue
			}
			// A class attribute never constructs a routing object (only
			// module bindings are built), so only patterns and the
			// dependencies a class-based view shares need arguments.
			if v.kind == exCall && !patternCall(v.callee()) && !mayDepend(v) {
				v.text, v.items, v.kw = "", nil, nil
				detach(v.fn)
			}
		}
	}
}

// returnedTables are the constructors whose route table an app factory
// returns without binding it (Tornado's Application, Starlette,
// Litestar).
var returnedTables = map[string]bool{"Application": true, "Starlette": true, "Litestar": true}

func patternCall(name string) bool { return isPathCall(name) || wrapsPatterns(name) }

// mayConstruct says a bound call's callee may resolve, in Finish, to a
// routing object's class, judged by how index.resolve treats its first
// name: a name the module binds to a class (itself, not an attribute of
// it); anything imported; or, unbound, an external name ending in one of
// ctorNames. Names bound to functions or values resolve to no class.
func (x *extractor) mayConstruct(fn *expr) bool {
	if fn.kind == exOther && fn.obj != nil {
		fn = fn.obj // a generic class: JWTAuth[User](...)
	}
	dotted, ok := fn.dotted()
	if !ok {
		return false // (a)(), f()(): resolve gives a value, never a class
	}
	root, _, chained := strings.Cut(dotted, ".")
	switch {
	case x.m.classes[root] != nil:
		return !chained
	case x.m.funcs[root] != nil, x.m.assigns[root] != nil:
		return false
	}
	if _, ok := x.m.imports[root]; ok {
		return true
	}
	return ctorNames[dotted[strings.LastIndexByte(dotted, '.')+1:]]
}

// detach gives a trimmed call's callee its own copies of its strings,
// so the copy of the whole call's source can be freed.
func detach(e *expr) {
	for ; e != nil; e = e.obj {
		e.text = strings.Clone(e.text)
		if e.kind == exName {
			e.name = e.text
		} else {
			e.name = strings.Clone(e.name)
		}
		if e.kind != exAttr {
			return
		}
	}
}

// cover records a span of source that Finish may read.
func (x *extractor) cover(start, end uint32) span {
	x.lo, x.hi = min(x.lo, int(start)), max(x.hi, int(end))
	return span{start, end}
}

// block walks the statements of a module, function or class body. depth 0
// is module level; cls is the class whose body this is, if any.
func (x *extractor) block(n *syntax.Node, depth int, cls *class) {
	for _, c := range syntax.NamedChildren(n) {
		x.statement(c, depth, cls)
	}
}

func (x *extractor) statement(n *syntax.Node, depth int, cls *class) {
	switch n.Type() {
	case "import_statement":
		x.importStatement(n)
	case "import_from_statement":
		x.importFrom(n)
	case "expression_statement":
		for _, c := range syntax.NamedChildren(n) {
			x.expressionStatement(c, depth, cls)
		}
	case "decorated_definition":
		var decs []*expr
		for _, c := range syntax.NamedChildren(n) {
			if c.Type() == "decorator" && c.NamedChildCount() > 0 {
				decs = append(decs, x.expr(c.NamedChild(0)))
			}
		}
		if def := n.ChildByFieldName("definition"); def != nil {
			x.definition(def, syntax.Line(n), decs, depth, cls)
		}
	case "function_definition", "class_definition":
		x.definition(n, syntax.Line(n), nil, depth, cls)
	case "if_statement", "try_statement", "with_statement", "for_statement", "while_statement",
		"block", "else_clause", "elif_clause", "except_clause", "finally_clause":
		// Routes and mounts inside conditionals still count, at the
		// same depth: a constant set under `if DEBUG:` is still module-level.
		x.block(n, depth, cls)
	}
}

func (x *extractor) definition(n *syntax.Node, line int, decs []*expr, depth int, cls *class) {
	name := x.t.Text(n.ChildByFieldName("name"))
	body := n.ChildByFieldName("body")
	switch n.Type() {
	case "function_definition":
		f := &function{name: name, line: line, endLine: syntax.EndLine(n),
			body: x.cover(n.StartByte(), n.EndByte())}
		x.defs = append(x.defs, f)
		detail := funcDetail{decorators: decs}
		if cls == nil || decs != nil || slices.Contains(classVerbs, name) {
			// A class-based view's method keeps its bare parameters too:
			// Tornado passes the URL's groups to them in order.
			detail.params = x.params(n.ChildByFieldName("parameters"), cls != nil)
		}
		if cls != nil && name == "get_permissions" && body != nil {
			detail.perms = x.permRules(body)
		}
		if cls != nil && body != nil {
			detail.forward = x.forwardOf(n.ChildByFieldName("parameters"), body)
		}
		if cls == nil && body != nil {
			detail.makes = x.makes(body)
			if detail.makes != nil && returnedTables[detail.makes.name] {
				// def make_app(): return tornado.web.Application([...]):
				// the table is the app's, bound to no name.
				if _, ok := x.m.assigns[name+"()"]; !ok {
					x.m.assigns[name+"()"] = x.expr(soleReturnedCall(body))
				}
			}
		}
		f.funcDetail = noDetail
		if detail.decorators != nil || detail.params != nil || detail.perms != nil || detail.forward != nil || detail.makes != nil {
			f.funcDetail = &detail
		}
		if cls != nil {
			cls.methods[name] = f
		} else if _, ok := x.m.funcs[name]; !ok || depth == 0 {
			x.m.funcs[name] = f
		}
		if body != nil {
			x.block(body, depth+1, nil)
		}
	case "class_definition":
		c := &class{name: name, line: line, endLine: syntax.EndLine(n), decorators: decs,
			methods: map[string]*function{}, attrs: map[string]*expr{}}
		x.classBody(c, n, body)
		x.classes = append(x.classes, c)
		if sc := n.ChildByFieldName("superclasses"); sc != nil {
			for _, b := range syntax.NamedChildren(sc) {
				if b.Type() != "keyword_argument" {
					c.bases = append(c.bases, x.expr(b))
				}
			}
		}
		if _, ok := x.m.classes[name]; !ok || depth == 0 {
			x.m.classes[name] = c
		}
		if body != nil {
			x.block(body, depth+1, c)
		}
	}
}

// makes is the callee of the call a function body's only return
// statement returns (nested functions aside), or nil.
func (x *extractor) makes(body *syntax.Node) *expr {
	call := soleReturnedCall(body)
	if call == nil {
		return nil
	}
	fn := x.expr(call.ChildByFieldName("function"))
	if _, ok := fn.dotted(); !ok {
		return nil
	}
	return fn
}

// soleReturnedCall is the call a function body's only return statement
// returns (nested functions aside), or nil.
func soleReturnedCall(body *syntax.Node) *syntax.Node {
	var ret *syntax.Node
	n := 0
	var walk func(*syntax.Node)
	walk = func(b *syntax.Node) {
		for _, st := range syntax.NamedChildren(b) {
			switch st.Type() {
			case "return_statement":
				ret = st
				n++
			case "if_statement", "try_statement", "with_statement", "for_statement", "while_statement",
				"match_statement", "case_clause", "block", "else_clause", "elif_clause", "except_clause",
				"finally_clause":
				walk(st) // statements only: a return is never inside an expression
			}
		}
	}
	walk(body)
	if n != 1 || ret.NamedChildCount() != 1 {
		return nil
	}
	call := ret.NamedChild(0)
	if call.Type() != "call" {
		return nil
	}
	return call
}

// classBody records where a class's source without its methods is (see
// class.source).
func (x *extractor) classBody(c *class, n, body *syntax.Node) {
	if body == nil {
		c.head = x.cover(n.StartByte(), n.EndByte())
		return
	}
	c.head = x.cover(n.StartByte(), body.StartByte())
	for _, m := range syntax.NamedChildren(body) {
		if t := m.Type(); t != "function_definition" && t != "decorated_definition" {
			c.members = append(c.members, x.cover(m.StartByte(), m.EndByte()))
		}
	}
}

func (x *extractor) params(n *syntax.Node, bare bool) []param {
	if n == nil {
		return nil
	}
	var out []param
	for _, c := range syntax.NamedChildren(n) {
		var p param
		switch c.Type() {
		case "identifier":
			p.name = x.t.Text(c)
		case "typed_parameter":
			if c.NamedChildCount() > 0 {
				p.name = x.t.Text(c.NamedChild(0))
			}
			p.annotation = x.typeExpr(c.ChildByFieldName("type"))
		case "default_parameter":
			p.name = x.t.Text(c.ChildByFieldName("name"))
			p.def = x.dependencyDefault(c.ChildByFieldName("value"))
		case "typed_default_parameter":
			p.name = x.t.Text(c.ChildByFieldName("name"))
			p.annotation = x.typeExpr(c.ChildByFieldName("type"))
			p.def = x.dependencyDefault(c.ChildByFieldName("value"))
		default:
			continue
		}
		if p.annotation == nil && p.def == nil && !bare {
			// Finish reads a parameter for its annotation or a
			// dependency in its default; a bare name has neither.
			continue
		}
		out = append(out, p)
	}
	return out
}

// dependencyDefault copies a parameter's default when it may declare a
// FastAPI dependency, the one thing Finish reads defaults for (limit=50
// and the like are most defaults, and never do).
func (x *extractor) dependencyDefault(n *syntax.Node) *expr {
	if n == nil {
		return nil
	}
	switch n.Type() {
	case "integer", "float", "string", "concatenated_string", "none", "true", "false",
		"dictionary", "unary_operator":
		return nil
	}
	if e := x.expr(n); mayDepend(e) {
		return e
	}
	return nil
}

// mayDepend says a default can hold a dependency as findDepends and
// authenticates read it: Depends(x) or Security(x) itself, a list or
// subscript that may hold one, or a name that may be bound to one.
func mayDepend(e *expr) bool {
	switch e.kind {
	case exCall:
		c := e.callee()
		return c == "Depends" || c == "Security"
	case exName, exAttr, exList:
		return true
	case exOther:
		return len(e.items) > 0
	}
	return false
}

func (x *extractor) typeExpr(n *syntax.Node) *expr {
	if n != nil && n.Type() == "type" && n.NamedChildCount() > 0 {
		n = n.NamedChild(0)
	}
	return x.expr(n)
}

func (x *extractor) expressionStatement(n *syntax.Node, depth int, cls *class) {
	switch n.Type() {
	case "assignment":
		left := n.ChildByFieldName("left")
		right := n.ChildByFieldName("right")
		if left == nil || right == nil || left.Type() != "identifier" {
			// a, b = ... and x.y = ... bind nothing routing follows.
			if right != nil {
				x.collectCalls(right)
			}
			return
		}
		name := x.t.Text(left)
		v := x.expr(right)
		if cls != nil {
			cls.attrs[name] = v
		} else if old, ok := x.m.assigns[name]; !ok || depth == 0 || old.text == "None" {
			// A module-level None is a placeholder a function fills in
			// (application = None; def init(): global application;
			// application = falcon.App()): the function's value is the one.
			x.m.assigns[name] = v
		}
		x.collectCalls(right)
	case "augmented_assignment":
		left := n.ChildByFieldName("left")
		right := n.ChildByFieldName("right")
		if left != nil && right != nil && left.Type() == "identifier" && x.t.Text(n.Child(1)) == "+=" {
			if name := x.t.Text(left); name == urlpatterns {
				x.m.appends[name] = append(x.m.appends[name], x.expr(right))
			}
		}
	case "call":
		x.collectCalls(n)
	}
}

// collectCalls records mount calls in n (a statement's expression).
func (x *extractor) collectCalls(n *syntax.Node) {
	if n.Type() != "call" {
		return
	}
	fn := n.ChildByFieldName("function")
	if fn != nil && fn.Type() == "identifier" {
		// A bound method kept in a name and called (add_route =
		// app.router.add_route; add_route("GET", "/x", h)) is the call on
		// its object.
		if v := x.m.assigns[x.t.Text(fn)]; v != nil && v.kind == exAttr && mountCalls[v.name] && v.name != "append" && v.name != "extend" {
			e := x.expr(n)
			e.fn = v
			x.m.calls = append(x.m.calls, e)
		}
		return
	}
	if fn == nil || fn.Type() != "attribute" {
		return
	}
	attr := x.t.Text(fn.ChildByFieldName("attribute"))
	if !mountCalls[attr] {
		if x.mayForward(n) {
			x.m.calls = append(x.m.calls, x.expr(n))
		}
		return
	}
	if attr == "append" || attr == "extend" {
		// urlpatterns.append(path(...)) and .extend([...]) add patterns;
		// additions to any other list (out.append(row) in every loop) are
		// never read, so they are not copied.
		if obj := fn.ChildByFieldName("object"); obj == nil || obj.Type() != "identifier" || x.t.Text(obj) != urlpatterns {
			return
		}
		e := x.expr(n)
		if obj := e.fn.obj; obj != nil && obj.kind == exName && len(e.items) == 1 {
			item := e.items[0]
			if attr == "append" {
				item = &expr{kind: exList, items: []*expr{item}, line: item.line}
			}
			x.m.appends[obj.name] = append(x.m.appends[obj.name], item)
		}
		return
	}
	x.m.calls = append(x.m.calls, x.expr(n))
}

func (x *extractor) importStatement(n *syntax.Node) {
	for _, c := range syntax.NamedChildren(n) {
		switch c.Type() {
		case "dotted_name":
			full := x.t.Text(c)
			first := strings.SplitN(full, ".", 2)[0]
			x.m.imports[first] = importRef{module: first}
			x.note(full)
		case "aliased_import":
			full := x.t.Text(c.ChildByFieldName("name"))
			x.m.imports[x.t.Text(c.ChildByFieldName("alias"))] = importRef{module: full}
			x.note(full)
		}
	}
}

func (x *extractor) importFrom(n *syntax.Node) {
	mod := n.ChildByFieldName("module_name")
	if mod == nil {
		return
	}
	var from string
	if mod.Type() == "relative_import" {
		dots := 0
		var rest string
		for _, c := range syntax.NamedChildren(mod) {
			switch c.Type() {
			case "import_prefix":
				dots = strings.Count(x.t.Text(c), ".")
			case "dotted_name":
				rest = x.t.Text(c)
			}
		}
		from = relative(x.m.pkg, dots, rest)
	} else {
		from = x.t.Text(mod)
	}
	x.note(from)
	for _, c := range syntax.NamedChildren(n) {
		if c == mod {
			continue
		}
		switch c.Type() {
		case "dotted_name":
			name := x.t.Text(c)
			x.m.imports[name] = importRef{module: from, name: name}
		case "aliased_import":
			name := x.t.Text(c.ChildByFieldName("name"))
			x.m.imports[x.t.Text(c.ChildByFieldName("alias"))] = importRef{module: from, name: name}
		}
	}
}

// relative resolves a relative import: one dot is the package itself.
func relative(pkg string, dots int, rest string) string {
	base := pkg
	for range dots - 1 {
		if i := strings.LastIndexByte(base, '.'); i >= 0 {
			base = base[:i]
		} else {
			base = ""
		}
	}
	switch {
	case base == "":
		return rest
	case rest == "":
		return base
	}
	return base + "." + rest
}

func (x *extractor) note(mod string) {
	root := strings.SplitN(mod, ".", 2)[0]
	switch root {
	case "flask", "flask_restful", "flask_restx", "flask_smorest", "quart", "sanic":
		x.m.usesFlask = true
	case "fastapi", "starlette":
		x.m.usesFastAPI = true
	case "aiohttp":
		x.m.usesAiohttp = true
	case "pyramid":
		x.m.usesPyramid = true
	}
}

// maxExprDepth bounds the copy of deeply nested expressions.
const maxExprDepth = 12

// expr copies an expression: one copy of its source text, which the
// strings of its parts are slices of.
func (x *extractor) expr(n *syntax.Node) *expr {
	if n == nil {
		return nil
	}
	x.span, x.spanStart = x.t.Text(n), n.StartByte()
	e := x.exprAt(n, 0)
	x.span = ""
	return e
}

// text is a node's source: a slice of the expression's copy when the
// node lies in it.
func (x *extractor) text(n *syntax.Node) string {
	if n == nil {
		return ""
	}
	start, end := n.StartByte(), n.EndByte()
	if start >= x.spanStart && end >= start && end-x.spanStart <= uint32(len(x.span)) {
		return x.span[start-x.spanStart : end-x.spanStart]
	}
	return x.t.Text(n)
}

// stringValue is syntax's StringValue with the value sliced from the
// expression's copy where it appears there verbatim (no escapes to keep
// apart): one copy of the text, not two.
func (x *extractor) stringValue(n *syntax.Node) (string, bool) {
	v, ok := x.t.StringValue(n)
	if ok && v != "" {
		if lit := x.text(n); len(lit) >= len(v) {
			if i := strings.Index(lit, v); i >= 0 {
				v = lit[i : i+len(v)]
			}
		}
	}
	return v, ok
}

func (x *extractor) exprAt(n *syntax.Node, depth int) *expr {
	if n == nil {
		return nil
	}
	e := &expr{text: x.text(n), line: int32(syntax.Line(n))}
	if depth > maxExprDepth {
		return e
	}
	sub := func(c *syntax.Node) *expr { return x.exprAt(c, depth+1) }
	switch n.Type() {
	case "string":
		if v, ok := x.stringValue(n); ok {
			e.kind, e.str = exStr, v
			return e
		}
		e.kind = exFString
		for _, c := range syntax.NamedChildren(n) {
			switch c.Type() {
			case "string_content":
				s := strings.ReplaceAll(strings.ReplaceAll(x.text(c), "{{", "{"), "}}", "}")
				e.items = append(e.items, &expr{kind: exStr, str: s, text: s})
			case "interpolation":
				e.items = append(e.items, sub(c.ChildByFieldName("expression")))
			}
		}
	case "concatenated_string":
		if v, ok := x.stringValue(n); ok {
			e.kind, e.str = exStr, v
			return e
		}
		e.kind = exAdd
		for _, c := range syntax.NamedChildren(n) {
			e.items = append(e.items, sub(c))
		}
	case "binary_operator":
		if op := n.ChildByFieldName("operator"); op != nil {
			switch x.text(op) {
			case "+":
				e.kind = exAdd
			case "&":
				e.kind = exAnd
			case "|":
				e.kind = exOr
			default:
				return e
			}
			e.items = []*expr{sub(n.ChildByFieldName("left")), sub(n.ChildByFieldName("right"))}
		}
	case "identifier":
		e.kind, e.name = exName, e.text
	case "attribute":
		e.kind = exAttr
		e.obj = sub(n.ChildByFieldName("object"))
		e.name = x.text(n.ChildByFieldName("attribute"))
	case "call":
		e.kind = exCall
		e.fn = sub(n.ChildByFieldName("function"))
		if args := n.ChildByFieldName("arguments"); args != nil && args.Type() == "argument_list" {
			for _, a := range syntax.NamedChildren(args) {
				if a.Type() == "keyword_argument" {
					if e.kw == nil {
						e.kw = map[string]*expr{}
					}
					e.kw[x.text(a.ChildByFieldName("name"))] = sub(a.ChildByFieldName("value"))
				} else if a.Type() != "comment" {
					e.items = append(e.items, sub(a))
				}
			}
		}
	case "list", "tuple", "set", "expression_list":
		e.kind = exList
		for _, c := range syntax.NamedChildren(n) {
			if c.Type() != "comment" {
				e.items = append(e.items, sub(c))
			}
		}
	case "parenthesized_expression":
		if n.NamedChildCount() == 1 {
			return sub(n.NamedChild(0))
		}
	case "list_splat":
		e.kind = exSplat
		if n.NamedChildCount() > 0 {
			e.obj = sub(n.NamedChild(0))
		}
	case "dictionary":
		e.kind = exDict
		for _, p := range syntax.NamedChildren(n) {
			if p.Type() != "pair" {
				continue
			}
			if k, ok := x.stringValue(p.ChildByFieldName("key")); ok {
				if e.kw == nil {
					e.kw = map[string]*expr{}
				}
				e.kw[k] = sub(p.ChildByFieldName("value"))
			}
		}
	case "type":
		if n.NamedChildCount() == 1 {
			return sub(n.NamedChild(0))
		}
	case "generic_type":
		// Annotated[int, Path()] in an annotation: the same shape as a
		// subscript, so annotations read the same either way.
		kids := syntax.NamedChildren(n)
		if len(kids) > 0 {
			e.obj = sub(kids[0])
		}
		for _, tp := range kids[min(1, len(kids)):] {
			if tp.Type() == "type_parameter" {
				for _, c := range syntax.NamedChildren(tp) {
					e.items = append(e.items, sub(c))
				}
			}
		}
	case "subscript":
		// Annotated[int, Path()] and List[...]: keep the first argument
		// as the one item so annotations can be read through.
		e.kind = exOther
		e.obj = sub(n.ChildByFieldName("value"))
		if kids := syntax.NamedChildren(n); len(kids) > 1 {
			for _, c := range kids[1:] {
				e.items = append(e.items, sub(c))
			}
		}
	}
	return e
}

// ModuleName is the dotted module a Python file defines and the package
// its relative imports start from (app/routers/items.py → app.routers.items,
// app.routers), for readers of Python other than this detector.
func ModuleName(p string) (dotted, pkg string) { return moduleName(p) }

// RelativeImport resolves a relative import written in pkg: dots leading
// dots, then rest (from ..models import x: 2, "models").
func RelativeImport(pkg string, dots int, rest string) string { return relative(pkg, dots, rest) }
