package uploads

import "net/http"

// Receive hands the request's body to the package's writer.
func Receive(w http.ResponseWriter, r *http.Request) {
	if err := save(r.URL.Query().Get("name"), r.Body); err != nil {
		http.Error(w, "cannot save", http.StatusInternalServerError)
	}
}
