package main

import (
	"fmt"
	"net/http"

	"github.com/zeromicro/go-zero/rest"
)

// endpoint has a route's shape, but is what a client calls.
type endpoint struct {
	Method  string
	Path    string
	Handler func(*http.Response)
}

var upstream = []endpoint{
	{Method: http.MethodGet, Path: "/v2/quotes", Handler: nil},
}

// documented lists routes for a help page; nothing serves them.
func documented() {
	docs := []rest.Route{
		{Method: http.MethodGet, Path: "/debug/vars", Handler: healthz},
	}
	for _, d := range docs {
		fmt.Println(d.Method, d.Path)
	}
	for _, e := range upstream {
		req, _ := http.NewRequest(e.Method, "https://quotes.example"+e.Path, nil)
		_ = req
	}
}
