package golang

import (
	"go/ast"
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/detector/route"
)

// Framework names, as facts.Route.Framework prints them.
const (
	netHTTP    = "net/http"
	gorilla    = "gorilla/mux"
	chi        = "chi"
	gin        = "gin"
	echo       = "echo"
	fiber      = "fiber"
	httprouter = "httprouter"
	goji       = "goji"
	graphql    = "graphql"
	hertz      = "hertz"
	goZero     = "go-zero"
	beego      = "beego"
	fastHTTP   = "fasthttp/router"
	huma       = "huma"
	goFrame    = "goframe"
)

// framework is what the interpreter needs to know of a router library.
// Each framework is one file with its table; frameworks lists them.
type framework struct {
	name    string
	keyword string // import path prefix, also the content prefilter
	// pkgs are the packages under keyword that make and type its routers,
	// when the root is not one (hertz's pkg/app/server and pkg/route).
	pkgs  []string
	ctors []string // package functions that make a root router
	types []string // type names that are routers (parameters, fields)
	// verbs maps a registering method to its HTTP method ("ANY" for
	// all); route registers such a call.
	verbs map[string]string
	route func(fr *frame, n *node, method string, c *ast.CallExpr)
	// methods interpret the router's other methods. A method returns ok
	// false when the call is not the framework's (too few arguments):
	// it is then tried as a verb and followed as ordinary code.
	methods map[string]routerMethod
	// guess are methods besides the verbs that identify the framework's
	// router on a receiver whose type the detector could not follow.
	guess []string
	// vocab is what the framework's own calls mean for tags (its
	// request's file reading); handlers see net/http's too.
	vocab route.Vocabulary
}

// routerMethod interprets one method called on a router of its framework.
type routerMethod func(fr *frame, n *node, c *ast.CallExpr) (v *value, ok bool)

// frameworks are the router libraries, in the order an untyped receiver
// is guessed against them. Adding a framework is its file plus one line
// here. It is filled in init: the tables refer to the interpreter, which
// looks frameworks up.
var frameworks []*framework

// mux is net/http's ServeMux, kept apart from frameworks: its import is
// not a router framework's.
var mux *framework

func init() {
	mux = &serveMux
	frameworks = []*framework{
		&gorillaMux,
		chiRouter("github.com/go-chi/chi"),
		chiRouter("github.com/pressly/chi"),
		&ginRouter,
		&echoRouter,
		&fiberRouter,
		&httpRouter,
		&irisRouter,
		&gojiRouter,
		&hertzRouter,
		&goZeroServer,
		beegoApp("github.com/beego/beego", "v2/server/web"),
		beegoApp("github.com/astaxie/beego"),
		&fastRouter,
		&humaAPI,
		&goFrameServer,
	}
	for _, fw := range frameworks {
		fw.vocab = route.Vocab(serveMux.vocab, fw.vocab)
	}
}

// routerFramework is the framework a router node belongs to, net/http's
// ServeMux included.
func routerFramework(name string) *framework {
	if name == netHTTP {
		return mux
	}
	return byName(name)
}

// has says the framework's router has the method.
func (fw *framework) has(method string) bool {
	_, ok := fw.verbs[method]
	return ok || slices.Contains(fw.guess, method)
}

var httpMethods = []string{"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "CONNECT", "TRACE"}

// extensionMethods are methods beyond net/http's that routers name:
// QUERY (RFC 10008) and WebDAV's.
var extensionMethods = []string{"QUERY", "PROPFIND", "REPORT"}

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
	for _, fw := range frameworks {
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
	rest := strings.TrimPrefix(strings.TrimPrefix(importPath, fw.keyword), "/")
	if rest != "" && !isMajorVersion(rest) && !slices.Contains(fw.pkgs, rest) {
		return nil
	}
	return fw
}

func byName(name string) *framework {
	for _, fw := range frameworks {
		if fw.name == name {
			return fw
		}
	}
	return nil
}

// isGraphQL says an import path is a GraphQL server library: a handler
// built from it serves GraphQL on whatever path it is mounted.
func isGraphQL(importPath string) bool {
	return strings.Contains(importPath, "gqlgen") || strings.Contains(importPath, "graphql")
}
