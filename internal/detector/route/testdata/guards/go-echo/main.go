package main

import (
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

// requireToken rejects a request without the API token.
func requireToken(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if c.Request().Header.Get("X-Token") == "" {
			return echo.ErrUnauthorized
		}
		return next(c)
	}
}

func main() {
	e := echo.New()
	e.Use(middleware.Secure())
	e.Use(middleware.RateLimiter(middleware.NewRateLimiterMemoryStore(20)))
	e.GET("/", index) // want: GET / auth=none
	g := e.Group("/v1", requireToken)
	g.PUT("/settings", saveSettings) // want: PUT /v1/settings auth=required
	e.Logger.Fatal(e.Start(":1323"))
}

func index(c echo.Context) error        { return c.String(200, "hi") }
func saveSettings(c echo.Context) error { return c.NoContent(204) }
