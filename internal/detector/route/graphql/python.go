package graphql

import (
	"context"
	"strings"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/syntax"
)

// pyClass is a graphene or Strawberry type: its fields by Python name,
// the methods that resolve them, and its bases (a root Query often
// inherits every app's Query).
type pyClass struct {
	name      string
	file      string
	framework string // graphene | strawberry
	bases     []string
	fields    []pyField
	methods   map[string]resolver // Python method name -> its code
}

type pyField struct {
	name     string // as written in Python
	line     int
	mutation string // graphene: CreateUser in CreateUser.Field()
	resolver *resolver
}

func (d *Detector) python(ctx context.Context, f *detector.File, out *detector.Sink) error {
	t, err := f.Tree(ctx, lang.Of(f.Path))
	if err != nil {
		out.Warn(f.Path, "route/graphql: "+err.Error())
		return nil
	}
	funcs := map[string]*syntax.Node{} // module-level functions, for strawberry.field(resolver=f)
	for _, n := range syntax.NamedChildren(t.Root()) {
		if n.Type() == "decorated_definition" {
			n = n.ChildByFieldName("definition")
		}
		if n != nil && n.Type() == "function_definition" {
			funcs[t.Text(n.ChildByFieldName("name"))] = n
		}
	}
	syntax.Walk(t.Root(), func(n *syntax.Node) bool {
		switch n.Type() {
		case "class_definition":
			if c := d.pyClassOf(t, f.Path, n, funcs); c != nil {
				d.mu.Lock()
				d.classes = append(d.classes, *c)
				d.mu.Unlock()
			}
			return false
		case "call":
			fn := t.Text(n.ChildByFieldName("function"))
			if fn == "Schema" || strings.HasSuffix(fn, ".Schema") {
				d.schemaCall(t, n)
			}
		case "string":
			if s, ok := t.StringValue(n); ok {
				d.noteEndpoint(s, false)
			}
			return false
		}
		return true
	})
	return ctx.Err()
}

// schemaCall reads Schema(query=Query, mutation=Mutation, ...).
func (d *Detector) schemaCall(t *syntax.Tree, call *syntax.Node) {
	args := call.ChildByFieldName("arguments")
	if args == nil {
		return
	}
	for _, a := range syntax.NamedChildren(args) {
		if a.Type() != "keyword_argument" {
			continue
		}
		op := t.Text(a.ChildByFieldName("name"))
		v := a.ChildByFieldName("value")
		if _, ok := rootOf[op]; !ok || v == nil || v.Type() != "identifier" {
			continue
		}
		d.mu.Lock()
		d.roots[op] = t.Text(v)
		d.mu.Unlock()
	}
}

// pyClassOf reads a class that is a graphene ObjectType (or Mutation) or
// a Strawberry type; nil for any other class.
func (d *Detector) pyClassOf(t *syntax.Tree, file string, n *syntax.Node, funcs map[string]*syntax.Node) *pyClass {
	c := &pyClass{name: t.Text(n.ChildByFieldName("name")), file: file, methods: map[string]resolver{}}
	if sc := n.ChildByFieldName("superclasses"); sc != nil {
		for _, b := range syntax.NamedChildren(sc) {
			if b.Type() != "keyword_argument" {
				c.bases = append(c.bases, t.Text(b))
			}
		}
	}
	if p := n.Parent(); p != nil && p.Type() == "decorated_definition" {
		for _, dec := range syntax.NamedChildren(p) {
			if dec.Type() == "decorator" && strings.Contains(t.Text(dec), "strawberry") {
				c.framework = "strawberry"
			}
		}
	}
	if c.framework == "" {
		for _, b := range c.bases {
			if strings.HasPrefix(b, "graphene.") || strings.HasSuffix(b, "ObjectType") || strings.HasSuffix(b, ".Query") ||
				strings.HasSuffix(b, ".Mutation") || strings.HasSuffix(b, ".Subscription") {
				c.framework = "graphene"
			}
		}
	}
	if c.framework == "" {
		// Maybe a type by inheritance from one in another file: kept
		// with no framework, taken only if Finish links it to a root.
		if len(c.bases) == 0 {
			return nil
		}
	}
	body := n.ChildByFieldName("body")
	if body == nil {
		return nil
	}
	for _, s := range syntax.NamedChildren(body) {
		def := s
		var decorators []string
		if s.Type() == "decorated_definition" {
			for _, dec := range syntax.NamedChildren(s) {
				if dec.Type() == "decorator" {
					decorators = append(decorators, t.Text(dec))
				}
			}
			def = s.ChildByFieldName("definition")
		}
		switch {
		case def == nil:
		case def.Type() == "function_definition":
			name := t.Text(def.ChildByFieldName("name"))
			r := resolver{name: name, handler: c.name + "." + name, file: file, line: syntax.Line(def), endLine: syntax.EndLine(def), body: t.Text(def)}
			c.methods[name] = r
			for _, dec := range decorators {
				if strings.Contains(dec, "strawberry") || strings.HasPrefix(dec, "@field") || strings.HasPrefix(dec, "@mutation") || strings.HasPrefix(dec, "@subscription") {
					rc := r
					c.fields = append(c.fields, pyField{name: name, line: syntax.Line(def), resolver: &rc})
					break
				}
			}
		case def.Type() == "expression_statement" && def.NamedChildCount() > 0 && def.NamedChild(0).Type() == "assignment":
			c.assignment(t, file, def.NamedChild(0), funcs)
		}
	}
	return c
}

// assignment reads a class attribute that declares a field: a graphene
// field (name = graphene.String(), create = CreateUser.Field()) or a
// Strawberry annotated one (users: list[User] = strawberry.field(resolver=f)).
func (c *pyClass) assignment(t *syntax.Tree, file string, a *syntax.Node, funcs map[string]*syntax.Node) {
	left, right, typ := a.ChildByFieldName("left"), a.ChildByFieldName("right"), a.ChildByFieldName("type")
	if left == nil || left.Type() != "identifier" {
		return
	}
	name := t.Text(left)
	if strings.HasPrefix(name, "_") || name == "Meta" {
		return
	}
	fl := pyField{name: name, line: syntax.Line(a)}
	switch {
	case right != nil && right.Type() == "call":
		fn := t.Text(right.ChildByFieldName("function"))
		if owner, ok := strings.CutSuffix(fn, ".Field"); ok && !strings.HasPrefix(owner, "graphene") {
			fl.mutation = owner
		}
		if args := right.ChildByFieldName("arguments"); args != nil {
			for _, k := range syntax.NamedChildren(args) {
				if k.Type() == "keyword_argument" && t.Text(k.ChildByFieldName("name")) == "resolver" {
					if fn := funcs[t.Text(k.ChildByFieldName("value"))]; fn != nil {
						fl.resolver = &resolver{name: t.Text(fn.ChildByFieldName("name")), handler: t.Text(fn.ChildByFieldName("name")),
							file: file, line: syntax.Line(fn), endLine: syntax.EndLine(fn), body: t.Text(fn)}
					}
				}
			}
		}
	case right == nil && typ != nil:
		// a Strawberry field with the default resolver
	default:
		return
	}
	c.fields = append(c.fields, fl)
}

// pythonFields turns the root classes (with what they inherit) into
// fields and resolvers, as SDL and resolver maps give them.
func (d *Detector) pythonFields() {
	byName := map[string][]*pyClass{}
	for i := range d.classes {
		c := &d.classes[i]
		byName[c.name] = append(byName[c.name], c)
	}
	for op, def := range rootOf {
		root := def
		if n, ok := d.roots[op]; ok {
			root = n
		}
		for _, c := range byName[root] {
			if c.framework == "" && !inheritsType(c, byName, 0) {
				continue
			}
			seen := map[*pyClass]bool{}
			d.emitClass(root, c, c, byName, seen, 0)
		}
	}
}

// inheritsType says a class with no framework of its own inherits from a
// graphene or Strawberry type.
func inheritsType(c *pyClass, byName map[string][]*pyClass, depth int) bool {
	if depth > 8 {
		return false
	}
	for _, b := range c.bases {
		for _, bc := range baseClasses(c, b, byName) {
			if bc.framework != "" || inheritsType(bc, byName, depth+1) {
				return true
			}
		}
	}
	return false
}

// baseClasses finds a base by name: users.schema.Query is a class Query
// in a file under users/schema; a bare name is any class so named but
// the class itself.
func baseClasses(c *pyClass, base string, byName map[string][]*pyClass) []*pyClass {
	mod, name := "", base
	if i := strings.LastIndexByte(base, '.'); i >= 0 {
		mod, name = strings.ReplaceAll(base[:i], ".", "/"), base[i+1:]
	}
	var out []*pyClass
	for _, bc := range byName[name] {
		if bc == c {
			continue
		}
		if mod != "" && !strings.Contains(strings.TrimSuffix(bc.file, ".py"), mod) {
			continue
		}
		out = append(out, bc)
	}
	return out
}

func (d *Detector) emitClass(root string, top, c *pyClass, byName map[string][]*pyClass, seen map[*pyClass]bool, depth int) {
	if seen[c] || depth > 8 {
		return
	}
	seen[c] = true
	fw := c.framework
	if fw == "" {
		fw = "graphene"
	}
	for _, fl := range c.fields {
		name := camel(fl.name)
		d.fields = append(d.fields, field{typeName: root, name: name, file: c.file, line: fl.line, framework: fw})
		r := fl.resolver
		if r == nil {
			if m, ok := findMethod(top, c, "resolve_"+fl.name, byName); ok {
				r = &m
			}
		}
		if r == nil && fl.mutation != "" {
			for _, mc := range byName[fl.mutation[strings.LastIndexByte(fl.mutation, '.')+1:]] {
				if m, ok := mc.methods["mutate"]; ok {
					r = &m
					break
				}
			}
		}
		if r != nil {
			rr := *r
			rr.typeName, rr.name, rr.framework = root, name, fw
			d.resolvers = append(d.resolvers, rr)
		}
	}
	for _, b := range c.bases {
		for _, bc := range baseClasses(c, b, byName) {
			d.emitClass(root, top, bc, byName, seen, depth+1)
		}
	}
}

// findMethod looks a resolver up on the class that declares the field,
// then on the root class (graphene lets either hold it).
func findMethod(top, c *pyClass, name string, _ map[string][]*pyClass) (resolver, bool) {
	if m, ok := c.methods[name]; ok {
		return m, true
	}
	m, ok := top.methods[name]
	return m, ok
}
