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

func logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		log.Printf("%s %s headers=%v", r.Method, r.URL.Path, r.Header)
		next.ServeHTTP(w, r)
	})
}

func postMessage(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusAccepted)
}
