package main

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

type User struct {
	ID      uint
	Name    string
	IsAdmin bool
}

type Gist struct {
	ID      uint
	UserID  uint
	Private bool
}

// currentUser is the caller the session middleware put on the context.
func currentUser(c echo.Context) *User {
	u, _ := c.Get("user").(*User)
	return u
}

// adminOnly hides the admin pages from anyone who is not an admin: it
// answers 404, as for a page that does not exist.
func adminOnly(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		user := currentUser(c)
		if user == nil || !user.IsAdmin {
			return c.NoContent(http.StatusNotFound)
		}
		return next(c)
	}
}

// membersOnly sends a caller who is not signed in to the public list.
func membersOnly(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		user, _ := c.Get("user").(*User)
		if user == nil {
			return c.Redirect(http.StatusFound, "/explore")
		}
		return next(c)
	}
}

// Lookalike: loadGist answers 404 for a gist that is not there; it
// rejects no caller.
func loadGist(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		gist := findGist(c.Param("id"))
		if gist == nil {
			return echo.ErrNotFound
		}
		c.Set("gist", gist)
		return next(c)
	}
}

// Lookalike: a user looked up by the name in the path, answering 404
// when there is none, is a record, not the caller.
func loadOwner(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		user := findUser(c.Param("name"))
		if user == nil || !user.IsAdmin {
			return c.NoContent(http.StatusNotFound)
		}
		return next(c)
	}
}

// Lookalike: a private gist is hidden from everyone but its owner, a
// test of the gist; a public one is open to anyone.
func showGist(c echo.Context) error {
	user := currentUser(c)
	gist := findGist(c.Param("id"))
	if gist.Private && (user == nil || gist.UserID != user.ID) {
		return c.NoContent(http.StatusNotFound)
	}
	return c.JSON(http.StatusOK, gist)
}

// Lookalike: the caller's settings page sends a signed-in caller home;
// the anonymous one is let through to sign up.
func signup(c echo.Context) error {
	if user := currentUser(c); user != nil {
		return c.Redirect(http.StatusFound, "/")
	}
	return c.String(http.StatusOK, "sign up")
}

// Lookalike: a login form redirects once the credentials check out; the
// test is of the login's error, not of the caller.
func loginPage(c echo.Context) error {
	var loginErr error
	if c.Request().Method == http.MethodPost {
		loginErr = doLogin(c)
		if loginErr == nil {
			return c.Redirect(http.StatusFound, "/")
		}
	}
	return c.String(http.StatusOK, "sign in")
}

// Lookalike: a form checked by a function handed only the context.
func subscribe(c echo.Context) error {
	form := readForm(c)
	if form == nil {
		return c.Redirect(http.StatusFound, "/subscribe")
	}
	return c.NoContent(http.StatusCreated)
}

func doLogin(c echo.Context) error {
	if c.FormValue("password") == "" {
		return echo.ErrBadRequest
	}
	sess, _ := c.Get("session").(map[string]string)
	sess["user"] = c.FormValue("email")
	return nil
}

func readForm(c echo.Context) map[string]string {
	return map[string]string{"email": c.FormValue("email")}
}

func main() {
	e := echo.New()
	admin := e.Group("/admin", adminOnly)
	admin.GET("/users", listUsers)                  // want: GET /admin/users auth=required role=admin
	e.GET("/starred", listUsers, membersOnly)       // want: GET /starred auth=required
	e.GET("/gists/:id/raw", rawGist, loadGist)      // want: GET /gists/{id}/raw auth=none
	e.GET("/users/:name/badge", rawGist, loadOwner) // want: GET /users/{name}/badge auth=none
	e.GET("/gists/:id", showGist)                   // want: GET /gists/{id} auth=none
	e.GET("/signup", signup)                        // want: GET /signup auth=none
	e.POST("/login", loginPage)                     // want: POST /login auth=none
	e.POST("/subscribe", subscribe)                 // want: POST /subscribe auth=none
	e.Logger.Fatal(e.Start(":1323"))
}

func findGist(id string) *Gist   { return nil }
func findUser(name string) *User { return nil }

func listUsers(c echo.Context) error { return c.JSON(http.StatusOK, []User{}) }
func rawGist(c echo.Context) error   { return c.String(http.StatusOK, "") }
