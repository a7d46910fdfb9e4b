package main

import "github.com/labstack/echo/v4"

// Context is the app's request context.
type Context struct {
	echo.Context
	User *User
}

type User struct {
	Name    string
	IsAdmin bool
}

// Handler and Middleware are the app's own types; chain composes them.
type Handler func(c *Context) error
type Middleware func(next Handler) Handler

func (h Handler) toEcho() echo.HandlerFunc {
	return func(c echo.Context) error { return h(c.(*Context)) }
}

func chain(h Handler, mw ...Middleware) Handler {
	for i := len(mw) - 1; i >= 0; i-- {
		h = mw[i](h)
	}
	return h
}

// Router wraps an echo group.
type Router struct {
	*echo.Group
}

func NewRouter(g *echo.Group) *Router { return &Router{Group: g} }

func (r *Router) GET(path string, h Handler, m ...Middleware) {
	r.Group.GET(path, chain(h, m...).toEcho())
}

func (r *Router) POST(path string, h Handler, m ...Middleware) {
	r.Group.POST(path, chain(h, m...).toEcho())
}

func (r *Router) DELETE(path string, h Handler, m ...Middleware) {
	r.Group.DELETE(path, chain(h, m...).toEcho())
}

func (r *Router) Use(middleware ...Middleware) {
	for _, m := range middleware {
		m := m
		r.Group.Use(func(next echo.HandlerFunc) echo.HandlerFunc {
			return chain(func(c *Context) error { return next(c) }, m).toEcho()
		})
	}
}

func (r *Router) SubGroup(prefix string, m ...Middleware) *Router {
	adapted := make([]echo.MiddlewareFunc, len(m))
	for i, mw := range m {
		mw := mw
		adapted[i] = func(next echo.HandlerFunc) echo.HandlerFunc {
			return chain(func(c *Context) error { return next(c) }, mw).toEcho()
		}
	}
	return NewRouter(r.Group.Group(prefix, adapted...))
}
