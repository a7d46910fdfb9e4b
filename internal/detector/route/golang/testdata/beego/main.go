package main

import (
	"net/http"

	"github.com/beego/beego/v2/server/web"
	"github.com/beego/beego/v2/server/web/context"

	"example.com/wiki/controllers"
)

func init() {
	web.Router("/", &controllers.HomeController{})                                      // want: GET /
	web.Router("/login", &controllers.AccountController{}, "get:LoginPage;post:Login")  // want: GET /login; POST /login
	web.Router("/pages/:id", &controllers.PageController{}, "get:Show;put,delete:Edit") // want: GET /pages/{id}; PUT /pages/{id}; DELETE /pages/{id}
	web.Get("/healthz", func(ctx *context.Context) { ctx.WriteString("ok") })           // want: GET /healthz

	// The manage pages are behind a filter put on their path.
	web.InsertFilter("/manage/*", web.BeforeRouter, requireMember)
	web.Router("/manage/users", &controllers.HomeController{}, "get:Users") // want: GET /manage/users
	// A filter run after the controller guards nothing.
	web.InsertFilter("/feed/*", web.FinishRouter, requireMember)
	web.Router("/feed/latest", &controllers.HomeController{}, "get:Feed") // want: GET /feed/latest

	ns := web.NewNamespace("/api",
		web.NSRouter("/search", &controllers.HomeController{}, "get:Search"), // want: GET /api/search
		web.NSNamespace("/admin",
			web.NSBefore(requireAdmin),
			web.NSRouter("/stats", &controllers.HomeController{}, "get:Stats"), // want: GET /api/admin/stats
		),
	)
	web.AddNamespace(ns)
}

func main() {
	web.Run()
}

// requireMember turns away a caller with no session.
func requireMember(ctx *context.Context) {
	if ctx.Input.Session("uid") == nil {
		ctx.Output.SetStatus(http.StatusUnauthorized)
		ctx.WriteString("sign in first")
	}
}

// requireAdmin lets through only the session's admins.
func requireAdmin(ctx *context.Context) {
	if admin, _ := ctx.Input.Session("admin").(bool); !admin {
		ctx.Output.SetStatus(http.StatusUnauthorized)
	}
}
