package main

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestHome(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /test-only", home)
	srv := httptest.NewServer(mux)
	defer srv.Close()
}
