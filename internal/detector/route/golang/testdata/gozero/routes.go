package main

import (
	"net/http"

	"github.com/zeromicro/go-zero/rest"
)

// RegisterHandlers is what goctl writes: one AddRoutes per group of the
// API file, its options applying to the whole table.
func RegisterHandlers(server *rest.Server, c Config) {
	server.AddRoutes(
		[]rest.Route{
			{
				Method:  http.MethodPost,
				Path:    "/user/login", // want: POST /v1/user/login
				Handler: LoginHandler(c),
			},
		},
		rest.WithPrefix("/v1"),
	)

	server.AddRoutes(
		[]rest.Route{
			{
				Method:  http.MethodGet,
				Path:    "/user/:id", // want: GET /v1/user/{id}
				Handler: UserHandler(c),
			},
			{
				Method:  http.MethodDelete,
				Path:    "/user/:id", // want: DELETE /v1/user/{id}
				Handler: UserHandler(c),
			},
		},
		rest.WithJwt(c.Auth.AccessSecret),
		rest.WithPrefix("/v1"),
	)

	server.AddRoutes(
		rest.WithMiddlewares(
			[]rest.Middleware{AdminOnly},
			[]rest.Route{
				{
					Method:  http.MethodGet,
					Path:    "/stats", // want: GET /admin/stats
					Handler: StatsHandler(c),
				},
			}...,
		),
		rest.WithPrefix("/admin"),
	)

	// A table built elsewhere is not read: its routes are missed.
	server.AddRoutes(extraRoutes(c)) // want: missed 1
}
