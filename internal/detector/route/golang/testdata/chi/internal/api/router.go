package api

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	"github.com/go-chi/jwtauth/v5"
)

// NewRouter is the whole HTTP surface of the notes service.
func NewRouter() http.Handler {
	r := chi.NewRouter()
	r.Use(middleware.Logger)
	r.Get("/health", health) // want: GET /health
	r.Route("/api", func(r chi.Router) {
		r.Get("/notes/{noteID}", getNote) // want: GET /api/notes/{noteID}
		r.Group(func(r chi.Router) {
			r.Use(jwtauth.Authenticator)
			r.Post("/notes", createNote)            // want: POST /api/notes
			r.Delete("/notes/{noteID}", deleteNote) // want: DELETE /api/notes/{noteID}
		})
		r.With(requireAdmin).Get("/stats", stats) // want: GET /api/stats
		registerBilling(r)
	})
	r.Mount("/admin", adminRouter())
	// r.Get("/debug", debug)
	return r
}

func adminRouter() chi.Router {
	r := chi.NewRouter()
	r.Use(adminOnly)
	r.Get("/", adminIndex)      // want: GET /admin
	r.Get("/users", adminUsers) // want: GET /admin/users
	return r
}

func health(w http.ResponseWriter, r *http.Request) {}

func getNote(w http.ResponseWriter, r *http.Request) {
	id := chi.URLParam(r, "noteID")
	_ = id
}

func createNote(w http.ResponseWriter, r *http.Request) {}

func deleteNote(w http.ResponseWriter, r *http.Request) {}

func stats(w http.ResponseWriter, r *http.Request) {}

func adminIndex(w http.ResponseWriter, r *http.Request) {}

func adminUsers(w http.ResponseWriter, r *http.Request) {}

func requireAdmin(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-Role") != "admin" {
			w.WriteHeader(http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func adminOnly(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-Role") != "admin" {
			w.WriteHeader(http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}
