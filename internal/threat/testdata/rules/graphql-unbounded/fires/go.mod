module example.com/catalog

go 1.22

require github.com/99designs/gqlgen v0.17.49
