package main

import (
	"log"
	"net/http"
)

func main() {
	mux := http.NewServeMux()
	// Monthly exports are written here by the report job.
	mux.Handle("/exports/", http.StripPrefix("/exports/", http.FileServer(http.Dir("./exports"))))
	log.Fatal(http.ListenAndServe(":8080", mux))
}
