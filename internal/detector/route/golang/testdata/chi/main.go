package main

import (
	"log"
	"net/http"

	"example.com/notes/internal/api"
)

func main() {
	log.Fatal(http.ListenAndServe(":3000", api.NewRouter()))
}
