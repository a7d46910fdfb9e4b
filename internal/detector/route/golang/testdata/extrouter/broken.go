package main

func main() {
	a.Server.HTTP.Path("/broken").Methods("GET").Handler(
