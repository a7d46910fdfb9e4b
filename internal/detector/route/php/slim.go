package php

import (
	"slices"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"
)

// Slim (3 and 4) declares routes on the app object or a group's
// collector: $app->get('/x', handler), $app->map(['GET', 'POST'], ...),
// $app->group('/api', function (RouteCollectorProxy $group) {...}) (Slim
// 3's group closure calls $this->get instead), each route or group taking
// middleware with ->add(...), and $app->add(...) putting one on every
// route. A variable is the app only when the code makes it one: assigned
// AppFactory::create() or new Slim\App, or a parameter typed as the app
// or a collector; any other $app->get('key') is no route.

// slimFactories are the classes whose create*() returns a Slim app.
var slimFactories = map[string]bool{`Slim\Factory\AppFactory`: true, `DI\Bridge\Slim\Bridge`: true}

// slimRouterTypes are the types of a parameter that registers routes.
var slimRouterTypes = map[string]bool{
	`Slim\App`: true, `Slim\Routing\RouteCollectorProxy`: true, `Slim\Interfaces\RouteCollectorProxyInterface`: true,
}

// slimApps marks the variables the file assigns a Slim app, in any scope.
func (x *extractor) slimApps(root *sitter.Node) {
	walk(root, func(n *sitter.Node) bool {
		if n.Type() != "assignment_expression" {
			return true
		}
		l, r := n.ChildByFieldName("left"), n.ChildByFieldName("right")
		if l == nil || r == nil || l.Type() != "variable_name" || !x.makesSlimApp(r) {
			return true
		}
		x.slimRouter(x.text(l), true)
		x.f.slimApp = true
		return true
	})
}

// makesSlimApp says an expression makes a Slim app: new Slim\App(...),
// or AppFactory::create(...) / createFromContainer(...).
func (x *extractor) makesSlimApp(n *sitter.Node) bool {
	switch n.Type() {
	case "object_creation_expression":
		for i := 0; i < int(n.NamedChildCount()); i++ {
			if c := n.NamedChild(i); c.Type() == "name" || c.Type() == "qualified_name" {
				return x.resolve(x.text(c)) == `Slim\App`
			}
		}
	case "scoped_call_expression":
		name := x.text(n.ChildByFieldName("name"))
		return strings.HasPrefix(name, "create") && slimFactories[x.resolve(x.text(n.ChildByFieldName("scope")))]
	}
	return false
}

// slimRouter marks or unmarks a variable as a Slim router, and says
// whether it was the router and a Slim one.
func (x *extractor) slimRouter(v string, on bool) (wasRouter, wasSlim bool) {
	wasSlim = x.slim[v]
	if x.slim == nil {
		x.slim = map[string]bool{}
	}
	if on {
		x.slim[v] = true
	} else {
		delete(x.slim, v)
	}
	return x.router(v, on), wasSlim
}

// restoreSlim puts a variable back as it was before slimRouter.
func (x *extractor) restoreSlim(v string, wasRouter, wasSlim bool) {
	x.router(v, wasRouter)
	if !wasSlim {
		delete(x.slim, v)
	}
}

// slimNames are the Slim routers here, for a file required here.
func (x *extractor) slimNames() []string {
	var out []string
	for v := range x.slim {
		if x.routers[v] {
			out = append(out, v)
		}
	}
	slices.Sort(out)
	return out
}

// slimBase says a chain starts at a Slim router variable.
func (x *extractor) slimBase(base *sitter.Node) bool {
	return base != nil && base.Type() == "variable_name" && x.slim[x.text(base)]
}

// slimAdd reads the middleware one ->add() is given: a class named by a
// string, X::class, new X(...) or a container's get(X::class), or a
// closure whose code is the middleware.
func (x *extractor) slimAdd(c call) []slimMW {
	var out []slimMW
	for _, a := range c.args {
		v := argValue(a)
		if v == nil {
			continue
		}
		m := slimMW{line: line(c.node)}
		switch v.Type() {
		case "anonymous_function_creation_expression", "anonymous_function", "arrow_function":
			m.src = x.text(v)
		case "object_creation_expression":
			for i := 0; i < int(v.NamedChildCount()); i++ {
				if k := v.NamedChild(i); k.Type() == "name" || k.Type() == "qualified_name" {
					m.name = x.resolve(x.text(k))
					break
				}
			}
		default:
			if s, ok := x.str(v); ok {
				m.name = s
				break
			}
			// $container->get(Auth::class): the class it names.
			walk(v, func(k *sitter.Node) bool {
				if m.name != "" {
					return false
				}
				if k.Type() == "class_constant_access_expression" {
					m.name, _ = x.str(k)
					return false
				}
				return true
			})
			if m.name == "" {
				m.name = x.text(v)
			}
		}
		m.name = strings.TrimPrefix(m.name, `\`)
		if m.name != "" || m.src != "" {
			out = append(out, m)
		}
	}
	return out
}
