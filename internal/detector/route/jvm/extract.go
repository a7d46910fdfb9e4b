package jvm

import (
	"math"
	"regexp"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/syntax"
)

// val is an expression an annotation or a constant is written with, kept
// unevaluated until every file's constants are known: a literal, a
// reference to a constant (API, Paths.BASE), a concatenation or a list.
type val struct {
	kind  byte // 's' literal, 'r' reference, '+' concatenation, '[' list, 'c' class literal (Name.class)
	s     string
	parts []*val
}

// annot is one annotation: its simple name and its arguments by key
// ("" for the positional one, Java's value).
type annot struct {
	name string
	args map[string]*val
	text string
	line int
}

type param struct {
	name, typ string
	anns      []annot
}

type method struct {
	name          string
	anns          []annot
	params        []param
	body          string // the signature and body, without annotations
	line, endLine int
	bodyLine      int // the line body starts on
}

type class struct {
	name      string
	file      string
	line      int
	anns      []annot
	methods   []*method
	supers    []string
	iface     bool
	lang      lang.Lang
	filter    bool // extends a servlet or web filter
	filterSrc string
	// elems are an annotation type's attributes (@interface X).
	elems   []elem
	annType bool
	// password: the class declares a password field (a form or body a
	// caller posts a credential in).
	password bool
}

// elem is one attribute of an annotation type: its name, the
// annotations on it (@AliasFor) and its default value.
type elem struct {
	name string
	anns []annot
	def  *val
}

// file is what one Java or Kotlin file declares.
type file struct {
	path    string
	classes []*class
	// consts are the file's constants by simple name and by Class.NAME.
	consts map[string]*val
	// security are the bodies of methods that configure an HttpSecurity.
	security []secBody
	// methodSecurity is which method security annotations the file
	// turns on.
	methodSecurity enabled
	// filtersAdded are the classes an HttpSecurity configuration adds as
	// filters (addFilterBefore(new JwtFilter(), ...)).
	filtersAdded []string
	// funcRoutes are routes declared with Spring's functional API.
	funcRoutes []funcRoute
	// funcs are the file's top-level Kotlin functions: helpers a
	// handler calls (call.checkAdminKey()).
	funcs []*method
	// micronaut: the file uses Micronaut's annotations. mnSecurity is
	// the line of a build file that adds Micronaut Security; mnURLMap:
	// a configuration maps URLs to security rules of its own.
	micronaut  bool
	mnSecurity int
	mnURLMap   bool
	// dsl is what the file declares with a router DSL (Ktor, Javalin...).
	dsl *dslFile
	// starter is the line of a build file that adds Spring Boot's
	// security starter; excludesSecurity: the file turns its
	// auto-configuration off.
	starter          int
	excludesSecurity bool
	// contextPath: the file is a Spring Boot configuration that serves
	// its module's controllers under this prefix.
	contextPath string
	// restPath: the file is an app's configuration that serves its
	// module's JAX-RS resources under this prefix (restKeys).
	restPath string
	// appName: the file names its app to a config server (see
	// configClient). served: the file is not an app's own configuration,
	// so a config server may serve it to the app it is named after.
	appName string
	served  bool
	// actuator are the paths of the Actuator endpoints the configuration
	// exposes that reveal internals, set at actuatorLine.
	actuator     []string
	actuatorLine int
	// web is the file's deployment descriptor (WEB-INF/web.xml), jsp
	// its page, when it is one.
	web *webXML
	jsp *jspPage
}

// excludeSecurity is an annotation that turns Spring Boot's security
// auto-configuration off (@SpringBootApplication(exclude = ...)).
var excludeSecurity = regexp.MustCompile(`\bexclude(?:Name)?\s*=\s*[^)]*SecurityAutoConfiguration`)

type secBody struct {
	text string
	line int // first line of text
	// order is the filter chain's @Order: Spring tries chains lowest
	// first and the first whose matcher takes the request decides.
	order int
}

// enabled says which kinds of method security annotation Spring
// enforces: @PreAuthorize, @Secured, @RolesAllowed.
type enabled struct{ pre, secured, jsr250 bool }

func (e *enabled) enable(anns []annot) {
	flag := func(a *annot, key string, def bool) bool {
		v := a.arg(key)
		if v == nil {
			return def
		}
		return v.kind == 'r' && v.s == "true"
	}
	if a := hasAnn(anns, "EnableMethodSecurity"); a != nil {
		e.pre = e.pre || flag(a, "prePostEnabled", true)
		e.secured = e.secured || flag(a, "securedEnabled", false)
		e.jsr250 = e.jsr250 || flag(a, "jsr250Enabled", false)
	}
	if a := hasAnn(anns, "EnableGlobalMethodSecurity"); a != nil {
		e.pre = e.pre || flag(a, "prePostEnabled", false)
		e.secured = e.secured || flag(a, "securedEnabled", false)
		e.jsr250 = e.jsr250 || flag(a, "jsr250Enabled", false)
	}
	if hasAnn(anns, "EnableReactiveMethodSecurity") != nil {
		e.pre = true
	}
}

func (a annot) arg(keys ...string) *val {
	for _, k := range keys {
		if v, ok := a.args[k]; ok {
			return v
		}
	}
	return nil
}

func hasAnn(anns []annot, names ...string) *annot {
	for i := range anns {
		for _, n := range names {
			if anns[i].name == n {
				return &anns[i]
			}
		}
	}
	return nil
}

// extract reads one parsed file.
func extract(t *syntax.Tree, path string, l lang.Lang) *file {
	f := &file{path: path, consts: map[string]*val{}}
	x := extractor{t: t, f: f, l: l}
	x.walk(t.Root(), "")
	f.excludesSecurity = excludeSecurity.Match(lang.StripComments(l, t.Src))
	return f
}

type extractor struct {
	t *syntax.Tree
	f *file
	l lang.Lang
}

func (x *extractor) text(n *sitter.Node) string { return x.t.Text(n) }

// walk visits declarations; owner is the enclosing class's name.
func (x *extractor) walk(n *sitter.Node, owner string) {
	for _, c := range syntax.NamedChildren(n) {
		switch c.Type() {
		case "class_declaration", "interface_declaration", "enum_declaration", "record_declaration", "object_declaration", "annotation_type_declaration":
			x.class(c)
		case "field_declaration", "constant_declaration":
			x.javaConst(c, owner)
		case "property_declaration":
			x.kotlinConst(c, owner)
		case "prefix_expression":
			x.annotatedExpression(c)
		case "function_declaration", "method_declaration":
			// Top-level Kotlin functions: security configuration or
			// functional routes.
			m := x.method(c)
			x.f.funcs = append(x.f.funcs, m)
			had := len(x.f.security)
			x.inspect(m, c)
			for i := had; i < len(x.f.security); i++ {
				x.f.security[i].order = chainOrder(m.anns, nil)
			}
		default:
			if c.Type() == "companion_object" || c.Type() == "class_body" || c.Type() == "enum_class_body" || c.Type() == "program" || c.Type() == "source_file" {
				x.walk(c, owner)
			}
		}
	}
}

func (x *extractor) class(n *sitter.Node) {
	c := &class{file: x.f.path, line: syntax.Line(n), lang: x.l}
	c.iface = n.Type() == "interface_declaration"
	c.annType = n.Type() == "annotation_type_declaration"
	var body *sitter.Node
	for _, ch := range syntax.Children(n) {
		switch ch.Type() {
		case "modifiers":
			c.anns = x.annots(ch)
		case "identifier", "type_identifier", "simple_identifier":
			if c.name == "" {
				c.name = x.text(ch)
			}
		case "interface":
			c.iface = true
		case "superclass", "super_interfaces", "extends_interfaces":
			syntax.Walk(ch, func(k *sitter.Node) bool {
				if k.Type() == "type_identifier" {
					c.supers = append(c.supers, x.text(k))
					return false
				}
				return true
			})
		case "delegation_specifier", "delegation_specifiers":
			syntax.Walk(ch, func(k *sitter.Node) bool {
				if k.Type() == "type_identifier" {
					c.supers = append(c.supers, x.text(k))
					return false
				}
				return k.Type() != "value_arguments"
			})
		case "class_body", "interface_body", "enum_body", "enum_class_body":
			body = ch
		case "annotation_type_body":
			c.elems = x.elems(ch, c.name)
		}
	}
	// A record's components and a Kotlin class's constructor properties
	// are its fields too.
	for _, ch := range syntax.NamedChildren(n) {
		switch ch.Type() {
		case "formal_parameters", "primary_constructor":
			syntax.Walk(ch, func(k *sitter.Node) bool {
				if (k.Type() == "identifier" || k.Type() == "simple_identifier") && passwordField.MatchString(x.text(k)) {
					c.password = true
				}
				return !c.password
			})
		}
	}
	for _, s := range c.supers {
		switch s {
		case "OncePerRequestFilter", "GenericFilterBean", "Filter", "WebFilter", "HttpFilter", "ContainerRequestFilter":
			c.filter = true
		}
	}
	x.f.methodSecurity.enable(c.anns)
	if body != nil {
		for _, ch := range syntax.NamedChildren(body) {
			switch ch.Type() {
			case "method_declaration", "function_declaration":
				m := x.method(ch)
				c.methods = append(c.methods, m)
				had := len(x.f.security)
				x.inspect(m, ch)
				for i := had; i < len(x.f.security); i++ {
					x.f.security[i].order = chainOrder(m.anns, c)
				}
				if c.filter && (m.name == "doFilterInternal" || m.name == "doFilter" || m.name == "filter") {
					c.filterSrc += m.body + "\n"
				}
			case "field_declaration", "constant_declaration":
				x.javaConst(ch, c.name)
				for _, v := range syntax.NamedChildren(ch) {
					if v.Type() == "variable_declarator" && passwordField.MatchString(x.text(v.ChildByFieldName("name"))) {
						c.password = true
					}
				}
			case "property_declaration":
				x.kotlinConst(ch, c.name)
			case "class_declaration", "interface_declaration", "enum_declaration", "record_declaration", "object_declaration", "annotation_type_declaration":
				x.class(ch)
			case "companion_object":
				x.walkCompanion(ch, c.name)
			}
		}
	}
	x.f.classes = append(x.f.classes, c)
}

// elems reads an annotation type's attributes.
func (x *extractor) elems(body *sitter.Node, owner string) []elem {
	var out []elem
	for _, ch := range syntax.NamedChildren(body) {
		switch ch.Type() {
		case "annotation_type_element_declaration":
			e := elem{name: x.text(ch.ChildByFieldName("name")), def: x.value(ch.ChildByFieldName("value"))}
			for _, k := range syntax.Children(ch) {
				if k.Type() == "modifiers" {
					e.anns = x.annots(k)
				}
			}
			if e.name != "" {
				out = append(out, e)
			}
		case "constant_declaration", "field_declaration":
			x.javaConst(ch, owner)
		case "class_declaration", "interface_declaration", "enum_declaration", "record_declaration", "annotation_type_declaration":
			x.class(ch)
		}
	}
	return out
}

// annotatedExpression recovers a class tree-sitter-kotlin read as an
// annotated expression: @RestController @RequestMapping("/x") then
// "class Name { ... }" as an infix call with a lambda.
func (x *extractor) annotatedExpression(n *sitter.Node) {
	var anns []annot
	for n != nil && n.Type() == "prefix_expression" {
		var next *sitter.Node
		for _, ch := range syntax.NamedChildren(n) {
			switch ch.Type() {
			case "annotation":
				anns = append(anns, x.annot(ch))
			default:
				next = ch
			}
		}
		n = next
	}
	if n == nil || n.Type() != "infix_expression" {
		return
	}
	kids := syntax.NamedChildren(n)
	if len(kids) < 3 || kids[0].Type() != "simple_identifier" || x.text(kids[0]) != "class" || kids[1].Type() != "simple_identifier" || kids[len(kids)-1].Type() != "lambda_literal" {
		return
	}
	c := &class{file: x.f.path, line: syntax.Line(n), lang: x.l, anns: anns, name: x.text(kids[1])}
	if len(anns) > 0 {
		c.line = anns[0].line
	}
	syntax.Walk(kids[len(kids)-1], func(k *sitter.Node) bool {
		if k.Type() == "function_declaration" {
			m := x.method(k)
			c.methods = append(c.methods, m)
			x.inspect(m, k)
			return false
		}
		return true
	})
	x.f.classes = append(x.f.classes, c)
}

func (x *extractor) walkCompanion(n *sitter.Node, owner string) {
	for _, ch := range syntax.NamedChildren(n) {
		if ch.Type() == "class_body" {
			for _, k := range syntax.NamedChildren(ch) {
				if k.Type() == "property_declaration" {
					x.kotlinConst(k, owner)
				}
			}
		}
	}
}

// inspect keeps what a method shows beyond its routes: an HttpSecurity
// configuration, functional routes.
func (x *extractor) inspect(m *method, n *sitter.Node) {
	for _, p := range m.params {
		if strings.HasSuffix(p.typ, "HttpSecurity") {
			x.f.security = append(x.f.security, secBody{text: m.body, line: m.bodyLine, order: math.MaxInt32})
			x.f.filtersAdded = append(x.f.filtersAdded, addedFilters(m.body)...)
			return
		}
	}
	x.functional(m, n)
}

func (x *extractor) method(n *sitter.Node) *method {
	m := &method{line: syntax.Line(n), endLine: syntax.EndLine(n)}
	start := n.StartByte()
	var pendingMods []annot
	for _, ch := range syntax.Children(n) {
		switch ch.Type() {
		case "modifiers":
			m.anns = x.annots(ch)
			start = ch.EndByte()
		case "identifier", "simple_identifier":
			if m.name == "" {
				m.name = x.text(ch)
			}
		case "formal_parameters":
			for _, p := range syntax.NamedChildren(ch) {
				if p.Type() != "formal_parameter" && p.Type() != "spread_parameter" {
					continue
				}
				var pr param
				for _, k := range syntax.Children(p) {
					switch {
					case k.Type() == "modifiers":
						pr.anns = x.annots(k)
					case k.Type() == "identifier":
						pr.name = x.text(k)
					case strings.HasSuffix(k.Type(), "_type") || k.Type() == "type_identifier":
						pr.typ = x.text(k)
					}
				}
				m.params = append(m.params, pr)
			}
		case "function_value_parameters":
			for _, p := range syntax.NamedChildren(ch) {
				switch p.Type() {
				case "parameter_modifiers":
					pendingMods = x.annots(p)
				case "parameter":
					pr := param{anns: pendingMods}
					pendingMods = nil
					for _, k := range syntax.NamedChildren(p) {
						switch k.Type() {
						case "simple_identifier":
							pr.name = x.text(k)
						default:
							pr.typ = x.text(k)
						}
					}
					m.params = append(m.params, pr)
				}
			}
		}
	}
	src := x.t.Src
	if int(start) < int(n.EndByte()) && int(n.EndByte()) <= len(src) {
		raw := string(src[start:n.EndByte()])
		m.body = strings.TrimSpace(raw)
		lead := raw[:len(raw)-len(strings.TrimLeft(raw, " \t\r\n"))]
		m.bodyLine = syntax.Line(n) + strings.Count(string(src[n.StartByte():start]), "\n") + strings.Count(lead, "\n")
	}
	return m
}

// annots reads the annotations of a modifiers node (Java modifiers,
// Kotlin modifiers or parameter_modifiers).
func (x *extractor) annots(n *sitter.Node) []annot {
	var out []annot
	for _, a := range syntax.NamedChildren(n) {
		switch a.Type() {
		case "marker_annotation", "annotation":
			out = append(out, x.annot(a))
		}
	}
	return out
}

func (x *extractor) annot(n *sitter.Node) annot {
	a := annot{args: map[string]*val{}, text: x.text(n), line: syntax.Line(n)}
	if x.l == lang.Java {
		if nm := n.ChildByFieldName("name"); nm != nil {
			a.name = lastDot(x.text(nm))
		}
		if args := n.ChildByFieldName("arguments"); args != nil {
			for _, e := range syntax.NamedChildren(args) {
				if e.Type() == "element_value_pair" {
					k := x.text(e.ChildByFieldName("key"))
					a.args[k] = x.value(e.ChildByFieldName("value"))
				} else if e.Type() != "comment" {
					a.args[""] = x.value(e)
				}
			}
		}
		return a
	}
	// Kotlin: @Name, @Name(args), @field:Name.
	syntax.Walk(n, func(k *sitter.Node) bool {
		switch k.Type() {
		case "user_type":
			if a.name == "" {
				a.name = lastDot(x.text(k))
			}
			return false
		case "value_arguments":
			for _, e := range syntax.NamedChildren(k) {
				if e.Type() != "value_argument" {
					continue
				}
				key := ""
				kids := syntax.NamedChildren(e)
				if len(kids) == 0 {
					continue
				}
				v := kids[len(kids)-1]
				if len(kids) >= 2 && kids[0].Type() == "simple_identifier" {
					key = x.text(kids[0])
				}
				a.args[key] = x.value(v)
			}
			return false
		}
		return true
	})
	return a
}

func lastDot(s string) string {
	if i := strings.LastIndexByte(s, '.'); i >= 0 {
		return s[i+1:]
	}
	return s
}

// value reads an expression as a val, or nil when it is none the
// detector can evaluate.
func (x *extractor) value(n *sitter.Node) *val {
	if n == nil {
		return nil
	}
	switch n.Type() {
	case "string_literal", "line_string_literal", "multi_line_string_literal":
		parts := []*val{}
		lit := true
		for _, k := range syntax.NamedChildren(n) {
			switch k.Type() {
			case "string_fragment", "string_content", "escape_sequence", "multiline_string_fragment":
				parts = append(parts, &val{kind: 's', s: x.text(k)})
			case "interpolated_identifier":
				parts = append(parts, &val{kind: 'r', s: x.text(k)})
				lit = false
			case "interpolated_expression":
				kids := syntax.NamedChildren(k)
				if len(kids) == 1 {
					parts = append(parts, x.value(kids[0]))
				} else {
					parts = append(parts, nil)
				}
				lit = false
			}
		}
		if lit {
			var b strings.Builder
			for _, p := range parts {
				b.WriteString(p.s)
			}
			return &val{kind: 's', s: b.String()}
		}
		return &val{kind: '+', parts: parts}
	case "identifier", "simple_identifier", "true", "false", "boolean_literal":
		return &val{kind: 'r', s: x.text(n)}
	case "class_literal":
		return &val{kind: 'c', s: lastDot(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(x.text(n)), ".class")))}
	case "field_access", "navigation_expression", "scoped_identifier":
		return &val{kind: 'r', s: strings.Join(strings.Fields(x.text(n)), "")}
	case "binary_expression", "additive_expression":
		kids := syntax.NamedChildren(n)
		if len(kids) != 2 || !strings.Contains(x.text(n), "+") {
			return nil
		}
		return &val{kind: '+', parts: []*val{x.value(kids[0]), x.value(kids[1])}}
	case "parenthesized_expression", "value_argument":
		kids := syntax.NamedChildren(n)
		if len(kids) == 1 {
			return x.value(kids[0])
		}
	case "element_value_array_initializer", "array_initializer", "collection_literal":
		v := &val{kind: '['}
		for _, k := range syntax.NamedChildren(n) {
			v.parts = append(v.parts, x.value(k))
		}
		return v
	case "call_expression":
		// arrayOf("/a", "/b"), listOf(...)
		kids := syntax.NamedChildren(n)
		if len(kids) == 2 && kids[0].Type() == "simple_identifier" && strings.HasSuffix(x.text(kids[0]), "Of") {
			v := &val{kind: '['}
			syntax.Walk(kids[1], func(k *sitter.Node) bool {
				if k.Type() == "value_argument" {
					v.parts = append(v.parts, x.value(k))
					return false
				}
				return true
			})
			return v
		}
	}
	return nil
}

// javaConst records a static final field's (or an interface constant's)
// value.
func (x *extractor) javaConst(n *sitter.Node, owner string) {
	mods := ""
	for _, ch := range syntax.Children(n) {
		if ch.Type() == "modifiers" {
			mods = x.text(ch)
		}
	}
	if n.Type() == "field_declaration" && !(strings.Contains(mods, "static") && strings.Contains(mods, "final")) && !x.inInterface(n) {
		return
	}
	for _, ch := range syntax.NamedChildren(n) {
		if ch.Type() != "variable_declarator" {
			continue
		}
		name := x.text(ch.ChildByFieldName("name"))
		if v := x.value(ch.ChildByFieldName("value")); v != nil && name != "" {
			x.f.setConst(owner, name, v)
		}
	}
}

// passwordField names a field that holds a password.
var passwordField = regexp.MustCompile(`^(?i:pass(?:word|wd)|\w*_password|\w*Password)$`)

func (x *extractor) inInterface(n *sitter.Node) bool {
	p := n.Parent()
	return p != nil && p.Type() == "interface_body"
}

// kotlinConst records a val's value (const val, or a val of an object).
func (x *extractor) kotlinConst(n *sitter.Node, owner string) {
	var name string
	var v *val
	isVal := false
	for _, ch := range syntax.NamedChildren(n) {
		switch ch.Type() {
		case "binding_pattern_kind":
			isVal = x.text(ch) == "val"
		case "variable_declaration":
			for _, k := range syntax.NamedChildren(ch) {
				if k.Type() == "simple_identifier" {
					name = x.text(k)
				}
			}
		case "modifiers":
		default:
			if name != "" && v == nil {
				v = x.value(ch)
			}
		}
	}
	if isVal && name != "" && v != nil {
		x.f.setConst(owner, name, v)
	}
}

func (f *file) setConst(owner, name string, v *val) {
	f.consts[name] = v
	if owner != "" {
		f.consts[owner+"."+name] = v
	}
}
