package server

import "net/http"

type server struct{ cache *blobCache }

// publish takes the request body as the message's attachment.
func (s *server) publish(w http.ResponseWriter, r *http.Request) {
	if _, err := s.cache.Put(r.URL.Query().Get("id"), r.Body); err != nil {
		http.Error(w, "cannot store", http.StatusInternalServerError)
	}
}
