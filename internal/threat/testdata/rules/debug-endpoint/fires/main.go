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
	log.Fatal(http.ListenAndServe(":8080", mux))
}

func redirect(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, "https://example.com/"+r.PathValue("code"), http.StatusFound)
}
