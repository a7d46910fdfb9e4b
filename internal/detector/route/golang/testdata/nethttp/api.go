package main

import "net/http"

// registerAPI receives the mux from main: its routes share main's server.
func registerAPI(mux *http.ServeMux) {
	mux.HandleFunc("POST /api/login", login)               // want: POST /api/login
	mux.Handle("/api/upload", http.HandlerFunc(uploadDoc)) // want: ANY /api/upload
}

func login(w http.ResponseWriter, r *http.Request) {}

func uploadDoc(w http.ResponseWriter, r *http.Request) {
	f, _, _ := r.FormFile("doc")
	defer f.Close()
}
