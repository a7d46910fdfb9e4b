package main

import (
	"log"
	"net/http"
	"strconv"

	"github.com/jmoiron/sqlx"

	"example.com/marks/internal/database"
)

type server struct{ db *database.DB }

func main() {
	pool, err := sqlx.Open("sqlite3", "marks.db")
	if err != nil {
		log.Fatal(err)
	}
	s := &server{db: database.New(pool, pool)}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /bookmarks", s.saveBookmarks)
	mux.HandleFunc("POST /tags/{id}", s.renameTag)
	log.Fatal(http.ListenAndServe("127.0.0.1:8080", mux))
}

// Lookalike: the titles reach the database only as a prepared
// statement's values.
func (s *server) saveBookmarks(w http.ResponseWriter, r *http.Request) {
	if err := s.db.SaveTitles(r.Context(), r.Form["title"]); err != nil {
		http.Error(w, "could not save", http.StatusInternalServerError)
	}
}

// Lookalike: the name is a value bound beside fixed text.
func (s *server) renameTag(w http.ResponseWriter, r *http.Request) {
	id, _ := strconv.Atoi(r.PathValue("id"))
	if err := s.db.RenameTag(r.Context(), id, r.FormValue("name")); err != nil {
		http.Error(w, "could not rename", http.StatusInternalServerError)
	}
}
