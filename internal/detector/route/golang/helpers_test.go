package golang

import (
	"context"
	"testing"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/facts"
)

func TestSplitPattern(t *testing.T) {
	tests := []struct{ in, method, path string }{
		{"/static/", "ANY", "/static/"},
		{"GET /items/{id}", "GET", "/items/{id}"},
		{"POST example.com/login", "POST", "/login"},
		{"example.com/", "ANY", "/"},
		{"GET /{$}", "GET", "/"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			m, p := splitPattern(tt.in)
			if m != tt.method || p != tt.path {
				t.Errorf("got %q %q, want %q %q", m, p, tt.method, tt.path)
			}
		})
	}
}

func TestGoParams(t *testing.T) {
	tests := []struct{ in, out, name, typ string }{
		{"/files/{path...}", "/files/{path}", "", ""},
		{"/p/:id<int>", "/p/:id", "id", facts.TypeInt},
		{"/p/:id<guid>/x", "/p/:id/x", "id", facts.TypeUUID},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			out, types := goParams(tt.in)
			if out != tt.out || tt.name != "" && types[tt.name] != tt.typ {
				t.Errorf("got %q %v, want %q %s=%s", out, types, tt.out, tt.name, tt.typ)
			}
		})
	}
}

func TestBodyParamType(t *testing.T) {
	tests := []struct{ name, body, param, want string }{
		{"same line", `id, _ := strconv.Atoi(c.Param("id"))`, "id", facts.TypeInt},
		{"through variable", "raw := chi.URLParam(r, \"id\")\nn, err := strconv.ParseInt(raw, 10, 64)", "id", facts.TypeInt},
		{"uuid", "s := mux.Vars(r)[\"doc\"]\nd, _ := uuid.Parse(s)", "doc", facts.TypeUUID},
		{"fiber ParamsInt", `id, _ := c.ParamsInt("id")`, "id", facts.TypeInt},
		{"other param parsed", "id := c.Param(\"id\")\npage, _ := strconv.Atoi(c.Query(\"page\"))", "id", ""},
		{"no body", "", "id", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := bodyParamType(tt.body, tt.param); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDefaultName(t *testing.T) {
	tests := map[string]string{
		"github.com/go-chi/chi/v5":            "chi",
		"github.com/labstack/echo/v4":         "echo",
		"go.yaml.in/yaml/v3":                  "yaml",
		"github.com/julienschmidt/httprouter": "httprouter",
		"github.com/sashabaranov/go-openai":   "openai",
		"net/http":                            "http",
	}
	for in, want := range tests {
		if got := DefaultName(in); got != want {
			t.Errorf("DefaultName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestModulePath(t *testing.T) {
	if got := ModulePath([]byte("// x\nmodule example.com/app\n\ngo 1.22\n")); got != "example.com/app" {
		t.Errorf("got %q", got)
	}
}

// FuzzDetect feeds arbitrary source through both phases: whatever the
// file, the scan gets routes or a warning, never a panic.
func FuzzDetect(f *testing.F) {
	f.Add([]byte("package main\nimport \"net/http\"\nfunc main(){ m := http.NewServeMux(); m.HandleFunc(\"GET /x/{id}\", h); http.ListenAndServe(\":1\", m) }\nfunc h(w http.ResponseWriter, r *http.Request){}\n"))
	f.Add([]byte("package main\nimport \"github.com/go-chi/chi/v5\"\nfunc r() chi.Router { r := chi.NewRouter(); r.Route(\"/a\", func(r chi.Router){ r.Mount(\"/b\", r) }); return r }\n"))
	f.Add([]byte("package main\nimport \"github.com/gin-gonic/gin\"\nfunc a(g *gin.RouterGroup){ b(g.Group(\"/x\")) }\nfunc b(g *gin.RouterGroup){ a(g) ; g.GET(\"/y\", nil) }\n"))
	f.Add([]byte("package main\nimport \"github.com/gin-gonic/gin\"\nfunc main(){ r := gin.New(); g := r.Group(\"/a\"); r.Use(auth(false)); g.GET(\"/b\", h); r.Use(auth(true)); r.GET(\"/c\", h); r.Run() }\nfunc h(c *gin.Context){}\n"))
	f.Add([]byte("package main\nimport (\"net/http\"; \"github.com/gorilla/mux\")\nfunc main(){ r := mux.NewRouter(); r.HandleFunc(\"/o\", requireAuth(h, db)).Methods(\"GET\", \"OPTIONS\"); http.ListenAndServe(\":1\", r) }\nfunc h(w http.ResponseWriter, r *http.Request){}\n"))
	f.Add([]byte("package app\nimport \"net/http\"\nfunc (a *App) init(){ a.S.HTTP.PathPrefix(\"/a\").Subrouter().Methods(\"GET\").Path(P + \"/b\").Name(\"b\").HandlerFunc(a.h) }\nconst P = \"/p\"\nfunc (a *App) h(w http.ResponseWriter, r *http.Request){}\n"))
	f.Add([]byte("package app\nimport \"net/http\"\nfunc (a *App) init(){ a.S.HTTP.Path(\"/x\").Subrouter().Handler(nil); x.Path(\"/y\").Handler(func(ok bool){}) }\n"))
	f.Add([]byte("package main\nfunc broken( {"))
	f.Fuzz(func(t *testing.T, src []byte) {
		d := New()
		sink := detector.NewSink()
		if err := d.Detect(context.Background(), &detector.File{Path: "main.go", Data: src}, sink); err != nil {
			t.Fatal(err)
		}
		if err := d.Finish(context.Background(), sink); err != nil {
			t.Fatal(err)
		}
	})
}
