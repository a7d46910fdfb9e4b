package web

import (
	"fmt"
	"net/http"
	"runtime"
)

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

// The same shape, but Version holds what main read from the environment.
func version(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain")
	fmt.Fprintf(w, "tally %s\n", Version)
}

// The build's commit beside the process's memory: internals.
func commit(w http.ResponseWriter, r *http.Request) {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Fprintf(w, "%s heap=%d\n", Commit, m.HeapAlloc)
}
