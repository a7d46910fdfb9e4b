// Lookalike: a server struct around its router whose ServeHTTP only sets
// security headers.
package main

import (
	"net/http"

	"github.com/go-chi/chi/v5"
)

type Site struct{ router chi.Router }

func (s *Site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Frame-Options", "DENY")
	w.Header().Set("Content-Security-Policy", "default-src 'self'")
	s.router.ServeHTTP(w, r)
}

func main() {
	s := &Site{router: chi.NewRouter()}
	s.router.Post("/headers/comments", comment) // want: POST /headers/comments auth=none
	http.ListenAndServe(":8084", s)
}

func comment(w http.ResponseWriter, r *http.Request) {}
