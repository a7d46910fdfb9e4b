package main

import (
	"database/sql"
	"encoding/json"
	"net/http"
)

var db *sql.DB

func main() {
	http.HandleFunc("GET /api/books", searchBooks)
	http.ListenAndServe(":8080", nil)
}

func searchBooks(w http.ResponseWriter, r *http.Request) {
	rows, err := db.Query("SELECT id, title FROM books WHERE title ILIKE '%' || $1 || '%'", r.URL.Query().Get("q"))
	if err != nil {
		http.Error(w, "search failed", http.StatusInternalServerError)
		return
	}
	defer rows.Close()
	var titles []string
	for rows.Next() {
		var id int
		var title string
		rows.Scan(&id, &title)
		titles = append(titles, title)
	}
	json.NewEncoder(w).Encode(titles)
}
