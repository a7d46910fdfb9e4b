package web

import (
	"fmt"
	"net/http"
)

// What the build wrote, copied in by main.
var (
	Version string
	Commit  string
)

func Routes() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /debug/version", version)
	mux.HandleFunc("GET /debug/commit", commit)
	return mux
}

// Only the build's own strings: nothing the process holds at run time.
func version(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain")
	fmt.Fprintf(w, "tally %s\n", Version)
}

func commit(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain")
	w.Write([]byte(Commit))
}
