package main

import (
	"log"
	"net/http"
	"strconv"

	"github.com/google/uuid"
	"github.com/gorilla/mux"
)

type server struct {
	router *mux.Router
	store  *store
}

func newServer(st *store) *server {
	s := &server{router: mux.NewRouter(), store: st}
	s.routes()
	return s
}

func (s *server) routes() {
	s.router.HandleFunc("/health", s.health).Methods("GET") // want: GET /health
	// Only for building URLs (s.router.Get("order").URL(...)): never served.
	s.router.Path("/orders/{id}").HandlerFunc(s.getOrder).Name("order").BuildOnly()
	api := s.router.PathPrefix("/api").Subrouter()
	api.Use(authMiddleware)
	api.HandleFunc("/users/{id:[0-9]+}", s.getUser).Methods(http.MethodGet) // want: GET /api/users/{id}
	api.HandleFunc("/users/{id}", s.updateUser).Methods("PUT", "PATCH")     // want: PUT /api/users/{id}; PATCH /api/users/{id}
	api.HandleFunc("/documents/{docID}", s.getDocument).Methods("GET")      // want: GET /api/documents/{docID}
	admin := api.PathPrefix("/admin").Subrouter()
	admin.HandleFunc("/stats", s.stats)                                                                     // want: ANY /api/admin/stats
	s.router.PathPrefix("/assets/").Handler(http.StripPrefix("/assets/", http.FileServer(http.Dir("web")))) // want: ANY /assets
	// s.router.HandleFunc("/old", s.old).Methods("GET")

	// Guards wrapped around one handler, not set with Use.
	s.router.HandleFunc("/orders/{id}", requireToken(s.getOrder, s.store)).Methods("GET", "OPTIONS") // want: GET /orders/{id}
	s.router.Handle("/reports", authenticated(http.HandlerFunc(s.reports))).Methods("GET")           // want: GET /reports
	s.router.HandleFunc("/status", withJSON(s.status, s.store)).Methods("GET")                       // want: GET /status
	s.addBuildRoutes()
}

func (s *server) health(w http.ResponseWriter, r *http.Request) {}

func (s *server) getUser(w http.ResponseWriter, r *http.Request) {
	id, _ := strconv.Atoi(mux.Vars(r)["id"])
	s.store.user(id)
}

func (s *server) updateUser(w http.ResponseWriter, r *http.Request) {}

func (s *server) getDocument(w http.ResponseWriter, r *http.Request) {
	raw := mux.Vars(r)["docID"]
	docID, err := uuid.Parse(raw)
	if err != nil {
		return
	}
	s.store.document(docID)
}

func (s *server) stats(w http.ResponseWriter, r *http.Request) {}

func authMiddleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") == "" {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (s *server) getOrder(w http.ResponseWriter, r *http.Request) {}

func (s *server) reports(w http.ResponseWriter, r *http.Request) {}

func (s *server) status(w http.ResponseWriter, r *http.Request) {}

// requireToken checks the bearer token before h; st looks the token up.
func requireToken(h http.HandlerFunc, st *store) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") == "" {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		h(w, r)
	}
}

func authenticated(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") == "" {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// withJSON sets the content type: no guard despite wrapping h.
func withJSON(h http.HandlerFunc, st *store) http.HandlerFunc { return h }

func main() {
	s := newServer(&store{})
	log.Fatal(http.ListenAndServe(":8000", s.router))
}
