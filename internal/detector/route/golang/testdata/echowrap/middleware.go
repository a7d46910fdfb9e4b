package main

import (
	"log"
	"net/http"
)

// signedIn sends a caller without a session to the login page.
func signedIn(next Handler) Handler {
	return func(c *Context) error {
		if c.User == nil {
			return c.Redirect(http.StatusFound, "/login")
		}
		return next(c)
	}
}

// adminOnly answers 403 to anyone but an admin.
func adminOnly(next Handler) Handler {
	return func(c *Context) error {
		if c.User == nil || !c.User.IsAdmin {
			return c.NoContent(http.StatusForbidden)
		}
		return next(c)
	}
}

// uploadsOn is a feature switch: it reads only the app's settings.
func uploadsOn(next Handler) Handler {
	return func(c *Context) error {
		return next(c)
	}
}

// traced logs and lets everyone through: no auth.
func traced(next Handler) Handler {
	return func(c *Context) error {
		log.Printf("%s %s", c.Request().Method, c.Request().URL.Path)
		return next(c)
	}
}

// tagged sets a value for the handler; it checks nothing.
func tagged(mode string) Middleware {
	return func(next Handler) Handler {
		return func(c *Context) error {
			c.Set("mode", mode)
			return next(c)
		}
	}
}

// knownOnly lets a signed-in caller through and sends anyone else to the
// public list: the handler runs for a known caller only.
func knownOnly(next Handler) Handler {
	return func(c *Context) error {
		if c.User != nil {
			return next(c)
		}
		return c.Redirect(http.StatusFound, "/feed")
	}
}

// apiOnly answers 401 through the context's JSON helper.
func apiOnly(next Handler) Handler {
	return func(c *Context) error {
		if c.User == nil {
			return c.JSON(401, map[string]string{"error": "sign in"})
		}
		return next(c)
	}
}

// greet tests the caller only to greet it: everyone goes on.
func greet(next Handler) Handler {
	return func(c *Context) error {
		if c.User != nil {
			c.Set("greeting", "hello "+c.User.Name)
		}
		return next(c)
	}
}
