package main

import (
	"log"
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	"github.com/go-chi/httprate"
	"github.com/go-chi/jwtauth/v5"
)

var tokenAuth = jwtauth.New("HS256", []byte("secret"), nil)

func main() {
	r := chi.NewRouter()
	r.Use(middleware.Logger)
	r.Use(httprate.LimitByIP(100, 60))
	r.Get("/", index) // want: GET / auth=none
	r.Group(func(r chi.Router) {
		r.Use(jwtauth.Verifier(tokenAuth))
		r.Get("/posts", posts) // want: GET /posts auth=none
	})
	r.Group(func(r chi.Router) {
		r.Use(jwtauth.Verifier(tokenAuth))
		r.Use(jwtauth.Authenticator(tokenAuth))
		r.Post("/posts", createPost) // want: POST /posts auth=required
	})
	r.Route("/admin", func(r chi.Router) {
		r.Use(adminOnly)
		r.Delete("/users/{id}", deleteUser) // want: DELETE /admin/users/{id} auth=required role=admin
	})
	r.With(requireRole("editor")).Post("/drafts", createPost) // want: POST /drafts auth=required role=editor
	r.With(traced("exports")).Get("/exports", posts)          // want: GET /exports auth=required
	http.ListenAndServe(":3000", r)
}

// requireRole is a factory: the role it is given is compared with the caller's.
func requireRole(role string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if _, claims, _ := jwtauth.FromContext(r.Context()); claims["role"] != role {
				w.WriteHeader(http.StatusForbidden)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

// traced demands a token; its argument only names the span.
func traced(span string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("Authorization") == "" {
				w.WriteHeader(http.StatusUnauthorized)
				return
			}
			log.Println(span)
			next.ServeHTTP(w, r)
		})
	}
}

func adminOnly(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, claims, _ := jwtauth.FromContext(r.Context())
		if claims["role"] != "admin" {
			http.Error(w, http.StatusText(http.StatusForbidden), http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func index(w http.ResponseWriter, r *http.Request)      {}
func posts(w http.ResponseWriter, r *http.Request)      {}
func createPost(w http.ResponseWriter, r *http.Request) {}
func deleteUser(w http.ResponseWriter, r *http.Request) {}
