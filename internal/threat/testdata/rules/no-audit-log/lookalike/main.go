package main

import (
	"database/sql"
	"log/slog"
	"net/http"

	"github.com/go-chi/chi/v5"
)

var (
	db       *sql.DB
	auditLog = slog.Default().With("stream", "audit")
)

func main() {
	r := chi.NewRouter()
	r.Group(func(r chi.Router) {
		r.Use(requireSession)
		r.Delete("/api/teams/{teamID}/members/{memberID}", removeMember)
	})
	http.ListenAndServe(":8080", r)
}

func requireSession(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := r.Cookie("session"); err != nil {
			http.Error(w, "sign in", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func removeMember(w http.ResponseWriter, r *http.Request) {
	team, member := chi.URLParam(r, "teamID"), chi.URLParam(r, "memberID")
	_, err := db.ExecContext(r.Context(), "DELETE FROM members WHERE team_id = $1 AND id = $2", team, member)
	if err != nil {
		http.Error(w, "could not remove", http.StatusInternalServerError)
		return
	}
	auditLog.Info("member removed", "team", team, "member", member, "by", r.Header.Get("X-User-ID"))
	w.WriteHeader(http.StatusNoContent)
}
