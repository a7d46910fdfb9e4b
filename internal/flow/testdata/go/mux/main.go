package main

import (
	"context"
	"encoding/json"
	"net/http"

	"github.com/gorilla/mux"
	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
)

var posts *mongo.Collection

func main() {
	r := mux.NewRouter()
	r.HandleFunc("/posts/{id}", getPost).Methods("GET")
	r.HandleFunc("/posts/search", searchPosts).Methods("POST")
	http.ListenAndServe(":8080", r)
}

// A path variable, indexed by name, is text: it cannot carry an operator.
func getPost(w http.ResponseWriter, r *http.Request) {
	vars := mux.Vars(r)
	var p bson.M
	_ = posts.FindOne(context.TODO(), bson.D{{Key: "id", Value: vars["id"]}}).Decode(&p)
	json.NewEncoder(w).Encode(p)
}

// A body decoded into a map may hold {"$ne": ""} as the author.
func searchPosts(w http.ResponseWriter, r *http.Request) {
	var q map[string]interface{}
	json.NewDecoder(r.Body).Decode(&q)
	var p bson.M
	_ = posts.FindOne(context.TODO(), bson.D{{Key: "author", Value: q["author"]}}).Decode(&p) // want: nosql-injection via=body
	json.NewEncoder(w).Encode(p)
}
