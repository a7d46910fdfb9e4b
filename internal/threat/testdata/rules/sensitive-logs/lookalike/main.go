package main

import (
	"log"
	"net/http"
)

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /api/messages", postMessage)
	log.Fatal(http.ListenAndServe(":8080", logRequests(mux)))
}

// logRequests records what was asked, never the headers or the body:
// they carry tokens and users' messages.
func logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		log.Printf("%s %s from=%s agent=%q", r.Method, r.URL.Path, r.RemoteAddr, r.UserAgent())
		next.ServeHTTP(w, r)
	})
}

func postMessage(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusAccepted)
}
