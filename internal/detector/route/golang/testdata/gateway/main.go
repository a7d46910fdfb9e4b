package main

import (
	"log"
	"net/http"

	"github.com/grpc-ecosystem/grpc-gateway/v2/runtime"
	"github.com/labstack/echo/v4"
)

func writeAuthError(w http.ResponseWriter) {
	http.Error(w, `{"message": "authentication required"}`, http.StatusUnauthorized)
}

func main() {
	e := echo.New()

	// Every call through this mux passes its middleware, which fails
	// closed: the routes the mux serves are guarded.
	authMw := func(next runtime.HandlerFunc) runtime.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request, p map[string]string) {
			if r.Header.Get("Authorization") == "" {
				writeAuthError(w)
				return
			}
			next(w, r, p)
		}
	}
	gwMux := runtime.NewServeMux(runtime.WithMiddlewares(authMw))
	handler := echo.WrapHandler(http.MaxBytesHandler(gwMux, 1<<20))
	e.Any("/api/v1/*", handler) // want: ANY /api/v1/*

	// Lookalike: a mux whose middleware only logs.
	logMw := func(next runtime.HandlerFunc) runtime.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request, p map[string]string) {
			log.Printf("%s %s", r.Method, r.URL.Path)
			next(w, r, p)
		}
	}
	pubMux := runtime.NewServeMux(runtime.WithMiddlewares(logMw))
	e.Any("/public/v1/*", echo.WrapHandler(pubMux)) // want: ANY /public/v1/*

	e.Start(":8080")
}
