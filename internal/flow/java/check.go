package java

import (
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/flow"
	"github.com/threatmap/threatmap/internal/syntax"
)

// tested are the checks a condition makes: holds where the condition is
// true (the branch), fails where it is false (past an if that leaves).
type tested struct{ holds, fails []flow.Op }

// fixedPrefix is a literal a URL or path is tested to begin with that
// fixes where it goes: a local path (not //host) or a scheme and host.
var fixedPrefix = regexp.MustCompile(`^(?:/[^/\\]|[a-zA-Z][\w+.-]*://[^/?#\s]+/)`)

// checks reads the tests a condition makes. neg: the condition is
// negated (the if's branch is where the test failed); or: under an ||,
// where only a failure says anything about the rest of the code.
func (l *lowerer) checks(n *syntax.Node, t *tested, neg bool) {
	if n == nil {
		return
	}
	switch n.Type() {
	case "parenthesized_expression":
		l.checks(n.NamedChild(0), t, neg)
	case "unary_expression":
		if l.t.Text(n.ChildByFieldName("operator")) == "!" {
			l.checks(n.ChildByFieldName("operand"), t, !neg)
		}
	case "binary_expression":
		op := l.t.Text(n.ChildByFieldName("operator"))
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
						t.fails = append(t.fails, clr)
					} else {
						t.holds = append(t.holds, clr)
					}
				}
			}
			return
		}
		switch {
		case op == "&&" && !neg, op == "||" && neg:
			// Every part holds in the branch.
			var sub tested
			l.checks(n.ChildByFieldName("left"), &sub, neg)
			l.checks(n.ChildByFieldName("right"), &sub, neg)
			t.holds = append(t.holds, sub.holds...)
		case op == "||" && !neg, op == "&&" && neg:
			// Any part failing takes the branch: past a branch that
			// leaves, every part held.
			var sub tested
			l.checks(n.ChildByFieldName("left"), &sub, neg)
			l.checks(n.ChildByFieldName("right"), &sub, neg)
			t.fails = append(t.fails, sub.fails...)
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
			t.fails = append(t.fails, op)
		} else {
			t.holds = append(t.holds, op)
		}
	}
}

// test is the local a call in a condition checks, and for which kinds.
func (l *lowerer) test(n *syntax.Node) (string, []string) {
	name := l.t.Text(n.ChildByFieldName("name"))
	obj := n.ChildByFieldName("object")
	var args []*syntax.Node
	if a := n.ChildByFieldName("arguments"); a != nil {
		args = syntax.NamedChildren(a)
	}
	local := func(x *syntax.Node) string {
		if x == nil || x.Type() != "identifier" {
			return ""
		}
		nm := l.t.Text(x)
		if _, ok := l.locals[nm]; ok {
			return nm
		}
		return ""
	}
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
		if v == "" && obj != nil && obj.Type() == "method_invocation" && normalizers[l.t.Text(obj.ChildByFieldName("name"))] {
			// x.normalize().startsWith(base): x is tested.
			v, normal = local(obj.ChildByFieldName("object")), true
		}
		if v == "" {
			return "", nil
		}
		if lit, ok := l.literal(args[0]); ok {
			if fixedPrefix.MatchString(lit) {
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
	if obj != nil && obj.Type() != "this" && !(obj.Type() == "identifier" && isClassName(l.t.Text(obj))) {
		if _, field := l.c.fields[l.t.Text(obj)]; !field {
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
		if _, ok := l.locals[l.t.Text(x)]; !ok {
			continue
		}
		call := flow.CallAt(l.f.Ops, syntax.Line(n), clip(l.t.Text(n)))
		if call == 0 {
			return "", nil
		}
		return l.t.Text(x), &flow.TestBy{Call: call, Arg: i}
	}
	return "", nil
}
