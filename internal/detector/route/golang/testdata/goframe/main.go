package main

import (
	"net/http"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/net/ghttp"
)

func main() {
	s := g.Server()
	s.BindHandler("/ping", ping)              // want: ANY /ping
	s.BindHandler("POST:/admin/purge", purge) // want: POST /admin/purge
	s.BindMiddleware("/admin/*", requireToken)
	s.Group("/api", func(group *ghttp.RouterGroup) {
		group.POST("/login", login) // want: POST /api/login
		group.Middleware(requireToken)
		group.GET("/orders/:id", showOrder) // want: GET /api/orders/{id}
		group.Bind(new(Orders))             // want: missed 1
		group.ALLMap(g.Map{
			"/profile":        profile, // want: ANY /api/profile
			"PUT:/profile/pw": profile, // want: PUT /api/profile/pw
		})
		group.Group("/v2", func(group *ghttp.RouterGroup) {
			group.DELETE("/orders/:id", showOrder) // want: DELETE /api/v2/orders/{id}
		})
	})
	registerDocs()
	s.Run()
}

// registerDocs asks for the server again: it is the same one.
func registerDocs() {
	g.Server().Group("/docs").GET("/", docs) // want: GET /docs
}

// requireToken turns away a request without a bearer token.
func requireToken(r *ghttp.Request) {
	if r.Header.Get("Authorization") == "" {
		r.Response.WriteStatus(http.StatusUnauthorized)
		r.ExitAll()
	}
	r.Middleware.Next()
}

func ping(r *ghttp.Request) { r.Response.Write("pong") }

func purge(r *ghttp.Request) {}

func login(r *ghttp.Request) {}

func showOrder(r *ghttp.Request) {}

func docs(r *ghttp.Request) {}

func profile(r *ghttp.Request) {}

// Orders is a controller whose routes its request structs' g.Meta tags
// name.
type Orders struct{}
