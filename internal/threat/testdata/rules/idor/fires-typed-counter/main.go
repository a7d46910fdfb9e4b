package main

import (
	"database/sql"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"sync/atomic"

	"example.com/paste/share"
)

// The paste bin of lookalike-typed-capability, its keys counted, not
// drawn: the key's own type holds the next number, one guess away.
type store struct{ db *sql.DB }

var pastes store

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /pastes", create)
	mux.HandleFunc("GET /p/{id}", show)
	mux.HandleFunc("DELETE /p/{id}", remove)
	http.ListenAndServe(":8080", mux)
}

var next int64

func newID() share.ID {
	return share.ID(strconv.FormatInt(atomic.AddInt64(&next, 1), 36))
}

func parseID(s string) (share.ID, error) {
	if s == "" {
		return "", fmt.Errorf("bad id")
	}
	return share.ID(s), nil
}

func create(w http.ResponseWriter, r *http.Request) {
	text, _ := io.ReadAll(r.Body)
	p := share.Paste{ID: newID(), Text: string(text)}
	if err := pastes.InsertPaste(p); err != nil {
		http.Error(w, "could not store", http.StatusInternalServerError)
		return
	}
	fmt.Fprintf(w, "/p/%s\n", p.ID)
}

func show(w http.ResponseWriter, r *http.Request) {
	id, err := parseID(r.PathValue("id"))
	if err != nil {
		http.Error(w, "bad id", http.StatusBadRequest)
		return
	}
	p, err := pastes.GetPaste(id)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	io.WriteString(w, p.Text)
}

func remove(w http.ResponseWriter, r *http.Request) {
	id, err := parseID(r.PathValue("id"))
	if err != nil {
		http.Error(w, "bad id", http.StatusBadRequest)
		return
	}
	pastes.DeletePaste(id)
}

func (s store) InsertPaste(p share.Paste) error {
	_, err := s.db.Exec("INSERT INTO pastes(id, text) VALUES (?, ?)", p.ID.String(), p.Text)
	return err
}

func (s store) GetPaste(id share.ID) (share.Paste, error) {
	var p share.Paste
	err := s.db.QueryRow("SELECT id, text FROM pastes WHERE id = ?", id.String()).Scan(&p.ID, &p.Text)
	return p, err
}

func (s store) DeletePaste(id share.ID) error {
	_, err := s.db.Exec("DELETE FROM pastes WHERE id = ?", id.String())
	return err
}
