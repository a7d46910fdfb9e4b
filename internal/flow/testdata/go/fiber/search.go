package main

import "github.com/gofiber/fiber/v2"

// index is the program's own interface: what its Query takes, the code
// does not say.
type index interface {
	Query(q string) ([]string, error)
}

var idx index

func registerSearch(app *fiber.App) {
	// A search term handed as it is: no SQL text around it.
	app.Get("/search", func(c *fiber.Ctx) error {
		hits, err := idx.Query(c.Query("q"))
		if err != nil {
			return err
		}
		return c.JSON(hits)
	})
	// SQL text built around the term.
	app.Get("/search/raw", func(c *fiber.Ctx) error {
		hits, err := idx.Query("SELECT name FROM files WHERE name LIKE '" + c.Query("q") + "%'") // want: sql-injection via=query
		if err != nil {
			return err
		}
		return c.JSON(hits)
	})
}
