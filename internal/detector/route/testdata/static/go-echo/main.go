package main

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

func main() {
	e := echo.New()
	e.GET("/health", func(c echo.Context) error { return c.String(http.StatusOK, "ok") }) // want: route GET /health
	e.Static("/public", "public")                                                         // want: route GET /public; serves /public/index.html; serves /public/css/site.css; serves /public/.well-known/security.txt
	admin := e.Group("/admin")
	admin.Static("/files", "./adminfiles") // want: route GET /admin/files; serves /admin/files/report.csv
	// An absolute folder is outside the tree: the mount alone.
	e.Static("/srv", "/var/www") // want: route GET /srv
	// A folder that does not exist: the mount alone.
	e.Static("/gone", "missing")               // want: route GET /gone
	e.File("/robots.txt", "public/robots.txt") // want: route GET /robots.txt
	e.Logger.Fatal(e.Start(":8080"))
}
