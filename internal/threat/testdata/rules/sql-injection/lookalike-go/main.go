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
	IDs []int64 `json:"ids"`
}

// markRead formats only placeholder names the code makes (:id0, :id1)
// into the query; the ids, numbers, are bound as arguments.
func markRead(ids []int64) error {
	placeholders := make([]string, len(ids))
	args := make([]any, 0, len(ids))
	for i, id := range ids {
		name := fmt.Sprintf("id%d", i)
		placeholders[i] = ":" + name
		args = append(args, sql.Named(name, id))
	}
	query := fmt.Sprintf(`UPDATE items SET unread = 0 WHERE id IN (%s)`, strings.Join(placeholders, ","))
	_, err := db.Exec(query, args...)
	return err
}

func handleRead(w http.ResponseWriter, r *http.Request) {
	var req readRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	if err := markRead(req.IDs); err != nil {
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
