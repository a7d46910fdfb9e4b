package main

import (
	"net/http"

	"example.com/tally/web"
)

// Set by the linker: go build -ldflags "-X main.commit=$(git rev-parse HEAD)".
var (
	version string
	commit  string
)

func main() {
	web.Version = version
	web.Commit = commit
	http.ListenAndServe(":8080", web.Routes())
}
