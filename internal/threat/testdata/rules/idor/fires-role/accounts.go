package main

import (
	"context"
	"database/sql"
	"errors"
	"log"
	"net/http"
	"strconv"
)

// Deleting an account looks like it goes on only for the instance's
// owner, but the helper that tests the caller's flag only logs: it turns
// no one away, so any account deletes any other.
type Account struct {
	ID       int64  `db:"id"`
	Username string `db:"username"`
	Password string `db:"password"`
	Email    string `db:"email"`
	Owner    bool   `db:"owner"`
}

func (a *Account) IsOwner() bool { return a.Owner }

type store struct{ db *sql.DB }

var st = &store{}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("DELETE /api/accounts/{id}", deleteAccount)
	http.ListenAndServe(":8080", mux)
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
		log.Printf("account %d is not the owner", account.ID)
	}
	return nil
}

func callerAccount(r *http.Request) *Account {
	a, _ := r.Context().Value(accountKey{}).(*Account)
	return a
}

type accountKey struct{}

func (s *store) DeleteAccount(ctx context.Context, id int64) error {
	_, err := s.db.ExecContext(ctx, "DELETE FROM account WHERE id = ?", id)
	return err
}
