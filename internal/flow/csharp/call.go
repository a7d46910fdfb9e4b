package csharp

import (
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/flow"
	"github.com/threatmap/threatmap/internal/flow/oo"
	"github.com/threatmap/threatmap/internal/syntax"
)

// callName is the name a call's function is written with, without type
// arguments (Query<User>: Query).
func (l *lowerer) callName(n *syntax.Node) string {
	if n == nil {
		return ""
	}
	if n.Type() == "generic_name" {
		for _, c := range syntax.NamedChildren(n) {
			if c.Type() == "identifier" {
				return l.T.Text(c)
			}
		}
	}
	return l.T.Text(n)
}

// args lowers a call's arguments (out and ref ones too: what they hold
// is given to the call).
func (l *lowerer) args(n *syntax.Node) ([]val, []*syntax.Node) {
	return oo.Args(n, func(a *syntax.Node) *syntax.Node {
		if a.Type() != "argument" {
			return nil
		}
		if x := a.ChildByFieldName("expression"); x != nil {
			return x
		}
		return a.NamedChild(int(a.NamedChildCount()) - 1)
	}, l.expr)
}

// call lowers an invocation.
func (l *lowerer) call(n *syntax.Node) val {
	fn := n.ChildByFieldName("function")
	line := syntax.Line(n)
	var obj *syntax.Node
	var name string
	switch {
	case fn == nil:
		return val{}
	case fn.Type() == "member_access_expression":
		obj = fn.ChildByFieldName("expression")
		name = l.callName(fn.ChildByFieldName("name"))
	case fn.Type() == "member_binding_expression":
		name = l.callName(fn.ChildByFieldName("name"))
		if p := n.Parent(); p != nil && p.Type() == "conditional_access_expression" {
			obj = p.NamedChild(0)
		}
	case fn.Type() == "identifier" || fn.Type() == "generic_name":
		name = l.callName(fn)
	default:
		l.expr(fn)
	}
	ci := &oo.Call{Name: name}
	var recv val
	switch {
	case obj == nil && (fn.Type() == "identifier" || fn.Type() == "generic_name"):
		ci.Self = true
	case obj == nil:
	case obj.Type() == "this_expression" || obj.Type() == "base_expression":
		ci.Self = true
	default:
		recv = l.expr(obj)
		ci.Type = recv.Typ
	}
	root := ""
	if recv.Static {
		// System.IO.File.ReadAllText: keyed by the class's own name;
		// HtmlEncoder.Default.Encode: by the class it is read from.
		root = recv.Typ
		if recv.Lit != "" {
			root = recv.Lit
			if i := strings.LastIndexByte(root, '.'); i >= 0 {
				root = root[i+1:]
			}
		}
	}
	args, nodes := l.args(n.ChildByFieldName("arguments"))
	ci.NArgs = len(args)
	recvText := ""
	if obj != nil {
		recvText = l.T.Text(obj)
	}

	// Text built on a format: string.Format("... {0}", x).
	if name == "Format" && recv.Static && (recv.Typ == "string" || recv.Typ == "String") && len(args) > 0 {
		if !args[0].IsLit {
			// A format the code did not write: it too is pasted in.
			return oo.Formatted("", false, '{', args, "string")
		}
		return oo.Formatted(args[0].Lit, true, '{', args[1:], "string")
	}
	// sb.Append(x), doc.Load(stream), list.Add(x): the local holds what
	// it is given from here on.
	if fillMethods[name] && recv.Local != "" && !ci.Self && !strings.HasPrefix(recv.Local, "this.") {
		v := val{}
		for _, a := range args {
			v.E = oo.JoinExpr(v.E, a.E)
		}
		if !v.E.Empty() || recv.Typ == "StringBuilder" {
			l.Assign(recv.Local, v.E, line, true)
		}
		if recv.Typ == "StringBuilder" {
			return val{E: flow.Expr{Refs: []flow.Ref{{Var: recv.Local, Line: line}}, Text: l.Text[recv.Local]}, Plain: true, Typ: recv.Typ, Local: recv.Local}
		}
	}

	op := flow.Op{Kind: flow.Call, Line: line, Callee: flow.Callee{Name: name}, Note: oo.Clip(l.T.Text(n))}
	if obj != nil && !ci.Self {
		op.Callee.Recv = recvText
	}
	oo.Given(&op, ci, recv, args, passMethods[name])
	key := ci.Type + "." + name
	switch {
	case ci.Self:
		if specs, ok := selfSinks[name]; ok {
			l.addSinks(ci, specs)
		}
		op.Render = l.view(name, args)
	case typeSinks[key] != nil && ci.Type != "":
		l.addSinks(ci, typeSinks[key], args...)
	case recv.Static && typeSinks[root+"."+name] != nil:
		l.addSinks(ci, typeSinks[root+"."+name], args...)
	case name == "Redirect" && strings.HasSuffix(recvText, "Response"):
		l.addSinks(ci, typeSinks["HttpResponse.Redirect"])
	case methodSinks[name] != nil && !recv.Static:
		l.addSinks(ci, methodSinks[name])
	case formattedSQL[name] && !recv.Static && len(nodes) > 0 && nodes[0].Type() != "interpolated_string_expression":
		// FromSql(sql) given a string built before: raw text.
		l.addSinks(ci, spec(flow.SinkSQL, 0))
	}
	if name == "Content" && (ci.Self || ci.Type == "Results" || ci.Type == "TypedResults") && len(args) > 1 && args[1].IsLit && htmlType.MatchString(args[1].Lit) {
		l.addSinks(ci, spec(flow.SinkHTML, 0))
	}
	if (name == "DeserializeObject" || name == "Deserialize") && l.typeNames && ci.Type == "JsonConvert" {
		// Newtonsoft with TypeNameHandling set to let the JSON say
		// which type to make.
		l.addSinks(ci, spec(flow.SinkDeserial, 0))
	}
	if kinds, ok := cleaners[key]; ok {
		ci.Clears = kinds
	} else if kinds, ok := cleaners[root+"."+name]; ok && recv.Static {
		ci.Clears = kinds
	}
	i := l.Emit(op)
	l.F.Calls[i] = ci
	if (efReaders[name] || efSyncReaders[name] && l.contextRead(recvText)) && !ci.Self {
		// A record Entity Framework read back: what users saved, which
		// only a sink writing it into a page as HTML takes.
		return val{E: flow.Expr{Refs: []flow.Ref{{Source: facts.SourceStored, Line: line, Note: op.Note + " read"}}}, Plain: true}
	}
	out := val{E: flow.Expr{Refs: []flow.Ref{{Call: i + 1, Line: line}}}, Plain: true}
	out.Typ = returnTypes[key]
	if out.Typ == "" && name == "CreateClient" {
		out.Typ = "HttpClient"
	}
	if out.Typ == "" && (ci.Type == "StringBuilder" || name == "ToString" || name == "Trim" || name == "ToLower" || name == "ToUpper" || name == "Substring") {
		out.Typ = "string"
	}
	return out
}

// newCall lowers new T(...) { P = v }.
func (l *lowerer) newCall(n *syntax.Node) val {
	typ := base(simple(l.T.Text(n.ChildByFieldName("type"))))
	line := syntax.Line(n)
	args, _ := l.args(n.ChildByFieldName("arguments"))
	ci := &oo.Call{Name: ".ctor", Type: typ, Ctor: true, NArgs: len(args)}
	op := flow.Op{Kind: flow.Call, Line: line, Callee: flow.Callee{Name: "new " + typ}, Note: oo.Clip(l.T.Text(n))}
	for _, a := range args {
		op.Args = append(op.Args, a.E)
	}
	if specs, ok := typeSinks["new:"+typ]; ok {
		l.addSinks(ci, specs, args...)
		// Only the arguments written in the parentheses; an
		// initializer's properties are sinks where they are one, below.
		for k := range ci.Sinks {
			ci.Sinks[k].Args = slices.DeleteFunc(slices.Clone(ci.Sinks[k].Args), func(i int) bool { return i >= len(args) })
		}
	}
	for _, c := range syntax.NamedChildren(n) {
		if c.Type() != "initializer_expression" {
			continue
		}
		// new ProcessStartInfo { FileName = f, Arguments = a }: each
		// property set is the object's, and a sink where it is one.
		var all, body flow.Expr
		html, bodyAt, bodyNote := false, 0, ""
		for _, a := range syntax.NamedChildren(c) {
			if a.Type() == "assignment_expression" {
				v := l.expr(a.ChildByFieldName("right"))
				prop := l.T.Text(a.ChildByFieldName("left"))
				if typ == "ContentResult" && prop == "ContentType" && v.IsLit && htmlType.MatchString(v.Lit) {
					html = true
				} else if typ == "ContentResult" && prop == "Content" {
					body, bodyAt, bodyNote = v.E, syntax.Line(a), oo.Clip(l.T.Text(a))
				}
				if prop == "FileName" {
					l.program = v
				}
				if s := commandProps[prop]; s != nil && !v.E.Empty() && l.commandLine(prop) {
					l.Emit(flow.Op{Kind: flow.Call, Line: syntax.Line(a), Callee: flow.Callee{Name: prop}, Args: []flow.Expr{v.E},
						Note: oo.Clip(l.T.Text(a)), Sinks: []flow.SinkUse{{Sink: s, Args: []int{0}}}})
				}
				all = oo.JoinExpr(all, v.E)
				continue
			}
			all = oo.JoinExpr(all, l.expr(a).E)
		}
		if html && !body.Empty() {
			// new ContentResult { Content = x, ContentType = "text/html" }:
			// Content(x, "text/html") written as an object.
			l.Emit(flow.Op{Kind: flow.Call, Line: bodyAt, Callee: flow.Callee{Name: "Content"}, Args: []flow.Expr{body},
				Note: bodyNote, Sinks: []flow.SinkUse{{Sink: flow.SinkHTML, Args: []int{0}}}})
		}
		if !all.Empty() {
			all.Fields = true
			op.Args = append(op.Args, all)
		}
	}
	i := l.Emit(op)
	l.F.Calls[i] = ci
	return val{E: flow.Expr{Refs: []flow.Ref{{Call: i + 1, Line: line}}}, Plain: true, Typ: typ}
}

// addSinks records the vocabulary's sinks for a call.
func (l *lowerer) addSinks(ci *oo.Call, specs []sinkSpec, args ...val) {
	for _, s := range specs {
		use := flow.SinkUse{Sink: s.sink, Args: s.args}
		if s.sink == flow.SinkShell && len(args) > 0 && args[0].IsLit {
			// Process.Start("git", args): a program the code chose is
			// given its arguments as words, with no shell to read them
			// as a command line; a shell's are one (-c, /c).
			use.Args = nil
			if runsShell(args[0].Lit) {
				use.Args = []int{1}
			}
		}
		ci.Sinks = append(ci.Sinks, use)
	}
}

// runsShell says a program is a shell, by its name or path.
func runsShell(prog string) bool {
	if i := strings.LastIndexAny(prog, `/\`); i >= 0 && !oo.Shells[prog] {
		prog = prog[i+1:]
	}
	return oo.Shells[strings.ToLower(prog)]
}

// commandLine says a property set is read as a command: a program's
// arguments are only where the program set before is a shell, or one
// the code did not write.
func (l *lowerer) commandLine(prop string) bool {
	return prop != "Arguments" || !l.program.IsLit || runsShell(l.program.Lit)
}

// view is the Razor view an MVC controller's View(model) or
// View("name", model) renders with the model (Views/<Controller>/<name>,
// the action's own name when none is given), or nil: a view given no
// model writes nothing of the action's.
func (l *lowerer) view(name string, args []val) *flow.Render {
	if name != "View" && name != "PartialView" || l.C == nil || l.F == nil || len(args) == 0 || !strings.HasSuffix(l.C.Name, "Controller") {
		return nil
	}
	view, model := l.F.Short, 0
	if args[0].IsLit {
		if len(args) < 2 {
			return nil
		}
		view, model = args[0].Lit, 1
	}
	if view == "" || strings.ContainsAny(view, "~") {
		return nil
	}
	return &flow.Render{Template: strings.TrimSuffix(l.C.Name, "Controller") + "/" + strings.TrimSuffix(view, ".cshtml"), Locals: model}
}

// contextRead says a receiver is a set read off a field whose type is an
// Entity Framework context (_db.Comments in _db.Comments.ToList()): its
// synchronous runners read stored records too.
func (l *lowerer) contextRead(recv string) bool {
	if l.C == nil {
		return false
	}
	root, _, ok := strings.Cut(strings.TrimPrefix(recv, "this."), ".")
	if !ok {
		return false
	}
	typ := l.C.Fields[root]
	return strings.HasSuffix(typ, "Context") && typ != "HttpContext"
}
