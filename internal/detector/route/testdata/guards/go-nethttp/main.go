package main

import (
	"log"
	"net/http"
	"strings"
)

// requireUser answers 401 to a request without a session.
func requireUser(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := r.Cookie("session"); err != nil {
			http.Error(w, "sign in", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// authLogger is named like a guard and only logs.
func authLogger(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		log.Printf("%s %s auth=%t", r.Method, r.URL.Path, r.Header.Get("Authorization") != "")
		next.ServeHTTP(w, r)
	})
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /health", health)                                                // want: GET /health auth=none
	mux.Handle("POST /notes", requireUser(http.HandlerFunc(notes)))                      // want: POST /notes auth=required
	mux.Handle("GET /about", authLogger(http.HandlerFunc(about)))                        // want: GET /about auth=none
	mux.HandleFunc("DELETE /notes/{id}", deleteNote)                                     // want: DELETE /notes/{id} auth=required
	mux.HandleFunc("GET /", home)                                                        // want: GET / auth=none
	mux.Handle("DELETE /users/{id}", requireRole("admin", http.HandlerFunc(deleteNote))) // want: DELETE /users/{id} auth=required role=admin
	mux.Handle("POST /reports", limited("reports", http.HandlerFunc(notes)))             // want: POST /reports auth=none
	log.Fatal(http.ListenAndServe(":8080", mux))
}

// requireRole wraps a handler: 403 unless the caller's role is role.
func requireRole(role string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-Role") != role {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// limited counts requests in a bucket; 429 is no auth and bucket no role.
func limited(bucket string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if hits[bucket]++; hits[bucket] > 100 {
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		next.ServeHTTP(w, r)
	})
}

var hits = map[string]int{}

func health(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok")) }
func notes(w http.ResponseWriter, r *http.Request)  { w.WriteHeader(http.StatusCreated) }
func about(w http.ResponseWriter, r *http.Request)  { w.Write([]byte("about")) }

// deleteNote checks the token itself before it deletes.
func deleteNote(w http.ResponseWriter, r *http.Request) {
	if !strings.HasPrefix(r.Header.Get("Authorization"), "Bearer ") {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// home varies its greeting; an IsAuthenticated check that rejects no one.
func home(w http.ResponseWriter, r *http.Request) {
	if IsAuthenticated(r) {
		w.Write([]byte("welcome back"))
		return
	}
	w.Write([]byte("hello"))
}

func IsAuthenticated(r *http.Request) bool { _, err := r.Cookie("session"); return err == nil }
