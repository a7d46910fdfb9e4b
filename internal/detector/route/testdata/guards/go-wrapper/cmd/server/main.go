// A server struct holds its router; its ServeHTTP checks the token (in a
// method it calls) before serving any route.
package main

import (
	"crypto/subtle"
	"net/http"

	"github.com/go-chi/chi/v5"
)

type Server struct {
	router chi.Router
	token  string
}

func New(token string) *Server {
	s := &Server{router: chi.NewRouter(), token: token}
	s.router.Get("/server/reports", s.reports)           // want: GET /server/reports auth=required
	s.router.Post("/server/reports/{id}/close", s.close) // want: POST /server/reports/{id}/close auth=required
	return s
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.authorized(r) {
		http.Error(w, "open the URL with its token", http.StatusForbidden)
		return
	}
	s.router.ServeHTTP(w, r)
}

func (s *Server) authorized(r *http.Request) bool {
	c, err := r.Cookie("token")
	if err != nil || subtle.ConstantTimeCompare([]byte(c.Value), []byte(s.token)) != 1 {
		return false
	}
	return true
}

func (s *Server) reports(w http.ResponseWriter, r *http.Request) {}
func (s *Server) close(w http.ResponseWriter, r *http.Request)   {}

func main() {
	srv := &http.Server{Addr: ":8085", Handler: New("x")}
	srv.ListenAndServe()
}
