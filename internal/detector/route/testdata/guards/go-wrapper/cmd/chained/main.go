// The mux wrapped step by step: CORS outermost, then the session check.
package main

import "net/http"

func requireSession(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := r.Cookie("session"); err != nil {
			http.Redirect(w, r, "/login", http.StatusFound)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func withCORS(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Access-Control-Allow-Origin", "*")
		if r.Method == http.MethodOptions {
			w.WriteHeader(http.StatusNoContent)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("DELETE /chained/notes/{id}", notes) // want: DELETE /chained/notes/{id} auth=required
	var h http.Handler = mux
	h = requireSession(h)
	h = withCORS(h)
	srv := &http.Server{Addr: ":8083", Handler: h}
	srv.ListenAndServe()
}

func notes(w http.ResponseWriter, r *http.Request) {}
