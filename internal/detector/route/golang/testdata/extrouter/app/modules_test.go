package app

import (
	"net/http"
	"testing"
)

func TestRoutes(t *testing.T) {
	a := &App{}
	a.Server.HTTP.Path("/test-only").Methods("GET").Handler(http.NotFoundHandler())
}
