package main

import (
	"github.com/labstack/echo/v4"
)

// The app registers its routes through a wrapper of its own (router.go):
// its handlers and middleware take the app's context type, and the wrapper
// composes them before echo sees them.
func main() {
	e := echo.New()
	r := NewRouter(e.Group(""))
	r.GET("/", home)                                   // want: GET /
	r.POST("/upload", upload, signedIn, uploadsOn)     // want: POST /upload
	r.GET("/feed", feed, traced)                       // want: GET /feed
	r.GET("/search", search, signedIn, tagged("find")) // want: GET /search

	settings := r.SubGroup("/settings")
	settings.Use(signedIn)
	settings.DELETE("/account", deleteAccount) // want: DELETE /settings/account

	admin := r.SubGroup("/admin", adminOnly)
	admin.GET("/users", listUsers) // want: GET /admin/users

	r.GET("/drafts", drafts, knownOnly) // want: GET /drafts
	r.GET("/api/me", me, apiOnly)       // want: GET /api/me
	r.GET("/welcome", welcome, greet)   // want: GET /welcome

	hooks := r.SubGroup("/hooks", traced)
	hooks.POST("/push", push) // want: POST /hooks/push

	e.Logger.Fatal(e.Start(":1323"))
}

func home(c *Context) error { return c.String(200, "home") }

func upload(c *Context) error { return c.String(200, "stored") }

func feed(c *Context) error { return c.String(200, "feed") }

func search(c *Context) error { return c.String(200, "found") }

func deleteAccount(c *Context) error { return c.String(200, "gone") }

func listUsers(c *Context) error { return c.String(200, "users") }

func push(c *Context) error { return c.String(200, "pushed") }

func drafts(c *Context) error { return c.String(200, "drafts") }

func me(c *Context) error { return c.String(200, "me") }

func welcome(c *Context) error { return c.String(200, "welcome") }
