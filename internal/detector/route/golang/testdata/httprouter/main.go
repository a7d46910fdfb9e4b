package main

import (
	"log"
	"net/http"

	"github.com/julienschmidt/httprouter"
)

func main() {
	router := httprouter.New()
	router.GET("/", Index)                                     // want: GET /
	router.GET("/hello/:name", Hello)                          // want: GET /hello/{name}
	router.POST("/users/:id/avatar", basicAuth(UploadAvatar))  // want: POST /users/{id}/avatar
	router.Handle("DELETE", "/users/:id", DeleteUser)          // want: DELETE /users/{id}
	router.ServeFiles("/public/*filepath", http.Dir("public")) // want: GET /public/{filepath}
	log.Fatal(http.ListenAndServe(":8080", router))
}

func Index(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {}

func Hello(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {}

func UploadAvatar(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
	r.ParseMultipartForm(10 << 20)
}

func DeleteUser(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {}

func basicAuth(h httprouter.Handle) httprouter.Handle {
	return func(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
		if _, _, ok := r.BasicAuth(); !ok {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		h(w, r, ps)
	}
}
