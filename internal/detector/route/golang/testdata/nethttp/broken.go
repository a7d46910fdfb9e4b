package main

import "net/http"

func broken(w http.ResponseWriter {
	mux.HandleFunc("/never", nil
