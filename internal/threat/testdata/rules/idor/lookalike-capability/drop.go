package main

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
)

// An anonymous file drop: each upload is kept under a key the server
// draws at random, and the link it answers with is the only way back.
type blobs interface {
	Put(key, name string, body io.Reader) error
	Get(key, name string) (io.ReadCloser, error)
	Delete(key, name string) error
}

var bucket blobs

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("PUT /{name}", upload)
	mux.HandleFunc("GET /{key}/{name}", download)
	mux.HandleFunc("DELETE /{key}/{name}", remove)
	http.ListenAndServe(":8080", mux)
}

func newKey() string {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return hex.EncodeToString(b)
}

func upload(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	key := newKey()
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
