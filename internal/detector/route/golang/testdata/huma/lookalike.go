package main

import (
	"fmt"
	"net/http"

	"github.com/danielgtaylor/huma/v2"
)

// planned describes an operation for the changelog; it is never
// registered.
func planned() {
	op := huma.Operation{Method: http.MethodPut, Path: "/notes/{id}/share"}
	fmt.Println(op.Method, op.Path)
}
