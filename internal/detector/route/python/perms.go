package python

import (
	"slices"
	"strconv"
	"strings"

	"github.com/threatmap/threatmap/internal/detector/route"
	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/syntax"
)

// permRule is one branch of a DRF get_permissions method written as a
// plain if/elif/else on self.action or self.request.method:
//
//	if self.action in ("list", "retrieve"):
//	    return [AllowAny()]
//	return [IsAuthenticated()]
type permRule struct {
	subject string   // "action" or "method"; "" for the else or the trailing return
	values  []string // what the subject is compared with
	negate  bool     // != or not in
	perms   *expr    // the classes, as a list of names; nil means the class's own
}

// permRules reads a get_permissions body into rules, or nil when it is
// anything but that simple shape (then the class attribute decides).
func (x *extractor) permRules(body *syntax.Node) []permRule {
	var rules []permRule
	var assigned *expr // permission_classes = [...] in the branch being read
	for _, st := range syntax.NamedChildren(body) {
		switch st.Type() {
		case "comment":
		case "expression_statement":
			if st.NamedChildCount() > 0 && st.NamedChild(0).Type() == "string" {
				continue // docstring
			}
			return nil
		case "if_statement":
			if rules != nil {
				return nil // one if chain only
			}
			var ok bool
			if rules, ok = x.ifRules(st); !ok {
				return nil
			}
		case "return_statement":
			p, ok := x.returnedPerms(st, assigned)
			if !ok {
				return nil
			}
			return append(rules, permRule{perms: p})
		default:
			return nil
		}
	}
	return rules
}

// ifRules reads an if/elif/else whose branches each return (or assign
// permission_classes for a final return to use) a list of classes.
func (x *extractor) ifRules(n *syntax.Node) ([]permRule, bool) {
	var rules []permRule
	branch := func(cond, block *syntax.Node) bool {
		r := permRule{}
		if cond != nil {
			var ok bool
			if r.subject, r.values, r.negate, ok = x.permCondition(cond); !ok {
				return false
			}
		}
		p, ok := x.branchPerms(block)
		if !ok {
			return false
		}
		r.perms = p
		rules = append(rules, r)
		return true
	}
	if !branch(n.ChildByFieldName("condition"), n.ChildByFieldName("consequence")) {
		return nil, false
	}
	for _, c := range syntax.NamedChildren(n) {
		switch c.Type() {
		case "elif_clause":
			if !branch(c.ChildByFieldName("condition"), c.ChildByFieldName("consequence")) {
				return nil, false
			}
		case "else_clause":
			if !branch(nil, c.ChildByFieldName("body")) {
				return nil, false
			}
		}
	}
	return rules, true
}

// branchPerms is what one branch grants: the list it returns or assigns.
func (x *extractor) branchPerms(block *syntax.Node) (*expr, bool) {
	if block == nil || block.NamedChildCount() != 1 {
		return nil, false
	}
	st := block.NamedChild(0)
	switch st.Type() {
	case "return_statement":
		return x.returnedPerms(st, nil)
	case "expression_statement":
		a := st.NamedChild(0)
		if a == nil || a.Type() != "assignment" {
			return nil, false
		}
		left := x.t.Text(a.ChildByFieldName("left"))
		if left != "permission_classes" && left != "self.permission_classes" {
			return nil, false
		}
		return x.permList(a.ChildByFieldName("right"))
	}
	return nil, false
}

// returnedPerms reads return [A(), B()], return [p() for p in
// permission_classes] after an assignment, or return super().get_permissions()
// (the class's own classes: a nil list).
func (x *extractor) returnedPerms(st *syntax.Node, assigned *expr) (*expr, bool) {
	if st.NamedChildCount() != 1 {
		return nil, false
	}
	v := st.NamedChild(0)
	switch v.Type() {
	case "list", "tuple":
		return x.permList(v)
	case "list_comprehension":
		return assigned, true // the branches assigned it; nil: the class attribute
	case "call":
		if strings.HasSuffix(x.t.Text(v.ChildByFieldName("function")), ".get_permissions") {
			return nil, true
		}
	}
	return nil, false
}

// permList turns [A, B()] or (A,) into a list of class names.
func (x *extractor) permList(n *syntax.Node) (*expr, bool) {
	if n == nil || n.Type() != "list" && n.Type() != "tuple" {
		return nil, false
	}
	out := &expr{kind: exList, text: x.t.Text(n), line: int32(syntax.Line(n))}
	for _, c := range syntax.NamedChildren(n) {
		if c.Type() == "comment" {
			continue
		}
		if c.Type() == "call" {
			c = c.ChildByFieldName("function")
		}
		e := x.expr(c)
		if _, ok := e.dotted(); !ok {
			return nil, false
		}
		out.items = append(out.items, e)
	}
	return out, true
}

// permCondition reads self.action == "x", self.action in ("a", "b"),
// self.request.method != "GET" and the like.
func (x *extractor) permCondition(n *syntax.Node) (subject string, values []string, negate, ok bool) {
	if n.Type() == "parenthesized_expression" && n.NamedChildCount() == 1 {
		n = n.NamedChild(0)
	}
	if n.Type() != "comparison_operator" || n.NamedChildCount() != 2 {
		return "", nil, false, false
	}
	left, right := n.NamedChild(0), n.NamedChild(1)
	switch x.t.Text(left) {
	case "self.action":
		subject = "action"
	case "self.request.method", "request.method":
		subject = "method"
	default:
		return "", nil, false, false
	}
	op := strings.Join(strings.Fields(x.t.Text(n)[left.EndByte()-n.StartByte():right.StartByte()-n.StartByte()]), " ")
	switch op {
	case "==", "in":
	case "!=", "not in":
		negate = true
	default:
		return "", nil, false, false
	}
	e := x.expr(right)
	items := []*expr{e}
	if e.kind == exList {
		items = e.items
	}
	for _, it := range items {
		if it.kind != exStr {
			return "", nil, false, false
		}
		values = append(values, it.str)
	}
	return subject, values, negate, true
}

// permsFor picks the permission classes that apply to one action and
// HTTP method of a view: its get_permissions rules when it has readable
// ones, else the class's (perms).
func (dj *django) permsFor(m *module, c *class, action, method string, perms *expr) *expr {
	fn, fm := dj.ix.method(m, c, "get_permissions")
	if fn == nil || fn.perms == nil {
		return perms
	}
	for _, r := range fn.perms {
		if r.subject != "" {
			subj := action
			if r.subject == "method" {
				subj = method
			}
			hit := false
			for _, v := range r.values {
				if strings.EqualFold(v, subj) {
					hit = true
				}
			}
			if hit == r.negate {
				continue
			}
		}
		if r.perms == nil {
			return perms
		}
		// The evidence says where get_permissions picks them.
		dj.notePerms(fm, r.perms)
		return r.perms
	}
	return perms
}

// decide is route.Decide on a Python body with its comments and
// docstrings blanked ("even unauthenticated users" in a comment, or a
// docstring saying the caller should send a token, checks nothing), and
// guards and helpers looked up from module m, across the tree.
// bodyAt is where the body starts (file:line), or "".
func (ix *index) decide(m *module, gs guards, body, bodyAt string, complete bool) route.Decision {
	return ix.decidePath(m, gs, body, bodyAt, "", complete)
}

// decidePath is decide for a route whose full path is known: a guard
// that lets listed paths through does not guard it (route.DecidePath).
func (ix *index) decidePath(m *module, gs guards, body, bodyAt, path string, complete bool) route.Decision {
	var lookup route.Lookup
	if m != nil {
		// A name the route's module does not bind may be one that code
		// already read calls in its own module (require_super_admin in
		// permissions.py calls require_permission there): those modules
		// are asked next, the latest first.
		read := []*module{m}
		find := func(from *module, parts []string) symbol {
			s := ix.lookup(from, parts[0], 0)
			for _, p := range parts[1:] {
				s = ix.member(s, p, 0)
			}
			return s
		}
		lookup = func(name string) (string, string, bool) {
			if strings.HasPrefix(name, route.ValuePrefix) {
				return "", "", false
			}
			parts := strings.Split(name, ".")
			for i := len(read) - 1; i >= 0; i-- {
				s := find(read[i], parts)
				switch {
				case s.fn != nil && s.mod != nil:
					if !slices.Contains(read, s.mod) {
						read = append(read, s.mod)
					}
					return strip(s.fn.source()), s.mod.path + ":" + strconv.Itoa(s.fn.line), true
				case s.cls != nil && s.mod != nil:
					if !slices.Contains(read, s.mod) {
						read = append(read, s.mod)
					}
					src := s.cls.source()
					if call := s.cls.methods["__call__"]; call != nil {
						// An instance used as a decorator runs __call__:
						// its check is the guard's.
						src += "\n" + call.source()
					}
					return strip(src), s.mod.path, true
				}
			}
			return "", "", false
		}
	}
	return route.DecidePath(ix.taught, gs, strip(body), bodyAt, path, complete, lookup)
}

func strip(src string) string {
	return string(lang.StripComments(lang.Python, []byte(src)))
}
