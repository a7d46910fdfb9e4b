package main

func (s *server) more() {
	s.router.HandleFunc("/x", func(w http.ResponseWriter, r *http.Request) {
