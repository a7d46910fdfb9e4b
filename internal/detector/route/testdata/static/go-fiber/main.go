package main

import "github.com/gofiber/fiber/v2"

func main() {
	app := fiber.New()
	app.Get("/api/info", func(c *fiber.Ctx) error { return c.SendString("info") }) // want: route GET /api/info
	app.Static("/", "./www")                                                       // want: route GET /; serves /index.html; serves /about.html
	app.Listen(":3000")
}
