package main

import (
	"net/http"

	"example.com/ledger/middlewares"
	"example.com/ledger/routes"
	"github.com/go-chi/chi/v5"
)

// Handlers of another package register their routes on the router they
// are handed: the mount prefix and the served router reach them.
func main() {
	notes := routes.NewNotesHandler("store")
	health := routes.NewHealthHandler()
	login := routes.NewLoginHandler()

	router := chi.NewRouter()
	router.Use(middlewares.NewHeaders())
	api := chi.NewRouter()
	router.Mount("/api", api)

	notes.RegisterRoutes(api)
	health.RegisterRoutes(api)
	login.RegisterRoutes(api)

	http.ListenAndServe(":8080", router)
}
