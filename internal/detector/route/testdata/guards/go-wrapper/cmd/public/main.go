// A session middleware around the whole mux that lets listed paths
// through: only the others need a session.
package main

import (
	"net/http"
	"strings"
)

func requireSession(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !hasSession(r) && !isPublic(r) {
			http.Redirect(w, r, "/login", http.StatusFound)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func hasSession(r *http.Request) bool { _, err := r.Cookie("session"); return err == nil }

// isPublic lists the paths anyone may open.
func isPublic(r *http.Request) bool {
	switch r.URL.Path {
	case "/public/login", "/public/about":
		return true
	}
	return strings.HasPrefix(r.URL.Path, "/public/share/")
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /public/login", page)          // want: GET /public/login auth=none
	mux.HandleFunc("GET /public/share/{code}", page)   // want: GET /public/share/{code} auth=none
	mux.HandleFunc("GET /public/notes", page)          // want: GET /public/notes auth=required
	mux.HandleFunc("GET /public/shared-with-me", page) // want: GET /public/shared-with-me auth=required
	http.ListenAndServe(":8086", requireSession(mux))
}

func page(w http.ResponseWriter, r *http.Request) {}
