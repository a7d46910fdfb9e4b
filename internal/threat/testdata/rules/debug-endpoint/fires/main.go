package main

import (
	"log"
	"net/http"
	"net/http/pprof"
)

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{code}", redirect)
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/heap", pprof.Index)
	mux.HandleFunc("GET /metrics", metrics)
	log.Fatal(http.ListenAndServe(":8080", mux))
}

func redirect(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, "https://example.com/"+r.PathValue("code"), http.StatusFound)
}

// metrics notes who read it, with the basic-auth user if one was sent,
// and serves everyone: the function it calls decides nothing.
func metrics(w http.ResponseWriter, r *http.Request) {
	noteReader(r)
	w.Write([]byte("links_total 42\n"))
}

func noteReader(r *http.Request) {
	user, _, _ := r.BasicAuth()
	log.Printf("metrics read by %q from %s", user, r.RemoteAddr)
}
