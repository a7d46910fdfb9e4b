package main

import (
	"encoding/json"
	"log"
	"net/http"

	"example.com/digest/internal/summary"
)

func main() {
	http.HandleFunc("POST /digest", digest)
	http.HandleFunc("GET /integrations", integrations)
	log.Fatal(http.ListenAndServe(":8080", nil))
}

func digest(w http.ResponseWriter, r *http.Request) {
	var in struct{ Text string }
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	out, err := summary.Digest(r.Context(), in.Text)
	if err != nil {
		http.Error(w, "model failed", http.StatusBadGateway)
		return
	}
	json.NewEncoder(w).Encode(map[string]string{"digest": out})
}

// integrations lists the providers a workspace can connect (anthropic,
// openai); it calls none of them.
func integrations(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode([]string{"anthropic", "openai", "mistral"})
}
