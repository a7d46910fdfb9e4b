package flow

import (
	"strings"

	jsroute "github.com/threatmap/threatmap/internal/detector/route/js"
	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/syntax"
)

// jsFile is what the JavaScript frontend keeps of one file: its lowered
// functions and its bindings, for the resolver. No tree is kept.
type jsFile struct {
	path    string
	funcs   []*Func
	locals  map[string]*Func // name, or Class.method / obj.method → function
	imports map[string]Import
	exports map[string]exportRef
	stars   []string          // export * from '...'
	inst    map[string]string // local → class it is an instance of (new C())
	// fields: Class.field → the class this.field is an instance of, from
	// a constructor's parameter property (constructor(private svc: Svc),
	// how NestJS injects a service) or a field's type or new C().
	fields  map[string]string
	aliases map[string]string // local → the name it was assigned (const h = ctrl.list)
	classOf map[*Func]string
	// regs are route registration calls by line: the handler argument
	// (the last one) of each.
	regs     map[int][]handlerRef
	returned map[*Func]*Func
	// visited counts the nodes bindings walks (a test holds the imports
	// walk to a few).
	visited int
}

// exportRef is what an exported name stands for: a local name, a
// function, or another module's export.
type exportRef struct {
	local string
	fn    *Func
	from  string // re-export: module specifier
	name  string // and the name there
}

// handlerRef is a handler as a registration writes it.
type handlerRef struct {
	fn         *Func  // written in place
	name, recv string // a name or a member (ctrl.list)
	call       *handlerRef
	// callName/callRecv, for a call: what is called (a factory, or a
	// wrapper whose last argument is the handler: call).
	callName, callRecv string
	// prev is the registration's argument before this one: middleware,
	// or the handler when middleware follows it.
	prev *handlerRef
}

func newJSFile(p string) *jsFile {
	return &jsFile{path: p, locals: map[string]*Func{}, imports: map[string]Import{}, exports: map[string]exportRef{},
		inst: map[string]string{}, fields: map[string]string{}, aliases: map[string]string{}, classOf: map[*Func]string{}, regs: map[int][]handlerRef{}}
}

// bindings reads a file's imports, exports, functions by name, classes'
// methods, instances and route registrations.
//
// With importsOnly, the walk goes only into nodes whose text holds
// "import" or "require", where every import is written: the lowerer
// needs the file's imports before it lowers a function, and the rest of
// what this walk records is recorded again, whole, by the walk after
// LowerAll, which knows the functions. (Two full walks cost as much as
// lowering the file.)
func (m *jsFile) bindings(l *Lowerer, importsOnly bool) {
	t := l.T
	fnAt := funcAt(l)
	var holds func(n *syntax.Node) bool
	if importsOnly {
		holds = syntax.Holds(t.Src, "import", "require")
	}
	var walk func(n *syntax.Node, class string, ctor *Func, depth int)
	walk = func(n *syntax.Node, class string, ctor *Func, depth int) {
		if depth > 200 || (holds != nil && !holds(n)) {
			return
		}
		m.visited++
		switch n.Type() {
		case "import_statement":
			src, ok := t.StringValue(n.ChildByFieldName("source"))
			if !ok {
				return
			}
			jsroute.ImportBindings(t, n, func(local, name string) {
				m.imports[local] = Import{From: src, Name: name}
			})
			return
		case "export_statement":
			m.export(l, n)
		case "class_declaration", "class":
			if nm := n.ChildByFieldName("name"); nm != nil {
				class = t.Text(nm)
			}
		case "method_definition":
			if f := fnAt(n); f != nil && class != "" {
				m.locals[class+"."+t.Text(n.ChildByFieldName("name"))] = f
				m.classOf[f] = class
			}
			if class != "" && t.Text(n.ChildByFieldName("name")) == "constructor" {
				m.paramProperties(l, n, class)
			}
		case "public_field_definition", "field_definition":
			if class != "" {
				m.field(l, class, n.ChildByFieldName("name"), n.ChildByFieldName("type"), n.ChildByFieldName("value"))
			}
		case "function_declaration", "generator_function_declaration":
			if f := fnAt(n); f != nil {
				name := t.Text(n.ChildByFieldName("name"))
				m.locals[name] = f
				// A constructor function: this.x = function () {} are
				// its methods.
				ctor = f
				class = name
			}
		case "variable_declarator":
			name, val := n.ChildByFieldName("name"), n.ChildByFieldName("value")
			m.declare(l, name, val, fnAt)
			if name != nil && val != nil && name.Type() == "identifier" && (val.Type() == "class" || jsGrammar.Functions[val.Type()]) {
				class = t.Text(name)
			}
		case "assignment_expression":
			m.assign(l, n, class, fnAt)
		case "call_expression":
			m.registration(l, n, fnAt)
		}
		for _, c := range syntax.NamedChildren(n) {
			walk(c, class, ctor, depth+1)
		}
	}
	walk(t.Root(), "", nil, 0)
}

func (m *jsFile) declare(l *Lowerer, name, val *syntax.Node, fnAt func(*syntax.Node) *Func) {
	t := l.T
	if name == nil || val == nil {
		return
	}
	for val.Type() == "await_expression" && val.NamedChildCount() > 0 {
		val = val.NamedChild(0)
	}
	spec, isReq := requireOf(l, val)
	if name.Type() == "identifier" {
		local := t.Text(name)
		switch {
		case isReq:
			m.imports[local] = Import{From: spec, Name: "default"}
		case val.Type() == "member_expression":
			if s, ok := requireOf(l, val.ChildByFieldName("object")); ok {
				m.imports[local] = Import{From: s, Name: t.Text(val.ChildByFieldName("property"))}
			} else {
				m.aliases[local] = t.Text(val)
			}
		case val.Type() == "new_expression":
			if c := val.ChildByFieldName("constructor"); c != nil {
				m.inst[local] = t.Text(c)
			}
		case jsGrammar.Functions[val.Type()]:
			if f := fnAt(val); f != nil {
				m.locals[local] = f
			}
		case val.Type() == "object":
			m.objectMethods(l, local, val, fnAt)
		case val.Type() == "identifier":
			m.aliases[local] = t.Text(val)
		case val.Type() == "call_expression":
			// const h = wrap(fn): the handler is the last argument.
			if args := argNodes(val); len(args) > 0 {
				if f := fnAt(args[len(args)-1]); f != nil {
					m.locals[local] = f
				}
			}
		}
		return
	}
	if name.Type() == "object_pattern" && isReq {
		for _, b := range patternBindings(l, name, "") {
			m.imports[b[0]] = Import{From: spec, Name: strings.TrimPrefix(b[1], ".")}
		}
	}
	// const { rawQuery } = store: each name is the member it was taken
	// from, so a call of it resolves as store.rawQuery would.
	if name.Type() == "object_pattern" && val.Type() == "identifier" {
		for _, b := range patternBindings(l, name, t.Text(val)) {
			m.aliases[b[0]] = b[1]
		}
	}
}

// paramProperties records a constructor's parameter properties: a
// parameter with an accessibility or readonly modifier is also a field
// of the instance, of the parameter's type.
func (m *jsFile) paramProperties(l *Lowerer, ctor *syntax.Node, class string) {
	ps := ctor.ChildByFieldName("parameters")
	if ps == nil {
		return
	}
	for _, p := range syntax.NamedChildren(ps) {
		prop := false
		for _, c := range syntax.Children(p) {
			switch c.Type() {
			case "accessibility_modifier", "readonly", "override_modifier":
				prop = true
			}
		}
		if prop {
			m.field(l, class, p.ChildByFieldName("pattern"), p.ChildByFieldName("type"), nil)
		}
	}
}

// field records the class a field holds an instance of: its declared
// type (a plain or generic type's name), else the class its value
// constructs.
func (m *jsFile) field(l *Lowerer, class string, name, typ, val *syntax.Node) {
	t := l.T
	if name == nil || (name.Type() != "property_identifier" && name.Type() != "identifier") {
		return
	}
	key := class + "." + t.Text(name)
	if typ != nil && typ.Type() == "type_annotation" && typ.NamedChildCount() > 0 {
		typ = typ.NamedChild(0)
	}
	if typ != nil && typ.Type() == "generic_type" {
		typ = typ.ChildByFieldName("name")
	}
	switch {
	case typ != nil && typ.Type() == "type_identifier":
		m.fields[key] = t.Text(typ)
	case val != nil && val.Type() == "new_expression":
		if c := val.ChildByFieldName("constructor"); c != nil && c.Type() == "identifier" {
			m.fields[key] = t.Text(c)
		}
	}
}

// objectMethods records an object literal's methods: ctrl.list.
func (m *jsFile) objectMethods(l *Lowerer, obj string, val *syntax.Node, fnAt func(*syntax.Node) *Func) {
	t := l.T
	for _, c := range syntax.NamedChildren(val) {
		switch c.Type() {
		case "method_definition":
			if f := fnAt(c); f != nil {
				m.locals[obj+"."+t.Text(c.ChildByFieldName("name"))] = f
			}
		case "pair":
			key := strings.Trim(t.Text(c.ChildByFieldName("key")), `"'`)
			v := c.ChildByFieldName("value")
			if f := fnAt(v); f != nil {
				m.locals[obj+"."+key] = f
			} else if v != nil && v.Type() == "identifier" {
				m.aliases[obj+"."+key] = t.Text(v)
			}
		case "shorthand_property_identifier":
			m.aliases[obj+"."+t.Text(c)] = t.Text(c)
		}
	}
}

func (m *jsFile) assign(l *Lowerer, n *syntax.Node, class string, fnAt func(*syntax.Node) *Func) {
	t := l.T
	left, right := n.ChildByFieldName("left"), n.ChildByFieldName("right")
	if left == nil || right == nil {
		return
	}
	lt := t.Text(left)
	var key string
	switch {
	case lt == "module.exports":
		key = "default"
	case strings.HasPrefix(lt, "module.exports.") && strings.Count(lt, ".") == 2:
		key = strings.TrimPrefix(lt, "module.exports.")
	case strings.HasPrefix(lt, "exports.") && strings.Count(lt, ".") == 1:
		key = strings.TrimPrefix(lt, "exports.")
	case strings.HasPrefix(lt, "this.") && strings.Count(lt, ".") == 1 && class != "":
		if f := fnAt(right); f != nil {
			m.locals[class+"."+strings.TrimPrefix(lt, "this.")] = f
			m.classOf[f] = class
		}
		return
	case strings.Contains(lt, ".prototype.") && strings.Count(lt, ".") == 2:
		if f := fnAt(right); f != nil {
			parts := strings.Split(lt, ".")
			m.locals[parts[0]+"."+parts[2]] = f
			m.classOf[f] = parts[0]
		}
		return
	default:
		if left.Type() == "identifier" {
			m.declare(l, left, right, fnAt)
		}
		return
	}
	switch {
	case fnAt(right) != nil:
		m.exports[key] = exportRef{fn: fnAt(right)}
		if key != "default" {
			m.locals[key] = fnAt(right)
			// module.exports = login; module.exports.done = ...: a
			// property of what the module exports, whatever that is.
			m.locals["module.exports."+key] = fnAt(right)
		}
	case right.Type() == "identifier":
		m.exports[key] = exportRef{local: t.Text(right)}
	case right.Type() == "object" && key == "default":
		m.exportObject(l, right, fnAt)
	case right.Type() == "new_expression":
		if c := right.ChildByFieldName("constructor"); c != nil {
			m.inst["module.exports"] = t.Text(c)
			m.exports[key] = exportRef{local: "module.exports"}
		}
	default:
		if s, ok := requireOf(l, right); ok {
			m.exports[key] = exportRef{from: s, name: "default"}
		}
	}
}

// exportObject records the members of an object a module exports whole
// (module.exports = { a, b }, export default { a, b }): each is an export
// by its key, and ctrl.list-style methods of the module.
func (m *jsFile) exportObject(l *Lowerer, obj *syntax.Node, fnAt func(*syntax.Node) *Func) {
	t := l.T
	m.objectMethods(l, "module.exports", obj, fnAt)
	for _, c := range syntax.NamedChildren(obj) {
		switch c.Type() {
		case "shorthand_property_identifier":
			m.exports[t.Text(c)] = exportRef{local: t.Text(c)}
		case "pair":
			k := strings.Trim(t.Text(c.ChildByFieldName("key")), `"'`)
			v := c.ChildByFieldName("value")
			if f := fnAt(v); f != nil {
				m.exports[k] = exportRef{fn: f}
			} else if v != nil && (v.Type() == "identifier" || v.Type() == "member_expression") {
				m.exports[k] = exportRef{local: t.Text(v)}
			}
		case "method_definition":
			if f := fnAt(c); f != nil {
				m.exports[t.Text(c.ChildByFieldName("name"))] = exportRef{fn: f}
			}
		}
	}
}

// funcAt gives the function lowered from a node, if one was.
func funcAt(l *Lowerer) func(*syntax.Node) *Func {
	return func(n *syntax.Node) *Func {
		if n == nil {
			return nil
		}
		return l.ByNode[n.StartByte()]
	}
}

func (m *jsFile) export(l *Lowerer, n *syntax.Node) {
	t := l.T
	fnAt := funcAt(l)
	src, reexport := t.StringValue(n.ChildByFieldName("source"))
	isDefault := false
	for _, c := range syntax.Children(n) {
		if c.Type() == "default" {
			isDefault = true
		}
		if c.Type() == "*" && reexport {
			m.stars = append(m.stars, src)
		}
	}
	if d := n.ChildByFieldName("declaration"); d != nil {
		switch d.Type() {
		case "function_declaration", "generator_function_declaration", "class_declaration":
			name := t.Text(d.ChildByFieldName("name"))
			m.exports[name] = exportRef{local: name}
			if isDefault {
				m.exports["default"] = exportRef{local: name}
			}
		case "lexical_declaration", "variable_declaration":
			for _, v := range syntax.NamedChildren(d) {
				if v.Type() == "variable_declarator" {
					if nm := v.ChildByFieldName("name"); nm != nil && nm.Type() == "identifier" {
						m.exports[t.Text(nm)] = exportRef{local: t.Text(nm)}
					}
				}
			}
		}
	}
	if v := n.ChildByFieldName("value"); v != nil && isDefault {
		if f := fnAt(v); f != nil {
			m.exports["default"] = exportRef{fn: f}
		} else if v.Type() == "identifier" {
			m.exports["default"] = exportRef{local: t.Text(v)}
		} else if v.Type() == "object" {
			m.exportObject(l, v, fnAt)
		}
	}
	for _, c := range syntax.NamedChildren(n) {
		if c.Type() != "export_clause" {
			continue
		}
		for _, s := range syntax.NamedChildren(c) {
			if s.Type() != "export_specifier" {
				continue
			}
			name := t.Text(s.ChildByFieldName("name"))
			alias := name
			if a := s.ChildByFieldName("alias"); a != nil {
				alias = t.Text(a)
			}
			if reexport {
				m.exports[alias] = exportRef{from: src, name: name}
			} else {
				m.exports[alias] = exportRef{local: name}
			}
		}
	}
}

// registration records a call that may register a route: a path first
// (a string), a handler last; in a chain, router.route(path).get(h),
// the method's arguments are all middleware and handler. It is recorded
// on the method's own line, as the route detector reports it (a chain
// starts at the router, lines above).
func (m *jsFile) registration(l *Lowerer, call *syntax.Node, fnAt func(*syntax.Node) *Func) {
	args := argNodes(call)
	fn := call.ChildByFieldName("function")
	chained := routeChain(l.T, fn)
	first := 1
	switch {
	case chained && len(args) >= 1:
		first = 0
	case len(args) < 2:
		return
	default:
		switch args[0].Type() {
		case "string", "template_string", "array", "regex", "identifier", "member_expression":
		default:
			return
		}
	}
	h := m.handler(l, args[len(args)-1], fnAt, 0)
	if h == nil {
		return
	}
	// The handler is last, but middleware may follow it
	// (.get(auth, ctrl.list, guard.check(...))), and middleware before it
	// runs on the route's request too: every argument is an entry.
	last := h
	for i := len(args) - 2; i >= first; i-- {
		if p := m.handler(l, args[i], fnAt, 0); p != nil {
			last.prev = p
			last = p
		}
	}
	line := syntax.Line(call)
	if fn != nil && fn.Type() == "member_expression" {
		line = syntax.Line(fn.ChildByFieldName("property"))
	}
	m.regs[line] = append(m.regs[line], *h)
}

// routeChain says whether fn is a method of router.route(path), itself or
// after other methods of it: router.route('/x').get(h).post(h).
func routeChain(t *syntax.Tree, fn *syntax.Node) bool {
	for depth := 0; fn != nil && fn.Type() == "member_expression" && depth < 16; depth++ {
		obj := fn.ChildByFieldName("object")
		if obj == nil || obj.Type() != "call_expression" {
			return false
		}
		fn = obj.ChildByFieldName("function")
		if fn != nil && fn.Type() == "member_expression" && t.Text(fn.ChildByFieldName("property")) == "route" {
			return true
		}
	}
	return false
}

func (m *jsFile) handler(l *Lowerer, n *syntax.Node, fnAt func(*syntax.Node) *Func, depth int) *handlerRef {
	t := l.T
	if n == nil || depth > 3 {
		return nil
	}
	if f := fnAt(n); f != nil {
		return &handlerRef{fn: f}
	}
	switch n.Type() {
	case "identifier":
		return &handlerRef{name: t.Text(n)}
	case "member_expression":
		return &handlerRef{name: t.Text(n.ChildByFieldName("property")), recv: t.Text(n.ChildByFieldName("object"))}
	case "call_expression":
		h := &handlerRef{}
		fn := n.ChildByFieldName("function")
		if fn != nil && fn.Type() == "member_expression" {
			h.callName, h.callRecv = t.Text(fn.ChildByFieldName("property")), t.Text(fn.ChildByFieldName("object"))
			if h.callName == "bind" {
				// ctrl.list.bind(ctrl)
				return m.handler(l, fn.ChildByFieldName("object"), fnAt, depth+1)
			}
		} else if fn != nil {
			h.callName = t.Text(fn)
		}
		if args := argNodes(n); len(args) > 0 {
			h.call = m.handler(l, args[len(args)-1], fnAt, depth+1)
		}
		return h
	}
	return nil
}

func argNodes(call *syntax.Node) []*syntax.Node {
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

// requireOf is the specifier of require('x') or import('x').
func requireOf(l *Lowerer, n *syntax.Node) (string, bool) {
	if n == nil {
		return "", false
	}
	for n.Type() == "await_expression" && n.NamedChildCount() > 0 {
		n = n.NamedChild(0)
	}
	if n.Type() != "call_expression" {
		return "", false
	}
	fn := n.ChildByFieldName("function")
	if fn == nil || !(fn.Type() == "import" || (fn.Type() == "identifier" && l.T.Text(fn) == "require")) {
		return "", false
	}
	args := argNodes(n)
	if len(args) != 1 {
		return "", false
	}
	return l.T.StringValue(args[0])
}

// resolveSpec is the file of the tree an import names (lang.ResolveImport).
func resolveSpec(files map[string]*jsFile, from, spec string) *jsFile {
	return files[lang.ResolveImport(from, spec, func(p string) bool { _, ok := files[p]; return ok })]
}
