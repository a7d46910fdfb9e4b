package python

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/flow"
	"github.com/threatmap/threatmap/internal/flow/oo"
	"github.com/threatmap/threatmap/internal/syntax"
)

// extract lowers every function of a parsed file and records the
// module-level names the resolver needs.
func extract(t *syntax.Tree, m *module) {
	m.holdsDef = syntax.Holds(t.Src, "def")
	defer func() { m.holdsDef = nil }()
	root := t.Root()
	for _, st := range syntax.NamedChildren(root) {
		moduleStatement(t, m, st)
	}
	for _, st := range syntax.NamedChildren(root) {
		walkDefs(t, m, st, "")
	}
}

// moduleStatement records imports and module-level bindings.
func moduleStatement(t *syntax.Tree, m *module, n *syntax.Node) {
	switch n.Type() {
	case "import_statement":
		for _, c := range syntax.NamedChildren(n) {
			switch c.Type() {
			case "dotted_name":
				full := t.Text(c)
				first, _, _ := strings.Cut(full, ".")
				m.imports[first] = first
			case "aliased_import":
				m.imports[t.Text(c.ChildByFieldName("alias"))] = t.Text(c.ChildByFieldName("name"))
			}
		}
	case "import_from_statement":
		mod := n.ChildByFieldName("module_name")
		if mod == nil {
			return
		}
		from := t.Text(mod)
		if mod.Type() == "relative_import" {
			dots, rest := 0, ""
			for _, c := range syntax.NamedChildren(mod) {
				switch c.Type() {
				case "import_prefix":
					dots = strings.Count(t.Text(c), ".")
				case "dotted_name":
					rest = t.Text(c)
				}
			}
			from = relativeImport(m.pkg, dots, rest)
		}
		for _, c := range syntax.NamedChildren(n) {
			if c == mod {
				continue
			}
			switch c.Type() {
			case "dotted_name":
				m.imports[t.Text(c)] = join(from, t.Text(c))
			case "aliased_import":
				m.imports[t.Text(c.ChildByFieldName("alias"))] = join(from, t.Text(c.ChildByFieldName("name")))
			}
		}
	case "expression_statement":
		for _, c := range syntax.NamedChildren(n) {
			if c.Type() != "assignment" {
				continue
			}
			left, right := c.ChildByFieldName("left"), c.ChildByFieldName("right")
			if left == nil || right == nil || left.Type() != "identifier" {
				continue
			}
			name := t.Text(left)
			if call := callIn(right); call != nil {
				m.types[name] = m.qualify(t.Text(call.ChildByFieldName("function")), nil)
			}
		}
	case "if_statement", "try_statement", "block", "else_clause", "except_clause", "finally_clause":
		// Imports guarded by try/except ImportError or a version test.
		for _, c := range syntax.NamedChildren(n) {
			moduleStatement(t, m, c)
		}
	}
}

// callIn is the call an expression is, through subscripts and
// attributes: MongoClient()["shop"] is MongoClient().
func callIn(n *syntax.Node) *syntax.Node {
	for n != nil {
		switch n.Type() {
		case "call":
			if f := n.ChildByFieldName("function"); f != nil && (f.Type() == "identifier" || f.Type() == "attribute") {
				return n
			}
			return nil
		case "subscript":
			n = n.ChildByFieldName("value")
		case "attribute":
			n = n.ChildByFieldName("object")
		default:
			return nil
		}
	}
	return nil
}

// walkDefs lowers each function found at module level or in a class.
func walkDefs(t *syntax.Tree, m *module, n *syntax.Node, class string) {
	switch n.Type() {
	case "decorated_definition":
		def := n.ChildByFieldName("definition")
		if def == nil {
			return
		}
		var decs []string
		for _, c := range syntax.NamedChildren(n) {
			if c.Type() == "decorator" {
				decs = append(decs, t.Text(c))
			}
		}
		if def.Type() == "function_definition" {
			lowerFunc(t, m, def, class, decs)
		} else {
			walkDefs(t, m, def, class)
		}
	case "function_definition":
		lowerFunc(t, m, n, class, nil)
	case "class_definition":
		name := t.Text(n.ChildByFieldName("name"))
		if class != "" {
			name = class + "." + name
		}
		var bases []string
		if sup := n.ChildByFieldName("superclasses"); sup != nil {
			for _, b := range syntax.NamedChildren(sup) {
				if b.Type() != "keyword_argument" {
					bases = append(bases, t.Text(b))
				}
			}
		}
		m.classes[name] = bases
		if classKeepsExtras(t, n) {
			m.extras[name] = true
		}
		if body := n.ChildByFieldName("body"); body != nil {
			for _, c := range syntax.NamedChildren(body) {
				if f := declaredField(t, c); f != "" {
					m.fields[name] = append(m.fields[name], f)
				}
				if f, call := columnField(t, c); f != "" {
					if m.columns[name] == nil {
						m.columns[name] = map[string]string{}
					}
					m.columns[name][f] = call
				}
				walkDefs(t, m, c, name)
			}
		}
	case "if_statement", "try_statement", "block", "else_clause", "except_clause", "finally_clause":
		for _, c := range syntax.NamedChildren(n) {
			walkDefs(t, m, c, class)
		}
	}
}

// extraAllowed is a model's configuration that keeps fields it does not
// declare: pydantic's extra=Extra.allow in the class's keywords, its
// Config class or its model_config (ConfigDict(extra="allow"), a dict).
var extraAllowed = regexp.MustCompile(`\bextra['"]?\s*[=:]\s*(?:Extra\.|['"])allow\b`)

// classKeepsExtras reads extraAllowed in the class's own keywords and
// statements and its Config class, never in the other classes it nests:
// each nested class reads its own, so every byte is read once however
// deep the nesting.
func classKeepsExtras(t *syntax.Tree, class *syntax.Node) bool {
	if sup := class.ChildByFieldName("superclasses"); sup != nil && extraAllowed.MatchString(t.Text(sup)) {
		return true
	}
	body := class.ChildByFieldName("body")
	if body == nil {
		return false
	}
	for _, c := range syntax.NamedChildren(body) {
		def := c
		if def.Type() == "decorated_definition" {
			def = c.ChildByFieldName("definition")
		}
		if def != nil && def.Type() == "class_definition" && t.Text(def.ChildByFieldName("name")) != "Config" {
			continue
		}
		if extraAllowed.MatchString(t.Text(c)) {
			return true
		}
	}
	return false
}

// declaredField is the name a class body's statement declares with a
// type (name: str, name: Optional[str] = None), or "".
func declaredField(t *syntax.Tree, n *syntax.Node) string {
	if n.Type() != "expression_statement" || n.NamedChildCount() != 1 {
		return ""
	}
	a := n.NamedChild(0)
	if a.Type() != "assignment" || a.ChildByFieldName("type") == nil {
		return ""
	}
	left := a.ChildByFieldName("left")
	if left == nil || left.Type() != "identifier" {
		return ""
	}
	return t.Text(left)
}

// columnField reads a field an ORM model declares by assignment (name =
// models.CharField(max_length=30)): its name and the function called,
// as written.
func columnField(t *syntax.Tree, n *syntax.Node) (string, string) {
	if n.Type() != "expression_statement" || n.NamedChildCount() != 1 {
		return "", ""
	}
	a := n.NamedChild(0)
	if a.Type() != "assignment" {
		return "", ""
	}
	left, right := a.ChildByFieldName("left"), a.ChildByFieldName("right")
	if left == nil || left.Type() != "identifier" || right == nil || right.Type() != "call" {
		return "", ""
	}
	fn := right.ChildByFieldName("function")
	if fn == nil || fn.Type() != "attribute" && fn.Type() != "identifier" {
		return "", ""
	}
	return t.Text(left), t.Text(fn)
}

// lowerer lowers one function's body.
type lowerer struct {
	t *syntax.Tree
	m *module
	f *fn
	// locals are the names the function binds (parameters, assignments,
	// loop and with targets): only these carry data; any other name is a
	// module, a class or a global.
	locals map[string]bool
	// types are locals bound to a call's result (client =
	// httpx.AsyncClient()), by the call's qualified name.
	types map[string]string
	// uploads are locals bound to an uploaded file of a request
	// (f = request.files["doc"]): their filename is a source of its own.
	uploads map[string]bool
	// branch counts the conditional blocks around the statement being
	// lowered: an assignment there joins the value before it.
	branch int
	// inline counts the closures whose bodies are being lowered in
	// place.
	inline int
	// self is a method's own parameter (self): self.request, in a
	// class-based view, is the request being served.
	self string
	// pathOnly are locals bound to a URL cut down to its path
	// (pathOnlyURL).
	pathOnly map[string]bool
	// namedKeys are locals holding a dict whose keys the code wrote one
	// by one ({} then d["city"] = city): by the keys it holds so far.
	namedKeys map[string][]string
}

// closure lowers a nested function's or a lambda's body where it is
// defined, as a branch: what it does with the locals it captures is
// done here. Its own parameters carry nothing from here.
func (l *lowerer) closure(params, body *syntax.Node) {
	if body == nil || l.inline >= 3 {
		return
	}
	// A parameter that shadows a local hides it inside the body only.
	var shadowed []string
	if params != nil {
		syntax.Walk(params, func(c *syntax.Node) bool {
			if c.Type() == "identifier" {
				name := l.t.Text(c)
				if c.Parent() != nil && (c.Parent().Type() == "default_parameter" || c.Parent().Type() == "typed_default_parameter") && c != c.Parent().ChildByFieldName("name") {
					return false
				}
				line := syntax.Line(c)
				if l.locals[name] {
					shadowed = append(shadowed, name)
					l.emit(flow.Op{Kind: flow.Assign, Line: line, Dst: "\x00" + name, Src: flow.Expr{Refs: []flow.Ref{{Var: name, Line: line}}}})
				}
				l.locals[name] = true
				l.emit(flow.Op{Kind: flow.Assign, Line: line, Dst: name})
			}
			return c.Type() != "type"
		})
	}
	defer func() {
		for _, name := range shadowed {
			l.emit(flow.Op{Kind: flow.Assign, Line: syntax.Line(body), Dst: name, Src: flow.Expr{Refs: []flow.Ref{{Var: "\x00" + name, Line: syntax.Line(body)}}}})
		}
	}()
	l.inline++
	l.branch++
	if body.Type() == "block" {
		l.block(body)
	} else {
		l.expr(body)
	}
	l.branch--
	l.inline--
}

func lowerFunc(t *syntax.Tree, m *module, n *syntax.Node, class string, decs []string) {
	name := t.Text(n.ChildByFieldName("name"))
	qual := name
	if class != "" {
		qual = class + "." + name
	}
	f := &fn{
		Func: &flow.Func{
			ID:      m.path + "#" + qual + "@" + strconv.Itoa(syntax.Line(n)),
			File:    m.path,
			Name:    qual,
			Line:    syntax.Line(n),
			EndLine: syntax.EndLine(n),
		},
		mod: m, class: class, calls: map[int]*callInfo{}, decorators: decs,
	}
	l := &lowerer{t: t, m: m, f: f, locals: map[string]bool{}, types: map[string]string{}, uploads: map[string]bool{}}
	l.params(n.ChildByFieldName("parameters"), class != "" && !isStatic(decs))
	if body := n.ChildByFieldName("body"); body != nil {
		l.block(body)
	}
	if _, dup := m.funcs[qual]; !dup {
		m.funcs[qual] = f
	}
	m.order = append(m.order, f)
	// Functions defined inside this one are lowered on their own: a
	// callback or a closure the body calls by name.
	if body := n.ChildByFieldName("body"); body != nil {
		syntax.Walk(body, func(c *syntax.Node) bool {
			// (Only where a def is written: the body was just lowered,
			// and this walk is for nested definitions alone.)
			if m.holdsDef != nil && !m.holdsDef(c) {
				return false
			}
			switch c.Type() {
			case "function_definition":
				lowerFunc(t, m, c, "", nil)
				return false
			case "class_definition", "lambda":
				return false
			}
			return true
		})
	}
}

func isStatic(decs []string) bool {
	for _, d := range decs {
		if d == "@staticmethod" {
			return true
		}
	}
	return false
}

// params binds the parameters; a method's first (self, cls) is not one
// the caller passes.
func (l *lowerer) params(n *syntax.Node, method bool) {
	if n == nil {
		return
	}
	first := true
	for _, c := range syntax.NamedChildren(n) {
		var p param
		switch c.Type() {
		case "identifier":
			p.name = l.t.Text(c)
		case "typed_parameter":
			for _, k := range syntax.NamedChildren(c) {
				switch k.Type() {
				case "identifier":
					p.name = l.t.Text(k)
				case "list_splat_pattern", "dictionary_splat_pattern":
					p.name, p.splat = strings.TrimLeft(l.t.Text(k), "*"), true
				}
			}
			p.annotation = l.t.Text(c.ChildByFieldName("type"))
		case "default_parameter", "typed_default_parameter":
			p.name = l.t.Text(c.ChildByFieldName("name"))
			p.annotation = l.t.Text(c.ChildByFieldName("type"))
			p.def = l.t.Text(c.ChildByFieldName("value"))
		case "list_splat_pattern", "dictionary_splat_pattern":
			p.name, p.splat = strings.TrimLeft(l.t.Text(c), "*"), true
		default:
			continue
		}
		if p.name == "" {
			continue
		}
		l.locals[p.name] = true
		if first && method {
			first = false
			l.self = p.name
			continue
		}
		first = false
		l.f.Params = append(l.f.Params, flow.Param{Name: p.name, Index: len(l.f.params)})
		l.f.params = append(l.f.params, p)
	}
}

func (l *lowerer) emit(op flow.Op) int {
	l.f.Ops = append(l.f.Ops, op)
	return len(l.f.Ops) - 1
}

func (l *lowerer) block(n *syntax.Node) {
	for _, st := range syntax.NamedChildren(n) {
		l.statement(st)
	}
}

// branchIf lowers an if's test and the block it guards. A test that
// holds (x == "a", x in ALLOWED) checks the value in its own block only:
// the code after sees it as it came. A test written to fail (x != "a", x
// not in ALLOWED) checks nothing in its block, where the value is any
// other; past a block that rejects it (returns, raises) or replaces it
// (x = "a"), the value is checked from there on.
// It returns the tests that held.
func (l *lowerer) branchIf(cond, body *syntax.Node) []flow.Op {
	var t tested
	if cond != nil {
		l.expr(cond)
		l.checks(cond, &t, false, false)
	}
	for _, op := range t.holds {
		l.emit(op)
	}
	l.branchBlock(body)
	for _, op := range t.holds {
		op.Kind = flow.Unclear
		l.emit(op)
	}
	leaves := body != nil && l.leaves(body)
	for _, op := range t.fails {
		if leaves || body != nil && l.assigns(body, op.Dst) {
			l.emit(op)
		}
	}
	return t.holds
}

// assigns reports whether a block sets a name anywhere in it, at any
// depth (x = "csv", not x.y = ... nor a nested function's own x).
func (l *lowerer) assigns(b *syntax.Node, name string) bool {
	found := false
	syntax.Walk(b, func(n *syntax.Node) bool {
		switch n.Type() {
		case "function_definition", "lambda", "class_definition":
			return false
		case "assignment", "augmented_assignment":
			if left := n.ChildByFieldName("left"); left != nil && l.t.Text(left) == name {
				found = true
			}
		}
		return !found
	})
	return found
}

// leaves says a block ends by leaving the function (or the loop's
// body): its last statement returns, raises, continues or breaks, or calls a function that always raises (Flask's
// and Werkzeug's abort).
func (l *lowerer) leaves(b *syntax.Node) bool {
	var last *syntax.Node
	for _, c := range syntax.NamedChildren(b) {
		if c.Type() != "comment" {
			last = c
		}
	}
	if last != nil && last.Type() == "expression_statement" {
		if c := last.NamedChild(0); c != nil && c.Type() == "call" {
			if f := c.ChildByFieldName("function"); f != nil && (f.Type() == "identifier" || f.Type() == "attribute") {
				return raises[l.m.qualify(l.t.Text(f), l.types)]
			}
		}
	}
	// continue and break leave what follows in the loop's body.
	switch {
	case last == nil:
		return false
	case last.Type() == "return_statement", last.Type() == "raise_statement",
		last.Type() == "continue_statement", last.Type() == "break_statement":
		return true
	}
	return false
}

// raises are functions that never return: they raise an HTTP error.
var raises = map[string]bool{"flask.abort": true, "werkzeug.exceptions.abort": true, "werkzeug.abort": true}

// branchBlock lowers a block that may not run.
func (l *lowerer) branchBlock(n *syntax.Node) {
	if n == nil {
		return
	}
	l.branch++
	l.block(n)
	l.branch--
}

func (l *lowerer) statement(n *syntax.Node) {
	switch n.Type() {
	case "expression_statement":
		for _, c := range syntax.NamedChildren(n) {
			l.exprStatement(c)
		}
	case "return_statement":
		var v val
		if c := n.NamedChild(0); c != nil {
			v = l.expr(c)
		}
		e := l.final(v)
		if l.inline > 0 {
			break // a closure's return is not the function's
		}
		if c := n.NamedChild(0); c != nil && l.pathOnlyURL(c) && !slices.Contains(l.f.ResultClears, flow.OpenRedirect) {
			l.f.ResultClears = append(l.f.ResultClears, flow.OpenRedirect)
		}
		l.emit(flow.Op{Kind: flow.Return, Line: syntax.Line(n), Src: e})
		if c := n.NamedChild(0); c != nil {
			// return base in path.parents: the function is a test of
			// its parameter, which a caller's condition may rely on.
			var t tested
			l.checks(c, &t, false, false)
			for _, op := range t.holds {
				op.Kind = flow.Tests
				l.emit(op)
			}
		}
		if !e.Empty() && markup(n.NamedChild(0)) {
			i := l.emit(flow.Op{Kind: flow.Call, Line: syntax.Line(n), Callee: flow.Callee{Name: "return"}, Args: []flow.Expr{e}, Note: "returned as the response"})
			l.f.returnsHTML = append(l.f.returnsHTML, i)
		}
	case "if_statement":
		holds := l.branchIf(n.ChildByFieldName("condition"), n.ChildByFieldName("consequence"))
		for _, c := range syntax.NamedChildren(n) {
			switch c.Type() {
			case "elif_clause":
				// After an if/elif chain whose else leaves, one of its
				// tests held: what every test checks holds (if x == "a":
				// ... elif x == "b": ... else: abort(404)).
				holds = sameChecks(holds, l.branchIf(c.ChildByFieldName("condition"), c.ChildByFieldName("consequence")))
			case "else_clause":
				body := c.ChildByFieldName("body")
				l.branchBlock(body)
				// An else that leaves: only the tested branches go on
				// (if x == "a": ... else: return).
				if l.leaves(body) {
					for _, op := range holds {
						l.emit(op)
					}
				}
			}
		}
	case "for_statement":
		v := l.expr(n.ChildByFieldName("right"))
		if left := n.ChildByFieldName("left"); left != nil && left.Type() == "identifier" && isUpload(v) {
			l.uploads[l.t.Text(left)] = true
		}
		left := n.ChildByFieldName("left")
		if items, ok := l.namedKeyLoop(n.ChildByFieldName("right")); ok && left != nil {
			// The key is one the code wrote: it carries nothing.
			if !items {
				l.bind(left, flow.Expr{}, syntax.Line(n), "")
			} else if parts := syntax.NamedChildren(left); len(parts) == 2 && (left.Type() == "pattern_list" || left.Type() == "tuple_pattern") {
				l.bind(parts[0], flow.Expr{}, syntax.Line(n), "")
				l.bind(parts[1], oo.WithPath(l.final(v), "[]"), syntax.Line(n), "")
			} else {
				l.bind(left, oo.WithPath(l.final(v), "[]"), syntax.Line(n), "")
			}
		} else {
			l.bind(left, oo.WithPath(l.final(v), "[]"), syntax.Line(n), "")
		}
		l.branchBlock(n.ChildByFieldName("body"))
		if e := n.ChildByFieldName("alternative"); e != nil {
			l.branchBlock(e.ChildByFieldName("body"))
		}
	case "while_statement":
		l.cond(n.ChildByFieldName("condition"))
		l.branchBlock(n.ChildByFieldName("body"))
	case "with_statement":
		for _, c := range syntax.NamedChildren(n) {
			if c.Type() != "with_clause" {
				continue
			}
			for _, item := range syntax.NamedChildren(c) {
				v := item.ChildByFieldName("value")
				if v == nil {
					continue
				}
				if v.Type() == "as_pattern" {
					val := l.expr(v.NamedChild(0))
					if alias := v.ChildByFieldName("alias"); alias != nil {
						l.bindVal(alias, val, syntax.Line(v))
					}
					continue
				}
				l.expr(v)
			}
		}
		l.block(n.ChildByFieldName("body"))
	case "try_statement":
		l.block(n.ChildByFieldName("body"))
		for _, c := range syntax.NamedChildren(n) {
			switch c.Type() {
			case "except_clause", "except_group_clause":
				for _, k := range syntax.NamedChildren(c) {
					if k.Type() == "block" {
						l.branchBlock(k)
					}
				}
			case "else_clause":
				l.branchBlock(c.ChildByFieldName("body"))
			case "finally_clause":
				for _, k := range syntax.NamedChildren(c) {
					if k.Type() == "block" {
						l.block(k)
					}
				}
			}
		}
	case "raise_statement", "delete_statement", "print_statement", "exec_statement":
		for _, c := range syntax.NamedChildren(n) {
			l.expr(c)
		}
	case "assert_statement":
		if c := n.NamedChild(0); c != nil {
			l.cond(c)
		}
	case "match_statement":
		l.expr(n.ChildByFieldName("subject"))
		syntax.Walk(n, func(c *syntax.Node) bool {
			if c.Type() == "block" {
				l.branchBlock(c)
				return false
			}
			return true
		})
	case "function_definition", "decorated_definition":
		// Lowered on their own too; here, its body runs (it may) with
		// the locals it captures: a closure the handler defines and
		// calls, a callback it hands on.
		def := n
		if n.Type() == "decorated_definition" {
			def = n.ChildByFieldName("definition")
		}
		if def != nil && def.Type() == "function_definition" {
			l.closure(def.ChildByFieldName("parameters"), def.ChildByFieldName("body"))
		}
	case "class_definition":
		// Lowered on its own.
	case "block":
		l.block(n)
	}
}

func (l *lowerer) exprStatement(n *syntax.Node) {
	switch n.Type() {
	case "assignment":
		right := n.ChildByFieldName("right")
		if right == nil {
			return
		}
		v := l.expr(right)
		// a = b = value
		for right.Type() == "assignment" {
			right = right.ChildByFieldName("right")
		}
		if left := n.ChildByFieldName("left"); left != nil && left.Type() == "identifier" {
			if l.pathOnlyURL(right) {
				if l.pathOnly == nil {
					l.pathOnly = map[string]bool{}
				}
				l.pathOnly[l.t.Text(left)] = true
			} else {
				delete(l.pathOnly, l.t.Text(left))
			}
		}
		l.trackKeys(n.ChildByFieldName("left"), right)
		l.bindVal(n.ChildByFieldName("left"), v, syntax.Line(n))
	case "augmented_assignment":
		left := n.ChildByFieldName("left")
		if left != nil && left.Type() == "identifier" {
			delete(l.namedKeys, l.t.Text(left)) // d |= other
		}
		v := l.expr(n.ChildByFieldName("right"))
		cur := l.expr(left)
		sum := joinVal(cur, v)
		sum.e.Built = true
		l.bindVal(left, sum, syntax.Line(n))
	default:
		if n.Type() == "call" {
			// d.update(other), d.setdefault(k, v): keys from elsewhere.
			if f := n.ChildByFieldName("function"); f != nil && f.Type() == "attribute" {
				if o := f.ChildByFieldName("object"); o != nil && o.Type() == "identifier" {
					delete(l.namedKeys, l.t.Text(o))
				}
			}
		}
		l.expr(n)
	}
}

// trackKeys follows the dicts whose keys the code names one by one: a
// local bound to a dict literal with string keys only (or dict(a=...)),
// then items set by a string key. Any other binding or key drops it.
func (l *lowerer) trackKeys(left, right *syntax.Node) {
	if left == nil || right == nil {
		return
	}
	switch left.Type() {
	case "identifier":
		name := l.t.Text(left)
		delete(l.namedKeys, name)
		if keys, ok := l.literalKeys(right); ok {
			if l.namedKeys == nil {
				l.namedKeys = map[string][]string{}
			}
			l.namedKeys[name] = keys
		}
	case "subscript":
		o := left.ChildByFieldName("value")
		if o == nil || o.Type() != "identifier" {
			return
		}
		name := l.t.Text(o)
		keys, ok := l.namedKeys[name]
		if !ok {
			return
		}
		if idx := left.ChildByFieldName("subscript"); idx != nil && idx.Type() == "string" {
			if k, ok := l.t.StringValue(idx); ok {
				l.namedKeys[name] = append(keys, k)
				return
			}
		}
		delete(l.namedKeys, name)
	}
}

// literalKeys reads the keys of a dict the code writes out: {"a": x}
// or dict(a=x), with no spread of another dict.
func (l *lowerer) literalKeys(n *syntax.Node) ([]string, bool) {
	keys := []string{}
	switch n.Type() {
	case "dictionary":
		for _, c := range syntax.NamedChildren(n) {
			switch c.Type() {
			case "pair":
				k := c.ChildByFieldName("key")
				if k == nil || k.Type() != "string" {
					return nil, false
				}
				v, ok := l.t.StringValue(k)
				if !ok {
					return nil, false
				}
				keys = append(keys, v)
			case "comment":
			default:
				return nil, false
			}
		}
		return keys, true
	case "call":
		f, args := n.ChildByFieldName("function"), n.ChildByFieldName("arguments")
		if f == nil || args == nil || l.t.Text(f) != "dict" || l.locals["dict"] {
			return nil, false
		}
		for _, c := range syntax.NamedChildren(args) {
			if c.Type() != "keyword_argument" {
				return nil, false
			}
			keys = append(keys, l.t.Text(c.ChildByFieldName("name")))
		}
		return keys, true
	}
	return nil, false
}

// namedKeyLoop reports a loop over a dict whose keys the code named one
// by one, none of them a field only staff should set (role, is_admin):
// its key is the code's choice, not the request's (for k, v in
// d.items(): setattr(obj, k, v) writes the fields named, not the
// body's). A privileged key among them keeps the key tainted: the
// request then sets that field.
func (l *lowerer) namedKeyLoop(right *syntax.Node) (items, ok bool) {
	name, method := "", ""
	switch right.Type() {
	case "identifier":
		name = l.t.Text(right)
	case "call":
		f := right.ChildByFieldName("function")
		if f == nil || f.Type() != "attribute" {
			return false, false
		}
		o := f.ChildByFieldName("object")
		if o == nil || o.Type() != "identifier" {
			return false, false
		}
		name, method = l.t.Text(o), l.t.Text(f.ChildByFieldName("attribute"))
		if method != "items" && method != "keys" {
			return false, false
		}
	default:
		return false, false
	}
	keys, tracked := l.namedKeys[name]
	if !tracked || slices.ContainsFunc(keys, flow.PrivilegedField) {
		return false, false
	}
	return method == "items", true
}

// isUpload reports whether a value is an uploaded file read from a
// request object: request.files["doc"], request.FILES.getlist("docs").
func isUpload(v val) bool {
	if !v.request || len(v.e.Refs) == 0 {
		return false
	}
	p := v.e.Refs[0].Path
	return strings.HasPrefix(p, ".files") || strings.HasPrefix(p, ".FILES")
}

// markup reports whether a returned expression is text the function
// builds (an f-string, a concatenation, a format, a name holding one),
// not another call's result (a rendered template, a JSON response).
func markup(n *syntax.Node) bool {
	switch n.Type() {
	case "string", "concatenated_string", "binary_operator", "identifier":
		return true
	case "call":
		f := n.ChildByFieldName("function")
		return f != nil && f.Type() == "attribute" && f.ChildByFieldName("object").Type() == "string"
	case "parenthesized_expression":
		return n.NamedChild(0) != nil && markup(n.NamedChild(0))
	}
	return false
}

// bindVal binds an assignment target to a value.
func (l *lowerer) bindVal(target *syntax.Node, v val, line int) {
	if target == nil {
		return
	}
	if target.Type() == "as_pattern_target" && target.NamedChildCount() == 1 {
		target = target.NamedChild(0)
	}
	if target.Type() == "identifier" && v.typ != "" {
		l.types[l.t.Text(target)] = v.typ
	}
	if target.Type() == "identifier" && isUpload(v) {
		l.uploads[l.t.Text(target)] = true
	}
	l.bind(target, l.final(v), line, "")
}

// bind assigns e to a target: a name, a tuple of names (each gets the
// whole value), or a field or item of an object (which then holds it).
func (l *lowerer) bind(target *syntax.Node, e flow.Expr, line int, note string) {
	if target == nil {
		return
	}
	switch target.Type() {
	case "identifier":
		name := l.t.Text(target)
		if note == "" && !e.Empty() {
			note = oo.Clip(name + " = …")
		}
		if l.branch > 0 && l.locals[name] {
			// Assigned in a branch: the value before may still be there.
			e.Refs = append(e.Refs, flow.Ref{Var: name})
		}
		l.locals[name] = true
		l.emit(flow.Op{Kind: flow.Assign, Line: line, Dst: name, Src: e, Note: note})
	case "pattern_list", "tuple_pattern", "list_pattern", "tuple", "list", "parenthesized_expression":
		for _, c := range syntax.NamedChildren(target) {
			l.bind(c, e, line, note)
		}
	case "list_splat_pattern":
		if c := target.NamedChild(0); c != nil {
			l.bind(c, e, line, note)
		}
	case "attribute", "subscript":
		root := rootName(l.t, target)
		if root == "" || e.Empty() {
			l.expr(target)
			return
		}
		l.emit(flow.Op{Kind: flow.Mutate, Line: line, Dst: root, Src: e, Note: oo.Clip(l.t.Text(target) + " = …")})
	}
}

// rootName is the name an access chain starts from: user in user.a.b[c].
func rootName(t *syntax.Tree, n *syntax.Node) string {
	for n != nil {
		switch n.Type() {
		case "identifier":
			return t.Text(n)
		case "attribute":
			n = n.ChildByFieldName("object")
		case "subscript":
			n = n.ChildByFieldName("value")
		default:
			return ""
		}
	}
	return ""
}

// val is an expression as lowering sees it: the engine's Expr, and what
// lowering still needs to extend it.
type val struct {
	e flow.Expr
	// plain: one reference and only accesses after it, so an access
	// extends its path.
	plain bool
	// request: the reference is a global request object (Flask's) whose
	// parts are read along its path; final turns it into a source.
	request bool
	// dotted is the expression's text when it is a dotted name.
	dotted string
	// typ is the qualified name of the call whose result this is.
	typ string
	// lit is a string literal's value; isLit says it is one.
	lit   string
	isLit bool
}

// final is the Expr the engine reads: a global request's read turned
// into its source.
func (l *lowerer) final(v val) flow.Expr {
	if !v.request || len(v.e.Refs) == 0 {
		return v.e
	}
	r := v.e.Refs[0]
	src, rest, ok := fromRequest(r.Path)
	if !ok {
		v.e.Refs = v.e.Refs[1:]
		return v.e
	}
	v.e.Refs = append([]flow.Ref{{Source: src, Path: rest, Line: r.Line, Note: r.Note}}, v.e.Refs[1:]...)
	return v.e
}

func joinVal(a, b val) val {
	out := val{e: flow.Expr{Refs: append(append([]flow.Ref(nil), a.e.Refs...), b.e.Refs...),
		Built: a.e.Built || b.e.Built, Fields: a.e.Fields || b.e.Fields, Spread: a.e.Spread || b.e.Spread}}
	out.e.Text = a.e.Text + b.e.Text
	switch {
	case len(a.e.Refs) > 0:
		out.e.Lead, out.e.Chosen = a.e.Lead, a.e.Chosen
	case a.e.Chosen || a.e.Text == "" && a.dotted != "":
		// A module's name leads (settings.LOGIN_URL + "?" + q): a
		// setting or a constant, which the code chose.
		out.e.Chosen = true
	default:
		out.e.Lead = a.e.Text + b.e.Lead
		out.e.Chosen = a.e.Text == "" && (b.e.Chosen || len(b.e.Refs) == 0 && b.dotted != "")
	}
	return out
}

// joinExprs joins lowered values into one that holds them all.
func joinExprs(vs []val) val {
	var out val
	for _, v := range vs {
		out = joinVal(out, v)
	}
	return out
}

// expr lowers an expression, emitting the calls it makes.
func (l *lowerer) expr(n *syntax.Node) val {
	if n == nil {
		return val{}
	}
	switch n.Type() {
	case "identifier":
		name := l.t.Text(n)
		if l.locals[name] {
			return val{e: flow.Expr{Refs: []flow.Ref{{Var: name, Line: syntax.Line(n)}}}, plain: true, dotted: name}
		}
		if isRequestGlobal(l.m.qualify(name, nil)) {
			return val{e: flow.Expr{Refs: []flow.Ref{{Var: name, Line: syntax.Line(n)}}}, plain: true, request: true, dotted: name}
		}
		return val{dotted: name}
	case "attribute":
		attr := l.t.Text(n.ChildByFieldName("attribute"))
		if o := n.ChildByFieldName("object"); attr == "request" && l.self != "" && o.Type() == "identifier" && l.t.Text(o) == l.self {
			// A class-based view's self.request (Django, DRF): read as
			// the request global is, wherever the method is called from.
			name := l.self + ".request"
			return val{e: flow.Expr{Refs: []flow.Ref{{Var: name, Line: syntax.Line(n)}}}, plain: true, request: true, dotted: name}
		}
		obj := l.expr(n.ChildByFieldName("object"))
		if (attr == "filename" || attr == "name") && obj.dotted != "" && l.uploads[obj.dotted] {
			return val{e: flow.Expr{Refs: []flow.Ref{{Source: facts.SourceFileName, Line: syntax.Line(n), Note: oo.Clip(l.t.Text(n) + " read")}}}, plain: true}
		}
		out := obj
		out.isLit, out.lit = false, ""
		if obj.dotted != "" {
			out.dotted = obj.dotted + "." + attr
		}
		if obj.typ != "" {
			out.typ = obj.typ + "." + attr
		}
		if obj.plain && len(obj.e.Refs) == 1 {
			out.e = oo.WithPath(obj.e, "."+attr)
			if obj.request {
				out.e.Refs[0].Note = oo.Clip(l.t.Text(n) + " read")
			}
		}
		return out
	case "subscript":
		obj := l.expr(n.ChildByFieldName("value"))
		var key string
		keyed := false
		if idx := n.ChildByFieldName("subscript"); idx != nil {
			k := l.expr(idx)
			key, keyed = k.lit, k.isLit
		}
		out := obj
		out.dotted, out.isLit = "", false
		if obj.plain && len(obj.e.Refs) == 1 {
			part := "[]"
			if keyed && key != "" {
				part = "." + key
			}
			out.e = oo.WithPath(obj.e, part)
			if obj.request {
				out.e.Refs[0].Note = oo.Clip(l.t.Text(n) + " read")
			}
		}
		return out
	case "call":
		return l.call(n)
	case "string":
		return l.str(n)
	case "concatenated_string":
		var vs []val
		for _, c := range syntax.NamedChildren(n) {
			vs = append(vs, l.str(c))
		}
		out := joinExprs(vs)
		if len(out.e.Refs) == 0 {
			out.isLit, out.lit = true, out.e.Text
		}
		return out
	case "binary_operator":
		left := l.expr(n.ChildByFieldName("left"))
		right := l.expr(n.ChildByFieldName("right"))
		op := l.t.Text(n.ChildByFieldName("operator"))
		out := joinVal(l.finalVal(left), l.finalVal(right))
		switch op {
		case "%":
			if left.isLit {
				out.e.Built = true
				out.e.Lead = left.lit
				if i := strings.IndexByte(left.lit, '%'); i >= 0 {
					out.e.Lead = left.lit[:i]
				}
			}
		case "+":
			out.e.Built = true
		}
		return out
	case "boolean_operator":
		return joinVal(l.finalVal(l.expr(n.ChildByFieldName("left"))), l.finalVal(l.expr(n.ChildByFieldName("right"))))
	case "conditional_expression":
		var vs []val
		for i, c := range syntax.NamedChildren(n) {
			if i == 1 {
				l.cond(c)
				continue
			}
			vs = append(vs, l.finalVal(l.expr(c)))
		}
		return joinExprs(vs)
	case "comparison_operator", "not_operator":
		for _, c := range syntax.NamedChildren(n) {
			l.expr(c)
		}
		return val{}
	case "await", "parenthesized_expression", "unary_operator":
		if c := n.NamedChild(0); c != nil {
			return l.expr(c)
		}
		return val{}
	case "list", "tuple", "set", "expression_list":
		var vs []val
		for _, c := range syntax.NamedChildren(n) {
			vs = append(vs, l.finalVal(l.expr(c)))
		}
		out := joinExprs(vs)
		out.e.Fields = true
		return out
	case "dictionary":
		var vs []val
		for _, c := range syntax.NamedChildren(n) {
			switch c.Type() {
			case "pair":
				k := l.expr(c.ChildByFieldName("key"))
				v := l.finalVal(l.expr(c.ChildByFieldName("value")))
				for i := range v.e.Refs {
					v.e.Refs[i].Key = k.lit // what a template it is rendered into calls it
				}
				vs = append(vs, val{e: flow.Expr{Text: k.lit + ":"}}, v)
			case "dictionary_splat":
				v := l.finalVal(l.expr(c.NamedChild(0)))
				v.e.Spread = true
				vs = append(vs, v)
			}
		}
		out := joinExprs(vs)
		out.e.Fields = true
		return out
	case "list_comprehension", "set_comprehension", "generator_expression", "dictionary_comprehension":
		var vs []val
		var body, copied *syntax.Node
		for _, c := range syntax.NamedChildren(n) {
			switch c.Type() {
			case "for_in_clause":
				if n.Type() == "dictionary_comprehension" && copied == nil {
					copied = dictCopied(l.t, c)
				}
				it := l.final(l.expr(c.ChildByFieldName("right")))
				l.bind(c.ChildByFieldName("left"), oo.WithPath(it, "[]"), syntax.Line(c), "")
			case "if_clause":
				if k := c.NamedChild(0); k != nil {
					l.cond(k)
				}
			default:
				body = c
			}
		}
		if copied != nil && body != nil && body.Type() == "pair" && copiedPair(l.t, n, body) {
			// {k: v for k, v in d.items() if ...}: d itself, with some of
			// its keys left out; the keys it keeps are still d's.
			out := l.finalVal(l.expr(copied))
			out.e.Fields, out.e.Spread = true, true
			return out
		}
		if body != nil {
			if body.Type() == "pair" {
				vs = append(vs, l.finalVal(l.expr(body.ChildByFieldName("key"))), l.finalVal(l.expr(body.ChildByFieldName("value"))))
			} else {
				vs = append(vs, l.finalVal(l.expr(body)))
			}
		}
		out := joinExprs(vs)
		out.e.Fields = true
		return out
	case "named_expression":
		v := l.expr(n.ChildByFieldName("value"))
		l.bindVal(n.ChildByFieldName("name"), v, syntax.Line(n))
		return v
	case "lambda":
		l.closure(n.ChildByFieldName("parameters"), n.ChildByFieldName("body"))
		return val{}
	case "integer", "float", "true", "false", "none", "ellipsis", "comment":
		return val{}
	case "keyword_argument":
		return l.expr(n.ChildByFieldName("value"))
	case "list_splat", "dictionary_splat":
		return l.expr(n.NamedChild(0))
	}
	var vs []val
	for _, c := range syntax.NamedChildren(n) {
		vs = append(vs, l.finalVal(l.expr(c)))
	}
	return joinExprs(vs)
}

// finalVal is final, kept as a val.
func (l *lowerer) finalVal(v val) val {
	if !v.request {
		return v
	}
	return val{e: l.final(v)}
}

// str lowers a string literal: an f-string is text built around its
// interpolations.
func (l *lowerer) str(n *syntax.Node) val {
	if s, ok := l.t.StringValue(n); ok {
		return val{e: flow.Expr{Text: s}, isLit: true, lit: s}
	}
	var out val
	for _, c := range syntax.NamedChildren(n) {
		switch c.Type() {
		case "string_content":
			out = joinVal(out, val{e: flow.Expr{Text: l.t.Text(c)}})
		case "interpolation":
			out = joinVal(out, l.finalVal(l.expr(c.ChildByFieldName("expression"))))
		}
	}
	out.e.Built = true
	return out
}

// pathOnlyURL reports a URL rebuilt with neither scheme nor host
// (urlunsplit(("", "", parts.path, parts.query, ""))), the path read
// off a parsed URL (urlparse(u).path), or a local bound to one: a place
// on this site, whatever URL it was cut from.
func (l *lowerer) pathOnlyURL(n *syntax.Node) bool {
	switch n.Type() {
	case "identifier":
		return l.pathOnly[l.t.Text(n)]
	case "call":
		name := l.m.qualify(l.t.Text(n.ChildByFieldName("function")), l.types)
		if name != "urllib.parse.urlunsplit" && name != "urllib.parse.urlunparse" {
			return false
		}
		args := syntax.NamedChildren(n.ChildByFieldName("arguments"))
		if len(args) != 1 || args[0].Type() != "list" && args[0].Type() != "tuple" {
			return false
		}
		parts := syntax.NamedChildren(args[0])
		return len(parts) >= 3 && emptyString(l.t.Text(parts[0])) && emptyString(l.t.Text(parts[1]))
	case "attribute":
		obj := n.ChildByFieldName("object")
		if l.t.Text(n.ChildByFieldName("attribute")) != "path" || obj == nil || obj.Type() != "call" {
			return false
		}
		name := l.m.qualify(l.t.Text(obj.ChildByFieldName("function")), l.types)
		return name == "urllib.parse.urlparse" || name == "urllib.parse.urlsplit"
	}
	return false
}

func emptyString(s string) bool { return s == `""` || s == "''" }

// sameChecks are the checks of a that b makes too, of the same value,
// each stopping the kinds both stop.
func sameChecks(a, b []flow.Op) []flow.Op {
	var out []flow.Op
	for _, x := range a {
		for _, y := range b {
			if x.Dst != y.Dst || x.By != nil || y.By != nil {
				continue
			}
			var kinds []string
			switch {
			case slices.Contains(x.Clears, flow.CleanAll):
				kinds = y.Clears
			case slices.Contains(y.Clears, flow.CleanAll):
				kinds = x.Clears
			default:
				for _, k := range x.Clears {
					if slices.Contains(y.Clears, k) {
						kinds = append(kinds, k)
					}
				}
			}
			if len(kinds) > 0 {
				x.Clears = kinds
				out = append(out, x)
			}
			break
		}
	}
	return out
}

// dictCopied is the dict a comprehension's loop walks key and value by
// key and value (for k, v in d.items()): d, or nil.
func dictCopied(t *syntax.Tree, loop *syntax.Node) *syntax.Node {
	left, right := loop.ChildByFieldName("left"), loop.ChildByFieldName("right")
	if left == nil || right == nil || left.NamedChildCount() != 2 || right.Type() != "call" {
		return nil
	}
	f, args := right.ChildByFieldName("function"), right.ChildByFieldName("arguments")
	if f == nil || f.Type() != "attribute" || t.Text(f.ChildByFieldName("attribute")) != "items" || args == nil || args.NamedChildCount() != 0 {
		return nil
	}
	return f.ChildByFieldName("object")
}

// copiedPair reports a comprehension's pair that is the loop's own key
// and value, as walked ({k: v for k, v in ...}).
func copiedPair(t *syntax.Tree, comp, pair *syntax.Node) bool {
	var loop *syntax.Node
	for _, c := range syntax.NamedChildren(comp) {
		if c.Type() == "for_in_clause" {
			loop = c
			break
		}
	}
	left := loop.ChildByFieldName("left")
	k, v := pair.ChildByFieldName("key"), pair.ChildByFieldName("value")
	if k == nil || v == nil || k.Type() != "identifier" || v.Type() != "identifier" ||
		t.Text(k) != t.Text(left.NamedChild(0)) || t.Text(v) != t.Text(left.NamedChild(1)) {
		return false
	}
	for _, c := range syntax.NamedChildren(comp) {
		if c.Type() == "if_clause" && keyAllowed(t, c.NamedChild(0), t.Text(k)) {
			return false // if k in ALLOWED: the code picks the keys
		}
	}
	return true
}

// keyAllowed reports a test that keeps a key only when it is one the
// code names (k in ("name", "email"), k == "bio"), alone or in an and.
func keyAllowed(t *syntax.Tree, n *syntax.Node, key string) bool {
	switch {
	case n == nil:
		return false
	case n.Type() == "parenthesized_expression":
		return keyAllowed(t, n.NamedChild(0), key)
	case n.Type() == "boolean_operator":
		return t.Text(n.ChildByFieldName("operator")) == "and" &&
			(keyAllowed(t, n.ChildByFieldName("left"), key) || keyAllowed(t, n.ChildByFieldName("right"), key))
	case n.Type() == "comparison_operator":
		first := n.NamedChild(0)
		if first == nil || first.Type() != "identifier" || t.Text(first) != key {
			return false
		}
		op := strings.Join(strings.Fields(t.Text(n)[len(key):]), " ")
		return strings.HasPrefix(op, "in ") || strings.HasPrefix(op, "==")
	}
	return false
}
