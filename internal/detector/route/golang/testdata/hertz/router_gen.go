package main

import (
	"context"

	"github.com/cloudwego/hertz/pkg/app"
	"github.com/cloudwego/hertz/pkg/app/server"
	"github.com/hertz-contrib/sessions"
)

// registerShop is what Hertz's generator writes: a group's middleware
// from one function, each route's from its own, spread with the handler.
func registerShop(h *server.Hertz) {
	root := h.Group("/shop", shopMw()...)
	root.GET("/cart", append(_cartMw(), showCart)...)   // want: GET /shop/cart
	h.GET("/catalog", append(_catalogMw(), catalog)...) // want: GET /catalog
}

func shopMw() []app.HandlerFunc {
	return []app.HandlerFunc{signedIn()}
}

func _cartMw() []app.HandlerFunc {
	// your code...
	return nil
}

func _catalogMw() []app.HandlerFunc {
	return nil
}

// signedIn sends a caller without a session to the sign-in page, back to
// where they came from.
func signedIn() app.HandlerFunc {
	return func(ctx context.Context, c *app.RequestContext) {
		if sessions.Default(c).Get("user_id") == nil {
			next := "/sign-in"
			if ref := string(c.GetHeader("Referer")); ref != "" {
				next += "?next=" + ref
			}
			c.Redirect(302, []byte(next))
			c.Abort()
			return
		}
		c.Next(ctx)
	}
}

func showCart(ctx context.Context, c *app.RequestContext) {}

func catalog(ctx context.Context, c *app.RequestContext) {}
