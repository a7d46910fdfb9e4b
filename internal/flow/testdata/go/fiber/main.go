package main

import (
	"database/sql"
	"io"
	"net/http"
	"os"
	"strconv"

	"github.com/gofiber/fiber/v2"
)

var db *sql.DB

type renameInput struct {
	Name string `json:"name"`
}

func main() {
	app := fiber.New()
	app.Get("/files/:name", func(c *fiber.Ctx) error {
		f, err := os.Open("/srv/files/" + c.Params("name")) // want: path-traversal via=param
		if err != nil {
			return err
		}
		defer f.Close()
		return c.SendStream(f)
	})
	app.Get("/proxy", func(c *fiber.Ctx) error {
		target := c.Query("url")
		resp, err := http.Get(target) // want: ssrf via=query
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return c.Send(b)
	})
	app.Put("/files/:id", func(c *fiber.Ctx) error {
		var in renameInput
		if err := c.BodyParser(&in); err != nil {
			return err
		}
		_, err := db.Exec("UPDATE files SET name = '" + in.Name + "' WHERE id = " + c.Params("id")) // want: sql-injection via=body
		return err
	})
	app.Delete("/files/:id", func(c *fiber.Ctx) error {
		id, err := strconv.Atoi(c.Params("id"))
		if err != nil {
			return err
		}
		_, err = db.Exec("DELETE FROM files WHERE id = " + strconv.Itoa(id))
		return err
	})
	registerSearch(app)
	app.Listen(":3000")
}
