package guards

import "net/http"

type user struct{ IsAdmin bool }

func current(r *http.Request) *user { return &user{} }

func AdminOnly(next http.Handler) http.Handler { // want: control admin-guard
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !current(r).IsAdmin {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Lookalike: a middleware that only records the flag for the page
// decides nothing.
func WithAdminFlag(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Admin", boolText(current(r).IsAdmin))
		next.ServeHTTP(w, r)
	})
}

func boolText(b bool) string {
	if b {
		return "1"
	}
	return "0"
}
