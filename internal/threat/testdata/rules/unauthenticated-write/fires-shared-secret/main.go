package main

import (
	"database/sql"
	"net/http"

	"example.com/drop/secret"
)

// The shared-secret drop of lookalike-shared-secret, whose notes route
// has lost its guard: a write that checks no secret is no login.
type server struct {
	db   *sql.DB
	auth interface {
		StartSession(w http.ResponseWriter, r *http.Request)
		Authenticate(r *http.Request) bool
	}
}

func main() {
	auth, _ := secret.New(getenv("DROP_SECRET"))
	s := &server{auth: auth}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /api/auth", s.authPost())
	mux.Handle("POST /api/notes", s.notesPost())
	http.ListenAndServe(":8080", mux)
}

func (s *server) authPost() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s.auth.StartSession(w, r)
	}
}

func (s *server) requireAuth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.auth.Authenticate(r) {
			http.Error(w, "authentication required", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (s *server) notesPost() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s.db.Exec("INSERT INTO notes(text) VALUES (?)", r.FormValue("text"))
	}
}
