// Lookalike: the middleware lets callers from the office network in
// without a session; that test reads the address, not the path, so no
// route is exempt.
package main

import (
	"net/http"
	"strings"
)

func officeOrSession(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !hasSession(r) && !fromOffice(r) {
			http.Redirect(w, r, "/login", http.StatusFound)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func hasSession(r *http.Request) bool { _, err := r.Cookie("session"); return err == nil }

func fromOffice(r *http.Request) bool {
	if r.URL.Path == "/office/login" {
		return false
	}
	return strings.HasPrefix(r.RemoteAddr, "10.")
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /office/login", page)  // want: GET /office/login auth=required
	mux.HandleFunc("GET /office/report", page) // want: GET /office/report auth=required
	http.ListenAndServe(":8087", officeOrSession(mux))
}

func page(w http.ResponseWriter, r *http.Request) {}
