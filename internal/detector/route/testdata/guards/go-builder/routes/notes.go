package routes

import (
	"net/http"

	"example.com/ledger/middlewares"
	"github.com/go-chi/chi/v5"
)

type NotesHandler struct{ store string }

func NewNotesHandler(store string) *NotesHandler { return &NotesHandler{store: store} }

func (h *NotesHandler) RegisterRoutes(router chi.Router) {
	r := chi.NewRouter()
	r.Use(middlewares.NewAuth(h.store).WithLoginTarget("/api/notes").Handler)
	r.Get("/", h.List) // want: GET /api/notes auth=required
	router.Mount("/notes", r)

	router.Group(func(r chi.Router) {
		r.Use(middlewares.NewAuth(h.store).WithOpenPaths("/api/public/").Handler)
		r.Get("/public/notes", h.List) // want: GET /api/public/notes auth=none
		r.Get("/publicity", h.List)    // want: GET /api/publicity auth=required
	})

	auth := middlewares.NewAuth(h.store).
		WithOpenPaths("/api/shares/")
	router.Group(func(r chi.Router) {
		r.Use(auth.Handler)
		r.Get("/shares/{id}", h.List)   // want: GET /api/shares/{id} auth=none
		r.Get("/sharesettings", h.List) // want: GET /api/sharesettings auth=required
	})
}

func (h *NotesHandler) List(w http.ResponseWriter, r *http.Request) { w.Write([]byte("[]")) }
