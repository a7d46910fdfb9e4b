package java

import (
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/flow"
	"github.com/threatmap/threatmap/internal/syntax"
)

// args lowers a call's arguments.
func (l *lowerer) args(n *syntax.Node) ([]val, []*syntax.Node) {
	var vs []val
	var nodes []*syntax.Node
	if n == nil {
		return nil, nil
	}
	for _, a := range syntax.NamedChildren(n) {
		if strings.HasSuffix(a.Type(), "comment") {
			continue
		}
		vs = append(vs, l.expr(a))
		nodes = append(nodes, a)
	}
	return vs, nodes
}

// call lowers a method invocation.
func (l *lowerer) call(n *syntax.Node) val {
	name := l.t.Text(n.ChildByFieldName("name"))
	obj := n.ChildByFieldName("object")
	line := syntax.Line(n)
	ci := &callInfo{name: name}
	var recv val
	switch {
	case obj == nil:
		ci.self = true
	case obj.Type() == "this":
		ci.self = true
	case obj.Type() == "super":
		ci.self = true
	default:
		recv = l.expr(obj)
		ci.typ = recv.typ
	}
	if !recv.e.Empty() && eachMethods[name] {
		e := recv.e
		l.each = &e
	}
	args, nodes := l.args(n.ChildByFieldName("arguments"))
	l.each = nil
	ci.nargs = len(args)

	// sb.append(x): the builder local holds x from here on.
	if name == "append" && recv.local != "" && !ci.self && (recv.typ == "StringBuilder" || recv.typ == "StringBuffer") {
		v := val{}
		for _, a := range args {
			v.e = joinExpr(v.e, a.e)
		}
		l.assign(recv.local, v, line, true)
		return val{e: flow.Expr{Refs: []flow.Ref{{Var: recv.local, Line: line}}, Text: l.text[recv.local]}, plain: true, typ: recv.typ, local: recv.local}
	}
	// Text built on a literal or a format: String.format("... %s", x).
	if (name == "format" && recv.static && recv.typ == "String") || (name == "formatted" && recv.isLit) {
		var out flow.Expr
		lit, ok := "", false
		if name == "formatted" {
			lit, ok = recv.lit, true
		} else if len(args) > 0 && args[0].isLit {
			lit, ok = args[0].lit, true
			args = args[1:]
		}
		for _, a := range args {
			out = joinExpr(out, a.e)
		}
		out.Text = clipText(lit + out.Text)
		if ok {
			out.Lead = lit
			if i := strings.IndexByte(lit, '%'); i >= 0 {
				out.Lead = lit[:i]
			}
		}
		out.Built = true
		return val{e: out, typ: "String"}
	}

	op := flow.Op{Kind: flow.Call, Line: line, Callee: flow.Callee{Name: name}, Note: clip(l.t.Text(n))}
	if obj != nil && !ci.self {
		op.Callee.Recv = l.t.Text(obj)
	}
	for _, a := range args {
		op.Args = append(op.Args, a.e)
	}
	if !ci.self && !recv.static && !recv.e.Empty() {
		re := recv.e
		if passMethods[name] {
			for _, a := range args {
				re = joinExpr(re, a.e)
			}
		}
		op.Callee.RecvExpr = &re
	}
	key := ci.typ + "." + name
	if specs, ok := typeSinks[key]; ok && ci.typ != "" {
		l.addSinks(ci, specs, args, nodes)
	} else if specs, ok := methodSinks[name]; ok && !ci.self && !recv.static {
		l.addSinks(ci, specs, args, nodes)
	}
	if writerMethods[name] && l.html && (ci.typ == "PrintWriter" || ci.typ == "ServletOutputStream" || ci.typ == "Writer" || strings.Contains(op.Callee.Recv, "getWriter()")) {
		ci.sinks = append(ci.sinks, flow.SinkUse{Sink: flow.SinkHTML, Args: []int{-2}})
	}
	if name == "invoke" && ci.typ == "Method" {
		ci.sinks = append(ci.sinks, flow.SinkUse{Sink: sinkReflect, Args: []int{-1}})
	}
	if kinds, ok := cleaners[key]; ok {
		ci.clears = kinds
	}
	i := l.emit(op)
	l.f.calls[i] = ci
	out := val{e: flow.Expr{Refs: []flow.Ref{{Call: i + 1, Line: line}}}, plain: true}
	out.typ = returnTypes[key]
	out.norm = normalizers[name]
	if out.typ == "" && (ci.typ == "WebClient" || ci.typ == "RestClient" || ci.typ == "StringBuilder" || ci.typ == "ProcessBuilder") {
		out.typ = ci.typ // a builder's chain
	}
	if out.typ == "" && name == "getWriter" {
		out.typ = "PrintWriter"
	}
	if out.typ == "" && (name == "getMethod" || name == "getDeclaredMethod") {
		out.typ = "Method"
	}
	if out.typ == "" && (name == "toString" || name == "trim" || name == "toLowerCase" || name == "toUpperCase" || name == "substring") {
		out.typ = "String"
	}
	return out
}

// newCall lowers new T(...).
func (l *lowerer) newCall(n *syntax.Node) val {
	typ := simple(l.t.Text(n.ChildByFieldName("type")))
	line := syntax.Line(n)
	args, nodes := l.args(n.ChildByFieldName("arguments"))
	ci := &callInfo{name: "<init>", typ: typ, ctor: true, nargs: len(args)}
	if b := n.ChildByFieldName("body"); b != nil {
		// An anonymous class: its methods are lowered where written.
		l.branch++
		syntax.Walk(b, func(c *syntax.Node) bool {
			if c.Type() == "block" {
				l.statement(c)
				return false
			}
			return true
		})
		l.branch--
	}
	op := flow.Op{Kind: flow.Call, Line: line, Callee: flow.Callee{Name: "new " + typ}, Note: clip(l.t.Text(n))}
	for _, a := range args {
		op.Args = append(op.Args, a.e)
	}
	if specs, ok := typeSinks["new:"+typ]; ok && !l.nameOnly(n) {
		l.addSinks(ci, specs, args, nodes)
	}
	i := l.emit(op)
	l.f.calls[i] = ci
	return val{e: flow.Expr{Refs: []flow.Ref{{Call: i + 1, Line: line}}}, plain: true, typ: typ}
}

// addSinks records the vocabulary's sinks for a call. A command given
// as an argv runs a shell only where its program is one given -c: then
// what follows is the command line; otherwise the program is what the
// request must not choose.
func (l *lowerer) addSinks(ci *callInfo, specs []sinkSpec, args []val, nodes []*syntax.Node) {
	for _, s := range specs {
		use := flow.SinkUse{Sink: s.sink, Args: s.args}
		if s.sink == flow.SinkShell {
			if at, ok := l.argvSinks(nodes); ok {
				use.Args = at
			}
		}
		if s.sink == flow.SinkFile && ci.ctor {
			// new FileInputStream(file): a File or a Path already made
			// is where its path was chosen, and reported there.
			var keep []int
			for i, a := range args {
				if (slices.Contains(s.args, i) || slices.Contains(s.args, -2)) && a.typ != "File" && a.typ != "Path" {
					keep = append(keep, i)
				}
			}
			use.Args = keep
		}
		ci.sinks = append(ci.sinks, use)
	}
}

// argvSinks are the arguments of a command given as separate words
// ("bash", "-c", cmd or new String[]{...}) that run as a command: the
// words after a shell's -c, or the program itself.
func (l *lowerer) argvSinks(nodes []*syntax.Node) ([]int, bool) {
	if len(nodes) == 1 && (nodes[0].Type() == "array_creation_expression" || nodes[0].Type() == "array_initializer") {
		// exec(new String[]{...}): one argument; its elements are
		// lowered together, so the argument is the sink if it holds a
		// shell's command or a chosen program.
		words := elements(nodes[0])
		if len(words) == 0 {
			return nil, false
		}
		if prog, ok := l.literal(words[0]); ok {
			if shells[prog] && len(words) > 2 {
				return []int{0}, true
			}
			return nil, true // a fixed program given words: no shell
		}
		return []int{0}, true
	}
	if len(nodes) < 2 {
		return nil, false
	}
	prog, ok := l.literal(nodes[0])
	if !ok {
		return []int{0}, true
	}
	if shells[prog] {
		out := []int{}
		for i := 2; i < len(nodes); i++ {
			out = append(out, i)
		}
		return out, true
	}
	return nil, true
}

func elements(n *syntax.Node) []*syntax.Node {
	if n.Type() == "array_creation_expression" {
		for _, c := range syntax.NamedChildren(n) {
			if c.Type() == "array_initializer" {
				n = c
				break
			}
		}
	}
	if n.Type() != "array_initializer" {
		return nil
	}
	return syntax.NamedChildren(n)
}

func (l *lowerer) literal(n *syntax.Node) (string, bool) {
	if n == nil || n.Type() != "string_literal" {
		return "", false
	}
	return strings.Trim(l.t.Text(n), `"`), true
}

// eachMethods call a lambda with each element of their receiver.
var eachMethods = map[string]bool{"forEach": true, "map": true, "filter": true, "flatMap": true, "anyMatch": true,
	"allMatch": true, "peek": true, "forEachOrdered": true, "mapToObj": true}

// nameOnly reports a File made only to read its name back (new
// File(path).getName()): no file is opened, and the name has no folder.
func (l *lowerer) nameOnly(n *syntax.Node) bool {
	p := n.Parent()
	for p != nil && p.Type() == "parenthesized_expression" {
		n, p = p, p.Parent()
	}
	return p != nil && p.Type() == "method_invocation" && p.ChildByFieldName("object") == n && l.t.Text(p.ChildByFieldName("name")) == "getName"
}
