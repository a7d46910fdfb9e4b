package main

import (
	"context"
	"net/http"
	"os/exec"

	"github.com/labstack/echo/v4"
	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
)

var users *mongo.Collection

func main() {
	e := echo.New()
	e.GET("/run", run)
	e.GET("/run/fixed", runFixed)
	e.POST("/login", login)
	e.POST("/login/typed", loginTyped)
	e.GET("/find", find)
	e.GET("/preview", preview)
	e.Logger.Fatal(e.Start(":1323"))
}

func run(c echo.Context) error {
	tool := c.QueryParam("tool")
	out, err := exec.Command(tool, "--version").Output() // want: command-injection via=query
	if err != nil {
		return err
	}
	return c.String(http.StatusOK, string(out))
}

// The program is fixed; the request picks one argument.
func runFixed(c echo.Context) error {
	out, _ := exec.Command("git", "log", "--format=%s", c.QueryParam("ref")).Output()
	return c.String(http.StatusOK, string(out))
}

// The body decoded into a map is the filter: {"password": {"$ne": ""}}
// matches every user.
func login(c echo.Context) error {
	var m map[string]interface{}
	if err := c.Bind(&m); err != nil {
		return err
	}
	var u bson.M
	err := users.FindOne(context.Background(), bson.M{"name": m["name"], "password": m["password"]}).Decode(&u) // want: nosql-injection via=body
	if err != nil {
		return c.NoContent(http.StatusUnauthorized)
	}
	return c.JSON(http.StatusOK, u)
}

type credentials struct {
	Name     string `json:"name"`
	Password string `json:"password"`
}

// Typed fields: a string cannot carry an operator.
func loginTyped(c echo.Context) error {
	var in credentials
	if err := c.Bind(&in); err != nil {
		return err
	}
	var u bson.M
	err := users.FindOne(context.Background(), bson.M{"name": in.Name}).Decode(&u)
	if err != nil {
		return c.NoContent(http.StatusUnauthorized)
	}
	return c.JSON(http.StatusOK, u)
}

func find(c echo.Context) error {
	cur, err := users.Find(context.Background(), bson.M{"$where": "this.name == '" + c.QueryParam("name") + "'"}) // want: nosql-injection via=query
	if err != nil {
		return err
	}
	defer cur.Close(context.Background())
	return nil
}

func preview(c echo.Context) error {
	return c.HTML(http.StatusOK, "<p>"+c.QueryParam("text")+"</p>") // want: xss via=query
}
