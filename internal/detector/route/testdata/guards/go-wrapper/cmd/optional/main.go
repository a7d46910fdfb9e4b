// Lookalike: a wrapper that sets the user when a token is there and lets
// a request without one through; only a bad token is refused.
package main

import (
	"context"
	"net/http"
)

type key struct{}

func withUser(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") == "" {
			next.ServeHTTP(w, r)
			return
		}
		user, ok := parse(r.Header.Get("Authorization"))
		if !ok {
			http.Error(w, "bad token", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), key{}, user)))
	})
}

func parse(string) (string, bool) { return "", false }

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /optional/feed", feed) // want: GET /optional/feed auth=none
	handler := withUser(mux)
	http.ListenAndServe(":8082", handler)
}

func feed(w http.ResponseWriter, r *http.Request) {}
