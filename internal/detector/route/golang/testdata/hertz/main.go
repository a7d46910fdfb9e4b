package main

import (
	"context"
	"net/http"

	"github.com/cloudwego/hertz/pkg/app"
	"github.com/cloudwego/hertz/pkg/app/client"
	"github.com/cloudwego/hertz/pkg/app/server"
	"github.com/cloudwego/hertz/pkg/route"
	"github.com/hertz-contrib/sessions"
	"github.com/hertz-contrib/sessions/cookie"
)

func main() {
	h := server.Default()
	// Loads the caller's session for the handlers; turns no one away.
	h.Use(sessions.New("shop", cookie.NewStore([]byte("k"))))
	h.GET("/ping", ping) // want: GET /ping
	// Hertz serves public/assets/site.css at /assets/site.css: the whole
	// request path under the folder, so public/notes.txt is not served.
	h.Static("/assets", "./public") // want: GET /assets

	api := h.Group("/api")
	api.POST("/login", login) // want: POST /api/login
	registerOrders(api.Group("/orders", requireToken()))
	api.Use(requireToken())
	api.DELETE("/sessions/:id", logout) // want: DELETE /api/sessions/{id}

	h.Handle("PURGE", "/cache/*path", purge) // want: PURGE /cache/{path}
	registerShop(h)
	h.Spin()
}

// registerOrders takes a group by Hertz's own type.
func registerOrders(g *route.RouterGroup) {
	g.GET("/:id", showOrder)       // want: GET /api/orders/{id}
	g.Any("/export", exportOrders) // want: ANY /api/orders/export
}

// requireToken turns away a caller without a bearer token.
func requireToken() app.HandlerFunc {
	return func(ctx context.Context, c *app.RequestContext) {
		if len(c.GetHeader("Authorization")) == 0 {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		c.Next(ctx)
	}
}

func ping(ctx context.Context, c *app.RequestContext) { c.String(http.StatusOK, "pong") }

func login(ctx context.Context, c *app.RequestContext) {}

func logout(ctx context.Context, c *app.RequestContext) {}

func showOrder(ctx context.Context, c *app.RequestContext) {}

func exportOrders(ctx context.Context, c *app.RequestContext) {}

func purge(ctx context.Context, c *app.RequestContext) {}

// notify is Hertz's HTTP client, not its server: a call out with a path
// is no route.
func notify(ctx context.Context) {
	cli, _ := client.NewClient()
	status, _, _ := cli.Get(ctx, nil, "http://hooks.internal/api/notify")
	_ = status
	cli.Post(ctx, nil, "/api/events", nil)
}
