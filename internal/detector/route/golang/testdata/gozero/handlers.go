package main

import (
	"net/http"

	"github.com/zeromicro/go-zero/rest"
)

func LoginHandler(c Config) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {}
}

func UserHandler(c Config) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {}
}

func StatsHandler(c Config) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {}
}

func healthz(w http.ResponseWriter, r *http.Request) {}

// AdminOnly turns away a caller without the admin key.
func AdminOnly(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-Admin-Key") == "" {
			http.Error(w, "forbidden", http.StatusUnauthorized)
			return
		}
		next(w, r)
	}
}

func extraRoutes(c Config) []rest.Route {
	return []rest.Route{{Method: http.MethodGet, Path: "/extra", Handler: healthz}}
}
