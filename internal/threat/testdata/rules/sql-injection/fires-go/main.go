package main

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	_ "github.com/mattn/go-sqlite3"
)

var db *sql.DB

type readRequest struct {
	Tags []string `json:"tags"`
}

// markRead pastes each tag, as sent, into the query between quotes.
func markRead(tags []string) error {
	quoted := make([]string, len(tags))
	for i, t := range tags {
		quoted[i] = "'" + t + "'"
	}
	query := fmt.Sprintf(`UPDATE items SET unread = 0 WHERE tag IN (%s)`, strings.Join(quoted, ","))
	_, err := db.Exec(query)
	return err
}

func handleRead(w http.ResponseWriter, r *http.Request) {
	var req readRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	if err := markRead(req.Tags); err != nil {
		http.Error(w, "failed", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func main() {
	db, _ = sql.Open("sqlite3", "items.db")
	http.HandleFunc("/api/items/read", handleRead)
	http.ListenAndServe(":8080", nil)
}
