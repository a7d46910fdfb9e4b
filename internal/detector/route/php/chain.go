package php

import (
	"strings"

	sitter "github.com/smacker/go-tree-sitter"
)

// verbs are the Route facade's registration methods that name their
// HTTP method.
var verbs = map[string]string{
	"get": "GET", "post": "POST", "put": "PUT", "patch": "PATCH", "delete": "DELETE",
	"options": "OPTIONS", "any": "ANY", "query": "QUERY",
}

// routeChain reads one Route facade chain (Route::prefix('x')->
// middleware('auth')->group(fn), Route::get(...)->middleware(...)) as an
// item, or nil when n is no such chain.
func (x *extractor) routeChain(n *sitter.Node) *item {
	calls, base := x.chain(n)
	if !x.routeBase(calls, base) {
		return nil
	}
	it := &item{kind: -1, line: line(n), slim: x.slimBase(base)}
	// A Slim 3 group's closure takes no parameter: $this is the router.
	maybeSlim := it.slim || base.Type() == "variable_name" && x.text(base) == x.free
	onlyAdd := true
	for _, c := range calls {
		if c.name != "add" {
			onlyAdd = false
		}
		a := func(i int) *sitter.Node {
			if i < len(c.args) {
				return argValue(c.args[i])
			}
			return nil
		}
		if m, ok := verbs[c.name]; ok {
			if base.Type() == "variable_name" && len(c.args) < 2 {
				// $app->get('key'): a lookup, not a registration, which
				// names its handler.
				return nil
			}
			it.kind, it.methods = itRoute, []string{m}
			it.path, _ = x.str(a(0))
			it.action = x.action(a(1))
			// ['middleware' => 'auth', 'uses' => 'C@m']: the route's own
			// middleware, as a group's.
			it.mw = append(it.mw, x.strs(x.pairs(a(1))["middleware"])...)
			it.line = line(c.node)
			continue
		}
		switch c.name {
		case "match", "addRoute", "map": // map: Slim's
			it.kind = itRoute
			for _, m := range x.strs(a(0)) {
				it.methods = append(it.methods, strings.ToUpper(m))
			}
			it.path, _ = x.str(a(1))
			it.action = x.action(a(2))
		case "view", "redirect", "permanentRedirect":
			// Route::view serves GET and HEAD; Route::redirect any method.
			it.kind, it.methods = itRoute, []string{"GET"}
			if c.name != "view" {
				it.methods = []string{"ANY"}
			}
			it.path, _ = x.str(a(0))
			it.action = action{name: "Route::" + c.name}
		case "resource", "apiResource":
			it.kind, it.api = itResource, c.name == "apiResource"
			it.resource, _ = x.str(a(0))
			it.action.class, _ = x.str(a(1))
			if opts := x.pairs(a(2)); len(opts) > 0 {
				it.only = append(it.only, x.strs(opts["only"])...)
				it.except = append(it.except, x.strs(opts["except"])...)
			}
		case "only":
			it.only = append(it.only, x.listArgs(c)...)
		case "except":
			it.except = append(it.except, x.listArgs(c)...)
		case "parameters":
			for k, v := range x.pairs(a(0)) {
				if s, ok := x.str(v); ok {
					if it.params == nil {
						it.params = map[string]string{}
					}
					it.params[k] = s
				}
			}
		case "prefix":
			if s, ok := x.str(a(0)); ok {
				it.prefix = joinPrefix(it.prefix, s)
			}
		case "middleware":
			it.mw = append(it.mw, x.listArgs(c)...)
		case "add":
			// Slim's ->add(Middleware): on the route or group before it,
			// or on every route when called on the app itself.
			it.add = append(it.add, x.slimAdd(c)...)
		case "withoutMiddleware":
			it.withoutMW = append(it.withoutMW, x.listArgs(c)...)
		case "namespace":
			it.namespace, _ = x.str(a(0))
		case "controller":
			it.controller, _ = x.str(a(0))
		case "group":
			it.kind = itGroup
			for i := range c.args {
				v := a(i)
				switch v.Type() {
				case "array_creation_expression":
					x.groupAttrs(it, v)
				case "anonymous_function_creation_expression", "anonymous_function", "arrow_function":
					// The closure's parameter is the router (Lumen's
					// function ($router) { ... }), inside it only.
					p := closureParam(x, v)
					switch {
					case p == "" && maybeSlim:
						// Slim 3 binds the closure to the app: $this->get.
						wr, ws := x.slimRouter("$this", true)
						if !it.slim {
							x.slim["$this"] = ws
						}
						it.children = append(it.children, x.items(v.ChildByFieldName("body"))...)
						x.restoreSlim("$this", wr, ws)
					case p != "" && it.slim:
						wr, ws := x.slimRouter(p, true)
						it.children = append(it.children, x.items(v.ChildByFieldName("body"))...)
						x.restoreSlim(p, wr, ws)
					default:
						was := false
						if p != "" {
							was = x.router(p, true)
						}
						it.children = append(it.children, x.items(v.ChildByFieldName("body"))...)
						if p != "" {
							x.router(p, was)
						}
					}
				default:
					if s, ok := x.str(v); ok && i == 0 && !strings.HasSuffix(s, ".php") {
						// Slim's group('/api', fn): its prefix.
						it.prefix = joinPrefix(it.prefix, s)
					} else if fs := x.loadPath(v); len(fs) > 0 {
						it.include, it.candidates = fs[0], fs
					} else if s, ok := x.str(v); ok && strings.HasSuffix(s, ".php") {
						it.include = s
						it.candidates = x.loadPath(nil)
						it.candidates = append(it.candidates, s)
					}
				}
			}
		}
	}
	if it.kind < 0 && onlyAdd && len(it.add) > 0 && base.Type() == "variable_name" {
		it.kind = itAppMW
	}
	if it.kind < 0 {
		return nil
	}
	return it
}

// listArgs is every literal a call is given, one or in arrays.
func (x *extractor) listArgs(c call) []string {
	var out []string
	for _, a := range c.args {
		out = append(out, x.strs(argValue(a))...)
	}
	return out
}

// groupAttrs reads Route::group(['prefix' => ..., 'middleware' => ...]).
func (x *extractor) groupAttrs(it *item, arr *sitter.Node) {
	p := x.pairs(arr)
	if s, ok := x.str(p["prefix"]); ok {
		it.prefix = joinPrefix(it.prefix, s)
	}
	it.mw = append(it.mw, x.strs(p["middleware"])...)
	it.withoutMW = append(it.withoutMW, x.strs(p["excluded_middleware"])...)
	it.withoutMW = append(it.withoutMW, x.strs(p["withoutMiddleware"])...)
	if s, ok := x.str(p["namespace"]); ok {
		it.namespace = s
	}
	if s, ok := x.str(p["controller"]); ok {
		it.controller = s
	}
}

func joinPrefix(a, b string) string {
	a, b = strings.Trim(a, "/"), strings.Trim(b, "/")
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "/" + b
}

// action reads a route's action: [Ctrl::class, 'method'], 'Ctrl@method',
// Ctrl::class (invokable), a closure, or a method name under
// Route::controller().
func (x *extractor) action(n *sitter.Node) action {
	if n == nil {
		return action{}
	}
	switch n.Type() {
	case "anonymous_function_creation_expression", "anonymous_function", "arrow_function":
		return action{name: "closure", closure: &closure{line: line(n), endLine: endLine(n), body: x.text(n)}}
	case "array_creation_expression":
		if s := x.strs(n); len(s) == 2 {
			return action{class: s[0], method: s[1], name: short(s[0]) + "." + s[1]}
		}
		if p := x.pairs(n); p["uses"] != nil {
			return x.action(p["uses"])
		}
	}
	if s, ok := x.str(n); ok {
		if n.Type() == "class_constant_access_expression" {
			return action{class: s, method: "__invoke", name: short(s)}
		}
		if c, m, ok := strings.Cut(s, "@"); ok {
			return action{class: c, method: m, name: short(c) + "." + m}
		}
		// Slim's 'Class:method' (a class, or a container key).
		if c, m, ok := strings.Cut(s, ":"); ok && c != "" && m != "" && !strings.Contains(m, ":") {
			return action{class: c, method: m, name: short(c) + "." + m}
		}
		// A method of the group's controller, or an invokable class
		// named by string.
		return action{method: s, name: s}
	}
	return action{}
}

// closureParam is a closure's first parameter's name.
func closureParam(x *extractor, fn *sitter.Node) string {
	ps := fn.ChildByFieldName("parameters")
	if ps == nil {
		return ""
	}
	for i := 0; i < int(ps.NamedChildCount()); i++ {
		if p := ps.NamedChild(i); p.Type() == "simple_parameter" {
			return x.text(p.ChildByFieldName("name"))
		}
	}
	return ""
}
