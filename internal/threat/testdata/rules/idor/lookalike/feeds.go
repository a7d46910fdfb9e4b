package main

import (
	"database/sql"
	"errors"
	"net/http"
	"strconv"
)

// Each handler passes the path's id to a helper, which scopes the lookup
// by the caller: in its query's arguments, or by comparing the record's
// owner with the caller.
func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /feeds/{feedID}/entries", feedEntries)
	mux.HandleFunc("DELETE /feeds/{feedID}", deleteFeed)
	http.ListenAndServe(":8080", mux)
}

var db *sql.DB

func feedEntries(w http.ResponseWriter, r *http.Request) {
	feedID, _ := strconv.ParseInt(r.PathValue("feedID"), 10, 64)
	entriesByFeed(w, r, feedID)
}

func entriesByFeed(w http.ResponseWriter, r *http.Request, feedID int64) {
	userID := sessionUserID(r)
	rows, err := db.Query("SELECT title FROM entries WHERE feed_id = $1 AND user_id = $2", feedID, userID)
	if err != nil {
		http.Error(w, "no feed", http.StatusNotFound)
		return
	}
	rows.Close()
}

func deleteFeed(w http.ResponseWriter, r *http.Request) {
	feed, err := loadFeedByID(r.PathValue("feedID"))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	if err := requireFeedOwner(r, feed); err != nil {
		http.NotFound(w, r)
		return
	}
	db.Exec("DELETE FROM feeds WHERE id = $1", feed.ID)
}

func requireFeedOwner(r *http.Request, feed *Feed) error {
	if feed.UserID != sessionUserID(r) {
		return errors.New("not found")
	}
	return nil
}

type Feed struct{ ID, UserID int64 }

func loadFeedByID(id string) (*Feed, error) {
	var f Feed
	err := db.QueryRow("SELECT id, user_id FROM feeds WHERE id = $1", id).Scan(&f.ID, &f.UserID)
	return &f, err
}

func sessionUserID(r *http.Request) int64 {
	c, _ := r.Cookie("uid")
	id, _ := strconv.ParseInt(c.Value, 10, 64)
	return id
}
