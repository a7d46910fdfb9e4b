package main

import (
	"database/sql"
	"net/http"

	"example.com/drop/secret"
)

// A self-hosted drop with one shared secret and no user table: POST
// /api/auth compares what the caller posted with the configured secret
// and sets the session cookie. Its path names no login: its code does.
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
	mux.Handle("POST /api/notes", s.requireAuth(s.notesPost()))
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
