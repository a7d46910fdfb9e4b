package main

import (
	"context"
	"net/http"
)

type ctxKey struct{}

func requireUser(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie("session")
		if err != nil {
			http.Error(w, "sign in", http.StatusUnauthorized)
			return
		}
		var u User
		if err := db.Where("session_token = ?", c.Value).First(&u).Error; err != nil {
			http.Error(w, "sign in", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, &u)))
	})
}

func currentUser(r *http.Request) *User { return r.Context().Value(ctxKey{}).(*User) }
