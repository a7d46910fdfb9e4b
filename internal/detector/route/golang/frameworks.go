package golang

import "strings"

// Framework names, as facts.Route.Framework prints them.
const (
	netHTTP    = "net/http"
	gorilla    = "gorilla/mux"
	chi        = "chi"
	gin        = "gin"
	echo       = "echo"
	fiber      = "fiber"
	httprouter = "httprouter"
	graphql    = "graphql"
)

// framework is what the interpreter needs to know of a router library.
type framework struct {
	name    string
	keyword string   // import path prefix, also the content prefilter
	ctors   []string // package functions that make a root router
	types   []string // type names that are routers (parameters, fields)
	// verbs maps a registering method to its HTTP method ("ANY" for all).
	verbs map[string]string
}

var frameworks = []framework{
	{name: gorilla, keyword: "github.com/gorilla/mux", ctors: []string{"NewRouter"}, types: []string{"Router"}},
	{name: chi, keyword: "github.com/go-chi/chi", ctors: []string{"NewRouter", "NewMux"}, types: []string{"Router", "Mux"},
		verbs: titleVerbs(map[string]string{"Handle": "ANY", "HandleFunc": "ANY"})},
	{name: chi, keyword: "github.com/pressly/chi", ctors: []string{"NewRouter", "NewMux"}, types: []string{"Router", "Mux"},
		verbs: titleVerbs(map[string]string{"Handle": "ANY", "HandleFunc": "ANY"})},
	{name: gin, keyword: "github.com/gin-gonic/gin", ctors: []string{"New", "Default"}, types: []string{"Engine", "RouterGroup", "IRouter", "IRoutes"},
		verbs: upperVerbs(map[string]string{"Any": "ANY"})},
	{name: echo, keyword: "github.com/labstack/echo", ctors: []string{"New"}, types: []string{"Echo", "Group"},
		verbs: upperVerbs(map[string]string{"Any": "ANY"})},
	{name: fiber, keyword: "github.com/gofiber/fiber", ctors: []string{"New"}, types: []string{"App", "Router", "Group"},
		verbs: titleVerbs(map[string]string{"All": "ANY"})},
	{name: httprouter, keyword: "github.com/julienschmidt/httprouter", ctors: []string{"New"}, types: []string{"Router"},
		verbs: upperVerbs(nil)},
}

var httpMethods = []string{"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "CONNECT", "TRACE"}

// upperVerbs is gin/echo/httprouter style: r.GET, r.POST.
func upperVerbs(extra map[string]string) map[string]string {
	m := map[string]string{}
	for _, v := range httpMethods {
		m[v] = v
	}
	for k, v := range extra {
		m[k] = v
	}
	return m
}

// titleVerbs is chi/fiber style: r.Get, r.Post.
func titleVerbs(extra map[string]string) map[string]string {
	m := map[string]string{}
	for _, v := range httpMethods {
		m[v[:1]+strings.ToLower(v[1:])] = v
	}
	for k, v := range extra {
		m[k] = v
	}
	return m
}

// frameworkOf names the router framework an import path belongs to, or "".
func frameworkOf(importPath string) *framework {
	for i := range frameworks {
		fw := &frameworks[i]
		if importPath == fw.keyword || strings.HasPrefix(importPath, fw.keyword+"/") {
			return fw
		}
	}
	return nil
}

// rootFramework is frameworkOf for the framework's own package only (not
// its middleware or binding subpackages, whose New is not a router).
func rootFramework(importPath string) *framework {
	fw := frameworkOf(importPath)
	if fw == nil {
		return nil
	}
	rest := strings.TrimPrefix(importPath, fw.keyword)
	if rest != "" && !isMajorVersion(strings.TrimPrefix(rest, "/")) {
		return nil
	}
	return fw
}

func byName(name string) *framework {
	for i := range frameworks {
		if frameworks[i].name == name {
			return &frameworks[i]
		}
	}
	return nil
}

// isGraphQL says an import path is a GraphQL server library: a handler
// built from it serves GraphQL on whatever path it is mounted.
func isGraphQL(importPath string) bool {
	return strings.Contains(importPath, "gqlgen") || strings.Contains(importPath, "graphql")
}
