package java

import (
	"strings"

	"github.com/threatmap/threatmap/internal/flow"
	"github.com/threatmap/threatmap/internal/flow/oo"
	"github.com/threatmap/threatmap/internal/syntax"
)

// checks reads the tests a condition makes. neg: the condition is
// negated (the if's branch is where the test failed); or: under an ||,
// where only a failure says anything about the rest of the code.
func (l *lowerer) checks(n *syntax.Node, t *oo.Tested, neg bool) {
	if n == nil {
		return
	}
	switch n.Type() {
	case "parenthesized_expression":
		l.checks(n.NamedChild(0), t, neg)
	case "unary_expression":
		if l.T.Text(n.ChildByFieldName("operator")) == "!" {
			l.checks(n.ChildByFieldName("operand"), t, !neg)
		}
	case "binary_expression":
		op := l.T.Text(n.ChildByFieldName("operator"))
		left, right := n.ChildByFieldName("left"), n.ChildByFieldName("right")
		if (op == "==" || op == "!=") && left != nil && right != nil {
			// filter(x) == null: the filter refused x.
			call := left
			if call.Type() == "null_literal" {
				call = right
			} else if right.Type() != "null_literal" {
				call = nil
			}
			if call != nil && call.Type() == "method_invocation" {
				if dst, by := l.testBy(call); dst != "" {
					clr := flow.Op{Kind: flow.Clear, Line: syntax.Line(n), Dst: dst, By: by}
					if (op == "==") != neg {
						t.Fails = append(t.Fails, clr)
					} else {
						t.Holds = append(t.Holds, clr)
					}
				}
			}
			return
		}
		if op == "&&" || op == "||" {
			// Every part of an && holds in the branch; any part of an
			// || failing takes it.
			var a, b oo.Tested
			l.checks(n.ChildByFieldName("left"), &a, neg)
			l.checks(n.ChildByFieldName("right"), &b, neg)
			t.Join(op, neg, a, b)
		}
	case "method_invocation":
		dst, kinds := l.test(n)
		var by *flow.TestBy
		if dst == "" {
			dst, by = l.testBy(n)
		}
		if dst == "" {
			return
		}
		op := flow.Op{Kind: flow.Clear, Line: syntax.Line(n), Dst: dst, Clears: kinds, By: by}
		if neg {
			t.Fails = append(t.Fails, op)
		} else {
			t.Holds = append(t.Holds, op)
		}
	}
}

// test is the local a call in a condition checks, and for which kinds.
func (l *lowerer) test(n *syntax.Node) (string, []string) {
	name := l.T.Text(n.ChildByFieldName("name"))
	obj := n.ChildByFieldName("object")
	var args []*syntax.Node
	if a := n.ChildByFieldName("arguments"); a != nil {
		args = syntax.NamedChildren(a)
	}
	local := l.Local
	switch name {
	case "contains", "containsKey", "containsValue":
		// ALLOWED.contains(x): an allow-list.
		if len(args) == 1 && obj != nil && local(obj) == "" {
			if v := local(args[0]); v != "" {
				return v, []string{flow.CleanAll}
			}
		}
	case "equals", "equalsIgnoreCase":
		if len(args) != 1 || obj == nil {
			return "", nil
		}
		if _, ok := l.literal(args[0]); ok {
			if v := local(obj); v != "" {
				return v, []string{flow.CleanAll}
			}
		}
		if _, ok := l.literal(obj); ok {
			if v := local(args[0]); v != "" {
				return v, []string{flow.CleanAll}
			}
		}
	case "matches":
		if len(args) == 1 {
			if re, ok := l.literal(args[0]); ok && !strings.Contains(re, ".*") && !strings.Contains(re, ".+") {
				if v := local(obj); v != "" {
					return v, []string{flow.CleanAll}
				}
			}
		}
	case "startsWith":
		if len(args) != 1 {
			return "", nil
		}
		v := local(obj)
		normal := v != "" && l.norm[v]
		if v == "" && obj != nil && obj.Type() == "method_invocation" && normalizers[l.T.Text(obj.ChildByFieldName("name"))] {
			// x.normalize().startsWith(base): x is tested.
			v, normal = local(obj.ChildByFieldName("object")), true
		}
		if v == "" {
			return "", nil
		}
		if lit, ok := l.literal(args[0]); ok {
			if oo.FixedPrefix.MatchString(lit) {
				return v, []string{flow.OpenRedirect, flow.SSRF}
			}
			return "", nil
		}
		// p.startsWith(base), p normalized: the path stays under base.
		// Not normalized, ../ still climbs out of it.
		if normal {
			return v, []string{flow.PathTraversal}
		}
	}
	return "", nil
}

// normalizers resolve a path's dot segments.
var normalizers = map[string]bool{"normalize": true, "toRealPath": true, "getCanonicalPath": true, "getCanonicalFile": true}

// testBy is a call of the repository's own in a condition (if
// (!Paths.isSafe(name)) throw ...): the first local it is given is
// checked for what the callee's summary says it tests.
func (l *lowerer) testBy(n *syntax.Node) (string, *flow.TestBy) {
	obj := n.ChildByFieldName("object")
	if obj != nil && obj.Type() != "this" && !(obj.Type() == "identifier" && oo.IsClassName(l.T.Text(obj))) {
		if _, field := l.C.Fields[l.T.Text(obj)]; !field {
			return "", nil
		}
	}
	a := n.ChildByFieldName("arguments")
	if a == nil {
		return "", nil
	}
	for i, x := range syntax.NamedChildren(a) {
		if x.Type() != "identifier" {
			continue
		}
		if _, ok := l.Locals[l.T.Text(x)]; !ok {
			continue
		}
		call := flow.CallAt(l.F.Ops, syntax.Line(n), oo.Clip(l.T.Text(n)))
		if call == 0 {
			return "", nil
		}
		return l.T.Text(x), &flow.TestBy{Call: call, Arg: i}
	}
	return "", nil
}
