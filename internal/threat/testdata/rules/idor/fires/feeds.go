package main

import (
	"database/sql"
	"log"
	"net/http"
)

// Each handler passes the path's id to a helper that looks it up by the
// id alone: one is given nothing of the caller, the other the caller only
// to log who asked (a call given the id and the caller, which alone
// reads as scoped).
func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /feeds/{feedID}/entries", feedEntries)
	mux.HandleFunc("GET /feeds/{feedID}", showFeed)
	http.ListenAndServe(":8080", mux)
}

var db *sql.DB

func feedEntries(w http.ResponseWriter, r *http.Request) {
	entriesByFeed(w, r.PathValue("feedID"))
}

func entriesByFeed(w http.ResponseWriter, feedID string) {
	rows, err := db.Query("SELECT title FROM entries WHERE feed_id = $1", feedID)
	if err != nil {
		http.Error(w, "no feed", http.StatusNotFound)
		return
	}
	rows.Close()
}

func showFeed(w http.ResponseWriter, r *http.Request) {
	userID := sessionUserID(r)
	feedByID(w, userID, r.PathValue("feedID"))
}

func feedByID(w http.ResponseWriter, userID, feedID string) {
	log.Printf("user %s opens feed %s", userID, feedID)
	var title string
	db.QueryRow("SELECT title FROM feeds WHERE id = $1", feedID).Scan(&title)
	w.Write([]byte(title))
}

func sessionUserID(r *http.Request) string {
	c, _ := r.Cookie("uid")
	return c.Value
}
