package php

import (
	"path"
	"slices"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/threatmap/threatmap/internal/syntax"
)

// file is what one PHP file declares that routes are made of.
type file struct {
	path string
	// uses maps an imported class's alias to its full name (use
	// App\Http\Controllers\PostController;).
	uses    map[string]string
	classes []*class
	// items are the file's route statements, in order, groups holding
	// their own.
	items []*item
	// aliases are a middleware alias table (a Kernel's
	// $middlewareAliases or $routeMiddleware, bootstrap/app.php's
	// $middleware->alias([...])): alias to class as written.
	aliases map[string]string
	// groups are middleware groups ($middlewareGroups): name to entries.
	groups map[string][]string
	// security is a Symfony security configuration (security.yaml).
	security *security
	// slimApp says the file makes a Slim app ($app = AppFactory::create(),
	// new Slim\App): every middleware its routes run under is in view.
	slimApp bool
}

func (f *file) empty() bool {
	return len(f.classes) == 0 && len(f.items) == 0 && len(f.aliases) == 0 && len(f.groups) == 0 && f.security == nil
}

// declaresRoutes says the file registers routes on a router it has (not
// on a variable only an including file may make one): the file is a
// front controller or a route file, whatever else its top level reads.
func (f *file) declaresRoutes() bool {
	var any func(its []*item) bool
	any = func(its []*item) bool {
		for _, it := range its {
			if it.free == "" && (it.kind == itRoute || it.kind == itResource || it.kind == itAppMW) || it.kind == itGroup && any(it.children) {
				return true
			}
		}
		return false
	}
	return any(f.items)
}

// class is a class declaration and what the routes need of it.
type class struct {
	name, fqn string
	base      string // the parent class as written, resolved through use
	file      string
	line      int
	methods   map[string]*method
	// ctorMW is the middleware its constructor adds to its actions.
	ctorMW []ctorMW
	attrs  []attr
	// doc is the doc block right above the class (Symfony's class-level
	// @Route, @Security and @IsGranted annotations).
	doc string
	// consts are its constants whose value is a literal string
	// (const ROLE_ADMIN = 'ROLE_ADMIN'), for attributes that name them.
	consts map[string]string
}

// method is one method of a class.
type method struct {
	name          string
	line, endLine int
	body          string // the whole declaration
	attrs         []attr
	// doc is the doc comment above it (Symfony's @Route annotations).
	doc string
}

// ctorMW is one $this->middleware(...) call in a constructor, with the
// actions its ->only([...]) or ->except([...]) names.
type ctorMW struct {
	names        []string
	only, except []string
	line         int
	// authorizes is $this->authorizeResource(Model::class): the policy
	// runs before each resource action.
	authorizes bool
}

// attr is a PHP attribute (#[Route('/x', methods: ['GET'])]).
type attr struct {
	name string
	args []arg
	line int
}

// arg is one argument: its name when named, its string value or list of
// strings when literal.
type arg struct {
	name string
	str  string
	strs []string
	ok   bool // str is a literal
	// cnst is a class constant as written (User::ROLE_ADMIN), its class
	// resolved through the file's imports, when the value is one.
	cnst string
}

// item kinds.
const (
	itRoute = iota
	itGroup
	itResource
	itInclude
	itAppMW
)

// item is one route statement: a route, a group (its attributes and
// statements), a resource, or a route file loaded in place.
type item struct {
	kind    int
	line    int
	methods []string
	path    string
	action  action
	// resource
	resource string
	api      bool
	only     []string
	except   []string
	params   map[string]string
	// attributes (a group's, or a route's own)
	prefix     string
	mw         []string
	withoutMW  []string
	namespace  string
	controller string
	children   []*item
	include    string // the loaded file, relative to the tree's root
	// candidates are the ways a base_path('routes/x.php') may resolve:
	// every ancestor folder of the file that loads it may be the app's.
	candidates []string
	// free is the variable a route statement calls that its file never
	// assigns (Lumen's $app or $router): the statement is a route only
	// where the file is required with that variable the router.
	free string
	// routers are the router variables where a file is required, and
	// slimRouters those among them that are a Slim app.
	routers, slimRouters []string
	// slim says the statement is a Slim app's ($app->get, $group->get):
	// its middleware is added with ->add(), by class, not by alias.
	slim bool
	// add is the middleware ->add() puts on a Slim route or group; for a
	// statement that is only $app->add(...) (kind itAppMW), on every
	// route of the app.
	add []slimMW
}

// slimMW is one middleware given to a Slim ->add(): a class as written
// (resolved through use), or a closure's code.
type slimMW struct {
	name, src string
	line      int
}

// action is what a route runs: a controller's method, or a closure.
type action struct {
	class, method string
	closure       *closure
	// name is the action as written, for a handler the tree lacks.
	name string
}

type closure struct {
	line, endLine int
	body          string
}

type extractor struct {
	t *syntax.Tree
	f *file
	// routers are the variables the file declares as Laravel's router
	// (a parameter typed Router or Registrar: function map(Registrar
	// $router)), Lumen's application ($app = new Laravel\Lumen\Application)
	// or a router group's closure parameter: $router->get(...) declares
	// a route as Route::get does.
	routers map[string]bool
	// defined are the variables the file's top level assigns or
	// declares; any other variable a top-level statement calls is the
	// including scope's (Lumen's route file uses the $app or $router of
	// the closure that requires it).
	defined map[string]bool
	// slim are the router variables that are a Slim app or route group
	// ($app = AppFactory::create(), a parameter typed RouteCollectorProxy,
	// $this in a Slim 3 group's closure).
	slim map[string]bool
	// free is the variable a statement being read calls without the file
	// assigning it: it may be a Slim app, so a group closure without a
	// parameter is read as Slim 3's, its $this the router.
	free string
}

// extract reads one parsed file.
func extract(t *syntax.Tree, p string) *file {
	f := &file{path: p, uses: map[string]string{}}
	x := &extractor{t: t, f: f}
	x.top(t.Root(), "")
	x.routerParams(t.Root())
	x.topLevel(t.Root())
	x.slimApps(t.Root())
	f.items = x.items(t.Root())
	return f
}

func (x *extractor) text(n *sitter.Node) string { return x.t.Text(n) }

func line(n *sitter.Node) int { return int(n.StartPoint().Row) + 1 }

func endLine(n *sitter.Node) int { return int(n.EndPoint().Row) + 1 }

// top reads namespaces, imports, classes and alias tables.
func (x *extractor) top(n *sitter.Node, ns string) {
	doc := ""
	for i := 0; i < int(n.NamedChildCount()); i++ {
		c := n.NamedChild(i)
		if c.Type() == "comment" {
			doc = docBlock(x.text(c))
			continue
		}
		switch c.Type() {
		case "namespace_definition":
			ns = strings.TrimPrefix(x.text(c.ChildByFieldName("name")), `\`)
			if body := c.ChildByFieldName("body"); body != nil {
				x.top(body, ns)
			}
		case "namespace_use_declaration":
			x.use(c)
		case "class_declaration":
			x.class(c, ns, doc)
		}
		doc = ""
	}
	// Alias tables written as calls ($middleware->alias([...]) in
	// bootstrap/app.php) sit anywhere.
	x.aliasCalls(n)
}

func (x *extractor) use(n *sitter.Node) {
	prefix := ""
	for i := 0; i < int(n.NamedChildCount()); i++ {
		c := n.NamedChild(i)
		switch c.Type() {
		case "namespace_name":
			prefix = x.text(c) + `\`
		case "namespace_use_clause":
			full, alias := "", ""
			for j := 0; j < int(c.NamedChildCount()); j++ {
				cc := c.NamedChild(j)
				switch cc.Type() {
				case "qualified_name", "name":
					if full == "" {
						full = x.text(cc)
					} else {
						alias = x.text(cc)
					}
				case "namespace_aliasing_clause":
					if a := cc.NamedChild(0); a != nil {
						alias = x.text(a)
					}
				}
			}
			full = strings.TrimPrefix(prefix+full, `\`)
			if alias == "" {
				alias = short(full)
			}
			x.f.uses[alias] = full
		case "namespace_use_group":
			for j := 0; j < int(c.NamedChildCount()); j++ {
				cc := c.NamedChild(j)
				full := strings.TrimPrefix(prefix+x.text(cc.NamedChild(0)), `\`)
				x.f.uses[short(full)] = full
			}
		}
	}
}

// short is the last segment of a class name.
func short(name string) string {
	name = strings.TrimPrefix(name, `\`)
	if i := strings.LastIndex(name, `\`); i >= 0 {
		return name[i+1:]
	}
	return name
}

// docBlock is a comment's text when it is a doc block (/** ... */), the
// only comment annotations are read from; "" for any other comment.
func docBlock(s string) string {
	if strings.HasPrefix(s, "/**") {
		return s
	}
	return ""
}

func (x *extractor) class(n *sitter.Node, ns, doc string) {
	name := x.text(n.ChildByFieldName("name"))
	c := &class{name: name, fqn: name, file: x.f.path, line: line(n), methods: map[string]*method{}, doc: doc}
	if ns != "" {
		c.fqn = ns + `\` + name
	}
	for i := 0; i < int(n.NamedChildCount()); i++ {
		ch := n.NamedChild(i)
		switch ch.Type() {
		case "base_clause":
			if b := ch.NamedChild(0); b != nil {
				c.base = x.resolve(x.text(b))
			}
		case "attribute_list":
			c.attrs = append(c.attrs, x.attrs(ch)...)
		}
	}
	body := n.ChildByFieldName("body")
	if body == nil {
		return
	}
	doc = ""
	for i := 0; i < int(body.NamedChildCount()); i++ {
		m := body.NamedChild(i)
		switch m.Type() {
		case "comment":
			doc = docBlock(x.text(m))
			continue
		case "method_declaration":
			me := &method{name: x.text(m.ChildByFieldName("name")), line: line(m), endLine: endLine(m), body: x.text(m), doc: doc}
			for j := 0; j < int(m.NamedChildCount()); j++ {
				if a := m.NamedChild(j); a.Type() == "attribute_list" {
					me.attrs = append(me.attrs, x.attrs(a)...)
					me.line = line(nextNonAttr(m))
				}
			}
			c.methods[strings.ToLower(me.name)] = me
			if me.name == "__construct" {
				c.ctorMW = x.ctorMiddleware(m)
			}
		case "property_declaration":
			x.aliasProperty(m)
		case "const_declaration":
			for j := 0; j < int(m.NamedChildCount()); j++ {
				e := m.NamedChild(j)
				if e.Type() != "const_element" || e.NamedChildCount() < 2 {
					continue
				}
				if v, ok := x.str(e.NamedChild(int(e.NamedChildCount()) - 1)); ok {
					if c.consts == nil {
						c.consts = map[string]string{}
					}
					c.consts[x.text(e.NamedChild(0))] = v
				}
			}
		}
		doc = ""
	}
	x.f.classes = append(x.f.classes, c)
}

// nextNonAttr is the first child of a declaration after its attributes:
// the line the method itself starts on.
func nextNonAttr(m *sitter.Node) *sitter.Node {
	for j := 0; j < int(m.ChildCount()); j++ {
		if c := m.Child(j); c.Type() != "attribute_list" {
			return c
		}
	}
	return m
}

// resolve gives a class name as written its full name through the
// file's imports.
func (x *extractor) resolve(name string) string {
	if strings.HasPrefix(name, `\`) {
		return name[1:]
	}
	head, rest, _ := strings.Cut(name, `\`)
	if full, ok := x.f.uses[head]; ok {
		if rest != "" {
			return full + `\` + rest
		}
		return full
	}
	return name
}

func (x *extractor) attrs(list *sitter.Node) []attr {
	var out []attr
	walk(list, func(n *sitter.Node) bool {
		if n.Type() != "attribute" {
			return true
		}
		a := attr{line: line(n)}
		if nm := n.NamedChild(0); nm != nil {
			a.name = short(x.text(nm))
		}
		if ps := n.ChildByFieldName("parameters"); ps != nil {
			a.args = x.args(ps)
		}
		out = append(out, a)
		return false
	})
	return out
}

// args reads an argument list.
func (x *extractor) args(ps *sitter.Node) []arg {
	var out []arg
	for i := 0; i < int(ps.NamedChildCount()); i++ {
		a := ps.NamedChild(i)
		if a.Type() != "argument" {
			continue
		}
		var r arg
		if nm := a.ChildByFieldName("name"); nm != nil {
			r.name = x.text(nm)
		}
		v := a.NamedChild(int(a.NamedChildCount()) - 1)
		r.str, r.ok = x.str(v)
		r.strs = x.strs(v)
		if v != nil && v.Type() == "class_constant_access_expression" && v.NamedChildCount() == 2 && !r.ok {
			r.cnst = x.resolve(x.text(v.NamedChild(0))) + "::" + x.text(v.NamedChild(1))
		}
		out = append(out, r)
	}
	return out
}

// value is an argument's expression.
func argValue(a *sitter.Node) *sitter.Node {
	if a == nil {
		return nil
	}
	if a.Type() != "argument" {
		return a
	}
	return a.NamedChild(int(a.NamedChildCount()) - 1)
}

// str is a literal string's value, a class constant's class name
// (X::class), or a concatenation of literals.
func (x *extractor) str(n *sitter.Node) (string, bool) {
	if n == nil {
		return "", false
	}
	switch n.Type() {
	case "string", "encapsed_string":
		var b strings.Builder
		for i := 0; i < int(n.NamedChildCount()); i++ {
			c := n.NamedChild(i)
			switch c.Type() {
			case "string_content", "string_value":
				b.WriteString(x.text(c))
			case "escape_sequence":
				b.WriteString(strings.TrimPrefix(x.text(c), `\`))
			default:
				return "", false // interpolated
			}
		}
		return b.String(), true
	case "class_constant_access_expression":
		if n.NamedChildCount() == 2 && x.text(n.NamedChild(1)) == "class" {
			return x.resolve(x.text(n.NamedChild(0))), true
		}
	case "binary_expression":
		if x.text(n.ChildByFieldName("operator")) == "." {
			l, ok1 := x.str(n.ChildByFieldName("left"))
			r, ok2 := x.str(n.ChildByFieldName("right"))
			if ok1 && ok2 {
				return l + r, true
			}
		}
	case "parenthesized_expression":
		return x.str(n.NamedChild(0))
	}
	return "", false
}

// strs is an array of literals' values, or one literal's.
func (x *extractor) strs(n *sitter.Node) []string {
	if n == nil {
		return nil
	}
	if n.Type() != "array_creation_expression" {
		if s, ok := x.str(n); ok {
			return []string{s}
		}
		return nil
	}
	var out []string
	for i := 0; i < int(n.NamedChildCount()); i++ {
		e := n.NamedChild(i)
		if e.Type() != "array_element_initializer" || e.NamedChildCount() != 1 {
			continue
		}
		if s, ok := x.str(e.NamedChild(0)); ok {
			out = append(out, s)
		}
	}
	return out
}

// pairs is an array's 'key' => value elements.
func (x *extractor) pairs(n *sitter.Node) map[string]*sitter.Node {
	out := map[string]*sitter.Node{}
	if n == nil || n.Type() != "array_creation_expression" {
		return out
	}
	for i := 0; i < int(n.NamedChildCount()); i++ {
		e := n.NamedChild(i)
		if e.Type() != "array_element_initializer" || e.NamedChildCount() != 2 {
			continue
		}
		if k, ok := x.str(e.NamedChild(0)); ok {
			out[k] = e.NamedChild(1)
		}
	}
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

// aliasProperty reads a Kernel's alias and group tables.
func (x *extractor) aliasProperty(p *sitter.Node) {
	walk(p, func(n *sitter.Node) bool {
		if n.Type() != "property_element" {
			return true
		}
		name := strings.TrimPrefix(x.text(n.NamedChild(0)), "$")
		var arr *sitter.Node
		walk(n, func(c *sitter.Node) bool {
			if arr == nil && c.Type() == "array_creation_expression" {
				arr = c
				return false
			}
			return arr == nil
		})
		switch name {
		case "middlewareAliases", "routeMiddleware":
			x.aliasTable(arr)
		case "middlewareGroups":
			for k, v := range x.pairs(arr) {
				if x.f.groups == nil {
					x.f.groups = map[string][]string{}
				}
				x.f.groups[k] = x.strs(v)
			}
		}
		return false
	})
}

func (x *extractor) aliasTable(arr *sitter.Node) {
	for k, v := range x.pairs(arr) {
		if s, ok := x.str(v); ok {
			if x.f.aliases == nil {
				x.f.aliases = map[string]string{}
			}
			x.f.aliases[k] = s
		}
	}
}

// aliasCalls reads $middleware->alias([...]) and
// $middleware->group('name', [...]) / appendToGroup calls.
func (x *extractor) aliasCalls(root *sitter.Node) {
	walk(root, func(n *sitter.Node) bool {
		if n.Type() != "member_call_expression" {
			return true
		}
		name := x.text(n.ChildByFieldName("name"))
		args := n.ChildByFieldName("arguments")
		switch name {
		case "alias", "aliasMiddleware", "routeMiddleware": // routeMiddleware: Lumen's
			if args != nil {
				if n.NamedChildCount() > 0 && args.NamedChildCount() == 1 {
					x.aliasTable(argValue(args.NamedChild(0)))
				} else if args.NamedChildCount() == 2 {
					k, ok1 := x.str(argValue(args.NamedChild(0)))
					v, ok2 := x.str(argValue(args.NamedChild(1)))
					if ok1 && ok2 {
						if x.f.aliases == nil {
							x.f.aliases = map[string]string{}
						}
						x.f.aliases[k] = v
					}
				}
			}
		case "group", "appendToGroup", "prependToGroup", "middlewareGroup":
			if args != nil && args.NamedChildCount() == 2 && !isRouteChain(x, n) {
				k, ok := x.str(argValue(args.NamedChild(0)))
				if ok {
					if x.f.groups == nil {
						x.f.groups = map[string][]string{}
					}
					x.f.groups[k] = append(x.f.groups[k], x.strs(argValue(args.NamedChild(1)))...)
				}
			}
		}
		return true
	})
}

// ctorMiddleware reads $this->middleware('auth')->except([...]) calls.
func (x *extractor) ctorMiddleware(m *sitter.Node) []ctorMW {
	var out []ctorMW
	walk(m.ChildByFieldName("body"), func(n *sitter.Node) bool {
		if n.Type() != "expression_statement" {
			return true
		}
		calls, base := x.chain(n.NamedChild(0))
		if base == nil || x.text(base) != "$this" || len(calls) == 0 {
			return true
		}
		var c ctorMW
		c.line = line(n)
		switch calls[0].name {
		case "middleware":
			for _, a := range calls[0].args {
				c.names = append(c.names, x.strs(argValue(a))...)
			}
		case "authorizeResource":
			c.authorizes = true
		default:
			return true
		}
		for _, k := range calls[1:] {
			var list []string
			for _, a := range k.args {
				list = append(list, x.strs(argValue(a))...)
			}
			switch k.name {
			case "only":
				c.only = append(c.only, list...)
			case "except":
				c.except = append(c.except, list...)
			}
		}
		if c.authorizes && len(calls[0].args) > 2 {
			// authorizeResource(Model::class, 'param', ['except' => [...]])
			opts := x.pairs(argValue(calls[0].args[2]))
			c.only = append(c.only, x.strs(opts["only"])...)
			c.except = append(c.except, x.strs(opts["except"])...)
		}
		out = append(out, c)
		return false
	})
	return out
}

// call is one call of a chain: its name and arguments.
type call struct {
	name string
	args []*sitter.Node
	node *sitter.Node
}

// chain unwinds a->b()->c() into its calls, innermost first, and the
// expression they start from (a scoped call's scope: Route for
// Route::get()).
func (x *extractor) chain(n *sitter.Node) ([]call, *sitter.Node) {
	var calls []call
	for n != nil {
		switch n.Type() {
		case "member_call_expression", "nullsafe_member_call_expression":
			calls = append(calls, x.mkcall(n))
			n = n.ChildByFieldName("object")
			continue
		case "scoped_call_expression":
			calls = append(calls, x.mkcall(n))
			n = n.ChildByFieldName("scope")
		}
		break
	}
	for i, j := 0, len(calls)-1; i < j; i, j = i+1, j-1 {
		calls[i], calls[j] = calls[j], calls[i]
	}
	return calls, n
}

func (x *extractor) mkcall(n *sitter.Node) call {
	c := call{name: x.text(n.ChildByFieldName("name")), node: n}
	if as := n.ChildByFieldName("arguments"); as != nil {
		for i := 0; i < int(as.NamedChildCount()); i++ {
			if a := as.NamedChild(i); a.Type() == "argument" {
				c.args = append(c.args, a)
			}
		}
	}
	return c
}

// isRouteChain says n is a call chain that starts at the Route facade.
func isRouteChain(x *extractor, n *sitter.Node) bool {
	calls, base := x.chain(n)
	return x.routeBase(calls, base)
}

// routeBase says a chain starts at the router: the Route facade
// (Route::get) or a variable declared as the router ($router->get).
func (x *extractor) routeBase(calls []call, base *sitter.Node) bool {
	if len(calls) == 0 || base == nil {
		return false
	}
	switch calls[0].node.Type() {
	case "scoped_call_expression":
		return isRouteFacade(x.resolve(x.text(base)))
	case "member_call_expression":
		switch base.Type() {
		case "variable_name":
			return x.routers[x.text(base)]
		case "member_access_expression":
			// Lumen 5.5 on: $app->router->group(...).
			o := base.ChildByFieldName("object")
			return x.text(base.ChildByFieldName("name")) == "router" && o != nil && o.Type() == "variable_name" && x.routers[x.text(o)]
		}
	}
	return false
}

// freeRouter is the variable a top-level call chain starts at when the
// file never assigns it ($app->get(...) in Lumen's routes file): it is
// the router only if the file is required where that variable is one,
// which the walker decides.
func (x *extractor) freeRouter(n *sitter.Node) string {
	calls, base := x.chain(n)
	if len(calls) == 0 || base == nil || calls[0].node.Type() != "member_call_expression" || base.Type() != "variable_name" {
		return ""
	}
	v := x.text(base)
	if v == "$this" || x.defined[v] || x.routers[v] {
		return ""
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		switch p.Type() {
		case "function_definition", "method_declaration", "anonymous_function_creation_expression", "anonymous_function", "arrow_function", "class_declaration":
			return ""
		}
	}
	return v
}

// topLevel reads the variables the file's top level assigns or
// declares, and those it makes Lumen's application (new
// Laravel\Lumen\Application(...)), which is its router.
func (x *extractor) topLevel(root *sitter.Node) {
	x.defined = map[string]bool{}
	walk(root, func(n *sitter.Node) bool {
		switch n.Type() {
		case "function_definition", "method_declaration", "anonymous_function_creation_expression", "anonymous_function", "arrow_function", "class_declaration":
			return false
		case "assignment_expression", "reference_assignment_expression":
			l := n.ChildByFieldName("left")
			if l != nil && l.Type() == "variable_name" {
				x.defined[x.text(l)] = true
				if r := n.ChildByFieldName("right"); r != nil && r.Type() == "object_creation_expression" {
					for i := 0; i < int(r.NamedChildCount()); i++ {
						if c := r.NamedChild(i); c.Type() == "name" || c.Type() == "qualified_name" {
							if x.resolve(x.text(c)) == `Laravel\Lumen\Application` {
								x.router(x.text(l), true)
							}
							break
						}
					}
				}
			}
		case "foreach_statement", "global_declaration", "static_variable_declaration", "list_literal":
			walk(n, func(c *sitter.Node) bool {
				if c.Type() == "variable_name" {
					x.defined[x.text(c)] = true
				}
				return true
			})
		}
		return true
	})
}

// router marks or unmarks a variable as the router, and says whether
// it was one.
func (x *extractor) router(v string, on bool) bool {
	was := x.routers[v]
	if x.routers == nil {
		x.routers = map[string]bool{}
	}
	if on {
		x.routers[v] = true
	} else {
		delete(x.routers, v)
	}
	return was
}

// routerNames are the variables that are the router here, for a file
// required here.
func (x *extractor) routerNames() []string {
	var out []string
	for v := range x.routers {
		out = append(out, v)
	}
	slices.Sort(out)
	return out
}

func isRouteFacade(name string) bool {
	return name == "Route" || name == `Illuminate\Support\Facades\Route` || name == `Illuminate\Routing\Router` || name == `Illuminate\Contracts\Routing\Registrar`
}

// routerParams finds the parameters typed as Laravel's router.
func (x *extractor) routerParams(root *sitter.Node) {
	walk(root, func(n *sitter.Node) bool {
		if n.Type() != "simple_parameter" {
			return true
		}
		t, v := n.ChildByFieldName("type"), n.ChildByFieldName("name")
		if t == nil || v == nil {
			return false
		}
		name := strings.TrimPrefix(x.text(t), "?")
		if r := x.resolve(name); r == `Illuminate\Routing\Router` || r == `Illuminate\Contracts\Routing\Registrar` {
			if x.routers == nil {
				x.routers = map[string]bool{}
			}
			x.routers[x.text(v)] = true
		} else if slimRouterTypes[r] {
			x.slimRouter(x.text(v), true)
		}
		return false
	})
}

// items reads the route statements under n, in order.
func (x *extractor) items(n *sitter.Node) []*item {
	var out []*item
	walk(n, func(c *sitter.Node) bool {
		switch c.Type() {
		case "member_call_expression", "scoped_call_expression":
			if it := x.routeChain(c); it != nil {
				out = append(out, it)
				return false
			}
			if v := x.freeRouter(c); v != "" {
				// Read it as the router's; the walker keeps it only
				// where the file is required under that router.
				was := x.router(v, true)
				x.free = v
				it := x.routeChain(c)
				x.free = ""
				x.router(v, was)
				if it != nil {
					it.free = v
					out = append(out, it)
					return false
				}
			}
			if x.text(c.ChildByFieldName("name")) == "withRouting" {
				out = append(out, x.withRouting(c)...)
			}
		case "require_expression", "require_once_expression", "include_expression", "include_once_expression":
			arg := c.NamedChild(int(c.NamedChildCount()) - 1)
			if fs := x.loadPath(arg); len(fs) > 0 && strings.HasSuffix(fs[0], ".php") {
				// require __DIR__.'/../routes/web.php' (Lumen's bootstrap)
				out = append(out, &item{kind: itInclude, line: line(c), include: fs[0], candidates: fs, routers: x.routerNames(), slimRouters: x.slimNames()})
			} else if s, ok := x.str(arg); ok && strings.HasSuffix(s, ".php") {
				out = append(out, &item{kind: itInclude, line: line(c), include: path.Join(path.Dir(x.f.path), s), routers: x.routerNames(), slimRouters: x.slimNames()})
			}
			return false
		}
		return true
	})
	return out
}

// withRouting reads Laravel 11's Application::configure()->withRouting(
// web: ..., api: ..., apiPrefix: ...): the web routes under the web
// group, the api routes under /api (or apiPrefix) and the api group.
func (x *extractor) withRouting(n *sitter.Node) []*item {
	named := map[string]*sitter.Node{}
	if as := n.ChildByFieldName("arguments"); as != nil {
		for i := 0; i < int(as.NamedChildCount()); i++ {
			a := as.NamedChild(i)
			if nm := a.ChildByFieldName("name"); nm != nil {
				named[x.text(nm)] = argValue(a)
			}
		}
	}
	apiPrefix := "api"
	if s, ok := x.str(named["apiPrefix"]); ok {
		apiPrefix = s
	}
	var out []*item
	for _, k := range []string{"web", "api"} {
		v := named[k]
		if v == nil {
			continue
		}
		var files []string
		if v.Type() == "array_creation_expression" {
			for i := 0; i < int(v.NamedChildCount()); i++ {
				if e := v.NamedChild(i); e.NamedChildCount() == 1 {
					files = append(files, x.loadPath(e.NamedChild(0))...)
				}
			}
		} else {
			files = x.loadPath(v)
		}
		for _, f := range files {
			it := &item{kind: itInclude, line: line(v), include: f, mw: []string{k}}
			if k == "api" {
				it.prefix = apiPrefix
			}
			out = append(out, it)
		}
	}
	if then := named["then"]; then != nil {
		out = append(out, x.items(then)...)
	}
	return out
}

// loadPath is the file a route file load names: __DIR__.'/x.php' from
// the loading file's folder, base_path('routes/x.php') from the app's.
func (x *extractor) loadPath(n *sitter.Node) []string {
	if n == nil {
		return nil
	}
	if n.Type() == "function_call_expression" {
		fn := x.text(n.ChildByFieldName("function"))
		as := n.ChildByFieldName("arguments")
		if (fn == "base_path" || fn == "app_path") && as != nil && as.NamedChildCount() > 0 {
			s, ok := x.str(argValue(as.NamedChild(0)))
			if !ok {
				return nil
			}
			if fn == "app_path" {
				s = "app/" + s
			}
			// Any ancestor folder of this file may be the app's root.
			var out []string
			for d := path.Dir(x.f.path); ; d = path.Dir(d) {
				out = append(out, path.Join(d, s))
				if d == "." || d == "/" {
					break
				}
			}
			return out
		}
		return nil
	}
	if n.Type() == "binary_expression" {
		left := n.ChildByFieldName("left")
		if x.text(left) == "__DIR__" {
			if s, ok := x.str(n.ChildByFieldName("right")); ok {
				return []string{path.Join(path.Dir(x.f.path), s)}
			}
		}
	}
	return nil
}
