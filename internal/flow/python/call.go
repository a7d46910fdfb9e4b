package python

import (
	"maps"
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/flow"
	"github.com/threatmap/threatmap/internal/flow/oo"
	"github.com/threatmap/threatmap/internal/syntax"
)

// call lowers a call: an access folded into a read where the callee is
// a dict's get or a request's own method, a string built where it is a
// format or join on a literal, and otherwise one Call op whose callee
// Finish resolves.
func (l *lowerer) call(n *syntax.Node) val {
	fnode := n.ChildByFieldName("function")
	var recv val
	var name, recvText string
	method := false
	switch {
	case fnode == nil:
		return val{}
	case fnode.Type() == "attribute":
		obj := fnode.ChildByFieldName("object")
		recv = l.expr(obj)
		recvText = l.t.Text(obj)
		name = l.t.Text(fnode.ChildByFieldName("attribute"))
		method = true
	case fnode.Type() == "identifier":
		name = l.t.Text(fnode)
	default:
		l.expr(fnode)
	}

	ci := &callInfo{splat: -1}
	var pos, kws []val
	var firstLit string
	hasFirstLit := false
	if args := n.ChildByFieldName("arguments"); args != nil {
		if args.Type() == "generator_expression" {
			pos = append(pos, l.finalVal(l.expr(args)))
			ci.argText = append(ci.argText, l.t.Text(args))
		}
		for _, a := range syntax.NamedChildren(args) {
			if args.Type() == "generator_expression" {
				break
			}
			switch a.Type() {
			case "keyword_argument":
				k := l.t.Text(a.ChildByFieldName("name"))
				v := a.ChildByFieldName("value")
				ci.kw = append(ci.kw, k)
				if ci.kwText == nil {
					ci.kwText = map[string]string{} // most calls have no keyword: no map held for them
				}
				ci.kwText[k] = l.t.Text(v)
				kws = append(kws, l.finalVal(l.expr(v)))
			case "dictionary_splat":
				v := l.finalVal(l.expr(a.NamedChild(0)))
				v.e.Spread = true
				ci.splat = len(pos)
				pos = append(pos, v)
				ci.argText = append(ci.argText, l.t.Text(a))
			case "comment":
			default:
				v := l.expr(a)
				if len(pos) == 0 && v.isLit {
					firstLit, hasFirstLit = v.lit, true
				}
				if v.isLit {
					if ci.argLit == nil {
						ci.argLit = map[int]string{}
					}
					ci.argLit[len(pos)] = v.lit
				}
				pos = append(pos, l.finalVal(v))
				ci.argText = append(ci.argText, l.t.Text(a))
			}
		}
	}

	// A request's own methods read its parts: request.args.get("q"),
	// request.get_json().
	if method && recv.request && name != "url_for" {
		out := recv
		part := "." + name + "()"
		if isDictGet(name) && hasFirstLit {
			part = "." + firstLit
		}
		out.e = oo.WithPath(recv.e, part)
		out.e.Refs[0].Note = oo.Clip(l.t.Text(n) + " read")
		out.dotted = ""
		out = val{e: l.final(out), plain: true}
		return withDefaults(out, pos[min(1, len(pos)):])
	}
	if method && recv.plain && len(recv.e.Refs) == 1 {
		switch {
		case isDictGet(name) && hasFirstLit:
			// data.get("name", default) reads data.name.
			out := recv
			out.e = oo.WithPath(recv.e, "."+firstLit)
			out.dotted, out.typ = "", ""
			return withDefaults(out, pos[1:])
		case identity[name] && len(pos) == 0:
			// A model's or dict's own copy: the same data.
			out := recv
			out.dotted, out.typ = "", ""
			return out
		}
	}
	// Text built on a literal: "...".format(x), ", ".join(xs).
	if method && recv.isLit && (name == "format" || name == "join") {
		out := joinVal(val{e: flow.Expr{Text: recv.lit}}, joinExprs(append(pos, kws...)))
		out.e.Built = true
		out.e.Lead = recv.lit
		if i := strings.IndexByte(recv.lit, '{'); i >= 0 && name == "format" {
			out.e.Lead = recv.lit[:i]
		}
		return out
	}

	switch {
	case method && recv.dotted != "":
		ci.fun = l.m.qualify(recv.dotted, l.types) + "." + name
	case method && recv.typ != "":
		ci.fun = recv.typ + "." + name
	case method:
		ci.fun = "?." + name
	default:
		ci.fun = l.m.qualify(name, l.types)
	}
	ci.npos = len(pos)
	op := flow.Op{Kind: flow.Call, Line: syntax.Line(n), Callee: flow.Callee{Name: name, Recv: recvText}, Note: oo.Clip(l.t.Text(n))}
	for _, v := range pos {
		op.Args = append(op.Args, v.e)
	}
	for _, v := range kws {
		op.Args = append(op.Args, v.e)
	}
	if method && !l.moduleFunc(recv) {
		re := l.final(recv)
		op.Callee.RecvExpr = &re
	}
	if ci.fun == "lxml.etree.XMLParser" || strings.HasSuffix(ci.fun, "etree.XMLParser") {
		if ci.kwText["resolve_entities"] == "True" {
			ci.fun += "+entities"
		}
	}
	ci.parserEntities = l.entitiesParser(ci)
	i := l.emit(op)
	l.f.calls[i] = ci
	return val{e: flow.Expr{Refs: []flow.Ref{{Call: i + 1, Line: syntax.Line(n)}}}, plain: true, typ: ci.fun}
}

// moduleFunc reports whether a method call's receiver is an imported
// module or name (base64.b64decode): the call is a function's, whose
// result is made from its arguments, not the receiver's data.
func (l *lowerer) moduleFunc(recv val) bool {
	if len(recv.e.Refs) > 0 || recv.dotted == "" {
		return false
	}
	root, _, _ := strings.Cut(recv.dotted, ".")
	_, imported := l.m.imports[root]
	return imported && !l.locals[root]
}

// entitiesParser reports whether an XML parse is given a parser that
// resolves external entities: inline, or a local bound to one.
func (l *lowerer) entitiesParser(ci *callInfo) bool {
	arg := ci.kwText["parser"]
	if arg == "" && len(ci.argText) > 1 {
		arg = ci.argText[1]
	}
	if arg == "" {
		return false
	}
	if strings.Contains(arg, "resolve_entities=True") {
		return true
	}
	return strings.HasSuffix(l.types[arg], "+entities")
}

// withDefaults joins a read with the defaults passed to it, if any
// carries data: data.get("a", data.get("b")).
func withDefaults(v val, defaults []val) val {
	d := joinExprs(defaults)
	if len(d.e.Refs) == 0 {
		return v
	}
	return joinVal(v, d)
}

func isDictGet(name string) bool {
	switch name {
	case "get", "getlist", "pop", "setdefault", "getone":
		return true
	}
	return false
}

// identity are methods whose result is the receiver's data as a whole:
// a Pydantic model's dict, a mapping's copy.
var identity = map[string]bool{"dict": true, "model_dump": true, "to_dict": true, "copy": true, "dict_": true}

// cond lowers a condition: its calls, then the checks it makes, each a
// Clear of the value it tests from here on.
func (l *lowerer) cond(n *syntax.Node) {
	if n == nil {
		return
	}
	l.expr(n)
	var t tested
	l.checks(n, &t, false, false)
	for _, op := range t.all {
		l.emit(op)
	}
}

// tested are the checks a condition makes: holds where it is true (x ==
// "a", x in ALLOWED), fails where it is false (x != "a", x not in
// ALLOWED, not x.startswith("/")); all is every one, wherever it holds.
type tested struct{ holds, fails, all []flow.Op }

// checks reads the tests in n; neg says n sits under an odd number of
// not, either that it sits under or (where the condition holds, another
// operand may be what held).
func (l *lowerer) checks(n *syntax.Node, t *tested, neg, either bool) {
	if n == nil {
		return
	}
	var by *flow.TestBy
	add := func(paths map[string]bool, line int, neg bool, kinds ...string) {
		for _, p := range sortedKeys(paths) {
			op := flow.Op{Kind: flow.Clear, Line: line, Dst: p, Clears: kinds, By: by}
			t.all = append(t.all, op)
			switch {
			case neg:
				t.fails = append(t.fails, op)
			case !either:
				t.holds = append(t.holds, op)
			}
		}
	}
	switch n.Type() {
	case "not_operator":
		l.checks(n.ChildByFieldName("argument"), t, !neg, either)
	case "boolean_operator":
		or := l.t.Text(n.ChildByFieldName("operator")) == "or"
		l.checks(n.ChildByFieldName("left"), t, neg, either || or)
		l.checks(n.ChildByFieldName("right"), t, neg, either || or)
	case "parenthesized_expression":
		if c := n.NamedChild(0); c != nil {
			l.checks(c, t, neg, either)
		}
	case "comparison_operator":
		ops := syntax.NamedChildren(n)
		if len(ops) != 2 {
			return
		}
		var op string
		for _, c := range syntax.Children(n) {
			if !c.IsNamed() {
				op += " " + c.Type()
			}
		}
		op = strings.TrimSpace(op)
		left, right := ops[0], ops[1]
		switch op {
		case "in", "not in":
			if right.Type() == "attribute" && l.t.Text(right.ChildByFieldName("attribute")) == "parents" {
				// base in path.resolve().parents: path lies under base.
				add(l.paths(right.ChildByFieldName("object")), syntax.Line(n), neg != (op == "not in"), flow.PathTraversal)
				return
			}
			// A value tested against a collection: an allow-list.
			roots := l.roots(left)
			for r := range l.roots(right) {
				if roots[r] {
					return
				}
			}
			add(l.paths(left), syntax.Line(n), neg != (op == "not in"), flow.CleanAll)
		case "==", "!=":
			// A value compared with a literal is that literal.
			switch {
			case isLiteral(right):
				add(l.paths(left), syntax.Line(n), neg != (op == "!="), flow.CleanAll)
			case isLiteral(left):
				add(l.paths(right), syntax.Line(n), neg != (op == "!="), flow.CleanAll)
			case l.commonPath(left) != nil || l.commonPath(right) != nil:
				// os.path.commonpath([base, path]) == base: path lies
				// under base.
				c := l.commonPath(left)
				if c == nil {
					c = l.commonPath(right)
				}
				add(l.paths(c), syntax.Line(n), neg != (op == "!="), flow.PathTraversal)
			}
		}
	case "call":
		fnode := n.ChildByFieldName("function")
		args := n.ChildByFieldName("arguments")
		if fnode == nil || args == nil {
			return
		}
		if fnode.Type() == "attribute" {
			switch l.t.Text(fnode.ChildByFieldName("attribute")) {
			case "startswith":
				// A prefix check: a local path, a root folder, a fixed host.
				// A literal prefix that fixes no host or folder
				// (startswith("http"), startswith("/")) only sorts the
				// value: "//evil.example" starts with "/" and is a URL to
				// any host, unless the same condition also refuses "//".
				if a := args.NamedChild(0); a != nil && a.Type() == "string" {
					if v, ok := l.t.StringValue(a); ok && !flow.FixedPrefix(v) && !(v == "/" && refusesDoubleSlash(l.t.Text(condRoot(n)))) {
						return
					}
				}
				add(l.paths(fnode.ChildByFieldName("object")), syntax.Line(n), neg, flow.OpenRedirect, flow.PathTraversal, flow.SSRF)
				return
			case "is_relative_to":
				add(l.paths(fnode.ChildByFieldName("object")), syntax.Line(n), neg, flow.PathTraversal)
				return
			}
		}
		var name string
		switch fnode.Type() {
		case "attribute", "identifier":
			name = l.m.qualify(l.t.Text(fnode), l.types)
		}
		as := syntax.NamedChildren(args)
		chk, ok := checkCalls[name]
		if !ok {
			// A function of the repository may return a test of what
			// it is given (return base in path.parents): its summary
			// says, at the call (Op.By).
			call := flow.CallAt(l.f.Ops, syntax.Line(n), oo.Clip(l.t.Text(n)))
			if call == 0 {
				return
			}
			for k, a := range as {
				if a.Type() == "keyword_argument" {
					break
				}
				by = &flow.TestBy{Call: call, Arg: k}
				add(l.paths(a), syntax.Line(n), neg)
			}
			by = nil
			return
		}
		if chk.arg < len(as) {
			add(l.paths(as[chk.arg]), syntax.Line(n), neg, chk.kinds...)
		}
	}
}

// condRoot is the whole condition a test sits in: up through the
// boolean operators, negations and brackets around it.
func condRoot(n *syntax.Node) *syntax.Node {
	for p := n.Parent(); p != nil; p = p.Parent() {
		switch p.Type() {
		case "boolean_operator", "not_operator", "parenthesized_expression":
			n = p
		default:
			return n
		}
	}
	return n
}

// refusesDoubleSlash: the condition also tests for "//" (or a
// backslash), the protocol-relative URL a single-slash test lets by.
func refusesDoubleSlash(cond string) bool {
	return strings.Contains(cond, `"//"`) || strings.Contains(cond, `'//'`) || strings.Contains(cond, `\\`)
}

// commonPath is the list os.path.commonpath is given, when n is that call.
func (l *lowerer) commonPath(n *syntax.Node) *syntax.Node {
	if n.Type() != "call" {
		return nil
	}
	fnode := n.ChildByFieldName("function")
	if fnode == nil || fnode.Type() != "attribute" && fnode.Type() != "identifier" {
		return nil
	}
	if name := l.m.qualify(l.t.Text(fnode), l.types); name != "os.path.commonpath" && name != "posixpath.commonpath" {
		return nil
	}
	return n.ChildByFieldName("arguments")
}

func isLiteral(n *syntax.Node) bool {
	switch n.Type() {
	case "string", "integer", "float", "true", "false", "none":
		return true
	}
	return false
}

// roots are the locals an expression reads: url in urlparse(url).hostname.
func (l *lowerer) roots(n *syntax.Node) map[string]bool {
	out := map[string]bool{}
	syntax.Walk(n, func(c *syntax.Node) bool {
		switch c.Type() {
		case "attribute":
			if o := c.ChildByFieldName("object"); o != nil {
				for k := range l.roots(o) {
					out[k] = true
				}
			}
			return false
		case "keyword_argument":
			if v := c.ChildByFieldName("value"); v != nil {
				for k := range l.roots(v) {
					out[k] = true
				}
			}
			return false
		case "identifier":
			if name := l.t.Text(c); l.locals[name] {
				out[name] = true
			}
		}
		return true
	})
	return out
}

// paths are the parts of locals an expression tests, each as far down
// as it is read: request.method in request.method == "POST", never the
// whole request (its POST and body are other values); url in
// urlparse(url).hostname, where the test is on what url holds.
func (l *lowerer) paths(n *syntax.Node) map[string]bool {
	out := map[string]bool{}
	syntax.Walk(n, func(c *syntax.Node) bool {
		if name, path, ok := l.access(c); ok {
			out[name+path] = true
			return false
		}
		if c.Type() == "keyword_argument" {
			for k := range l.paths(c.ChildByFieldName("value")) {
				out[k] = true
			}
			return false
		}
		return true
	})
	return out
}

// access is the local and the path an expression reads, built as a
// read's path is (flow.JoinPath), when the expression is only a read:
// x, x.a, x["k"], x.get("k"), or one of these normalised (x.a.lower()
// tests what x.a holds).
func (l *lowerer) access(n *syntax.Node) (name, path string, ok bool) {
	switch n.Type() {
	case "identifier":
		name := l.t.Text(n)
		return name, "", l.locals[name]
	case "parenthesized_expression":
		if n.NamedChildCount() == 1 {
			return l.access(n.NamedChild(0))
		}
	case "attribute":
		if name, path, ok := l.access(n.ChildByFieldName("object")); ok {
			return name, flow.JoinPath(path, "."+l.t.Text(n.ChildByFieldName("attribute"))), true
		}
	case "subscript":
		name, path, ok := l.access(n.ChildByFieldName("value"))
		if !ok {
			break
		}
		if k, lit := l.t.StringValue(n.ChildByFieldName("subscript")); lit && k != "" {
			return name, flow.JoinPath(path, "."+k), true
		}
		return name, flow.JoinPath(path, "[]"), true
	case "call":
		fnode := n.ChildByFieldName("function")
		if fnode == nil || fnode.Type() != "attribute" {
			break
		}
		name, path, ok := l.access(fnode.ChildByFieldName("object"))
		if !ok {
			break
		}
		var as []*syntax.Node
		if args := n.ChildByFieldName("arguments"); args != nil {
			as = syntax.NamedChildren(args)
		}
		method := l.t.Text(fnode.ChildByFieldName("attribute"))
		switch {
		case normalisers[method] && len(as) == 0:
			return name, path, true
		case isDictGet(method) && len(as) > 0:
			if k, lit := l.t.StringValue(as[0]); lit && k != "" {
				return name, flow.JoinPath(path, "."+k), true
			}
		}
	}
	return "", "", false
}

// normalisers are str methods whose result is the receiver's text in
// another case or trimmed: a test on it is a test on the receiver.
var normalisers = map[string]bool{"lower": true, "upper": true, "casefold": true, "strip": true, "lstrip": true, "rstrip": true,
	// A path made absolute: a test of where it lies is a test of it.
	"resolve": true, "absolute": true}

func sortedKeys(m map[string]bool) []string { return slices.Sorted(maps.Keys(m)) }
