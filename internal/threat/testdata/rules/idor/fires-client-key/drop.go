package main

import (
	"fmt"
	"io"
	"net/http"
	"strconv"
	"sync/atomic"
)

// The same file drop, keyed by what is not drawn at random: the client
// names its own folder, or the server counts uploads. The next key is
// one guess away.
type blobs interface {
	Put(key, name string, body io.Reader) error
	Get(key, name string) (io.ReadCloser, error)
	Delete(key, name string) error
}

var (
	bucket blobs
	next   int64
)

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("PUT /{folder}/{name}", upload)
	mux.HandleFunc("PUT /{name}", uploadNumbered)
	mux.HandleFunc("GET /{key}/{name}", download)
	mux.HandleFunc("DELETE /{key}/{name}", remove)
	http.ListenAndServe(":8080", mux)
}

func upload(w http.ResponseWriter, r *http.Request) {
	folder := r.PathValue("folder")
	name := r.PathValue("name")
	if err := bucket.Put(folder, name, r.Body); err != nil {
		http.Error(w, "could not store", http.StatusInternalServerError)
	}
}

func uploadNumbered(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	key := strconv.FormatInt(atomic.AddInt64(&next, 1), 10)
	if err := bucket.Put(key, name, r.Body); err != nil {
		http.Error(w, "could not store", http.StatusInternalServerError)
		return
	}
	fmt.Fprintf(w, "https://drop.example/%s/%s\n", key, name)
}

func download(w http.ResponseWriter, r *http.Request) {
	key := r.PathValue("key")
	name := r.PathValue("name")
	rc, err := bucket.Get(key, name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer rc.Close()
	io.Copy(w, rc)
}

func remove(w http.ResponseWriter, r *http.Request) {
	key := r.PathValue("key")
	name := r.PathValue("name")
	if err := bucket.Delete(key, name); err != nil {
		http.NotFound(w, r)
	}
}
