package main

import (
	"net/http"
	"os"

	"example.com/tally/web"
)

// Set by the linker: go build -ldflags "-X main.commit=$(git rev-parse HEAD)".
var commit string

func main() {
	web.Commit = commit
	// Not the build's: the process's environment, read at run time.
	web.Version = os.Getenv("DATABASE_URL")
	http.ListenAndServe(":8080", web.Routes())
}
