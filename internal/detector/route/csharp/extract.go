package csharp

import (
	"slices"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/threatmap/threatmap/internal/syntax"
)

// file is what one C# file declares that routes are made of.
type file struct {
	path    string
	classes []*class
	// maps are the minimal API registrations, in order.
	maps []*mapping
	// groups are MapGroup results assigned to variables, by name.
	groups map[string]*group
	// policies are AddPolicy("name", ...) bodies, by name.
	policies map[string]string
	// fallback is the code a FallbackPolicy is set to; filter is a
	// global AuthorizeFilter's code; controllersAuth is
	// MapControllers().RequireAuthorization(...)'s code.
	fallback, filter, controllersAuth string
	at                                map[string]int // where each of those is, by name
	// conventional are MapControllerRoute/MapDefaultControllerRoute
	// patterns.
	conventional []string
	pathBase     string
	// antiforgery is a global filter that checks the anti-forgery token
	// of every unsafe request (options.Filters.Add(new
	// AutoValidateAntiforgeryTokenAttribute())), as written.
	antiforgery string
	// statics are UseStaticFiles registrations, in order.
	statics []static
	// vars are local variables' values by name, for a filter given a
	// policy by variable.
	vars map[string]string
	// usings are the namespaces the file imports (using X.Y;).
	usings []string
	// page is a Razor Page (a .cshtml file with @page); conventions the
	// Razor Pages authorization conventions the file sets.
	page        *razorPage
	conventions []pageConvention
}

func (f *file) empty() bool {
	return len(f.classes) == 0 && len(f.maps) == 0 && len(f.policies) == 0 && f.fallback == "" && f.filter == "" &&
		f.controllersAuth == "" && len(f.conventional) == 0 && f.pathBase == "" && f.antiforgery == "" && len(f.statics) == 0 &&
		f.page == nil && len(f.conventions) == 0
}

// static is app.UseStaticFiles(...): the web root (wwwroot under the
// content root, the folder the app runs in) served at the root, or the
// folder a PhysicalFileProvider names, at the options' RequestPath.
type static struct {
	path, dir string // dir "" when the code names no folder threatmap can read
	line      int
	text      string
}

type class struct {
	name, base string
	file       string
	line       int
	attrs      []attr
	methods    []*method
	// ns is the namespace the class is declared in, and outer the
	// classes it is nested in, outermost first: Delete.Command names
	// the Command nested in Delete.
	ns    string
	outer []string
	// handles are the request types the class handles, as its generic
	// handler bases name them (IRequestHandler<Command, Result>: Command).
	handles []string
	// props are a record's positional parameters, each a property of
	// that name: new Command(slug) sets Command.Slug.
	props []string
	// ctors are, for each constructor, the property each parameter is
	// stored in, by position ("" where the code stores it in none).
	ctors [][]string
}

type method struct {
	name          string
	line, endLine int
	body          string
	attrs         []attr
	params        []param
	public        bool
	static        bool
}

type param struct{ name, typ string }

type attr struct {
	name string
	args []arg
	line int
}

type arg struct {
	name string // Roles in Roles = "x", or a named argument's name
	str  string
	ok   bool
	text string // the value as written
}

// group is a MapGroup result: its prefix, the group or app it is made
// on, and the auth calls chained on it.
type group struct {
	prefix string
	parent string // the variable it is made on ("" for the app)
	auth   []authCall
}

// authCall is RequireAuthorization(...) or AllowAnonymous() on an
// endpoint or group.
type authCall struct {
	require bool
	policy  string // the policy named, or the code given
	line    int
}

// mapping is one minimal API registration.
type mapping struct {
	methods []string
	path    string
	on      string // the variable it is made on
	// inline are groups made in the same chain (app.MapGroup("/x").MapGet(...)).
	inline  []*group
	auth    []authCall
	line    int
	handler handler
	ns      string // the namespace of the code that maps it
}

// handler is a lambda's code, or a method group's name.
type handler struct {
	name          string
	body          string
	line, endLine int
	// attrs are a lambda's own attributes ([Authorize(Roles = "x")]
	// async (int id) => ...), which ASP.NET Core reads as the endpoint's.
	attrs []attr
}

type extractor struct {
	t *syntax.Tree
	f *file
	// ns and outer are where the walk is: the namespace, and the
	// classes it is inside.
	ns    string
	outer []string
}

func extract(t *syntax.Tree, p string) *file {
	f := &file{path: p, groups: map[string]*group{}, policies: map[string]string{}, at: map[string]int{}, vars: map[string]string{}}
	x := &extractor{t: t, f: f}
	x.walk(t.Root())
	return f
}

func (x *extractor) text(n *sitter.Node) string { return x.t.Text(n) }

func line(n *sitter.Node) int { return int(n.StartPoint().Row) + 1 }

func endLine(n *sitter.Node) int { return int(n.EndPoint().Row) + 1 }

func (x *extractor) walk(n *sitter.Node) {
	switch n.Type() {
	case "class_declaration", "record_declaration":
		x.class(n)
		return
	case "using_directive":
		if n.NamedChildCount() == 1 {
			x.f.usings = append(x.f.usings, x.text(n.NamedChild(0)))
		}
		return
	case "file_scoped_namespace_declaration":
		// Its declarations follow it, inside it or beside it as the
		// grammar's version has them.
		x.ns = x.text(n.ChildByFieldName("name"))
	case "namespace_declaration":
		saved := x.ns
		x.ns = strings.TrimPrefix(saved+"."+x.text(n.ChildByFieldName("name")), ".")
		for i := 0; i < int(n.NamedChildCount()); i++ {
			x.walk(n.NamedChild(i))
		}
		x.ns = saved
		return
	case "variable_declarator":
		if nm := n.ChildByFieldName("name"); nm != nil {
			if v := declaredValue(n); v != nil {
				x.f.vars[x.text(nm)] = x.text(v)
			}
			if v := declaredValue(n); v != nil && v.Type() == "invocation_expression" {
				if g := x.groupChain(v); g != nil {
					x.f.groups[x.text(nm)] = g
					return
				}
			}
		}
	case "assignment_expression":
		left := x.text(n.ChildByFieldName("left"))
		if strings.HasSuffix(left, "FallbackPolicy") {
			x.f.fallback = x.text(n.ChildByFieldName("right"))
			x.f.at["fallback"] = line(n)
		}
	case "invocation_expression":
		if x.invocation(n) {
			return
		}
	}
	for i := 0; i < int(n.NamedChildCount()); i++ {
		x.walk(n.NamedChild(i))
	}
}

// declaredValue is a variable declarator's initial value.
func declaredValue(n *sitter.Node) *sitter.Node {
	for i := int(n.NamedChildCount()) - 1; i >= 0; i-- {
		c := n.NamedChild(i)
		if c.Type() == "equals_value_clause" {
			return c.NamedChild(0)
		}
		if c != n.ChildByFieldName("name") {
			return c
		}
	}
	return nil
}

// call is one call of a chain.
type call struct {
	name string
	args []*sitter.Node
	node *sitter.Node
}

// chain unwinds a.B().C() into its calls, innermost first, and what it
// starts on.
func (x *extractor) chain(n *sitter.Node) ([]call, *sitter.Node) {
	var calls []call
	for n != nil && n.Type() == "invocation_expression" {
		fn := n.ChildByFieldName("function")
		c := call{node: n}
		if as := n.ChildByFieldName("arguments"); as != nil {
			for i := 0; i < int(as.NamedChildCount()); i++ {
				if a := as.NamedChild(i); a.Type() == "argument" {
					c.args = append(c.args, a)
				}
			}
		}
		switch fn.Type() {
		case "member_access_expression":
			c.name = x.text(fn.ChildByFieldName("name"))
			n = fn.ChildByFieldName("expression")
		case "generic_name":
			c.name = x.text(fn.NamedChild(0))
			n = nil
		default:
			c.name = x.text(fn)
			n = nil
		}
		if i := strings.IndexByte(c.name, '<'); i > 0 {
			c.name = c.name[:i]
		}
		calls = append(calls, c)
	}
	for i, j := 0, len(calls)-1; i < j; i, j = i+1, j-1 {
		calls[i], calls[j] = calls[j], calls[i]
	}
	return calls, n
}

// argValue is an argument's expression, and its name when named
// (pattern: "...").
func argValue(a *sitter.Node) (*sitter.Node, string) {
	if a == nil {
		return nil, ""
	}
	name := ""
	var v *sitter.Node
	for i := 0; i < int(a.NamedChildCount()); i++ {
		c := a.NamedChild(i)
		switch c.Type() {
		case "name_colon", "name_equals":
			continue
		}
		v = c
	}
	return v, name
}

func (x *extractor) argName(a *sitter.Node) string {
	for i := 0; i < int(a.NamedChildCount()); i++ {
		c := a.NamedChild(i)
		if c.Type() == "name_colon" || c.Type() == "name_equals" {
			return strings.TrimRight(strings.TrimSpace(x.text(c)), ":=")
		}
	}
	return ""
}

// str is a string literal's value.
func (x *extractor) str(n *sitter.Node) (string, bool) {
	if n == nil {
		return "", false
	}
	switch n.Type() {
	case "string_literal":
		var b strings.Builder
		for i := 0; i < int(n.NamedChildCount()); i++ {
			c := n.NamedChild(i)
			switch c.Type() {
			case "string_literal_content", "string_literal_fragment":
				b.WriteString(x.text(c))
			case "escape_sequence":
				b.WriteString(strings.TrimPrefix(x.text(c), `\`))
			}
		}
		return b.String(), true
	case "verbatim_string_literal":
		s := x.text(n)
		return strings.ReplaceAll(strings.TrimSuffix(strings.TrimPrefix(s, `@"`), `"`), `""`, `"`), true
	case "raw_string_literal":
		s := strings.Trim(x.text(n), `"`)
		return strings.TrimSpace(s), true
	case "binary_expression":
		l, ok1 := x.str(n.ChildByFieldName("left"))
		r, ok2 := x.str(n.ChildByFieldName("right"))
		if ok1 && ok2 && x.text(n.ChildByFieldName("operator")) == "+" {
			return l + r, true
		}
	case "parenthesized_expression":
		return x.str(n.NamedChild(0))
	}
	return "", false
}

// strs is an array or list of string literals (new[] { "GET", "HEAD" }).
func (x *extractor) strs(n *sitter.Node) []string {
	var out []string
	walk(n, func(c *sitter.Node) bool {
		if s, ok := x.str(c); ok {
			out = append(out, s)
			return false
		}
		// HttpMethods.Put: the method's name.
		if c.Type() == "member_access_expression" && x.text(c.ChildByFieldName("expression")) == "HttpMethods" {
			out = append(out, x.text(c.ChildByFieldName("name")))
			return false
		}
		return true
	})
	return out
}

func walk(n *sitter.Node, f func(*sitter.Node) bool) {
	if n == nil || !f(n) {
		return
	}
	for i := 0; i < int(n.NamedChildCount()); i++ {
		walk(n.NamedChild(i), f)
	}
}

func (x *extractor) attrs(n *sitter.Node) []attr {
	var out []attr
	for i := 0; i < int(n.NamedChildCount()); i++ {
		l := n.NamedChild(i)
		if l.Type() != "attribute_list" {
			continue
		}
		for j := 0; j < int(l.NamedChildCount()); j++ {
			a := l.NamedChild(j)
			if a.Type() != "attribute" {
				continue
			}
			name := x.text(a.ChildByFieldName("name"))
			if k := strings.LastIndexByte(name, '.'); k >= 0 {
				name = name[k+1:]
			}
			name = strings.TrimSuffix(name, "Attribute")
			at := attr{name: name, line: line(a)}
			walk(a, func(c *sitter.Node) bool {
				if c.Type() != "attribute_argument" {
					return true
				}
				var r arg
				v := c.NamedChild(int(c.NamedChildCount()) - 1)
				if v != nil && v.Type() == "assignment_expression" {
					r.name = x.text(v.ChildByFieldName("left"))
					v = v.ChildByFieldName("right")
				} else if nm := x.argName(c); nm != "" {
					r.name = nm
				}
				r.str, r.ok = x.str(v)
				r.text = x.text(v)
				if !r.ok && v != nil && (v.Type() == "array_creation_expression" || v.Type() == "implicit_array_creation_expression") {
					r.str, r.ok = strings.Join(x.strs(v), ","), true
				}
				at.args = append(at.args, r)
				return false
			})
			out = append(out, at)
		}
	}
	return out
}

func (x *extractor) class(n *sitter.Node) {
	c := &class{name: x.text(n.ChildByFieldName("name")), file: x.f.path, line: line(n), attrs: x.attrs(n), ns: x.ns, outer: x.outer}
	x.outer = append(slices.Clip(x.outer), c.name)
	defer func() { x.outer = c.outer }()
	for i := 0; i < int(n.NamedChildCount()); i++ {
		if ps := n.NamedChild(i); ps.Type() == "parameter_list" && n.Type() == "record_declaration" {
			for j := 0; j < int(ps.NamedChildCount()); j++ {
				c.props = append(c.props, x.text(ps.NamedChild(j).ChildByFieldName("name")))
			}
		}
		if b := n.NamedChild(i); b.Type() == "base_list" && b.NamedChildCount() > 0 {
			for j := 0; j < int(b.NamedChildCount()); j++ {
				if t := handledType(x.text(b.NamedChild(j))); t != "" {
					c.handles = append(c.handles, t)
				}
			}
			base := x.text(b.NamedChild(0))
			if j := strings.IndexByte(base, '<'); j > 0 {
				base = base[:j]
			}
			if j := strings.LastIndexByte(base, '.'); j >= 0 {
				base = base[j+1:]
			}
			c.base = base
		}
	}
	body := n.ChildByFieldName("body")
	if body == nil {
		x.f.classes = append(x.f.classes, c)
		return
	}
	for i := 0; i < int(body.NamedChildCount()); i++ {
		m := body.NamedChild(i)
		switch m.Type() {
		case "method_declaration":
			me := &method{name: x.text(m.ChildByFieldName("name")), line: line(m), endLine: endLine(m), body: x.text(m), attrs: x.attrs(m)}
			for j := 0; j < int(m.NamedChildCount()); j++ {
				if mod := m.NamedChild(j); mod.Type() == "modifier" {
					switch x.text(mod) {
					case "public":
						me.public = true
					case "static":
						me.static = true
					}
				}
			}
			if ps := m.ChildByFieldName("parameters"); ps != nil {
				for j := 0; j < int(ps.NamedChildCount()); j++ {
					p := ps.NamedChild(j)
					if p.Type() == "parameter" {
						me.params = append(me.params, param{name: x.text(p.ChildByFieldName("name")), typ: x.text(p.ChildByFieldName("type"))})
					}
				}
			}
			c.methods = append(c.methods, me)
			x.walk(m) // minimal APIs mapped inside a method
		case "class_declaration", "record_declaration":
			x.class(m)
		case "constructor_declaration":
			c.ctors = append(c.ctors, x.ctorProps(m))
			x.walk(m)
		default:
			x.walk(m)
		}
	}
	x.f.classes = append(x.f.classes, c)
}

// ctorProps is the property each of a constructor's parameters is
// stored in (this.OrderId = orderId;), by position.
func (x *extractor) ctorProps(n *sitter.Node) []string {
	var names []string
	if ps := n.ChildByFieldName("parameters"); ps != nil {
		for j := 0; j < int(ps.NamedChildCount()); j++ {
			if p := ps.NamedChild(j); p.Type() == "parameter" {
				names = append(names, x.text(p.ChildByFieldName("name")))
			}
		}
	}
	out := make([]string, len(names))
	walk(n, func(a *sitter.Node) bool {
		if a.Type() != "assignment_expression" {
			return true
		}
		left := strings.TrimPrefix(x.text(a.ChildByFieldName("left")), "this.")
		if i := slices.Index(names, x.text(a.ChildByFieldName("right"))); i >= 0 && !strings.Contains(left, ".") {
			out[i] = left
		}
		return false
	})
	return out
}

// handledType is the request type a generic handler base names first
// (IRequestHandler<Delete.Command, Unit>: Delete.Command), the shape of
// MediatR's and its kin's handlers; "" for any other base.
func handledType(base string) string {
	name, args, ok := strings.Cut(base, "<")
	if !ok || !strings.HasSuffix(name, "Handler") {
		return ""
	}
	if i := strings.IndexAny(args, ",<>"); i >= 0 {
		args = args[:i]
	}
	return strings.TrimSpace(args)
}

// mapVerbs are the minimal API registration methods.
var mapVerbs = map[string]string{
	"MapGet": "GET", "MapPost": "POST", "MapPut": "PUT", "MapDelete": "DELETE", "MapPatch": "PATCH",
	"Map": "ANY", "MapMethods": "", "MapFallback": "ANY",
}

// groupChain reads app.MapGroup("/x").RequireAuthorization() as a group.
func (x *extractor) groupChain(n *sitter.Node) *group {
	calls, base := x.chain(n)
	var g *group
	for _, c := range calls {
		switch c.name {
		case "MapGroup":
			v, _ := argValue(first(c.args))
			p, _ := x.str(v)
			ng := &group{prefix: p}
			if g != nil {
				ng.parent = g.parent
				ng.prefix = joinPath(g.prefix, p)
				ng.auth = append(ng.auth, g.auth...)
			} else if base != nil {
				ng.parent = x.text(base)
			}
			g = ng
		case "RequireAuthorization", "AllowAnonymous":
			if g != nil {
				g.auth = append(g.auth, x.authCall(c))
			}
		}
	}
	return g
}

func first(as []*sitter.Node) *sitter.Node {
	if len(as) == 0 {
		return nil
	}
	return as[0]
}

func (x *extractor) authCall(c call) authCall {
	a := authCall{require: c.name == "RequireAuthorization", line: line(c.node)}
	if len(c.args) > 0 {
		v, _ := argValue(c.args[0])
		if s, ok := x.str(v); ok {
			a.policy = s
		} else {
			a.policy = "\x00" + x.text(v)
		}
	}
	return a
}

// invocation reads registrations and settings; it says whether n was a
// registration chain (whose parts need no more walking).
func (x *extractor) invocation(n *sitter.Node) bool {
	calls, base := x.chain(n)
	if len(calls) == 0 {
		return false
	}
	for i, c := range calls {
		if m, ok := mapVerbs[c.name]; ok && len(c.args) >= 2 {
			mp := &mapping{line: line(c.node), ns: x.ns}
			if base != nil {
				mp.on = x.text(base)
			}
			// Groups made earlier in the chain.
			for _, g := range calls[:i] {
				if g.name == "MapGroup" {
					v, _ := argValue(first(g.args))
					p, _ := x.str(v)
					mp.inline = append(mp.inline, &group{prefix: p})
				} else if (g.name == "RequireAuthorization" || g.name == "AllowAnonymous") && len(mp.inline) > 0 {
					last := mp.inline[len(mp.inline)-1]
					last.auth = append(last.auth, x.authCall(g))
				}
			}
			pv, _ := argValue(c.args[0])
			p, ok := x.str(pv)
			if !ok {
				return true
			}
			mp.path = p
			hi := 1
			if c.name == "MapMethods" {
				mv, _ := argValue(c.args[1])
				for _, s := range x.strs(mv) {
					mp.methods = append(mp.methods, strings.ToUpper(s))
				}
				hi = 2
			} else {
				mp.methods = []string{m}
			}
			if hi < len(c.args) {
				mp.handler = x.handler(c.args[hi])
			}
			for _, a := range calls[i+1:] {
				if a.name == "RequireAuthorization" || a.name == "AllowAnonymous" {
					mp.auth = append(mp.auth, x.authCall(a))
				}
			}
			x.f.maps = append(x.f.maps, mp)
			// Lambdas may map more (a group's routes in a local function).
			x.walk(c.args[hi-1])
			return true
		}
		switch c.name {
		case "AddPolicy":
			if len(c.args) >= 2 {
				v, _ := argValue(c.args[0])
				if name, ok := x.str(v); ok {
					x.f.policies[name] = x.text(c.node)
				}
			}
		case "MapControllers":
			for _, a := range calls[i+1:] {
				if a.name == "RequireAuthorization" {
					x.f.controllersAuth = x.text(a.node)
					if len(a.args) > 0 {
						v, _ := argValue(a.args[0])
						if s, ok := x.str(v); ok {
							x.f.controllersAuth = "\x00policy:" + s
						}
					}
					x.f.at["controllers"] = line(a.node)
				}
			}
		case "MapControllerRoute", "MapAreaControllerRoute":
			for _, a := range c.args {
				v, name := argValue(a)
				if name == "" {
					name = x.argName(a)
				}
				if s, ok := x.str(v); ok && (name == "pattern" || strings.Contains(s, "{")) {
					x.f.conventional = append(x.f.conventional, s)
				}
			}
		case "MapDefaultControllerRoute":
			x.f.conventional = append(x.f.conventional, "{controller=Home}/{action=Index}/{id?}")
		case "UseStaticFiles":
			x.f.statics = append(x.f.statics, x.staticFiles(c))
		case "UsePathBase":
			v, _ := argValue(first(c.args))
			if s, ok := x.str(v); ok {
				x.f.pathBase = s
			}
		case "Add":
			if len(c.args) > 0 && antiforgeryFilter.MatchString(x.text(c.node)) && strings.Contains(x.text(n), "Filters") {
				x.f.antiforgery = antiforgeryFilter.FindString(x.text(c.node))
				x.f.at["antiforgery"] = line(c.node)
			}
			// options.Filters.Add(new AuthorizeFilter(...)).
			if len(c.args) > 0 && strings.Contains(x.text(c.node), "AuthorizeFilter") && strings.Contains(x.text(n), "Filters") {
				v, _ := argValue(c.args[0])
				x.f.filter = x.text(v)
				// new AuthorizeFilter(policy): the policy's code.
				walk(v, func(k *sitter.Node) bool {
					if k.Type() == "identifier" {
						if code, ok := x.f.vars[x.text(k)]; ok {
							x.f.filter += " " + code
						}
					}
					return true
				})
				x.f.at["filter"] = line(c.node)
			}
		}
	}
	return false
}

// staticFiles reads UseStaticFiles(): no argument serves wwwroot at the
// root; a string serves it at that path; StaticFileOptions may set
// RequestPath and a FileProvider, whose PhysicalFileProvider's last string
// literal (Path.Combine(root, "files")) is the folder.
func (x *extractor) staticFiles(c call) static {
	st := static{path: "/", dir: "wwwroot", line: line(c.node), text: x.text(c.node)}
	v, _ := argValue(first(c.args))
	if v == nil {
		return st
	}
	if s, ok := x.str(v); ok {
		st.path = s
		return st
	}
	walk(v, func(n *sitter.Node) bool {
		if n.Type() != "assignment_expression" {
			return true
		}
		switch x.text(n.ChildByFieldName("left")) {
		case "RequestPath":
			if s, ok := x.str(n.ChildByFieldName("right")); ok {
				st.path = s
			}
		case "FileProvider":
			st.dir = ""
			walk(n.ChildByFieldName("right"), func(k *sitter.Node) bool {
				if s, ok := x.str(k); ok {
					st.dir = s
					return false
				}
				return true
			})
		}
		return false
	})
	return st
}

func (x *extractor) handler(a *sitter.Node) handler {
	v, _ := argValue(a)
	if v == nil {
		return handler{}
	}
	switch v.Type() {
	case "lambda_expression", "anonymous_method_expression", "parenthesized_lambda_expression":
		return handler{name: "lambda", body: x.text(v), line: line(v), endLine: endLine(v), attrs: x.attrs(v)}
	}
	name := x.text(v)
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		name = name[i+1:]
	}
	return handler{name: name}
}

func joinPath(a, b string) string {
	a, b = strings.Trim(a, "/"), strings.Trim(b, "/")
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "/" + b
}
