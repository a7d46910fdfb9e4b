package python

import (
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/syntax"
)

// An app's own wrapper around a registration: a method of an Api (or
// app, blueprint, router) subclass that passes its arguments on to the
// object's own add_resource, add_url_rule, route and the like
//
//	class ScopedApi(Api):
//	    def add_scoped(self, resource, *urls, **kw):
//	        return self.add_resource(resource, *urls, **kw)
//
// A call of the wrapper on an object of that class registers what the
// forwarded call would. Only a plain forward is read: a wrapper that
// rebinds a parameter before passing it on (urls = [prefix + u for u in
// urls]) builds its paths at run time.
type forward struct {
	params []string // after self; "*urls" and "**kw" keep their stars
	call   *expr    // the registration, on self
	// built says the wrapper rewrites what it forwards: its routes
	// cannot be composed, and a call of it is reported as missed.
	built bool
}

// forwardOf finds a method body's forwarded registration.
func (x *extractor) forwardOf(paramsNode, body *syntax.Node) *forward {
	var call *syntax.Node
	rebinds := map[string]bool{}
	for _, st := range syntax.NamedChildren(body) {
		var e *syntax.Node
		switch st.Type() {
		case "expression_statement", "return_statement":
			if st.NamedChildCount() > 0 {
				e = st.NamedChild(0)
			}
		}
		if e == nil {
			continue
		}
		if e.Type() == "assignment" {
			if l := e.ChildByFieldName("left"); l != nil && l.Type() == "identifier" {
				rebinds[x.t.Text(l)] = true
			}
			continue
		}
		if e.Type() != "call" {
			continue
		}
		fn := e.ChildByFieldName("function")
		if fn == nil || fn.Type() != "attribute" {
			continue
		}
		obj, attr := fn.ChildByFieldName("object"), x.t.Text(fn.ChildByFieldName("attribute"))
		if obj != nil && obj.Type() == "identifier" && x.t.Text(obj) == "self" && mountCalls[attr] && attr != "append" && attr != "extend" {
			call = e
			break
		}
	}
	if call == nil || paramsNode == nil {
		return nil
	}
	f := &forward{}
	for i, p := range syntax.NamedChildren(paramsNode) {
		var name string
		switch p.Type() {
		case "identifier":
			name = x.t.Text(p)
		case "typed_parameter":
			if p.NamedChildCount() > 0 {
				name = x.t.Text(p.NamedChild(0))
			}
		case "default_parameter", "typed_default_parameter":
			name = x.t.Text(p.ChildByFieldName("name"))
		case "list_splat_pattern":
			name = "*" + x.t.Text(p.NamedChild(0))
		case "dictionary_splat_pattern":
			name = "**" + x.t.Text(p.NamedChild(0))
		default:
			return nil // keyword-only markers and the like: not a plain forward
		}
		if i == 0 {
			continue // self
		}
		if rebinds[strings.TrimLeft(name, "*")] {
			return &forward{built: true}
		}
		f.params = append(f.params, name)
	}
	f.call = x.expr(call)
	return f
}

// mayForward says a call that is no registration may still be one
// through an app's wrapper: a method call on a name with a literal path
// (a string beginning with "/") among its arguments. Other calls are not
// kept.
func (x *extractor) mayForward(call *syntax.Node) bool {
	fn := call.ChildByFieldName("function")
	if obj := fn.ChildByFieldName("object"); obj == nil || obj.Type() != "identifier" {
		return false
	}
	args := call.ChildByFieldName("arguments")
	if args == nil || args.Type() != "argument_list" {
		return false
	}
	for _, a := range syntax.NamedChildren(args) {
		if a.Type() == "string" {
			if v, ok := x.t.StringValue(a); ok && strings.HasPrefix(v, "/") {
				return true
			}
		}
	}
	return false
}

// apply is the registration a call of the wrapper makes: the forwarded
// call on the caller's object, with the caller's arguments in place of
// the wrapper's parameters.
func (f *forward) apply(c *expr) *expr {
	bound := map[string][]*expr{}
	extraKw := map[string]*expr{}
	i := 0
	for _, p := range f.params {
		switch {
		case strings.HasPrefix(p, "**"):
		case strings.HasPrefix(p, "*"):
			bound[p] = c.items[min(i, len(c.items)):]
			i = len(c.items)
		case i < len(c.items):
			bound[p] = []*expr{c.items[i]}
			i++
		}
	}
	for k, v := range c.kw {
		if _, ok := bound[k]; !ok && slices.Contains(f.params, k) {
			bound[k] = []*expr{v}
			continue
		}
		extraKw[k] = v
	}
	out := &expr{kind: exCall, text: c.text, line: c.line,
		fn: &expr{kind: exAttr, name: f.call.fn.name, obj: c.fn.obj, text: c.fn.text, line: c.fn.line}}
	for _, it := range f.call.items {
		switch {
		case it.kind == exName && bound[it.name] != nil:
			out.items = append(out.items, bound[it.name]...)
		case it.kind == exSplat && it.obj != nil && it.obj.kind == exName:
			out.items = append(out.items, bound["*"+it.obj.name]...)
		case strings.HasPrefix(it.text, "**"):
			for k, v := range extraKw {
				if out.kw == nil {
					out.kw = map[string]*expr{}
				}
				out.kw[k] = v
			}
		default:
			out.items = append(out.items, it)
		}
	}
	for k, v := range f.call.kw {
		if out.kw == nil {
			out.kw = map[string]*expr{}
		}
		if v.kind == exName && len(bound[v.name]) == 1 {
			v = bound[v.name][0]
		}
		out.kw[k] = v
	}
	return out
}
