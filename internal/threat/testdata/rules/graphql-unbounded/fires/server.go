package main

import (
	"log"
	"net/http"

	"github.com/99designs/gqlgen/graphql/handler"

	"example.com/catalog/graph"
)

func main() {
	srv := handler.NewDefaultServer(graph.NewExecutableSchema(graph.Config{Resolvers: &graph.Resolver{}}))
	http.Handle("/graphql", srv)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
