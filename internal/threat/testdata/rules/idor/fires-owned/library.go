package main

import (
	"context"
	"database/sql"
	"net/http"
	"strconv"
)

// Each account keeps its own bookmarks: a bookmark holds its account's
// key (AccountID), so another id reaches another user's.
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
	ID        int64  `db:"id"`
	URL       string `db:"url"`
	Title     string `db:"title"`
	Author    string `db:"author"`
	AccountID int64  `db:"account_id"`
	Content   string `db:"content"`
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
