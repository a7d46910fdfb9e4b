package main

import (
	"context"
	"database/sql"
	"errors"
	"net/http"
	"strconv"
)

// One library every account shares: a bookmark and a tag belong to no
// account (no key of one, no relation), so another id reaches no other
// user's data. Deleting an account goes on only for the instance's
// owner: the helper answers forbidden unless the caller's account has
// the flag, whatever the flag is called.
type Account struct {
	ID       int64  `db:"id"`
	Username string `db:"username"`
	Password string `db:"password"`
	Email    string `db:"email"`
	Owner    bool   `db:"owner"`
}

func (a *Account) IsOwner() bool { return a.Owner }

// Bookmark's Author is the page's author, a name: no key of anyone's.
type Bookmark struct {
	ID      int64  `db:"id"`
	URL     string `db:"url"`
	Title   string `db:"title"`
	Author  string `db:"author"`
	Content string `db:"content"`
}

type Tag struct {
	ID   int64  `db:"id"`
	Name string `db:"name"`
}

type store struct{ db *sql.DB }

var st = &store{}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/bookmarks/{id}", showBookmark)
	mux.HandleFunc("DELETE /api/tags/{id}", deleteTag)
	mux.HandleFunc("DELETE /api/accounts/{id}", deleteAccount)
	http.ListenAndServe(":8080", mux)
}

func showBookmark(w http.ResponseWriter, r *http.Request) {
	if callerAccount(r) == nil {
		http.Error(w, "sign in", http.StatusUnauthorized)
		return
	}
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	b, err := st.GetBookmark(r.Context(), id)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Write([]byte(b.Title))
}

func deleteTag(w http.ResponseWriter, r *http.Request) {
	if callerAccount(r) == nil {
		http.Error(w, "sign in", http.StatusUnauthorized)
		return
	}
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err := st.DeleteTag(r.Context(), id); err != nil {
		http.NotFound(w, r)
	}
}

func deleteAccount(w http.ResponseWriter, r *http.Request) {
	if err := ensureInstanceOwner(w, r); err != nil {
		return
	}
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	st.DeleteAccount(r.Context(), id)
}

func ensureInstanceOwner(w http.ResponseWriter, r *http.Request) error {
	account := callerAccount(r)
	if account == nil {
		http.Error(w, "sign in", http.StatusUnauthorized)
		return errors.New("no session")
	}
	if !account.IsOwner() {
		http.Error(w, "owner access required", http.StatusForbidden)
		return errors.New("not the owner")
	}
	return nil
}

func callerAccount(r *http.Request) *Account {
	a, _ := r.Context().Value(accountKey{}).(*Account)
	return a
}

type accountKey struct{}

func (s *store) GetBookmark(ctx context.Context, id int64) (*Bookmark, error) {
	b := &Bookmark{}
	err := s.db.QueryRowContext(ctx, "SELECT id, url, title FROM bookmark WHERE id = ?", id).Scan(&b.ID, &b.URL, &b.Title)
	return b, err
}

func (s *store) DeleteTag(ctx context.Context, id int64) error {
	_, err := s.db.ExecContext(ctx, "DELETE FROM tag WHERE id = ?", id)
	return err
}

func (s *store) DeleteAccount(ctx context.Context, id int64) error {
	_, err := s.db.ExecContext(ctx, "DELETE FROM account WHERE id = ?", id)
	return err
}
