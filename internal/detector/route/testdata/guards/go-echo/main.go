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
	g.PUT("/settings", saveSettings)                                            // want: PUT /v1/settings auth=required
	e.DELETE("/v1/users/:id", saveSettings, requireToken, RequireRole("admin")) // want: DELETE /v1/users/{id} auth=required role=admin
	e.GET("/reports", saveSettings, Cached("reports"))                          // want: GET /reports auth=none
	e.Logger.Fatal(e.Start(":1323"))
}

// RequireRole answers 403 unless the caller's role is the one it is given.
func RequireRole(role string) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			if c.Request().Header.Get("X-Role") != role {
				return echo.ErrForbidden
			}
			return next(c)
		}
	}
}

// Cached keys a cache by its argument and rejects no one.
func Cached(key string) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			c.Response().Header().Set("X-Cache-Key", key)
			return next(c)
		}
	}
}

func index(c echo.Context) error        { return c.String(200, "hi") }
func saveSettings(c echo.Context) error { return c.NoContent(204) }
