//go:build dev

package main

import "net/http"

// addBuildRoutes, in a development build only (go build -tags dev): a
// reset route for end-to-end tests and a middleware that turns away any
// browser without the test-session cookie. A release build compiles
// debug_release.go instead: neither is served.
func (s *server) addBuildRoutes() {
	s.router.Use(testSession)
	s.router.HandleFunc("/api/debug/reset", s.health).Methods("POST")
}

func testSession(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := r.Cookie("test-session"); err != nil {
			http.Error(w, "no test session", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}
