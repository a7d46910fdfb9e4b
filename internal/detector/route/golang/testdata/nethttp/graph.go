package main

import (
	"net/http"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/playground"
)

func registerGraphQL(mux *http.ServeMux) {
	srv := handler.NewDefaultServer(newSchema())
	mux.Handle("/query", srv)                                          // want: ANY /query
	mux.Handle("/playground", playground.Handler("GraphQL", "/query")) // want: ANY /playground
}
