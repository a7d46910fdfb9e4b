package main

import (
	"log"
	"net/http"
	"strconv"
)

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", home)                                                            // want: GET /
	mux.HandleFunc("GET /items/{id}", getItem)                                                  // want: GET /items/{id}
	mux.HandleFunc("POST /items", createItem)                                                   // want: POST /items
	mux.HandleFunc("DELETE /items/{id}", deleteItem)                                            // want: DELETE /items/{id}
	mux.Handle("/static/", http.StripPrefix("/static/", http.FileServer(http.Dir("./static")))) // want: ANY /static
	mux.Handle("/admin/", requireAuth(http.HandlerFunc(adminHome)))                             // want: ANY /admin
	mux.HandleFunc("GET /files/{path...}", serveFile)                                           // want: GET /files/{path}
	// mux.HandleFunc("/debug/vars", debugVars)
	registerAPI(mux)
	registerGraphQL(mux)
	log.Fatal(http.ListenAndServe(":8080", logging(mux)))
}

func home(w http.ResponseWriter, r *http.Request) { w.Write([]byte("hi")) }

func getItem(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.Atoi(r.PathValue("id"))
	if err != nil {
		http.Error(w, "bad id", http.StatusBadRequest)
		return
	}
	w.Write([]byte(strconv.Itoa(id)))
}

func createItem(w http.ResponseWriter, r *http.Request) {}

func deleteItem(w http.ResponseWriter, r *http.Request) {
	db.Exec("DELETE FROM items WHERE id = ?", r.PathValue("id"))
}

func adminHome(w http.ResponseWriter, r *http.Request) {}

func serveFile(w http.ResponseWriter, r *http.Request) {}

func requireAuth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") == "" {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func logging(next http.Handler) http.Handler { return next }
