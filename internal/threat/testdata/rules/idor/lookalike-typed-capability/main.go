package main

import (
	"database/sql"
	"fmt"
	"io"
	"net/http"

	"example.com/paste/random"
	"example.com/paste/share"
)

// An anonymous paste bin: each paste gets a key the server draws at
// random, converted to the key's own type, and the link it answers with
// is the only way back. No user model, no login.
type store struct{ db *sql.DB }

var pastes store

var idChars = []rune("abcdefghijkmnopqrstuvwxyz23456789")

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /pastes", create)
	mux.HandleFunc("GET /p/{id}", show)
	mux.HandleFunc("DELETE /p/{id}", remove)
	http.ListenAndServe(":8080", mux)
}

func newID() share.ID {
	return share.ID(random.String(16, idChars))
}

func parseID(s string) (share.ID, error) {
	if len(s) != 16 {
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
