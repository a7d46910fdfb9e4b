package main

import (
	"log"
	"net/http"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"

	"example.com/catalog/graph"
)

func main() {
	srv := handler.NewDefaultServer(graph.NewExecutableSchema(graph.Config{Resolvers: &graph.Resolver{}}))
	// Books have authors have books: cap how deep and costly one query may go.
	srv.Use(extension.FixedComplexityLimit(200))
	http.Handle("/graphql", srv)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
