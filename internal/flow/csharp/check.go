package csharp

import (
	"strings"

	"github.com/threatmap/threatmap/internal/flow"
	"github.com/threatmap/threatmap/internal/flow/oo"
	"github.com/threatmap/threatmap/internal/syntax"
)

// checks reads the tests a condition makes. neg: the condition is
// negated (the if's branch is where the test failed).
func (l *lowerer) checks(n *syntax.Node, t *oo.Tested, neg bool) {
	for n != nil && n.Type() == "parenthesized_expression" {
		n = n.NamedChild(0)
	}
	if n == nil {
		return
	}
	switch n.Type() {
	case "prefix_unary_expression":
		if l.operator(n) == "!" {
			l.checks(n.NamedChild(0), t, !neg)
		}
	case "binary_expression":
		op := l.operator(n)
		left, right := n.ChildByFieldName("left"), n.ChildByFieldName("right")
		switch {
		case op == "==" || op == "!=":
			// x == "a": one value the code chose.
			v := l.Local(left)
			if v == "" || !isLiteral(right) {
				v = l.Local(right)
				if v == "" || !isLiteral(left) {
					return
				}
			}
			clr := flow.Op{Kind: flow.Clear, Line: syntax.Line(n), Dst: v, Clears: []string{flow.CleanAll}}
			if (op == "==") != neg {
				t.Holds = append(t.Holds, clr)
			} else {
				t.Fails = append(t.Fails, clr)
			}
		case op == "&&" || op == "||":
			var a, b oo.Tested
			l.checks(left, &a, neg)
			l.checks(right, &b, neg)
			t.Join(op, neg, a, b)
		}
	case "invocation_expression":
		dst, kinds := l.test(n)
		if dst == "" {
			return
		}
		op := flow.Op{Kind: flow.Clear, Line: syntax.Line(n), Dst: dst, Clears: kinds}
		if neg {
			t.Fails = append(t.Fails, op)
		} else {
			t.Holds = append(t.Holds, op)
		}
	}
}

func isLiteral(n *syntax.Node) bool {
	return n != nil && (n.Type() == "string_literal" || n.Type() == "verbatim_string_literal")
}

// test is the local a call in a condition checks, and for which kinds:
// Url.IsLocalUrl(u), an allow-list's Contains(x), a fixed match or
// prefix, a parse that fails on anything but a number.
func (l *lowerer) test(n *syntax.Node) (string, []string) {
	fn := n.ChildByFieldName("function")
	if fn == nil || fn.Type() != "member_access_expression" {
		return "", nil
	}
	obj := fn.ChildByFieldName("expression")
	name := l.callName(fn.ChildByFieldName("name"))
	var args []*syntax.Node
	if a := n.ChildByFieldName("arguments"); a != nil {
		for _, x := range syntax.NamedChildren(a) {
			if x.Type() == "argument" {
				args = append(args, x.NamedChild(int(x.NamedChildCount())-1))
			}
		}
	}
	arg := func(i int) string {
		if i < len(args) {
			return l.Local(args[i])
		}
		return ""
	}
	switch name {
	case "IsLocalUrl":
		return arg(0), []string{flow.OpenRedirect}
	case "Contains", "ContainsKey":
		// ALLOWED.Contains(x): an allow-list, not the value itself.
		if len(args) == 1 && l.Local(obj) == "" && obj.Type() != "interpolated_string_expression" {
			return arg(0), []string{flow.CleanAll}
		}
	case "Equals":
		if len(args) >= 1 && isLiteral(args[0]) {
			return l.Local(obj), []string{flow.CleanAll}
		}
	case "TryParse":
		if strings.Contains(l.T.Text(obj), "Guid") || scalar[l.T.Text(obj)] {
			return arg(0), []string{flow.CleanAll}
		}
	case "IsMatch":
		if len(args) == 2 && isLiteral(args[1]) {
			re := stringText(l.T.Text(args[1]))
			if strings.HasPrefix(re, "^") && strings.HasSuffix(re, "$") && !strings.Contains(re, ".*") && !strings.Contains(re, ".+") {
				return arg(0), []string{flow.CleanAll}
			}
		}
	case "StartsWith":
		if len(args) >= 1 && isLiteral(args[0]) && oo.FixedPrefix.MatchString(stringText(l.T.Text(args[0]))) {
			return l.Local(obj), []string{flow.OpenRedirect, flow.SSRF}
		}
	}
	return "", nil
}
