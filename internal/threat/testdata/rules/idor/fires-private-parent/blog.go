package main

import (
	"context"
	"database/sql"
	"net/http"
)

// Each account writes its own articles; articles are drafts
// and a signed-in reader may comment on it.
type Account struct {
	ID       int64  `db:"id"`
	Username string `db:"username"`
	Password string `db:"password"`
	Email    string `db:"email"`
}

type Article struct {
	ID        int64  `db:"id"`
	Slug      string `db:"slug"`
	Title     string `db:"title"`
	Body      string `db:"body"`
	AccountID int64  `db:"account_id"`
}

type Comment struct {
	ID        int64  `db:"id"`
	ArticleID int64  `db:"article_id"`
	AccountID int64  `db:"account_id"`
	Body      string `db:"body"`
}

type store struct{ db *sql.DB }

var st = &store{}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/articles/{slug}", showArticle)
	mux.HandleFunc("POST /api/articles/{slug}/comments", addComment)
	http.ListenAndServe(":8080", mux)
}

// Drafts: only a signed-in caller reads one, and any signed-in caller
// may read (and comment on) another account's by its slug.
func showArticle(w http.ResponseWriter, r *http.Request) {
	if callerAccount(r) == nil {
		http.Error(w, "sign in", http.StatusUnauthorized)
		return
	}
	a, err := st.GetArticle(r.Context(), r.PathValue("slug"))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Write([]byte(a.Title))
}

func addComment(w http.ResponseWriter, r *http.Request) {
	me := callerAccount(r)
	if me == nil {
		http.Error(w, "sign in", http.StatusUnauthorized)
		return
	}
	a, err := st.GetArticle(r.Context(), r.PathValue("slug"))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	st.AddComment(r.Context(), a.ID, me.ID, r.FormValue("body"))
	w.WriteHeader(http.StatusCreated)
}

func callerAccount(r *http.Request) *Account {
	a, _ := r.Context().Value(accountKey{}).(*Account)
	return a
}

type accountKey struct{}

func (s *store) GetArticle(ctx context.Context, slug string) (*Article, error) {
	a := &Article{}
	err := s.db.QueryRowContext(ctx, "SELECT id, slug, title FROM article WHERE slug = ?", slug).Scan(&a.ID, &a.Slug, &a.Title)
	return a, err
}

func (s *store) AddComment(ctx context.Context, articleID, accountID int64, body string) error {
	_, err := s.db.ExecContext(ctx, "INSERT INTO comment (article_id, account_id, body) VALUES (?, ?, ?)", articleID, accountID, body)
	return err
}
