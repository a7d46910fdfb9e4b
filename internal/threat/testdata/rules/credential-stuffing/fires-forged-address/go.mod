module example.org/console

go 1.22

require (
	github.com/gorilla/handlers v1.5.2
	github.com/gorilla/mux v1.8.1
)
