package golang

import (
	"go/ast"
	"go/parser"
	"testing"
)

func TestGorillaChain(t *testing.T) {
	tests := []struct {
		src   string
		first string // the call made on the router, "" for no chain
		paths int
	}{
		{`t.Server.HTTP.Path("/api/v1/push").Methods("POST").Handler(h)`, "Path", 1},
		{`t.Server.HTTP.Path(constants.PathPush).Handler(h)`, "Path", 1},
		{`t.Server.HTTP.Path(prefix + "/x").HandlerFunc(h)`, "Path", 1},
		{`t.Server.HTTP.PathPrefix("/debug/").Handler(h)`, "PathPrefix", 1},
		{`t.Server.HTTP.Methods("GET", "POST").Path("/flush").Handler(h)`, "Methods", 1},
		{`s.HTTP.PathPrefix("/a").Subrouter().Path("/b").Name("b").Handler(h)`, "PathPrefix", 2},
		{`router().Path("/x").Handler(h)`, "Path", 1},
		// Not the shape.
		{`t.Server.HTTP.Path("/x").Methods("GET")`, "", 0},               // no handler
		{`t.Server.HTTP.Methods("GET").Handler(h)`, "", 0},               // no path
		{`t.Server.HTTP.Path("metrics").Handler(h)`, "", 0},              // not a path
		{`t.Server.HTTP.Path(cfg.Prefix()).Handler(h)`, "", 0},           // built at run time
		{`t.Server.HTTP.Path(a.cfg.Prefix).Handler(h)`, "", 0},           // a field, not a constant
		{`t.Server.HTTP.PathPrefix("/a").Subrouter().Handler(h)`, "", 0}, // a Router has no Handler
		{`t.Server.HTTP.Path("/x").Handler(h, opts)`, "", 0},             // not gorilla's Handler
		{`t.Server.HTTP.Path("/x").Timeout(5).Handler(h)`, "", 0},        // not a route matcher
		{`b.Subrouter().Path("/x").Handler(h)`, "", 0},                   // starts on a route
		{`http.Handle("/x", h)`, "", 0},                                  // no chain
		{`req.URL.Path`, "", 0},                                          // a field
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			e, err := parser.ParseExpr(tt.src)
			if err != nil {
				t.Fatal(err)
			}
			c, _ := e.(*ast.CallExpr)
			var first *ast.CallExpr
			var paths []ast.Expr
			if c != nil {
				first, paths = gorillaChain(c)
			}
			got := ""
			if first != nil {
				got = first.Fun.(*ast.SelectorExpr).Sel.Name
			}
			if got != tt.first || len(paths) != tt.paths {
				t.Errorf("first %q with %d paths, want %q with %d", got, len(paths), tt.first, tt.paths)
			}
		})
	}
}

func TestIsHandlerFunc(t *testing.T) {
	f := &goFile{imports: map[string]string{"http": "net/http", "nethttp": "example.com/nethttp"}}
	tests := []struct {
		sig  string
		want bool
	}{
		{"func(w http.ResponseWriter, r *http.Request)", true},
		{"func(http.ResponseWriter, *http.Request)", true},
		{"func(ok bool)", false},
		{"func(w http.ResponseWriter, r http.Request)", false},
		{"func(w nethttp.ResponseWriter, r *nethttp.Request)", false},
		{"func(w http.ResponseWriter, r *http.Request, next func())", false},
	}
	for _, tt := range tests {
		t.Run(tt.sig, func(t *testing.T) {
			e, err := parser.ParseExpr(tt.sig)
			if err != nil {
				t.Fatal(err)
			}
			if got := isHandlerFunc(f, e.(*ast.FuncType).Params); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}
