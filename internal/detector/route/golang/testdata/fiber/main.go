package main

import (
	"log"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/limiter"
)

func main() {
	app := fiber.New()
	app.Get("/", index) // want: GET /
	api := app.Group("/api", limiter.New())
	api.Get("/products/:id<int>", getProduct) // want: GET /api/products/{id}
	app.Route("/account", func(r fiber.Router) {
		r.Use(requireSession)
		r.Get("/settings", settings)       // want: GET /account/settings
		r.Put("/password", changePassword) // want: PUT /account/password
	})
	app.All("/webhooks/paddle", paddleWebhook)                  // want: ANY /webhooks/paddle
	app.Query("/products/search", searchProducts)               // want: QUERY /products/search
	api.Query("/stock", searchProducts)                         // want: QUERY /api/stock
	app.Add(fiber.MethodQuery, "/catalog", searchProducts)      // want: QUERY /catalog
	app.Add(fiber.MethodGet, "/catalog/export", searchProducts) // want: GET /catalog/export
	/*
		app.Get("/legacy", legacy)
	*/
	log.Fatal(app.Listen(":3000"))
}

func index(c *fiber.Ctx) error { return c.SendString("ok") }

func getProduct(c *fiber.Ctx) error { return nil }

func settings(c *fiber.Ctx) error { return nil }

func changePassword(c *fiber.Ctx) error { return nil }

func paddleWebhook(c *fiber.Ctx) error { _ = c.Body(); return nil }

// searchProducts reads c.Query, the query string: no route of its own.
func searchProducts(c *fiber.Ctx) error {
	_ = c.Query("sort")
	return nil
}

func requireSession(c *fiber.Ctx) error {
	if c.Cookies("session") == "" {
		return fiber.ErrUnauthorized
	}
	return c.Next()
}
