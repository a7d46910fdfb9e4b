package main

import (
	"log"
	"net/http"
	"os"
)

func main() {
	addr := ":" + os.Getenv("PORT") // want: credential PORT config -
	log.Fatal(http.ListenAndServe(addr, nil))
}
