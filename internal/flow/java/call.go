package java

import (
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/flow"
	"github.com/threatmap/threatmap/internal/flow/oo"
	"github.com/threatmap/threatmap/internal/syntax"
)

// args lowers a call's arguments.
func (l *lowerer) args(n *syntax.Node) ([]val, []*syntax.Node) {
	return oo.Args(n, func(a *syntax.Node) *syntax.Node {
		if strings.HasSuffix(a.Type(), "comment") {
			return nil
		}
		return a
	}, l.expr)
}

// call lowers a method invocation.
func (l *lowerer) call(n *syntax.Node) val {
	name := l.T.Text(n.ChildByFieldName("name"))
	obj := n.ChildByFieldName("object")
	line := syntax.Line(n)
	ci := &callInfo{Name: name}
	var recv val
	switch {
	case obj == nil:
		ci.Self = true
	case obj.Type() == "this":
		ci.Self = true
	case obj.Type() == "super":
		ci.Self = true
	default:
		recv = l.expr(obj)
		ci.Type = recv.Typ
	}
	if !recv.E.Empty() && eachMethods[name] {
		e := recv.E
		l.each = &e
	}
	args, nodes := l.args(n.ChildByFieldName("arguments"))
	l.each = nil
	ci.NArgs = len(args)

	// sb.append(x): the builder local holds x from here on.
	if name == "append" && recv.Local != "" && !ci.Self && (recv.Typ == "StringBuilder" || recv.Typ == "StringBuffer") {
		v := val{}
		for _, a := range args {
			v.E = oo.JoinExpr(v.E, a.E)
		}
		l.assign(recv.Local, v, line, true)
		return val{E: flow.Expr{Refs: []flow.Ref{{Var: recv.Local, Line: line}}, Text: l.Text[recv.Local]}, Plain: true, Typ: recv.Typ, Local: recv.Local}
	}
	// Text built on a literal or a format: String.format("... %s", x).
	if (name == "format" && recv.Static && recv.Typ == "String") || (name == "formatted" && recv.IsLit) {
		lit, ok := "", false
		if name == "formatted" {
			lit, ok = recv.Lit, true
		} else if len(args) > 0 && args[0].IsLit {
			lit, ok = args[0].Lit, true
			args = args[1:]
		}
		return oo.Formatted(lit, ok, '%', args, "String")
	}

	l.modelCall(name, recv, args)
	op := flow.Op{Kind: flow.Call, Line: line, Callee: flow.Callee{Name: name}, Note: oo.Clip(l.T.Text(n))}
	if obj != nil && !ci.Self {
		op.Callee.Recv = l.T.Text(obj)
	}
	oo.Given(&op, ci, recv, args, passMethods[name])
	key := ci.Type + "." + name
	if specs, ok := typeSinks[key]; ok && ci.Type != "" {
		l.addSinks(ci, specs, args, nodes)
	} else if specs, ok := methodSinks[name]; ok && !ci.Self && !recv.Static {
		l.addSinks(ci, specs, args, nodes)
	}
	if specs, ok := xmlSinks[key]; ok && !l.xmlSafe {
		l.addSinks(ci, specs, args, nodes)
	}
	if persistMethods[name] && !ci.Self && !recv.Static && ci.Type != "" && len(args) == 1 && args[0].Typ != "" {
		// Whether the receiver is a repository and the record has a
		// field only staff should set is known once every class is read
		// (keepMassAssign).
		ci.Sinks = append(ci.Sinks, flow.SinkUse{Sink: flow.SinkMassAssign, Args: []int{0}})
		ci.ArgTypes = []string{args[0].Typ}
	}
	if writerMethods[name] && l.html && (ci.Type == "PrintWriter" || ci.Type == "ServletOutputStream" || ci.Type == "Writer" || strings.Contains(op.Callee.Recv, "getWriter()")) {
		ci.Sinks = append(ci.Sinks, flow.SinkUse{Sink: flow.SinkHTML, Args: []int{-2}})
	}
	if l.logs && logMethods[name] && ci.Type == "Logger" {
		// Every argument is formatted into the message, where log4j 2
		// before 2.15 looks up ${jndi:...}: kept only when the build
		// depends on such a version (see Log4Shell).
		ci.Sinks = append(ci.Sinks, flow.SinkUse{Sink: sinkLog4Shell, Args: []int{-2}})
	}
	if name == "invoke" && ci.Type == "Method" {
		ci.Sinks = append(ci.Sinks, flow.SinkUse{Sink: sinkReflect, Args: []int{-1}})
	}
	if kinds, ok := cleaners[key]; ok {
		ci.Clears = kinds
	}
	i := l.Emit(op)
	l.F.Calls[i] = ci
	out := val{E: flow.Expr{Refs: []flow.Ref{{Call: i + 1, Line: line}}}, Plain: true}
	out.Typ = returnTypes[key]
	out.Norm = normalizers[name]
	if out.Typ == "" && (ci.Type == "WebClient" || ci.Type == "RestClient" || ci.Type == "StringBuilder" || ci.Type == "ProcessBuilder") {
		out.Typ = ci.Type // a builder's chain
	}
	if out.Typ == "" && name == "getWriter" {
		out.Typ = "PrintWriter"
	}
	if out.Typ == "" && (name == "getMethod" || name == "getDeclaredMethod") {
		out.Typ = "Method"
	}
	if out.Typ == "" && (name == "toString" || name == "trim" || name == "toLowerCase" || name == "toUpperCase" || name == "substring") {
		out.Typ = "String"
	}
	return out
}

// newCall lowers new T(...).
func (l *lowerer) newCall(n *syntax.Node) val {
	typ := simple(l.T.Text(n.ChildByFieldName("type")))
	line := syntax.Line(n)
	args, nodes := l.args(n.ChildByFieldName("arguments"))
	ci := &callInfo{Name: "<init>", Type: typ, Ctor: true, NArgs: len(args)}
	l.modelNew(typ, args)
	if b := classBody(n); b != nil {
		// An anonymous class (new ReturningWork<T>() { T execute(Connection
		// c) {...} }): its methods are lowered where written, so what they
		// read of the enclosing method's locals and parameters reaches
		// their sinks from there. As a lambda's, their returns are not
		// the enclosing method's.
		syntax.Walk(b, func(c *syntax.Node) bool {
			if c.Type() == "block" {
				l.InPlace(c, l.statement, l.lower)
				return false
			}
			return true
		})
	}
	op := flow.Op{Kind: flow.Call, Line: line, Callee: flow.Callee{Name: "new " + typ}, Note: oo.Clip(l.T.Text(n))}
	for _, a := range args {
		op.Args = append(op.Args, a.E)
	}
	if specs, ok := typeSinks["new:"+typ]; ok && !l.nameOnly(n) {
		l.addSinks(ci, specs, args, nodes)
	}
	i := l.Emit(op)
	l.F.Calls[i] = ci
	return val{E: flow.Expr{Refs: []flow.Ref{{Call: i + 1, Line: line}}}, Plain: true, Typ: typ}
}

// classBody is the body of an anonymous class made by new T() {...}: the
// grammar gives it no field name.
func classBody(n *syntax.Node) *syntax.Node {
	if b := n.ChildByFieldName("body"); b != nil {
		return b
	}
	for _, c := range syntax.NamedChildren(n) {
		if c.Type() == "class_body" {
			return c
		}
	}
	return nil
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
		if s.sink == flow.SinkFile && ci.Ctor {
			// new FileInputStream(file): a File or a Path already made
			// is where its path was chosen, and reported there.
			var keep []int
			for i, a := range args {
				if (slices.Contains(s.args, i) || slices.Contains(s.args, -2)) && a.Typ != "File" && a.Typ != "Path" {
					keep = append(keep, i)
				}
			}
			use.Args = keep
		}
		ci.Sinks = append(ci.Sinks, use)
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
			if oo.Shells[prog] && len(words) > 2 {
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
	if oo.Shells[prog] {
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
	return strings.Trim(l.T.Text(n), `"`), true
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
	return p != nil && p.Type() == "method_invocation" && p.ChildByFieldName("object") == n && l.T.Text(p.ChildByFieldName("name")) == "getName"
}
