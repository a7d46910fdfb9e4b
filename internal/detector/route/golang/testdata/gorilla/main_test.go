package main

import (
	"testing"

	"github.com/gorilla/mux"
)

func TestRoutes(t *testing.T) {
	r := mux.NewRouter()
	r.HandleFunc("/only-in-tests", nil).Methods("GET")
}
