// A whole mux behind a struct whose ServeHTTP answers 401 without a token.
package main

import "net/http"

type authHandler struct{ next http.Handler }

func (a authHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Authorization") == "" {
		http.Error(w, "sign in", http.StatusUnauthorized)
		return
	}
	a.next.ServeHTTP(w, r)
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /tokened/notes", notes) // want: POST /tokened/notes auth=required
	http.ListenAndServe(":8080", authHandler{mux})
}

func notes(w http.ResponseWriter, r *http.Request) {}
