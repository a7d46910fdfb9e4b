package main

import (
	"github.com/kataras/iris/v12"
)

func main() {
	app := iris.New()
	app.Get("/health", health) // want: GET /health

	api := app.Party("/api")
	api.Post("/session", createSession) // want: POST /api/session
	// Use reaches only what is registered after it.
	api.Use(requireUser)
	api.Get("/profile", profile) // want: GET /api/profile

	app.PartyFunc("/files", func(files iris.Party) {
		files.Post("/upload", upload)      // want: POST /files/upload
		files.Delete("/{name}", removeOne) // want: DELETE /files/{name}
	})
	app.HandleDir("/static", iris.Dir("./public")) // want: GET /static

	app.Handle("PUT", "/prefs", requireUser, prefs)               // want: PUT /prefs
	app.HandleMany("GET POST", "/search /find", search)           // want: GET /search; POST /search; GET /find; POST /find
	app.Party("admin.").Get("/dashboard", requireUser, dashboard) // want: GET /dashboard

	// A lookalike: a method named like a verb on something that is not a
	// router registers nothing.
	var audit auditLog
	audit.Get("/not-a-route", health)

	app.Listen(":8080")
}

type auditLog struct{}

func (auditLog) Get(key string, _ func(iris.Context)) {}

func health(ctx iris.Context) { ctx.WriteString("ok") }

func createSession(ctx iris.Context) {}

func requireUser(ctx iris.Context) {
	if ctx.GetHeader("Authorization") == "" {
		ctx.StopWithStatus(401)
		return
	}
	ctx.Next()
}

func profile(ctx iris.Context) {}

func upload(ctx iris.Context) {
	_, _, _ = ctx.FormFile("file")
}

func removeOne(ctx iris.Context) {}

func prefs(ctx iris.Context) {}

func search(ctx iris.Context) {}

func dashboard(ctx iris.Context) {}
